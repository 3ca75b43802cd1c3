//! The per-subnet TAO/alpha pools (economics.md §3.1–§3.3, profile B: exact constant product).
//!
//! This module owns `SubnetTAO`, `SubnetAlphaIn`, `SubnetAlphaOut`, `SubnetVolume`,
//! `SubnetMovingPrice`, `FeeRate` and `TotalStake`. The swap arithmetic is
//! `subtensor_math::pool`; here is only the storage around it.

use crate::{
	Config, Error, FeeRate, NetUid, Pallet, SubnetAlphaIn, SubnetAlphaOut, SubnetMovingPrice,
	SubnetTAO, SubnetVolume, TotalStake,
};
use subtensor_math::pool::{self, Reserves, Swap};

impl<T: Config> Pallet<T> {
	/// The reserves of `netuid`'s pool.
	pub fn reserves(netuid: NetUid) -> Reserves {
		Reserves { tao: SubnetTAO::<T>::get(netuid), alpha: SubnetAlphaIn::<T>::get(netuid) }
	}

	/// Quote buying alpha with `tao` TAO on `netuid` (the subnet's fee applies). Writes nothing.
	pub(crate) fn quote_tao_for_alpha(netuid: NetUid, tao: u64) -> Result<Swap, Error<T>> {
		pool::swap_tao_for_alpha(Self::reserves(netuid), tao, FeeRate::<T>::get(netuid))
			.map_err(Error::<T>::from)
	}

	/// Seed a new pool with `tao` TAO and as much alpha, so that the price is exactly 1.0
	/// (economics.md §1.3 step 14). The TAO counts as stake.
	pub(crate) fn seed_pool(netuid: NetUid, tao: u64) {
		SubnetTAO::<T>::insert(netuid, tao);
		SubnetAlphaIn::<T>::insert(netuid, tao);
		SubnetAlphaOut::<T>::insert(netuid, 0);
		SubnetVolume::<T>::insert(netuid, 0);
		// The seed came out of pallet-balances (or out of a dissolved pool), which are bounded by
		// the u64 issuance together with TotalStake, so the sum fits.
		TotalStake::<T>::mutate(|s| *s = s.saturating_add(tao));
	}

	/// Apply a quoted TAO → alpha swap: the reserves become `swap.reserves`, the alpha bought
	/// leaves the pool (`SubnetAlphaOut += out`) and the TAO paid counts as stake.
	pub(crate) fn apply_buy(netuid: NetUid, swap: &Swap) {
		SubnetTAO::<T>::insert(netuid, swap.reserves.tao);
		SubnetAlphaIn::<T>::insert(netuid, swap.reserves.alpha);
		// Alpha issuance and TAO stake are bounded by u64 supplies; saturation cannot trigger.
		SubnetAlphaOut::<T>::mutate(netuid, |a| *a = a.saturating_add(swap.amount_out));
		TotalStake::<T>::mutate(|s| *s = s.saturating_add(swap.amount_in));
		SubnetVolume::<T>::mutate(netuid, |v| *v = v.saturating_add(u128::from(swap.amount_in)));
	}

	/// Recycle `alpha` alpha of `netuid`: it leaves the alpha issuance (`SubnetAlphaOut -= x`) so
	/// that it can be emitted again (economics.md §0.3).
	pub(crate) fn recycle_subnet_alpha(netuid: NetUid, alpha: u64) {
		// Callers recycle alpha that was just added to SubnetAlphaOut; saturating is the floor.
		SubnetAlphaOut::<T>::mutate(netuid, |a| *a = a.saturating_sub(alpha));
	}

	/// Remove `netuid`'s pool and return its TAO (the pot), which leaves `TotalStake`.
	pub(crate) fn clear_pool(netuid: NetUid) -> u64 {
		let pot = SubnetTAO::<T>::take(netuid);
		// TotalStake = Σ SubnetTAO, so it is at least this pool's TAO.
		TotalStake::<T>::mutate(|s| *s = s.saturating_sub(pot));
		SubnetAlphaIn::<T>::remove(netuid);
		SubnetAlphaOut::<T>::remove(netuid);
		SubnetVolume::<T>::remove(netuid);
		SubnetMovingPrice::<T>::remove(netuid);
		FeeRate::<T>::remove(netuid);
		pot
	}
}
