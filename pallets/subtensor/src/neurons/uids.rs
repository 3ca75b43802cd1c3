//! UIDs (economics.md §2.5) and hotkey → coldkey ownership (§2.2 step 8).

use crate::*;
use alloc::{collections::btree_set::BTreeSet, vec::Vec};
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult},
	traits::Get,
};

impl<T: Config> Pallet<T> {
	/// Whether `hotkey` holds a UID on `netuid` (what `Commitments` asks before a commitment).
	pub fn is_hotkey_registered_on_network(netuid: NetUid, hotkey: &T::AccountId) -> bool {
		Uids::<T>::contains_key(netuid, hotkey)
	}

	/// Whether `coldkey` may use `hotkey`: nobody owns it yet, or `coldkey` does.
	pub fn coldkey_may_use_hotkey(coldkey: &T::AccountId, hotkey: &T::AccountId) -> bool {
		!Owner::<T>::contains_key(hotkey) || Owner::<T>::get(hotkey) == *coldkey
	}

	/// Fails with `TooManyOwnedHotkeys` if `hotkey` is new and `coldkey` cannot own another.
	pub(crate) fn ensure_can_own_hotkey(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
	) -> DispatchResult {
		if !Owner::<T>::contains_key(hotkey) {
			let owned = OwnedHotkeys::<T>::decode_len(coldkey).unwrap_or(0);
			ensure!(
				owned < usize::try_from(<MaxOwnedHotkeys as Get<u32>>::get()).unwrap_or(usize::MAX),
				Error::<T>::TooManyOwnedHotkeys
			);
		}
		Ok(())
	}

	/// Make `coldkey` the owner of `hotkey` if nobody owns it yet.
	pub(crate) fn create_account_if_non_existent(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
	) -> DispatchResult {
		if Owner::<T>::contains_key(hotkey) {
			return Ok(());
		}
		OwnedHotkeys::<T>::try_mutate(coldkey, |owned| owned.try_push(hotkey.clone()))
			.map_err(|_| Error::<T>::TooManyOwnedHotkeys)?;
		Owner::<T>::insert(hotkey, coldkey.clone());
		Ok(())
	}

	/// Give `hotkey` the next UID of `netuid` (`SubnetworkN`), registered at `block`.
	pub(crate) fn append_neuron(
		netuid: NetUid,
		hotkey: &T::AccountId,
		block: u64,
	) -> Result<u16, DispatchError> {
		let uid = SubnetworkN::<T>::get(netuid);
		let mut last_update = LastUpdate::<T>::get(netuid);
		let mut scores = PruningScores::<T>::get(netuid);
		last_update.try_push(block).map_err(|_| Error::<T>::UidVectorFull)?;
		scores.try_push(0).map_err(|_| Error::<T>::UidVectorFull)?;
		let next = uid.checked_add(1).ok_or(Error::<T>::UidVectorFull)?;
		LastUpdate::<T>::insert(netuid, last_update);
		PruningScores::<T>::insert(netuid, scores);
		SubnetworkN::<T>::insert(netuid, next);
		Self::write_neuron_keys(netuid, uid, hotkey, block);
		Ok(uid)
	}

	/// Replace the neuron at `uid` of `netuid` by `hotkey`, registered at `block`. The old
	/// hotkey loses its UID and endpoints; its stake (kept per hotkey) is untouched.
	pub(crate) fn replace_neuron(netuid: NetUid, uid: u16, hotkey: &T::AccountId, block: u64) {
		if let Some(old) = Keys::<T>::get(netuid, uid) {
			Uids::<T>::remove(netuid, &old);
			IsNetworkMember::<T>::remove(&old, netuid);
			Axons::<T>::remove(netuid, &old);
			Prometheus::<T>::remove(netuid, &old);
			NeuronCertificates::<T>::remove(netuid, &old);
			Self::clear_weight_commits_of(netuid, &old);
		}
		let index = usize::from(uid);
		LastUpdate::<T>::mutate(netuid, |v| {
			if let Some(x) = v.get_mut(index) {
				*x = block;
			}
		});
		Self::clear_neuron_consensus(netuid, uid);
		// Not picked twice in one block; the next epoch rewrites every score.
		PruningScores::<T>::mutate(netuid, |v| {
			if let Some(x) = v.get_mut(index) {
				*x = u16::MAX;
			}
		});
		Self::write_neuron_keys(netuid, uid, hotkey, block);
	}

	fn write_neuron_keys(netuid: NetUid, uid: u16, hotkey: &T::AccountId, block: u64) {
		Keys::<T>::insert(netuid, uid, hotkey.clone());
		Uids::<T>::insert(netuid, hotkey, uid);
		IsNetworkMember::<T>::insert(hotkey, netuid, true);
		BlockAtRegistration::<T>::insert(netuid, uid, block);
	}

