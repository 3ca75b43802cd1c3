//! Coldkey identities (`set_identity`, storage `IdentitiesV2`), as on the reference chain.

use crate::*;
use frame_support::pallet_prelude::DispatchError;

impl<T: Config> Pallet<T> {
	/// Store `identity` as `coldkey`'s identity. As on the reference chain, only a coldkey
	/// that owns a hotkey registered on some subnet (root included) may have one, so that an
	/// identity always belongs to a participant. Returns the number of owned hotkeys looked at
	/// (for the weight).
	pub(crate) fn do_set_identity(
		coldkey: &T::AccountId,
		identity: ChainIdentityV2,
	) -> Result<u32, DispatchError> {
		// Checks: at most `MaxOwnedHotkeys` owned hotkeys, one membership read each (entries of
		// `IsNetworkMember` exist only while the hotkey holds a UID).
		let owned = OwnedHotkeys::<T>::get(coldkey);
		let registered = owned
			.iter()
			.position(|hotkey| IsNetworkMember::<T>::iter_prefix(hotkey).next().is_some())
			.ok_or(Error::<T>::HotKeyNotRegisteredInNetwork)?;
		// Effects.
		IdentitiesV2::<T>::insert(coldkey, identity);
		Self::deposit_event(Event::ChainIdentitySet(coldkey.clone()));
		// At most MaxOwnedHotkeys (512), so the count fits.
		Ok(u32::try_from(registered.saturating_add(1)).unwrap_or(u32::MAX))
	}

	/// `coldkey`'s identity (shown per UID in `MetagraphInfo.identities`), if it set one.
	pub fn coldkey_identity(coldkey: &T::AccountId) -> Option<ChainIdentityV2> {
		IdentitiesV2::<T>::get(coldkey)
	}
}
