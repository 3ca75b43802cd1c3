//! The Yuma Consensus epoch over one subnet (yuma.md §4, sparse pipeline), bit-exact with the
//! spec's fixed-point rules.
//!
//! [`epoch`] is pure and total: numbers in, the values to store out. The pallet reads storage into
//! [`EpochInputs`] and [`YumaParams`], calls [`epoch`], and writes [`EpochOutputs`] back.
//!
//! Lengths: `n` is authoritative. Every per-UID vector that is shorter than `n` is padded with its
//! default (0, `false`, empty row) and longer ones are truncated, as the reference does when it
//! reads storage (yuma.md §2; cases L2, E14). Weight and bond entries whose column is `≥ n` are
//! ignored. Nothing here panics or allocates more than `O(n·v + entries)`.

use crate::fixed::{
	exp_safe, is_topk_nonzero, mul, normalize, normalize64, safe_div, safe_div64, sum, to_u16,
	u16_proportion, u16_to_fixed, vec_max_upscale_to_u16, vecdiv, HALF, ONE, ZERO,
};
use crate::sparse::{self, SparseMatrix};
use alloc::{vec, vec::Vec};
use substrate_fixed::types::{I32F32, I64F64, I96F32, U96F32};

/// Per-UID inputs of one epoch, indexed by UID (`0..n`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EpochInputs {
	/// Number of UIDs in the subnet (`SubnetworkN`).
	pub n: u16,
	/// Alpha stake of each UID's hotkey on this subnet, in rao (after childkey inheritance).
	pub alpha_stake: Vec<u64>,
	/// Root-subnet TAO stake of each UID's hotkey, in rao (after childkey inheritance).
	pub root_stake: Vec<u64>,
	/// Validator permits as stored by the **previous** epoch.
	pub validator_permit: Vec<bool>,
	/// Block of each UID's last accepted weight update (registration block after (re)registration).
	pub last_update: Vec<u64>,
	/// Block at which each UID was registered.
	pub block_at_registration: Vec<u64>,
	/// Stored weight rows: `(target uid, max-upscaled u16)`, storage order, explicit zeros kept.
	pub weights: Vec<Vec<(u16, u16)>>,
	/// Stored bond rows: `(target uid, u16)`; classic: column-max-upscaled, Yuma3: `⌊b·65535⌋`.
	pub bonds: Vec<Vec<(u16, u16)>>,
	/// Commit-reveal column mask (yuma.md §4.4): per UID the block of its earliest non-expired
	/// weight commit (`u64::MAX` if none). `None` when commit-reveal is disabled.
	pub commit_block: Option<Vec<u64>>,
}

/// Subnet parameters of one epoch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YumaParams {
	/// Block at which the epoch runs.
	pub current_block: u64,
	/// Activity cutoff in blocks: a UID is inactive if `last_update + cutoff < current_block`.
	pub activity_cutoff: u64,
	/// Bond-mask block: bonds to UIDs registered at or after it are dropped. Use [`last_tempo`].
	pub last_tempo: u64,
	/// `TaoWeight` as a u64 proportion (`/u64::MAX`) applied to root stake.
	pub tao_weight: u64,
	/// Minimum total stake (rao) to count; the owner UID is exempt.
	pub stake_threshold: u64,
	/// `MaxAllowedValidators` (k of the top-k permit rule).
	pub max_allowed_validators: u16,
	/// UID of the subnet owner's hotkey, if registered: may self-weight, always holds a permit.
	pub owner_uid: Option<u16>,
	/// `Kappa` as a u16 proportion (default 32 767).
	pub kappa: u16,
	/// `BondsPenalty` as a u16 proportion (default 65 535, i.e. β = 1).
	pub bonds_penalty: u16,
	/// `BondsMovingAverage` in millionths (default 900 000, i.e. α = 0.1); values above
	/// 1 000 000 are treated as 1 000 000 (α = 0).
	pub bonds_moving_average: u64,
	/// Yuma3 bonds and dividends (yuma.md §4.10) instead of classic (§4.9).
	pub yuma3: bool,
	/// Liquid alpha (per-cell EMA coefficient); only has an effect with `yuma3`.
	pub liquid_alpha: bool,
	/// Liquid alpha lower bound as a u16 proportion (default 45 875).
	pub alpha_low: u16,
	/// Liquid alpha upper bound as a u16 proportion (default 58 982).
	pub alpha_high: u16,
	/// `AlphaSigmoidSteepness` (default 1000).
	pub alpha_sigmoid_steepness: i16,
	/// Alpha (rao) distributed by this epoch.
	pub rao_emission: u64,
}

