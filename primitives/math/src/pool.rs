//! Constant-product TAO/alpha pool of a subnet (economics.md §3.2, §3.3, §3.5, §3.9; profile B).
//!
//! Reserves are integer rao: `T = SubnetTAO`, `A = SubnetAlphaIn`, `k = T·A` (in u128). Swap
//! outputs are floored, so `k` never decreases and no output exceeds its reserve. The fee is a
//! u16 proportion (`FeeRate / 65535`, default 33) charged on the input, rounded **up**, and left
//! in the input reserve (profile B's recommendation), so fees only grow `k`.

use crate::MathError;
use substrate_fixed::types::U64F64;

/// `DefaultMinimumPoolLiquidity`: a swap may not leave the (fractional) output reserve below this
/// many rao.
pub const MIN_LIQ: u64 = 10_000_000;

/// Rao per TAO (and per alpha): limit prices are given in rao per alpha.
pub const RAO_PER_TAO: u64 = 1_000_000_000;

/// The two reserves of a pool, in rao.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reserves {
	/// TAO reserve (`SubnetTAO`).
	pub tao: u64,
	/// Alpha reserve (`SubnetAlphaIn`).
	pub alpha: u64,
}

/// The outcome of a swap: what moves, and the reserves afterwards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Swap {
	/// Gross input paid by the user (rao of the input token).
	pub amount_in: u64,
	/// Fee part of `amount_in` (`⌈amount_in · fee_rate / 65535⌉`), kept in the input reserve.
	pub fee: u64,
	/// Output paid to the user (rao of the output token), floored.
	pub amount_out: u64,
	/// Reserves after the swap (input reserve grew by `amount_in`, output reserve shrank by
	/// `amount_out`).
	pub reserves: Reserves,
}

/// Spot price in TAO per alpha: `T / A` (U64F64, truncated); 0 if `A = 0`.
pub fn price(r: Reserves) -> U64F64 {
	U64F64::saturating_from_num(r.tao)
		.checked_div(U64F64::saturating_from_num(r.alpha))
		.unwrap_or(U64F64::from_bits(0))
}

/// TAO value of `alpha` at the spot price, without slippage or fee: `⌊alpha · T / A⌋` (u128,
/// floored); 0 for an empty alpha reserve. Used for minimum-stake checks and slippage reports.
pub fn tao_at_spot(r: Reserves, alpha: u64) -> u64 {
	let num = u128::from(alpha).saturating_mul(u128::from(r.tao)); // < 2^128
	let out = num.checked_div(u128::from(r.alpha)).unwrap_or(0);
	u64::try_from(out).unwrap_or(u64::MAX)
}

/// Alpha bought by `tao` at the spot price, without slippage or fee: `⌊tao · A / T⌋` (u128,
/// floored); 0 for an empty TAO reserve.
pub fn alpha_at_spot(r: Reserves, tao: u64) -> u64 {
	let num = u128::from(tao).saturating_mul(u128::from(r.alpha)); // < 2^128
	let out = num.checked_div(u128::from(r.tao)).unwrap_or(0);
	u64::try_from(out).unwrap_or(u64::MAX)
}

/// Spot price in rao per alpha (the unit of `limit_price` and of `current_alpha_price`):
/// `⌊T · 10⁹ / A⌋`; 0 for an empty alpha reserve.
pub fn price_rao(r: Reserves) -> u64 {
	tao_at_spot(r, RAO_PER_TAO)
}

/// Fee on `amount`: `⌈amount · fee_rate / 65535⌉` (charged, so rounded up). Never exceeds
/// `amount`.
pub fn fee_for(amount: u64, fee_rate: u16) -> u64 {
	let num = u128::from(amount).saturating_mul(u128::from(fee_rate)); // < 2^80
	let fee = num.div_ceil(65_535);
	u64::try_from(fee).unwrap_or(u64::MAX).min(amount)
}

