//! Subnet identity (economics.md §1.5), token symbol changes (§1.1) and the start call (§1.6).

use crate::*;
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::DispatchResult};

impl<T: Config> Pallet<T> {
	/// Store `identity` for `netuid` on behalf of its owner `coldkey`.
	pub(crate) fn do_set_subnet_identity(
		coldkey: &T::AccountId,
		netuid: NetUid,
		identity: SubnetIdentityV3,
	) -> DispatchResult {
		ensure!(Self::subnet_exists(netuid), Error::<T>::SubnetNotExists);
		ensure!(Self::is_subnet_owner(coldkey, netuid), Error::<T>::NotSubnetOwner);
		ensure!(identity.is_valid(), Error::<T>::InvalidIdentity);
		SubnetIdentitiesV3::<T>::insert(netuid, identity);
		Self::deposit_event(Event::SubnetIdentitySet(netuid));
		Ok(())
	}

	/// Switch `netuid`'s token symbol to `symbol`; `who` is the signer, or `None` for root.
	pub(crate) fn do_update_symbol(
		who: Option<&T::AccountId>,
		netuid: NetUid,
		symbol: Vec<u8>,
	) -> DispatchResult {
		ensure!(Self::subnet_exists(netuid), Error::<T>::SubnetNotExists);
		if let Some(who) = who {
			ensure!(Self::is_subnet_owner(who, netuid), Error::<T>::NotSubnetOwner);
		}
		ensure!(Self::symbol_exists(&symbol), Error::<T>::SymbolDoesNotExist);
		ensure!(!Self::symbol_in_use(&symbol, netuid), Error::<T>::SymbolAlreadyInUse);
		// Every table entry is shorter than MaxSymbolLen (checked by a unit test).
		TokenSymbol::<T>::insert(netuid, TokenSymbolOf::truncate_from(symbol.clone()));
		Self::deposit_event(Event::SymbolUpdated { netuid, symbol });
		Ok(())
	}

	/// Make `hotkey` the owner hotkey of `netuid` (admin call `sudo_set_sn_owner_hotkey`). The
	/// caller has checked that the origin is root (`by_root`) or the owner; the owner is rate
	/// limited to one change per [`SET_SN_OWNER_HOTKEY_RATE_LIMIT`] blocks. The hotkey must be
	/// free or already the owner coldkey's, and becomes the owner coldkey's.
	pub fn set_sn_owner_hotkey(
		by_root: bool,
		netuid: NetUid,
		hotkey: &T::AccountId,
	) -> DispatchResult {
		let owner = SubnetOwner::<T>::get(netuid).ok_or(Error::<T>::SubnetNotExists)?;
		let block = Self::current_block();
		if !by_root {
			let passes = SubnetOwnerHotkeyLastSet::<T>::get(netuid)
				.is_none_or(|last| block.saturating_sub(last) >= SET_SN_OWNER_HOTKEY_RATE_LIMIT);
			ensure!(passes, Error::<T>::SubnetOwnerHotkeyRateLimitExceeded);
		}
		ensure!(Self::coldkey_may_use_hotkey(&owner, hotkey), Error::<T>::NonAssociatedColdKey);
		Self::ensure_can_own_hotkey(&owner, hotkey)?;
		Self::create_account_if_non_existent(&owner, hotkey)?;
		let previous = SubnetOwnerHotkey::<T>::get(netuid);
		Self::on_owner_hotkey_changed(netuid, previous.as_ref(), hotkey);
		SubnetOwnerHotkey::<T>::insert(netuid, hotkey.clone());
		SubnetOwnerHotkeyLastSet::<T>::insert(netuid, block);
		Self::deposit_event(Event::SubnetOwnerHotkeySet(netuid, hotkey.clone()));
		Ok(())
	}

	/// Start `netuid` on behalf of its owner `coldkey`: from the next block it may receive
	/// emission and be traded (economics.md §1.6, with the delay in `StartCallDelay`).
	pub(crate) fn do_start_call(coldkey: &T::AccountId, netuid: NetUid) -> DispatchResult {
		ensure!(Self::subnet_exists(netuid), Error::<T>::SubnetNotExists);
		ensure!(Self::is_subnet_owner(coldkey, netuid), Error::<T>::NotSubnetOwner);
		ensure!(
			FirstEmissionBlockNumber::<T>::get(netuid).is_none(),
			Error::<T>::FirstEmissionBlockNumberAlreadySet
		);
		let block = Self::current_block();
		let registered = NetworkRegisteredAt::<T>::get(netuid);
		ensure!(
			block >= registered.saturating_add(StartCallDelay::<T>::get()),
			Error::<T>::NeedWaitingMoreBlocksToStarCall
		);
		// Block numbers are u32 in the runtime, far below u64::MAX.
		let first = block.saturating_add(1);
		FirstEmissionBlockNumber::<T>::insert(netuid, first);
		SubtokenEnabled::<T>::insert(netuid, true);
		Self::deposit_event(Event::FirstEmissionBlockNumberSet(netuid, first));
		Ok(())
	}
}
