//! Stake locks (conviction): how a locked amount decays and how conviction matures.
//!
//! A lock is a pair `(M, C)`: the locked alpha `M` (rao) and the conviction `C` (alpha-rao, a
//! [`U64F64`]). Between two updates `dt` blocks apart it evolves as the reference chain's
//! `staking/lock.rs` describes, with two timescales in blocks: `τu = UnlockRate` (the locked
//! mass decays as `e^(−t/τu)`) and `τm = MaturityRate` (conviction chases the mass,
//! `dC/dt = (M(t) − C)/τm`). Solving these exactly over `dt` gives, with `u = e^(−dt/τu)` and
//! `m = e^(−dt/τm)`:
//!
//! * decaying lock: `M' = ⌊u·M⌋`, `C' = m·C + γ·M` where
//!   `γ = τu·(u − m)/(τu − τm)` (`τu ≠ τm`) or `γ = (dt/τ)·m` (`τu = τm = τ`);
//! * perpetual lock (the coldkey's `set_perpetual_lock`): `M' = M`, `C' = m·C + (1 − m)·M`;
//! * a lock on the subnet owner's hotkey matures at once: `C' = M'`.
//!
//! The limits of the formulas give the degenerate rates: `τu = 0` unlocks everything at the first
//! block (`u = 0`), `τm = 0` matures at once (`C' = M'`). Both are outside the reference's use
//! (its rates are fixed at 934_866 blocks, a half-life of 90 days).
//!
//! Arithmetic is deterministic fixed point: [`decay`] evaluates `e^(−x)` in [`U64F64`]
//! (resolution 2⁻⁶⁴) from `e^(−⌊x⌋)` by squaring a constant and `e^(−frac x)` by its Taylor
//! series; every product is floored. The locked mass is floored to whole rao, so a lock never
//! grows by rounding, and `γ` is clamped to `[0, 1 − m]`, its exact range, so that conviction
//! never exceeds `max(C, M)`.
//!
//! Composition: rolling by `a` then by `b` equals rolling by `a + b` up to rounding: the mass
//! differs by at most `2 + M·2⁻⁴⁰` rao and the conviction by at most `2 + (M + C)·2⁻⁴⁰`
//! (tested in `tests/properties.rs`).

use substrate_fixed::types::U64F64;

/// A lock below this many rao, with conviction below as many, is dust: the pallet deletes it
/// (the reference's `LOCK_STATE_ZERO_THRESHOLD`).
pub const LOCK_DUST: u64 = 100;

/// `e^(−1)` in [`U64F64`] bits: `⌊e^(−1)·2⁶⁴⌋`.
const E_MINUS_ONE_BITS: u128 = 6_786_177_901_268_885_274;

/// From `x ≥ 45`, `e^(−x) < 2⁻⁶⁴`: the decay factor is 0 in [`U64F64`].
const EXP_ZERO_FROM: u64 = 45;

/// Terms of the Taylor series of `e^(−f)`, `f ∈ [0, 1)`: `1/27! < 2⁻⁹³`.
const TAYLOR_TERMS: u32 = 27;

/// A lock's two quantities: locked alpha and matured conviction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct LockAmounts {
	/// Locked alpha, in rao.
	pub mass: u64,
	/// Conviction, in alpha-rao.
	pub conviction: U64F64,
}

/// The lock timescales, in blocks (`UnlockRate`, `MaturityRate`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LockRates {
	/// `τu`: decay timescale of the locked mass.
	pub unlock: u64,
	/// `τm`: maturity timescale of conviction.
	pub maturity: u64,
}

/// How a lock evolves: decaying or perpetual, and whether it targets the owner's hotkey.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LockKind {
	/// The mass does not decay (`set_perpetual_lock(true)`).
	pub perpetual: bool,
	/// The lock targets the subnet owner's hotkey: conviction equals the mass.
	pub owner: bool,
}