/// Output of a constant-product swap of net input `net` into a pool with input reserve `x` and
/// output reserve `y`: `⌊y · net / (x + net)⌋` (= `⌊y − k/(x+net)⌋`), after checking that the
/// fractional new output reserve `k/(x+net)` is at least [`MIN_LIQ`].
fn cp_out(x: u64, y: u64, net: u64) -> Result<u64, MathError> {
	if x == 0 || y == 0 {
		return Err(MathError::EmptyPool);
	}
	let x = u128::from(x);
	let y = u128::from(y);
	let net = u128::from(net);
	let den = x.checked_add(net).ok_or(MathError::Overflow)?; // < 2^65
														   // k / den ≥ MIN_LIQ  ⇔  x·y ≥ MIN_LIQ·den   (both sides < 2^128)
	let k = x.checked_mul(y).ok_or(MathError::Overflow)?;
	let floor_needed = u128::from(MIN_LIQ).checked_mul(den).ok_or(MathError::Overflow)?;
	if k < floor_needed {
		return Err(MathError::InsufficientLiquidity);
	}
	let num = y.checked_mul(net).ok_or(MathError::Overflow)?;
	let out = num.checked_div(den).ok_or(MathError::DivisionByZero)?;
	u64::try_from(out).map_err(|_| MathError::Overflow)
}

/// Buy alpha with `tao_in` TAO (stake).
///
/// `fee = ⌈tao_in · fee_rate/65535⌉`, `net = tao_in − fee`, `alpha_out = ⌊A·net/(T+net)⌋`; the
/// new reserves are `(T + tao_in, A − alpha_out)` (the fee stays in the TAO reserve). `tao_in = 0`
/// gives an empty swap.
///
/// # Errors
/// [`MathError::EmptyPool`] if a reserve is 0; [`MathError::InsufficientLiquidity`] if
/// `k/(T+net) < MIN_LIQ`; [`MathError::Overflow`] if `T + tao_in` exceeds u64.
pub fn swap_tao_for_alpha(r: Reserves, tao_in: u64, fee_rate: u16) -> Result<Swap, MathError> {
	let fee = fee_for(tao_in, fee_rate);
	let net = tao_in.saturating_sub(fee); // fee ≤ tao_in
	let out = cp_out(r.tao, r.alpha, net)?;
	let tao = r.tao.checked_add(tao_in).ok_or(MathError::Overflow)?;
	let alpha = r.alpha.checked_sub(out).ok_or(MathError::Overflow)?;
	Ok(Swap { amount_in: tao_in, fee, amount_out: out, reserves: Reserves { tao, alpha } })
}

/// Sell `alpha_in` alpha for TAO (unstake).
///
/// `fee = ⌈alpha_in · fee_rate/65535⌉`, `net = alpha_in − fee`, `tao_out = ⌊T·net/(A+net)⌋`; the
/// new reserves are `(T − tao_out, A + alpha_in)` (the fee stays in the alpha reserve).
///
/// # Errors
/// As [`swap_tao_for_alpha`], with the roles of the reserves exchanged.
pub fn swap_alpha_for_tao(r: Reserves, alpha_in: u64, fee_rate: u16) -> Result<Swap, MathError> {
	let fee = fee_for(alpha_in, fee_rate);
	let net = alpha_in.saturating_sub(fee); // fee ≤ alpha_in
	let out = cp_out(r.alpha, r.tao, net)?;
	let alpha = r.alpha.checked_add(alpha_in).ok_or(MathError::Overflow)?;
	let tao = r.tao.checked_sub(out).ok_or(MathError::Overflow)?;
	Ok(Swap { amount_in: alpha_in, fee, amount_out: out, reserves: Reserves { tao, alpha } })
}

/// Is `tao / alpha ≤ limit / 10⁹` (exact, in u128)?
fn price_at_most(r: Reserves, limit_rao_per_alpha: u64) -> bool {
	let lhs = u128::from(r.tao).saturating_mul(u128::from(RAO_PER_TAO)); // < 2^94
	let rhs = u128::from(limit_rao_per_alpha).saturating_mul(u128::from(r.alpha)); // < 2^128
	lhs <= rhs
}

