//! Every epoch case of `shared/spec/yuma-cases.md` (E*, L*) and the remaining math cases that need
//! the public epoch API (M3, M17), as unit tests.
#![allow(
	clippy::unwrap_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects,
	clippy::float_arithmetic,
	clippy::excessive_precision
)]

mod common;

use common::{dense_epoch, nonzero_bonds, Net};
use subtensor_math::fixed::{exp_safe, ONE, ZERO};
use subtensor_math::substrate_fixed::types::I32F32;
use subtensor_math::yuma::{
	activity_cutoff_from_factor, bonds_ema_alpha, epoch, last_tempo, liquid_alpha, EpochInputs,
	YumaParams,
};

const M: u16 = 65_535;
const BILLION: u64 = 1_000_000_000;

// ---- M3 ----

#[test]
fn m3_ema_coefficient() {
	assert_eq!(bonds_ema_alpha(900_000), I32F32::from_num(0.1));
	assert_eq!(bonds_ema_alpha(900_000).to_bits(), 429_496_730);
	assert_eq!(bonds_ema_alpha(1_000_000), ZERO);
	assert_eq!(bonds_ema_alpha(975_000).to_bits(), 107_374_183);
	assert_eq!(bonds_ema_alpha(0), ONE);
	assert_eq!(bonds_ema_alpha(u64::MAX), ZERO); // clamped
}

// ---- M17: dense Yuma3 EMA (the dense model's per-cell rule) ----

fn ema_alpha_dense(new: &[Vec<f32>], old: &[Vec<f32>], a: &[Vec<f32>]) -> Vec<Vec<f64>> {
	// min(1, (1−a)·old + max(0, a·new)); mismatched row lengths → `new` unchanged (M17)
	if new.len() != old.len() || new.iter().zip(old).any(|(x, y)| x.len() != y.len()) {
		return new.iter().map(|r| r.iter().map(|&x| x as f64).collect()).collect();
	}
	new.iter()
		.zip(old)
		.zip(a)
		.map(|((rn, ro), ra)| {
			rn.iter()
				.zip(ro)
				.zip(ra)
				.map(|((&n, &o), &al)| {
					let (n, o, al) =
						(I32F32::from_num(n), I32F32::from_num(o), I32F32::from_num(al));
					((ONE - al) * o + (al * n).max(ZERO)).min(ONE).to_num::<f64>()
				})
				.collect()
		})
		.collect()
}

#[test]
fn m17_dense_ema_alpha() {
	let old = vec![
		vec![0.1, 0.2, 3.],
		vec![0.04, 0.05, 0.06],
		vec![0.07, 0.08, 0.09],
		vec![0.1, 0.11, 0.12],
	];
	let new: Vec<Vec<f32>> =
		(0..4).map(|i| (0..3).map(|j| (i * 3 + j + 1) as f32).collect()).collect();
	let a = |x: f32| vec![vec![x; 3]; 4];
	let close = |got: Vec<Vec<f64>>, exp: &[&[f64]], eps: f64| {
		for (r, e) in got.iter().zip(exp) {
			for (x, y) in r.iter().zip(e.iter()) {
				assert!((x - y).abs() <= eps, "{x} vs {y}");
			}
		}
	};
	close(
		ema_alpha_dense(&new, &old, &a(0.1)),
		&[&[0.19, 0.38, 1.], &[0.436, 0.545, 0.6539], &[0.763, 0.8719, 0.981], &[1., 1., 1.]],
		1.1e-4,
	);
	let new10: Vec<Vec<f32>> = new.iter().map(|r| r.iter().map(|x| x * 10.).collect()).collect();
	close(
		ema_alpha_dense(&new10, &old, &a(0.0)),
		&[&[0.1, 0.2, 1.], &[0.04, 0.05, 0.06], &[0.07, 0.08, 0.09], &[0.1, 0.11, 0.12]],
		1e-4,
	);
	close(
		ema_alpha_dense(&old, &new, &a(1.0)),
		&[&[0.1, 0.2, 1.], &[0.04, 0.05, 0.06], &[0.07, 0.08, 0.09], &[0.1, 0.11, 0.12]],
		1e-4,
	);
	let n2 = vec![vec![1., 2., 3.], vec![4., 5., 6.]];
	let o2 = vec![vec![0.5, 1.5, 2.5], vec![3.5, 4.5, 5.5]];
	assert_eq!(
		ema_alpha_dense(&n2, &o2, &[vec![0.5; 3], vec![0.5; 3]]),
		vec![vec![0.75, 1., 1.], vec![1., 1., 1.]]
	);
	let per_col = vec![vec![0.2, 0.5, 0.8]; 2];
	close(ema_alpha_dense(&n2, &o2, &per_col), &[&[0.6, 1., 1.], &[1., 1., 1.]], 1e-6);
	assert_eq!(ema_alpha_dense(&[vec![1.]], &[vec![0.5]], &[vec![0.5]]), vec![vec![0.75]]);
	assert_eq!(ema_alpha_dense(&[vec![]], &[vec![]], &[vec![]]), vec![Vec::<f64>::new()]);
	let mismatched = ema_alpha_dense(&[vec![1., 2.]], &[vec![1.]], &[vec![0.5, 0.5]]);
	assert_eq!(mismatched[0][0], 1.0);
}

