//! `StakeInfoRuntimeApi`: stake positions, stake availability, fees and stake locks.

use crate::*;
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use codec::{Compact, Decode, Encode};
use scale_info::TypeInfo;
use substrate_fixed::types::U64F64;

/// A coldkey's stake on a hotkey on a subnet: `StakeInfoRuntimeApi`.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct StakeInfo<AccountId> {
	/// The hotkey staked to.
	pub hotkey: AccountId,
	/// The coldkey holding the stake.
	pub coldkey: AccountId,
	/// The subnet.
	pub netuid: Compact<u16>,
	/// The stake, alpha-RAO (TAO on root).
	pub stake: Compact<u64>,
	/// The coldkey's locked alpha on the subnet (`Lock`, rolled to this block).
	pub locked: Compact<u64>,
	/// Alpha dividends the hotkey received at the subnet's last epoch.
	pub emission: Compact<u64>,
	/// Root (TAO) dividends the hotkey received from the subnet at its last epoch.
	pub tao_emission: Compact<u64>,
	/// Stake draining (not used by this chain: 0).
	pub drain: Compact<u64>,
	/// Whether the hotkey holds a UID on the subnet.
	pub is_registered: bool,
}

/// A coldkey and its stake positions (`get_stake_info_for_coldkeys`).
pub type ColdkeyStakeInfo<AccountId> = (AccountId, Vec<StakeInfo<AccountId>>);

/// A coldkey's stake on one subnet and how much of it may be unstaked:
/// `StakeInfoRuntimeApi.get_stake_availability_for_coldkeys` (the reference's fields).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct StakeAvailability {
	/// The coldkey's stake on the subnet over all hotkeys, alpha-RAO.
	pub total: Compact<u64>,
	/// The part locked (the coldkey's `Lock` on the subnet, rolled to this block).
	pub locked: Compact<u64>,
	/// `total − locked`.
	pub available: Compact<u64>,
}

impl<T: Config> Pallet<T> {
	fn stake_info(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		netuid: NetUid,
	) -> StakeInfo<T::AccountId> {
		StakeInfo {
			hotkey: hotkey.clone(),
			coldkey: coldkey.clone(),
			netuid: Compact(netuid),
			stake: Compact(Self::stake_of(hotkey, coldkey, netuid)),
			locked: Compact(Self::locked_alpha(coldkey, netuid)),
			emission: Compact(AlphaDividendsPerSubnet::<T>::get(netuid, hotkey)),
			tao_emission: Compact(TaoDividendsPerSubnet::<T>::get(netuid, hotkey)),
			drain: Compact(0),
			is_registered: Uids::<T>::contains_key(netuid, hotkey),
		}
	}

	/// `get_stake_info_for_coldkey`: every non-zero stake position of `coldkey`.
	pub fn get_stake_info_for_coldkey(coldkey: &T::AccountId) -> Vec<StakeInfo<T::AccountId>> {
		let mut out = Vec::new();
		for hotkey in Self::staked_hotkeys(coldkey).iter() {
			let mut netuids = Self::staked_netuids(hotkey, coldkey);
			netuids.sort();
			for netuid in netuids {
				let info = Self::stake_info(hotkey, coldkey, netuid);
				if info.stake.0 > 0 {
					out.push(info);
				}
			}
		}
		out
	}

	/// `get_stake_info_for_hotkey_coldkey_netuid`: one position (`None` if the subnet does not
	/// exist).
	pub fn get_stake_info_for_hotkey_coldkey_netuid(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		netuid: NetUid,
	) -> Option<StakeInfo<T::AccountId>> {
		Self::subnet_exists(netuid).then(|| Self::stake_info(hotkey, coldkey, netuid))
	}

	/// `get_stake_info_for_coldkeys`: [`Self::get_stake_info_for_coldkey`] for each coldkey, in
	/// the order given.
	pub fn get_stake_info_for_coldkeys(
		coldkeys: Vec<T::AccountId>,
	) -> Vec<ColdkeyStakeInfo<T::AccountId>> {
		coldkeys
			.into_iter()
			.map(|coldkey| {
				let info = Self::get_stake_info_for_coldkey(&coldkey);
				(coldkey, info)
			})
			.collect()
	}

	/// The stake of `coldkey` on `netuid` over all the hotkeys it stakes to, alpha-RAO.
	pub fn coldkey_stake_on_subnet(coldkey: &T::AccountId, netuid: NetUid) -> u64 {
		Self::staked_hotkeys(coldkey)
			.iter()
			.fold(0u64, |acc, hotkey| acc.saturating_add(Self::stake_of(hotkey, coldkey, netuid)))
	}

