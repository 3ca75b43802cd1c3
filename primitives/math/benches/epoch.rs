//! Criterion benchmark of `yuma::epoch` with dense weights:
//! n ∈ {256, 1024, 4096} UIDs × {64, 256} validators × {classic, Yuma3 with liquid alpha}.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::time::Duration;
use subtensor_math::yuma::{epoch, EpochInputs, YumaParams};

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
	// dense weights: every validator weights every UID
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
	// one epoch first so that the benchmarked one reads a full bond matrix
	let out = epoch(&inputs, &params);
	inputs.bonds = out.bonds;
	inputs.validator_permit = out.validator_permit;
	(inputs, params)
}

fn bench_epoch(c: &mut Criterion) {
	let mut group = c.benchmark_group("epoch");
	group.sample_size(10);
	group.warm_up_time(Duration::from_millis(500));
	group.measurement_time(Duration::from_secs(3));
	for yuma3 in [false, true] {
		for n in [256usize, 1024, 4096] {
			for v in [64usize, 256] {
				let (inputs, params) = subnet(n, v, yuma3);
				let name = if yuma3 { "yuma3_liquid" } else { "classic" };
				group.bench_with_input(
					BenchmarkId::new(name, format!("n{n}_v{v}")),
					&(),
					|b, _| {
						b.iter(|| {
							epoch(std::hint::black_box(&inputs), std::hint::black_box(&params))
						})
					},
				);
			}
		}
	}
	group.finish();
}

criterion_group!(benches, bench_epoch);
criterion_main!(benches);
