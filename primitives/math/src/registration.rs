//! Registration prices: subnet lock cost (economics.md §1.2) and neuron burn adjustment (§2.3).

/// Effective lock reduction interval (economics.md §1.2): the configured interval scaled by the
/// current block emission relative to 1 TAO, `⌊interval · E_block / 10⁹⌋` (exact, u128).
/// So it halves with every emission halving.
pub fn lock_reduction_interval(interval: u64, block_emission: u64) -> u64 {
	let v = u128::from(interval).saturating_mul(u128::from(block_emission)) / 1_000_000_000;
	u64::try_from(v).unwrap_or(u64::MAX)
}

/// Subnet lock cost at `current_block` (economics.md §1.2).
///
/// `mult = 1` if no subnet was ever registered (`last_lock_block = 0`) else 2;
/// `decay = ⌊last_lock / interval⌋ · (current_block − last_lock_block)` (0 when `interval = 0`);
/// `lock = max(last_lock·mult − decay, min_lock)`. All saturating (a cost never wraps: it
/// saturates at `u64::MAX` or falls to `min_lock`).
pub fn network_lock_cost(
	last_lock: u64,
	last_lock_block: u64,
	current_block: u64,
	min_lock: u64,
	reduction_interval: u64,
) -> u64 {
	let mult: u64 = if last_lock_block == 0 { 1 } else { 2 };
	let per_block = last_lock.checked_div(reduction_interval).unwrap_or(0);
	let decay = per_block.saturating_mul(current_block.saturating_sub(last_lock_block));
	last_lock.saturating_mul(mult).saturating_sub(decay).max(min_lock)
}

/// Neuron burn after one adjustment interval (economics.md §2.3, burn-only registration).
///
/// With `r` registrations this interval, target `t` and `a = adjustment_alpha / u64::MAX`:
/// * `r > t`: `raw = ⌊burn·(r+t)/(2t)⌋`, `new = ⌊(a·burn + (1−a)·raw)⌋` (exact rational in u128);
/// * `0 < r ≤ t`: unchanged;
/// * `r = 0`: as the first case with `raw = ⌊burn·t/(2t)⌋ = ⌊burn/2⌋` (the burn is lowered).
///
/// `t = 0` makes any registration "above target" (`raw = u64::MAX`, so the burn rises to `max`)
/// and leaves the burn unchanged without registrations. The result is always clamped to
/// `[min_burn, max_burn]` (if `min_burn > max_burn`, `max_burn` wins).
pub fn adjust_burn(
	burn: u64,
	registrations: u16,
	target: u16,
	adjustment_alpha: u64,
	min_burn: u64,
	max_burn: u64,
) -> u64 {
	let clamp = |x: u64| x.max(min_burn).min(max_burn);
	let (r, t) = (u128::from(registrations), u128::from(target));
	let raw: u128 = if t == 0 {
		if r == 0 {
			return clamp(burn);
		}
		u128::from(u64::MAX)
	} else if r > 0 && r <= t {
		return clamp(burn);
	} else {
		// burn·(r+t) < 2^64·2^17; 2t > 0
		u128::from(burn)
			.saturating_mul(r.saturating_add(t))
			.checked_div(t.saturating_mul(2))
			.unwrap_or(0)
	};
	let raw = raw.min(u128::from(u64::MAX));
	let a = u128::from(adjustment_alpha);
	let max = u128::from(u64::MAX);
	// a·burn + (max−a)·raw ≤ max·max(burn, raw) < 2^128
	let num = a
		.saturating_mul(u128::from(burn))
		.saturating_add(max.saturating_sub(a).saturating_mul(raw));
	clamp(u64::try_from(num.checked_div(max).unwrap_or(0)).unwrap_or(u64::MAX))
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

	const TAO: u64 = 1_000_000_000;
	const ALPHA_097: u64 = 17_893_341_751_498_265_066;

	#[test]
	fn lock_cost_vectors() {
		// economics.md §1.2 / §6 vector 12
		let l = 1000 * TAO;
		let i = lock_reduction_interval(100_800, 1_000_000_000);
		assert_eq!(i, 100_800);
		assert_eq!(lock_reduction_interval(100_800, 500_000_000), 50_400);
		assert_eq!(l / i, 9_920_634);
		let b = 7_000;
		assert_eq!(network_lock_cost(l, b, b, l, i), 2_000_000_000_000);
		assert_eq!(network_lock_cost(l, b, b + 50_400, l, i), 1_500_000_046_400);
		assert_eq!(network_lock_cost(l, b, b + 100_800, l, i), 1_000_000_092_800);
		assert_eq!(network_lock_cost(l, b, b + 201_600, l, i), 1_000_000_000_000);
		// never registered: no doubling
		assert_eq!(network_lock_cost(l, 0, 0, l, i), l);
		// zero interval: no decay
		assert_eq!(network_lock_cost(l, b, b + 1_000_000, l, 0), 2 * l);
		assert_eq!(network_lock_cost(u64::MAX, 1, 1, 0, 1), u64::MAX);
	}

	#[test]
	fn burn_adjustment_vectors() {
		// economics.md §2.3 / §6 vector 17: burn 1 TAO, a = 0.97, t = 1
		let adj = |r| adjust_burn(TAO, r, 1, ALPHA_097, 500_000, 100 * TAO);
		assert_eq!(adj(3), 1_030_000_000);
		assert_eq!(adj(2), 1_015_000_000);
		assert_eq!(adj(1), TAO);
		// a is 17_893_341_751_498_265_066 / (2^64 − 1), a hair below 0.97: ⌊0.98499999…⌋
		assert_eq!(adj(0), 984_999_999);
		// bounds
		assert_eq!(adjust_burn(TAO, 0, 1, 0, TAO, 100 * TAO), TAO);
		assert_eq!(adjust_burn(100 * TAO, 3, 1, 0, 0, 100 * TAO), 100 * TAO);
		assert_eq!(adjust_burn(TAO, 5, 0, ALPHA_097, 0, 7 * TAO), 7 * TAO);
		assert_eq!(adjust_burn(TAO, 0, 0, ALPHA_097, 0, 7 * TAO), TAO);
		assert_eq!(adjust_burn(u64::MAX, u16::MAX, 1, u64::MAX, 0, u64::MAX), u64::MAX);
	}
}
