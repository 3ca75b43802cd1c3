//! `DelegateInfoRuntimeApi`: validators as nominators see them.
//!
//! **What a delegate is here.** Any hotkey with an owner (an `Owner` entry): every hotkey that
//! was registered or staked to, since anyone may stake to any hotkey. This is the reference's
//! set too, where creating a hotkey account inserts it into `Delegates` with the default take;
//! our `Delegates` holds only takes that were changed, so it is not the list.
//!
//! **Returns.** From the dividends of each subnet's last epoch (`AlphaDividendsPerSubnet`, paid
//! to alpha stake, valued in TAO at the pool's spot price; `TaoDividendsPerSubnet`, root's TAO
//! paid to root stake), each scaled to a day (`subtensor_math::returns::per_day`: an epoch every
//! `tempo + 1` blocks, 7200 blocks a day):
//!
//! - `total_daily_return` = Σ_subnets daily dividends, in RAO of TAO value, before take;
//! - `return_per_1000` = what 1000 TAO of stake earns per day after the validator's take:
//!   `total_daily_return · (1 − take) · 1000 TAO / stake`, where `stake` is the TAO value of
//!   everything staked to the hotkey (`TotalHotkeyAlpha` on every subnet at spot, root 1:1)
//!   (`subtensor_math::returns::return_per_1000`).
//!
//! It is a last-epoch snapshot, not an average: the dividend records are replaced at every
//! epoch, and alpha is valued at today's spot price. No history of past epochs is kept.

use crate::*;
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use codec::{Compact, Decode, Encode};
use scale_info::TypeInfo;
use subtensor_math::returns;

/// A nominator's stake with a delegate, per subnet: `[(netuid, stake)]`.
pub type NominatorStakes = Vec<(Compact<NetUid>, Compact<u64>)>;

/// One stake of a coldkey: the delegate and `(netuid, stake)` (`get_delegated`).
pub type DelegatedStake<AccountId> = (DelegateInfo<AccountId>, (Compact<NetUid>, Compact<u64>));

/// A validator (hotkey) and its nominators (the reference's `DelegateInfo`, fields in its
/// order).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct DelegateInfo<AccountId> {
	/// The hotkey.
	pub delegate_ss58: AccountId,
	/// Its validator take, a u16 proportion of its dividends.
	pub take: Compact<u16>,
	/// Every coldkey staked to it, with its stake on each subnet (alpha-RAO; TAO on root).
	pub nominators: Vec<(AccountId, NominatorStakes)>,
	/// The coldkey owning the hotkey.
	pub owner_ss58: AccountId,
	/// The subnets where it holds a UID.
	pub registrations: Vec<Compact<NetUid>>,
	/// The subnets where it holds a validator permit.
	pub validator_permits: Vec<Compact<NetUid>>,
	/// RAO per day that 1000 TAO staked to it earns after its take (module docs).
	pub return_per_1000: Compact<u64>,
	/// Its dividends per day before take, RAO of TAO value (module docs).
	pub total_daily_return: Compact<u64>,
}

impl<T: Config> Pallet<T> {
	/// Whether `hotkey` is a delegate: some coldkey owns it.
	pub fn is_delegate(hotkey: &T::AccountId) -> bool {
		Owner::<T>::contains_key(hotkey)
	}

	/// Dividends `hotkey` received at the last epoch of every subnet, per day, in RAO of TAO
	/// value (module docs).
	pub fn delegate_daily_dividends(hotkey: &T::AccountId) -> u64 {
		Self::subnet_netuids().into_iter().fold(0u64, |acc, netuid| {
			let alpha = AlphaDividendsPerSubnet::<T>::get(netuid, hotkey);
			let per_epoch = Self::alpha_to_tao_at_spot(netuid, alpha)
				.saturating_add(TaoDividendsPerSubnet::<T>::get(netuid, hotkey));
			let daily =
				returns::per_day(per_epoch, Tempo::<T>::get(netuid), returns::BLOCKS_PER_DAY);
			acc.saturating_add(daily)
		})
	}

