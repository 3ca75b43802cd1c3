//! Emission: halving, Taoflow shares and the per-subnet split (economics.md §4; profile B).

use crate::pool::Reserves;
use crate::MathError;
use alloc::{vec, vec::Vec};
use substrate_fixed::types::{I64F64, U64F64, U96F32};

/// `TotalSupply`: 21M TAO in rao.
pub const TOTAL_SUPPLY: u64 = 21_000_000_000_000_000;
/// `DefaultBlockEmission`: 1 TAO per block before any halving.
pub const DEFAULT_BLOCK_EMISSION: u64 = 1_000_000_000;

/// Block emission for an issuance `I` (rao), with halving (economics.md §4.1).
///
/// `k = ⌊log2(S / (S − I))⌋` with `S = 21e15`, i.e. the largest `k` with `(S − I)·2^k ≤ S`,
/// computed exactly in integers; emission `= ⌊10⁹ / 2^k⌋`; 0 for `I ≥ S`. So the emission halves
/// exactly when issuance reaches `S·(1 − 2^−k)` and is non-increasing in `I`. The same function
/// gives a subnet's alpha emission from its alpha issuance (`SubnetAlphaIn + SubnetAlphaOut`).
pub fn block_emission(issuance: u64) -> u64 {
	if issuance >= TOTAL_SUPPLY {
		return 0;
	}
	let remaining = u128::from(TOTAL_SUPPLY.saturating_sub(issuance)); // ≥ 1
	let supply = u128::from(TOTAL_SUPPLY);
	let mut k: u32 = 0;
	// (remaining << (k+1)) ≤ supply < 2^55, and k ≤ 55 here: no overflow of u128
	while k < 64 && remaining.checked_shl(k.saturating_add(1)).is_some_and(|x| x <= supply) {
		k = k.saturating_add(1);
	}
	DEFAULT_BLOCK_EMISSION.checked_shr(k).unwrap_or(0)
}

/// Alpha emission of a subnet per block: [`block_emission`] of its alpha issuance.
pub fn alpha_block_emission(alpha_in: u64, alpha_out: u64) -> u64 {
	block_emission(alpha_in.saturating_add(alpha_out))
}

/// Taoflow smoothing factor `FlowEmaSmoothingFactor / i64::MAX` as I64F64 (truncated).
pub fn flow_alpha(smoothing_factor: u64) -> I64F64 {
	I64F64::saturating_from_num(smoothing_factor)
		.checked_div(I64F64::saturating_from_num(i64::MAX))
		.unwrap_or(I64F64::from_bits(0))
}

/// One Taoflow EMA step (economics.md §4.3): `ema' = (1 − α_f)·ema + α_f·flow` with
/// `α_f = smoothing_factor / i64::MAX` (clamped to `[0, 1]`). I64F64, products floored, sums
/// saturating.
pub fn flow_ema_next(ema: I64F64, flow: i64, smoothing_factor: u64) -> I64F64 {
	let one = I64F64::from_bits(1i128 << 64);
	let a = flow_alpha(smoothing_factor).min(one);
	one.saturating_sub(a)
		.saturating_mul(ema)
		.saturating_add(a.saturating_mul(I64F64::saturating_from_num(flow)))
}

/// `x^q` for `x ∈ [0, 1]` and `q ∈ [0, 1)` (both with 64 fractional bits, in u128), by repeated
/// square roots: `x^q = Π_{bit k of q} x^(2^−k)`. Each root and product is floored.
fn pow_frac(x: u128, q: u128) -> u128 {
	const ONE: u128 = 1 << 64;
	let mut result = ONE;
	let mut root = x;
	for bit in (0..64u32).rev() {
		// root ← √root (Q64): isqrt(root · 2^64); root ≤ 2^64 so the product fits unless root = 1
		root = if root >= ONE { ONE } else { isqrt(root << 64) };
		if (q >> bit) & 1 == 1 {
			result = mul_q64(result, root);
		}
		if q & ((1u128 << bit).saturating_sub(1)) == 0 {
			break;
		}
	}
	result
}

/// Q64 product of two values ≤ 1.0 (floored).
fn mul_q64(a: u128, b: u128) -> u128 {
	const ONE: u128 = 1 << 64;
	if a >= ONE {
		return b;
	}
	if b >= ONE {
		return a;
	}
	// a, b < 2^64 ⇒ a·b < 2^128
	a.checked_mul(b).map(|p| p >> 64).unwrap_or(0)
}

