//! Key swaps: a coldkey replacing one of its hotkeys by another (`hotkey.rs`), and a coldkey
//! replacing itself by another after an announced delay, or by root (`coldkey.rs`).
//!
//! This module owns `LastRateLimitedBlock`, `LastHotkeySwapOnNetuid`,
//! `ColdkeySwapAnnouncementDelay`, `ColdkeySwapReannouncementDelay`,
//! `ColdkeySwapAnnouncements` and `ColdkeySwapDisputes`. A swap rewrites items that other
//! modules own (UIDs, stake, ownership): it is the one place allowed to, because a swap must
//! move every one of them in the same call, and it does so only by renaming keys, never by
//! changing an amount.

mod coldkey;
mod hotkey;

use crate::*;

impl<T: Config> Pallet<T> {
	/// Recycle `cost` RAO of `coldkey`'s free balance (keeping the account alive): it leaves
	/// pallet-balances' issuance and `TotalIssuance`. Fails with `err` if the coldkey cannot pay;
	/// then nothing is written.
	pub(crate) fn recycle_swap_cost(
		coldkey: &T::AccountId,
		cost: u64,
		err: Error<T>,
	) -> frame_support::pallet_prelude::DispatchResult {
		if cost == 0 {
			return Ok(());
		}
		frame_support::ensure!(Self::spendable(coldkey) >= cost, err);
		let taken = Self::withdraw_tao(coldkey, cost).map_err(|_| err)?;
		Self::recycle_tao(taken);
		Ok(())
	}

	/// Whether `key`'s last rate-limited transaction (`LastRateLimitedBlock`) was fewer than
	/// `TxRateLimit` blocks ago (never, if it has none or the limit is 0), as the reference.
	pub(crate) fn exceeds_tx_rate_limit(key: &T::AccountId) -> bool {
		let limit = TxRateLimit::<T>::get();
		let last = LastRateLimitedBlock::<T>::get(RateLimitKey::LastTxBlock(key.clone()));
		limit != 0 && last != 0 && Self::current_block().saturating_sub(last) <= limit
	}
}
