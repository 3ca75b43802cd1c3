//! The per-subnet TAO/alpha pools (economics.md §3.1–§3.3, profile B: exact constant product).
//!
//! This module owns `SubnetTAO`, `SubnetAlphaIn`, `SubnetAlphaOut`, `SubnetVolume`,
//! `SubnetMovingPrice`, `FeeRate`, `SubnetTaoFlow` and `TotalStake`. The swap arithmetic is
//! `subtensor_math::pool`; here is only the storage around it.
//!
//! The root subnet (mechanism 0) has no pool: a "swap" there is 1:1 without fee, its TAO is
//! `SubnetTAO[0]` and the matching stake `SubnetAlphaOut[0]`; `SubnetAlphaIn[0]` stays 0.

use crate::{
	Config, EMAPriceHalvingBlocks, Error, FeeRate, FirstEmissionBlockNumber, NetUid,
	NetworkRegistrationAllowed, NetworksAdded, Pallet, SubnetAlphaIn, SubnetAlphaOut,
	SubnetMechanism, SubnetMovingAlpha, SubnetMovingPrice, SubnetTAO, SubnetTaoFlow, SubnetVolume,
	SubtokenEnabled, TotalStake, DYNAMIC_MECHANISM, ROOT_NETUID,
};
use alloc::vec::Vec;
use substrate_fixed::types::{I96F32, U64F64};
use subtensor_math::pool::{self, Reserves, Swap};

/// 1.0 in rao per alpha: the price of root (and of any stable subnet).
pub const STABLE_PRICE_RAO: u64 = pool::RAO_PER_TAO;

impl<T: Config> Pallet<T> {
	/// The reserves of `netuid`'s pool.
	pub fn reserves(netuid: NetUid) -> Reserves {
		Reserves { tao: SubnetTAO::<T>::get(netuid), alpha: SubnetAlphaIn::<T>::get(netuid) }
	}

	/// Whether `netuid` trades through a constant-product pool (mechanism 1), rather than 1:1.
	pub fn is_dynamic(netuid: NetUid) -> bool {
		SubnetMechanism::<T>::get(netuid) == DYNAMIC_MECHANISM
	}

	/// Spot price of `netuid`'s alpha in rao per alpha (10⁹ = 1.0): `SubnetTAO / SubnetAlphaIn`
	/// on a dynamic subnet (0 if its alpha reserve is empty), 1.0 on root.
	pub fn current_alpha_price(netuid: NetUid) -> u64 {
		if Self::is_dynamic(netuid) {
			pool::price_rao(Self::reserves(netuid))
		} else {
			STABLE_PRICE_RAO
		}
	}

	/// Spot price as a fixed-point number of TAO per alpha (1.0 on root).
	pub fn spot_price(netuid: NetUid) -> U64F64 {
		if Self::is_dynamic(netuid) {
			pool::price(Self::reserves(netuid))
		} else {
			U64F64::from_bits(1u128 << 64)
		}
	}

	/// TAO value of `alpha` on `netuid` at the spot price (1:1 on root), floored.
	pub fn alpha_to_tao_at_spot(netuid: NetUid, alpha: u64) -> u64 {
		if Self::is_dynamic(netuid) {
			pool::tao_at_spot(Self::reserves(netuid), alpha)
		} else {
			alpha
		}
	}

	/// Alpha `tao` buys on `netuid` at the spot price (1:1 on root), floored.
	pub fn tao_to_alpha_at_spot(netuid: NetUid, tao: u64) -> u64 {
		if Self::is_dynamic(netuid) {
			pool::alpha_at_spot(Self::reserves(netuid), tao)
		} else {
			tao
		}
	}

	/// Quote buying alpha with `tao` TAO on `netuid` (the subnet's fee applies). Writes nothing.
	pub(crate) fn quote_tao_for_alpha(netuid: NetUid, tao: u64) -> Result<Swap, Error<T>> {
		Self::quote_buy(netuid, tao, false)
	}