/// Largest `g` in `[0, u64::MAX]` with `ok(g)`, for a predicate that holds on a prefix.
fn last_true<F: Fn(u64) -> bool>(ok: F) -> u64 {
	if !ok(0) {
		return 0;
	}
	let (mut lo, mut hi) = (0u64, u64::MAX); // invariant: ok(lo)
	if ok(hi) {
		return hi;
	}
	while hi.saturating_sub(lo) > 1 {
		let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
		if ok(mid) {
			lo = mid;
		} else {
			hi = mid;
		}
	}
	lo
}

/// Largest gross TAO amount a buy may spend before the **marginal** (spot) price reaches
/// `limit_price` (rao per alpha). Used for `add_stake_limit` and partial fills.
///
/// Semantics (profile B, marginal as in v3+): the result is the largest `g` such that
/// [`swap_tao_for_alpha`]`(r, g, fee_rate)` succeeds and the pool's spot price afterwards, from
/// the actual integer reserves (fee included), satisfies `T'/A' ≤ limit/10⁹`. The spot price
/// after a buy grows with `g`, so the set of such `g` is a prefix and this is found by binary
/// search (64 steps). Returns 0 when the current price is already above the limit, when
/// `limit_price = 0`, or when even the smallest buy would be rejected.
pub fn max_tao_in_for_limit(r: Reserves, limit_price: u64, fee_rate: u16) -> u64 {
	last_true(|g| match swap_tao_for_alpha(r, g, fee_rate) {
		Ok(s) => price_at_most(s.reserves, limit_price),
		Err(_) => false,
	})
}

/// Largest alpha amount a sell may spend before the **marginal** (spot) price falls to
/// `limit_price` (rao per alpha). Used for `remove_stake_limit` and partial fills.
///
/// The result is the largest `g` such that [`swap_alpha_for_tao`]`(r, g, fee_rate)` succeeds and
/// the spot price afterwards satisfies `T'/A' ≥ limit/10⁹` (exact integer comparison). The spot
/// price after a sell falls with `g`, so binary search applies. `limit_price = 0` imposes no
/// price bound: the result is then bounded only by [`MIN_LIQ`] and overflow. 0 when the current
/// price is already below the limit.
pub fn max_alpha_in_for_limit(r: Reserves, limit_price: u64, fee_rate: u16) -> u64 {
	last_true(|g| match swap_alpha_for_tao(r, g, fee_rate) {
		Ok(s) => {
			let lhs = u128::from(s.reserves.tao).saturating_mul(u128::from(RAO_PER_TAO));
			let rhs = u128::from(limit_price).saturating_mul(u128::from(s.reserves.alpha));
			lhs >= rhs
		},
		Err(_) => false,
	})
}

/// One end of a stake move between subnets, for [`max_alpha_move_for_limit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoveLeg {
	/// A stable subnet (root): alpha and TAO trade 1:1 without fee, the price is always 1.0.
	Stable,
	/// A constant-product pool and the fee this leg of the move pays (0 if the move's one fee
	/// is charged on the other leg).
	Pool {
		/// The pool's reserves before the move.
		reserves: Reserves,
		/// Fee of this leg, a u16 proportion (x / 65535).
		fee_rate: u16,
	},
}

