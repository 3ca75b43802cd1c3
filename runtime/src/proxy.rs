//! Proxy types: what a delegate may do for the account that added it (`Proxy.add_proxy`).
//!
//! The variants and their SCALE indices are the reference chain's (clients pass them by name and
//! encode them by index). Each filter matches the **top-level** call a proxy dispatches; a call
//! the filter refuses fails with `frame_system::Error::CallFiltered` inside `Proxy.proxy`'s
//! `ProxyExecuted` event, and changes nothing. Allow-list types (`Staking`, `Transfer`, …) refuse
//! `Utility` batches too; deny-list types (`NonTransfer`, `NonCritical`, `NonFungible`) allow
//! them, and `pallet-proxy` applies the filter again to every call inside.
//!
//! `RootClaim` (root claims are not a feature of this chain) allows nothing; `Senate`,
//! `Triumvirate`, `Governance` and `RootWeights` are retired upstream and allow nothing. The
//! coldkey-swap calls count as moving value (the swap hands the whole account to a new key):
//! `NonTransfer`, `NonCritical` and `NonFungible` refuse them, as on the reference chain.

use crate::{Balance, RuntimeCall};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::traits::InstanceFilter;
use pallet_admin_utils::Call as AdminCall;
use pallet_balances::Call as BalancesCall;
use pallet_subtensor::Call as SubtensorCall;
use scale_info::TypeInfo;

/// `SmallTransfer` moves strictly less than this: 0.5 TAO, in RAO.
pub const SMALL_TRANSFER_LIMIT: Balance = 500_000_000;
/// `SmallTransfer` moves strictly less than this much alpha with `transfer_stake`: 0.5 alpha.
pub const SMALL_ALPHA_TRANSFER_LIMIT: u64 = 500_000_000;

/// What a proxy may do. See the module documentation; `filter` below is the exact rule.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Default,
)]
pub enum ProxyType {
	/// Everything.
	#[default]
	#[codec(index = 0)]
	Any,
	/// A subnet owner's settings: `AdminUtils` (except changing the owner hotkey),
	/// `set_subnet_identity`, `update_symbol`.
	#[codec(index = 1)]
	Owner,
	/// Everything except `Sudo` and the calls that are hard to undo: `dissolve_network`,
	/// `root_register`, `burned_register`, `register_limit`, and the coldkey-swap calls.
	#[codec(index = 2)]
	NonCritical,
	/// Everything except moving value to another account: `Balances`, `transfer_stake` and the
	/// coldkey-swap calls.
	#[codec(index = 3)]
	NonTransfer,
	/// Retired: nothing.
	#[codec(index = 4)]
	Senate,
	/// Everything except what spends, moves or burns TAO or stake: `Balances`, every staking and
	/// unstaking call, registrations, `recycle_alpha`, `burn_alpha`, key swaps.
	#[codec(index = 5)]
	NonFungible,
	/// Retired: nothing.
	#[codec(index = 6)]
	Triumvirate,
	/// Retired: nothing.
	#[codec(index = 7)]
	Governance,
	/// Staking and unstaking: `add_stake`, `remove_stake`, their limit forms, `unstake_all`,
	/// `unstake_all_alpha`, `move_stake`, `swap_stake`, `swap_stake_limit`.
	#[codec(index = 8)]
	Staking,
	/// Neuron registration: `burned_register`, `register_limit`.
	#[codec(index = 9)]
	Registration,
	/// Transfers: `Balances` `transfer_keep_alive`, `transfer_allow_death`, `transfer_all`, and
	/// `transfer_stake`.
	#[codec(index = 10)]
	Transfer,
	/// Transfers of less than 0.5 TAO (`transfer_keep_alive`, `transfer_allow_death`) or less than
	/// 0.5 alpha (`transfer_stake`).
	#[codec(index = 11)]
	SmallTransfer,
	/// Retired: nothing.
	#[codec(index = 12)]
	RootWeights,
	/// Childkey settings: `set_children`, `set_childkey_take`.
	#[codec(index = 13)]
	ChildKeys,
	/// `Sudo.sudo_unchecked_weight(System.set_code(..))` only: a runtime-upgrade key.
	#[codec(index = 14)]
	SudoUncheckedSetCode,
	/// Hotkey swaps: `swap_hotkey`.
	#[codec(index = 15)]
	SwapHotkey,
	/// What the beneficiary of a leased subnet may do: `start_call` and the subnet's
	/// owner-settable hyperparameters.
	#[codec(index = 16)]
	SubnetLeaseBeneficiary,
	/// Root-dividend claims (not on this chain): nothing.
	#[codec(index = 17)]
	RootClaim,
}