	/// Quote buying alpha with `tao` TAO on `netuid`, without the fee if `drop_fee`. On root
	/// the swap is 1:1 and free. Writes nothing.
	pub fn quote_buy(netuid: NetUid, tao: u64, drop_fee: bool) -> Result<Swap, Error<T>> {
		let r = Self::reserves(netuid);
		if !Self::is_dynamic(netuid) {
			let tao_after = r.tao.checked_add(tao).ok_or(Error::<T>::Overflow)?;
			return Ok(Swap {
				amount_in: tao,
				fee: 0,
				amount_out: tao,
				reserves: Reserves { tao: tao_after, alpha: r.alpha },
			});
		}
		let fee = if drop_fee { 0 } else { FeeRate::<T>::get(netuid) };
		pool::swap_tao_for_alpha(r, tao, fee).map_err(Error::<T>::from)
	}

	/// Quote selling `alpha` alpha on `netuid` for TAO, without the fee if `drop_fee`. On root
	/// the swap is 1:1 and free. Writes nothing.
	pub fn quote_sell(netuid: NetUid, alpha: u64, drop_fee: bool) -> Result<Swap, Error<T>> {
		let r = Self::reserves(netuid);
		if !Self::is_dynamic(netuid) {
			// Root stake is backed 1:1 by SubnetTAO[0], so a holder's alpha never exceeds it.
			let tao_after = r.tao.checked_sub(alpha).ok_or(Error::<T>::InsufficientLiquidity)?;
			return Ok(Swap {
				amount_in: alpha,
				fee: 0,
				amount_out: alpha,
				reserves: Reserves { tao: tao_after, alpha: r.alpha },
			});
		}
		let fee = if drop_fee { 0 } else { FeeRate::<T>::get(netuid) };
		pool::swap_alpha_for_tao(r, alpha, fee).map_err(Error::<T>::from)
	}

	/// Largest TAO amount a buy on `netuid` may spend before the marginal price exceeds
	/// `limit_price` (rao per alpha). Root: unlimited if `limit_price ≥ 1.0`, else 0.
	pub fn max_buy_for_limit(netuid: NetUid, limit_price: u64) -> u64 {
		if Self::is_dynamic(netuid) {
			pool::max_tao_in_for_limit(
				Self::reserves(netuid),
				limit_price,
				FeeRate::<T>::get(netuid),
			)
		} else if limit_price >= STABLE_PRICE_RAO {
			u64::MAX
		} else {
			0
		}
	}

	/// Largest alpha amount a sell on `netuid` may spend before the marginal price falls below
	/// `limit_price` (rao per alpha). Root: unlimited if `limit_price ≤ 1.0`, else 0.
	pub fn max_sell_for_limit(netuid: NetUid, limit_price: u64) -> u64 {
		if Self::is_dynamic(netuid) {
			pool::max_alpha_in_for_limit(
				Self::reserves(netuid),
				limit_price,
				FeeRate::<T>::get(netuid),
			)
		} else if limit_price <= STABLE_PRICE_RAO {
			u64::MAX
		} else {
			0
		}
	}

