//! Property tests (proptest) for the invariants of issue 3.
#![allow(
	clippy::unwrap_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects,
	clippy::float_arithmetic,
	clippy::excessive_precision
)]

mod common;

use common::{dense_epoch, nonzero_bonds};
use proptest::prelude::*;
use subtensor_math::emission::{block_emission, split_alpha_out, subnet_terms, taoflow_shares};
use subtensor_math::fixed::{normalize, sum, ZERO};
use subtensor_math::pool::{
	max_alpha_in_for_limit, max_tao_in_for_limit, swap_alpha_for_tao, swap_tao_for_alpha, Reserves,
};
use subtensor_math::registration::{adjust_burn, network_lock_cost};
use subtensor_math::split::largest_remainder;
use subtensor_math::substrate_fixed::types::{I32F32, I64F64, U64F64};
use subtensor_math::yuma::{epoch, EpochInputs, EpochOutputs, YumaParams};

fn k(r: Reserves) -> u128 {
	u128::from(r.tao) * u128::from(r.alpha)
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

	#[test]
	fn buying_never_shrinks_k_nor_overpays(tao in 1..u64::MAX, alpha in 1..u64::MAX, amount in any::<u64>(), fee in any::<u16>()) {
		let r = Reserves { tao, alpha };
		if let Ok(s) = swap_tao_for_alpha(r, amount, fee) {
			prop_assert!(s.amount_out < alpha);
			prop_assert!(k(s.reserves) >= k(r));
			prop_assert!(s.reserves.tao - tao == amount);
			prop_assert!(s.fee <= amount);
			// price never falls on a buy: T'/A' ≥ T/A
			prop_assert!(u128::from(s.reserves.tao) * u128::from(alpha) >= u128::from(tao) * u128::from(s.reserves.alpha));
		}
	}

	#[test]
	fn selling_never_shrinks_k_nor_overpays(tao in 1..u64::MAX, alpha in 1..u64::MAX, amount in any::<u64>(), fee in any::<u16>()) {
		let r = Reserves { tao, alpha };
		if let Ok(s) = swap_alpha_for_tao(r, amount, fee) {
			prop_assert!(s.amount_out < tao);
			prop_assert!(k(s.reserves) >= k(r));
			prop_assert!(u128::from(s.reserves.tao) * u128::from(alpha) <= u128::from(tao) * u128::from(s.reserves.alpha));
		}
	}

	#[test]
	fn round_trip_never_profits(tao in 20_000_000..1u64 << 50, alpha in 20_000_000..1u64 << 50, amount in 0..1u64 << 40, fee in 0..1000u16) {
		let r = Reserves { tao, alpha };
		if let Ok(buy) = swap_tao_for_alpha(r, amount, fee) {
			if let Ok(sell) = swap_alpha_for_tao(buy.reserves, buy.amount_out, fee) {
				prop_assert!(sell.amount_out <= amount);
			}
		}
	}

	#[test]
	fn limit_maxima_respect_the_limit(tao in 20_000_000..1u64 << 50, alpha in 20_000_000..1u64 << 50, limit in 1..1u64 << 40, fee in 0..1000u16) {
		let r = Reserves { tao, alpha };
		let g = max_tao_in_for_limit(r, limit, fee);
		let s = swap_tao_for_alpha(r, g, fee).unwrap();
		prop_assert!(u128::from(s.reserves.tao) * 1_000_000_000 <= u128::from(limit) * u128::from(s.reserves.alpha) || g == 0);
		let g = max_alpha_in_for_limit(r, limit, fee);
		let s = swap_alpha_for_tao(r, g, fee).unwrap();
		prop_assert!(u128::from(s.reserves.tao) * 1_000_000_000 >= u128::from(limit) * u128::from(s.reserves.alpha) || g == 0);
	}

	#[test]
	fn normalised_vectors_sum_to_one(v in prop::collection::vec(0i64..(1i64 << 40), 1..300)) {
		// values as I32F32 bits in [0, 256): the sum fits. Bound: 1 − len·2⁻³² < Σ ≤ 1.
		let mut x: Vec<I32F32> = v.iter().map(|&b| I32F32::from_bits(b)).collect();
		let before = sum(&x);
		normalize(&mut x);
		let s = sum(&x);
		if before == ZERO {
			prop_assert_eq!(s, ZERO);
		} else {
			prop_assert!(s <= I32F32::from_num(1));
			prop_assert!(I32F32::from_num(1) - s <= I32F32::from_bits(x.len() as i64));
		}
	}

	#[test]
	fn halving_is_monotone_and_capped(a in any::<u64>(), b in any::<u64>()) {
		let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
		prop_assert!(block_emission(lo) >= block_emission(hi));
		prop_assert!(block_emission(lo) <= 1_000_000_000);
		if hi >= 21_000_000_000_000_000 { prop_assert_eq!(block_emission(hi), 0); }
	}

	#[test]
	fn largest_remainder_is_exact(pot in any::<u64>(), w in prop::collection::vec(any::<u64>(), 0..40)) {
		let parts = largest_remainder(pot, &w);
		prop_assert_eq!(parts.len(), w.len());
		let total: u128 = parts.iter().map(|&x| u128::from(x)).sum();
		if w.iter().any(|&x| x > 0) { prop_assert_eq!(total, u128::from(pot)); } else { prop_assert_eq!(total, 0); }
	}

	#[test]
	fn emission_split_never_mints(e in any::<u64>(), a in any::<u64>(), tao in any::<u64>(), alpha in any::<u64>(), cut in any::<u16>(), rp in any::<u64>()) {
		let t = subnet_terms(e, a, Reserves { tao, alpha });
		prop_assert_eq!(t.tao_in + t.excess, e);
		prop_assert!(t.alpha_in <= a);
		prop_assert_eq!(t.alpha_out, a);
		let s = split_alpha_out(a, cut, U64F64::from_bits(u128::from(rp)));
		let total = u128::from(s.owner_cut) + u128::from(s.server) + u128::from(s.validator) + u128::from(s.root);
		prop_assert!(total <= u128::from(a) && total + 2 >= u128::from(a));
	}

	#[test]
	fn taoflow_shares_sum_to_at_most_one(f in prop::collection::vec(any::<i64>(), 0..20), cutoff in any::<i64>(), p in 0u64..=(1u64 << 32)) {
		let flows: Vec<I64F64> = f.iter().map(|&x| I64F64::from_num(x)).collect();
		let exp = U64F64::from_num(1) + U64F64::from_bits(u128::from(p) << 32);
		let s = taoflow_shares(&flows, I64F64::from_num(cutoff), exp).unwrap();
		let total: U64F64 = s.iter().copied().sum();
		prop_assert!(total <= U64F64::from_num(1));
		for (share, &flow) in s.iter().zip(&f) {
			if flow <= 0 && cutoff >= 0 { prop_assert_eq!(*share, U64F64::from_num(0)); }
		}
	}

	#[test]
	fn registration_prices_stay_in_bounds(last in any::<u64>(), lb in any::<u64>(), b in any::<u64>(), min in any::<u64>(), i in any::<u64>(),
		burn in any::<u64>(), r in any::<u16>(), t in any::<u16>(), al in any::<u64>(), mn in any::<u64>(), mx in any::<u64>()) {
		prop_assert!(network_lock_cost(last, lb, b, min, i) >= min);
		let (mn, mx) = if mn <= mx { (mn, mx) } else { (mx, mn) };
		let nb = adjust_burn(burn, r, t, al, mn, mx);
		prop_assert!(nb >= mn && nb <= mx);
	}
}