// ---- liquid alpha values quoted in yuma.md §4.10 ----

#[test]
fn liquid_alpha_reference_values() {
	let low = subtensor_math::fixed::u16_proportion(6553);
	let high = subtensor_math::fixed::u16_proportion(19660);
	let f = |x: f64| I32F32::from_num(x);
	let at_consensus = liquid_alpha(f(0.5), f(0.5), f(0.5), low, high, 1000);
	assert!((at_consensus.to_num::<f64>() - 0.10133).abs() < 1e-5, "{at_consensus}");
	let buying = liquid_alpha(ZERO, ONE, ZERO, low, high, 1000);
	assert!((buying.to_num::<f64>() - 0.29865).abs() < 1e-5, "{buying}");
	// always within [low, high]
	for (c, w, b) in [(0.0, 0.0, 1.0), (1.0, 0.0, 0.0), (0.3, 0.9, 0.2)] {
		let a = liquid_alpha(f(c), f(w), f(b), low, high, i16::MIN);
		assert!(a >= low && a <= high);
	}
	assert_eq!(exp_safe(ZERO), ONE);
}

#[test]
fn helpers_for_params() {
	assert_eq!(last_tempo(100, 10, 0), 90);
	assert_eq!(last_tempo(5, 10, 0), 0);
	assert_eq!(last_tempo(100, 10, 95), 96);
	assert_eq!(activity_cutoff_from_factor(13_889, 360), 5000);
	assert_eq!(activity_cutoff_from_factor(13_889, 1), 13);
	assert_eq!(activity_cutoff_from_factor(13_889, 10), 138);
	assert_eq!(activity_cutoff_from_factor(13_889, 0), 1);
}

// ---- E1 ----

#[test]
fn e1_single_uid_self_weight_only() {
	let mut net = Net::new(&[BILLION]);
	net.epoch(0, BILLION); // permits
	net.set_weights(0, 1, &[(0, M)]);
	let out = net.epoch(1, BILLION);
	assert_eq!(out.consensus, vec![0]);
	assert_eq!(out.incentive, vec![0]);
	assert_eq!(out.dividends, vec![0]);
}

// ---- E2 ----

#[test]
fn e2_ten_isolated_uids() {
	let mut net = Net::new(&[1; 10]);
	for uid in 0..10 {
		net.set_weights(uid, 1, &[(uid as u16, M)]);
	}
	let out = net.epoch(1, BILLION);
	assert_eq!(out.consensus, vec![0; 10]);
	assert_eq!(out.incentive, vec![0; 10]);
	assert_eq!(out.dividends, vec![0; 10]);
	assert_eq!(out.emission, vec![99_999_999; 10]);
}

