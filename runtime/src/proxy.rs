//! Proxy types: what a delegate may do for the account that added it (`Proxy.add_proxy`).
//!
//! The variants and their SCALE indices are the reference chain's (clients pass them by name and
//! encode them by index). Each filter matches the **top-level** call a proxy dispatches; a call
//! the filter refuses fails with `frame_system::Error::CallFiltered` inside `Proxy.proxy`'s
//! `ProxyExecuted` event, and changes nothing.
//!
//! Each type's rule is data ([`ProxyType::rule`]: allow or deny lists of pallet calls by their
//! metadata names, with conditions); the filter runs it and `ProxyFilterRuntimeApi` describes
//! it ([`proxy_filter_infos`]), so what clients read is what the chain does. Allow-list types (`Staking`, `Transfer`, …) refuse
//! `Utility` batches too; deny-list types (`NonTransfer`, `NonCritical`, `NonFungible`) allow
//! them, and `pallet-proxy` applies the filter again to every call inside.
//!
//! `RootClaim` (root claims are not a feature of this chain) allows nothing; `Senate`,
//! `Triumvirate`, `Governance` and `RootWeights` are retired upstream and allow nothing. The
//! coldkey-swap calls count as moving value (the swap hands the whole account to a new key):
//! `NonTransfer`, `NonCritical` and `NonFungible` refuse them, as on the reference chain.

use crate::{Balance, Runtime, RuntimeCall};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::traits::{GetCallMetadata, InstanceFilter};
use pallet_balances::Call as BalancesCall;
use pallet_subtensor::rpc_info::proxy_filter::{
	CallCondition, CallInfo, FilterMode, ProxyFilterInfo, ProxyTypeInfo,
};
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
	/// Every type, in SCALE index order.
	pub const ALL: [ProxyType; 18] = [
		Self::Any,
		Self::Owner,
		Self::NonCritical,
		Self::NonTransfer,
		Self::Senate,
		Self::NonFungible,
		Self::Triumvirate,
		Self::Governance,
		Self::Staking,
		Self::Registration,
		Self::Transfer,
		Self::SmallTransfer,
		Self::RootWeights,
		Self::ChildKeys,
		Self::SudoUncheckedSetCode,
		Self::SwapHotkey,
		Self::SubnetLeaseBeneficiary,
		Self::RootClaim,
	];

	/// The retired types, which allow nothing.
	pub fn is_retired(&self) -> bool {
		matches!(self, Self::Senate | Self::Triumvirate | Self::Governance | Self::RootWeights)
	}

	/// The type's SCALE index.
	pub fn index(&self) -> u8 {
		// A fieldless enum of 18 variants encodes as one byte.
		self.encode().first().copied().unwrap_or(0)
	}

	/// The type's rule: what [`InstanceFilter::filter`] runs and `ProxyFilterRuntimeApi`
	/// describes.
	pub fn rule(&self) -> Rule {
		match self {
			Self::Any => Rule::allow_all(),
			Self::Owner => Rule { mode: Mode::Allow, calls: &OWNER, exceptions: &OWNER_EXCEPTIONS },
			Self::NonCritical => Rule::deny(&NON_CRITICAL),
			Self::NonTransfer => Rule::deny(&NON_TRANSFER),
			Self::NonFungible => Rule::deny(&NON_FUNGIBLE),
			Self::Senate | Self::Triumvirate | Self::Governance | Self::RootWeights => {
				Rule::deny_all()
			},
			Self::Staking => Rule::allow(&STAKING),
			Self::Registration => Rule::allow(&REGISTRATION),
			Self::Transfer => Rule::allow(&TRANSFER),
			Self::SmallTransfer => Rule::allow(&SMALL_TRANSFER),
			Self::ChildKeys => Rule::allow(&CHILD_KEYS),
			Self::SudoUncheckedSetCode => Rule::allow(&SET_CODE),
			Self::SwapHotkey => Rule::allow(&SWAP_HOTKEY),
			Self::SubnetLeaseBeneficiary => Rule::allow(&LEASE_BENEFICIARY),
			// Root claims are not a feature of this chain: no call to allow.
			Self::RootClaim => Rule::allow(&[]),
		}
	}
}

/// How a [`Rule`] reads its entries (`FilterMode` of the runtime API).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
	/// Everything.
	AllowAll,
	/// Nothing.
	DenyAll,
	/// Only the entries, less the exceptions.
	Allow,
	/// Everything but the entries.
	Deny,
}

/// A condition of an [`Entry`] beyond the call's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Condition {
	/// None.
	Always,
	/// The named numeric parameter is below the limit (see [`param_value`]).
	LessThan(&'static str, u64),
	/// The call's nested call is this pallet's call (see [`nested_call`]).
	NestedCallIs(&'static str, &'static str),
}