/// ⌊√v⌋ for u128 (bitwise method).
fn isqrt(v: u128) -> u128 {
	let mut rem = v;
	let mut res: u128 = 0;
	let mut bit: u128 = 1 << 126;
	while bit > rem {
		bit >>= 2;
	}
	while bit != 0 {
		let t = res.saturating_add(bit);
		if rem >= t {
			rem = rem.saturating_sub(t);
			res = (res >> 1).saturating_add(bit);
		} else {
			res >>= 1;
		}
		bit >>= 2;
	}
	res
}

/// Taoflow shares (economics.md §4.4): `L = max(cutoff, min_i min(F_i, 0))`,
/// `z_i = max(F_i − L, 0)`, `share_i = z_i^p / Σ_j z_j^p`.
///
/// For `p = 1` the share is the plain ratio `z_i / Σz` (I64F64, truncated). For `p ∈ (1, 2]`,
/// `z` is first divided by its maximum and `x^p = x · x^(p−1)` is computed with repeated square
/// roots in 64-bit fixed point (no transcendental series), error ≲ 2⁻⁵⁸ relative. All shares 0
/// when every `z_i = 0` (nothing is minted). Σ shares ≤ 1.
///
/// # Errors
/// [`MathError::InvalidParameter`]`("exponent")` if `p ∉ [1, 2]`.
pub fn taoflow_shares(
	flows: &[I64F64],
	cutoff: I64F64,
	exponent: U64F64,
) -> Result<Vec<U64F64>, MathError> {
	let one = U64F64::from_bits(1u128 << 64);
	let two = U64F64::from_bits(2u128 << 64);
	if exponent < one || exponent > two {
		return Err(MathError::InvalidParameter("exponent"));
	}
	let zero = I64F64::from_bits(0);
	let min_flow = flows.iter().fold(zero, |m, &f| m.min(f));
	let floor = cutoff.max(min_flow);
	let z: Vec<I64F64> = flows.iter().map(|&f| f.saturating_sub(floor).max(zero)).collect();
	let uz = |x: I64F64| U64F64::saturating_from_num(x);
	if exponent == one {
		let total = z.iter().try_fold(zero, |acc, &x| acc.checked_add(x));
		if let Some(total) = total {
			if total == zero {
				return Ok(vec![U64F64::from_bits(0); z.len()]);
			}
			return Ok(z.iter().map(|&x| uz(x.checked_div(total).unwrap_or(zero))).collect());
		}
	}
	// Normalised domain: x_i = z_i / max z ∈ [0, 1], y_i = x_i^p, share = y_i / Σy.
	let zmax = z.iter().fold(zero, |m, &x| m.max(x));
	if zmax == zero {
		return Ok(vec![U64F64::from_bits(0); z.len()]);
	}
	let frac = exponent.saturating_sub(one).to_bits(); // Q64, in [0, 1]
	let y: Vec<u128> = z
		.iter()
		.map(|&x| {
			let xn = uz(x.checked_div(zmax).unwrap_or(zero)).to_bits().min(1u128 << 64);
			if frac >= 1u128 << 64 {
				mul_q64(xn, xn)
			} else {
				mul_q64(xn, pow_frac(xn, frac))
			}
		})
		.collect();
	let total = y.iter().fold(0u128, |a, &b| a.saturating_add(b)); // n · 2^64: no saturation for n < 2^64
	Ok(y.iter()
		.map(|&v| {
			U64F64::from_bits(v)
				.checked_div(U64F64::from_bits(total))
				.unwrap_or(U64F64::from_bits(0))
		})
		.collect())
}

/// `⌊amount · share⌋` in rao (U64F64 share, clamped to `[0, 1]`).
pub fn apply_share(amount: u64, share: U64F64) -> u64 {
	let one = U64F64::from_bits(1u128 << 64);
	U64F64::saturating_from_num(amount).saturating_mul(share.min(one)).saturating_to_num::<u64>()
}

