//! `SubnetInfoRuntimeApi.get_metagraph` / `get_mechagraph` / `get_selective_metagraph` /
//! `get_selective_mechagraph` / `get_all_metagraphs` / `get_all_mechagraphs`: a subnet's whole
//! state in one struct.
//!
//! `Metagraph` and `SelectiveMetagraph` have the reference's fields in its order; the selective
//! form has every field but `netuid` as an `Option`, filled only for the requested indices
//! (the SDK's `SelectiveMetagraphIndex`: the field's position, `netuid` = 0, then 72
//! `validators` and 73 `commitments`, which only the selective form has). Both are generated
//! from one field list below, so the index, the order and the value of a field cannot drift
//! apart.
//!
//! Values are read from storage; where the reference reports a deprecated zero or empty list
//! this chain has the real value (`subnet_emission`, `pending_root_emission`, `trust`, `rank`,
//! `pruning_score`, `tao_dividends_per_hotkey`). True constants: `pow_registration_allowed`
//! false (no PoW registration), `commitments` empty (no commitments pallet). Per-UID vectors
//! have exactly one entry per UID (stored vectors are padded with 0 / false before the first
//! epoch). `identities` reads `IdentitiesV2`.
//!
//! Mechanisms: every subnet has `MechanismCountCurrent` = 1 mechanism, so only `mecid` 0
//! exists; a mechagraph's `netuid` is the reference's storage index `mecid · 4096 + netuid`.

use crate::*;
use alloc::vec::Vec;
use codec::{Compact, Decode, Encode};
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;
use substrate_fixed::types::I96F32;

/// The reference's `GLOBAL_MAX_SUBNET_COUNT`: a mechanism's storage index is
/// `mecid · 4096 + netuid` (the SDK decodes `netuid` this way).
pub const MECHANISM_INDEX_STRIDE: u16 = 4096;

/// One amount per UID.
type PerUid = Vec<Compact<u64>>;

/// A subnet's per-UID storage, read once per query.
pub(crate) struct UidView<T: Config> {
	/// The subnet.
	pub netuid: NetUid,
	/// UIDs in use.
	pub n: usize,
	/// Hotkey of each UID.
	pub hotkeys: Vec<T::AccountId>,
	stakes: Option<(PerUid, PerUid, PerUid)>,
}

impl<T: Config> UidView<T> {
	/// The view of `netuid`.
	pub fn new(netuid: NetUid) -> Self {
		let hotkeys: Vec<T::AccountId> = Pallet::<T>::epoch_hotkeys(netuid)
			.into_iter()
			// `Keys` covers every UID in use (checked by `do_try_state`).
			.map(|h| h.unwrap_or_else(T::UnownedAccount::get))
			.collect();
		Self { netuid, n: hotkeys.len(), hotkeys, stakes: None }
	}

	fn per_uid<V: Clone + Default, S: Get<u32>>(&self, stored: BoundedVec<V, S>) -> Vec<V> {
		let mut v = stored.into_inner();
		v.resize(self.n, V::default());
		v
	}

	fn compact_u16(&self, stored: BoundedVec<u16, MaxUids>) -> Vec<Compact<u16>> {
		self.per_uid(stored).into_iter().map(Compact).collect()
	}

	fn compact_u64(&self, stored: BoundedVec<u64, MaxUids>) -> Vec<Compact<u64>> {
		self.per_uid(stored).into_iter().map(Compact).collect()
	}

	/// Coldkey owning each hotkey.
	pub fn coldkeys(&self) -> Vec<T::AccountId> {
		self.hotkeys.iter().map(Owner::<T>::get).collect()
	}

	/// Identity of each UID's coldkey.
	pub fn identities(&self) -> Vec<Option<ChainIdentityV2>> {
		self.coldkeys().iter().map(Pallet::<T>::coldkey_identity).collect()
	}

	/// Axon of each UID (all zero if none served).
	pub fn axons(&self) -> Vec<AxonInfo> {
		self.hotkeys.iter().map(|h| Axons::<T>::get(self.netuid, h).unwrap_or_default()).collect()
	}

	/// `Active` per UID.
	pub fn active(&self) -> Vec<bool> {
		self.per_uid(Active::<T>::get(self.netuid))
	}

	/// `ValidatorPermit` per UID.
	pub fn validator_permit(&self) -> Vec<bool> {
		self.per_uid(ValidatorPermit::<T>::get(self.netuid))
	}