/// A pallet's call, or every call of it (`call: None`), by the names of the runtime metadata.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
	/// The pallet's name in `construct_runtime`.
	pub pallet: &'static str,
	/// The call's name, or `None` for every call of the pallet.
	pub call: Option<&'static str>,
	/// A further condition.
	pub condition: Condition,
}

/// A proxy type's rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
	/// How the entries are read.
	pub mode: Mode,
	/// The entries.
	pub calls: &'static [Entry],
	/// Entries excepted from an `Allow` list.
	pub exceptions: &'static [Entry],
}

impl Rule {
	const fn allow_all() -> Self {
		Self { mode: Mode::AllowAll, calls: &[], exceptions: &[] }
	}
	const fn deny_all() -> Self {
		Self { mode: Mode::DenyAll, calls: &[], exceptions: &[] }
	}
	const fn allow(calls: &'static [Entry]) -> Self {
		Self { mode: Mode::Allow, calls, exceptions: &[] }
	}
	const fn deny(calls: &'static [Entry]) -> Self {
		Self { mode: Mode::Deny, calls, exceptions: &[] }
	}

	/// Whether the rule lets `c` through.
	pub fn allows(&self, c: &RuntimeCall) -> bool {
		let hit = |entries: &[Entry]| entries.iter().any(|e| e.matches(c));
		match self.mode {
			Mode::AllowAll => true,
			Mode::DenyAll => false,
			Mode::Allow => hit(self.calls) && !hit(self.exceptions),
			Mode::Deny => !hit(self.calls),
		}
	}
}

impl Entry {
	/// Whether `c` is this entry's call and meets its condition.
	pub fn matches(&self, c: &RuntimeCall) -> bool {
		let meta = c.get_call_metadata();
		meta.pallet_name == self.pallet
			&& self.call.is_none_or(|name| meta.function_name == name)
			&& match self.condition {
				Condition::Always => true,
				Condition::LessThan(param, limit) => {
					param_value(c, param).is_some_and(|v| v < u128::from(limit))
				},
				Condition::NestedCallIs(pallet, name) => nested_call(c).is_some_and(|n| {
					let m = n.get_call_metadata();
					m.pallet_name == pallet && m.function_name == name
				}),
			}
	}
}

const fn call(pallet: &'static str, name: &'static str) -> Entry {
	Entry { pallet, call: Some(name), condition: Condition::Always }
}

const fn all(pallet: &'static str) -> Entry {
	Entry { pallet, call: None, condition: Condition::Always }
}

/// The value of the numeric parameter `param` of `c`, for the calls a [`Condition::LessThan`]
/// names (`None` otherwise: the condition then fails).
pub fn param_value(c: &RuntimeCall, param: &str) -> Option<u128> {
	match (c, param) {
		(
			RuntimeCall::Balances(
				BalancesCall::transfer_keep_alive { value, .. }
				| BalancesCall::transfer_allow_death { value, .. },
			),
			"value",
		) => Some(u128::from(*value)),
		(
			RuntimeCall::SubtensorModule(SubtensorCall::transfer_stake { alpha_amount, .. }),
			"alpha_amount",
		) => Some(u128::from(*alpha_amount)),
		_ => None,
	}
}

/// The call nested in `c`, for the calls a [`Condition::NestedCallIs`] names.
pub fn nested_call(c: &RuntimeCall) -> Option<&RuntimeCall> {
	match c {
		RuntimeCall::Sudo(pallet_sudo::Call::sudo_unchecked_weight { call, .. }) => Some(call),
		_ => None,
	}
}

/// A subnet owner's settings (`Owner`), less changing the owner hotkey.
const OWNER: [Entry; 3] = [
	all("AdminUtils"),
	call("SubtensorModule", "set_subnet_identity"),
	call("SubtensorModule", "update_symbol"),
];
const OWNER_EXCEPTIONS: [Entry; 1] = [call("AdminUtils", "sudo_set_sn_owner_hotkey")];

const REGISTRATION: [Entry; 2] =
	[call("SubtensorModule", "burned_register"), call("SubtensorModule", "register_limit")];

const TRANSFER: [Entry; 4] = [
	call("Balances", "transfer_keep_alive"),
	call("Balances", "transfer_allow_death"),
	call("Balances", "transfer_all"),
	call("SubtensorModule", "transfer_stake"),
];

