//! Fixed-point helpers with the exact rounding rules of yuma.md §1.
//!
//! Working type: [`I32F32`] (i64 bits, 32 fractional bits). Its arithmetic, as provided by
//! `substrate-fixed`, is exactly what the spec asks for:
//!
//! * `a.saturating_mul(b)`: widen, multiply, arithmetic shift right by 32, i.e. **floor toward −∞**,
//!   clamped to the type range;
//! * `a.checked_div(b)`: `(a ≪ 32) / b` in the double-width integer, **truncated toward zero**;
//!   `None` on `b = 0` or overflow. [`safe_div`] maps both to 0;
//! * fixed → integer (`saturating_to_num`): floor, clamped (negative → 0 for unsigned targets);
//! * fixed → fixed with fewer fractional bits (`saturating_from_num`): drop the low bits (floor).
//!
//! Storage encodings: a *u16 proportion* is `x / 65535`; see [`u16_proportion`] and [`to_u16`].

use alloc::{vec, vec::Vec};
pub use substrate_fixed::types::{I32F32, I64F64, I96F32, U64F64, U96F32};

/// 0 as I32F32.
pub const ZERO: I32F32 = I32F32::from_bits(0);
/// 1 as I32F32 (bits `1 << 32`).
pub const ONE: I32F32 = I32F32::from_bits(4_294_967_296);
/// 0.5 as I32F32 (bits `1 << 31`).
pub const HALF: I32F32 = I32F32::from_bits(2_147_483_648);
/// 65535 as I32F32 (bits `65535 << 32`), the scale of u16 proportions.
pub const U16_MAX: I32F32 = I32F32::from_bits(281_470_681_743_360);
/// 32768 as I32F32 (bits `32768 << 32`): the branch point of [`vec_max_upscale_to_u16`].
const U16_HALF_UP: I32F32 = I32F32::from_bits(140_737_488_355_328);
/// e as substrate-fixed stores it: with 23 fractional bits only (`I9F23` floor of e), widened.
/// `exp(1)` returns exactly this value (yuma.md §1, "exp(1) returns e stored with only 23
/// fractional bits").
pub const E_23: I32F32 = I32F32::from_bits(11_674_931_200);

/// `num / den` as I32F32, built from integers (for constants such as `ratio(126, 100)`).
///
/// Truncated toward zero; 0 if `den` is 0 or the quotient overflows (as [`safe_div`]).
pub fn ratio(num: i32, den: i32) -> I32F32 {
	safe_div(I32F32::saturating_from_num(num), I32F32::saturating_from_num(den))
}

/// `a / b` truncated toward zero, or **0** when `b = 0` or the quotient overflows.
///
/// This is the reference's `safe_div` (`checked_div(..).unwrap_or_default()`).
pub fn safe_div(a: I32F32, b: I32F32) -> I32F32 {
	let (ab, bb) = (a.to_bits(), b.to_bits());
	// Fast path, same bits: for a ≥ 0, b > 0 the quotient is ⌊(a·2³²)/b⌋. Removing the common
	// factor 2^z (z ≤ 32) from both bit patterns keeps the exact rational value, and when the
	// shifted numerator fits in 64 bits a single u64 division gives the truncated quotient; it
	// overflows (→ 0, as `checked_div`) exactly when it exceeds i64::MAX.
	if let (Ok(au), Ok(bu)) = (u64::try_from(ab), u64::try_from(bb)) {
		let z = (au | bu).trailing_zeros().min(32);
		let na = au.checked_shr(z).unwrap_or(0);
		let nb = bu.checked_shr(z).unwrap_or(0);
		if na < (1u64 << 32) && nb != 0 {
			// na < 2³²: the shift cannot overflow; nb ≠ 0: the division cannot fail
			let q = na.checked_shl(32).unwrap_or(0).checked_div(nb).unwrap_or(0);
			return i64::try_from(q).map(I32F32::from_bits).unwrap_or(ZERO);
		}
		if na == (1u64 << 32) && nb > 1 {
			// 2⁶⁴ / nb = (2⁶⁴ − 1) / nb, plus one when nb divides 2⁶⁴ (remainder nb − 1)
			let q = u64::MAX.checked_div(nb).unwrap_or(0);
			let r = u64::MAX.checked_rem(nb).unwrap_or(0);
			let q = if r.saturating_add(1) == nb { q.saturating_add(1) } else { q };
			return i64::try_from(q).map(I32F32::from_bits).unwrap_or(ZERO);
		}
	}
	a.checked_div(b).unwrap_or(ZERO)
}