	/// `PruningScores` per UID.
	pub fn pruning_score(&self) -> Vec<Compact<u16>> {
		self.compact_u16(PruningScores::<T>::get(self.netuid))
	}

	/// `LastUpdate` per UID.
	pub fn last_update(&self) -> Vec<Compact<u64>> {
		self.compact_u64(LastUpdate::<T>::get(self.netuid))
	}

	/// `Emission` per UID.
	pub fn emission(&self) -> Vec<Compact<u64>> {
		self.compact_u64(Emission::<T>::get(self.netuid))
	}

	/// `Dividends` per UID.
	pub fn dividends(&self) -> Vec<Compact<u16>> {
		self.compact_u16(Dividends::<T>::get(self.netuid))
	}

	/// `Incentive` per UID.
	pub fn incentives(&self) -> Vec<Compact<u16>> {
		self.compact_u16(Incentive::<T>::get(self.netuid))
	}

	/// `Consensus` per UID.
	pub fn consensus(&self) -> Vec<Compact<u16>> {
		self.compact_u16(Consensus::<T>::get(self.netuid))
	}

	/// `Trust` per UID.
	pub fn trust(&self) -> Vec<Compact<u16>> {
		self.compact_u16(Trust::<T>::get(self.netuid))
	}

	/// `Rank` per UID.
	pub fn rank(&self) -> Vec<Compact<u16>> {
		self.compact_u16(Rank::<T>::get(self.netuid))
	}

	/// `BlockAtRegistration` per UID.
	pub fn block_at_registration(&self) -> Vec<Compact<u64>> {
		(0..self.n)
			.map(|uid| {
				let uid = u16::try_from(uid).unwrap_or(u16::MAX);
				Compact(BlockAtRegistration::<T>::get(self.netuid, uid))
			})
			.collect()
	}

	/// Per UID, after childkeys as the epoch counts them: (alpha of the hotkey here, its root
	/// TAO, alpha + `TaoWeight` × root, capped at `u64::MAX`). Computed once.
	pub fn stakes(&mut self) -> (PerUid, PerUid, PerUid) {
		if let Some(stakes) = &self.stakes {
			return stakes.clone();
		}
		let mut alpha = Vec::with_capacity(self.n);
		let mut tao = Vec::with_capacity(self.n);
		let mut total = Vec::with_capacity(self.n);
		for hotkey in &self.hotkeys {
			let stake = Pallet::<T>::inherited_stake(hotkey, self.netuid);
			alpha.push(Compact(stake.alpha));
			tao.push(Compact(stake.root));
			let weight = subtensor_math::childkeys::stake_weight(
				stake.alpha,
				stake.root,
				TaoWeight::<T>::get(),
			);
			total.push(Compact(u64::try_from(weight).unwrap_or(u64::MAX)));
		}
		let stakes = (alpha, tao, total);
		self.stakes = Some(stakes.clone());
		stakes
	}

	/// Root (TAO) dividends of each hotkey from this subnet at its last epoch.
	pub fn tao_dividends(&self) -> Vec<(T::AccountId, Compact<u64>)> {
		self.hotkeys
			.iter()
			.map(|h| (h.clone(), Compact(TaoDividendsPerSubnet::<T>::get(self.netuid, h))))
			.collect()
	}

	/// Alpha dividends of each hotkey at the subnet's last epoch.
	pub fn alpha_dividends(&self) -> Vec<(T::AccountId, Compact<u64>)> {
		self.hotkeys
			.iter()
			.map(|h| (h.clone(), Compact(AlphaDividendsPerSubnet::<T>::get(self.netuid, h))))
			.collect()
	}

	/// UIDs holding a validator permit whose counted stake exceeds `StakeThreshold`, by
	/// counted stake, largest first (ties by UID).
	pub fn validators(&mut self) -> Vec<Compact<u16>> {
		let permits = self.validator_permit();
		let (_, _, total) = self.stakes();
		let threshold = StakeThreshold::<T>::get();
		let mut validators: Vec<(u16, u64)> = (0u16..)
			.zip(permits.iter().zip(total.iter()))
			.filter(|(_, (permit, stake))| **permit && stake.0 > threshold)
			.map(|(uid, (_, stake))| (uid, stake.0))
			.collect();
		validators.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
		validators.into_iter().map(|(uid, _)| Compact(uid)).collect()
	}
}