// ---- E4: sparse = dense on seeded random weights, three bonds penalties ----

#[test]
fn e4_sparse_equals_dense_random_graph() {
	let n = 64usize;
	let validators = 16;
	let mut seed: u64 = 0x1234_5678_9ABC_DEF1;
	let mut rnd = || {
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		seed
	};
	for bp in [0u16, 32_767, 65_535] {
		let stakes: Vec<u64> =
			(0..n).map(|i| if i < validators { 1 + rnd() % 1_000_000 } else { 0 }).collect();
		let mut sparse = Net::new(&stakes);
		sparse.params.bonds_penalty = bp;
		sparse.params.max_allowed_validators = validators as u16;
		sparse.epoch(0, BILLION);
		for epoch_no in 1..=3u64 {
			for v in 0..validators {
				let row: Vec<(u16, u16)> =
					(0..n).map(|j| (j as u16, (rnd() % 65_536) as u16)).collect();
				sparse.set_weights(v, epoch_no, &row);
			}
			let block = epoch_no;
			sparse.params.current_block = block;
			sparse.params.last_tempo = last_tempo(block, sparse.tempo, 0);
			sparse.params.rao_emission = BILLION;
			let d = dense_epoch(&sparse.inputs, &sparse.params);
			let s = sparse.epoch(block, BILLION);
			assert_eq!(s.incentive, d.incentive, "bp {bp}");
			assert_eq!(s.dividends, d.dividends, "bp {bp}");
			assert_eq!(s.rank, d.rank);
			assert_eq!(s.trust, d.trust);
			assert_eq!(s.consensus, d.consensus);
			assert_eq!(s.validator_trust, d.validator_trust);
			assert_eq!(s.emission, d.emission);
			assert_eq!(s.server_emission, d.server_emission);
			assert_eq!(s.validator_emission, d.validator_emission);
			assert_eq!(nonzero_bonds(&s.bonds), nonzero_bonds(&d.bonds), "bp {bp}");
			assert!(s.incentive.iter().any(|&x| x > 0));
		}
	}
}

// ---- E6 ----

#[test]
fn e6_inactive_validators_keep_decaying_bonds() {
	let mut net = Net::new(&[1, 1, 1, 1]);
	net.params.max_allowed_validators = 4;
	net.params.activity_cutoff = 5000;
	net.epoch(0, BILLION);
	assert_eq!(net.inputs.validator_permit, vec![true; 4]);

	net.set_weights(0, 1, &[(2, 32_767), (3, 32_767)]);
	net.set_weights(1, 1, &[(2, 32_767), (3, 32_767)]);
	assert_eq!(net.inputs.weights[0], vec![(2, M), (3, M)]);
	let out = net.epoch(1, BILLION);
	assert_eq!(&out.dividends[0..2], &[32_767, 32_767]);
	assert_eq!(out.emission, vec![250_000_000; 4]);
	for v in 0..2 {
		assert_eq!(out.bonds[v], vec![(2, M), (3, M)]);
	}

	net.set_weights(0, 5002, &[(2, 32_767), (3, 32_767)]);
	let out = net.epoch(5002, BILLION);
	assert_eq!(out.active, vec![true, false, false, false]);
	assert_eq!(out.dividends[0], 36_044);
	assert_eq!(out.emission[0], 274_999_999);
	assert_eq!(out.bonds[0], vec![(2, M), (3, M)]);
	assert_eq!(out.dividends[1], 29_490);
	assert_eq!(out.emission[1], 224_999_999);
	assert_eq!(out.bonds[1], vec![(2, 53_619), (3, 53_619)]);

	net.set_weights(1, 5002, &[(2, 32_767), (3, 32_767)]);
	let out = net.epoch(5003, BILLION);
	assert_eq!(out.dividends[0], 35_716);
	assert_eq!(out.emission[0], 272_501_132);
	assert_eq!(out.bonds[0], vec![(2, M), (3, M)]);
	assert_eq!(out.dividends[1], 29_818);
	assert_eq!(out.emission[1], 227_498_866);
	assert_eq!(out.bonds[1], vec![(2, 54_712), (3, 54_712)]);
}

