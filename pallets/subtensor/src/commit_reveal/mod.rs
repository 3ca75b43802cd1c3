//! Commit-reveal weights, hash based (the reference's "v2"): a validator commits
//! `BlakeTwo256(SCALE(hotkey, netuid, uids, values, salt, version_key))` and reveals the
//! weights `RevealPeriodEpochs` epochs later.
//!
//! Epochs are counted by `SubnetEpochIndex` (one more per epoch run). A commit made while the
//! count is `e` is revealed while it is `e + RevealPeriodEpochs` and expires once it is larger.
//! In the block of an epoch, before that epoch has run (the pool validates at that point), the
//! count is looked ahead by one, so a transaction is judged by the epoch it will execute in.
//!
//! Every check is a side-effect-free `check_*` function that both the call and the transaction
//! extension use. A commit counts as a weight update for the rate limit (`LastUpdate` moves);
//! a reveal is not rate limited and does not move `LastUpdate`.
//!
//! The epoch masks, for a validator with an active (unexpired) commit, its weights on UIDs
//! registered after its earliest active commit (`commit_blocks`, yuma.md §4.4).
//!
//! This module owns `WeightCommits`, `RevealPeriodEpochs` and their client-compatibility copies
//! (`get_commit_reveal_weights_enabled`, `get_commit_reveal_period`); it also sets
//! `CommitRevealWeightsEnabled`.

use crate::*;
use alloc::vec::Vec;
use codec::Compact;
use frame_support::{ensure, pallet_prelude::DispatchResult, BoundedVec};
use sp_runtime::traits::{BlakeTwo256, Hash};

/// What a checked reveal will write: the revealing UID, the commits left after it, and the
/// revealed hashes.
pub struct RevealPlan {
	/// UID of the revealing hotkey.
	pub uid: u16,
	/// The hotkey's commits after the reveal (empty: the entry is removed).
	pub remaining: WeightCommitQueue,
	/// The hashes revealed, in order.
	pub hashes: Vec<CommitHash>,
}

impl<T: Config> Pallet<T> {
	/// The commit hash of a reveal: BlakeTwo256 of the SCALE encoding of `(hotkey, netuid, uids,
	/// values, salt, version_key)` (what the Bittensor SDK and btcli compute).
	pub fn get_commit_hash(
		hotkey: &T::AccountId,
		netuid: NetUid,
		uids: &[u16],
		values: &[u16],
		salt: &[u16],
		version_key: u64,
	) -> CommitHash {
		BlakeTwo256::hash_of(&(hotkey, netuid, uids, values, salt, version_key))
	}

	/// The epoch a transaction executing now belongs to: `SubnetEpochIndex`, plus one in the
	/// block of an epoch that has not run yet.
	pub fn current_epoch_with_lookahead(netuid: NetUid) -> u64 {
		let block = Self::current_block();
		let base = SubnetEpochIndex::<T>::get(netuid);
		let due = Self::is_epoch_block(netuid, Tempo::<T>::get(netuid), block)
			&& LastMechansimStepBlock::<T>::get(netuid) != block;
		if due {
			base.saturating_add(1)
		} else {
			base
		}
	}

	/// Whether a commit of `commit_epoch` is revealed now (the current epoch is exactly
	/// `commit_epoch + RevealPeriodEpochs`).
	pub fn is_reveal_epoch(netuid: NetUid, commit_epoch: u64) -> bool {
		Self::current_epoch_with_lookahead(netuid)
			== commit_epoch.saturating_add(RevealPeriodEpochs::<T>::get(netuid))
	}

	/// Whether a commit of `commit_epoch` has expired (the current epoch is past its reveal
	/// epoch).
	pub fn is_commit_expired(netuid: NetUid, commit_epoch: u64) -> bool {
		Self::current_epoch_with_lookahead(netuid)
			> commit_epoch.saturating_add(RevealPeriodEpochs::<T>::get(netuid))
	}

	/// `hotkey`'s unexpired commits on `netuid`, oldest first, and the hashes of the expired
	/// ones (commits are in epoch order, so the expired ones are a prefix). Reads only.
	fn live_commits(netuid: NetUid, hotkey: &T::AccountId) -> (Vec<WeightCommit>, Vec<CommitHash>) {
		let commits = WeightCommits::<T>::get(netuid, hotkey).unwrap_or_default().into_inner();
		let split = commits
			.iter()
			.position(|c| !Self::is_commit_expired(netuid, c.1))
			.unwrap_or(commits.len());
		let expired = commits.iter().take(split).map(|c| c.0).collect();
		(commits.into_iter().skip(split).collect(), expired)
	}