/// A divisor prepared for many [`safe_div`]s by the same value (row and column normalisation):
/// [`Divisor::div`]`(a)` is exactly `safe_div(a, b)`, with a multiplication by a precomputed
/// reciprocal instead of a division instruction in the common cases.
///
/// For `a ≥ 0`, `b > 0` the quotient is `q = ⌊N / d⌋` with `N = a·2³²` and `d = b` (used when
/// `a < 1`), or, when `b = B` is a whole number, `N = a` and `d = B` (the same rational). With
/// `inv = ⌊(2¹²⁸ − 1) / d⌋` and `N < 2⁶⁴`, `q̂ = ⌊N · inv / 2¹²⁸⌋` satisfies `q − 1 ≤ q̂ ≤ q`, and
/// one comparison of the remainder `N − q̂·d` with `d` corrects it. Other cases use [`safe_div`].
#[derive(Clone, Copy, Debug)]
pub struct Divisor {
	/// Bits of `b`.
	b: i64,
	/// `hi·2⁶⁴ + lo = ⌊(2¹²⁸ − 1)/d⌋` for `d` = `b / 2³²` when `b` is a positive whole number,
	/// else `d` = bits of `b` when `b > 0`; both 0 when `b ≤ 0` (no reciprocal).
	hi: u64,
	lo: u64,
}

/// `(hi, lo)` with `hi·2⁶⁴ + lo = ⌊(2¹²⁸ − 1)/d⌋`, for `d ≠ 0`.
fn reciprocal(d: u64) -> Option<(u64, u64)> {
	let inv = u128::MAX.checked_div(u128::from(d))?;
	let hi = u64::try_from(inv.checked_shr(64).unwrap_or(0)).unwrap_or(u64::MAX);
	let lo = u64::try_from(inv & u128::from(u64::MAX)).unwrap_or(0);
	Some((hi, lo))
}

/// `⌊n / d⌋` from the reciprocal `(hi, lo)` of `d` (see [`Divisor`]).
#[inline]
fn div_by_reciprocal(n: u64, d: u64, hi: u64, lo: u64) -> u64 {
	// ⌊n·inv / 2¹²⁸⌋ = ⌊(n·hi + ⌊n·lo / 2⁶⁴⌋) / 2⁶⁴⌋; n·hi ≤ (2⁶⁴ − 1)² and adding
	// ⌊n·lo/2⁶⁴⌋ < 2⁶⁴ keeps the sum below 2¹²⁸: no wrap.
	let n128 = u128::from(n);
	let mid = n128.wrapping_mul(u128::from(lo)).checked_shr(64).unwrap_or(0);
	let q = n128.wrapping_mul(u128::from(hi)).wrapping_add(mid).checked_shr(64).unwrap_or(0);
	// q ≤ n/d < 2⁶⁴ (the conversion cannot fail) and q·d ≤ n (the product below cannot wrap)
	let q = u64::try_from(q).unwrap_or(u64::MAX);
	let r = n.wrapping_sub(q.wrapping_mul(d));
	if r >= d {
		q.wrapping_add(1)
	} else {
		q
	}
}

impl Divisor {
	/// Prepare `b`.
	pub fn new(b: I32F32) -> Self {
		let bits = b.to_bits();
		let (hi, lo) = u64::try_from(bits)
			.ok()
			.filter(|&x| x != 0)
			.map(|x| if x.trailing_zeros() >= 32 { x.checked_shr(32).unwrap_or(0) } else { x })
			.and_then(reciprocal)
			.unwrap_or((0, 0));
		Divisor { b: bits, hi, lo }
	}

	/// `safe_div(a, b)`, same bits.
	#[inline]
	pub fn div(&self, a: I32F32) -> I32F32 {
		if let (Ok(au), Ok(bu)) = (u64::try_from(a.to_bits()), u64::try_from(self.b)) {
			if bu != 0 {
				let q = if bu.trailing_zeros() >= 32 {
					// b = B·2³²: ⌊a·2³² / b⌋ = ⌊a / B⌋ < 2⁶³
					Some(div_by_reciprocal(au, bu.checked_shr(32).unwrap_or(1), self.hi, self.lo))
				} else if au < (1u64 << 32) {
					Some(div_by_reciprocal(au.checked_shl(32).unwrap_or(0), bu, self.hi, self.lo))
				} else {
					None
				};
				if let Some(q) = q {
					return i64::try_from(q).map(I32F32::from_bits).unwrap_or(ZERO);
				}
			}
		}
		safe_div(a, I32F32::from_bits(self.b))
	}
}

/// `a.saturating_mul(b)` with the same bits, computed directly: the exact i128 product shifted
/// right by 32 (floor toward −∞), clamped to the I32F32 range.
///
/// `substrate-fixed` multiplies `a · (b·2³²)` in i128 with an overflow check and keeps the high
/// half, which is the same value and overflows exactly when `a·b ∉ [−2⁹⁵, 2⁹⁵)`, i.e. when the
/// shifted product does not fit i64; it then saturates by the signs of the operands, which are
/// the sign of the product.
#[inline]
pub fn mul(a: I32F32, b: I32F32) -> I32F32 {
	// |a·b| ≤ 2¹²⁶: the i128 product is exact
	let p = i128::from(a.to_bits()).wrapping_mul(i128::from(b.to_bits()));
	let q = p.checked_shr(32).unwrap_or(0);
	match i64::try_from(q) {
		Ok(bits) => I32F32::from_bits(bits),
		Err(_) if q < 0 => I32F32::min_value(),
		Err(_) => I32F32::max_value(),
	}
}

/// [`safe_div`] for I64F64.
pub fn safe_div64(a: I64F64, b: I64F64) -> I64F64 {
	a.checked_div(b).unwrap_or(I64F64::from_bits(0))
}