// ---- epoch properties ----

#[derive(Clone, Debug)]
struct Case {
	inputs: EpochInputs,
	params: YumaParams,
}

fn arb_case(max_n: usize) -> impl Strategy<Value = Case> {
	(1..=max_n).prop_flat_map(|n| {
		let stake = prop::collection::vec(
			prop_oneof![Just(0u64), 1..1_000_000_000_000u64, Just(u64::MAX)],
			n,
		);
		let root = prop::collection::vec(prop_oneof![Just(0u64), 0..1_000_000_000_000u64], n);
		let permits = prop::collection::vec(any::<bool>(), n);
		let lu = prop::collection::vec(0..20u64, n);
		let reg = prop::collection::vec(0..10u64, n);
		// weight rows: a subset of columns (no duplicates) with random values, explicit zeros possible
		let row = prop::collection::btree_map(0..n as u16, any::<u16>(), 0..=n)
			.prop_map(|m| m.into_iter().collect::<Vec<_>>());
		let weights = prop::collection::vec(row.clone(), n);
		let bonds = prop::collection::vec(row, n);
		let params = (
			any::<u16>(),
			prop_oneof![Just(0u16), Just(65_535u16), any::<u16>()],
			0..=1_000_000u64,
			any::<bool>(),
			any::<bool>(),
			(0..=65_535u16, 0..=65_535u16),
			any::<i16>(),
			any::<u64>(),
			0..=u64::MAX / 4,
			(10..30u64, 0..15u64),
		);
		(stake, root, permits, lu, reg, weights, bonds, params).prop_map(
			move |(stake, root, permits, lu, reg, weights, bonds, p)| {
				let (kappa, bp, bma, yuma3, liquid, (lo, hi), steep, tw, rao, (block, cutoff)) = p;
				let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
				Case {
					inputs: EpochInputs {
						n: n as u16,
						alpha_stake: stake,
						root_stake: root,
						validator_permit: permits,
						last_update: lu,
						block_at_registration: reg,
						weights,
						bonds,
						commit_block: None,
					},
					params: YumaParams {
						current_block: block,
						activity_cutoff: cutoff,
						last_tempo: block.saturating_sub(1),
						tao_weight: tw,
						stake_threshold: 0,
						max_allowed_validators: n as u16,
						owner_uid: None,
						kappa,
						bonds_penalty: bp,
						bonds_moving_average: bma,
						yuma3,
						liquid_alpha: liquid,
						alpha_low: lo,
						alpha_high: hi,
						alpha_sigmoid_steepness: steep,
						rao_emission: rao,
					},
				}
			},
		)
	})
}