const SMALL_TRANSFER: [Entry; 3] = [
	Entry {
		condition: Condition::LessThan("value", SMALL_TRANSFER_LIMIT),
		..call("Balances", "transfer_keep_alive")
	},
	Entry {
		condition: Condition::LessThan("value", SMALL_TRANSFER_LIMIT),
		..call("Balances", "transfer_allow_death")
	},
	Entry {
		condition: Condition::LessThan("alpha_amount", SMALL_ALPHA_TRANSFER_LIMIT),
		..call("SubtensorModule", "transfer_stake")
	},
];

const CHILD_KEYS: [Entry; 2] =
	[call("SubtensorModule", "set_children"), call("SubtensorModule", "set_childkey_take")];

const SET_CODE: [Entry; 1] = [Entry {
	condition: Condition::NestedCallIs("System", "set_code"),
	..call("Sudo", "sudo_unchecked_weight")
}];

const SWAP_HOTKEY: [Entry; 1] = [call("SubtensorModule", "swap_hotkey")];

/// Staking and unstaking on the signer's own positions (what `Staking` allows).
const STAKING: [Entry; 10] = [
	call("SubtensorModule", "add_stake"),
	call("SubtensorModule", "add_stake_limit"),
	call("SubtensorModule", "remove_stake"),
	call("SubtensorModule", "remove_stake_limit"),
	call("SubtensorModule", "remove_stake_full_limit"),
	call("SubtensorModule", "unstake_all"),
	call("SubtensorModule", "unstake_all_alpha"),
	call("SubtensorModule", "move_stake"),
	call("SubtensorModule", "swap_stake"),
	call("SubtensorModule", "swap_stake_limit"),
];

/// `NonCritical` refuses `Sudo`, the calls that are hard to undo, and the coldkey swap.
const NON_CRITICAL: [Entry; 10] = [
	all("Sudo"),
	call("SubtensorModule", "dissolve_network"),
	call("SubtensorModule", "root_register"),
	call("SubtensorModule", "burned_register"),
	call("SubtensorModule", "register_limit"),
	call("SubtensorModule", "swap_coldkey"),
	call("SubtensorModule", "announce_coldkey_swap"),
	call("SubtensorModule", "swap_coldkey_announced"),
	call("SubtensorModule", "clear_coldkey_swap_announcement"),
	call("SubtensorModule", "dispute_coldkey_swap"),
];

/// `NonTransfer` refuses what moves value to another account.
const NON_TRANSFER: [Entry; 7] = [
	all("Balances"),
	call("SubtensorModule", "transfer_stake"),
	call("SubtensorModule", "swap_coldkey"),
	call("SubtensorModule", "announce_coldkey_swap"),
	call("SubtensorModule", "swap_coldkey_announced"),
	call("SubtensorModule", "clear_coldkey_swap_announcement"),
	call("SubtensorModule", "dispute_coldkey_swap"),
];

/// `NonFungible` refuses what spends, moves or burns TAO or stake, and key swaps.
const NON_FUNGIBLE: [Entry; 25] = [
	all("Balances"),
	STAKING[0],
	STAKING[1],
	STAKING[2],
	STAKING[3],
	STAKING[4],
	STAKING[5],
	STAKING[6],
	STAKING[7],
	STAKING[8],
	STAKING[9],
	call("SubtensorModule", "transfer_stake"),
	call("SubtensorModule", "recycle_alpha"),
	call("SubtensorModule", "burn_alpha"),
	call("SubtensorModule", "burned_register"),
	call("SubtensorModule", "register_limit"),
	call("SubtensorModule", "root_register"),
	call("SubtensorModule", "register_network"),
	call("SubtensorModule", "register_network_with_identity"),
	call("SubtensorModule", "swap_hotkey"),
	call("SubtensorModule", "swap_coldkey"),
	call("SubtensorModule", "announce_coldkey_swap"),
	call("SubtensorModule", "swap_coldkey_announced"),
	call("SubtensorModule", "clear_coldkey_swap_announcement"),
	call("SubtensorModule", "dispute_coldkey_swap"),
];

