//! Draining the pending emission at a subnet's epoch (economics.md §4.6–§4.7): the epoch turns
//! weights into incentive and dividend shares, and the alpha accrued since the last epoch is
//! paid out — incentive to miners, dividends to validators (take first, then every nominator
//! through the hotkey's share pool), the owner cut to the owner's hotkey, and root's part as
//! root (TAO) stake to the validators' root stakers.
//!
//! Nothing is minted here: every amount was counted in `SubnetAlphaOut` when it accrued.
//! Alpha that cannot be paid (rounding dust, an epoch without any stake) is recycled.

use crate::{staking::PlacedBy, *};
use alloc::{collections::BTreeMap, vec::Vec};
use subtensor_math::yuma::EpochOutputs;

/// The four pending amounts of a subnet, taken at its epoch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pending {
	/// Miners' half.
	pub server: u64,
	/// Validators' half without root's part.
	pub validator: u64,
	/// Root's part of the validators' half.
	pub root: u64,
	/// The owner cut.
	pub owner_cut: u64,
}

/// `⌊amount · part / whole⌋` in u128 (0 if `whole = 0`; at most `amount` when `part ≤ whole`).
fn pro_rata(amount: u64, part: u128, whole: u128) -> u64 {
	let v = u128::from(amount).saturating_mul(part).checked_div(whole).unwrap_or(0);
	u64::try_from(v).unwrap_or(amount).min(amount)
}

impl<T: Config> Pallet<T> {
	/// Block step 4, second half (economics.md §4.6): every subnet but root counts the blocks
	/// since its last epoch; those whose epoch is due run it and pay out their pending
	/// emission. Returns, for each epoch that ran, its number of UIDs and the childkey reads it
	/// made (for the weight).
	pub(crate) fn drain_pending() -> Vec<(u16, u32)> {
		let block = Self::current_block();
		let mut ran = Vec::new();
		let subnets: Vec<NetUid> = NetworksAdded::<T>::iter()
			.filter(|(netuid, added)| *added && *netuid != ROOT_NETUID)
			.map(|(netuid, _)| netuid)
			.collect();
		for netuid in subnets {
			BlocksSinceLastStep::<T>::mutate(netuid, |b| *b = b.saturating_add(1));
			if !Self::is_epoch_block(netuid, Tempo::<T>::get(netuid), block) {
				continue;
			}
			let pending = Pending {
				server: PendingServerEmission::<T>::take(netuid),
				validator: PendingValidatorEmission::<T>::take(netuid),
				root: PendingRootAlphaDivs::<T>::take(netuid),
				owner_cut: PendingOwnerCut::<T>::take(netuid),
			};
			let n = SubnetworkN::<T>::get(netuid);
			let childkey_reads = Self::distribute_emission(netuid, pending);
			ran.push((n, childkey_reads));
			BlocksSinceLastStep::<T>::insert(netuid, 0);
			LastMechansimStepBlock::<T>::insert(netuid, block);
		}
		ran
	}