fn sums_to_one_or_zero(v: &[u16]) -> bool {
	let s: u64 = v.iter().map(|&x| u64::from(x)).sum();
	// each ⌊x·65535⌋ loses < 1, and Σx ≥ 1 − n·2⁻³² before flooring
	s == 0 || (s <= 65_535 && s + v.len() as u64 + 1 >= 65_535)
}

fn permute(case: &Case, perm: &[usize]) -> Case {
	// new uid of old uid i is perm[i]
	let n = perm.len();
	let mut c = case.clone();
	let mv = |v: &Vec<u64>| {
		let mut out = vec![0; n];
		for i in 0..n {
			out[perm[i]] = v[i];
		}
		out
	};
	c.inputs.alpha_stake = mv(&case.inputs.alpha_stake);
	c.inputs.root_stake = mv(&case.inputs.root_stake);
	c.inputs.last_update = mv(&case.inputs.last_update);
	c.inputs.block_at_registration = mv(&case.inputs.block_at_registration);
	let mut permits = vec![false; n];
	let mut w = vec![vec![]; n];
	let mut b = vec![vec![]; n];
	for i in 0..n {
		permits[perm[i]] = case.inputs.validator_permit[i];
		w[perm[i]] =
			case.inputs.weights[i].iter().map(|&(j, x)| (perm[j as usize] as u16, x)).collect();
		b[perm[i]] =
			case.inputs.bonds[i].iter().map(|&(j, x)| (perm[j as usize] as u16, x)).collect();
	}
	c.inputs.validator_permit = permits;
	c.inputs.weights = w;
	c.inputs.bonds = b;
	c
}