/// What a lease beneficiary may do: `start_call` and the owner-settable hyperparameters.
const LEASE_BENEFICIARY: [Entry; 19] = [
	call("SubtensorModule", "start_call"),
	call("AdminUtils", "sudo_set_serving_rate_limit"),
	call("AdminUtils", "sudo_set_min_difficulty"),
	call("AdminUtils", "sudo_set_max_difficulty"),
	call("AdminUtils", "sudo_set_adjustment_alpha"),
	call("AdminUtils", "sudo_set_immunity_period"),
	call("AdminUtils", "sudo_set_min_allowed_weights"),
	call("AdminUtils", "sudo_set_kappa"),
	call("AdminUtils", "sudo_set_rho"),
	call("AdminUtils", "sudo_set_activity_cutoff"),
	call("AdminUtils", "sudo_set_network_registration_allowed"),
	call("AdminUtils", "sudo_set_max_burn"),
	call("AdminUtils", "sudo_set_bonds_moving_average"),
	call("AdminUtils", "sudo_set_bonds_penalty"),
	call("AdminUtils", "sudo_set_commit_reveal_weights_enabled"),
	call("AdminUtils", "sudo_set_liquid_alpha_enabled"),
	call("AdminUtils", "sudo_set_alpha_values"),
	call("AdminUtils", "sudo_set_commit_reveal_weights_interval"),
	call("AdminUtils", "sudo_set_toggle_transfer"),
];

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, c: &RuntimeCall) -> bool {
		self.rule().allows(c)
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

/// `ProxyFilterRuntimeApi.get_proxy_types`: every proxy type by SCALE index.
pub fn proxy_type_infos() -> Vec<ProxyTypeInfo> {
	ProxyType::ALL
		.iter()
		.map(|t| ProxyTypeInfo {
			name: alloc::format!("{t:?}").into_bytes(),
			index: t.index(),
			deprecated: t.is_retired(),
		})
		.collect()
}

/// `ProxyFilterRuntimeApi.get_proxy_filter`: the rule of the type with index `only`, or of
/// every type, from the same [`ProxyType::rule`] the filter runs.
pub fn proxy_filter_infos(only: Option<u8>) -> Vec<ProxyFilterInfo> {
	ProxyType::ALL
		.iter()
		.filter(|t| only.is_none_or(|i| t.index() == i))
		.map(|t| {
			let rule = t.rule();
			let infos = |entries: &[Entry]| entries.iter().filter_map(call_info).collect();
			ProxyFilterInfo {
				proxy_type: t.index(),
				name: alloc::format!("{t:?}").into_bytes(),
				deprecated: t.is_retired(),
				filter_mode: match rule.mode {
					Mode::AllowAll => FilterMode::AllowAll,
					Mode::DenyAll => FilterMode::DenyAll,
					Mode::Allow => FilterMode::Allow,
					Mode::Deny => FilterMode::Deny,
				},
				calls: infos(rule.calls),
				exceptions: infos(rule.exceptions),
			}
		})
		.collect()
}

/// The runtime index, call names and call indices of a pallet a rule names (`None` for a
/// pallet no rule names; a runtime test checks every entry resolves).
pub fn pallet_calls(pallet: &str) -> Option<(u8, &'static [&'static str], &'static [u8])> {
	use frame_support::traits::{GetCallIndex, GetCallName, PalletInfoAccess};
	let (index, names, indices) = match pallet {
		"System" => (
			crate::System::index(),
			frame_system::Call::<Runtime>::get_call_names(),
			frame_system::Call::<Runtime>::get_call_indices(),
		),
		"Balances" => (
			crate::Balances::index(),
			BalancesCall::<Runtime>::get_call_names(),
			BalancesCall::<Runtime>::get_call_indices(),
		),
		"Sudo" => (
			crate::Sudo::index(),
			pallet_sudo::Call::<Runtime>::get_call_names(),
			pallet_sudo::Call::<Runtime>::get_call_indices(),
		),
		"SubtensorModule" => (
			crate::SubtensorModule::index(),
			SubtensorCall::<Runtime>::get_call_names(),
			SubtensorCall::<Runtime>::get_call_indices(),
		),
		"AdminUtils" => (
			crate::AdminUtils::index(),
			pallet_admin_utils::Call::<Runtime>::get_call_names(),
			pallet_admin_utils::Call::<Runtime>::get_call_indices(),
		),
		_ => return None,
	};
	Some((u8::try_from(index).ok()?, names, indices))
}

/// An entry as the runtime API describes it (`None` if its pallet or call does not exist).
fn call_info(e: &Entry) -> Option<CallInfo> {
	let (pallet_index, names, indices) = pallet_calls(e.pallet)?;
	let call_index = match e.call {
		Some(name) => Some(*indices.get(names.iter().position(|n| *n == name)?)?),
		None => None,
	};
	Some(CallInfo {
		pallet_name: e.pallet.as_bytes().to_vec(),
		pallet_index,
		call_name: e.call.map(|n| n.as_bytes().to_vec()),
		call_index,
		condition: match e.condition {
			Condition::Always => None,
			Condition::LessThan(param, limit) => Some(CallCondition::ParamLessThan {
				param_name: param.as_bytes().to_vec(),
				limit: u128::from(limit),
			}),
			Condition::NestedCallIs(pallet, call) => Some(CallCondition::NestedCallMustBe {
				pallet_name: pallet.as_bytes().to_vec(),
				call_name: call.as_bytes().to_vec(),
			}),
		},
	})
}