/// `a · b · c` as a 192-bit number `(high, low)` = `high · 2^128 + low`, exactly.
fn mul3(a: u64, b: u64, c: u64) -> (u128, u128) {
	let ab = u128::from(a).saturating_mul(u128::from(b)); // < 2^128: exact
	let c = u128::from(c);
	// ab = ab_hi · 2^64 + ab_lo, both halves < 2^64, so each partial product is < 2^128.
	let ab_lo = ab & u128::from(u64::MAX);
	let ab_hi = ab.checked_shr(64).unwrap_or(0);
	let lo = ab_lo.saturating_mul(c);
	let hi = ab_hi.saturating_mul(c);
	// a·b·c = hi · 2^64 + lo: the low 64 bits of `hi` go to the upper half of `low`, its high
	// 64 bits (plus the carry) to `high` (< 2^64 + 1, no overflow).
	let (low, carry) = lo.overflowing_add(hi.checked_shl(64).unwrap_or(0));
	let high = hi.checked_shr(64).unwrap_or(0).saturating_add(u128::from(carry));
	(high, low)
}

/// The spot price after one leg of a move, as a fraction `(numerator, denominator)`: the
/// reserves `(T', A')` of a pool, `(1, 1)` for a stable subnet.
fn leg_price(leg: MoveLeg, after: Reserves) -> (u64, u64) {
	match leg {
		MoveLeg::Stable => (1, 1),
		MoveLeg::Pool { .. } => (after.tao, after.alpha),
	}
}

/// Largest origin alpha amount a move from `origin` to `destination` may spend before the
/// **marginal** price of the origin alpha in destination alpha, `p_origin / p_destination`,
/// falls below `limit_price / 10⁹` (`swap_stake_limit`, and partial fills of it).
///
/// The move sells `g` alpha on the origin leg (1:1 on a stable subnet, else
/// [`swap_alpha_for_tao`] with the leg's fee) and buys with all the TAO received on the
/// destination leg (1:1, or [`swap_tao_for_alpha`] with the leg's fee). The result is the largest
/// `g` for which both swaps succeed and the spot prices afterwards, from the actual integer
/// reserves, satisfy `T₁'/A₁' · A₂'/T₂' ≥ limit/10⁹` (compared exactly in 192 bits). Selling
/// lowers the origin price and buying raises the destination price, so the ratio falls with
/// `g` and binary search applies (64 steps). Two stable legs never move the ratio from 1.0:
/// the result is then `u64::MAX` if `limit_price ≤ 10⁹`, else 0. `limit_price = 0` imposes no
/// price bound (only the pools' minimum liquidity and overflow bound the amount).
pub fn max_alpha_move_for_limit(origin: MoveLeg, destination: MoveLeg, limit_price: u64) -> u64 {
	last_true(|g| {
		let (tao, origin_after) = match origin {
			MoveLeg::Stable => (g, Reserves::default()),
			MoveLeg::Pool { reserves, fee_rate } => match swap_alpha_for_tao(reserves, g, fee_rate)
			{
				Ok(s) => (s.amount_out, s.reserves),
				Err(_) => return false,
			},
		};
		let destination_after = match destination {
			MoveLeg::Stable => Reserves::default(),
			MoveLeg::Pool { reserves, fee_rate } => {
				match swap_tao_for_alpha(reserves, tao, fee_rate) {
					Ok(s) => s.reserves,
					Err(_) => return false,
				}
			},
		};
		let (n1, d1) = leg_price(origin, origin_after);
		let (n2, d2) = leg_price(destination, destination_after);
		// (n1/d1) / (n2/d2) ≥ limit/10⁹  ⇔  n1 · d2 · 10⁹ ≥ limit · d1 · n2.
		mul3(n1, d2, RAO_PER_TAO) >= mul3(limit_price, d1, n2)
	})
}

