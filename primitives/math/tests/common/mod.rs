//! Shared test helpers: a tiny chain-state model around `yuma::epoch`, and a dense reference
//! model of the epoch used to cross-check the sparse implementation.
#![allow(
	dead_code,
	clippy::unwrap_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects,
	clippy::needless_range_loop,
	clippy::float_arithmetic
)]

use subtensor_math::fixed::{
	exp_safe, is_topk_nonzero, normalize, normalize64, to_u16, u16_proportion,
	vec_max_upscale_to_u16, weighted_median, ONE, ZERO,
};
use subtensor_math::substrate_fixed::types::{I32F32, I64F64, I96F32};
use subtensor_math::yuma::{
	bonds_ema_alpha, epoch, last_tempo, liquid_alpha, tao_weight_fixed, EpochInputs, EpochOutputs,
	YumaParams,
};

/// Subnet state as the chain would keep it between epochs.
#[derive(Clone, Debug)]
pub struct Net {
	pub inputs: EpochInputs,
	pub params: YumaParams,
	pub tempo: u16,
}

impl Net {
	/// `n` UIDs registered at block 0 with the given alpha stakes; mock defaults.
	pub fn new(stakes: &[u64]) -> Self {
		let n = stakes.len();
		Net {
			inputs: EpochInputs {
				n: n as u16,
				alpha_stake: stakes.to_vec(),
				root_stake: vec![0; n],
				validator_permit: vec![false; n],
				last_update: vec![0; n],
				block_at_registration: vec![0; n],
				weights: vec![vec![]; n],
				bonds: vec![vec![]; n],
				commit_block: None,
			},
			params: YumaParams { max_allowed_validators: 64, ..YumaParams::default() },
			tempo: 1,
		}
	}

	/// `set_weights` at `block`: stores the max-upscaled row and sets LastUpdate.
	pub fn set_weights(&mut self, uid: usize, block: u64, row: &[(u16, u16)]) {
		let vals: Vec<u16> = row.iter().map(|&(_, w)| w).collect();
		let up = subtensor_math::fixed::u16_max_upscale(&vals);
		self.inputs.weights[uid] = row.iter().map(|&(j, _)| j).zip(up).collect();
		self.inputs.last_update[uid] = block;
	}

	/// `replace_neuron` at `block` (yuma.md §5).
	pub fn replace(&mut self, uid: usize, block: u64, stake: u64) {
		self.inputs.bonds[uid].clear();
		self.inputs.weights[uid].clear();
		for row in self.inputs.weights.iter_mut() {
			for e in row.iter_mut() {
				if usize::from(e.0) == uid {
					e.1 = 0;
				}
			}
		}
		self.inputs.validator_permit[uid] = false;
		self.inputs.last_update[uid] = block;
		self.inputs.block_at_registration[uid] = block;
		self.inputs.alpha_stake[uid] = stake;
	}

	/// Run an epoch at `block` distributing `emission`, and carry permits and bonds.
	pub fn epoch(&mut self, block: u64, emission: u64) -> EpochOutputs {
		self.params.current_block = block;
		self.params.last_tempo = last_tempo(block, self.tempo, 0);
		self.params.rao_emission = emission;
		let out = epoch(&self.inputs, &self.params);
		self.inputs.validator_permit = out.validator_permit.clone();
		self.inputs.bonds = out.bonds.clone();
		out
	}
}

