//! The calls a signed call dispatches in its turn, and the account each acts as
//! (`pallet_subtensor::Config::NestedCalls`): the coldkey-swap guard of
//! `SubtensorTransactionExtension` checks every one of them, so that a coldkey with an announced
//! swap is frozen through its proxies, multisigs and derivatives too, not only when it signs.
//!
//! | call | nested call(s) | acting as |
//! | --- | --- | --- |
//! | `Proxy.proxy`, `Proxy.proxy_announced` | `call` | `real` |
//! | `Multisig.as_multi`, `as_multi_threshold_1` | `call` | the multisig account of the signer and `other_signatories` |
//! | `Utility.batch`, `batch_all`, `force_batch`, `if_else` | each call | the signer |
//! | `Utility.as_derivative` | `call` | the signer's derivative account `index` |
//!
//! Calls only root may make (`dispatch_as`, `with_weight`, `Sudo.*`, the scheduler's) are not
//! followed: root is not restricted by a coldkey swap. A multisig's approvals without the call
//! (`approve_as_multi`) dispatch nothing; its last `as_multi` carries the call and is checked.
//! An address the runtime cannot look up names no account and is skipped (the call would fail).

use crate::{AccountId, Runtime, RuntimeCall};
use alloc::{vec, vec::Vec};
use sp_runtime::traits::StaticLookup;

/// `pallet_subtensor::extension::NestedCalls` for this runtime.
pub struct NestedCalls;

impl pallet_subtensor::extension::NestedCalls<AccountId, RuntimeCall> for NestedCalls {
	fn nested(who: &AccountId, call: &RuntimeCall) -> Vec<(AccountId, RuntimeCall)> {
		let lookup = |address| <Runtime as frame_system::Config>::Lookup::lookup(address).ok();
		match call {
			RuntimeCall::Proxy(pallet_proxy::Call::proxy { real, call, .. })
			| RuntimeCall::Proxy(pallet_proxy::Call::proxy_announced { real, call, .. }) => {
				lookup(real.clone()).map(|real| vec![(real, (**call).clone())]).unwrap_or_default()
			},
			RuntimeCall::Multisig(pallet_multisig::Call::as_multi {
				threshold,
				other_signatories,
				call,
				..
			}) => vec![(multisig_account(who, other_signatories, *threshold), (**call).clone())],
			RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
				other_signatories,
				call,
			}) => vec![(multisig_account(who, other_signatories, 1), (**call).clone())],
			RuntimeCall::Utility(pallet_utility::Call::batch { calls })
			| RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
			| RuntimeCall::Utility(pallet_utility::Call::force_batch { calls }) => {
				calls.iter().map(|c| (who.clone(), c.clone())).collect()
			},
			RuntimeCall::Utility(pallet_utility::Call::if_else { main, fallback }) => {
				vec![(who.clone(), (**main).clone()), (who.clone(), (**fallback).clone())]
			},
			RuntimeCall::Utility(pallet_utility::Call::as_derivative { index, call }) => {
				vec![(pallet_utility::derivative_account_id(who.clone(), *index), (**call).clone())]
			},
			_ => Vec::new(),
		}
	}
}

/// The multisig account of `who` with `others` at `threshold`, as pallet-multisig derives it
/// (from the sorted signatories).
fn multisig_account(who: &AccountId, others: &[AccountId], threshold: u16) -> AccountId {
	let mut signatories: Vec<AccountId> = others.to_vec();
	signatories.push(who.clone());
	signatories.sort();
	pallet_multisig::Pallet::<Runtime>::multi_account_id(&signatories, threshold)
}
