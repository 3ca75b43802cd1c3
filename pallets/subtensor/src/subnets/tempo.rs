//! The owner's `set_tempo` (the reference's owner-side tempo control).
//!
//! The owner may choose a tempo in [`MIN_TEMPO`, `MAX_TEMPO`] (360 to 50 400 blocks), at most
//! once per [`MIN_TEMPO`] blocks; root sets any tempo with `AdminUtils.sudo_set_tempo`.
//!
//! Differences from the reference: there is no admin freeze window on this chain (AdminUtils
//! does not have one either), and no cycle reset. The reference stores the block of the last
//! epoch and restarts the count from the change; here the epoch schedule is stateless
//! (`is_epoch_block`: `(block + netuid + 1) mod (tempo + 1) = tempo`), so the next epoch is the
//! next block of the new schedule, at most `tempo` blocks away, and the alpha accrued since the
//! last epoch is paid then, as after `sudo_set_tempo`.

use crate::*;
use frame_support::{ensure, pallet_prelude::DispatchResult};

impl<T: Config> Pallet<T> {
	/// Set `netuid`'s tempo to `tempo` on behalf of its owner `coldkey`.
	pub(crate) fn do_set_tempo(
		coldkey: &T::AccountId,
		netuid: NetUid,
		tempo: u16,
	) -> DispatchResult {
		// Checks (no writes above this line).
		ensure!(Self::subnet_exists(netuid), Error::<T>::SubnetNotExists);
		ensure!(Self::is_subnet_owner(coldkey, netuid), Error::<T>::NotSubnetOwner);
		ensure!((MIN_TEMPO..=MAX_TEMPO).contains(&tempo), Error::<T>::TempoOutOfBounds);
		let block = Self::current_block();
		let passes = LastTempoUpdate::<T>::get(netuid)
			.is_none_or(|last| block.saturating_sub(last) >= u64::from(MIN_TEMPO));
		ensure!(passes, Error::<T>::TxRateLimitExceeded);

		// Effects.
		Tempo::<T>::insert(netuid, tempo);
		LastTempoUpdate::<T>::insert(netuid, block);
		Self::deposit_event(Event::TempoSet(netuid, tempo));
		Ok(())
	}
}