	/// Every check of `commit_weights`, with no write: subnet, commit-reveal on, registration,
	/// rate limit, room for one more commit. Returns the UID and the unexpired commits.
	pub fn check_commit_weights(
		hotkey: &T::AccountId,
		netuid: NetUid,
	) -> Result<(u16, Vec<WeightCommit>), Error<T>> {
		ensure!(Self::subnet_exists(netuid), Error::<T>::SubnetNotExists);
		ensure!(CommitRevealWeightsEnabled::<T>::get(netuid), Error::<T>::CommitRevealDisabled);
		let uid = Uids::<T>::get(netuid, hotkey).ok_or(Error::<T>::HotKeyNotRegisteredInSubNet)?;
		ensure!(Self::weights_rate_limit_passes(netuid, uid), Error::<T>::CommittingWeightsTooFast);
		let (live, _expired) = Self::live_commits(netuid, hotkey);
		ensure!(live.len() < MAX_UNREVEALED_COMMITS as usize, Error::<T>::TooManyUnrevealedCommits);
		Ok((uid, live))
	}

	/// `commit_weights`: the checks, then the commit is queued (expired ones dropped) with the
	/// current epoch and block, and `LastUpdate` moves to this block.
	pub(crate) fn do_commit_weights(
		hotkey: &T::AccountId,
		netuid: NetUid,
		commit_hash: CommitHash,
	) -> DispatchResult {
		let (uid, mut live) = Self::check_commit_weights(hotkey, netuid)?;
		let epoch = Self::current_epoch_with_lookahead(netuid);
		live.push((commit_hash, epoch, Self::current_block(), 0));
		// live.len() < MAX_UNREVEALED_COMMITS was checked: the queue fits its bound.
		let queue = BoundedVec::try_from(live).map_err(|_| Error::<T>::TooManyUnrevealedCommits)?;
		WeightCommits::<T>::insert(netuid, hotkey, queue);
		Self::stamp_last_update(netuid, uid);
		Self::deposit_event(Event::WeightsCommitted(hotkey.clone(), netuid, commit_hash));
		Ok(())
	}

	/// Every check of `batch_commit_weights` as the transaction extension applies it, with no
	/// write: equal lengths, and every item passing [`Pallet::check_commit_weights`].
	pub fn check_batch_commit_weights(
		hotkey: &T::AccountId,
		netuids: &[Compact<NetUid>],
		commit_hashes: &[CommitHash],
	) -> Result<(), Error<T>> {
		ensure!(netuids.len() == commit_hashes.len(), Error::<T>::InputLengthsUnequal);
		for netuid in netuids {
			Self::check_commit_weights(hotkey, netuid.0)?;
		}
		Ok(())
	}

	/// `batch_commit_weights`: each item is a `commit_weights`; failed items are reported in
	/// events and skipped.
	pub(crate) fn do_batch_commit_weights(
		hotkey: &T::AccountId,
		netuids: &[Compact<NetUid>],
		commit_hashes: &[CommitHash],
	) -> DispatchResult {
		ensure!(netuids.len() == commit_hashes.len(), Error::<T>::InputLengthsUnequal);
		let mut failed = false;
		for (netuid, hash) in netuids.iter().zip(commit_hashes) {
			// `do_commit_weights` checks everything before writing.
			if let Err(e) = Self::do_commit_weights(hotkey, netuid.0, *hash) {
				Self::note_batch_item_failed(&mut failed, netuid.0, e);
			}
		}
		Self::deposit_event(Event::BatchWeightsCompleted(netuids.to_vec(), hotkey.clone()));
		Ok(())
	}

	/// Where `hash` is among the unexpired commits `live`, or the error a reveal of it gets:
	/// `ExpiredWeightCommit` if it matches an expired commit, `NoWeightsCommitFound` if nothing
	/// is left to reveal, `InvalidRevealCommitHashNotMatch` otherwise.
	fn locate_commit(
		hash: &CommitHash,
		live: &[WeightCommit],
		expired: &[CommitHash],
	) -> Result<usize, Error<T>> {
		if let Some(position) = live.iter().position(|c| c.0 == *hash) {
			return Ok(position);
		}
		if expired.contains(hash) {
			Err(Error::<T>::ExpiredWeightCommit)
		} else if live.is_empty() {
			Err(Error::<T>::NoWeightsCommitFound)
		} else {
			Err(Error::<T>::InvalidRevealCommitHashNotMatch)
		}
	}

