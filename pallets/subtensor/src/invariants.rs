//! Storage invariants (economics.md §6), checked by the `try_state` hook and at the end of every
//! unit test.

use crate::*;
use alloc::{collections::btree_set::BTreeSet, vec::Vec};
use frame_support::{ensure, traits::fungible::Inspect};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage:
	///
	/// - the root subnet exists and `TotalNetworks` counts `NetworksAdded`;
	/// - issuance (§6.1.1): `TotalIssuance == balances issuance + TotalStake + Σ unpaid pots of
	///   dissolving subnets`, **exactly** (every movement in this pallet is integer-exact, so the
	///   reference's 1000 RAO tolerance is not needed);
	/// - dissolving subnets: not added, their unpaid pot at most their pot;
	/// - stake (§6.1.2): `TotalStake == Σ SubnetTAO`; pool entries only for existing subnets;
	/// - pools (§6.2): both reserves of every dynamic subnet are at least `MIN_LIQ`;
	/// - UIDs (§6.3.19): `SubnetworkN ≤ MaxAllowedUids`, `Keys`/`Uids` are a bijection on
	///   `[0, SubnetworkN)`, `IsNetworkMember` agrees, per-UID vectors have length `SubnetworkN`;
	/// - burn (§6.3.17): `Burn ∈ [MinBurn, MaxBurn]` on every subnet;
	/// - ownership: `Owner[h] = c` ⇔ `h ∈ OwnedHotkeys[c]`;
	/// - stake (§6.1.5–6): per hotkey pool `Σ_c Alpha = TotalHotkeyShares` exactly and
	///   `Σ_c value ≤ TotalHotkeyAlpha`; a pool without shares holds no value; stake only on
	///   existing (or dissolving) subnets, on hotkeys that exist, its hotkey listed in exactly one
	///   of `StakingHotkeys[c]` and `ReceivedStakeHotkeys[(c, h)]` (which list nothing else);
	///   `SubnetStakePositions` holds exactly the `Alpha` positions; on a dynamic subnet `Σ_h TotalHotkeyAlpha ≤ SubnetAlphaOut`;
	///   on root `SubnetAlphaIn = 0` and `Σ_h TotalHotkeyAlpha = SubnetTAO = SubnetAlphaOut`;
	/// - emission (§6.1.5): on a dynamic subnet `Σ_h TotalHotkeyAlpha + pending ≤
	///   SubnetAlphaOut`; per-UID epoch outputs never longer than `SubnetworkN`;
	/// - commit-reveal: `WeightCommits` queues non-empty, of registered hotkeys;
	///   `NeuronCertificates` of registered hotkeys; the client-compatibility copies equal
	///   `CommitRevealWeightsEnabled` and `RevealPeriodEpochs`.
	/// - childkeys: see [`Self::check_childkey_invariants`];
	/// - locks (`staking/locks.rs`): see [`Self::check_no_locks_or_root_claims`]; root claims:
	///   every root-claim item is empty and `RootClaimType` holds no entry (everyone is `Swap`);
	///   nor is there a `MechanismEmissionSplit` (one mechanism per subnet).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_no_locks_or_root_claims()?;
		ensure!(NetworksAdded::<T>::get(ROOT_NETUID), "root subnet 0 must exist");
		let added: BTreeSet<NetUid> =
			NetworksAdded::<T>::iter().filter(|(_, a)| *a).map(|(n, _)| n).collect();
		ensure!(
			u16::try_from(added.len()).ok() == Some(TotalNetworks::<T>::get()),
			"TotalNetworks must count NetworksAdded"
		);

		let total_stake = TotalStake::<T>::get();
		let mut unpaid: u128 = 0;
		for (netuid, payout) in DissolvingSubnets::<T>::iter() {
			ensure!(!added.contains(&netuid), "a dissolving subnet is not added");
			ensure!(payout.left <= payout.pot, "a payout pays at most its pot");
			unpaid = unpaid.saturating_add(u128::from(payout.left));
		}
		ensure!(
			u128::from(TotalIssuance::<T>::get())
				== u128::from(T::Currency::total_issuance())
					.saturating_add(u128::from(total_stake))
					.saturating_add(unpaid),
			"TotalIssuance must equal the balances issuance plus TotalStake plus unpaid pots"
		);
		let pools: u128 =
			SubnetTAO::<T>::iter_values().fold(0u128, |a, v| a.saturating_add(u128::from(v)));
		ensure!(pools == u128::from(total_stake), "TotalStake must equal the sum of SubnetTAO");
		ensure!(
			SubnetTAO::<T>::iter_keys().all(|n| added.contains(&n))
				&& SubnetAlphaIn::<T>::iter_keys().all(|n| added.contains(&n)),
			"pool entries only for existing subnets"
		);

		// Commit-reveal: commit queues are non-empty and, like certificates, belong to hotkeys
		// registered on an existing subnet; the client copies agree with their originals.
		ensure!(
			WeightCommits::<T>::iter().all(|(n, h, q)| {
				!q.is_empty() && added.contains(&n) && Uids::<T>::contains_key(n, &h)
			}),
			"WeightCommits: non-empty queues of registered hotkeys only"
		);
		ensure!(
			NeuronCertificates::<T>::iter_keys().all(|(n, h)| Uids::<T>::contains_key(n, &h)),
			"NeuronCertificates only for registered hotkeys"
		);
		ensure!(
			added.iter().all(|n| {
				CommitRevealWeightsEnabled::<T>::get(n)
					== CommitRevealWeightsEnabledAlias::<T>::get(n)
					&& RevealPeriodEpochs::<T>::get(n) == RevealPeriodEpochsAlias::<T>::get(n)
			}),
			"get_commit_reveal_weights_enabled / get_commit_reveal_period mirror their items"
		);

		for &netuid in &added {
			if SubnetMechanism::<T>::get(netuid) == DYNAMIC_MECHANISM {
				let r = Self::reserves(netuid);
				ensure!(
					r.tao >= subtensor_math::pool::MIN_LIQ
						&& r.alpha >= subtensor_math::pool::MIN_LIQ,
					"pool reserves must be at least MIN_LIQ"
				);
			}
			let n = SubnetworkN::<T>::get(netuid);
			ensure!(n <= MaxAllowedUids::<T>::get(netuid), "SubnetworkN ≤ MaxAllowedUids");
			for uid in 0..n {
				let hotkey = Keys::<T>::get(netuid, uid).ok_or("Keys must cover [0, N)")?;
				ensure!(Uids::<T>::get(netuid, &hotkey) == Some(uid), "Uids must invert Keys");
				ensure!(IsNetworkMember::<T>::get(&hotkey, netuid), "IsNetworkMember must agree");
			}
			ensure!(
				Keys::<T>::iter_prefix(netuid).count() == usize::from(n)
					&& Uids::<T>::iter_prefix(netuid).count() == usize::from(n),
				"Keys and Uids hold exactly N entries"
			);
			ensure!(
				LastUpdate::<T>::decode_len(netuid).unwrap_or(0) == usize::from(n)
					&& PruningScores::<T>::decode_len(netuid).unwrap_or(0) == usize::from(n),
				"per-UID vectors have length N"
			);
			let len = usize::from(n);
			ensure!(
				Incentive::<T>::decode_len(netuid).unwrap_or(0) <= len
					&& Dividends::<T>::decode_len(netuid).unwrap_or(0) <= len
					&& Emission::<T>::decode_len(netuid).unwrap_or(0) <= len
					&& ValidatorPermit::<T>::decode_len(netuid).unwrap_or(0) <= len,
				"epoch outputs are per UID"
			);
			ensure!(
				Weights::<T>::iter_key_prefix(netuid).all(|uid| uid < n)
					&& Bonds::<T>::iter_key_prefix(netuid).all(|uid| uid < n),
				"weights and bonds only for existing UIDs"
			);
			let burn = Burn::<T>::get(netuid);
			if netuid != ROOT_NETUID {
				ensure!(
					burn >= MinBurn::<T>::get(netuid) && burn <= MaxBurn::<T>::get(netuid),
					"Burn must lie in [MinBurn, MaxBurn]"
				);
			}
		}
		ensure!(
			Keys::<T>::iter_keys().all(|(n, _)| added.contains(&n)),
			"UIDs only on existing subnets"
		);

		Self::check_stake_invariants(&added)?;
		Self::check_childkey_invariants(&added)?;

		for (hotkey, coldkey) in Owner::<T>::iter() {
			ensure!(
				OwnedHotkeys::<T>::get(&coldkey).contains(&hotkey),
				"an owned hotkey is listed under its coldkey"
			);
		}
		for (coldkey, hotkeys) in OwnedHotkeys::<T>::iter() {
			for hotkey in hotkeys.iter() {
				ensure!(
					Owner::<T>::get(hotkey) == coldkey,
					"a listed hotkey is owned by that coldkey"
				);
			}
		}
		Ok(())
	}

	fn check_stake_invariants(added: &BTreeSet<NetUid>) -> Result<(), TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use substrate_fixed::types::U64F64;
		let mut share_sums: BTreeMap<(T::AccountId, NetUid), U64F64> = BTreeMap::new();
		let mut value_sums: BTreeMap<(T::AccountId, NetUid), u128> = BTreeMap::new();
		let live = |n: &NetUid| added.contains(n) || DissolvingSubnets::<T>::contains_key(n);
		let mut positions: usize = 0;
		for ((hotkey, coldkey, netuid), shares) in Alpha::<T>::iter() {
			positions = positions.saturating_add(1);
			ensure!(live(&netuid), "stake only on existing or dissolving subnets");
			ensure!(Owner::<T>::contains_key(&hotkey), "stake only on existing hotkeys");
			ensure!(
				StakingHotkeys::<T>::get(&coldkey).contains(&hotkey)
					!= ReceivedStakeHotkeys::<T>::contains_key(&coldkey, &hotkey),
				"a staked hotkey is listed in exactly one of StakingHotkeys and ReceivedStakeHotkeys"
			);
			ensure!(
				SubnetStakePositions::<T>::contains_key((netuid, &hotkey, &coldkey)),
				"every position is in SubnetStakePositions"
			);
			let sum = share_sums.entry((hotkey.clone(), netuid)).or_insert(U64F64::from_bits(0));
			*sum = sum.checked_add(shares).ok_or("share sum overflow")?;
			let value =
				subtensor_math::share_pool::value_of(Self::hotkey_pool(&hotkey, netuid), shares);
			let v = value_sums.entry((hotkey, netuid)).or_insert(0);
			*v = v.saturating_add(u128::from(value));
		}
		for (hotkey, netuid, total) in TotalHotkeyShares::<T>::iter() {
			let sum = share_sums.remove(&(hotkey.clone(), netuid)).unwrap_or(U64F64::from_bits(0));
			ensure!(sum == total, "TotalHotkeyShares must equal the sum of Alpha shares");
			let values = value_sums.get(&(hotkey.clone(), netuid)).copied().unwrap_or(0);
			ensure!(
				values <= u128::from(TotalHotkeyAlpha::<T>::get(&hotkey, netuid)),
				"stakes may not be worth more than TotalHotkeyAlpha"
			);
		}
		ensure!(share_sums.is_empty(), "every Alpha entry belongs to a hotkey pool");
		ensure!(
			SubnetStakePositions::<T>::iter_keys().count() == positions,
			"SubnetStakePositions holds only Alpha positions"
		);
		for (hotkey, netuid, value) in TotalHotkeyAlpha::<T>::iter() {
			ensure!(
				value == 0 || TotalHotkeyShares::<T>::get(&hotkey, netuid) > U64F64::from_bits(0),
				"a hotkey pool without shares holds no value"
			);
		}
		for (coldkey, hotkey, ()) in ReceivedStakeHotkeys::<T>::iter() {
			ensure!(
				Alpha::<T>::iter_prefix((&hotkey, &coldkey)).next().is_some(),
				"ReceivedStakeHotkeys lists only hotkeys the coldkey has stake on"
			);
		}
		for (coldkey, hotkeys) in StakingHotkeys::<T>::iter() {
			for hotkey in hotkeys.iter() {
				ensure!(
					Alpha::<T>::iter_prefix((hotkey, &coldkey)).next().is_some(),
					"StakingHotkeys lists only hotkeys the coldkey has stake on"
				);
			}
		}
		let mut pool_values: BTreeMap<NetUid, u128> = BTreeMap::new();
		for (_, netuid, value) in TotalHotkeyAlpha::<T>::iter() {
			ensure!(live(&netuid), "hotkey pools only on existing or dissolving subnets");
			let v = pool_values.entry(netuid).or_insert(0);
			*v = v.saturating_add(u128::from(value));
		}
		for &netuid in added {
			let staked = pool_values.get(&netuid).copied().unwrap_or(0);
			let out = u128::from(SubnetAlphaOut::<T>::get(netuid));
			if netuid == ROOT_NETUID {
				ensure!(SubnetAlphaIn::<T>::get(netuid) == 0, "root has no alpha reserve");
				ensure!(
					staked == u128::from(SubnetTAO::<T>::get(netuid)) && staked == out,
					"root stake must equal SubnetTAO[0] and SubnetAlphaOut[0]"
				);
			} else {
				// §6.1.5: stakes plus pending emission never exceed the alpha issued out of
				// the pool (the difference is burned alpha and rounding dust).
				let pending = [
					PendingServerEmission::<T>::get(netuid),
					PendingValidatorEmission::<T>::get(netuid),
					PendingRootAlphaDivs::<T>::get(netuid),
					PendingOwnerCut::<T>::get(netuid),
				]
				.iter()
				.fold(0u128, |a, p| a.saturating_add(u128::from(*p)));
				ensure!(
					staked.saturating_add(pending) <= out,
					"staked plus pending alpha may not exceed SubnetAlphaOut"
				);
			}
		}
		Ok(())
	}

	/// Childkeys (`staking/children.rs`): `ChildKeys` and `ParentKeys` mirror each other link by
	/// link with equal proportions, hold no empty list, no self link and no duplicate; a parent's
	/// proportions sum to at most `u64::MAX`; no two-way link; `SubnetParentKeys` lists exactly
	/// the parents with children; links and pending requests only on existing or dissolving
	/// subnets, each pending request due in the block after its cooldown block.
	fn check_childkey_invariants(added: &BTreeSet<NetUid>) -> Result<(), TryRuntimeError> {
		let live = |netuid: &NetUid| {
			added.contains(netuid) || DissolvingSubnets::<T>::contains_key(netuid)
		};
		for (parent, netuid, children) in ChildKeys::<T>::iter() {
			ensure!(!children.is_empty(), "no empty ChildKeys list");
			ensure!(live(&netuid) && netuid != ROOT_NETUID, "childkeys only on live subnets");
			ensure!(SubnetParentKeys::<T>::contains_key(netuid, &parent), "parent indexed");
			let total = children.iter().fold(0u128, |a, (p, _)| a.saturating_add(u128::from(*p)));
			ensure!(total <= u128::from(u64::MAX), "a parent lends at most 100 %");
			let my_parents = ParentKeys::<T>::get(&parent, netuid);
			for (i, (p, child)) in children.iter().enumerate() {
				ensure!(*child != parent, "no self link");
				ensure!(!children.iter().take(i).any(|(_, c)| c == child), "no duplicate child");
				ensure!(!my_parents.iter().any(|(_, q)| q == child), "no two-way link");
				ensure!(
					ParentKeys::<T>::get(child, netuid).iter().any(|(q, x)| x == &parent && q == p),
					"every child link is mirrored in ParentKeys"
				);
			}
		}
		for (child, netuid, parents) in ParentKeys::<T>::iter() {
			ensure!(!parents.is_empty(), "no empty ParentKeys list");
			for (p, parent) in parents.iter() {
				ensure!(
					ChildKeys::<T>::get(parent, netuid).iter().any(|(q, c)| c == &child && q == p),
					"every parent link is mirrored in ChildKeys"
				);
			}
		}
		for (netuid, parent) in SubnetParentKeys::<T>::iter_keys() {
			ensure!(ChildKeys::<T>::contains_key(&parent, netuid), "indexed parents have children");
		}
		for (netuid, parent, (_, cooldown)) in PendingChildKeys::<T>::iter() {
			ensure!(live(&netuid), "pending childkeys only on live subnets");
			ensure!(
				PendingChildKeysDue::<T>::contains_key(
					cooldown.saturating_add(1),
					(netuid, parent)
				),
				"every pending request is due after its cooldown"
			);
		}
		Ok(())
	}

	/// Stake locks (`staking/locks.rs`):
	/// - at most one `Lock` per `(coldkey, netuid)`, each listed in `LockingColdkeys` and
	///   back; `DecayingLock` holds only `false`, each listed in `PerpetualLockIndex` and back;
	/// - locks only on existing or dissolving subnets; on an existing subnet a lock's mass
	///   rolled to now is at most the coldkey's stake there;
	/// - per bucket (the four aggregates), the aggregate's mass rolled to now equals the sum
	///   of its locks' masses rolled to now, within `2·LOCK_DUST·(n + 1) + Σ/2²⁰` rao for `n`
	///   locks (per-lock flooring and dust deletion; conviction is not compared: an owner-hotkey
	///   change re-buckets the aggregates without rolling every lock, as the reference does).
	///
	/// Root claims and mechanism splits do not exist: those items stay empty.
	fn check_no_locks_or_root_claims() -> Result<(), TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use staking::locks::Bucket;
		let now = Self::current_block();
		let mut seen: BTreeSet<(T::AccountId, NetUid)> = BTreeSet::new();
		// (netuid, hotkey or None for owner buckets, perpetual) → (Σ mass, n)
		let mut sums: BTreeMap<BucketKey<T>, (u128, u128)> = BTreeMap::new();
		for ((coldkey, netuid, hotkey), state) in Lock::<T>::iter() {
			ensure!(seen.insert((coldkey.clone(), netuid)), "one lock per coldkey and subnet");
			ensure!(
				LockingColdkeys::<T>::contains_key((netuid, &hotkey, &coldkey)),
				"every lock is indexed in LockingColdkeys"
			);
			let exists = Self::subnet_exists(netuid);
			ensure!(
				exists || DissolvingSubnets::<T>::contains_key(netuid),
				"locks only on existing or dissolving subnets"
			);
			let bucket = Self::lock_bucket(&coldkey, netuid, &hotkey);
			let rolled = Self::roll_lock_state(&state, now, bucket.kind());
			if exists {
				ensure!(
					rolled.locked_mass <= Self::coldkey_stake_on_subnet(&coldkey, netuid),
					"a lock is at most the coldkey's stake on its subnet"
				);
			}
			let key = match bucket {
				Bucket::Owner | Bucket::DecayingOwner => (netuid, None, bucket == Bucket::Owner),
				Bucket::Hotkey | Bucket::DecayingHotkey => {
					(netuid, Some(hotkey.clone()), bucket == Bucket::Hotkey)
				},
			};
			let e = sums.entry(key).or_insert((0, 0));
			e.0 = e.0.saturating_add(u128::from(rolled.locked_mass));
			e.1 = e.1.saturating_add(1);
		}
		for (netuid, hotkey, coldkey) in LockingColdkeys::<T>::iter_keys() {
			ensure!(
				Lock::<T>::contains_key((&coldkey, netuid, &hotkey)),
				"LockingColdkeys lists only locks"
			);
		}
		for (coldkey, netuid, flag) in DecayingLock::<T>::iter() {
			ensure!(!flag, "DecayingLock stores only perpetual flags");
			ensure!(
				PerpetualLockIndex::<T>::contains_key(netuid, &coldkey),
				"every perpetual flag is indexed"
			);
		}
		for (netuid, coldkey) in PerpetualLockIndex::<T>::iter_keys() {
			ensure!(
				DecayingLock::<T>::get(&coldkey, netuid) == Some(false),
				"PerpetualLockIndex lists only perpetual flags"
			);
		}
		let mut aggregates: Vec<(BucketKey<T>, Bucket)> = Vec::new();
		aggregates.extend(
			HotkeyLock::<T>::iter_keys().map(|(n, h)| ((n, Some(h), true), Bucket::Hotkey)),
		);
		aggregates.extend(
			DecayingHotkeyLock::<T>::iter_keys()
				.map(|(n, h)| ((n, Some(h), false), Bucket::DecayingHotkey)),
		);
		aggregates.extend(OwnerLock::<T>::iter_keys().map(|n| ((n, None, true), Bucket::Owner)));
		aggregates.extend(
			DecayingOwnerLock::<T>::iter_keys().map(|n| ((n, None, false), Bucket::DecayingOwner)),
		);
		let mut checked: BTreeSet<BucketKey<T>> = BTreeSet::new();
		for (key, bucket) in aggregates {
			let (netuid, hotkey, _) = key.clone();
			let any = hotkey.clone().or_else(|| SubnetOwnerHotkey::<T>::get(netuid));
			let agg = match any {
				Some(h) => u128::from(Self::bucket_rolled(netuid, &h, bucket, now).mass),
				None => 0,
			};
			let (sum, n) = sums.get(&key).copied().unwrap_or((0, 0));
			let tolerance = 2u128
				.saturating_mul(u128::from(subtensor_math::locks::LOCK_DUST))
				.saturating_mul(n.saturating_add(1))
				.saturating_add(sum >> 20);
			ensure!(agg.abs_diff(sum) <= tolerance, "a lock aggregate is the sum of its locks");
			checked.insert(key);
		}
		for (key, (sum, n)) in sums {
			if !checked.contains(&key) {
				ensure!(
					sum <= 2u128
						.saturating_mul(u128::from(subtensor_math::locks::LOCK_DUST))
						.saturating_mul(n.saturating_add(1)),
					"locks without their aggregate"
				);
			}
		}
		ensure!(
			RootClaimType::<T>::iter_keys().next().is_none()
				&& RootClaimable::<T>::iter_keys().next().is_none()
				&& RootClaimed::<T>::iter_keys().next().is_none(),
			"no root claims on this chain"
		);
		ensure!(
			MechanismEmissionSplit::<T>::iter_keys().next().is_none(),
			"one mechanism per subnet: no emission split"
		);
		Ok(())
	}
}

/// An aggregate bucket: `(netuid, hotkey or None for the owner buckets, perpetual)`.
type BucketKey<T> = (NetUid, Option<<T as frame_system::Config>::AccountId>, bool);