/// The per-block terms of one subnet (economics.md §4.5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SubnetTerms {
	/// TAO injected into the pool's TAO reserve.
	pub tao_in: u64,
	/// Alpha injected into the pool's alpha reserve (price-neutral with `tao_in`).
	pub alpha_in: u64,
	/// TAO used to chain-buy alpha (`tao_emission − tao_in`).
	pub excess: u64,
	/// Alpha minted for participants (= the subnet's alpha emission).
	pub alpha_out: u64,
}

/// Split a subnet's TAO emission `E_i` into injection and chain-buy (economics.md §4.5).
///
/// With `p = T/A` from the reserves: `alpha_in = ⌊E_i·A/T⌋` (0 if the pool is empty); if that
/// exceeds `alpha_emission`, `alpha_in = alpha_emission` and `tao_in = ⌊alpha_in·T/A⌋`; else
/// `tao_in = E_i`. `excess = E_i − tao_in`, `alpha_out = alpha_emission`. Exact integer ratios
/// (u128), floored, so `tao_in + excess = E_i` and the injection never raises the price.
pub fn subnet_terms(tao_emission: u64, alpha_emission: u64, reserves: Reserves) -> SubnetTerms {
	let (t, a) = (u128::from(reserves.tao), u128::from(reserves.alpha));
	let alpha_in_uncapped = if t == 0 || a == 0 {
		0u128
	} else {
		// E·A < 2^128; T > 0
		u128::from(tao_emission).saturating_mul(a).checked_div(t).unwrap_or(0)
	};
	let (tao_in, alpha_in) = if alpha_in_uncapped > u128::from(alpha_emission) {
		// alpha_emission·T / A ≤ E (since alpha_emission < E·A/T): fits u64
		let tao = u128::from(alpha_emission).saturating_mul(t).checked_div(a).unwrap_or(0);
		(u64::try_from(tao).unwrap_or(tao_emission).min(tao_emission), alpha_emission)
	} else {
		// alpha_in_uncapped ≤ alpha_emission: fits u64
		(tao_emission, u64::try_from(alpha_in_uncapped).unwrap_or(alpha_emission))
	};
	SubnetTerms {
		tao_in,
		alpha_in,
		excess: tao_emission.saturating_sub(tao_in),
		alpha_out: alpha_emission,
	}
}

/// The share of root in a subnet's validator emission (economics.md §4.5):
/// `root_prop = (root_tao·w) / (root_tao·w + alpha_issuance)` with `w = tao_weight / u64::MAX`,
/// computed in U96F32 (as the reference: truncated divisions, floored products); 0 if the
/// denominator is 0.
pub fn root_proportion(root_tao: u64, tao_weight: u64, alpha_issuance: u64) -> U64F64 {
	let zero = U96F32::from_bits(0);
	let w = U96F32::saturating_from_num(tao_weight)
		.checked_div(U96F32::saturating_from_num(u64::MAX))
		.unwrap_or(zero);
	let num = U96F32::saturating_from_num(root_tao).saturating_mul(w);
	let den = num.saturating_add(U96F32::saturating_from_num(alpha_issuance));
	U64F64::saturating_from_num(num.checked_div(den).unwrap_or(zero))
}

/// How a subnet's `alpha_out` is shared each block (economics.md §4.5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AlphaOutSplit {
	/// Owner cut (`PendingOwnerCut`).
	pub owner_cut: u64,
	/// Miners' half (`PendingServerEmission`).
	pub server: u64,
	/// Validators' half minus root's part (`PendingValidatorEmission`).
	pub validator: u64,
	/// Root's part of the validators' half (`PendingRootAlphaDivs`, or recycled).
	pub root: u64,
}