impl Default for YumaParams {
	/// The reference's defaults (yuma.md §9) with `current_block = 0` and no emission.
	fn default() -> Self {
		YumaParams {
			current_block: 0,
			activity_cutoff: 5000,
			last_tempo: 0,
			tao_weight: 0,
			stake_threshold: 0,
			max_allowed_validators: 64,
			owner_uid: None,
			kappa: 32_767,
			bonds_penalty: 65_535,
			bonds_moving_average: 900_000,
			yuma3: false,
			liquid_alpha: false,
			alpha_low: 45_875,
			alpha_high: 58_982,
			alpha_sigmoid_steepness: 1000,
			rao_emission: 0,
		}
	}
}

/// Everything the epoch stores, indexed by UID; vectors have length `n`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EpochOutputs {
	/// `to_u16(S)`: normalised stake (`StakeWeight`).
	pub stake_weight: Vec<u16>,
	/// Set weights within the activity cutoff.
	pub active: Vec<bool>,
	/// New validator permits (top-k non-zero stake, owner forced), used from the next epoch.
	pub validator_permit: Vec<bool>,
	/// Legacy `Rank = to_u16(I)`.
	pub rank: Vec<u16>,
	/// Legacy server trust `to_u16(R/P)` (clipped over unclipped pre-rank; 0 where P = 0).
	pub trust: Vec<u16>,
	/// `to_u16(C)`: stake-weighted median per UID.
	pub consensus: Vec<u16>,
	/// `to_u16(I)`.
	pub incentive: Vec<u16>,
	/// `to_u16(D)`.
	pub dividends: Vec<u16>,
	/// `to_u16(VT)`: row sums of clipped weights.
	pub validator_trust: Vec<u16>,
	/// Legacy pruning scores: max-upscaled combined emission share (yuma.md §4.11).
	pub pruning_scores: Vec<u16>,
	/// Bond rows to store (empty for UIDs without a new permit).
	pub bonds: Vec<Vec<(u16, u16)>>,
	/// Server (miner) part of the emission, rao, floored.
	pub server_emission: Vec<u64>,
	/// Validator part of the emission, rao, floored.
	pub validator_emission: Vec<u64>,
	/// `⌊comb_i · rao_emission⌋` (`Emission` storage; bookkeeping and pruning).
	pub emission: Vec<u64>,
}

/// The block that masks bonds (`last_tempo`, yuma.md §2): `current_block − tempo` (saturating)
/// when `last_mechanism_step_block` is 0, else `last_mechanism_step_block + 1` (saturating).
pub fn last_tempo(current_block: u64, tempo: u16, last_mechanism_step_block: u64) -> u64 {
	if last_mechanism_step_block == 0 {
		current_block.saturating_sub(u64::from(tempo))
	} else {
		last_mechanism_step_block.saturating_add(1)
	}
}

/// HEAD's derived activity cutoff: `max(1, ⌊factor_milli · tempo / 1000⌋)` blocks.
pub fn activity_cutoff_from_factor(factor_milli: u32, tempo: u16) -> u64 {
	// u32 · u16 < 2^48: cannot overflow u64
	let blocks = u64::from(factor_milli).saturating_mul(u64::from(tempo)) / 1000;
	blocks.max(1)
}

/// `tao_weight / u64::MAX` as the reference computes it: U96F32 division (32 fractional bits,
/// truncated), widened to I64F64.
pub fn tao_weight_fixed(tao_weight: u64) -> I64F64 {
	let w = U96F32::saturating_from_num(tao_weight)
		.checked_div(U96F32::saturating_from_num(u64::MAX))
		.unwrap_or(U96F32::from_bits(0));
	I64F64::saturating_from_num(w)
}

/// The classic EMA coefficient `α = 1 − I32F32(bma / 1e6 in I64F64)` (M3); `bma` is clamped to
/// `[0, 1 000 000]` so that `α ∈ [0, 1]`.
pub fn bonds_ema_alpha(bonds_moving_average: u64) -> I32F32 {
	let bma = bonds_moving_average.min(1_000_000);
	let ratio =
		safe_div64(I64F64::saturating_from_num(bma), I64F64::saturating_from_num(1_000_000u32));
	ONE.saturating_sub(I32F32::saturating_from_num(ratio))
}

/// Liquid-alpha coefficient of one cell (yuma.md §4.10).
///
/// `d = clamp(w − c, 0, 1)` if `w ≥ b` else `clamp(b − w, 0, 1)`;
/// `x = (steepness / −100) · (d − ½)`; `s = 1 / (1 + exp_safe(x))`;
/// `α = clamp(low + s·(high − low), low, high)`. Products floored, divisions truncated.
pub fn liquid_alpha(
	consensus: I32F32,
	weight: I32F32,
	bond: I32F32,
	low: I32F32,
	high: I32F32,
	steepness: i16,
) -> I32F32 {
	LiquidAlpha::new(low, high, steepness).alpha(consensus, weight, bond)
}