	/// Every check of `reveal_weights`, with no write: commit-reveal on, a commit exists, the
	/// data matches an unexpired commit whose reveal epoch is now, and the weights pass every
	/// check of `set_weights` but the rate limit. The plan removes that commit and the older
	/// ones.
	pub fn check_reveal_weights(
		hotkey: &T::AccountId,
		netuid: NetUid,
		uids: &[u16],
		values: &[u16],
		salt: &[u16],
		version_key: u64,
	) -> Result<RevealPlan, Error<T>> {
		ensure!(CommitRevealWeightsEnabled::<T>::get(netuid), Error::<T>::CommitRevealDisabled);
		ensure!(WeightCommits::<T>::contains_key(netuid, hotkey), Error::<T>::NoWeightsCommitFound);
		let (live, expired) = Self::live_commits(netuid, hotkey);
		let hash = Self::get_commit_hash(hotkey, netuid, uids, values, salt, version_key);
		let position = Self::locate_commit(&hash, &live, &expired)?;
		let commit_epoch = live.get(position).map(|c| c.1).unwrap_or_default();
		ensure!(Self::is_reveal_epoch(netuid, commit_epoch), Error::<T>::RevealTooEarly);
		let uid = Self::check_weights(hotkey, netuid, uids, values, version_key, false)?;
		let remaining =
			BoundedVec::truncate_from(live.into_iter().skip(position.saturating_add(1)).collect());
		Ok(RevealPlan { uid, remaining, hashes: alloc::vec![hash] })
	}

	/// Store the commits left after a reveal (or remove the entry).
	fn store_remaining(netuid: NetUid, hotkey: &T::AccountId, remaining: WeightCommitQueue) {
		if remaining.is_empty() {
			WeightCommits::<T>::remove(netuid, hotkey);
		} else {
			WeightCommits::<T>::insert(netuid, hotkey, remaining);
		}
	}

	/// `reveal_weights`: the checks, then the commit and the older ones are removed and the
	/// weights are stored (without moving `LastUpdate`).
	pub(crate) fn do_reveal_weights(
		hotkey: &T::AccountId,
		netuid: NetUid,
		uids: &[u16],
		values: &[u16],
		salt: &[u16],
		version_key: u64,
	) -> DispatchResult {
		let plan = Self::check_reveal_weights(hotkey, netuid, uids, values, salt, version_key)?;
		Self::store_remaining(netuid, hotkey, plan.remaining);
		Self::write_weights(netuid, plan.uid, uids, values, false);
		for hash in plan.hashes {
			Self::deposit_event(Event::WeightsRevealed(hotkey.clone(), netuid, hash));
		}
		Ok(())
	}

	/// Every check of `batch_reveal_weights`, with no write: equal lengths, commit-reveal on, a
	/// commit exists, and every item is a valid reveal of a distinct unexpired commit (as
	/// [`Pallet::check_reveal_weights`]). The plan removes exactly the revealed commits.
	pub fn check_batch_reveal_weights(
		hotkey: &T::AccountId,
		netuid: NetUid,
		uids_list: &[Vec<u16>],
		values_list: &[Vec<u16>],
		salts_list: &[Vec<u16>],
		version_keys: &[u64],
	) -> Result<RevealPlan, Error<T>> {
		let n = uids_list.len();
		ensure!(
			n == values_list.len() && n == salts_list.len() && n == version_keys.len(),
			Error::<T>::InputLengthsUnequal
		);
		ensure!(CommitRevealWeightsEnabled::<T>::get(netuid), Error::<T>::CommitRevealDisabled);
		ensure!(WeightCommits::<T>::contains_key(netuid, hotkey), Error::<T>::NoWeightsCommitFound);
		let (mut live, expired) = Self::live_commits(netuid, hotkey);
		let mut hashes = Vec::with_capacity(n);
		let mut uid = None;
		let items = uids_list.iter().zip(values_list).zip(salts_list.iter().zip(version_keys));
		for ((uids, values), (salt, version_key)) in items {
			let hash = Self::get_commit_hash(hotkey, netuid, uids, values, salt, *version_key);
			let position = Self::locate_commit(&hash, &live, &expired)?;
			let commit_epoch = live.get(position).map(|c| c.1).unwrap_or_default();
			ensure!(Self::is_reveal_epoch(netuid, commit_epoch), Error::<T>::RevealTooEarly);
			uid = Some(Self::check_weights(hotkey, netuid, uids, values, *version_key, false)?);
			live.remove(position);
			hashes.push(hash);
		}
		// An empty batch reveals nothing: there is no commit to match.
		let uid = uid.ok_or(Error::<T>::NoWeightsCommitFound)?;
		Ok(RevealPlan { uid, remaining: BoundedVec::truncate_from(live), hashes })
	}