fn check_permuted(a: &EpochOutputs, b: &EpochOutputs, perm: &[usize]) -> Result<(), TestCaseError> {
	let n = perm.len();
	for i in 0..n {
		let j = perm[i];
		prop_assert_eq!(a.incentive[i], b.incentive[j]);
		prop_assert_eq!(a.dividends[i], b.dividends[j]);
		prop_assert_eq!(a.consensus[i], b.consensus[j]);
		prop_assert_eq!(a.trust[i], b.trust[j]);
		prop_assert_eq!(a.validator_trust[i], b.validator_trust[j]);
		prop_assert_eq!(a.validator_permit[i], b.validator_permit[j]);
		prop_assert_eq!(a.stake_weight[i], b.stake_weight[j]);
		prop_assert_eq!(a.server_emission[i], b.server_emission[j]);
		prop_assert_eq!(a.validator_emission[i], b.validator_emission[j]);
		prop_assert_eq!(a.emission[i], b.emission[j]);
		prop_assert_eq!(a.pruning_scores[i], b.pruning_scores[j]);
		let mut ra: Vec<(u16, u16)> =
			a.bonds[i].iter().map(|&(c, v)| (perm[c as usize] as u16, v)).collect();
		ra.sort();
		let mut rb = b.bonds[j].clone();
		rb.sort();
		prop_assert_eq!(ra, rb);
	}
	Ok(())
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

	#[test]
	fn epoch_outputs_are_bounded_and_never_overpay(case in arb_case(24)) {
		let out = epoch(&case.inputs, &case.params);
		let n = case.inputs.n as usize;
		prop_assert_eq!(out.incentive.len(), n);
		prop_assert!(sums_to_one_or_zero(&out.incentive), "incentive {:?}", out.incentive);
		prop_assert!(sums_to_one_or_zero(&out.dividends), "dividends {:?}", out.dividends);
		let paid: u128 = out.server_emission.iter().chain(&out.validator_emission).map(|&x| u128::from(x)).sum();
		prop_assert!(paid <= u128::from(case.params.rao_emission));
		let booked: u128 = out.emission.iter().map(|&x| u128::from(x)).sum();
		prop_assert!(booked <= u128::from(case.params.rao_emission));
		for (i, row) in out.bonds.iter().enumerate() {
			prop_assert!(out.validator_permit[i] || row.is_empty());
			prop_assert!(row.iter().all(|&(j, _)| (j as usize) < n));
		}
	}

	#[test]
	fn permuting_uids_permutes_outputs(case in arb_case(16), seed in any::<u64>()) {
		let n = case.inputs.n as usize;
		let mut perm: Vec<usize> = (0..n).collect();
		let mut s = seed | 1;
		for i in (1..n).rev() {
			s ^= s << 13; s ^= s >> 7; s ^= s << 17;
			perm.swap(i, (s % (i as u64 + 1)) as usize);
		}
		let a = epoch(&case.inputs, &case.params);
		let b = epoch(&permute(&case, &perm).inputs, &case.params);
		check_permuted(&a, &b, &perm)?;
	}

	#[test]
	fn sparse_matches_dense_model(case in arb_case(16)) {
		let mut params = case.params.clone();
		params.liquid_alpha = false;
		let s = epoch(&case.inputs, &params);
		let d = dense_epoch(&case.inputs, &params);
		prop_assert_eq!(&s.incentive, &d.incentive);
		prop_assert_eq!(&s.dividends, &d.dividends);
		prop_assert_eq!(&s.consensus, &d.consensus);
		prop_assert_eq!(&s.trust, &d.trust);
		prop_assert_eq!(&s.validator_trust, &d.validator_trust);
		prop_assert_eq!(&s.emission, &d.emission);
		prop_assert_eq!(&s.server_emission, &d.server_emission);
		prop_assert_eq!(&s.validator_emission, &d.validator_emission);
		prop_assert_eq!(&s.pruning_scores, &d.pruning_scores);
		prop_assert_eq!(nonzero_bonds(&s.bonds), nonzero_bonds(&d.bonds));
	}

	#[test]
	fn epoch_never_panics_on_inconsistent_input(
		n in 0u16..40,
		stake in prop::collection::vec(any::<u64>(), 0..50),
		root in prop::collection::vec(any::<u64>(), 0..50),
		permits in prop::collection::vec(any::<bool>(), 0..50),
		lu in prop::collection::vec(any::<u64>(), 0..50),
		reg in prop::collection::vec(any::<u64>(), 0..50),
		weights in prop::collection::vec(prop::collection::vec((any::<u16>(), any::<u16>()), 0..8), 0..50),
		bonds in prop::collection::vec(prop::collection::vec((0u16..60, any::<u16>()), 0..8), 0..50),
		commits in prop::option::of(prop::collection::vec(any::<u64>(), 0..50)),
		block in any::<u64>(), cutoff in any::<u64>(), owner in prop::option::of(0u16..60),
		yuma3 in any::<bool>(), liquid in any::<bool>(), k in any::<u16>(), bp in any::<u16>(),
		bma in any::<u64>(), tw in any::<u64>(), thr in any::<u64>(), rao in any::<u64>(), steep in any::<i16>(),
		lo in any::<u16>(), hi in any::<u16>(),
	) {
		let inputs = EpochInputs { n, alpha_stake: stake, root_stake: root, validator_permit: permits,
			last_update: lu, block_at_registration: reg, weights, bonds, commit_block: commits };
		let params = YumaParams { current_block: block, activity_cutoff: cutoff, last_tempo: block / 2,
			tao_weight: tw, stake_threshold: thr, max_allowed_validators: k, owner_uid: owner, kappa: k,
			bonds_penalty: bp, bonds_moving_average: bma, yuma3, liquid_alpha: liquid, alpha_low: lo,
			alpha_high: hi, alpha_sigmoid_steepness: steep, rao_emission: rao };
		let out = epoch(&inputs, &params);
		prop_assert_eq!(out.incentive.len(), n as usize);
		prop_assert_eq!(out.bonds.len(), n as usize);
		let paid: u128 = out.server_emission.iter().chain(&out.validator_emission).map(|&x| u128::from(x)).sum();
		prop_assert!(paid <= u128::from(rao));
	}
}

// ---- stake locks (subtensor_math::locks) ----

