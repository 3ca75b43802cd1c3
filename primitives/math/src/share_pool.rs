//! Stake shares of one hotkey's pool on one subnet (economics.md §3.6).
//!
//! The pool holds `value` alpha (`TotalHotkeyAlpha`, rao) against `shares` (`TotalHotkeyShares`,
//! U64F64); a coldkey's stake is `⌊value · s_c / shares⌋`. Adding to everyone (dividends) only
//! raises `value`.

use crate::MathError;
use substrate_fixed::types::U64F64;

/// Dust threshold of a withdrawal: a position left with less than this fraction of its shares
/// is cleared entirely (10⁻⁵ as U64F64, truncated).
fn dust_ratio() -> U64F64 {
	U64F64::saturating_from_num(1u8)
		.checked_div(U64F64::saturating_from_num(100_000u32))
		.unwrap_or(U64F64::from_bits(0))
}

/// Headroom added to the value before the representability check of a withdrawal (rao).
const REPRESENTABILITY_HEADROOM: u64 = 2_628_000_000_000_000;

/// A hotkey's pool: total value and total shares.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SharePool {
	/// Total alpha of the pool, rao.
	pub value: u64,
	/// Total shares.
	pub shares: U64F64,
}

fn zero() -> U64F64 {
	U64F64::from_bits(0)
}

/// Value of `holder_shares`: `⌊value · holder_shares / shares⌋` (U64F64; 0 if `shares = 0`).
pub fn value_of(pool: SharePool, holder_shares: U64F64) -> u64 {
	let price = U64F64::saturating_from_num(pool.value).checked_div(pool.shares).unwrap_or(zero());
	price.saturating_mul(holder_shares).saturating_to_num::<u64>()
}

/// Deposit `amount` for one holder: returns the new pool and the holder's new shares.
///
/// Empty pool (`shares = 0`): the holder gets `amount` shares. Otherwise
/// `Δs = amount / (value/shares)` (truncated).
///
/// # Errors
/// [`MathError::InsufficientLiquidity`] if `Δs` would be 0 for a non-zero amount or the pool has
/// shares but no value; [`MathError::Overflow`] if the value or shares overflow.
pub fn deposit(
	pool: SharePool,
	holder_shares: U64F64,
	amount: u64,
) -> Result<(SharePool, U64F64), MathError> {
	let value = pool.value.checked_add(amount).ok_or(MathError::Overflow)?;
	if amount == 0 {
		return Ok((pool, holder_shares));
	}
	let delta = if pool.shares == zero() {
		U64F64::saturating_from_num(amount)
	} else {
		let price = U64F64::saturating_from_num(pool.value)
			.checked_div(pool.shares)
			.ok_or(MathError::Overflow)?;
		if price == zero() {
			return Err(MathError::InsufficientLiquidity);
		}
		U64F64::saturating_from_num(amount).checked_div(price).ok_or(MathError::Overflow)?
	};
	if delta == zero() {
		return Err(MathError::InsufficientLiquidity);
	}
	let shares = pool.shares.checked_add(delta).ok_or(MathError::Overflow)?;
	let holder = holder_shares.checked_add(delta).ok_or(MathError::Overflow)?;
	Ok((SharePool { value, shares }, holder))
}

/// Withdraw `amount` for one holder: returns the new pool, the holder's new shares and the
/// amount actually removed.
///
/// `Δs = amount / (value/shares)`. Withdrawing the holder's whole value removes every share it
/// holds. Dust rule: if the holder would keep less than 10⁻⁵ of its shares, or
/// `(value + 2.628e15) / (shares − Δs)` is not representable, the whole position is removed and
/// the actual amount is its full value.
///
/// # Errors
/// [`MathError::InsufficientLiquidity`] if `amount` exceeds the holder's value.
pub fn withdraw(
	pool: SharePool,
	holder_shares: U64F64,
	amount: u64,
) -> Result<(SharePool, U64F64, u64), MathError> {
	let held = value_of(pool, holder_shares);
	if amount > held {
		return Err(MathError::InsufficientLiquidity);
	}
	if amount == held {
		// The whole position, even one whose shares are worth less than 1 rao.
		let total = pool.shares.saturating_sub(holder_shares);
		let value = pool.value.saturating_sub(held); // held ≤ value
		return Ok((SharePool { value, shares: total }, zero(), held));
	}
	if amount == 0 {
		return Ok((pool, holder_shares, 0));
	}
	// held > 0 ⇒ shares > 0 and value > 0
	let price = U64F64::saturating_from_num(pool.value).checked_div(pool.shares).unwrap_or(zero());
	let delta = U64F64::saturating_from_num(amount)
		.checked_div(price)
		.unwrap_or(holder_shares)
		.min(holder_shares);
	let remaining = holder_shares.saturating_sub(delta);
	let new_total = pool.shares.saturating_sub(delta);
	let ratio = remaining.checked_div(holder_shares).unwrap_or(zero());
	let representable = U64F64::saturating_from_num(pool.value)
		.checked_add(U64F64::saturating_from_num(REPRESENTABILITY_HEADROOM))
		.and_then(|v| v.checked_div(new_total))
		.is_some();
	let (holder, total, actual) = if amount == held || ratio < dust_ratio() || !representable {
		(zero(), pool.shares.saturating_sub(holder_shares), held)
	} else {
		(remaining, new_total, amount)
	};
	let value = pool.value.saturating_sub(actual); // actual ≤ held ≤ value
	Ok((SharePool { value, shares: total }, holder, actual))
}