/// `a/b` in [`U64F64`] bits, for `a < 45·b` (so that the quotient fits); 0 if `b = 0`.
fn frac_bits(a: u64, b: u64) -> U64F64 {
	U64F64::from_bits((u128::from(a) << 64).checked_div(u128::from(b)).unwrap_or(0))
}

fn one() -> U64F64 {
	U64F64::from_bits(1u128 << 64)
}

fn zero() -> U64F64 {
	U64F64::from_bits(0)
}

/// The decay factor `e^(−dt/τ)` in [`U64F64`]; `1` for `dt = 0`, `0` for `τ = 0 < dt`.
///
/// With `n = ⌊dt/τ⌋` and `f = (dt mod τ)/τ`: `e^(−n)` by squaring `e^(−1)` (0 from `n ≥ 45`)
/// times `e^(−f)` by its alternating Taylor series. Each product is floored, so the result is
/// below the exact value by at most about `2⁻⁵⁸`, and it never increases with `dt`.
pub fn decay(dt: u64, tau: u64) -> U64F64 {
	if dt == 0 {
		return one();
	}
	if tau == 0 {
		return zero();
	}
	let n = dt.checked_div(tau).unwrap_or(u64::MAX); // tau > 0
	if n >= EXP_ZERO_FROM {
		return zero();
	}
	let r = dt.checked_rem(tau).unwrap_or(0); // tau > 0
	let f = frac_bits(r, tau);
	exp_minus_int(n).saturating_mul(exp_minus_frac(f))
}

/// `e^(−n)` for `n < 45` by binary powering of `e^(−1)`, floored at each product.
fn exp_minus_int(n: u64) -> U64F64 {
	let mut result = one();
	let mut base = U64F64::from_bits(E_MINUS_ONE_BITS);
	let mut k = n;
	while k > 0 {
		if k & 1 == 1 {
			result = result.saturating_mul(base);
		}
		base = base.saturating_mul(base);
		k >>= 1;
	}
	result
}

/// `e^(−f)` for `f ∈ [0, 1)`: `Σ (−f)^k/k!`, the even and odd terms summed apart (every term
/// is at most 1, the even sum exceeds the odd one).
fn exp_minus_frac(f: U64F64) -> U64F64 {
	let mut even = one();
	let mut odd = zero();
	let mut term = one();
	for k in 1..=TAYLOR_TERMS {
		// term_k = term_{k−1}·f/k ≤ 1: no overflow; k ≥ 1.
		term = term.saturating_mul(f).checked_div_int(u128::from(k)).unwrap_or(term);
		if k & 1 == 0 {
			even = even.saturating_add(term);
		} else {
			odd = odd.saturating_add(term);
		}
	}
	even.saturating_sub(odd)
}

/// `γ`, the share of the mass `M` (at the start) that has become conviction after `dt` blocks,
/// clamped to its exact range `[0, 1 − m]` (see the module docs).
fn gamma(dt: u64, rates: LockRates, u: U64F64, m: U64F64, perpetual: bool) -> U64F64 {
	let cap = one().saturating_sub(m);
	if perpetual || rates.maturity == 0 {
		// Perpetual: the mass stays; τm = 0: conviction is the (decayed) mass at once.
		return if perpetual { cap } else { u.min(cap) };
	}
	if rates.unlock == 0 {
		// The mass was gone at the first block: none of it matured.
		return zero();
	}
	let g = if rates.unlock == rates.maturity {
		if dt.checked_div(rates.maturity).unwrap_or(u64::MAX) >= EXP_ZERO_FROM {
			return zero(); // m = 0
		}
		// dt/τ < 45 here; (dt << 64)/τ < 45·2⁶⁴ fits u128.
		let x = frac_bits(dt, rates.maturity);
		x.saturating_mul(m)
	} else {
		// γ = τu·|u − m| / |τu − τm| (u − m and τu − τm have the same sign).
		let diff = if u >= m { u.saturating_sub(m) } else { m.saturating_sub(u) };
		let tau_diff = rates.unlock.abs_diff(rates.maturity); // > 0 here
		let ratio = U64F64::saturating_from_num(rates.unlock)
			.checked_div(U64F64::saturating_from_num(tau_diff))
			.unwrap_or(U64F64::max_value());
		diff.saturating_mul(ratio)
	};
	g.min(cap)
}

