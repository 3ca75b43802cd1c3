//! Registration on the root subnet (`root_register`).
//!
//! Root (netuid 0) has no pool, no burn and no epoch here: its UIDs only mark which hotkeys are
//! root validators (clients list them, e.g. btcli `subnets show 0`). Registering is free; root
//! holds at most `MaxAllowedUids[0]` UIDs (64 from genesis), and when it is full a newcomer
//! replaces the registered hotkey with the smallest root stake (`TotalHotkeyAlpha[h, 0]`) if
//! its own root stake is larger, as on the reference chain.

use crate::*;
use frame_support::{ensure, pallet_prelude::DispatchError};

impl<T: Config> Pallet<T> {
	/// Register `hotkey` on root for `coldkey`; returns its UID.
	///
	/// Differences from the reference's `do_root_register`: the signer must own the hotkey (or
	/// take ownership of a new one), as for `burned_register` (the reference does not check);
	/// among equal smallest stakes the lowest UID is replaced (the reference takes the first in
	/// storage order); and `NoNeuronIdAvailable` is returned when root is "full" with no UID
	/// at all (`MaxAllowedUids[0] = 0`).
	pub(crate) fn do_root_register(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
	) -> Result<u16, DispatchError> {
		// Checks (no writes above this line).
		let netuid = ROOT_NETUID;
		ensure!(
			RegistrationsThisBlock::<T>::get(netuid) < MaxRegistrationsPerBlock::<T>::get(netuid),
			Error::<T>::TooManyRegistrationsThisBlock
		);
		ensure!(
			RegistrationsThisInterval::<T>::get(netuid)
				< TargetRegistrationsPerInterval::<T>::get(netuid).saturating_mul(3),
			Error::<T>::TooManyRegistrationsThisInterval
		);
		ensure!(
			!Uids::<T>::contains_key(netuid, hotkey),
			Error::<T>::HotKeyAlreadyRegisteredInSubNet
		);
		ensure!(Self::coldkey_may_use_hotkey(coldkey, hotkey), Error::<T>::NonAssociatedColdKey);
		Self::ensure_can_own_hotkey(coldkey, hotkey)?;
		let replaced = if SubnetworkN::<T>::get(netuid) < MaxAllowedUids::<T>::get(netuid) {
			None
		} else {
			let (uid, lowest) =
				Self::smallest_root_stake().ok_or(Error::<T>::NoNeuronIdAvailable)?;
			ensure!(
				lowest < TotalHotkeyAlpha::<T>::get(hotkey, netuid),
				Error::<T>::StakeTooLowForRoot
			);
			Some(uid)
		};

		// Effects.
		let block = Self::current_block();
		Self::create_account_if_non_existent(coldkey, hotkey)?;
		let uid = match replaced {
			None => Self::append_neuron(netuid, hotkey, block)?,
			Some(uid) => {
				Self::replace_neuron(netuid, uid, hotkey, block);
				uid
			},
		};
		// Bounded by the per-block and per-interval checks above.
		RegistrationsThisBlock::<T>::mutate(netuid, |n| *n = n.saturating_add(1));
		RegistrationsThisInterval::<T>::mutate(netuid, |n| *n = n.saturating_add(1));
		Self::deposit_event(Event::NeuronRegistered(netuid, uid, hotkey.clone()));
		Ok(uid)
	}

	/// The root UID whose hotkey has the smallest root stake, with that stake (ties: lowest
	/// UID); `None` if root has no UID.
	fn smallest_root_stake() -> Option<(u16, u64)> {
		(0..SubnetworkN::<T>::get(ROOT_NETUID))
			.filter_map(|uid| {
				Keys::<T>::get(ROOT_NETUID, uid)
					.map(|h| (TotalHotkeyAlpha::<T>::get(&h, ROOT_NETUID), uid))
			})
			.min()
			.map(|(stake, uid)| (uid, stake))
	}
}