/// Add `amount` to every holder pro rata (dividends): `value += amount`, shares unchanged.
///
/// # Errors
/// [`MathError::Overflow`] if the value overflows.
pub fn distribute(pool: SharePool, amount: u64) -> Result<SharePool, MathError> {
	let value = pool.value.checked_add(amount).ok_or(MathError::Overflow)?;
	Ok(SharePool { value, shares: pool.shares })
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
	fn deposit_distribute_withdraw() {
		let empty = SharePool::default();
		let (p, a) = deposit(empty, zero(), 1_000).unwrap();
		assert_eq!(p, SharePool { value: 1_000, shares: U64F64::from_num(1_000) });
		let (p, b) = deposit(p, zero(), 3_000).unwrap();
		assert_eq!(b, U64F64::from_num(3_000));
		let p = distribute(p, 4_000).unwrap(); // value doubles
		assert_eq!(value_of(p, a), 2_000);
		assert_eq!(value_of(p, b), 6_000);
		let (p2, a2, got) = withdraw(p, a, 500).unwrap();
		assert_eq!(got, 500);
		assert_eq!(value_of(p2, a2), 1_500);
		assert_eq!(p2.value, 7_500);
		// too much
		assert_eq!(withdraw(p, a, 2_001), Err(MathError::InsufficientLiquidity));
		// not dust: keeping 0.5 of 1000 shares (5e-4) is allowed
		let (_, a_left, got) = withdraw(p, a, 1_999).unwrap();
		assert_eq!((a_left, got), (U64F64::from_num(0.5), 1_999));
		// dust: keeping < 1e-5 of the shares clears the position
		let (q, c) = deposit(p, zero(), 2_000_000).unwrap();
		let (q2, c2, got) = withdraw(q, c, 1_999_999).unwrap();
		assert_eq!(c2, zero());
		assert_eq!(got, 2_000_000);
		assert_eq!(q2.shares, p.shares);
		assert_eq!(q2.value, p.value);
		// full withdrawal
		let (p4, b4, got) = withdraw(p, b, 6_000).unwrap();
		assert_eq!((b4, got, p4.value), (zero(), 6_000, 2_000));
		assert_eq!(deposit(p, a, u64::MAX), Err(MathError::Overflow));
		// withdrawing the whole value clears every share, even when value/shares is inexact
		let odd = distribute(SharePool { value: 3, shares: U64F64::from_num(3) }, 1).unwrap();
		let (odd, small) = deposit(odd, zero(), 7).unwrap();
		let held = value_of(odd, small);
		let (after, left, got) = withdraw(odd, small, held).unwrap();
		assert_eq!((left, got), (zero(), held));
		assert_eq!(after.shares, U64F64::from_num(3));
		// a position worth 0 rao is cleared by withdrawing 0
		let tiny = SharePool { value: 10, shares: U64F64::from_num(20) };
		let (t2, z, got) = withdraw(tiny, U64F64::from_num(0.25), 0).unwrap();
		assert_eq!((z, got, t2.shares), (zero(), 0, U64F64::from_num(19.75)));
		// pool with shares but no value cannot price a deposit
		let broke = SharePool { value: 0, shares: U64F64::from_num(5) };
		assert_eq!(deposit(broke, zero(), 10), Err(MathError::InsufficientLiquidity));
	}
}