/// Generates `Metagraph`, `SelectiveMetagraph` and the per-index filler from one list of
/// `index => field: type = |view| value;` (in the reference's order).
macro_rules! metagraph_fields {
	($( $(#[doc = $doc:literal])* $index:literal => $field:ident : $ty:ty = |$v:ident| $value:expr ;)*) => {
		/// A subnet's whole state (the reference's `Metagraph`, fields in its order).
		#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
		pub struct Metagraph<AccountId> {
			/// The subnet (a mechanism's storage index `mecid · 4096 + netuid`).
			pub netuid: Compact<NetUid>,
			$( $(#[doc = $doc])* pub $field: $ty, )*
		}

		/// The requested fields of a subnet's state (the reference's `SelectiveMetagraph`):
		/// `None` for every field not asked for.
		#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
		pub struct SelectiveMetagraph<AccountId> {
			/// The subnet (a mechanism's storage index `mecid · 4096 + netuid`); always set.
			pub netuid: Compact<NetUid>,
			$( $(#[doc = $doc])* pub $field: Option<$ty>, )*
			/// Index 72: UIDs with a validator permit and stake above `StakeThreshold`, by
			/// stake, largest first.
			pub validators: Option<Vec<Compact<u16>>>,
			/// Index 73: commitments by hotkey (always empty: no commitments pallet).
			pub commitments: Option<Vec<(AccountId, Vec<Compact<u8>>)>>,
		}

		impl<AccountId> SelectiveMetagraph<AccountId> {
			/// Nothing requested yet.
			pub fn empty(netuid: NetUid) -> Self {
				Self { netuid: Compact(netuid), $( $field: None, )* validators: None, commitments: None }
			}

			/// The full metagraph, if every field of it is filled.
			pub fn into_full(self) -> Option<Metagraph<AccountId>> {
				Some(Metagraph { netuid: self.netuid, $( $field: self.$field?, )* })
			}
		}

		impl<T: Config> Pallet<T> {
			/// Fill field `index` of `out` from `view` (unknown indices fill nothing).
			fn fill_selective(
				out: &mut SelectiveMetagraph<T::AccountId>,
				view: &mut UidView<T>,
				index: u16,
			) {
				match index {
					$( $index => {
						let $v = &mut *view;
						out.$field = Some($value);
					} )*
					72 => out.validators = Some(view.validators()),
					73 => out.commitments = Some(Vec::new()),
					_ => {},
				}
			}

			/// Every index [`Self::fill_selective`] knows, `netuid` (0) included.
			pub fn metagraph_indexes() -> Vec<u16> {
				let mut all = alloc::vec![0u16];
				$( all.push($index); )*
				all.extend([72, 73]);
				all
			}
		}
	};
}

metagraph_fields! {
	/// Name from the subnet's identity (UTF-8; empty without one).
	1 => name: Vec<Compact<u8>> = |v| Pallet::<T>::subnet_name_bytes(v.netuid);
	/// Token symbol (UTF-8).
	2 => symbol: Vec<Compact<u8>> = |v| TokenSymbol::<T>::get(v.netuid).into_iter().map(Compact).collect();
	/// `SubnetIdentitiesV3`.
	3 => identity: Option<SubnetIdentityV3> = |v| SubnetIdentitiesV3::<T>::get(v.netuid);
	/// Block of the subnet's registration.
	4 => network_registered_at: Compact<u64> = |v| Compact(NetworkRegisteredAt::<T>::get(v.netuid));
	/// Owner hotkey (the zero account for root).
	5 => owner_hotkey: AccountId = |v| SubnetOwnerHotkey::<T>::get(v.netuid).unwrap_or_else(T::UnownedAccount::get);
	/// Owner coldkey (the zero account for root).
	6 => owner_coldkey: AccountId = |v| SubnetOwner::<T>::get(v.netuid).unwrap_or_else(T::UnownedAccount::get);
	/// Block of the query.
	7 => block: Compact<u64> = |_v| Compact(Pallet::<T>::current_block());
	/// `Tempo`.
	8 => tempo: Compact<u16> = |v| Compact(Tempo::<T>::get(v.netuid));
	/// Block of the last epoch.
	9 => last_step: Compact<u64> = |v| Compact(LastMechansimStepBlock::<T>::get(v.netuid));
	/// `BlocksSinceLastStep`.
	10 => blocks_since_last_step: Compact<u64> = |v| Compact(BlocksSinceLastStep::<T>::get(v.netuid));
	/// TAO the subnet received from the last block's emission, RAO.
	11 => subnet_emission: Compact<u64> = |v| Compact(SubnetTaoInEmission::<T>::get(v.netuid));
	/// Alpha reserve.
	12 => alpha_in: Compact<u64> = |v| Compact(SubnetAlphaIn::<T>::get(v.netuid));
	/// Alpha outside the pool.
	13 => alpha_out: Compact<u64> = |v| Compact(SubnetAlphaOut::<T>::get(v.netuid));
	/// TAO reserve.
	14 => tao_in: Compact<u64> = |v| Compact(SubnetTAO::<T>::get(v.netuid));
	/// Alpha minted for participants by the last block.
	15 => alpha_out_emission: Compact<u64> = |v| Compact(SubnetAlphaOutEmission::<T>::get(v.netuid));
	/// Alpha injected into the pool by the last block.
	16 => alpha_in_emission: Compact<u64> = |v| Compact(SubnetAlphaInEmission::<T>::get(v.netuid));
	/// TAO injected into the pool by the last block.
	17 => tao_in_emission: Compact<u64> = |v| Compact(SubnetTaoInEmission::<T>::get(v.netuid));
	/// Alpha accrued for the next epoch (miners, validators and owner).
	18 => pending_alpha_emission: Compact<u64> = |v| Compact(Pallet::<T>::pending_alpha_emission(v.netuid));
	/// Root's alpha accrued for the next epoch.
	19 => pending_root_emission: Compact<u64> = |v| Compact(PendingRootAlphaDivs::<T>::get(v.netuid));
	/// TAO traded through the pool.
	20 => subnet_volume: Compact<u128> = |v| Compact(SubnetVolume::<T>::get(v.netuid));
	/// EMA of the price.
	21 => moving_price: I96F32 = |v| SubnetMovingPrice::<T>::get(v.netuid);
	/// `Rho`.
	22 => rho: Compact<u16> = |v| Compact(Rho::<T>::get(v.netuid));
	/// `Kappa`.
	23 => kappa: Compact<u16> = |v| Compact(Kappa::<T>::get(v.netuid));
	/// `MinAllowedWeights`.
	24 => min_allowed_weights: Compact<u16> = |v| Compact(MinAllowedWeights::<T>::get(v.netuid));
	/// `MaxWeightsLimit`.
	25 => max_weights_limit: Compact<u16> = |v| Compact(MaxWeightsLimit::<T>::get(v.netuid));
	/// `WeightsVersionKey`.
	26 => weights_version: Compact<u64> = |v| Compact(WeightsVersionKey::<T>::get(v.netuid));
	/// `WeightsSetRateLimit`.
	27 => weights_rate_limit: Compact<u64> = |v| Compact(WeightsSetRateLimit::<T>::get(v.netuid));
	/// `ActivityCutoff`.
	28 => activity_cutoff: Compact<u64> = |v| Compact(u64::from(ActivityCutoff::<T>::get(v.netuid)));
	/// `MaxAllowedValidators`.
	29 => max_validators: Compact<u16> = |v| Compact(MaxAllowedValidators::<T>::get(v.netuid));
	/// UIDs in use.
	30 => num_uids: Compact<u16> = |v| Compact(SubnetworkN::<T>::get(v.netuid));
	/// `MaxAllowedUids`.
	31 => max_uids: Compact<u16> = |v| Compact(MaxAllowedUids::<T>::get(v.netuid));
	/// `Burn`: the UID registration cost, RAO.
	32 => burn: Compact<u64> = |v| Compact(Burn::<T>::get(v.netuid));
	/// `Difficulty`.
	33 => difficulty: Compact<u64> = |v| Compact(Difficulty::<T>::get(v.netuid));
	/// `NetworkRegistrationAllowed`.
	34 => registration_allowed: bool = |v| NetworkRegistrationAllowed::<T>::get(v.netuid);
	/// Proof-of-work registration: not offered by this chain, false.
	35 => pow_registration_allowed: bool = |_v| false;
	/// `ImmunityPeriod`.
	36 => immunity_period: Compact<u16> = |v| Compact(ImmunityPeriod::<T>::get(v.netuid));
	/// `MinDifficulty`.
	37 => min_difficulty: Compact<u64> = |v| Compact(MinDifficulty::<T>::get(v.netuid));
	/// `MaxDifficulty`.
	38 => max_difficulty: Compact<u64> = |v| Compact(MaxDifficulty::<T>::get(v.netuid));
	/// `MinBurn`.
	39 => min_burn: Compact<u64> = |v| Compact(MinBurn::<T>::get(v.netuid));
	/// `MaxBurn`.
	40 => max_burn: Compact<u64> = |v| Compact(MaxBurn::<T>::get(v.netuid));
	/// `AdjustmentAlpha`.
	41 => adjustment_alpha: Compact<u64> = |v| Compact(AdjustmentAlpha::<T>::get(v.netuid));
	/// `AdjustmentInterval`.
	42 => adjustment_interval: Compact<u16> = |v| Compact(AdjustmentInterval::<T>::get(v.netuid));
	/// `TargetRegistrationsPerInterval`.
	43 => target_regs_per_interval: Compact<u16> = |v| Compact(TargetRegistrationsPerInterval::<T>::get(v.netuid));
	/// `MaxRegistrationsPerBlock`.
	44 => max_regs_per_block: Compact<u16> = |v| Compact(MaxRegistrationsPerBlock::<T>::get(v.netuid));
	/// `ServingRateLimit`.
	45 => serving_rate_limit: Compact<u64> = |v| Compact(ServingRateLimit::<T>::get(v.netuid));
	/// `CommitRevealWeightsEnabled`.
	46 => commit_reveal_weights_enabled: bool = |v| CommitRevealWeightsEnabled::<T>::get(v.netuid);
	/// Commit-reveal period in epochs ([`Pallet::commit_reveal_period`]).
	47 => commit_reveal_period: Compact<u64> = |v| Compact(Pallet::<T>::commit_reveal_period(v.netuid));
	/// `LiquidAlphaOn`.
	48 => liquid_alpha_enabled: bool = |v| LiquidAlphaOn::<T>::get(v.netuid);
	/// High liquid-alpha bound.
	49 => alpha_high: Compact<u16> = |v| Compact(AlphaValues::<T>::get(v.netuid).1);
	/// Low liquid-alpha bound.
	50 => alpha_low: Compact<u16> = |v| Compact(AlphaValues::<T>::get(v.netuid).0);
	/// `BondsMovingAverage`.
	51 => bonds_moving_avg: Compact<u64> = |v| Compact(BondsMovingAverage::<T>::get(v.netuid));
	/// Hotkey of each UID.
	52 => hotkeys: Vec<AccountId> = |v| v.hotkeys.clone();
	/// Coldkey of each UID.
	53 => coldkeys: Vec<AccountId> = |v| v.coldkeys();
	/// Identity of each UID's coldkey (`IdentitiesV2`).
	54 => identities: Vec<Option<ChainIdentityV2>> = |v| v.identities();
	/// Axon of each UID (all zero if none).
	55 => axons: Vec<AxonInfo> = |v| v.axons();
	/// Whether each UID was active at the last epoch.
	56 => active: Vec<bool> = |v| v.active();
	/// Whether each UID holds a validator permit.
	57 => validator_permit: Vec<bool> = |v| v.validator_permit();
	/// Pruning score of each UID.
	58 => pruning_score: Vec<Compact<u16>> = |v| v.pruning_score();
	/// Block of each UID's last weights.
	59 => last_update: Vec<Compact<u64>> = |v| v.last_update();
	/// Alpha each UID earned at the last epoch.
	60 => emission: Vec<Compact<u64>> = |v| v.emission();
	/// Dividend share of each UID.
	61 => dividends: Vec<Compact<u16>> = |v| v.dividends();
	/// Incentive share of each UID.
	62 => incentives: Vec<Compact<u16>> = |v| v.incentives();
	/// Consensus weight of each UID.
	63 => consensus: Vec<Compact<u16>> = |v| v.consensus();
	/// Legacy trust of each UID.
	64 => trust: Vec<Compact<u16>> = |v| v.trust();
	/// Legacy rank of each UID.
	65 => rank: Vec<Compact<u16>> = |v| v.rank();
	/// Block at which each UID was registered.
	66 => block_at_registration: Vec<Compact<u64>> = |v| v.block_at_registration();
	/// Alpha staked to each UID's hotkey here.
	67 => alpha_stake: Vec<Compact<u64>> = |v| v.stakes().0;
	/// Root TAO staked to each UID's hotkey.
	68 => tao_stake: Vec<Compact<u64>> = |v| v.stakes().1;
	/// Stake the epoch counts for each UID: alpha + `TaoWeight` × root.
	69 => total_stake: Vec<Compact<u64>> = |v| v.stakes().2;
	/// Root (TAO) dividends of each UID's hotkey from this subnet at its last epoch.
	70 => tao_dividends_per_hotkey: Vec<(AccountId, Compact<u64>)> = |v| v.tao_dividends();
	/// Alpha dividends of each UID's hotkey at the last epoch.
	71 => alpha_dividends_per_hotkey: Vec<(AccountId, Compact<u64>)> = |v| v.alpha_dividends();
}

impl<T: Config> Pallet<T> {
	/// The subnet's name from its identity, UTF-8 (empty without an identity).
	pub fn subnet_name_bytes(netuid: NetUid) -> Vec<Compact<u8>> {
		SubnetIdentitiesV3::<T>::get(netuid)
			.map(|identity| identity.subnet_name.into_iter().map(Compact).collect())
			.unwrap_or_default()
	}

	/// Alpha accrued for the next epoch of `netuid`: miners', validators' and the owner's.
	pub fn pending_alpha_emission(netuid: NetUid) -> u64 {
		PendingServerEmission::<T>::get(netuid)
			.saturating_add(PendingValidatorEmission::<T>::get(netuid))
			.saturating_add(PendingOwnerCut::<T>::get(netuid))
	}

	/// The storage index of mechanism `mecid` of `netuid` (`mecid · 4096 + netuid`); `None` if
	/// the subnet or the mechanism does not exist.
	pub fn mechanism_index(netuid: NetUid, mecid: u8) -> Option<u16> {
		if !Self::subnet_exists(netuid) || mecid >= MechanismCountCurrent::<T>::get(netuid) {
			return None;
		}
		u16::from(mecid).checked_mul(MECHANISM_INDEX_STRIDE)?.checked_add(netuid)
	}

	/// `get_selective_mechagraph`: the fields of `metagraph_indexes` (unknown indices are
	/// ignored) of mechanism `mecid` of `netuid`; `None` if it does not exist.
	pub fn get_selective_mechagraph(
		netuid: NetUid,
		mecid: u8,
		metagraph_indexes: Vec<u16>,
	) -> Option<SelectiveMetagraph<T::AccountId>> {
		let index = Self::mechanism_index(netuid, mecid)?;
		let mut view = UidView::<T>::new(netuid);
		let mut out = SelectiveMetagraph::empty(index);
		for i in metagraph_indexes {
			Self::fill_selective(&mut out, &mut view, i);
		}
		Some(out)
	}

	/// `get_selective_metagraph`: [`Self::get_selective_mechagraph`] of mechanism 0.
	pub fn get_selective_metagraph(
		netuid: NetUid,
		metagraph_indexes: Vec<u16>,
	) -> Option<SelectiveMetagraph<T::AccountId>> {
		Self::get_selective_mechagraph(netuid, 0, metagraph_indexes)
	}

	/// `get_mechagraph`: every field of mechanism `mecid` of `netuid`; `None` if it does not
	/// exist.
	pub fn get_mechagraph(netuid: NetUid, mecid: u8) -> Option<Metagraph<T::AccountId>> {
		Self::get_selective_mechagraph(netuid, mecid, Self::metagraph_indexes())?.into_full()
	}

	/// `get_metagraph`: every field of `netuid` (mechanism 0); `None` for an unknown subnet.
	pub fn get_metagraph(netuid: NetUid) -> Option<Metagraph<T::AccountId>> {
		Self::get_mechagraph(netuid, 0)
	}

	/// `get_all_metagraphs`: every subnet, root included, in netuid order.
	pub fn get_all_metagraphs() -> Vec<Option<Metagraph<T::AccountId>>> {
		Self::subnet_netuids().into_iter().map(Self::get_metagraph).collect()
	}

	/// `get_all_mechagraphs`: every mechanism of every subnet, by netuid then mechanism.
	pub fn get_all_mechagraphs() -> Vec<Option<Metagraph<T::AccountId>>> {
		Self::subnet_netuids()
			.into_iter()
			.flat_map(|netuid| {
				(0..MechanismCountCurrent::<T>::get(netuid))
					.map(move |mecid| Self::get_mechagraph(netuid, mecid))
			})
			.collect()
	}
}