// ---- E8 ----

#[test]
fn e8_zero_emission_fallback() {
	let mut net = Net::new(&[1, 0]);
	net.tempo = 65_534;
	let out = net.epoch(0, BILLION);
	assert_eq!(out.emission, vec![BILLION, 0]);
	net.set_weights(1, 1, &[(1, M)]);
	let out = net.epoch(1, BILLION);
	assert_eq!(out.emission, vec![BILLION, 0]);
	net.set_weights(0, 2, &[(1, M)]);
	net.replace(1, 2, 0);
	let out = net.epoch(2, BILLION);
	assert_eq!(out.emission, vec![BILLION, 0]);
	net.set_weights(0, 3, &[(1, M)]);
	let out = net.epoch(3, BILLION);
	assert_eq!(out.emission, vec![500_000_000, 500_000_000]);
}

// ---- E9 ----

#[test]
fn e9_validator_permits_threshold_then_topk() {
	for (n, k) in [(2usize, 1usize), (4, 2), (8, 4)] {
		for assignment in 0..2 {
			let validators: Vec<usize> = (0..k).collect();
			let servers: Vec<usize> = (k..n).collect();
			let mut stakes = vec![0u64; n];
			for &v in &validators {
				stakes[v] = if assignment == 0 { 1 } else { (v + n) as u64 };
			}
			for &s in &servers {
				stakes[s] = if assignment == 0 { 0 } else { s as u64 };
			}
			let mut net = Net::new(&stakes);
			net.params.max_allowed_validators = k as u16;
			net.params.stake_threshold = k as u64;
			let out = net.epoch(1, BILLION);
			for &v in &validators {
				assert_eq!(out.validator_permit[v], stakes[v] >= k as u64, "n {n} v {v}");
			}
			for &s in &servers {
				assert!(!out.validator_permit[s], "n {n} server {s}");
			}
			for &s in &servers {
				net.inputs.alpha_stake[s] += 2 * n as u64;
			}
			let out = net.epoch(2, BILLION);
			for &v in &validators {
				assert!(!out.validator_permit[v]);
			}
			for &s in &servers {
				assert_eq!(out.validator_permit[s], net.inputs.alpha_stake[s] >= k as u64);
			}
		}
	}
}

// ---- E10 ----

#[test]
fn e10_single_staker_no_weights() {
	let mut net = Net::new(&[1]);
	let out = net.epoch(1, BILLION);
	let total: u64 = out.server_emission[0] + out.validator_emission[0];
	assert!(total.abs_diff(BILLION) <= 1000);
	assert_eq!(total, BILLION);
}

// ---- E11 ----

#[test]
fn e11_owner_may_self_weight() {
	let mut net = Net::new(&[5_000 * BILLION, 0]);
	net.params.owner_uid = Some(0);
	net.inputs.validator_permit = vec![true, false];
	net.inputs.weights[0] = vec![(0, 32_767), (1, 32_767)];
	net.inputs.last_update = vec![2, 0];
	let out = net.epoch(2, BILLION);
	assert!(out.incentive[0] > 0 && out.incentive[1] > 0);
	assert_eq!(out.incentive[0], out.incentive[1]);
	// without the owner exemption the self-weight is masked
	let mut net2 = Net::new(&[5_000 * BILLION, 0]);
	net2.inputs.validator_permit = vec![true, false];
	net2.inputs.weights[0] = vec![(0, 32_767), (1, 32_767)];
	net2.inputs.last_update = vec![2, 0];
	let out = net2.epoch(2, BILLION);
	assert_eq!(out.incentive, vec![0, 65_535]);
}