impl ProxyType {
	/// The retired types, which allow nothing.
	pub fn is_retired(&self) -> bool {
		matches!(self, Self::Senate | Self::Triumvirate | Self::Governance | Self::RootWeights)
	}
}

/// Staking and unstaking on the signer's own positions (what `Staking` allows).
fn is_staking_call(c: &SubtensorCall<crate::Runtime>) -> bool {
	matches!(
		c,
		SubtensorCall::add_stake { .. }
			| SubtensorCall::add_stake_limit { .. }
			| SubtensorCall::remove_stake { .. }
			| SubtensorCall::remove_stake_limit { .. }
			| SubtensorCall::remove_stake_full_limit { .. }
			| SubtensorCall::unstake_all { .. }
			| SubtensorCall::unstake_all_alpha { .. }
			| SubtensorCall::move_stake { .. }
			| SubtensorCall::swap_stake { .. }
			| SubtensorCall::swap_stake_limit { .. }
	)
}

/// Calls that spend, move or burn stake (`NonFungible` refuses them): staking, and handing stake
/// to someone else or destroying it.
fn is_stake_value_call(c: &SubtensorCall<crate::Runtime>) -> bool {
	is_staking_call(c)
		|| matches!(
			c,
			SubtensorCall::transfer_stake { .. }
				| SubtensorCall::recycle_alpha { .. }
				| SubtensorCall::burn_alpha { .. }
		)
}

/// The coldkey-swap calls of the coldkey itself (root's `swap_coldkey` included).
fn is_coldkey_swap_call(c: &SubtensorCall<crate::Runtime>) -> bool {
	matches!(
		c,
		SubtensorCall::swap_coldkey { .. }
			| SubtensorCall::announce_coldkey_swap { .. }
			| SubtensorCall::swap_coldkey_announced { .. }
			| SubtensorCall::clear_coldkey_swap_announcement { .. }
			| SubtensorCall::dispute_coldkey_swap { .. }
	)
}