/// Roll a lock forward by `dt` blocks (see the module docs for the formulas).
///
/// The mass is floored to whole rao; conviction is floored at 2⁻⁶⁴. `dt = 0` changes nothing
/// but the owner rule (`C = M` on the owner's hotkey). Total: never fails, never panics.
pub fn roll(lock: LockAmounts, dt: u64, rates: LockRates, kind: LockKind) -> LockAmounts {
	let mut out = if dt == 0 {
		lock
	} else {
		let u = decay(dt, rates.unlock);
		let m = decay(dt, rates.maturity);
		let mass_fixed = U64F64::saturating_from_num(lock.mass);
		let mass = if kind.perpetual {
			lock.mass
		} else {
			// u ≤ 1, so the product is at most the mass and fits u64.
			u.saturating_mul(mass_fixed).saturating_to_num::<u64>()
		};
		let conviction = m
			.saturating_mul(lock.conviction)
			.saturating_add(gamma(dt, rates, u, m, kind.perpetual).saturating_mul(mass_fixed));
		LockAmounts { mass, conviction }
	};
	if kind.owner {
		out.conviction = U64F64::saturating_from_num(out.mass);
	}
	out
}

/// Whether a lock is dust: mass and conviction both below [`LOCK_DUST`].
pub fn is_dust(lock: LockAmounts) -> bool {
	lock.mass < LOCK_DUST && lock.conviction < U64F64::saturating_from_num(LOCK_DUST)
}

/// Take `amount` rao of locked mass out of a lock, with the same share of its conviction:
/// returns `(left, taken)`, `left + taken = lock` exactly.
///
/// `taken.mass = min(amount, M)`; `left.conviction = ⌊C·(M − taken.mass)/M⌋` (0 if nothing is
/// left), so the conviction left is rounded down and the share taken up.
pub fn split_off(lock: LockAmounts, amount: u64) -> (LockAmounts, LockAmounts) {
	let taken_mass = amount.min(lock.mass);
	let left_mass = lock.mass.saturating_sub(taken_mass); // taken ≤ mass
	let left_conviction = if left_mass == 0 || lock.mass == 0 {
		zero()
	} else {
		// left/M ≤ 1: the product is at most C.
		let share = U64F64::saturating_from_num(left_mass)
			.checked_div(U64F64::saturating_from_num(lock.mass))
			.unwrap_or(zero());
		lock.conviction.saturating_mul(share).min(lock.conviction)
	};
	let left = LockAmounts { mass: left_mass, conviction: left_conviction };
	let taken = LockAmounts {
		mass: taken_mass,
		conviction: lock.conviction.saturating_sub(left_conviction),
	};
	(left, taken)
}

/// The sum of two locks (aggregates), saturating at the types' maxima (a sum of locks is at
/// most the subnet's alpha supply, far below them).
pub fn merge(a: LockAmounts, b: LockAmounts) -> LockAmounts {
	LockAmounts {
		mass: a.mass.saturating_add(b.mass),
		conviction: a.conviction.saturating_add(b.conviction),
	}
}

/// `a − b`, each quantity floored at 0 (an aggregate less one of its parts; rounding may make
/// the part slightly larger than its share of the aggregate).
pub fn remove(a: LockAmounts, b: LockAmounts) -> LockAmounts {
	LockAmounts {
		mass: a.mass.saturating_sub(b.mass),
		conviction: a.conviction.saturating_sub(b.conviction),
	}
}

/// Alpha a coldkey may still take out of a subnet: its stake there less the locked mass
/// (0 if the lock covers it all).
pub fn available_to_unstake(total_stake: u64, locked: u64) -> u64 {
	total_stake.saturating_sub(locked)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::float_arithmetic)]
mod tests {
	use super::*;