	/// Largest alpha amount a move from `origin_netuid` to `destination_netuid` may sell before
	/// the marginal price of origin alpha in destination alpha (`p_origin / p_destination`, rao
	/// per alpha) falls below `limit_price`. The legs pay the fees a move pays: the origin
	/// pool's fee, or the destination pool's when the origin is root (see `transition_stake`).
	pub fn max_move_for_limit(
		origin_netuid: NetUid,
		destination_netuid: NetUid,
		limit_price: u64,
	) -> u64 {
		let origin_dynamic = Self::is_dynamic(origin_netuid);
		let leg = |netuid: NetUid, charged: bool| {
			if Self::is_dynamic(netuid) {
				let fee_rate = if charged { FeeRate::<T>::get(netuid) } else { 0 };
				pool::MoveLeg::Pool { reserves: Self::reserves(netuid), fee_rate }
			} else {
				pool::MoveLeg::Stable
			}
		};
		pool::max_alpha_move_for_limit(
			leg(origin_netuid, true),
			leg(destination_netuid, !origin_dynamic),
			limit_price,
		)
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

	/// Apply a quoted alpha → TAO swap: the reserves become `swap.reserves`, the alpha sold
	/// re-enters the pool (`SubnetAlphaOut -= in`) and the TAO paid out leaves the stake.
	pub(crate) fn apply_sell(netuid: NetUid, swap: &Swap) {
		SubnetTAO::<T>::insert(netuid, swap.reserves.tao);
		SubnetAlphaIn::<T>::insert(netuid, swap.reserves.alpha);
		// The alpha sold was outstanding (held as stake) and the TAO paid came out of this
		// pool's reserve, which is part of TotalStake: neither subtraction can underflow.
		SubnetAlphaOut::<T>::mutate(netuid, |a| *a = a.saturating_sub(swap.amount_in));
		TotalStake::<T>::mutate(|s| *s = s.saturating_sub(swap.amount_out));
		SubnetVolume::<T>::mutate(netuid, |v| *v = v.saturating_add(u128::from(swap.amount_out)));
	}

	/// Record `tao` RAO of user flow into `netuid`'s pool (Taoflow, economics.md §4.3).
	pub(crate) fn record_tao_inflow(netuid: NetUid, tao: u64) {
		// One block's flow is bounded by the TAO supply (< 2^55), far inside i64.
		let tao = i64::try_from(tao).unwrap_or(i64::MAX);
		SubnetTaoFlow::<T>::mutate(netuid, |f| *f = f.saturating_add(tao));
	}

	/// Record `tao` RAO of user flow out of `netuid`'s pool (Taoflow, economics.md §4.3).
	pub(crate) fn record_tao_outflow(netuid: NetUid, tao: u64) {
		let tao = i64::try_from(tao).unwrap_or(i64::MAX);
		SubnetTaoFlow::<T>::mutate(netuid, |f| *f = f.saturating_sub(tao));
	}

	/// The subnets that receive emission (economics.md §4.2): every netuid but root that has
	/// made its start call, has its subtoken enabled and allows registration.
	pub fn subnets_to_emit_to() -> Vec<NetUid> {
		NetworksAdded::<T>::iter()
			.filter(|(netuid, added)| *added && *netuid != ROOT_NETUID)
			.map(|(netuid, _)| netuid)
			.filter(|netuid| {
				FirstEmissionBlockNumber::<T>::contains_key(netuid)
					&& SubtokenEnabled::<T>::get(netuid)
					&& NetworkRegistrationAllowed::<T>::get(netuid)
			})
			.collect()
	}

	/// Block step 5 (economics.md §3.9): one step of the moving-price EMA of every emitting
	/// subnet, towards `min(spot, 1)`, ramped up by the blocks since its start call. Returns
	/// the number of subnets updated (for the weight). `emitting` is this block's
	/// [`Self::subnets_to_emit_to`].
	pub(crate) fn update_moving_prices(emitting: &[NetUid]) -> u32 {
		let block = Self::current_block();
		let alpha = SubnetMovingAlpha::<T>::get();
		// SubnetMovingAlpha is stored as I96F32 (32 fractional bits); U64F64 has 64, so the
		// shift is exact. A negative value (never accepted by its setter) counts as 0.
		let alpha = U64F64::from_bits(u128::try_from(alpha.to_bits()).unwrap_or(0) << 32);
		let mut updated: u32 = 0;
		for &netuid in emitting {
			// FirstEmissionBlockNumber = start-call block + 1, so this counts blocks since it.
			let first = FirstEmissionBlockNumber::<T>::get(netuid).unwrap_or(block);
			let since_start = block.saturating_sub(first.saturating_sub(1));
			let ema = SubnetMovingPrice::<T>::get(netuid);
			let ema = U64F64::from_bits(u128::try_from(ema.to_bits()).unwrap_or(0) << 32);
			let next = pool::moving_price_next(
				ema,
				Self::spot_price(netuid),
				since_start,
				EMAPriceHalvingBlocks::<T>::get(netuid),
				alpha,
			);
			// Back to 32 fractional bits (truncated); the EMA is at most 1, so it fits.
			let bits = i128::try_from(next.to_bits() >> 32).unwrap_or(i128::MAX);
			SubnetMovingPrice::<T>::insert(netuid, I96F32::from_bits(bits));
			updated = updated.saturating_add(1);
		}
		updated
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
		SubnetTaoFlow::<T>::remove(netuid);
		pot
	}
}
