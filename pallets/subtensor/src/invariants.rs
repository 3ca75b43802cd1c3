//! Storage invariants, checked by the `try_state` hook and at the end of every unit test.

use crate::{Config, NetworksAdded, Pallet, TotalIssuance, TotalNetworks, ROOT_NETUID};
use frame_support::{ensure, traits::fungible::Inspect};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage.
	///
	/// - the root subnet exists;
	/// - `TotalNetworks` counts the subnets in `NetworksAdded`;
	/// - `TotalIssuance` equals pallet-balances' issuance (no TAO is staked yet, and every TAO
	///   taken out of circulation is recycled from both counters).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		ensure!(NetworksAdded::<T>::get(ROOT_NETUID), "root subnet 0 must exist");
		let added = NetworksAdded::<T>::iter_values().filter(|added| *added).count();
		ensure!(
			u16::try_from(added).ok() == Some(TotalNetworks::<T>::get()),
			"TotalNetworks must count NetworksAdded"
		);
		ensure!(
			TotalIssuance::<T>::get() == T::Currency::total_issuance(),
			"TotalIssuance must equal the balances issuance"
		);
		Ok(())
	}
}