/// One step of the moving-price EMA (economics.md §3.9), run once per block after the coinbase.
///
/// `α_eff = moving_alpha · b / (b + h)` with `b` = blocks since the start call and `h` =
/// `EMAPriceHalvingBlocks`; `EMA' = α_eff · min(price, 1) + (1 − α_eff) · EMA`. U64F64, products
/// floored, the division truncated; `b + h = 0` gives `α_eff = 0`. The result stays in `[0, 1]`
/// when `EMA ∈ [0, 1]` and `moving_alpha ≤ 1` (values above 1 are treated as 1).
pub fn moving_price_next(
	ema: U64F64,
	price: U64F64,
	blocks_since_start: u64,
	halving_blocks: u64,
	moving_alpha: U64F64,
) -> U64F64 {
	let one = U64F64::from_bits(1u128 << 64);
	let zero = U64F64::from_bits(0);
	let ramp = U64F64::saturating_from_num(blocks_since_start)
		.checked_div(
			U64F64::saturating_from_num(blocks_since_start)
				.saturating_add(U64F64::saturating_from_num(halving_blocks)),
		)
		.unwrap_or(zero);
	let a = moving_alpha.min(one).saturating_mul(ramp);
	let p = price.min(one);
	a.saturating_mul(p).saturating_add(one.saturating_sub(a).saturating_mul(ema))
}

#[cfg(test)]
#[allow(
	clippy::unwrap_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects,
	clippy::float_arithmetic,
	clippy::excessive_precision
)]
mod tests {
	use super::*;

	const TAO: u64 = RAO_PER_TAO;

	#[test]
	fn spec_example_1000_tao_pool() {
		// economics.md §3.3: T = A = 1000 TAO; staking or unstaking 10 returns 9_900_990_099.
		let r = Reserves { tao: 1000 * TAO, alpha: 1000 * TAO };
		let buy = swap_tao_for_alpha(r, 10 * TAO, 0).unwrap();
		assert_eq!(buy.amount_out, 9_900_990_099);
		assert_eq!(buy.reserves, Reserves { tao: 1010 * TAO, alpha: 1000 * TAO - 9_900_990_099 });
		let sell = swap_alpha_for_tao(r, 10 * TAO, 0).unwrap();
		assert_eq!(sell.amount_out, 9_900_990_099);
	}

	#[test]
	fn fee_is_ceiled_and_stays_in_the_reserve() {
		let r = Reserves { tao: 1000 * TAO, alpha: 1000 * TAO };
		assert_eq!(fee_for(1, 33), 1);
		assert_eq!(fee_for(65_535, 33), 33);
		assert_eq!(fee_for(65_536, 33), 34);
		assert_eq!(fee_for(10, 65_535), 10);
		let s = swap_tao_for_alpha(r, 10 * TAO, 33).unwrap();
		let fee = (10 * TAO as u128 * 33).div_ceil(65_535) as u64;
		assert_eq!(s.fee, fee);
		let net = 10 * TAO - fee;
		assert_eq!(
			s.amount_out,
			(1000 * TAO as u128 * net as u128 / (1000 * TAO + net) as u128) as u64
		);
		assert_eq!(s.reserves.tao, 1010 * TAO);
	}

	#[test]
	fn min_liquidity_and_empty_pool() {
		let r = Reserves { tao: 20_000_000, alpha: 20_000_000 };
		// k/(T+t) ≥ 1e7 ⇔ t ≤ 2e7
		assert!(swap_tao_for_alpha(r, 20_000_000, 0).is_ok());
		assert_eq!(swap_tao_for_alpha(r, 20_000_001, 0), Err(MathError::InsufficientLiquidity));
		assert_eq!(
			swap_tao_for_alpha(Reserves { tao: 0, alpha: 5 }, 1, 0),
			Err(MathError::EmptyPool)
		);
		assert_eq!(
			swap_alpha_for_tao(Reserves { tao: 5, alpha: 0 }, 1, 0),
			Err(MathError::EmptyPool)
		);
		assert_eq!(
			swap_tao_for_alpha(Reserves { tao: u64::MAX, alpha: u64::MAX }, 1, 0),
			Err(MathError::Overflow)
		);
		let zero = swap_tao_for_alpha(r, 0, 33).unwrap();
		assert_eq!((zero.fee, zero.amount_out, zero.reserves), (0, 0, r));
	}

