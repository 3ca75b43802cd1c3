//! The pallet's own TAO issuance counter.
//!
//! `TotalIssuance` follows pallet-balances' issuance plus the TAO held as stake (economics.md
//! §0.3). TAO that leaves circulation without being staked — transaction fees and account dust —
//! is *recycled*: the counter drops by the same amount, so the block reward (a function of the
//! counter) can emit it again.

use crate::{Config, Pallet, TotalIssuance};
use core::marker::PhantomData;
use frame_support::traits::{
	fungible::{Balanced, Credit},
	Imbalance, OnUnbalanced,
};

impl<T: Config> Pallet<T> {
	/// Lower the issuance counter by `amount` RAO that has left circulation.
	///
	/// Saturating: the counter is at least the sum of all balances and stakes, which are at
	/// least what is being recycled, so it cannot go below zero in a consistent state.
	pub fn recycle_tao(amount: u64) {
		TotalIssuance::<T>::mutate(|issued| *issued = issued.saturating_sub(amount));
	}
}

/// Handler for TAO taken out of accounts by the runtime (transaction fees, dust of reaped
/// accounts): burns it from pallet-balances' issuance and recycles it in `TotalIssuance`, keeping
/// the two counters in step.
pub struct RecycleTao<T>(PhantomData<T>);

impl<T: Config> OnUnbalanced<Credit<T::AccountId, T::Currency>> for RecycleTao<T>
where
	T::Currency: Balanced<T::AccountId>,
{
	fn on_nonzero_unbalanced(amount: Credit<T::AccountId, T::Currency>) {
		let recycled = amount.peek();
		// Dropping the credit decreases pallet-balances' total issuance by `recycled`.
		drop(amount);
		Pallet::<T>::recycle_tao(recycled);
	}
}
