//! What a nominator earns by staking to a validator (`DelegateInfo.return_per_1000` and
//! `total_daily_return` of the runtime APIs).
//!
//! Dividends are paid once per epoch, every `tempo + 1` blocks; a day is
//! [`BLOCKS_PER_DAY`] blocks of 12 s, as in the reference chain.

/// Blocks in a day at 12 s per block.
pub const BLOCKS_PER_DAY: u64 = 7_200;

/// RAO in 1000 TAO.
pub const RAO_PER_1000_TAO: u64 = 1_000_000_000_000;

/// A per-epoch amount over a day: `⌊amount · blocks_per_day / (tempo + 1)⌋`, since an epoch
/// runs every `tempo + 1` blocks. 0 for tempo 0 (the epoch never runs). Saturates at
/// `u64::MAX`.
pub fn per_day(amount_per_epoch: u64, tempo: u16, blocks_per_day: u64) -> u64 {
	if tempo == 0 {
		return 0;
	}
	let period = u128::from(tempo).saturating_add(1);
	// amount · blocks < 2^128
	let daily = u128::from(amount_per_epoch)
		.saturating_mul(u128::from(blocks_per_day))
		.checked_div(period)
		.unwrap_or(0);
	u64::try_from(daily).unwrap_or(u64::MAX)
}

/// What 1000 TAO staked with a validator earns per day after its take, in RAO:
/// `⌊daily · (65535 − take) · 10¹² / (65535 · stake)⌋`, where `daily` is the validator's
/// dividends per day and `stake` the value staked with it, both in RAO, and `take` a u16
/// proportion. 0 when nothing is staked. Saturates at `u64::MAX`.
pub fn return_per_1000(daily: u64, take: u16, stake: u64) -> u64 {
	if stake == 0 {
		return 0;
	}
	let keep = u128::from(u16::MAX.saturating_sub(take));
	// daily · keep < 2^80; · 10¹² < 2^120.
	let numerator =
		u128::from(daily).saturating_mul(keep).saturating_mul(u128::from(RAO_PER_1000_TAO));
	let denominator = u128::from(u16::MAX).saturating_mul(u128::from(stake));
	u64::try_from(numerator.checked_div(denominator).unwrap_or(0)).unwrap_or(u64::MAX)
}