mod lock_properties {
	use proptest::prelude::*;
	use subtensor_math::locks::{decay, roll, split_off, LockAmounts, LockKind, LockRates};
	use subtensor_math::substrate_fixed::types::U64F64;

	const MAX_MASS: u64 = 1 << 62;

	fn c(x: u64) -> U64F64 {
		U64F64::saturating_from_num(x)
	}

	fn abs_diff(a: U64F64, b: U64F64) -> U64F64 {
		if a > b {
			a - b
		} else {
			b - a
		}
	}

	/// The composition bound of the module docs: `2 + x·2⁻⁴⁰`.
	fn bound(x: u128) -> U64F64 {
		U64F64::saturating_from_num(2u128 + (x >> 40))
	}

	proptest! {
		#![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

		#[test]
		fn decay_is_monotone_and_at_most_one(dt in 0u64..50_000_000, extra in 0u64..1_000_000, tau in 1u64..10_000_000) {
			let a = decay(dt, tau);
			let b = decay(dt + extra, tau);
			prop_assert!(a <= U64F64::from_num(1));
			prop_assert!(b <= a);
		}

		#[test]
		fn rolling_never_grows_mass_nor_exceeds_max(mass in 0..MAX_MASS, conv in 0..MAX_MASS, dt in 0u64..20_000_000,
			unlock in 0u64..5_000_000, maturity in 0u64..5_000_000, perpetual in any::<bool>()) {
			let lock = LockAmounts { mass, conviction: c(conv) };
			let rates = LockRates { unlock, maturity };
			let out = roll(lock, dt, rates, LockKind { perpetual, owner: false });
			prop_assert!(out.mass <= mass);
			if perpetual { prop_assert_eq!(out.mass, mass); }
			// conviction ≤ max(C, M) (plus 1 rao of rounding)
			prop_assert!(out.conviction <= c(mass.max(conv)) + c(1));
		}

		#[test]
		fn conviction_of_a_fresh_perpetual_lock_grows_with_time(mass in 0..MAX_MASS, dt in 0u64..20_000_000, extra in 0u64..20_000_000, maturity in 1u64..5_000_000) {
			let lock = LockAmounts { mass, conviction: c(0) };
			let rates = LockRates { unlock: maturity, maturity };
			let kind = LockKind { perpetual: true, owner: false };
			let a = roll(lock, dt, rates, kind);
			let b = roll(lock, dt + extra, rates, kind);
			prop_assert!(b.conviction + c(1) >= a.conviction);
			prop_assert!(b.conviction <= c(mass) + c(1));
		}

		#[test]
		fn rolling_composes(mass in 0..MAX_MASS, conv in 0..MAX_MASS, a in 0u64..10_000_000, b in 0u64..10_000_000,
			unlock in 1u64..5_000_000, maturity in 1u64..5_000_000, same in any::<bool>(), perpetual in any::<bool>()) {
			let rates = LockRates { unlock, maturity: if same { unlock } else { maturity } };
			let kind = LockKind { perpetual, owner: false };
			let lock = LockAmounts { mass, conviction: c(conv) };
			let twice = roll(roll(lock, a, rates, kind), b, rates, kind);
			let once = roll(lock, a + b, rates, kind);
			prop_assert!(twice.mass.abs_diff(once.mass) <= 2 + (mass >> 40), "mass {} vs {}", twice.mass, once.mass);
			let x = u128::from(mass) + u128::from(conv);
			prop_assert!(abs_diff(twice.conviction, once.conviction) <= bound(x),
				"conviction {} vs {}", twice.conviction, once.conviction);
		}

		#[test]
		fn split_off_is_exact(mass in 0..MAX_MASS, conv in 0..MAX_MASS, amount in any::<u64>()) {
			let lock = LockAmounts { mass, conviction: c(conv) };
			let (left, taken) = split_off(lock, amount);
			prop_assert_eq!(left.mass + taken.mass, mass);
			prop_assert_eq!(left.conviction + taken.conviction, lock.conviction);
			prop_assert_eq!(taken.mass, amount.min(mass));
		}

		#[test]
		fn long_decay_unlocks_everything(mass in 0..MAX_MASS, tau in 1u64..1_000_000) {
			let lock = LockAmounts { mass, conviction: c(mass) };
			let out = roll(lock, tau.saturating_mul(50), LockRates { unlock: tau, maturity: tau }, LockKind { perpetual: false, owner: false });
			prop_assert_eq!(out.mass, 0);
			prop_assert!(out.conviction < c(1));
		}
	}
}