/// A stored u16 proportion read back: `x / 65535` (I32F32 division, truncated).
pub fn u16_proportion(x: u16) -> I32F32 {
	safe_div(I32F32::saturating_from_num(x), U16_MAX)
}

/// A u16 value as a raw I32F32 integer (e.g. 65535.0): how the epoch reads weights and classic
/// bonds. Exact.
pub fn u16_to_fixed(x: u16) -> I32F32 {
	I32F32::saturating_from_num(x)
}

/// Store a proportion as u16: `⌊x · 65535⌋`, clamped to `[0, 65535]`.
///
/// Computed as `x.saturating_mul(65535)` then a saturating floor conversion.
pub fn to_u16(x: I32F32) -> u16 {
	mul(x, U16_MAX).saturating_to_num::<u16>()
}

/// `⌊x⌋` as u64, clamped to `[0, u64::MAX]` (negative → 0).
pub fn to_u64(x: I32F32) -> u64 {
	x.saturating_to_num::<u64>()
}

/// `exp(x)` by the Taylor series of `substrate-fixed`'s `transcendental::exp`.
///
/// `exp(0) = 1`; `exp(1) =` [`E_23`]; otherwise `1 + |x| + Σ_{i=2}^{31} |x|^i / i!` where each
/// term is the previous one multiplied by `|x|` (floor) then divided by `i` (truncated), and for
/// `x < 0` the result is `1 / exp(−x)` (truncated). `None` if any step overflows.
pub fn exp(x: I32F32) -> Option<I32F32> {
	if x == ZERO {
		return Some(ONE);
	}
	if x == ONE {
		return Some(E_23);
	}
	let neg = x < ZERO;
	let ax = if neg { x.checked_neg()? } else { x };
	// Same steps on the raw bits (ax > 0, so every term is ≥ 0): `checked_mul` is
	// ⌊term·ax / 2³²⌋ (None above i64::MAX) and `checked_div` by the integer i is ⌊term / i⌋
	// (the 2³² factors of numerator and divisor cancel exactly). The divisors are literal
	// constants (multiply-and-shift, no division instruction), and once a term is 0 every later
	// term is 0 and the sum no longer changes, so the loop may stop there.
	let axb = u64::try_from(ax.to_bits()).ok()?;
	if axb <= EXP_FAST_LIMIT {
		return Some(exp_small(axb, neg));
	}
	let mut result: i64 = ax.to_bits().checked_add(ONE.to_bits())?;
	let mut term: u64 = axb;
	macro_rules! taylor {
		($($i:literal)*) => {
			'series: {
				$(
					if term == 0 {
						break 'series;
					}
					let p = u128::from(term).checked_mul(u128::from(axb))?.checked_shr(32)?;
					let p = u64::try_from(i64::try_from(p).ok()?).ok()?;
					term = p.checked_div($i)?;
					result = result.checked_add(i64::try_from(term).ok()?)?;
				)*
			}
		};
	}
	taylor!(2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31);
	let result = I32F32::from_bits(result);
	if neg {
		// result ≥ 1 + ax > 0 and the quotient is ≤ 1: `checked_div` cannot fail here
		return Some(safe_div(ONE, result));
	}
	Some(result)
}

/// Bits of 20: up to this `|x|` no step of [`exp`] can overflow (see [`exp_small`]).
const EXP_FAST_LIMIT: u64 = 20 << 32;

/// [`exp`] for `0 < |x| ≤ 20` (`axb` = bits of `|x|`), the same steps without overflow checks.
///
/// Bounds: the i-th term is at most `20ⁱ/i! ≤ 20²⁰/20! < 4.4·10⁷` (< 2²⁶ as a number, < 2⁵⁸ as
/// bits), so `term · axb < 2⁵⁸ · 2³⁷ = 2⁹⁵` fits u128 and its shift by 32 fits i64; the sum is at
/// most `e²⁰ < 4.9·10⁸` (< 2⁶¹ as bits). Nothing here wraps.
fn exp_small(axb: u64, neg: bool) -> I32F32 {
	let mut result: u64 = axb.wrapping_add(1 << 32);
	let mut term: u64 = axb;
	macro_rules! taylor {
		($($i:literal)*) => {
			'series: {
				$(
					if term == 0 {
						break 'series;
					}
					// < 2⁹⁵ before the shift, < 2⁶³ after it (see above): the conversion cannot fail
					let p = u64::try_from(
						u128::from(term).wrapping_mul(u128::from(axb)).wrapping_shr(32),
					)
					.unwrap_or(u64::MAX);
					// literal non-zero divisor
					term = p.checked_div($i).unwrap_or(0);
					result = result.wrapping_add(term);
				)*
			}
		};
	}
	taylor!(2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31);
	let r = I32F32::from_bits(i64::try_from(result).unwrap_or(i64::MAX));
	if neg {
		// r ≥ 1 and the quotient is ≤ 1: `checked_div` would not fail here
		safe_div(ONE, r)
	} else {
		r
	}
}

