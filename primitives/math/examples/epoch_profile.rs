//! A small driver for profilers (e.g. `valgrind --tool=callgrind`): builds the criterion bench's
//! dense subnet and runs `yuma::epoch` on it a given number of times.
//!
//! `cargo run --release -p subtensor-math --example epoch_profile -- <n> <validators> <classic|yuma3> [runs]`
#![allow(
	clippy::unwrap_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects,
	clippy::float_arithmetic
)]

use subtensor_math::yuma::{epoch, EpochInputs, YumaParams};

/// The same subnet as `benches/epoch.rs`: `validators` validators weighting every UID, one epoch
/// already run so that the bonds are full.
fn subnet(n: usize, validators: usize, yuma3: bool) -> (EpochInputs, YumaParams) {
	let mut seed: u64 = 0x5EED_0000_0000_0001 ^ (n as u64) ^ ((validators as u64) << 20);
	let mut rnd = move || {
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		seed
	};
	let alpha_stake: Vec<u64> = (0..n)
		.map(|i| {
			if i < validators {
				1_000_000_000 + rnd() % 1_000_000_000_000
			} else {
				rnd() % 1_000_000
			}
		})
		.collect();
	let weights: Vec<Vec<(u16, u16)>> = (0..n)
		.map(|i| {
			if i < validators {
				(0..n).map(|j| (j as u16, (rnd() % 65_536) as u16)).collect()
			} else {
				vec![]
			}
		})
		.collect();
	let mut inputs = EpochInputs {
		n: n as u16,
		alpha_stake,
		root_stake: vec![0; n],
		validator_permit: (0..n).map(|i| i < validators).collect(),
		last_update: vec![100; n],
		block_at_registration: vec![0; n],
		weights,
		bonds: vec![vec![]; n],
		commit_block: None,
	};
	let params = YumaParams {
		current_block: 200,
		activity_cutoff: 5000,
		last_tempo: 101,
		max_allowed_validators: validators as u16,
		yuma3,
		liquid_alpha: yuma3,
		rao_emission: 1_000_000_000,
		..YumaParams::default()
	};
	let out = epoch(&inputs, &params);
	inputs.bonds = out.bonds;
	inputs.validator_permit = out.validator_permit;
	(inputs, params)
}

fn main() {
	let args: Vec<String> = std::env::args().collect();
	let n: usize = args.get(1).map(|s| s.parse().unwrap()).unwrap_or(4096);
	let v: usize = args.get(2).map(|s| s.parse().unwrap()).unwrap_or(256);
	let yuma3 = args.get(3).map(|s| s == "yuma3").unwrap_or(true);
	let runs: usize = args.get(4).map(|s| s.parse().unwrap()).unwrap_or(1);
	let (inputs, params) = subnet(n, v, yuma3);
	let mut digest = 0u64;
	let mut times = Vec::with_capacity(runs);
	for _ in 0..runs {
		let t = std::time::Instant::now();
		let out = epoch(std::hint::black_box(&inputs), std::hint::black_box(&params));
		times.push(t.elapsed());
		for (i, &x) in out.incentive.iter().chain(&out.dividends).chain(&out.consensus).enumerate()
		{
			digest = digest.wrapping_mul(31).wrapping_add(u64::from(x) ^ i as u64);
		}
		for row in &out.bonds {
			for &(j, b) in row {
				digest = digest.wrapping_mul(31).wrapping_add(u64::from(j) << 16 | u64::from(b));
			}
		}
	}
	times.sort();
	let median = times.get(runs / 2).map(|d| d.as_secs_f64() * 1e3).unwrap_or(0.0);
	let min = times.first().map(|d| d.as_secs_f64() * 1e3).unwrap_or(0.0);
	println!(
		"n={n} v={v} yuma3={yuma3} runs={runs} digest={digest:016x} median={median:.1}ms min={min:.1}ms"
	);
}
