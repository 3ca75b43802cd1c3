//! Pro-rata splitting of an integer pot (economics.md §1.8).

use alloc::{vec, vec::Vec};
/// Split `pot` pro rata to `weights` with the largest-remainder method.
///
/// Each part is `⌊pot·w_i/W⌋` (`W = Σw`, exact in u128); the leftover rao (fewer than the number
/// of non-zero weights) go one each to the largest remainders `pot·w_i mod W`, ties to the lower
/// index. The parts sum to exactly `pot` when `W > 0`; all parts are 0 when `W = 0`.
pub fn largest_remainder(pot: u64, weights: &[u64]) -> Vec<u64> {
	let total: u128 = weights.iter().fold(0u128, |a, &w| a.saturating_add(u128::from(w))); // < 2^64·len
	if total == 0 {
		return vec![0; weights.len()];
	}
	let mut parts = Vec::with_capacity(weights.len());
	let mut rems: Vec<(u128, usize)> = Vec::with_capacity(weights.len());
	let mut given: u128 = 0;
	for (i, &w) in weights.iter().enumerate() {
		// pot·w < 2^128
		let prod = u128::from(pot).saturating_mul(u128::from(w));
		let q = prod.checked_div(total).unwrap_or(0); // total > 0
		given = given.saturating_add(q);
		parts.push(u64::try_from(q).unwrap_or(u64::MAX)); // q ≤ pot
		rems.push((prod.checked_rem(total).unwrap_or(0), i));
	}
	let leftover = u128::from(pot).saturating_sub(given);
	// largest remainder first, ties to the lower index
	rems.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
	let take = usize::try_from(leftover).unwrap_or(usize::MAX);
	for &(_, i) in rems.iter().take(take) {
		if let Some(p) = parts.get_mut(i) {
			*p = p.saturating_add(1);
		}
	}
	parts
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

	#[test]
	fn splits_exactly() {
		assert_eq!(largest_remainder(10, &[1, 1, 1]), vec![4, 3, 3]);
		assert_eq!(largest_remainder(100, &[1, 2, 3, 4]), vec![10, 20, 30, 40]);
		assert_eq!(largest_remainder(7, &[0, 0]), vec![0, 0]);
		assert_eq!(largest_remainder(7, &[]), Vec::<u64>::new());
		assert_eq!(largest_remainder(5, &[2, 0, 3]), vec![2, 0, 3]);
		// remainders 0.6 / 0.4 / 0.0 (pot 2, weights 3, 2, 0 of 5)
		assert_eq!(largest_remainder(2, &[3, 2, 0]).iter().sum::<u64>(), 2);
		assert_eq!(largest_remainder(1, &[1, 3]), vec![0, 1]);
		let big = largest_remainder(u64::MAX, &[u64::MAX, u64::MAX, 1]);
		assert_eq!(big.iter().map(|&x| x as u128).sum::<u128>(), u64::MAX as u128);
	}
}
