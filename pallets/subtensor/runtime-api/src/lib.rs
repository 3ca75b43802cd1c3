//! Runtime APIs of `SubtensorModule`, with the names and parameter names clients call
//! (clients.md §5.4). Declared here, implemented in the runtime's `apis.rs`.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_subtensor::rpc_info::{
	DynamicInfo, NeuronInfo, NeuronInfoLite, SimSwapResult, StakeInfo, SubnetPrice,
};

sp_api::decl_runtime_apis! {
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

	/// Subnets' pool and emission state (the reference's `SubnetInfoRuntimeApi`, dynamic info).
	pub trait SubnetInfoRuntimeApi<AccountId> where AccountId: Codec {
		/// One subnet; `None` if it does not exist.
		fn get_dynamic_info(netuid: u16) -> Option<DynamicInfo<AccountId>>;
		/// Every subnet, root included, in netuid order.
		fn get_all_dynamic_info() -> Vec<Option<DynamicInfo<AccountId>>>;
		/// The block of the next epoch of `netuid` (`None` for an unknown subnet or tempo 0).
		fn get_next_epoch_start_block(netuid: u16) -> Option<u64>;
	}

	/// Stake positions (the reference's `StakeInfoRuntimeApi`).
	pub trait StakeInfoRuntimeApi<AccountId> where AccountId: Codec {
		/// Every non-zero position of `coldkey_account`.
		fn get_stake_info_for_coldkey(coldkey_account: AccountId) -> Vec<StakeInfo<AccountId>>;
		/// Every non-zero position of each of `coldkey_accounts`.
		fn get_stake_info_for_coldkeys(
			coldkey_accounts: Vec<AccountId>,
		) -> Vec<(AccountId, Vec<StakeInfo<AccountId>>)>;
		/// One position (`None` for an unknown subnet).
		fn get_stake_info_for_hotkey_coldkey_netuid(
			hotkey_account: AccountId,
			coldkey_account: AccountId,
			netuid: u16,
		) -> Option<StakeInfo<AccountId>>;
	}
}