/// Dense n×n reference epoch: the same mathematics as yuma.md §4 with every matrix dense and
/// explicit zeros everywhere (yuma.md §6). Agrees with the sparse epoch bit for bit when there is
/// no owner UID, no commit-reveal mask and liquid alpha is off (the dense variant decays every
/// cell there, the sparse one deletes bonds to unlisted UIDs).
pub fn dense_epoch(inp: &EpochInputs, p: &YumaParams) -> EpochOutputs {
	let n = inp.n as usize;
	let get = |v: &Vec<u64>, i: usize| v.get(i).copied().unwrap_or(0);
	let last_update: Vec<u64> = (0..n).map(|i| get(&inp.last_update, i)).collect();
	let reg: Vec<u64> = (0..n).map(|i| get(&inp.block_at_registration, i)).collect();
	let active: Vec<bool> = last_update
		.iter()
		.map(|&lu| lu.saturating_add(p.activity_cutoff) >= p.current_block)
		.collect();
	let tw = tao_weight_fixed(p.tao_weight);
	let mut total: Vec<I64F64> = (0..n)
		.map(|i| {
			let t = I64F64::saturating_from_num(get(&inp.alpha_stake, i)).saturating_add(
				I64F64::saturating_from_num(get(&inp.root_stake, i)).saturating_mul(tw),
			);
			if t.saturating_to_num::<u64>() < p.stake_threshold {
				I64F64::from_num(0)
			} else {
				t
			}
		})
		.collect();
	// same overflow guard as the sparse epoch (halve until the sum fits)
	while total.iter().try_fold(I64F64::from_num(0), |a, &x| a.checked_add(x)).is_none() {
		for x in total.iter_mut() {
			*x = I64F64::from_bits(x.to_bits() >> 1);
		}
	}
	normalize64(&mut total);
	let stake: Vec<I32F32> = total.iter().map(|&x| I32F32::saturating_from_num(x)).collect();
	let permit_old: Vec<bool> =
		(0..n).map(|i| inp.validator_permit.get(i).copied().unwrap_or(false)).collect();
	let permit_new = is_topk_nonzero(&stake, p.max_allowed_validators as usize);
	let mut a: Vec<I32F32> =
		(0..n).map(|i| if active[i] && permit_old[i] { stake[i] } else { ZERO }).collect();
	normalize(&mut a);

	let dense = |rows: &Vec<Vec<(u16, u16)>>, f: &dyn Fn(u16) -> I32F32| -> Vec<Vec<I32F32>> {
		let mut m = vec![vec![ZERO; n]; n];
		for i in 0..n {
			if let Some(r) = rows.get(i) {
				for &(j, v) in r {
					if (j as usize) < n {
						m[i][j as usize] = f(v);
					}
				}
			}
		}
		m
	};
	let mut w = dense(&inp.weights, &|v| I32F32::from_num(v));
	for i in 0..n {
		for j in 0..n {
			if !permit_old[i] || i == j || last_update[i] <= reg[j] {
				w[i][j] = ZERO;
			}
		}
		let s: I32F32 = w[i].iter().copied().sum();
		if s > ZERO {
			for j in 0..n {
				w[i][j] /= s;
			}
		}
	}
	// consensus
	let kept: Vec<usize> = (0..n).filter(|&i| a[i] > ZERO).collect();
	let mut u: Vec<I32F32> = kept.iter().map(|&i| a[i]).collect();
	normalize(&mut u);
	let t: I32F32 = u.iter().copied().sum();
	let kappa = u16_proportion(p.kappa);
	let minority = t.saturating_sub(kappa);
	let idx: Vec<usize> = (0..kept.len()).collect();
	let c: Vec<I32F32> = (0..n)
		.map(|j| {
			let col: Vec<I32F32> = kept.iter().map(|&i| w[i][j]).collect();
			weighted_median(&u, &col, &idx, minority, ZERO, t)
		})
		.collect();
	let clipped: Vec<Vec<I32F32>> =
		w.iter().map(|row| row.iter().zip(&c).map(|(&x, &cj)| x.min(cj)).collect()).collect();
	let vt: Vec<I32F32> = clipped.iter().map(|r| r.iter().copied().sum()).collect();
	let mut r = vec![ZERO; n];
	let mut pre = vec![ZERO; n];
	for i in 0..n {
		for j in 0..n {
			r[j] += a[i] * clipped[i][j];
			pre[j] += a[i] * w[i][j];
		}
	}
	let trust: Vec<I32F32> =
		r.iter().zip(&pre).map(|(&x, &y)| if y == ZERO { ZERO } else { x / y }).collect();
	let mut inc = r.clone();
	normalize(&mut inc);
	let beta = u16_proportion(p.bonds_penalty);
	let wb: Vec<Vec<I32F32>> = if beta == ZERO {
		w.clone()
	} else if beta == ONE {
		clipped.clone()
	} else {
		(0..n)
			.map(|i| (0..n).map(|j| w[i][j] + beta * (clipped[i][j] - w[i][j])).collect())
			.collect()
	};
	let col_norm = |m: &mut Vec<Vec<I32F32>>| {
		for j in 0..n {
			let s: I32F32 = (0..n).map(|i| m[i][j]).sum();
			if s != ZERO {
				for i in 0..n {
					m[i][j] /= s;
				}
			}
		}
	};
	let alpha = bonds_ema_alpha(p.bonds_moving_average);
	let mut old = if p.yuma3 {
		dense(&inp.bonds, &|v| u16_proportion(v))
	} else {
		dense(&inp.bonds, &|v| I32F32::from_num(v))
	};
	for i in 0..n {
		for j in 0..n {
			if p.last_tempo <= reg[j] {
				old[i][j] = ZERO;
			}
		}
	}
	let ema_dense = |new: &Vec<Vec<I32F32>>, old: &Vec<Vec<I32F32>>| -> Vec<Vec<I32F32>> {
		(0..n)
			.map(|i| (0..n).map(|j| alpha * new[i][j] + (ONE - alpha) * old[i][j]).collect())
			.collect()
	};
	let (mut d, stored): (Vec<I32F32>, Vec<Vec<u16>>) = if p.yuma3 {
		let ema: Vec<Vec<I32F32>> = if p.liquid_alpha && c.iter().any(|&x| x != ZERO) {
			let low = u16_proportion(p.alpha_low);
			let high = u16_proportion(p.alpha_high);
			(0..n)
				.map(|i| {
					(0..n)
						.map(|j| {
							let al = liquid_alpha(
								c[j],
								wb[i][j],
								old[i][j],
								low,
								high,
								p.alpha_sigmoid_steepness,
							);
							((ONE - al) * old[i][j] + (al * wb[i][j]).max(ZERO)).min(ONE)
						})
						.collect()
				})
				.collect()
		} else {
			ema_dense(&wb, &old)
		};
		let mut en = ema.clone();
		col_norm(&mut en);
		let d = (0..n)
			.map(|i| {
				let t: I32F32 = (0..n).map(|j| en[i][j] * inc[j]).sum();
				t.checked_mul(a[i]).unwrap_or(ZERO)
			})
			.collect();
		(d, ema.iter().map(|r| r.iter().map(|&x| to_u16(x)).collect()).collect())
	} else {
		col_norm(&mut old);
		let mut delta: Vec<Vec<I32F32>> =
			(0..n).map(|i| (0..n).map(|j| wb[i][j] * a[i]).collect()).collect();
		col_norm(&mut delta);
		let mut ema = ema_dense(&delta, &old);
		col_norm(&mut ema);
		let d = (0..n).map(|i| (0..n).map(|j| ema[i][j] * inc[j]).sum()).collect();
		for j in 0..n {
			let mx = (0..n).map(|i| ema[i][j]).max().unwrap_or(ZERO);
			if mx != ZERO {
				for i in 0..n {
					ema[i][j] /= mx;
				}
			}
		}
		(d, ema.iter().map(|r| r.iter().map(|&x| to_u16(x)).collect()).collect())
	};
	normalize(&mut d);
	let comb: Vec<I32F32> = inc.iter().zip(&d).map(|(&x, &y)| x + y).collect();
	let s: I32F32 = comb.iter().copied().sum();
	let (srv, val, cmb) = if s != ZERO {
		let mut cn = comb.clone();
		normalize(&mut cn);
		(inc.iter().map(|&x| x / s).collect(), d.iter().map(|&x| x / s).collect(), cn)
	} else if a.iter().copied().sum::<I32F32>() == ZERO {
		(vec![ZERO; n], stake.clone(), stake.clone())
	} else {
		(vec![ZERO; n], a.clone(), a.clone())
	};
	let rao = |x: I32F32| {
		(I96F32::from_num(x) * I96F32::from_num(p.rao_emission)).saturating_to_num::<u64>()
	};
	let u = |v: &Vec<I32F32>| v.iter().map(|&x| to_u16(x)).collect::<Vec<u16>>();
	let bonds = stored
		.into_iter()
		.zip(&permit_new)
		.map(|(row, &pn)| {
			if pn {
				row.into_iter()
					.enumerate()
					.filter(|&(_, v)| v > 0)
					.map(|(j, v)| (j as u16, v))
					.collect()
			} else {
				vec![]
			}
		})
		.collect();
	EpochOutputs {
		stake_weight: u(&stake),
		active,
		validator_permit: permit_new,
		rank: u(&inc),
		trust: u(&trust),
		consensus: u(&c),
		incentive: u(&inc),
		dividends: u(&d),
		validator_trust: u(&vt),
		pruning_scores: vec_max_upscale_to_u16(&cmb),
		bonds,
		server_emission: srv.iter().map(|&x| rao(x)).collect(),
		validator_emission: val.iter().map(|&x| rao(x)).collect(),
		emission: cmb.iter().map(|&x| rao(x)).collect(),
	}
}

/// Bonds with zero-valued entries removed (sparse keeps tiny entries that store as 0).
pub fn nonzero_bonds(b: &[Vec<(u16, u16)>]) -> Vec<Vec<(u16, u16)>> {
	b.iter()
		.map(|r| {
			let mut r: Vec<(u16, u16)> = r.iter().copied().filter(|&(_, v)| v > 0).collect();
			r.sort();
			r
		})
		.collect()
}

/// `exp_safe` is re-exported for tests that check liquid alpha numerically.
pub fn exp_safe_f(x: f64) -> f64 {
	exp_safe(I32F32::from_num(x)).to_num::<f64>()
}