/// Owner-settable hyperparameters a lease beneficiary may change.
fn is_lease_beneficiary_setter(c: &AdminCall<crate::Runtime>) -> bool {
	matches!(
		c,
		AdminCall::sudo_set_serving_rate_limit { .. }
			| AdminCall::sudo_set_min_difficulty { .. }
			| AdminCall::sudo_set_max_difficulty { .. }
			| AdminCall::sudo_set_adjustment_alpha { .. }
			| AdminCall::sudo_set_immunity_period { .. }
			| AdminCall::sudo_set_min_allowed_weights { .. }
			| AdminCall::sudo_set_kappa { .. }
			| AdminCall::sudo_set_rho { .. }
			| AdminCall::sudo_set_activity_cutoff { .. }
			| AdminCall::sudo_set_network_registration_allowed { .. }
			| AdminCall::sudo_set_max_burn { .. }
			| AdminCall::sudo_set_bonds_moving_average { .. }
			| AdminCall::sudo_set_bonds_penalty { .. }
			| AdminCall::sudo_set_commit_reveal_weights_enabled { .. }
			| AdminCall::sudo_set_liquid_alpha_enabled { .. }
			| AdminCall::sudo_set_alpha_values { .. }
			| AdminCall::sudo_set_commit_reveal_weights_interval { .. }
			| AdminCall::sudo_set_toggle_transfer { .. }
	)
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, c: &RuntimeCall) -> bool {
		match self {
			Self::Any => true,
			Self::Owner => match c {
				RuntimeCall::AdminUtils(AdminCall::sudo_set_sn_owner_hotkey { .. }) => false,
				RuntimeCall::AdminUtils(_) => true,
				RuntimeCall::SubtensorModule(
					SubtensorCall::set_subnet_identity { .. } | SubtensorCall::update_symbol { .. },
				) => true,
				_ => false,
			},
			Self::NonCritical => match c {
				RuntimeCall::Sudo(_) => false,
				RuntimeCall::SubtensorModule(s) => {
					!(is_coldkey_swap_call(s)
						|| matches!(
							s,
							SubtensorCall::dissolve_network { .. }
								| SubtensorCall::root_register { .. }
								| SubtensorCall::burned_register { .. }
								| SubtensorCall::register_limit { .. }
						))
				},
				_ => true,
			},
			Self::NonTransfer => match c {
				RuntimeCall::Balances(_) => false,
				RuntimeCall::SubtensorModule(s) => {
					!(is_coldkey_swap_call(s) || matches!(s, SubtensorCall::transfer_stake { .. }))
				},
				_ => true,
			},
			Self::NonFungible => match c {
				RuntimeCall::Balances(_) => false,
				RuntimeCall::SubtensorModule(s) => {
					!(is_stake_value_call(s)
						|| is_coldkey_swap_call(s)
						|| matches!(
							s,
							SubtensorCall::swap_hotkey { .. }
								| SubtensorCall::burned_register { .. }
								| SubtensorCall::register_limit { .. }
								| SubtensorCall::root_register { .. }
								| SubtensorCall::register_network { .. }
								| SubtensorCall::register_network_with_identity { .. }
						))
				},
				_ => true,
			},
			Self::Staking => match c {
				RuntimeCall::SubtensorModule(s) => is_staking_call(s),
				_ => false,
			},
			Self::Registration => matches!(
				c,
				RuntimeCall::SubtensorModule(
					SubtensorCall::burned_register { .. } | SubtensorCall::register_limit { .. }
				)
			),
			Self::Transfer => matches!(
				c,
				RuntimeCall::Balances(
					BalancesCall::transfer_keep_alive { .. }
						| BalancesCall::transfer_allow_death { .. }
						| BalancesCall::transfer_all { .. }
				) | RuntimeCall::SubtensorModule(SubtensorCall::transfer_stake { .. })
			),
			Self::SmallTransfer => match c {
				RuntimeCall::Balances(
					BalancesCall::transfer_keep_alive { value, .. }
					| BalancesCall::transfer_allow_death { value, .. },
				) => *value < SMALL_TRANSFER_LIMIT,
				RuntimeCall::SubtensorModule(SubtensorCall::transfer_stake {
					alpha_amount,
					..
				}) => *alpha_amount < SMALL_ALPHA_TRANSFER_LIMIT,
				_ => false,
			},
			Self::SudoUncheckedSetCode => match c {
				RuntimeCall::Sudo(pallet_sudo::Call::sudo_unchecked_weight { call, .. }) => {
					matches!(**call, RuntimeCall::System(frame_system::Call::set_code { .. }))
				},
				_ => false,
			},
			Self::ChildKeys => matches!(
				c,
				RuntimeCall::SubtensorModule(
					SubtensorCall::set_children { .. } | SubtensorCall::set_childkey_take { .. }
				)
			),
			Self::SwapHotkey => {
				matches!(c, RuntimeCall::SubtensorModule(SubtensorCall::swap_hotkey { .. }))
			},
			Self::SubnetLeaseBeneficiary => match c {
				RuntimeCall::SubtensorModule(SubtensorCall::start_call { .. }) => true,
				RuntimeCall::AdminUtils(a) => is_lease_beneficiary_setter(a),
				_ => false,
			},
			Self::Senate
			| Self::Triumvirate
			| Self::Governance
			| Self::RootWeights
			| Self::RootClaim => false,
		}
	}

	/// Whether a delegate of type `self` may add or remove a delegate of type `o` for the account
	/// (`pallet-proxy` asks this when `add_proxy`/`remove_proxy` is itself proxied).
	fn is_superset(&self, o: &Self) -> bool {
		match (self, o) {
			(x, y) if x == y => true,
			(Self::Any, _) => true,
			(_, Self::Any) => false,
			// NonTransfer may hand out only types that cannot move value either (the reference
			// also lets it add NonCritical, which can transfer: not here).
			(Self::NonTransfer, y) => {
				!matches!(y, Self::Transfer | Self::SmallTransfer | Self::NonCritical)
			},
			(Self::Transfer, Self::SmallTransfer) => true,
			_ => false,
		}
	}
}