// ---- E14 ----

#[test]
fn e14_last_update_longer_than_n() {
	let mut net = Net::new(&[1]);
	net.inputs.last_update = vec![0, 0, 0];
	let out = net.epoch(1, BILLION);
	assert_eq!((out.consensus[0], out.incentive[0], out.dividends[0]), (0, 0, 0));
	assert_eq!(out.consensus.len(), 1);
}

// ---- L1–L8 (epoch_logs) ----

fn logs_net(stakes: &[u64], permits: &[bool], last_update: &[u64]) -> Net {
	let mut net = Net::new(stakes);
	net.inputs.validator_permit = permits.to_vec();
	net.inputs.last_update = last_update.to_vec();
	net.params.activity_cutoff = 10;
	net.tempo = 10;
	net
}

#[test]
fn l1_simple() {
	let mut net = logs_net(&[BILLION, BILLION], &[true, true], &[1, 1]);
	let out = net.epoch(1, BILLION);
	assert_eq!(out.stake_weight, vec![32_767, 32_767]);
	assert_eq!(out.validator_permit, vec![true, true]);
	assert_eq!(out.consensus, vec![0, 0]);
	assert_eq!(out.validator_emission, vec![500_000_000, 500_000_000]);
	assert_eq!(out.emission, vec![500_000_000, 500_000_000]);
	assert_eq!(out.server_emission, vec![0, 0]);
}

#[test]
fn l2_bad_permit_vector() {
	let mut net = logs_net(&[BILLION, BILLION], &[true], &[1, 1]);
	let out = net.epoch(1, BILLION);
	assert_eq!(out.validator_emission, vec![BILLION, 0]);
}

#[test]
fn l3_inactive_mask_falls_back_to_raw_stake() {
	let mut net = logs_net(&[BILLION, BILLION], &[true, true], &[0, 0]);
	let out = net.epoch(1_000_000, BILLION);
	assert_eq!(out.active, vec![false, false]);
	assert_eq!(out.emission, vec![500_000_000, 500_000_000]);
}

#[test]
fn l4_active_stake_when_nonzero() {
	let mut net = logs_net(&[BILLION, BILLION], &[true, true], &[999, 1]);
	let out = net.epoch(1000, BILLION);
	assert_eq!(out.active, vec![true, false]);
	assert_eq!(out.emission, vec![BILLION, 0]);
	let mut net = logs_net(&[BILLION, BILLION], &[true, false], &[1, 1]);
	let out = net.epoch(1, BILLION);
	assert_eq!(out.emission, vec![BILLION, 0]);
}

#[test]
fn l5_topk_permits() {
	let mut net = logs_net(&[2 * BILLION, BILLION], &[true, true], &[1, 1]);
	net.params.max_allowed_validators = 1;
	let out = net.epoch(1, BILLION);
	assert_eq!(out.validator_permit, vec![true, false]);
	// 0.6666666665 · 65535 = 43689.99…
	assert_eq!(out.stake_weight, vec![43_689, 21_844]);
}

fn two_servers(rows: [[u16; 2]; 3]) -> Net {
	let stakes = [BILLION, BILLION, BILLION, 0, 0];
	let mut net = logs_net(&stakes, &[true, true, true, false, false], &[1; 5]);
	for (v, r) in rows.iter().enumerate() {
		net.set_weights(v, 1, &[(3, r[0]), (4, r[1])]);
	}
	net
}