/// `exp` with its argument clamped to `[−20, 20]`; on an internal overflow 0 for `x ≤ 0` and
/// `I32F32::max_value()` otherwise. Total.
pub fn exp_safe(x: I32F32) -> I32F32 {
	let lim = I32F32::from_bits(85_899_345_920); // 20 << 32
	let neg_lim = I32F32::from_bits(-85_899_345_920);
	let x = if x < neg_lim {
		neg_lim
	} else if x > lim {
		lim
	} else {
		x
	};
	exp(x).unwrap_or(if x <= ZERO { ZERO } else { I32F32::max_value() })
}

/// Max-upscale to u16 (yuma.md §8.1): the largest element becomes 65535, others scale with
/// rounding to nearest (ties away from zero).
///
/// `m = max(v)`; `m == 0` (or all ≤ 0) ⇒ `⌊e·65535⌋` clamped (all 0); `m > 32768` ⇒
/// `round(e · (65535/m))`; otherwise `round((e·65535)/m)`. Divisions truncate. Empty → empty.
pub fn vec_max_upscale_to_u16(v: &[I32F32]) -> Vec<u16> {
	let Some(&m) = v.iter().max() else {
		return Vec::new();
	};
	if m <= ZERO {
		return v.iter().map(|&e| to_u16(e)).collect();
	}
	if m > U16_HALF_UP {
		let factor = safe_div(U16_MAX, m);
		v.iter().map(|&e| e.saturating_mul(factor).saturating_round().saturating_to_num()).collect()
	} else {
		v.iter()
			.map(|&e| safe_div(e.saturating_mul(U16_MAX), m).saturating_round().saturating_to_num())
			.collect()
	}
}

/// Max-upscale a u16 vector (what `set_weights` stores): [`vec_max_upscale_to_u16`] on the values
/// read as integers.
pub fn u16_max_upscale(v: &[u16]) -> Vec<u16> {
	let fixed: Vec<I32F32> = v.iter().map(|&x| u16_to_fixed(x)).collect();
	vec_max_upscale_to_u16(&fixed)
}

/// Normalise in place so the elements sum to 1: each element is divided by the (saturating) sum
/// with [`safe_div`] (truncated). Unchanged if the sum is 0.
///
/// Result: `Σ ≤ 1` and `1 − Σ < len · 2⁻³²` when the input is non-negative with a positive sum.
pub fn normalize(v: &mut [I32F32]) {
	let sum = v.iter().fold(ZERO, |acc, &x| acc.saturating_add(x));
	if sum == ZERO {
		return;
	}
	for x in v.iter_mut() {
		*x = safe_div(*x, sum);
	}
}

/// [`normalize`] in I64F64.
pub fn normalize64(v: &mut [I64F64]) {
	let zero = I64F64::from_bits(0);
	let sum = v.iter().fold(zero, |acc, &x| acc.saturating_add(x));
	if sum == zero {
		return;
	}
	for x in v.iter_mut() {
		*x = safe_div64(*x, sum);
	}
}

/// Sum with saturating additions.
pub fn sum(v: &[I32F32]) -> I32F32 {
	v.iter().fold(ZERO, |acc, &x| acc.saturating_add(x))
}

/// Element-wise `a / b` with [`safe_div`] (x/0 → 0); the result has the length of `a`, a missing
/// `b` element counts as 0.
pub fn vecdiv(a: &[I32F32], b: &[I32F32]) -> Vec<I32F32> {
	a.iter().enumerate().map(|(i, &x)| safe_div(x, b.get(i).copied().unwrap_or(ZERO))).collect()
}

/// Top-k mask: `true` for the `k` largest elements. Ties at the cut drop the **lower index**
/// first (stable ascending sort, the first `len − k` are cleared). `k ≥ len` ⇒ all true.
pub fn is_topk(v: &[I32F32], k: usize) -> Vec<bool> {
	topk_impl(v, k, vec![true; v.len()])
}

/// [`is_topk`] restricted to non-zero elements: starts from `v_i ≠ 0` and clears the `len − k`
/// smallest (yuma.md §4.3, how validator permits are chosen).
pub fn is_topk_nonzero(v: &[I32F32], k: usize) -> Vec<bool> {
	topk_impl(v, k, v.iter().map(|&x| x != ZERO).collect())
}

fn topk_impl(v: &[I32F32], k: usize, mut result: Vec<bool>) -> Vec<bool> {
	let n = v.len();
	if n <= k {
		return result;
	}
	let mut order: Vec<(I32F32, usize)> = v.iter().copied().zip(0..).collect();
	order.sort_by_key(|a| a.0); // stable: equal values keep index order
	for &(_, i) in order.iter().take(n.saturating_sub(k)) {
		if let Some(r) = result.get_mut(i) {
			*r = false;
		}
	}
	result
}

