//! Runtime APIs of `SubtensorModule`, with the names and parameter names clients call
//! (clients.md §5.4). Declared here, implemented in the runtime's `apis.rs`.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use codec::Codec;
use pallet_subtensor::substrate_fixed::types::U64F64;
pub use pallet_subtensor::{
	rpc_info::{
		delegate_info::DelegatedStake, stake_info::ColdkeyStakeInfo, DelegateInfo, DynamicInfo,
		HyperparamEntry, HyperparamValue, Metagraph, NeuronInfo, NeuronInfoLite, ProxyFilterInfo,
		ProxyTypeInfo, SelectiveMetagraph, SimSwapResult, StakeAvailability, StakeInfo,
		SubnetHyperparams, SubnetHyperparamsV2, SubnetHyperparamsV3, SubnetInfo, SubnetInfov2,
		SubnetPrice, SubnetState,
	},
	LockState,
};

sp_api::decl_runtime_apis! {
	/// What each proxy type lets a delegate do (the reference's `ProxyFilterRuntimeApi`; the
	/// Bittensor SDK's `get_proxy_types`/`get_proxy_filter`).
	pub trait ProxyFilterRuntimeApi {
		/// Every proxy type, by SCALE index.
		fn get_proxy_types() -> Vec<ProxyTypeInfo>;
		/// The rule of the type with SCALE index `proxy_type`, or of every type (`None`).
		fn get_proxy_filter(proxy_type: Option<u8>) -> Vec<ProxyFilterInfo>;
	}

	/// Subnet registration quotes.
	pub trait SubnetRegistrationRuntimeApi {
		/// The TAO (in RAO) that `register_network` would charge in the next block's state:
		/// the lock cost of economics.md §1.2.
		fn get_network_registration_cost() -> u64;
	}

	/// Prices and swap previews of the subnets' pools, so that a client can see the slippage
	/// before it stakes (the reference chain's `SwapRuntimeApi`).
	pub trait SwapRuntimeApi {
		/// The spot price of `netuid`'s alpha in RAO per alpha (10⁹ = 1.0; root is 1.0; 0 for
		/// an unknown subnet or an empty pool).
		fn current_alpha_price(netuid: u16) -> u64;
		/// The spot price of every subnet, root included, in netuid order.
		fn current_alpha_price_all() -> Vec<SubnetPrice>;
		/// What staking `tao` RAO on `netuid` would give now (`add_stake`'s exact result:
		/// fee, alpha out and slippage against the spot price). All zeros if it would fail.
		fn sim_swap_tao_for_alpha(netuid: u16, tao: u64) -> SimSwapResult;
		/// What unstaking `alpha` on `netuid` would give now (`remove_stake`'s exact result).
		/// All zeros if it would fail.
		fn sim_swap_alpha_for_tao(netuid: u16, alpha: u64) -> SimSwapResult;
	}

	/// The neurons of a subnet, as a metagraph (the reference's `NeuronInfoRuntimeApi`).
	pub trait NeuronInfoRuntimeApi<AccountId> where AccountId: Codec {
		/// Every UID of `netuid`, with weights and bonds.
		fn get_neurons(netuid: u16) -> Vec<NeuronInfo<AccountId>>;
		/// UID `uid` of `netuid`, with weights and bonds.
		fn get_neuron(netuid: u16, uid: u16) -> Option<NeuronInfo<AccountId>>;
		/// Every UID of `netuid`, without weights and bonds (`metagraph(lite=True)`).
		fn get_neurons_lite(netuid: u16) -> Vec<NeuronInfoLite<AccountId>>;
		/// UID `uid` of `netuid`, without weights and bonds.
		fn get_neuron_lite(netuid: u16, uid: u16) -> Option<NeuronInfoLite<AccountId>>;
	}

	/// Subnets: summaries, hyperparameters, pool and emission state, metagraphs (the
	/// reference's `SubnetInfoRuntimeApi`, same method and parameter names).
	///
	/// `get_subnet_hyperparams_v3` is declared `#[api_version(2)]` as in the reference, and the
	/// runtime implements version 2: the runtime version lists this API at version 2 and the
	/// V15 metadata lists every method, v3 included.
	pub trait SubnetInfoRuntimeApi<AccountId> where AccountId: Codec {
		/// Summary of `netuid`, v1; `None` for an unknown subnet.
		fn get_subnet_info(netuid: u16) -> Option<SubnetInfo<AccountId>>;
		/// Summary of every subnet, v1, root included, in netuid order.
		fn get_subnets_info() -> Vec<Option<SubnetInfo<AccountId>>>;
		/// Summary of `netuid` with its identity; `None` for an unknown subnet.
		fn get_subnet_info_v2(netuid: u16) -> Option<SubnetInfov2<AccountId>>;
		/// Summary of every subnet with its identity, root included, in netuid order.
		fn get_subnets_info_v2() -> Vec<Option<SubnetInfov2<AccountId>>>;
		/// Hyperparameters of `netuid`, v1 struct; `None` for an unknown subnet.
		#[deprecated(note = "Use `get_subnet_hyperparams_v3` instead.")]
		fn get_subnet_hyperparams(netuid: u16) -> Option<SubnetHyperparams>;
		/// Hyperparameters of `netuid`, v2 struct; `None` for an unknown subnet.
		#[deprecated(note = "Use `get_subnet_hyperparams_v3` instead.")]
		fn get_subnet_hyperparams_v2(netuid: u16) -> Option<SubnetHyperparamsV2>;
		/// Hyperparameters of `netuid` as a list of `{name, value}`; `None` for an unknown
		/// subnet.
		#[api_version(2)]
		fn get_subnet_hyperparams_v3(netuid: u16) -> Option<SubnetHyperparamsV3>;
		/// Every subnet, root included, in netuid order.
		fn get_all_dynamic_info() -> Vec<Option<DynamicInfo<AccountId>>>;
		/// The whole state of every subnet, root included, in netuid order.
		fn get_all_metagraphs() -> Vec<Option<Metagraph<AccountId>>>;
		/// The whole state of `netuid`; `None` for an unknown subnet.
		fn get_metagraph(netuid: u16) -> Option<Metagraph<AccountId>>;
		/// The whole state of every mechanism of every subnet.
		fn get_all_mechagraphs() -> Vec<Option<Metagraph<AccountId>>>;
		/// The whole state of mechanism `mecid` of `netuid`; `None` if it does not exist.
		fn get_mechagraph(netuid: u16, mecid: u8) -> Option<Metagraph<AccountId>>;
		/// One subnet; `None` if it does not exist.
		fn get_dynamic_info(netuid: u16) -> Option<DynamicInfo<AccountId>>;
		/// The per-UID state of `netuid` (the SDK's metagraph sync); `None` for an unknown
		/// subnet.
		fn get_subnet_state(netuid: u16) -> Option<SubnetState<AccountId>>;
		/// The fields `metagraph_indexes` of `netuid`'s state, the others `None`; `None` for an
		/// unknown subnet.
		fn get_selective_metagraph(
			netuid: u16,
			metagraph_indexes: Vec<u16>,
		) -> Option<SelectiveMetagraph<AccountId>>;
		/// The hotkey `coldkey`'s mining rewards on `netuid` are staked to: always `None`
		/// (no auto-stake destinations on this chain).
		fn get_coldkey_auto_stake_hotkey(coldkey: AccountId, netuid: u16) -> Option<AccountId>;
		/// The fields `metagraph_indexes` of mechanism `subid` of `netuid`; `None` if it does
		/// not exist.
		fn get_selective_mechagraph(
			netuid: u16,
			subid: u8,
			metagraph_indexes: Vec<u16>,
		) -> Option<SelectiveMetagraph<AccountId>>;
		/// The subnet a new registration would replace at the subnet limit.
		fn get_subnet_to_prune() -> Option<u16>;
		/// The block of the next epoch of `netuid` (`None` for an unknown subnet or tempo 0).
		fn get_next_epoch_start_block(netuid: u16) -> Option<u64>;
	}

	/// Stake positions, availability, fees and locks (the reference's `StakeInfoRuntimeApi`).
	pub trait StakeInfoRuntimeApi<AccountId> where AccountId: Codec + Ord {
		/// Every non-zero position of `coldkey_account`.
		fn get_stake_info_for_coldkey(coldkey_account: AccountId) -> Vec<StakeInfo<AccountId>>;
		/// Every non-zero position of each of `coldkey_accounts`.
		fn get_stake_info_for_coldkeys(
			coldkey_accounts: Vec<AccountId>,
		) -> Vec<ColdkeyStakeInfo<AccountId>>;
		/// One position (`None` for an unknown subnet).
		fn get_stake_info_for_hotkey_coldkey_netuid(
			hotkey_account: AccountId,
			coldkey_account: AccountId,
			netuid: u16,
		) -> Option<StakeInfo<AccountId>>;
		/// Per coldkey, per subnet with stake: total, locked (0: no locks) and available.
		fn get_stake_availability_for_coldkeys(
			coldkey_accounts: Vec<AccountId>,
			netuids: Option<Vec<u16>>,
		) -> BTreeMap<AccountId, BTreeMap<u16, StakeAvailability>>;
		/// The swap fee of moving `amount` from `origin` to `destination` (`(hotkey, netuid)`;
		/// `None` is free TAO), with this chain's pool math.
		fn get_stake_fee(
			origin: Option<(AccountId, u16)>,
			origin_coldkey_account: AccountId,
			destination: Option<(AccountId, u16)>,
			destination_coldkey_account: AccountId,
			amount: u64,
		) -> u64;
		/// The lock of `coldkey` on `netuid`: always `None` (no stake locks on this chain).
		fn get_coldkey_lock(coldkey: AccountId, netuid: u16) -> Option<LockState>;
		/// The conviction locked to `hotkey` on `netuid`: 0 (no stake locks).
		fn get_hotkey_conviction(hotkey: AccountId, netuid: u16) -> U64F64;
		/// The hotkey with the most conviction on `netuid`: `None` (no stake locks).
		fn get_most_convicted_hotkey_on_subnet(netuid: u16) -> Option<AccountId>;
	}

	/// Validators and their nominators (the reference's `DelegateInfoRuntimeApi`). A delegate
	/// is any hotkey with an owner (`rpc_info::delegate_info` explains the returns).
	pub trait DelegateInfoRuntimeApi<AccountId> where AccountId: Codec {
		/// Every delegate with its nominators.
		fn get_delegates() -> Vec<DelegateInfo<AccountId>>;
		/// `delegate_account` with its nominators; `None` if no coldkey owns it.
		fn get_delegate(delegate_account: AccountId) -> Option<DelegateInfo<AccountId>>;
		/// Every non-zero stake of coldkey `delegatee_account`: the delegate (without
		/// nominators) and `(netuid, stake)`.
		fn get_delegated(
			delegatee_account: AccountId,
		) -> Vec<DelegatedStake<AccountId>>;
	}
}