#[test]
fn l6_validators_weight_two_distinct_servers() {
	let mut net = two_servers([[M, 0], [0, M], [M, 0]]);
	assert_eq!(net.inputs.weights[0], vec![(3, M), (4, 0)]);
	assert_eq!(net.inputs.weights[1], vec![(3, 0), (4, M)]);
	let out = net.epoch(1, BILLION);
	assert_eq!(out.consensus, vec![0, 0, 0, M, 0]);
	assert_eq!(out.validator_trust, vec![M, 0, M, 0, 0]);
	assert_eq!(out.dividends, vec![32_767, 0, 32_767, 0, 0]);
	assert_eq!(out.emission, vec![250_000_000, 0, 250_000_000, 500_000_000, 0]);
	assert_eq!(out.bonds[0], vec![(3, M)]);
	assert_eq!(out.bonds[1], vec![]);
	assert_eq!(out.bonds[2], vec![(3, M)]);
}

#[test]
fn l7_validator_splits_weight() {
	let mut net = two_servers([[M, 0], [0, M], [M, M]]);
	let out = net.epoch(1, BILLION);
	assert_eq!(out.consensus, vec![0, 0, 0, 32_767, 32_767]);
	assert_eq!(out.validator_trust, vec![32_767, 32_767, M, 0, 0]);
	assert_eq!(out.dividends, vec![16_383, 16_383, 32_767, 0, 0]);
	assert_eq!(out.emission, vec![125_000_000, 125_000_000, 250_000_000, 250_000_000, 250_000_000]);
}

#[test]
fn l8_independent_weight_sets() {
	// 3 validators → servers 3, 4: mechanism 0 and its flipped twin
	let mut net = two_servers([[M, 0], [0, M], [M, 0]]);
	assert_eq!(net.epoch(1, 4 * BILLION).emission, vec![BILLION, 0, BILLION, 2 * BILLION, 0]);
	let mut net = two_servers([[0, M], [M, 0], [0, M]]);
	assert_eq!(net.epoch(1, 4 * BILLION).emission, vec![BILLION, 0, BILLION, 0, 2 * BILLION]);
	// 2 validators + 2 servers
	let run = |rows: [&[(u16, u16)]; 2]| {
		let mut net = logs_net(&[BILLION, BILLION, 0, 0], &[true, true, false, false], &[1; 4]);
		for (v, r) in rows.iter().enumerate() {
			net.set_weights(v, 1, r);
		}
		net.epoch(1, 4 * BILLION).emission
	};
	assert_eq!(run([&[(2, M)], &[(2, M)]]), vec![BILLION, BILLION, 2 * BILLION, 0]);
	assert_eq!(run([&[(2, M), (3, M)], &[(2, M), (3, M)]]), vec![BILLION; 4]);
	assert_eq!(run([&[(3, M)], &[(3, M)]]), vec![BILLION, BILLION, 0, 2 * BILLION]);
}

// ---- robustness of the public API ----

#[test]
fn empty_subnet_and_garbage_are_defined() {
	let out = epoch(&EpochInputs::default(), &YumaParams::default());
	assert!(out.incentive.is_empty() && out.bonds.is_empty());
	let inputs = EpochInputs {
		n: 3,
		alpha_stake: vec![u64::MAX, u64::MAX, u64::MAX, 7],
		root_stake: vec![u64::MAX],
		validator_permit: vec![true; 9],
		last_update: vec![],
		block_at_registration: vec![u64::MAX; 3],
		weights: vec![vec![(0, M), (1, M), (9, M), (1, 3)]; 5],
		bonds: vec![vec![(2, M), (200, 1)]],
		commit_block: Some(vec![]),
	};
	let params = YumaParams {
		current_block: u64::MAX,
		activity_cutoff: u64::MAX,
		tao_weight: u64::MAX,
		bonds_moving_average: u64::MAX,
		rao_emission: u64::MAX,
		yuma3: true,
		liquid_alpha: true,
		owner_uid: Some(40),
		..YumaParams::default()
	};
	let out = epoch(&inputs, &params);
	assert_eq!(out.incentive.len(), 3);
	let paid: u128 =
		out.server_emission.iter().chain(&out.validator_emission).map(|&x| x as u128).sum();
	assert!(paid <= u64::MAX as u128);
}