/// Stake-weighted median (yuma.md §4.5, `WMED`), exactly as the reference's deterministic
/// mid-pivot loop.
///
/// `idx` selects the candidates (their relative order is kept); `minority` is the stake level to
/// cross; `lo`/`hi` bound the stake mass of the current candidates. Returns the pivot score at
/// which the cumulative stake crosses `minority`; 0 for no candidates or after `len(idx) + 1`
/// rounds. Missing `stake`/`score` entries count as 0.
pub fn weighted_median(
	stake: &[I32F32],
	score: &[I32F32],
	idx: &[usize],
	minority: I32F32,
	mut lo: I32F32,
	mut hi: I32F32,
) -> I32F32 {
	let st = |k: usize| stake.get(k).copied().unwrap_or(ZERO);
	let sc = |k: usize| score.get(k).copied().unwrap_or(ZERO);
	let mut cur: Vec<usize> = idx.to_vec();
	let rounds = idx.len().saturating_add(1);
	for _ in 0..rounds {
		let len = cur.len();
		if len == 0 {
			return ZERO;
		}
		if len == 1 {
			return cur.first().map(|&k| sc(k)).unwrap_or(ZERO);
		}
		let Some(&pivot_idx) = cur.get(len / 2) else {
			return ZERO;
		};
		let pivot = sc(pivot_idx);
		let mut lower = Vec::new();
		let mut upper = Vec::new();
		let mut lower_stake = ZERO;
		let mut upper_stake = ZERO;
		for &k in &cur {
			let s = sc(k);
			if s < pivot {
				lower.push(k);
				lower_stake = lower_stake.saturating_add(st(k));
			} else if s > pivot {
				upper.push(k);
				upper_stake = upper_stake.saturating_add(st(k));
			}
		}
		if minority < lo.saturating_add(lower_stake) && !lower.is_empty() {
			hi = lo.saturating_add(lower_stake);
			cur = lower;
		} else if hi.saturating_sub(upper_stake) <= minority && !upper.is_empty() {
			lo = hi.saturating_sub(upper_stake);
			cur = upper;
		} else {
			return pivot;
		}
	}
	ZERO
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

	fn f(x: f32) -> I32F32 {
		I32F32::from_num(x)
	}
	fn fv(v: &[f32]) -> Vec<I32F32> {
		v.iter().map(|&x| f(x)).collect()
	}

	#[test]
	fn constants_are_what_they_say() {
		assert_eq!(ONE, I32F32::from_num(1));
		assert_eq!(HALF, I32F32::from_num(0.5));
		assert_eq!(U16_MAX, I32F32::from_num(65535));
		assert_eq!(U16_HALF_UP, I32F32::from_num(32768));
		assert_eq!(E_23, I32F32::from(substrate_fixed::transcendental::E));
		assert_eq!(ratio(126, 100), I32F32::from_num(126) / I32F32::from_num(100));
		assert_eq!(ratio(1, 0), ZERO);
	}

	// M1
	#[test]
	fn m1_max_upscale_to_u16() {
		let cases: Vec<(Vec<I32F32>, Vec<u16>)> = vec![
			(vec![], vec![]),
			(fv(&[0.0]), vec![0]),
			(fv(&[0.0, 0.0]), vec![0, 0]),
			(fv(&[0.0, 1.0]), vec![0, 65535]),
			(fv(&[0.0, 1e-9]), vec![0, 65535]),
			(fv(&[0.0, 0.000016, 1.0]), vec![0, 1, 65535]),
			(fv(&[1e-9, 1e-9]), vec![65535, 65535]),
			(
				fv(&[0.000001, 0.000006, 0.000007, 0.0001, 0.001, 0.01, 0.1, 0.2, 0.3, 0.4]),
				vec![0, 1, 1, 16, 164, 1638, 16384, 32768, 49151, 65535],
			),
			(fv(&[16384.0]), vec![65535]),
			(fv(&[32768.0]), vec![65535]),
			(fv(&[32769.0]), vec![65535]),
			(fv(&[65535.0]), vec![65535]),
			(vec![I32F32::max_value()], vec![65535]),
			(fv(&[0.0, 1.0, 65535.0]), vec![0, 1, 65535]),
			(fv(&[0.0, 0.5, 1.0, 1.5, 2.0, 32768.0]), vec![0, 1, 2, 3, 4, 65535]),
			(fv(&[0.0, 0.5, 1.0, 1.5, 2.0, 32768.0, 32769.0]), vec![0, 1, 2, 3, 4, 65533, 65535]),
			(
				vec![f(0.0), f(1.0), f(32768.0), f(32769.0), I32F32::max_value()],
				vec![0, 0, 1, 1, 65535],
			),
		];
		for (input, expected) in cases {
			assert_eq!(vec_max_upscale_to_u16(&input), expected, "input {input:?}");
		}
	}

	// M2
	#[test]
	fn m2_u16_max_upscale() {
		let cases: Vec<(Vec<u16>, Vec<u16>)> = vec![
			(vec![], vec![]),
			(vec![0], vec![0]),
			(vec![0, 0], vec![0, 0]),
			(vec![1], vec![65535]),
			(vec![0, 1], vec![0, 65535]),
			(vec![65534], vec![65535]),
			(vec![65535], vec![65535]),
			(vec![65535, 65535], vec![65535, 65535]),
			(vec![0, 1, 65534], vec![0, 1, 65535]),
			(vec![0, 1, 2, 3, 4, 65533, 65535], vec![0, 1, 2, 3, 4, 65533, 65535]),
			(vec![32767, 0, 32767], vec![65535, 0, 65535]),
		];
		for (input, expected) in cases {
			assert_eq!(u16_max_upscale(&input), expected, "input {input:?}");
		}
	}

	// M4
	#[test]
	fn m4_u64_normalization_precision() {
		let total = I64F64::from_num(21_000_000_000_000_000u64);
		let one = safe_div64(I64F64::from_num(1), total);
		assert_eq!(one, I64F64::from_num(0.0000000000000000476));
		assert_eq!(I32F32::saturating_from_num(one), ZERO);
		let x = safe_div64(I64F64::from_num(4_889_444u64), total);
		assert_eq!(x, I64F64::from_num(0.00000000023283066664));
		assert_eq!(I32F32::saturating_from_num(x), I32F32::from_num(0.0000000002));
		let half = safe_div64(I64F64::from_num(10_500_000_000_000_000u64), total);
		assert_eq!(half, I64F64::from_num(0.5));
		assert_eq!(I32F32::saturating_from_num(half), HALF);
		assert_eq!(safe_div64(total, total), I64F64::from_num(1));
	}

	// M5
	#[test]
	fn m5_exp_safe_clamps() {
		assert_eq!(exp_safe(ZERO), ONE);
		assert_eq!(exp_safe(ONE), exp(ONE).unwrap());
		let e_m20 = exp(I32F32::from_num(-20)).unwrap();
		assert_eq!(exp_safe(I32F32::from_num(-20)), e_m20);
		assert_eq!(exp_safe(I32F32::from_num(-21)), e_m20);
		assert_eq!(exp_safe(I32F32::min_value()), e_m20);
		let e_20 = exp(I32F32::from_num(20)).unwrap();
		assert_eq!(exp_safe(I32F32::from_num(20)), e_20);
		assert_eq!(exp_safe(I32F32::from_num(21)), e_20);
		assert_eq!(exp_safe(I32F32::max_value()), e_20);
	}

	#[test]
	fn exp_matches_substrate_fixed_series_bit_for_bit() {
		// Our own series against the library's, on a grid over the clamped domain and a few
		// extreme arguments.
		let mut x = -20.0f64;
		while x <= 20.0 {
			let a = I32F32::from_num(x);
			let lib: Result<I32F32, ()> = substrate_fixed::transcendental::exp(a);
			assert_eq!(exp(a), lib.ok(), "x = {x}");
			x += 0.0137;
		}
		for bits in
			[1i64 << 32, 0, 1i64, -1, 7, 1 << 31, -(1 << 31), 3 << 32, i64::MAX, i64::MIN + 1]
		{
			let a = I32F32::from_bits(bits);
			let lib: Result<I32F32, ()> = substrate_fixed::transcendental::exp(a);
			assert_eq!(exp(a), lib.ok(), "bits = {bits}");
		}
	}

	// M6
	#[test]
	fn m6_topk() {
		let seq: Vec<I32F32> = (0..10).map(I32F32::from_num).collect();
		assert_eq!(is_topk(&[], 5), Vec::<bool>::new());
		assert_eq!(is_topk(&seq, 0), vec![false; 10]);
		assert_eq!(
			is_topk(&seq, 5),
			vec![false, false, false, false, false, true, true, true, true, true]
		);
		assert_eq!(is_topk(&seq, 10), vec![true; 10]);
		assert_eq!(is_topk(&seq, 100), vec![true; 10]);
		let rev: Vec<I32F32> = (0..10).rev().map(I32F32::from_num).collect();
		assert_eq!(
			is_topk(&rev, 5),
			vec![true, true, true, true, true, false, false, false, false, false]
		);
		let alt: Vec<I32F32> = [9, 0, 8, 1, 7, 2, 6, 3, 5, 4].map(I32F32::from_num).to_vec();
		let expect = vec![true, false, true, false, true, false, true, false, true, false];
		assert_eq!(is_topk(&alt, 5), expect);
		let alt_tenth: Vec<I32F32> = alt.iter().map(|x| *x * f(0.1)).collect();
		assert_eq!(is_topk(&alt_tenth, 5), expect);
		let ties: Vec<I32F32> = [0, 1, 2, 3, 4, 5, 5, 5, 5, 6].map(I32F32::from_num).to_vec();
		assert_eq!(
			is_topk(&ties, 5),
			vec![false, false, false, false, false, true, true, true, true, true]
		);
		// Non-zero variant: zeros never get a permit, even below k.
		assert_eq!(is_topk_nonzero(&fv(&[0.0, 1.0, 2.0]), 5), vec![false, true, true]);
		// Ties at the cut drop the lower index first.
		assert_eq!(is_topk_nonzero(&fv(&[1.0, 1.0, 1.0]), 2), vec![false, true, true]);
	}

	// M7
	#[test]
	fn m7_normalize() {
		let mut v = fv(&[1.0, 10.0, 30.0]);
		normalize(&mut v);
		let expect = [0.0243902437, 0.243902439, 0.7317073171];
		for (a, e) in v.iter().zip(expect) {
			assert!((a.to_num::<f64>() - e).abs() <= 1e-4);
		}
		assert!((sum(&v).to_num::<f64>() - 1.0).abs() <= 1e-4);
		let mut v = fv(&[-1.0, 10.0, 30.0]);
		normalize(&mut v);
		let expect = [-0.0256410255, 0.2564102563, 0.769230769];
		for (a, e) in v.iter().zip(expect) {
			assert!((a.to_num::<f64>() - e).abs() <= 1e-4);
		}
		let mut w: Vec<I64F64> = [1.0, 10.0, 30.0].iter().map(|&x| I64F64::from_num(x)).collect();
		normalize64(&mut w);
		for (a, e) in w.iter().zip([0.0243902437, 0.243902439, 0.7317073171]) {
			assert!((a.to_num::<f64>() - e).abs() <= 1e-4);
		}
		let mut zeros = fv(&[0.0, 0.0]);
		normalize(&mut zeros);
		assert_eq!(zeros, fv(&[0.0, 0.0]));
		assert_eq!(
			vecdiv(&fv(&[0.0, 1.0, 0.0, 1.0]), &fv(&[0.0, 1.0, 1.0, 0.0])),
			fv(&[0.0, 1.0, 0.0, 0.0])
		);
	}

	// M13
	#[test]
	fn m13_weighted_median() {
		let majority = f(0.51);
		let check = |stake: Vec<I32F32>, score: Vec<I32F32>, expect: I32F32| {
			let idx: Vec<usize> = (0..stake.len()).collect();
			let total = sum(&stake);
			let minority = total - majority;
			assert_eq!(
				weighted_median(&stake, &score, &idx, minority, ZERO, total),
				expect,
				"stake {stake:?} score {score:?}"
			);
		};
		check(vec![], vec![], ZERO);
		let mut one = fv(&[0.51]);
		normalize(&mut one);
		check(one, fv(&[1.0]), f(1.0));
		check(fv(&[0.49, 0.51]), fv(&[0.5, 1.0]), f(1.0));
		check(fv(&[0.51, 0.49]), fv(&[0.5, 1.0]), f(0.5));
		check(fv(&[0.49, 0.0, 0.51]), fv(&[0.5, 0.7, 1.0]), f(1.0));
		check(fv(&[0.49, 0.01, 0.5]), fv(&[0.5, 0.7, 1.0]), f(0.7));
		check(fv(&[0.49, 0.51, 0.0]), fv(&[0.5, 0.7, 1.0]), f(0.7));
		check(fv(&[0.0, 0.49, 0.51]), fv(&[0.5, 0.7, 1.0]), f(1.0));
		check(fv(&[0.0, 0.49, 0.0, 0.51]), fv(&[0.5, 0.5, 1.0, 1.0]), f(1.0));
		check(fv(&[0.0, 0.49, 0.0, 0.51, 0.0]), fv(&[0.5, 0.5, 1.0, 1.0, 0.5]), f(1.0));
		check(fv(&[0.2; 5]), fv(&[0.8, 0.2, 1.0, 0.6, 0.4]), f(0.6));
		check(fv(&[0.1; 10]), fv(&[0.8, 0.8, 0.2, 0.2, 1.0, 1.0, 0.6, 0.6, 0.4, 0.4]), f(0.6));
	}

	#[test]
	fn m13_weighted_median_random_property() {
		// For n = 100 and several majorities the median is a score at the cumulative-stake
		// crossing of `minority` (deterministic pseudo-random inputs, any permutation).
		let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
		let mut next = || {
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			seed
		};
		for majority in [0.0, 1e-7, 0.25, 0.49, 0.5, 0.51, 0.9999999, 1.0f64] {
			for _ in 0..20 {
				let n = 100;
				let mut stake: Vec<I32F32> =
					(0..n).map(|_| I32F32::from_num((next() % 1000) as f64)).collect();
				normalize(&mut stake);
				let score: Vec<I32F32> =
					(0..n).map(|_| I32F32::from_num((next() % 50) as f64 / 50.0)).collect();
				let total = sum(&stake);
				let minority = total.saturating_sub(I32F32::from_num(majority));
				let idx: Vec<usize> = (0..n).collect();
				let med = weighted_median(&stake, &score, &idx, minority, ZERO, total);
				// Closed form: the smallest score x with stake(score ≤ x) > minority, else the
				// largest score.
				let mut levels: Vec<I32F32> = score.clone();
				levels.sort();
				levels.dedup();
				let expect = levels
					.iter()
					.copied()
					.find(|&x| {
						let cum = (0..n).filter(|&q| score[q] <= x).fold(ZERO, |a, q| a + stake[q]);
						cum > minority
					})
					.unwrap_or(*levels.last().unwrap());
				assert_eq!(med, expect, "majority {majority}");
			}
		}
	}

	// M19
	#[test]
	fn m19_conversions() {
		assert_eq!(to_u16(ZERO), 0);
		assert_eq!(to_u16(u16_proportion(32767)), 32766); // ⌊(32767/65535 truncated)·65535⌋
		assert_eq!(I32F32::from_num(32767).saturating_to_num::<u16>(), 32767);
		assert_eq!(I32F32::from_num(65535).saturating_to_num::<u16>(), 65535);
		assert_eq!(to_u16(I32F32::from_num(65535)), 65535); // saturates
		assert_eq!(to_u64(I32F32::from_num(-1)), 0);
		assert_eq!(I64F64::from_num(i64::MAX).saturating_to_num::<u64>(), i64::MAX as u64);
		assert_eq!(I32F32::saturating_from_num(I64F64::from_num(u32::MAX)), I32F32::max_value());
		assert!(I32F32::checked_from_num(u32::MAX).is_none());
		assert_eq!(to_u16(ONE), 65535);
		assert_eq!(u16_proportion(65535), ONE);
		assert_eq!(u16_proportion(0), ZERO);
	}

	/// The straightforward `exp` (the Taylor loop on I32F32 `checked_*` operations) that the
	/// optimised [`exp`] must reproduce bit for bit.
	fn exp_reference(x: I32F32) -> Option<I32F32> {
		if x == ZERO {
			return Some(ONE);
		}
		if x == ONE {
			return Some(E_23);
		}
		let neg = x < ZERO;
		let ax = if neg { x.checked_neg()? } else { x };
		let mut result = ax.checked_add(ONE)?;
		let mut term = ax;
		for i in 2i32..32 {
			term = term.checked_mul(ax)?;
			term = term.checked_div(I32F32::from_num(i))?;
			result = result.checked_add(term)?;
		}
		if neg {
			result = ONE.checked_div(result)?;
		}
		Some(result)
	}

	fn bits() -> impl proptest::strategy::Strategy<Value = i64> {
		use proptest::prelude::*;
		prop_oneof![
			any::<i64>(),
			-(1i64 << 40)..(1i64 << 40),
			0i64..(1i64 << 33),
			(0i64..70_000).prop_map(|x| x << 32),
			(-3i64..3).prop_map(|x| (1i64 << 32) + x),
			Just(0i64),
			Just(1i64 << 32),
			Just(i64::MAX),
			Just(i64::MIN),
		]
	}

	proptest::proptest! {
		#![proptest_config(proptest::prelude::ProptestConfig { cases: 5_000, ..Default::default() })]

		#[test]
		fn safe_div_is_checked_div(a in bits(), b in bits()) {
			let (a, b) = (I32F32::from_bits(a), I32F32::from_bits(b));
			proptest::prop_assert_eq!(safe_div(a, b), a.checked_div(b).unwrap_or(ZERO));
		}

		#[test]
		fn exp_matches_the_plain_taylor_loop(x in bits(), small in -(25i64 << 32)..(25i64 << 32)) {
			for x in [x, small, x >> 20] {
				let x = I32F32::from_bits(x);
				proptest::prop_assert_eq!(exp(x), exp_reference(x), "x = {}", x);
			}
		}
	}

	#[test]
	fn exp_matches_the_plain_taylor_loop_on_a_grid() {
		// every 2⁻¹¹ step over [−21, 21], plus neighbours of integers
		let mut x = -(21i64 << 32);
		while x <= 21i64 << 32 {
			for d in [-1, 0, 1] {
				let v = I32F32::from_bits(x + d);
				assert_eq!(exp(v), exp_reference(v), "x = {v}");
				assert_eq!(
					safe_div(ONE, ONE.saturating_add(exp_safe(v))),
					ONE.checked_div(ONE.saturating_add(exp_safe(v))).unwrap_or(ZERO)
				);
			}
			x += 1 << 21;
		}
	}

	proptest::proptest! {
		#[test]
		fn mul_is_saturating_mul(a in bits(), b in bits()) {
			let (a, b) = (I32F32::from_bits(a), I32F32::from_bits(b));
			proptest::prop_assert_eq!(mul(a, b), a.saturating_mul(b));
		}
	}

	#[test]
	fn mul_saturates_like_saturating_mul() {
		let big = [i64::MAX, i64::MIN, i64::MIN + 1, 1 << 47, -(1 << 47), (1 << 47) - 1, 1 << 48];
		for &a in &big {
			for &b in &big {
				let (a, b) = (I32F32::from_bits(a), I32F32::from_bits(b));
				assert_eq!(mul(a, b), a.saturating_mul(b), "{a} · {b}");
			}
		}
	}

	proptest::proptest! {
		#![proptest_config(proptest::prelude::ProptestConfig { cases: 20_000, ..Default::default() })]
		#[test]
		fn divisor_is_safe_div(a in bits(), b in bits(), small in 0u64..5) {
			for b in [b, small as i64, (small as i64) << 32, b >> 20] {
				let (a, b) = (I32F32::from_bits(a), I32F32::from_bits(b));
				proptest::prop_assert_eq!(Divisor::new(b).div(a), safe_div(a, b), "{} / {}", a, b);
			}
		}
	}

	#[test]
	fn divisor_edges() {
		let vals = [
			0i64,
			1,
			2,
			3,
			(1 << 32) - 1,
			1 << 32,
			(1 << 32) + 1,
			65535 << 32,
			1 << 62,
			i64::MAX,
			-1,
			i64::MIN,
		];
		for &a in &vals {
			for &b in &vals {
				let (a, b) = (I32F32::from_bits(a), I32F32::from_bits(b));
				assert_eq!(Divisor::new(b).div(a), safe_div(a, b), "{a} / {b}");
			}
		}
	}
}