/// [`liquid_alpha`] with its per-subnet constants (`steepness / −100`, `high − low`) computed
/// once; [`LiquidAlpha::alpha`] gives the same bits as [`liquid_alpha`].
#[derive(Clone, Copy, Debug)]
pub struct LiquidAlpha {
	low: I32F32,
	high: I32F32,
	k: I32F32,
	span: I32F32,
	/// The coefficient at `d = 0` and at `d = 1`, where the clamp sends many cells.
	at_zero: I32F32,
	at_one: I32F32,
}

impl LiquidAlpha {
	/// Precompute the constants of one subnet's liquid alpha.
	pub fn new(low: I32F32, high: I32F32, steepness: i16) -> Self {
		// divisor is the non-zero constant −100: saturating_div cannot panic
		let k = I32F32::saturating_from_num(steepness)
			.saturating_div(I32F32::from_bits(-429_496_729_600));
		let mut la = LiquidAlpha {
			low,
			high,
			k,
			span: high.saturating_sub(low),
			at_zero: ZERO,
			at_one: ZERO,
		};
		la.at_zero = la.of_distance(ZERO);
		la.at_one = la.of_distance(ONE);
		la
	}

	/// The coefficient of one cell with consensus `c`, weight `w` and old bond `b`.
	pub fn alpha(&self, consensus: I32F32, weight: I32F32, bond: I32F32) -> I32F32 {
		let clamp01 = |x: I32F32| x.max(ZERO).min(ONE);
		let d = if weight >= bond {
			clamp01(weight.saturating_sub(consensus))
		} else {
			clamp01(bond.saturating_sub(weight))
		};
		if d == ZERO {
			self.at_zero
		} else if d == ONE {
			self.at_one
		} else {
			self.of_distance(d)
		}
	}

	/// `clamp(low + s·(high − low), low, high)` with `s = 1 / (1 + exp_safe(k·(d − ½)))`.
	fn of_distance(&self, d: I32F32) -> I32F32 {
		let x = mul(self.k, d.saturating_sub(HALF));
		let s = safe_div(ONE, ONE.saturating_add(exp_safe(x)));
		let a = self.low.saturating_add(mul(s, self.span));
		a.max(self.low).min(self.high)
	}
}

/// Halve every element until their sum fits I64F64 (never triggers for real stakes: the TAO
/// supply is < 2⁶³ rao). Keeps the normalised stake a proportion (Σ ≤ 1) for any input.
fn scale_to_fit(v: &mut [I64F64]) {
	for _ in 0..128 {
		let fits = v.iter().try_fold(I64F64::from_bits(0), |acc, &x| acc.checked_add(x)).is_some();
		if fits {
			return;
		}
		for x in v.iter_mut() {
			*x = I64F64::from_bits(x.to_bits() >> 1);
		}
	}
}

fn pad<T: Clone>(v: &[T], n: usize, default: T) -> Vec<T> {
	(0..n).map(|i| v.get(i).cloned().unwrap_or_else(|| default.clone())).collect()
}

/// Rows `0..n` of a stored matrix, each entry `(j, v)` with `j < n` and `keep(i, j)` converted
/// with `conv`, in storage order (one pass instead of reading, then masking row by row); `finish`
/// then sees each row while it is still in cache.
fn read_rows(
	rows: &[Vec<(u16, u16)>],
	n: usize,
	conv: impl Fn(u16) -> I32F32,
	keep: impl Fn(usize, usize) -> bool,
	mut finish: impl FnMut(&mut [(u16, I32F32)]),
) -> SparseMatrix {
	(0..n)
		.map(|i| {
			let r = rows.get(i).map(Vec::as_slice).unwrap_or(&[]);
			let mut out = Vec::with_capacity(r.len());
			for &(j, v) in r {
				let ju = usize::from(j);
				if ju < n && keep(i, ju) {
					out.push((j, conv(v)));
				}
			}
			finish(&mut out);
			out
		})
		.collect()
}

fn emission_rao(share: I32F32, rao: u64) -> u64 {
	// I96F32 holds any u64 and any I32F32 exactly; the product of a share ≤ ~1 and a u64 fits.
	I96F32::saturating_from_num(share)
		.saturating_mul(I96F32::saturating_from_num(rao))
		.saturating_to_num::<u64>()
}