/// Split `alpha_out` (economics.md §4.5): `owner_cut = ⌊alpha_out·cut/65535⌋`,
/// `a = alpha_out − owner_cut`, `server = ⌊a/2⌋`, `root = ⌊root_prop·a/2⌋`,
/// `validator = ⌊a/2 − root_prop·a/2⌋` (the unfloored root part), so
/// `owner_cut + server + validator + root ≤ alpha_out` with at most 2 rao of dust and
/// `server = validator + root` before flooring. `root_prop` is clamped to `[0, 1]`.
pub fn split_alpha_out(alpha_out: u64, owner_cut: u16, root_prop: U64F64) -> AlphaOutSplit {
	// alpha_out · cut < 2^80
	let cut = u128::from(alpha_out).saturating_mul(u128::from(owner_cut)) / 65_535;
	let cut = u64::try_from(cut).unwrap_or(alpha_out).min(alpha_out);
	let a = alpha_out.saturating_sub(cut);
	let half = U64F64::saturating_from_num(a)
		.checked_div(U64F64::saturating_from_num(2u8))
		.unwrap_or(U64F64::from_bits(0)); // exact: one fractional bit
	let one = U64F64::from_bits(1u128 << 64);
	let root_f = half.saturating_mul(root_prop.min(one));
	let validator_f = half.saturating_sub(root_f);
	AlphaOutSplit {
		owner_cut: cut,
		server: half.saturating_to_num::<u64>(),
		validator: validator_f.saturating_to_num::<u64>(),
		root: root_f.saturating_to_num::<u64>(),
	}
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
	fn halving_vectors() {
		assert_eq!(block_emission(0), 1_000_000_000);
		assert_eq!(block_emission(10_500_000_000_000_000), 500_000_000);
		assert_eq!(block_emission(10_499_999_999_999_999), 1_000_000_000);
		assert_eq!(block_emission(15_750_000_000_000_000), 250_000_000);
		assert_eq!(block_emission(18_375_000_000_000_000), 125_000_000);
		assert_eq!(block_emission(19_687_500_000_000_000), 62_500_000);
		assert_eq!(block_emission(20_999_000_000_000_000), 61_035);
		assert_eq!(block_emission(TOTAL_SUPPLY - 1), 0);
		assert_eq!(block_emission(TOTAL_SUPPLY), 0);
		assert_eq!(block_emission(u64::MAX), 0);
	}

	#[test]
	fn alpha_halves_on_its_own_issuance() {
		// economics.md §6 vector 27
		assert_eq!(alpha_block_emission(10_000_000_000_000_000, 500_000_000_000_000), 500_000_000);
		assert_eq!(alpha_block_emission(0, 0), 1_000_000_000);
	}

	#[test]
	fn flow_ema_step() {
		let a = flow_alpha(29_597_889_189_277);
		assert!((a.to_num::<f64>() - 3.2090e-6).abs() < 1e-9);
		// a stake of t in block b−1 contributes α_f·t (economics.md §6 vector 20)
		let ema = flow_ema_next(I64F64::from_num(0), 1_000_000_000, 29_597_889_189_277);
		assert_eq!(ema, a * I64F64::from_num(1_000_000_000));
		// smoothing i64::MAX: the EMA becomes the flow
		assert_eq!(flow_ema_next(I64F64::from_num(7), -5, i64::MAX as u64), I64F64::from_num(-5));
		// smoothing 0: unchanged
		assert_eq!(flow_ema_next(I64F64::from_num(7), -5, 0), I64F64::from_num(7));
	}

	fn shares(flows: &[i64], cutoff: i64, p: f64) -> Vec<f64> {
		let f: Vec<I64F64> = flows.iter().map(|&x| I64F64::from_num(x)).collect();
		taoflow_shares(&f, I64F64::from_num(cutoff), U64F64::from_num(p))
			.unwrap()
			.iter()
			.map(|s| s.to_num::<f64>())
			.collect()
	}

	#[test]
	fn taoflow_share_vectors() {
		// economics.md §6 vector 21
		assert_eq!(shares(&[3, -5, 1], 0, 1.0), vec![0.75, 0.0, 0.25]);
		assert_eq!(shares(&[-3, -5, 0], 0, 1.0), vec![0.0, 0.0, 0.0]);
		let s = shares(&[3, -5, 1], -10, 1.0);
		for (a, e) in s.iter().zip([8.0 / 14.0, 0.0, 6.0 / 14.0]) {
			assert!((a - e).abs() < 1e-18);
		}
		assert_eq!(shares(&[3, -5, 1], -2, 1.0), vec![0.625, 0.0, 0.375]);
		// p = 2: (9, 0, 1)/10
		let s = shares(&[3, -5, 1], 0, 2.0);
		for (a, e) in s.iter().zip([0.9, 0.0, 0.1]) {
			assert!((a - e).abs() < 1e-15, "{a} vs {e}");
		}
		// p = 1.5: 3^1.5 / (3^1.5 + 1)
		let s = shares(&[3, -5, 1], 0, 1.5);
		let e0 = 3f64.powf(1.5) / (3f64.powf(1.5) + 1.0);
		assert!((s[0] - e0).abs() < 1e-15, "{} vs {e0}", s[0]);
		assert!((s[2] - (1.0 - e0)).abs() < 1e-15);
		assert!(s.iter().sum::<f64>() <= 1.0);
		let f = [I64F64::from_num(1)];
		assert_eq!(
			taoflow_shares(&f, I64F64::from_num(0), U64F64::from_num(2.5)),
			Err(MathError::InvalidParameter("exponent"))
		);
		assert_eq!(
			taoflow_shares(&f, I64F64::from_num(0), U64F64::from_num(0.5)),
			Err(MathError::InvalidParameter("exponent"))
		);
		// extreme flows do not overflow
		let big = [I64F64::max_value(), I64F64::max_value(), I64F64::from_num(0)];
		let s = taoflow_shares(&big, I64F64::from_num(0), U64F64::from_num(1)).unwrap();
		assert_eq!(s[0], s[1]);
		assert!(s[0].to_num::<f64>() > 0.49);
	}

	#[test]
	fn isqrt_and_pow_frac() {
		assert_eq!(isqrt(0), 0);
		assert_eq!(isqrt(15), 3);
		assert_eq!(isqrt(16), 4);
		assert_eq!(isqrt(u128::MAX), u64::MAX as u128);
		let one = 1u128 << 64;
		assert_eq!(pow_frac(one, 1 << 63), one);
		let quarter = one / 4;
		assert_eq!(pow_frac(quarter, 1 << 63), one / 2); // √¼ = ½ exactly
		assert_eq!(mul_q64(one, one), one);
		assert_eq!(mul_q64(one / 2, one / 2), one / 4);
	}

	#[test]
	fn injection_terms() {
		let r = Reserves { tao: 2_000_000_000_000, alpha: 1_000_000_000_000 }; // price 2
																		 // E/p = 0.5 TAO < alpha emission 1: no cap
		let t = subnet_terms(1_000_000_000, 1_000_000_000, r);
		assert_eq!(
			t,
			SubnetTerms {
				tao_in: 1_000_000_000,
				alpha_in: 500_000_000,
				excess: 0,
				alpha_out: 1_000_000_000
			}
		);
		// price 0.25: E/p = 4 alpha > 1 → cap (economics.md §6 vector 22)
		let r = Reserves { tao: 250_000_000_000, alpha: 1_000_000_000_000 };
		let t = subnet_terms(1_000_000_000, 1_000_000_000, r);
		assert_eq!(t.alpha_in, 1_000_000_000);
		assert_eq!(t.tao_in, 250_000_000);
		assert_eq!(t.excess, 750_000_000);
		assert!(t.excess > 0);
		// empty pool: nothing injected, everything is excess
		let t = subnet_terms(1_000, 1_000_000_000, Reserves::default());
		assert_eq!((t.tao_in, t.alpha_in, t.excess), (1_000, 0, 0));
	}

	#[test]
	fn root_proportion_example() {
		// 1M TAO on root, alpha issuance 2M, default TaoWeight → ≈ 2.566 %
		let p =
			root_proportion(1_000_000_000_000_000, 971_718_665_099_567_868, 2_000_000_000_000_000);
		assert!((p.to_num::<f64>() - 0.02566).abs() < 1e-4, "{p}");
		assert_eq!(root_proportion(0, 971_718_665_099_567_868, 0), U64F64::from_num(0));
	}

	#[test]
	fn alpha_out_split_vector() {
		// economics.md §6 vector 23
		let s = split_alpha_out(1_000_000_000, 11_796, U64F64::from_num(0));
		assert_eq!(s.owner_cut, 179_995_422);
		assert_eq!(s.root, 0);
		assert_eq!(s.server, (1_000_000_000 - 179_995_422) / 2);
		assert_eq!(s.owner_cut + s.server + s.validator + s.root, 1_000_000_000);
		let s = split_alpha_out(1_000_000_001, 11_796, U64F64::from_num(0.3));
		let total = s.owner_cut + s.server + s.validator + s.root;
		assert!(total <= 1_000_000_001 && total + 2 >= 1_000_000_001);
		assert!(s.validator + s.root <= s.server && s.validator + s.root + 1 >= s.server);
	}
}