	/// TAO value of everything staked to `hotkey`, at spot prices (root 1:1), in RAO.
	pub fn delegate_stake_value(hotkey: &T::AccountId) -> u64 {
		TotalHotkeyAlpha::<T>::iter_prefix(hotkey).fold(0u64, |acc, (netuid, alpha)| {
			acc.saturating_add(Self::alpha_to_tao_at_spot(netuid, alpha))
		})
	}

	fn delegate_info(hotkey: &T::AccountId, with_nominators: bool) -> DelegateInfo<T::AccountId> {
		let mut by_coldkey: BTreeMap<T::AccountId, NominatorStakes> = BTreeMap::new();
		if with_nominators {
			let mut positions: Vec<(T::AccountId, NetUid)> = Alpha::<T>::iter_prefix((hotkey,))
				.map(|((coldkey, netuid), _)| (coldkey, netuid))
				.collect();
			positions.sort_by_key(|(_, netuid)| *netuid);
			for (coldkey, netuid) in positions {
				let stake = Self::stake_of(hotkey, &coldkey, netuid);
				if stake > 0 {
					by_coldkey.entry(coldkey).or_default().push((Compact(netuid), Compact(stake)));
				}
			}
		}
		let mut registrations: Vec<NetUid> = IsNetworkMember::<T>::iter_prefix(hotkey)
			.filter(|(_, member)| *member)
			.map(|(netuid, _)| netuid)
			.collect();
		registrations.sort();
		let validator_permits = registrations
			.iter()
			.filter(|&&netuid| {
				Uids::<T>::get(netuid, hotkey).is_some_and(|uid| {
					ValidatorPermit::<T>::get(netuid)
						.get(usize::from(uid))
						.copied()
						.unwrap_or(false)
				})
			})
			.map(|netuid| Compact(*netuid))
			.collect();
		let take = Self::get_hotkey_take(hotkey);
		let daily = Self::delegate_daily_dividends(hotkey);
		DelegateInfo {
			delegate_ss58: hotkey.clone(),
			take: Compact(take),
			nominators: by_coldkey.into_iter().collect(),
			owner_ss58: Owner::<T>::get(hotkey),
			registrations: registrations.into_iter().map(Compact).collect(),
			validator_permits,
			return_per_1000: Compact(returns::return_per_1000(
				daily,
				take,
				Self::delegate_stake_value(hotkey),
			)),
			total_daily_return: Compact(daily),
		}
	}

	/// `get_delegate`: `hotkey` with its nominators; `None` if it is not a delegate (no owner).
	pub fn get_delegate(hotkey: &T::AccountId) -> Option<DelegateInfo<T::AccountId>> {
		Self::is_delegate(hotkey).then(|| Self::delegate_info(hotkey, true))
	}

	/// `get_delegates`: every delegate with its nominators, in account order.
	pub fn get_delegates() -> Vec<DelegateInfo<T::AccountId>> {
		let mut hotkeys: Vec<T::AccountId> = Owner::<T>::iter_keys().collect();
		hotkeys.sort();
		hotkeys.iter().map(|h| Self::delegate_info(h, true)).collect()
	}

	/// `get_delegated`: every non-zero stake of `coldkey`, one entry per (hotkey, subnet): the
	/// delegate (without its nominators, as the reference) and `(netuid, stake)`.
	pub fn get_delegated(coldkey: &T::AccountId) -> Vec<DelegatedStake<T::AccountId>> {
		let mut out = Vec::new();
		for hotkey in Self::staked_hotkeys(coldkey).iter() {
			let mut netuids = Self::staked_netuids(hotkey, coldkey);
			netuids.sort();
			let mut info = None;
			for netuid in netuids {
				let stake = Self::stake_of(hotkey, coldkey, netuid);
				if stake == 0 {
					continue;
				}
				let delegate = info.get_or_insert_with(|| Self::delegate_info(hotkey, false));
				out.push((delegate.clone(), (Compact(netuid), Compact(stake))));
			}
		}
		out
	}
}