	/// `get_stake_availability_for_coldkeys` (the reference's rules): for each coldkey, its
	/// stake and the part it may unstake on each subnet where it has stake or a lock. `netuids`
	/// `None` means every subnet; a request that is empty or lists more netuids than there are
	/// subnets gives every coldkey an empty map; unknown netuids are left out.
	pub fn get_stake_availability_for_coldkeys(
		coldkeys: Vec<T::AccountId>,
		netuids: Option<Vec<NetUid>>,
	) -> BTreeMap<T::AccountId, BTreeMap<NetUid, StakeAvailability>> {
		let existing = Self::subnet_netuids();
		let netuids = match netuids {
			None => existing,
			Some(mut requested) => {
				requested.sort();
				requested.dedup();
				if requested.is_empty() || requested.len() > existing.len() {
					return coldkeys.into_iter().map(|c| (c, BTreeMap::new())).collect();
				}
				requested.retain(|n| Self::subnet_exists(*n));
				requested
			},
		};
		coldkeys
			.into_iter()
			.map(|coldkey| {
				let per_subnet = netuids
					.iter()
					.filter_map(|&netuid| {
						let total = Self::coldkey_stake_on_subnet(&coldkey, netuid);
						let locked = Self::locked_alpha(&coldkey, netuid);
						(total > 0 || locked > 0).then(|| {
							(
								netuid,
								StakeAvailability {
									total: Compact(total),
									locked: Compact(locked),
									available: Compact(total.saturating_sub(locked)),
								},
							)
						})
					})
					.collect();
				(coldkey, per_subnet)
			})
			.collect()
	}

	/// `get_stake_fee`: the swap fee a stake operation of `amount` between `origin` and
	/// `destination` (each `(hotkey, netuid)`; `None` is the coldkey's free TAO) would pay now,
	/// with this chain's pool math (`quote_buy` / `quote_sell`):
	///
	/// - same position, or both ends on one subnet: no swap, 0;
	/// - staking (`origin` `None`): the fee of buying with `amount` TAO on the destination, in
	///   TAO;
	/// - unstaking (`destination` `None`): the fee of selling `amount` alpha on the origin, in
	///   alpha;
	/// - across subnets: the one fee leg `move_stake` pays — selling `amount` alpha on the
	///   origin, or, when the origin is root (no fee), buying with `amount` TAO on the
	///   destination.
	///
	/// 0 when the swap would be refused (empty pool, too little liquidity). The coldkeys do not
	/// change the fee; they are taken for the reference's signature.
	pub fn get_stake_fee(
		origin: Option<(T::AccountId, NetUid)>,
		_origin_coldkey: T::AccountId,
		destination: Option<(T::AccountId, NetUid)>,
		_destination_coldkey: T::AccountId,
		amount: u64,
	) -> u64 {
		let buy_fee = |netuid: NetUid| {
			if !Self::subnet_exists(netuid) {
				return 0;
			}
			Self::quote_buy(netuid, amount, false).map(|s| s.fee).unwrap_or(0)
		};
		let sell_fee = |netuid: NetUid| {
			if !Self::subnet_exists(netuid) {
				return 0;
			}
			Self::quote_sell(netuid, amount, false).map(|s| s.fee).unwrap_or(0)
		};
		match (origin, destination) {
			(None, None) => 0,
			(None, Some((_, to))) => buy_fee(to),
			(Some((_, from)), None) => sell_fee(from),
			(Some((_, from)), Some((_, to))) if from == to => 0,
			(Some((_, from)), Some((_, to))) if !Self::is_dynamic(from) => buy_fee(to),
			(Some((_, from)), Some(_)) => sell_fee(from),
		}
	}

	/// `get_coldkey_lock`: the lock of `coldkey` on `netuid` rolled to this block (`None`
	/// without one).
	pub fn get_coldkey_lock(coldkey: &T::AccountId, netuid: NetUid) -> Option<LockState> {
		Self::coldkey_lock(coldkey, netuid)
	}

	/// `get_hotkey_conviction`: the conviction locked to `hotkey` on `netuid` now (its
	/// aggregates, and the owner aggregates if it is the owner hotkey).
	pub fn get_hotkey_conviction(hotkey: &T::AccountId, netuid: NetUid) -> U64F64 {
		Self::hotkey_conviction(hotkey, netuid)
	}

	/// `get_most_convicted_hotkey_on_subnet`: the hotkey with the most conviction now (`None`
	/// without locks).
	pub fn get_most_convicted_hotkey_on_subnet(netuid: NetUid) -> Option<T::AccountId> {
		Self::most_convicted_hotkey(netuid)
	}
}