	/// Whether `uid` of `netuid` is still within its `ImmunityPeriod` at `block`.
	pub fn is_neuron_immune(netuid: NetUid, uid: u16, block: u64) -> bool {
		let registered = BlockAtRegistration::<T>::get(netuid, uid);
		block.saturating_sub(registered) < u64::from(ImmunityPeriod::<T>::get(netuid))
	}

	/// The owner's hotkeys that are never replaced on `netuid`: `SubnetOwnerHotkey` plus the
	/// first `ImmuneOwnerUidsLimit` of the owner's hotkeys registered on it, by registration
	/// block then UID (economics.md §2.5). Returned as UIDs.
	pub fn owner_immortal_uids(netuid: NetUid) -> BTreeSet<u16> {
		let mut immortal = BTreeSet::new();
		if let Some(hotkey) = SubnetOwnerHotkey::<T>::get(netuid) {
			if let Some(uid) = Uids::<T>::get(netuid, &hotkey) {
				immortal.insert(uid);
			}
		}
		if let Some(owner) = SubnetOwner::<T>::get(netuid) {
			let mut registered: Vec<(u64, u16)> = OwnedHotkeys::<T>::get(&owner)
				.iter()
				.filter_map(|h| Uids::<T>::get(netuid, h))
				.map(|uid| (BlockAtRegistration::<T>::get(netuid, uid), uid))
				.collect();
			registered.sort();
			let limit = usize::from(ImmuneOwnerUidsLimit::<T>::get(netuid));
			immortal.extend(registered.into_iter().take(limit).map(|(_, uid)| uid));
		}
		immortal
	}

	/// The UID a registration replaces on a full subnet: among UIDs that are neither
	/// owner-immortal nor immune, the lowest `PruningScores`; ties go to the earliest
	/// registration, then the lowest UID. `None` if every UID is protected (our rule: a full
	/// subnet of immune UIDs refuses registration with `NoNeuronIdAvailable`, as HEAD does,
	/// instead of v3.3.0's fallback to replacing an immune UID).
	pub fn get_neuron_to_prune(netuid: NetUid) -> Option<u16> {
		let block = Self::current_block();
		let immortal = Self::owner_immortal_uids(netuid);
		let scores = PruningScores::<T>::get(netuid);
		(0..SubnetworkN::<T>::get(netuid))
			.filter(|uid| !immortal.contains(uid))
			.filter(|uid| !Self::is_neuron_immune(netuid, *uid, block))
			.min_by_key(|uid| {
				(
					scores.get(usize::from(*uid)).copied().unwrap_or(0),
					BlockAtRegistration::<T>::get(netuid, uid),
					*uid,
				)
			})
	}

	/// Remove every UID of `netuid` with its keys, endpoints, per-UID vectors and the
	/// registration parameters and counters (part of dissolving the subnet). Hotkey ownership
	/// is global and stays.
	pub(crate) fn clear_neurons(netuid: NetUid) {
		// The membership flags are keyed by hotkey first.
		for (_uid, hotkey) in Keys::<T>::iter_prefix(netuid) {
			IsNetworkMember::<T>::remove(&hotkey, netuid);
		}
		let _ = Keys::<T>::clear_prefix(netuid, u32::MAX, None);
		let _ = Uids::<T>::clear_prefix(netuid, u32::MAX, None);
		let _ = BlockAtRegistration::<T>::clear_prefix(netuid, u32::MAX, None);
		let _ = Axons::<T>::clear_prefix(netuid, u32::MAX, None);
		let _ = Prometheus::<T>::clear_prefix(netuid, u32::MAX, None);
		let _ = NeuronCertificates::<T>::clear_prefix(netuid, u32::MAX, None);
		SubnetworkN::<T>::remove(netuid);
		LastUpdate::<T>::remove(netuid);
		PruningScores::<T>::remove(netuid);
		// Registration parameters and counters.
		Burn::<T>::remove(netuid);
		MinBurn::<T>::remove(netuid);
		MaxBurn::<T>::remove(netuid);
		RegistrationsThisBlock::<T>::remove(netuid);
		RegistrationsThisInterval::<T>::remove(netuid);
		BurnRegistrationsThisInterval::<T>::remove(netuid);
		LastAdjustmentBlock::<T>::remove(netuid);
		AdjustmentInterval::<T>::remove(netuid);
		TargetRegistrationsPerInterval::<T>::remove(netuid);
		AdjustmentAlpha::<T>::remove(netuid);
		MaxRegistrationsPerBlock::<T>::remove(netuid);
		NetworkRegistrationAllowed::<T>::remove(netuid);
		MaxAllowedUids::<T>::remove(netuid);
		MinAllowedUids::<T>::remove(netuid);
		ImmunityPeriod::<T>::remove(netuid);
		ImmuneOwnerUidsLimit::<T>::remove(netuid);
		ServingRateLimit::<T>::remove(netuid);
	}
}
