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
