//! Childkeys (economics.md §4.7 step 3, yuma.md §2 `alpha_i`/`tao_i`): a parent hotkey lends
//! proportions of its stake weight on a subnet to child hotkeys, and takes back the matching
//! part of their dividends, less the child's `ChildkeyTake`.
//!
//! A *proportion* is a u64 fraction `p / u64::MAX` (economics.md §0). A parent's proportions sum
//! to at most `u64::MAX`. Inheritance is one level: a child receives a part of its parents'
//! **own** stake, never of what they inherited themselves, so the stake every hotkey ends up with
//! sums exactly to the stake the hotkeys hold ([`inherited_stake`]), and cycles longer than two
//! (which the pallet does not forbid, as the reference does not) cannot compound.
//!
//! Rounding: every part is floored, exactly, in integers (`u128`), where the reference uses
//! `U96F32`; the lender subtracts the very part the borrower adds, so nothing is created or lost.

use alloc::vec::Vec;

/// `⌊amount · proportion / u64::MAX⌋`, exact (`amount · proportion < 2^128`); at most `amount`.
pub fn proportion_of(amount: u64, proportion: u64) -> u64 {
	let q = u128::from(amount)
		.saturating_mul(u128::from(proportion))
		.checked_div(u128::from(u64::MAX))
		.unwrap_or(0);
	// q ≤ amount because proportion ≤ u64::MAX.
	u64::try_from(q).unwrap_or(amount)
}

/// The stake a hotkey counts with on a subnet (one stake kind: alpha on the subnet, or TAO on
/// root), after childkeys:
///
/// `own − Σ_children ⌊own · p_c / MAX⌋ + Σ_parents ⌊own_parent · p_p / MAX⌋`, saturating at
/// `u64::MAX` (the supply keeps every sum far below it).
///
/// `child_proportions` are the hotkey's own children's proportions (summing to at most
/// `u64::MAX`, so the subtracted parts are at most `own`); `parents` are `(parent's own stake,
/// proportion the parent gives this hotkey)`.
pub fn inherited_stake(
	own: u64,
	child_proportions: impl IntoIterator<Item = u64>,
	parents: impl IntoIterator<Item = (u64, u64)>,
) -> u64 {
	let lent = child_proportions
		.into_iter()
		.fold(0u64, |acc, p| acc.saturating_add(proportion_of(own, p)));
	let borrowed = parents
		.into_iter()
		.fold(0u64, |acc, (stake, p)| acc.saturating_add(proportion_of(stake, p)));
	own.saturating_sub(lent).saturating_add(borrowed)
}

/// A hotkey's stake weight in the dividend split: `alpha + ⌊root · tao_weight / MAX⌋`, in u128
/// (no overflow for any u64 inputs).
pub fn stake_weight(alpha: u64, root: u64, tao_weight: u64) -> u128 {
	u128::from(alpha).saturating_add(u128::from(proportion_of(root, tao_weight)))
}

/// `⌊weight · proportion / MAX⌋` for a stake weight below `2^65` (what [`stake_weight`] returns),
/// exact. With `weight = hi·2^64 + lo` (`hi ≤ 1`) and `2^64 = MAX + 1`:
/// `weight·p / MAX = hi·p + (hi·p + lo·p) / MAX`, and `lo·p < 2^128` is split into its quotient
/// and remainder by `MAX` so that nothing overflows.
pub fn weight_proportion(weight: u128, proportion: u64) -> u128 {
	let max = u128::from(u64::MAX);
	let p = u128::from(proportion);
	let hi_p = (weight >> 64).saturating_mul(p);
	let lo_p = (weight & max).saturating_mul(p);
	// max ≠ 0: the divisions cannot fail.
	let q = lo_p.checked_div(max).unwrap_or(0);
	let r = lo_p.checked_rem(max).unwrap_or(0);
	hi_p.saturating_add(q).saturating_add(hi_p.saturating_add(r).checked_div(max).unwrap_or(0))
}

/// `⌊a · b / c⌋` for `b ≤ c` (so the result is at most `a`), exact while `a · b < 2^128`; beyond
/// that (stake weights above the token supply) `b` and `c` are halved together until the product
/// fits, which keeps the ratio to within one part in 2^63.
pub fn mul_div_floor(a: u64, b: u128, c: u128) -> u64 {
	let (mut b, mut c) = (b, c);
	loop {
		if c == 0 {
			return 0;
		}
		if let Some(prod) = u128::from(a).checked_mul(b) {
			let q = prod.checked_div(c).unwrap_or(0);
			return u64::try_from(q).unwrap_or(a).min(a);
		}
		b >>= 1;
		c >>= 1;
	}
}