	/// Run the epoch of `netuid` and pay `pending` out (economics.md §4.7). Returns the storage
	/// reads childkeys added (parent links in the epoch's stakes and in the dividend split).
	pub(crate) fn distribute_emission(netuid: NetUid, pending: Pending) -> u32 {
		let total = pending.server.saturating_add(pending.validator).saturating_add(pending.root);
		let (_inputs, outputs, parents_read) = Self::run_epoch(netuid, total);
		let hotkeys = Self::epoch_hotkeys(netuid);
		// Two stake reads per parent link, and each UID's two link lists.
		let mut childkey_reads =
			parents_read.saturating_mul(2).saturating_add(len_u32(hotkeys.len()).saturating_mul(2));
		// The dividend records are this epoch's (one entry per UID or parent that earned any).
		let _ = AlphaDividendsPerSubnet::<T>::clear_prefix(netuid, u32::MAX, None);
		let _ = TaoDividendsPerSubnet::<T>::clear_prefix(netuid, u32::MAX, None);
		let mut recycle: u64 = 0;

		// Owner cut: staked to the owner's hotkey by the owner's coldkey.
		match (SubnetOwnerHotkey::<T>::get(netuid), SubnetOwner::<T>::get(netuid)) {
			(Some(hotkey), Some(owner)) if pending.owner_cut > 0 => {
				// Placed by the protocol: needs no room in any list of the owner's.
				if Self::credit_stake(&hotkey, &owner, netuid, pending.owner_cut, PlacedBy::Other)
					.is_err()
				{
					recycle = recycle.saturating_add(pending.owner_cut);
				}
			},
			_ => recycle = recycle.saturating_add(pending.owner_cut),
		}

		// Incentive: at most the server pool, staked to each miner's hotkey by its owner;
		// the owner's immune hotkeys' incentive is burned or recycled (`RecycleOrBurn`).
		let paid_incentive = Self::pay_incentive(netuid, &hotkeys, &outputs, pending.server);
		let incentive_sum = outputs.server_emission.iter().fold(0u64, |a, x| a.saturating_add(*x));
		let validator_pot = if incentive_sum > 0 {
			recycle = recycle.saturating_add(pending.server.saturating_sub(paid_incentive));
			pending.validator
		} else {
			// Nobody earned incentive: validators get the miners' half too.
			pending.validator.saturating_add(pending.server)
		};

		// Dividends (§4.7 steps 3–4). First each validator's share is split with its parents
		// (childkeys; the whole share stays with it when it has none), then each recipient's
		// part is split into an alpha part and a root part in the ratio of its own alpha stake :
		// TaoWeight × its own root stake; the validator pot is shared pro rata to the alpha
		// parts (the childkey burn counts as an alpha part paid to nobody, so it is recycled),
		// root's pending alpha pro rata to the root parts.
		let mut shares: BTreeMap<T::AccountId, u64> = BTreeMap::new();
		let mut burned: u64 = 0;
		for (hotkey, &d) in hotkeys.iter().zip(outputs.validator_emission.iter()) {
			let Some(hotkey) = hotkey else { continue };
			if d == 0 {
				continue;
			}
			let (parts, burn) = Self::split_dividend(hotkey, netuid, d);
			// Parent links of this validator: each parent's stakes and owner.
			childkey_reads = childkey_reads
				.saturating_add(len_u32(parts.len().saturating_sub(1)).saturating_mul(3));
			burned = burned.saturating_add(burn);
			for (recipient, amount) in parts {
				let entry = shares.entry(recipient).or_insert(0);
				*entry = entry.saturating_add(amount);
			}
		}
		let tao_weight = TaoWeight::<T>::get();
		let parts: Vec<(T::AccountId, u128, u128)> = shares
			.into_iter()
			.map(|(hotkey, d)| {
				let alpha = TotalHotkeyAlpha::<T>::get(&hotkey, netuid);
				let root = TotalHotkeyAlpha::<T>::get(&hotkey, ROOT_NETUID);
				let root_w = u128::from(subtensor_math::childkeys::proportion_of(root, tao_weight));
				let whole = u128::from(alpha).saturating_add(root_w);
				let rd = u128::from(d).saturating_mul(root_w).checked_div(whole).unwrap_or(0);
				(hotkey, u128::from(d).saturating_sub(rd), rd)
			})
			.collect();
		let sum_ad = parts.iter().fold(u128::from(burned), |a, p| a.saturating_add(p.1));
		let sum_rd = parts.iter().fold(0u128, |a, p| a.saturating_add(p.2));
		let mut paid_dividends: u64 = 0;
		let mut root_parts: Vec<(T::AccountId, u128)> = Vec::new();
		for (hotkey, ad, rd) in parts {
			let alpha_div = pro_rata(validator_pot, ad, sum_ad);
			if alpha_div > 0 {
				Self::pay_validator_dividend(&hotkey, netuid, alpha_div);
				paid_dividends = paid_dividends.saturating_add(alpha_div);
				AlphaDividendsPerSubnet::<T>::insert(netuid, &hotkey, alpha_div);
			}
			if rd > 0 {
				root_parts.push((hotkey, rd));
			}
		}
		recycle = recycle.saturating_add(validator_pot.saturating_sub(paid_dividends));
		recycle = recycle.saturating_add(Self::pay_root_dividends(
			netuid,
			pending.root,
			&root_parts,
			sum_rd,
		));

		Self::recycle_subnet_alpha(netuid, recycle);
		Self::deposit_event(Event::IncentiveAlphaEmittedToMiners {
			netuid,
			emissions: outputs.server_emission,
		});
		childkey_reads
	}