	#[test]
	fn spot_values() {
		let r = Reserves { tao: 3 * TAO, alpha: 2 * TAO };
		assert_eq!(tao_at_spot(r, 2), 3);
		assert_eq!(tao_at_spot(r, 3), 4); // 4.5 floored
		assert_eq!(alpha_at_spot(r, 3), 2);
		assert_eq!(price_rao(r), 1_500_000_000);
		assert_eq!(price_rao(Reserves { tao: 1, alpha: 0 }), 0);
		assert_eq!(alpha_at_spot(Reserves { tao: 0, alpha: 1 }, 5), 0);
		assert_eq!(tao_at_spot(Reserves { tao: u64::MAX, alpha: 1 }, u64::MAX), u64::MAX);
	}

	#[test]
	fn price_of_pool() {
		assert_eq!(price(Reserves { tao: 2, alpha: 1 }), U64F64::from_num(2));
		assert_eq!(price(Reserves { tao: 1, alpha: 4 }), U64F64::from_num(0.25));
		assert_eq!(price(Reserves { tao: 1, alpha: 0 }), U64F64::from_num(0));
	}

	#[test]
	fn marginal_limit_buy_matches_closed_form() {
		// No fee: max_tao ≈ sqrt(p_lim·T·A) − T. Price 1 → limit 4 (rao 4e9): sqrt(4)·T − T = T.
		let r = Reserves { tao: 1000 * TAO, alpha: 1000 * TAO };
		let g = max_tao_in_for_limit(r, 4 * TAO, 0);
		assert!((g as i128 - (1000 * TAO) as i128).abs() <= 2, "g = {g}");
		let after = swap_tao_for_alpha(r, g, 0).unwrap().reserves;
		assert!(price_at_most(after, 4 * TAO));
		let beyond = swap_tao_for_alpha(r, g + 1, 0).unwrap().reserves;
		assert!(!price_at_most(beyond, 4 * TAO));
		// Limit below the current price, or 0: nothing.
		assert_eq!(max_tao_in_for_limit(r, TAO / 2, 0), 0);
		assert_eq!(max_tao_in_for_limit(r, 0, 0), 0);
		// At the current price exactly: nothing moves the price, but 0 is allowed.
		assert_eq!(max_tao_in_for_limit(r, TAO, 0), 0);
	}

	#[test]
	fn marginal_limit_sell_matches_closed_form() {
		// max_alpha ≈ sqrt(T·A/p_lim) − A; p_lim = 0.25 → 2A − A = A.
		let r = Reserves { tao: 1000 * TAO, alpha: 1000 * TAO };
		let g = max_alpha_in_for_limit(r, TAO / 4, 0);
		assert!((g as i128 - (1000 * TAO) as i128).abs() <= 2, "g = {g}");
		assert_eq!(max_alpha_in_for_limit(r, 2 * TAO, 0), 0);
		// no price bound: limited by MIN_LIQ only
		let g0 = max_alpha_in_for_limit(r, 0, 0);
		assert!(swap_alpha_for_tao(r, g0, 0).is_ok());
		assert!(swap_alpha_for_tao(r, g0 + 1, 0).is_err());
	}

	#[test]
	fn moving_price_ema() {
		let a = U64F64::from_num(0.000003);
		let ema = U64F64::from_num(0.5);
		// b = 0 → unchanged
		assert_eq!(moving_price_next(ema, U64F64::from_num(3), 0, 201_600, a), ema);
		// price clamped to 1, ramp b/(b+h) = 1/2
		let next = moving_price_next(ema, U64F64::from_num(3), 201_600, 201_600, a);
		let expect = 0.0000015 * 1.0 + (1.0 - 0.0000015) * 0.5;
		assert!((next.to_num::<f64>() - expect).abs() < 1e-15);
		// converges towards min(p, 1) and stays in [0, 1]
		let mut e = U64F64::from_num(0);
		for _ in 0..1000 {
			e = moving_price_next(e, U64F64::from_num(5), 1_000_000, 0, U64F64::from_num(0.01));
		}
		assert!(e <= U64F64::from_num(1) && e > U64F64::from_num(0.99));
	}
}