	const TAU: u64 = 934_866;
	const RATES: LockRates = LockRates { unlock: TAU, maturity: TAU };
	const DECAYING: LockKind = LockKind { perpetual: false, owner: false };
	const PERPETUAL: LockKind = LockKind { perpetual: true, owner: false };

	fn f(x: U64F64) -> f64 {
		x.to_num::<f64>()
	}

	#[test]
	fn decay_matches_exp() {
		for (dt, tau) in [(1u64, 1u64), (1, 2), (648_000, TAU), (TAU, TAU), (3, 7), (44, 1)] {
			let want = (-(dt as f64) / tau as f64).exp();
			assert!((f(decay(dt, tau)) - want).abs() < 1e-15, "{dt}/{tau}");
		}
		assert_eq!(decay(0, 0), one());
		assert_eq!(decay(5, 0), zero());
		assert_eq!(decay(45, 1), zero());
	}

	#[test]
	fn half_life_of_the_default_rate_is_90_days() {
		// 648_000 blocks = 90 days of 12 s: e^(−648000/934866) ≈ 0.5000.
		let d = f(decay(648_000, TAU));
		assert!((d - 0.5).abs() < 1e-4, "{d}");
	}

	#[test]
	fn decaying_lock_by_hand() {
		// M = 1000 alpha, C = 0, dt = τ: M' = ⌊e^-1·10^12⌋, C' = (dt/τ)·e^-1·M = e^-1·M.
		let lock = LockAmounts { mass: 1_000_000_000_000, conviction: zero() };
		let out = roll(lock, TAU, RATES, DECAYING);
		assert_eq!(out.mass, 367_879_441_171);
		assert!((f(out.conviction) - 367_879_441_171.44).abs() < 1.0);
	}

	#[test]
	fn perpetual_lock_by_hand() {
		// C' = (1 − e^-1)·M, the mass stays.
		let lock = LockAmounts { mass: 1_000_000_000_000, conviction: zero() };
		let out = roll(lock, TAU, RATES, PERPETUAL);
		assert_eq!(out.mass, 1_000_000_000_000);
		assert!((f(out.conviction) - 632_120_558_828.56).abs() < 1.0);
	}

	#[test]
	fn different_rates_by_hand() {
		// τu = 2τm: γ = 2(e^-1/2 − e^-1) at dt = τm.
		let rates = LockRates { unlock: 2 * 1000, maturity: 1000 };
		let lock = LockAmounts { mass: 1_000_000, conviction: zero() };
		let out = roll(lock, 1000, rates, DECAYING);
		let want = 2.0 * ((-0.5f64).exp() - (-1.0f64).exp()) * 1e6;
		assert!((f(out.conviction) - want).abs() < 1e-3);
		assert_eq!(out.mass, 606_530); // ⌊e^-1/2·10^6⌋
	}

	#[test]
	fn owner_lock_matures_at_once() {
		let lock = LockAmounts { mass: 500, conviction: zero() };
		let out = roll(lock, 0, RATES, LockKind { perpetual: false, owner: true });
		assert_eq!(out.conviction, U64F64::saturating_from_num(500));
	}

	#[test]
	fn split_off_is_exact_and_proportional() {
		let lock = LockAmounts { mass: 1000, conviction: U64F64::saturating_from_num(400) };
		let (left, taken) = split_off(lock, 250);
		assert_eq!(left.mass, 750);
		assert_eq!(left.conviction, U64F64::saturating_from_num(300));
		assert_eq!(merge(left, taken), lock);
		let (left, taken) = split_off(lock, 5000);
		assert_eq!(left, LockAmounts::default());
		assert_eq!(taken, lock);
	}

	#[test]
	fn dust_and_availability() {
		assert!(is_dust(LockAmounts { mass: 99, conviction: U64F64::saturating_from_num(99) }));
		assert!(!is_dust(LockAmounts { mass: 100, conviction: zero() }));
		assert_eq!(available_to_unstake(10, 4), 6);
		assert_eq!(available_to_unstake(4, 10), 0);
	}
}
