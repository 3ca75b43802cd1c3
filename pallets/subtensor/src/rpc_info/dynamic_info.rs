//! `SubnetInfoRuntimeApi.get_dynamic_info` / `get_all_dynamic_info`: a subnet's pool and
//! emission state.

use crate::*;
use alloc::vec::Vec;
use codec::{Compact, Decode, Encode};
use frame_support::traits::Get;
use scale_info::TypeInfo;
use substrate_fixed::types::I96F32;

/// A subnet's pool and emission state: `SubnetInfoRuntimeApi.get_dynamic_info`.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct DynamicInfo<AccountId> {
	/// The subnet.
	pub netuid: Compact<u16>,
	/// Owner hotkey (the zero account for root).
	pub owner_hotkey: AccountId,
	/// Owner coldkey (the zero account for root).
	pub owner_coldkey: AccountId,
	/// Name from its identity (UTF-8).
	pub subnet_name: Vec<Compact<u8>>,
	/// Token symbol (UTF-8).
	pub token_symbol: Vec<Compact<u8>>,
	/// Tempo.
	pub tempo: Compact<u16>,
	/// Block of its last epoch.
	pub last_step: Compact<u64>,
	/// Blocks since its last epoch.
	pub blocks_since_last_step: Compact<u64>,
	/// TAO it received from the last block's emission, RAO.
	pub emission: Compact<u64>,
	/// Alpha reserve.
	pub alpha_in: Compact<u64>,
	/// Alpha outside the pool.
	pub alpha_out: Compact<u64>,
	/// TAO reserve.
	pub tao_in: Compact<u64>,
	/// Alpha minted for participants by the last block.
	pub alpha_out_emission: Compact<u64>,
	/// Alpha injected into the pool by the last block.
	pub alpha_in_emission: Compact<u64>,
	/// TAO injected into the pool by the last block.
	pub tao_in_emission: Compact<u64>,
	/// Alpha accrued for the next epoch (miners, validators and owner).
	pub pending_alpha_emission: Compact<u64>,
	/// Root's alpha accrued for the next epoch.
	pub pending_root_emission: Compact<u64>,
	/// TAO traded through the pool.
	pub subnet_volume: Compact<u128>,
	/// Block of its registration.
	pub network_registered_at: Compact<u64>,
	/// Its identity.
	pub subnet_identity: Option<SubnetIdentityV3>,
	/// EMA of its price.
	pub moving_price: I96F32,
}

impl<T: Config> Pallet<T> {
	/// `get_dynamic_info`: the pool and emission state of `netuid`; `None` if it does not
	/// exist.
	pub fn get_dynamic_info(netuid: NetUid) -> Option<DynamicInfo<T::AccountId>> {
		if !Self::subnet_exists(netuid) {
			return None;
		}
		let compact_bytes = |b: &[u8]| b.iter().map(|c| Compact(*c)).collect::<Vec<_>>();
		let identity = SubnetIdentitiesV3::<T>::get(netuid);
		let pending = PendingServerEmission::<T>::get(netuid)
			.saturating_add(PendingValidatorEmission::<T>::get(netuid))
			.saturating_add(PendingOwnerCut::<T>::get(netuid));
		Some(DynamicInfo {
			netuid: Compact(netuid),
			owner_hotkey: SubnetOwnerHotkey::<T>::get(netuid)
				.unwrap_or_else(T::UnownedAccount::get),
			owner_coldkey: SubnetOwner::<T>::get(netuid).unwrap_or_else(T::UnownedAccount::get),
			subnet_name: compact_bytes(
				identity.as_ref().map(|i| i.subnet_name.as_slice()).unwrap_or_default(),
			),
			token_symbol: compact_bytes(&TokenSymbol::<T>::get(netuid)),
			tempo: Compact(Tempo::<T>::get(netuid)),
			last_step: Compact(LastMechansimStepBlock::<T>::get(netuid)),
			blocks_since_last_step: Compact(BlocksSinceLastStep::<T>::get(netuid)),
			emission: Compact(SubnetTaoInEmission::<T>::get(netuid)),
			alpha_in: Compact(SubnetAlphaIn::<T>::get(netuid)),
			alpha_out: Compact(SubnetAlphaOut::<T>::get(netuid)),
			tao_in: Compact(SubnetTAO::<T>::get(netuid)),
			alpha_out_emission: Compact(SubnetAlphaOutEmission::<T>::get(netuid)),
			alpha_in_emission: Compact(SubnetAlphaInEmission::<T>::get(netuid)),
			tao_in_emission: Compact(SubnetTaoInEmission::<T>::get(netuid)),
			pending_alpha_emission: Compact(pending),
			pending_root_emission: Compact(PendingRootAlphaDivs::<T>::get(netuid)),
			subnet_volume: Compact(SubnetVolume::<T>::get(netuid)),
			network_registered_at: Compact(NetworkRegisteredAt::<T>::get(netuid)),
			subnet_identity: identity,
			moving_price: SubnetMovingPrice::<T>::get(netuid),
		})
	}

	/// `get_all_dynamic_info`: every subnet, root included, in netuid order (no holes:
	/// netuids are contiguous).
	pub fn get_all_dynamic_info() -> Vec<Option<DynamicInfo<T::AccountId>>> {
		let mut netuids: Vec<NetUid> =
			NetworksAdded::<T>::iter().filter(|(_, a)| *a).map(|(n, _)| n).collect();
		netuids.sort();
		netuids.into_iter().map(Self::get_dynamic_info).collect()
	}
}