/// Run one Yuma epoch (yuma.md §4.1–§4.12). Pure and total.
///
/// Complexity: `O(n·v + m)` time and memory for `n` UIDs, `v` validators with positive active
/// stake and `m` weight/bond entries (the liquid-alpha coefficients are computed only for the
/// cells that are used, which gives the same bits as the reference's dense `n × n` table).
pub fn epoch(inputs: &EpochInputs, params: &YumaParams) -> EpochOutputs {
	let n = usize::from(inputs.n);
	let current_block = params.current_block;
	let owner = params.owner_uid.map(usize::from).filter(|&o| o < n);

	let last_update = pad(&inputs.last_update, n, 0u64);
	let registered = pad(&inputs.block_at_registration, n, 0u64);
	let alpha = pad(&inputs.alpha_stake, n, 0u64);
	let root = pad(&inputs.root_stake, n, 0u64);

	// §4.1 activity
	let active: Vec<bool> = last_update
		.iter()
		.map(|&lu| lu.saturating_add(params.activity_cutoff) >= current_block)
		.collect();

	// §4.2 stake
	let tw = tao_weight_fixed(params.tao_weight);
	let mut total: Vec<I64F64> = alpha
		.iter()
		.zip(&root)
		.enumerate()
		.map(|(i, (&a, &r))| {
			let t = I64F64::saturating_from_num(a)
				.saturating_add(I64F64::saturating_from_num(r).saturating_mul(tw));
			if Some(i) != owner && t.saturating_to_num::<u64>() < params.stake_threshold {
				I64F64::from_bits(0)
			} else {
				t
			}
		})
		.collect();
	scale_to_fit(&mut total);
	normalize64(&mut total);
	let stake: Vec<I32F32> = total.iter().map(|&x| I32F32::saturating_from_num(x)).collect();

	// §4.3 permits and active stake
	let mut permit_old = pad(&inputs.validator_permit, n, false);
	let mut permit_new = is_topk_nonzero(&stake, usize::from(params.max_allowed_validators));
	if let Some(o) = owner {
		if let Some(p) = permit_old.get_mut(o) {
			*p = true;
		}
		if let Some(p) = permit_new.get_mut(o) {
			*p = true;
		}
	}
	let forbid: Vec<bool> = permit_old.iter().map(|&p| !p).collect();
	let mut active_stake: Vec<I32F32> = stake
		.iter()
		.zip(active.iter().zip(&permit_old))
		.map(|(&s, (&act, &perm))| if act && perm { s } else { ZERO })
		.collect();
	normalize(&mut active_stake);

	// §4.4 weights
	// In one pass, in this order of the spec: rows without a permit emptied, the diagonal
	// removed (except the owner's), weights set at or before the target's registration removed,
	// and, with commit-reveal, weights committed before the target's registration.
	let cb = inputs.commit_block.as_ref().map(|c| pad(c, n, u64::MAX));
	let at = |v: &[u64], k: usize, default: u64| v.get(k).copied().unwrap_or(default);
	let weights = read_rows(
		&inputs.weights,
		n,
		u16_to_fixed,
		|i, j| {
			let reg_j = at(&registered, j, 0);
			!forbid.get(i).copied().unwrap_or(true)
				&& (i != j || Some(i) == owner)
				&& at(&last_update, i, 0) > reg_j
				&& cb.as_ref().is_none_or(|c| at(c, i, 0) >= reg_j)
		},
		sparse::row_normalize_one,
	);

	// §4.5 consensus
	let kappa = u16_proportion(params.kappa);
	let consensus = sparse::weighted_median_col(&active_stake, &weights, n, kappa);

	// §4.6 clipping and validator trust
	// (with §4.7's two products, in the same pass over the weights)
	let (clipped, validator_trust, pre_rank, mut incentive) =
		sparse::col_clip_sums(&weights, &consensus, &active_stake, n);

	// §4.7 rank, legacy trust, incentive
	let trust = vecdiv(&incentive, &pre_rank);
	// with β = 1 the bond weights are the clipped weights, and these products are the column
	// sums of Δ = W ∘ S that classic bonds need
	let clipped_products = incentive.clone();
	normalize(&mut incentive);

	// §4.8 weights for bonds
	let beta = u16_proportion(params.bonds_penalty);
	// β = 0 and β = 1 give the matrices themselves; neither is used after this point
	let bond_weights = if beta == ZERO {
		weights
	} else if beta == ONE {
		clipped
	} else {
		sparse::interpolate(&weights, &clipped, beta, n)
	};

	// §4.9 / §4.10 bonds and dividends
	let alpha_ema = bonds_ema_alpha(params.bonds_moving_average);
	// bonds to UIDs registered at or after `last_tempo` are dropped
	let bond_kept =
		|_: usize, j: usize| params.last_tempo > registered.get(j).copied().unwrap_or(0);
	let (mut dividends, stored_bonds) = if params.yuma3 {
		let old = read_rows(&inputs.bonds, n, u16_proportion, bond_kept, |_| ());
		let ema = if params.liquid_alpha && consensus.iter().any(|&c| c != ZERO) {
			let la = LiquidAlpha::new(
				u16_proportion(params.alpha_low),
				u16_proportion(params.alpha_high),
				params.alpha_sigmoid_steepness,
			);
			sparse::mat_ema_alpha(&bond_weights, &old, n, |_, j, w, b| {
				let c = consensus.get(usize::from(j)).copied().unwrap_or(ZERO);
				la.alpha(c, w, b)
			})
		} else {
			sparse::mat_ema(&bond_weights, &old, alpha_ema, n)
		};
		let t = sparse::col_normalized_matmul_transpose(&ema, n, &incentive);
		let d: Vec<I32F32> = t
			.iter()
			.zip(&active_stake)
			.map(|(&ti, &ai)| ti.checked_mul(ai).unwrap_or(ZERO))
			.collect();
		let stored: Vec<Vec<(u16, u16)>> =
			ema.iter().map(|row| row.iter().map(|&(j, v)| (j, to_u16(v))).collect()).collect();
		(d, stored)
	} else {
		let mut old_sums = vec![ZERO; n];
		let old = read_rows(&inputs.bonds, n, u16_to_fixed, bond_kept, |row| {
			sparse::add_to_col_sums(row, &mut old_sums)
		});
		// Δ = colnorm(W ∘ S), old = colnorm(B), ema = α·Δ + (1−α)·old, in one pass
		let (mut ema, ema_sums, ema_maxes) = sparse::mat_ema_of_normalized(
			&bond_weights,
			&active_stake,
			&old,
			old_sums,
			(beta == ONE).then_some(clipped_products),
			alpha_ema,
			n,
		);
		// normalise, dividends' products, max-upscale and u16: one pass (EMA entries are > 0)
		match sparse::col_normalized_dot_u16(&ema, &ema_sums, &ema_maxes, &incentive) {
			Some(done) => done,
			None => {
				let (d, maxes) =
					sparse::col_normalize_matmul_transpose_max(&mut ema, ema_sums, &incentive);
				(d, sparse::col_upscaled_to_u16(&ema, &maxes))
			},
		}
	};
	normalize(&mut dividends);
	let bonds: Vec<Vec<(u16, u16)>> = stored_bonds
		.into_iter()
		.zip(&permit_new)
		.map(|(row, &p)| if p { row } else { Vec::new() })
		.collect();

	// §4.11 emission shares and fallback
	let combined: Vec<I32F32> =
		incentive.iter().zip(&dividends).map(|(&i, &d)| i.saturating_add(d)).collect();
	let total_combined = sum(&combined);
	let (server_share, validator_share, combined_share) = if total_combined != ZERO {
		let srv: Vec<I32F32> = incentive.iter().map(|&x| safe_div(x, total_combined)).collect();
		let val: Vec<I32F32> = dividends.iter().map(|&x| safe_div(x, total_combined)).collect();
		let mut comb = combined;
		normalize(&mut comb);
		(srv, val, comb)
	} else if sum(&active_stake) == ZERO {
		(vec![ZERO; n], stake.clone(), stake.clone())
	} else {
		(vec![ZERO; n], active_stake.clone(), active_stake.clone())
	};
	let rao = params.rao_emission;

	EpochOutputs {
		stake_weight: stake.iter().map(|&x| to_u16(x)).collect(),
		active,
		validator_permit: permit_new,
		rank: incentive.iter().map(|&x| to_u16(x)).collect(),
		trust: trust.iter().map(|&x| to_u16(x)).collect(),
		consensus: consensus.iter().map(|&x| to_u16(x)).collect(),
		incentive: incentive.iter().map(|&x| to_u16(x)).collect(),
		dividends: dividends.iter().map(|&x| to_u16(x)).collect(),
		validator_trust: validator_trust.iter().map(|&x| to_u16(x)).collect(),
		pruning_scores: vec_max_upscale_to_u16(&combined_share),
		bonds,
		server_emission: server_share.iter().map(|&s| emission_rao(s, rao)).collect(),
		validator_emission: validator_share.iter().map(|&s| emission_rao(s, rao)).collect(),
		emission: combined_share.iter().map(|&s| emission_rao(s, rao)).collect(),
	}
}