	/// Pay each miner's `server_emission` (capped by the `server` pool), returning what was
	/// paid or burned; recycled incentive is not counted as paid.
	fn pay_incentive(
		netuid: NetUid,
		hotkeys: &[Option<T::AccountId>],
		outputs: &EpochOutputs,
		server: u64,
	) -> u64 {
		let immortal = Self::owner_immortal_uids(netuid);
		let recycle_owner = RecycleOrBurn::<T>::get(netuid) == RecycleOrBurnEnum::Recycle;
		let mut left = server;
		let mut paid: u64 = 0;
		for ((uid, hotkey), &amount) in
			(0u16..).zip(hotkeys.iter()).zip(outputs.server_emission.iter())
		{
			let amount = amount.min(left);
			let Some(hotkey) = hotkey else { continue };
			if amount == 0 {
				continue;
			}
			left = left.saturating_sub(amount);
			if immortal.contains(&uid) {
				// Burned: it stays counted in SubnetAlphaOut, owned by nobody. Recycled: it
				// leaves the alpha issuance (the caller recycles what is not counted as paid).
				if !recycle_owner {
					paid = paid.saturating_add(amount);
				}
				continue;
			}
			let owner = Owner::<T>::get(hotkey);
			if Self::credit_stake(hotkey, &owner, netuid, amount, PlacedBy::Other).is_ok() {
				paid = paid.saturating_add(amount);
			}
		}
		paid
	}

	/// Root's part (economics.md §4.7 step 5, the v2.0.11 path): `root_alpha` is sold through
	/// the subnet's pool (no fee) and the TAO paid to the validators pro rata to their root
	/// parts, as root stake — the take to the validator's owner, the rest to all its root
	/// nominators. Returns the alpha left to recycle (all of it if nothing can be paid).
	fn pay_root_dividends(
		netuid: NetUid,
		root_alpha: u64,
		parts: &[(T::AccountId, u128)],
		sum: u128,
	) -> u64 {
		if root_alpha == 0 || sum == 0 {
			return root_alpha;
		}
		let Ok(sell) = Self::quote_sell(netuid, root_alpha, true) else { return root_alpha };
		// The alpha re-enters the pool and the TAO leaves it; it joins root below, so
		// TotalStake is unchanged overall.
		Self::apply_sell(netuid, &sell);
		let tao = sell.amount_out;
		let mut paid: u64 = 0;
		for (hotkey, rd) in parts {
			let share = pro_rata(tao, *rd, sum);
			if share == 0 {
				continue;
			}
			Self::pay_root_stake_dividend(hotkey, share);
			paid = paid.saturating_add(share);
			TaoDividendsPerSubnet::<T>::insert(netuid, hotkey, share);
		}
		// Flooring dust of the TAO: it stays as root stake of nobody would break root's 1:1
		// backing, so it goes back into the subnet's pool instead.
		let dust = tao.saturating_sub(paid);
		SubnetTAO::<T>::mutate(netuid, |t| *t = t.saturating_add(dust));
		TotalStake::<T>::mutate(|t| *t = t.saturating_add(dust));
		0
	}

	/// Credit `tao` RAO of new root stake to validator `hotkey`: the take to its owner, the
	/// rest to all its root holders pro rata. Root stays backed 1:1: `SubnetTAO[0]`,
	/// `SubnetAlphaOut[0]` and `TotalStake` grow by `tao`.
	fn pay_root_stake_dividend(hotkey: &T::AccountId, tao: u64) {
		SubnetTAO::<T>::mutate(ROOT_NETUID, |t| *t = t.saturating_add(tao));
		SubnetAlphaOut::<T>::mutate(ROOT_NETUID, |t| *t = t.saturating_add(tao));
		TotalStake::<T>::mutate(|t| *t = t.saturating_add(tao));
		Self::pay_validator_dividend(hotkey, ROOT_NETUID, tao);
	}
}