/// One parent of a hotkey, as the dividend split sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParentContribution {
	/// `⌊stake_weight(parent's own alpha, parent's own root) · proportion / MAX⌋`.
	pub contribution: u128,
	/// Whether the parent's owner is the child's owner (then no take and no burn apply).
	pub same_owner: bool,
}

/// How a hotkey's dividend is shared with its parents ([`dividend_split`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DividendSplit {
	/// Each parent's net part, in the order given.
	pub to_parents: Vec<u64>,
	/// What the hotkey keeps: its own contribution's part and every child take.
	pub to_self: u64,
	/// The `CKBurn` part of the parents' gross parts, to recycle.
	pub burned: u64,
}

/// Split `dividend` (alpha) between a hotkey and its parents (economics.md §4.7 step 3).
///
/// With `self_contribution = ⌊stake_weight(own) · (MAX − Σ p_children) / MAX⌋` and each parent's
/// contribution `c_i`, and `total = self_contribution + Σ c_i`:
/// - a parent's gross part is `g_i = ⌊dividend · c_i / total⌋`;
/// - if its owner differs from the hotkey's: `burn_i = ⌊g_i · ck_burn / MAX⌋` is recycled and
///   `take_i = ⌊g_i · child_take / 65535⌋` stays with the hotkey; the parent gets
///   `g_i − burn_i − take_i`;
/// - the hotkey keeps the rest: `dividend − Σ g_i + Σ take_i`.
///
/// The three parts sum exactly to `dividend`. With no parents, or `total = 0`, the hotkey keeps
/// everything.
pub fn dividend_split(
	dividend: u64,
	self_contribution: u128,
	parents: &[ParentContribution],
	child_take: u16,
	ck_burn: u64,
) -> DividendSplit {
	let total = parents.iter().fold(self_contribution, |acc, p| acc.saturating_add(p.contribution));
	let mut split =
		DividendSplit { to_parents: Vec::with_capacity(parents.len()), ..Default::default() };
	let mut given: u64 = 0;
	for parent in parents {
		let gross = mul_div_floor(dividend, parent.contribution, total);
		// Σ gross ≤ dividend: each is a floor of its share of `total`.
		given = given.saturating_add(gross);
		if parent.same_owner {
			split.to_parents.push(gross);
			continue;
		}
		let burn = proportion_of(gross, ck_burn);
		// Both from the gross part, as the reference; burn + take ≤ gross unless both
		// proportions are near 1, when the take is cut to what is left.
		let take = mul_div_floor(gross, u128::from(child_take), u128::from(u16::MAX))
			.min(gross.saturating_sub(burn));
		split.burned = split.burned.saturating_add(burn);
		split.to_parents.push(gross.saturating_sub(burn).saturating_sub(take));
	}
	let paid_parents = split.to_parents.iter().fold(0u64, |a, x| a.saturating_add(*x));
	split.to_self = dividend.saturating_sub(paid_parents).saturating_sub(split.burned);
	split
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	const MAX: u64 = u64::MAX;

	#[test]
	fn proportion_of_edges() {
		assert_eq!(proportion_of(1_000, MAX), 1_000);
		assert_eq!(proportion_of(1_000, 0), 0);
		assert_eq!(proportion_of(1_000, MAX / 2), 499); // 1000·(2^63−1)/(2^64−1) = 499.99…
		assert_eq!(proportion_of(u64::MAX, MAX), u64::MAX);
	}

	/// Hand computation: a parent with 1,000 alpha gives 30 % and 20 % to two children with 100
	/// and 0 of their own.
	#[test]
	fn parent_with_two_children() {
		let p30 = MAX / 10 * 3; // 0.3 − ε
		let p20 = MAX / 10 * 2;
		// ⌊1000·p30/MAX⌋ = 299 (p30 is just below 0.3), ⌊1000·p20/MAX⌋ = 199.
		assert_eq!(proportion_of(1_000, p30), 299);
		assert_eq!(proportion_of(1_000, p20), 199);
		assert_eq!(inherited_stake(1_000, [p30, p20], []), 1_000 - 299 - 199);
		assert_eq!(inherited_stake(100, [], [(1_000, p30)]), 100 + 299);
		assert_eq!(inherited_stake(0, [], [(1_000, p20)]), 199);
	}

	/// A child that is also a parent: A (900) → B 50 %, B (100) → C 100 %: B keeps its
	/// inheritance from A but lends all of its own 100 to C; C gets B's own stake only.
	#[test]
	fn child_that_is_a_parent() {
		let half = MAX / 2 + 1; // ⌊900·half/MAX⌋ = 450
		assert_eq!(proportion_of(900, half), 450);
		assert_eq!(inherited_stake(900, [half], []), 450);
		assert_eq!(inherited_stake(100, [MAX], [(900, half)]), 450);
		assert_eq!(inherited_stake(0, [], [(100, MAX)]), 100);
	}

	/// Payout split by hand: dividend 1,000; the child's own weight 100 (no children of its
	/// own), one parent of another owner contributing 300; take 10 % (6553.5 → 6553), no burn.
	#[test]
	fn payout_split_by_hand() {
		let s = dividend_split(
			1_000,
			100,
			&[ParentContribution { contribution: 300, same_owner: false }],
			6_553,
			0,
		);
		// gross = ⌊1000·300/400⌋ = 750; take = ⌊750·6553/65535⌋ = 74; parent 676; child 250 + 74.
		assert_eq!(s.to_parents, vec![676]);
		assert_eq!(s.to_self, 324);
		assert_eq!(s.burned, 0);
		// The same parent under the child's owner: no take.
		let s = dividend_split(
			1_000,
			100,
			&[ParentContribution { contribution: 300, same_owner: true }],
			6_553,
			0,
		);
		assert_eq!((s.to_parents[0], s.to_self), (750, 250));
		// Half of the gross burned (CKBurn = 1/2): burn 375, take ⌊750·6553/65535⌋ = 74.
		let s = dividend_split(
			1_000,
			100,
			&[ParentContribution { contribution: 300, same_owner: false }],
			6_553,
			MAX / 2 + 1,
		);
		assert_eq!((s.to_parents[0], s.burned, s.to_self), (301, 375, 324));
	}

	#[test]
	fn no_parents_or_no_weight_keeps_everything() {
		assert_eq!(dividend_split(77, 0, &[], 0, 0).to_self, 77);
		let s = dividend_split(
			77,
			0,
			&[ParentContribution { contribution: 0, same_owner: false }],
			0,
			0,
		);
		assert_eq!((s.to_parents[0], s.to_self), (0, 77));
	}

	#[test]
	fn weight_proportion_is_exact() {
		let w: u128 = (u128::from(u64::MAX) << 1) | 1; // 2^65 − 1
		for p in [0, 1, 12_345, MAX / 3, MAX - 1, MAX] {
			let exact = {
				// (w·p)/MAX via splitting w into two halves that each fit
				let a = w / 2;
				let b = w - a;
				let num_a = a * u128::from(p);
				let num_b = b * u128::from(p);
				let m = u128::from(MAX);
				num_a / m + num_b / m + (num_a % m + num_b % m) / m
			};
			assert_eq!(weight_proportion(w, p), exact, "p = {p}");
		}
		assert_eq!(weight_proportion(1_000, MAX), 1_000);
	}

	proptest! {
		/// What parents lend is exactly what children receive: the inherited stakes of a parent
		/// and its children sum to their own stakes.
		#[test]
		fn inheritance_conserves_stake(
			own_parent in 0u64..=21_000_000_000_000_000,
			own_children in proptest::collection::vec(0u64..=21_000_000_000_000_000, 1..=5),
			raw in proptest::collection::vec(any::<u64>(), 1..=5),
		) {
			let n = own_children.len().min(raw.len());
			// Proportions scaled so that they sum to at most MAX.
			let props: Vec<u64> = raw.iter().take(n).map(|r| r / 5).collect();
			let parent = inherited_stake(own_parent, props.iter().copied(), []);
			let children: u128 = own_children.iter().take(n).zip(props.iter())
				.map(|(&own, &p)| u128::from(inherited_stake(own, [], [(own_parent, p)])))
				.sum();
			let own_total: u128 = u128::from(own_parent)
				+ own_children.iter().take(n).map(|&x| u128::from(x)).sum::<u128>();
			prop_assert_eq!(u128::from(parent) + children, own_total);
		}

		/// The dividend split pays out exactly the dividend, and a parent's gross part is its
		/// floored share of the total contribution.
		#[test]
		fn dividend_split_is_exact(
			dividend in any::<u64>(),
			self_c in 0u128..(1u128 << 65),
			parents in proptest::collection::vec((0u128..(1u128 << 65), any::<bool>()), 0..=8),
			take in any::<u16>(),
			burn in any::<u64>(),
		) {
			let parents: Vec<ParentContribution> = parents
				.into_iter()
				.map(|(contribution, same_owner)| ParentContribution { contribution, same_owner })
				.collect();
			let s = dividend_split(dividend, self_c, &parents, take, burn);
			let sum: u128 = s.to_parents.iter().map(|&x| u128::from(x)).sum::<u128>()
				+ u128::from(s.to_self) + u128::from(s.burned);
			prop_assert_eq!(sum, u128::from(dividend));
			prop_assert_eq!(s.to_parents.len(), parents.len());
		}
	}
}