	/// `batch_reveal_weights`: the checks, then the revealed commits are removed and each row
	/// is stored in order (the last one stays).
	pub(crate) fn do_batch_reveal_weights(
		hotkey: &T::AccountId,
		netuid: NetUid,
		uids_list: &[Vec<u16>],
		values_list: &[Vec<u16>],
		salts_list: &[Vec<u16>],
		version_keys: &[u64],
	) -> DispatchResult {
		let plan = Self::check_batch_reveal_weights(
			hotkey,
			netuid,
			uids_list,
			values_list,
			salts_list,
			version_keys,
		)?;
		Self::store_remaining(netuid, hotkey, plan.remaining);
		for (uids, values) in uids_list.iter().zip(values_list) {
			Self::write_weights(netuid, plan.uid, uids, values, false);
		}
		Self::deposit_event(Event::WeightsBatchRevealed(hotkey.clone(), netuid, plan.hashes));
		Ok(())
	}

	/// For the epoch's column mask: per UID of `netuid` (hotkeys in UID order), the block of its
	/// earliest unexpired commit, `u64::MAX` if none; `None` when commit-reveal is off.
	pub(crate) fn commit_blocks(
		netuid: NetUid,
		hotkeys: &[Option<T::AccountId>],
	) -> Option<Vec<u64>> {
		if !CommitRevealWeightsEnabled::<T>::get(netuid) {
			return None;
		}
		Some(
			hotkeys
				.iter()
				.map(|hotkey| {
					hotkey
						.as_ref()
						.and_then(|h| WeightCommits::<T>::get(netuid, h))
						.and_then(|q| {
							q.iter().find(|c| !Self::is_commit_expired(netuid, c.1)).map(|c| c.2)
						})
						.unwrap_or(u64::MAX)
				})
				.collect(),
		)
	}

	/// Set `RevealPeriodEpochs` of `netuid` (and its client copy) within
	/// `[MIN_COMMIT_REVEAL_PEROIDS, MAX_COMMIT_REVEAL_PEROIDS]`.
	pub fn set_reveal_period(netuid: NetUid, reveal_period: u64) -> DispatchResult {
		ensure!(reveal_period <= MAX_COMMIT_REVEAL_PEROIDS, Error::<T>::RevealPeriodTooLarge);
		ensure!(reveal_period >= MIN_COMMIT_REVEAL_PEROIDS, Error::<T>::RevealPeriodTooSmall);
		RevealPeriodEpochs::<T>::insert(netuid, reveal_period);
		RevealPeriodEpochsAlias::<T>::insert(netuid, reveal_period);
		Self::deposit_event(Event::CommitRevealPeriodsSet(netuid, reveal_period));
		Ok(())
	}

	/// Set `CommitRevealWeightsEnabled` of `netuid` (and its client copy).
	pub fn set_commit_reveal_weights_enabled(netuid: NetUid, enabled: bool) {
		CommitRevealWeightsEnabled::<T>::insert(netuid, enabled);
		CommitRevealWeightsEnabledAlias::<T>::insert(netuid, enabled);
		Self::deposit_event(Event::HyperparameterSet(
			netuid,
			b"CommitRevealWeightsEnabled".to_vec(),
			u128::from(enabled),
		));
	}

	/// Drop `hotkey`'s commits on `netuid` (it lost its UID).
	pub(crate) fn clear_weight_commits_of(netuid: NetUid, hotkey: &T::AccountId) {
		WeightCommits::<T>::remove(netuid, hotkey);
	}

	/// Remove every commit-reveal item of `netuid` (part of dissolving the subnet).
	pub(crate) fn clear_commit_reveal(netuid: NetUid) {
		let _ = WeightCommits::<T>::clear_prefix(netuid, u32::MAX, None);
		RevealPeriodEpochs::<T>::remove(netuid);
		RevealPeriodEpochsAlias::<T>::remove(netuid);
	}
}
