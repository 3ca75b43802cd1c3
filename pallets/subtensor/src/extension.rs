//! `SubtensorTransactionExtension`: pool-time validation of the free (`Pays::No`) calls.
//!
//! Validators' everyday calls pay no fee, so that a hotkey holding no TAO can send them:
//! `set_weights`, `set_mechanism_weights`, `batch_set_weights`, `commit_weights`,
//! `commit_mechanism_weights`, `batch_commit_weights`, `reveal_weights`,
//! `reveal_mechanism_weights`, `batch_reveal_weights`, `serve_axon`, `serve_axon_tls`,
//! `serve_prometheus`, `increase_take`, `decrease_take`. A free call that fails would cost its
//! sender nothing, so this extension runs, in `validate`, exactly the checks of the call (the
//! pallet's side-effect-free `check_*` functions, which the calls themselves also run) and
//! rejects a call that would fail with `InvalidTransaction::Custom(code)`. Every other call
//! passes through untouched.
//!
//! `validate` runs when a transaction enters the pool, when the pool revalidates it, and again
//! when a block is built (`apply_extrinsic` → `dispatch_transaction` → `validate_and_prepare`
//! → `validate`), so a free call that became invalid meanwhile is left out of the block (the
//! block builder drops a transaction whose validation fails) instead of being included as a
//! free failure.
//!
//! On the wire the extension is empty: a `PhantomData` struct (zero bytes) with `Implicit = ()`
//! (zero bytes in the signed payload), so clients that do not know its identifier can still
//! build transactions (clients.md §0.5, §1.2).
//!
//! Pool policy:
//! - Each accepted free call `provides` the tag `("SubtensorFree", kind, signer, netuid or
//!   hotkey)`, so the pool keeps one pending free call per signer, subnet (or hotkey) and kind;
//!   a second one is refused until the first is included or dropped.
//! - Its priority is 0 (it never outranks a paying transaction) and its longevity is
//!   [`FREE_CALL_LONGEVITY`] blocks.
//! - A `batch_set_weights` or `batch_commit_weights` is free only if every item would succeed:
//!   it is refused if empty, if a netuid appears twice, or if any item fails its check (the
//!   call itself skips failed items, as the reference).
//! - Free calls nested in `Utility.batch`/`batch_all`/`force_batch`/`as_derivative`/
//!   `dispatch_as` are not free: pallet-utility declares those wrappers `Pays::Yes` and reports
//!   `Pays::Yes` after dispatch whatever the inner calls declare, so the batch pays its fee and
//!   the inner calls need no pool check. `Sudo` wrappers can only be sent by the sudo key.
//!
//! ## Rejection codes
//!
//! `InvalidTransaction::Custom(code)`, one code per reason (stable; never renumbered):
//!
//! | code | reason | pallet error |
//! |---:|---|---|
//! | 1 | subnet does not exist | `SubnetNotExists` |
//! | 2 | signer (hotkey) not registered on the subnet | `HotKeyNotRegisteredInSubNet`, `HotKeyNotRegisteredInNetwork` |
//! | 3 | commit-reveal is on: plain `set_weights` refused | `CommitRevealEnabled` |
//! | 4 | commit-reveal is off: commit/reveal refused | `CommitRevealDisabled` |
//! | 5 | `dests` and `weights` lengths differ | `WeightVecNotEqualSize` |
//! | 6 | more weights than UIDs | `UidsLengthExceedUidsInSubNet` |
//! | 7 | stake below `StakeThreshold` | `NotEnoughStakeToSetWeights` |
//! | 8 | `version_key` below `WeightsVersionKey` | `IncorrectWeightVersionKey` |
//! | 9 | weights set too fast (`WeightsSetRateLimit`) | `SettingWeightsTooFast` |
//! | 10 | no validator permit | `NeuronNoValidatorPermit` |
//! | 11 | duplicate UID | `DuplicateUids` |
//! | 12 | UID out of range | `UidVecContainInvalidOne` |
//! | 13 | fewer weights than `MinAllowedWeights` | `WeightVecLengthIsLow` |
//! | 14 | a weight above `MaxWeightsLimit` | `MaxWeightExceeded` |
//! | 15 | mechanism other than 0 | `MechanismDoesNotExist` |
//! | 16 | commit too fast (`WeightsSetRateLimit`) | `CommittingWeightsTooFast` |
//! | 17 | too many unrevealed commits | `TooManyUnrevealedCommits` |
//! | 18 | no commit to reveal | `NoWeightsCommitFound` |
//! | 19 | reveal before the commit's reveal epoch | `RevealTooEarly` |
//! | 20 | reveal after the commit's reveal epoch (expired) | `ExpiredWeightCommit` |
//! | 21 | revealed data matches no commit | `InvalidRevealCommitHashNotMatch` |
//! | 22 | batch argument lengths differ | `InputLengthsUnequal` |
//! | 23 | IP type not 4 or 6 | `InvalidIpType` |
//! | 24 | invalid IP address | `InvalidIpAddress` |
//! | 25 | port 0 | `InvalidPort` |
//! | 26 | axon protocol too high | `InvalidProtocol` |
//! | 27 | endpoint served too fast (`ServingRateLimit`) | `ServingRateLimitExceeded` |
//! | 28 | TLS certificate empty or too long | `InvalidCertificate` |
//! | 29 | hotkey has no owner | `HotKeyAccountNotExists` |
//! | 30 | signer (coldkey) does not own the hotkey | `NonAssociatedColdKey` |
//! | 31 | take too low / not below the current take | `DelegateTakeTooLow` |
//! | 32 | take too high / not above the current take | `DelegateTakeTooHigh` |
//! | 33 | take changed too recently (`TxDelegateTakeRateLimit`) | `DelegateTxRateLimitExceeded` |
//! | 34 | batch has no item | — (extension policy) |
//! | 35 | batch names a netuid twice | — (extension policy) |
//! | 36 | the signer, or an account a nested call acts as (`Config::NestedCalls`: a proxy's real account, a multisig, a derivative), has an announced coldkey swap: only the swap's own calls pass | `ColdkeySwapAnnounced` |
//! | 37 | that coldkey swap is disputed: no call passes | `ColdkeySwapDisputed` |
//! | 38 | more than [`MAX_NESTED_CALLS`] calls to check | — (extension policy) |
//! | 39 | commitment over the space limit of the epoch | `Commitments::SpaceLimitExceeded` |
//! | 40 | commitment has too many fields | `Commitments::TooManyFieldsInCommitmentInfo` |
//! | 41 | timelocked commitment (no drand on this chain) | `Commitments::TimelockNotSupported` |
//! | 42 | commitment deposit cannot be reserved or released | `Commitments::InsufficientBalanceForDeposit`, `Commitments::UnexpectedUnreserveLeftover` |
//! | 255 | any other failure of the call | any other error |

use crate::*;
use alloc::{collections::btree_set::BTreeSet, vec, vec::Vec};
use codec::{Compact, Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{pallet_prelude::TransactionSource, traits::IsSubType, DefaultNoBound};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{DispatchInfoOf, Get, Implication, TransactionExtension, ValidateResult},
	transaction_validity::{
		InvalidTransaction, TransactionLongevity, TransactionValidityError, ValidTransaction,
	},
	Weight,
};

/// Blocks a free call stays valid in the pool before it must be revalidated from scratch.
pub const FREE_CALL_LONGEVITY: TransactionLongevity = 64;

/// Storage reads the extension's checks of one free call make, at most (a `set_weights` or a
/// reveal; the others read fewer). Provisional, not benchmarked; counted per batch item.
const READS_PER_CHECK: u64 = 20;

/// Why a free call was rejected in the pool: the `u8` of `InvalidTransaction::Custom`. The
/// table is in the module docs; codes never change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
#[allow(missing_docs)]
pub enum CustomTransactionError {
	SubnetNotExists = 1,
	HotKeyNotRegistered = 2,
	CommitRevealEnabled = 3,
	CommitRevealDisabled = 4,
	WeightVecNotEqualSize = 5,
	UidsLengthExceedUidsInSubNet = 6,
	NotEnoughStakeToSetWeights = 7,
	IncorrectWeightVersionKey = 8,
	SettingWeightsTooFast = 9,
	NeuronNoValidatorPermit = 10,
	DuplicateUids = 11,
	UidVecContainInvalidOne = 12,
	WeightVecLengthIsLow = 13,
	MaxWeightExceeded = 14,
	MechanismDoesNotExist = 15,
	CommittingWeightsTooFast = 16,
	TooManyUnrevealedCommits = 17,
	NoWeightsCommitFound = 18,
	RevealTooEarly = 19,
	ExpiredWeightCommit = 20,
	InvalidRevealCommitHashNotMatch = 21,
	InputLengthsUnequal = 22,
	InvalidIpType = 23,
	InvalidIpAddress = 24,
	InvalidPort = 25,
	InvalidProtocol = 26,
	ServingRateLimitExceeded = 27,
	InvalidCertificate = 28,
	HotKeyAccountNotExists = 29,
	NonAssociatedColdKey = 30,
	DelegateTakeTooLow = 31,
	DelegateTakeTooHigh = 32,
	DelegateTxRateLimitExceeded = 33,
	EmptyBatch = 34,
	DuplicateNetuidInBatch = 35,
	ColdkeySwapAnnounced = 36,
	ColdkeySwapDisputed = 37,
	/// The transaction dispatches more than [`MAX_NESTED_CALLS`] calls (through proxies,
	/// multisigs, batches) for the coldkey-swap guard to check.
	TooManyNestedCalls = 38,
	CommitmentSpaceLimitExceeded = 39,
	CommitmentTooManyFields = 40,
	CommitmentTimelockNotSupported = 41,
	CommitmentDepositNotReservable = 42,
	Other = 255,
}

impl CustomTransactionError {
	/// The code sent in `InvalidTransaction::Custom`.
	pub fn code(self) -> u8 {
		self as u8
	}
}

impl From<CustomTransactionError> for TransactionValidityError {
	fn from(e: CustomTransactionError) -> Self {
		InvalidTransaction::Custom(e.code()).into()
	}
}

impl<T: Config> From<Error<T>> for CustomTransactionError {
	fn from(e: Error<T>) -> Self {
		use CustomTransactionError as C;
		match e {
			Error::<T>::SubnetNotExists => C::SubnetNotExists,
			Error::<T>::HotKeyNotRegisteredInSubNet | Error::<T>::HotKeyNotRegisteredInNetwork => {
				C::HotKeyNotRegistered
			},
			Error::<T>::CommitRevealEnabled => C::CommitRevealEnabled,
			Error::<T>::CommitRevealDisabled => C::CommitRevealDisabled,
			Error::<T>::WeightVecNotEqualSize => C::WeightVecNotEqualSize,
			Error::<T>::UidsLengthExceedUidsInSubNet => C::UidsLengthExceedUidsInSubNet,
			Error::<T>::NotEnoughStakeToSetWeights => C::NotEnoughStakeToSetWeights,
			Error::<T>::IncorrectWeightVersionKey => C::IncorrectWeightVersionKey,
			Error::<T>::SettingWeightsTooFast => C::SettingWeightsTooFast,
			Error::<T>::NeuronNoValidatorPermit => C::NeuronNoValidatorPermit,
			Error::<T>::DuplicateUids => C::DuplicateUids,
			Error::<T>::UidVecContainInvalidOne => C::UidVecContainInvalidOne,
			Error::<T>::WeightVecLengthIsLow => C::WeightVecLengthIsLow,
			Error::<T>::MaxWeightExceeded => C::MaxWeightExceeded,
			Error::<T>::MechanismDoesNotExist => C::MechanismDoesNotExist,
			Error::<T>::CommittingWeightsTooFast => C::CommittingWeightsTooFast,
			Error::<T>::TooManyUnrevealedCommits => C::TooManyUnrevealedCommits,
			Error::<T>::NoWeightsCommitFound => C::NoWeightsCommitFound,
			Error::<T>::RevealTooEarly => C::RevealTooEarly,
			Error::<T>::ExpiredWeightCommit => C::ExpiredWeightCommit,
			Error::<T>::InvalidRevealCommitHashNotMatch => C::InvalidRevealCommitHashNotMatch,
			Error::<T>::InputLengthsUnequal => C::InputLengthsUnequal,
			Error::<T>::InvalidIpType => C::InvalidIpType,
			Error::<T>::InvalidIpAddress => C::InvalidIpAddress,
			Error::<T>::InvalidPort => C::InvalidPort,
			Error::<T>::InvalidProtocol => C::InvalidProtocol,
			Error::<T>::ServingRateLimitExceeded => C::ServingRateLimitExceeded,
			Error::<T>::InvalidCertificate => C::InvalidCertificate,
			Error::<T>::HotKeyAccountNotExists => C::HotKeyAccountNotExists,
			Error::<T>::NonAssociatedColdKey => C::NonAssociatedColdKey,
			Error::<T>::DelegateTakeTooLow => C::DelegateTakeTooLow,
			Error::<T>::DelegateTakeTooHigh => C::DelegateTakeTooHigh,
			Error::<T>::DelegateTxRateLimitExceeded => C::DelegateTxRateLimitExceeded,
			Error::<T>::ColdkeySwapAnnounced => C::ColdkeySwapAnnounced,
			Error::<T>::ColdkeySwapDisputed => C::ColdkeySwapDisputed,
			_ => C::Other,
		}
	}
}

/// Pool-time checks of the free calls of other pallets, composed by the runtime (module docs).
pub trait OtherFreeCalls<T: frame_system::Config> {
	/// `Ok(Some(tags))` if `call` is a free call of another pallet that would succeed if
	/// dispatched now by `who`, with the pool tags it provides; `Ok(None)` if it is not such a
	/// call; the rejection otherwise. Writes nothing.
	fn check_free_call(
		who: &T::AccountId,
		call: &<T as frame_system::Config>::RuntimeCall,
	) -> Result<Option<Vec<Vec<u8>>>, CustomTransactionError>;

	/// The weight of that check for `call` (zero for a call it does not check).
	fn check_weight(call: &<T as frame_system::Config>::RuntimeCall) -> Weight;
}

/// No other pallet has free calls.
impl<T: frame_system::Config> OtherFreeCalls<T> for () {
	fn check_free_call(
		_: &T::AccountId,
		_: &<T as frame_system::Config>::RuntimeCall,
	) -> Result<Option<Vec<Vec<u8>>>, CustomTransactionError> {
		Ok(None)
	}

	fn check_weight(_: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		Weight::zero()
	}
}

/// The pool validity of a free call of another pallet ([`OtherFreeCalls`]): its `tags`,
/// priority 0, [`FREE_CALL_LONGEVITY`], as the pallet's own free calls.
pub fn other_free_call_validity(tags: Vec<Vec<u8>>) -> ValidTransaction {
	free_validity(tags)
}

/// Which free call a pool tag is for (part of the `provides` tag).
#[derive(Clone, Copy, Encode)]
#[repr(u8)]
enum FreeKind {
	SetWeights = 0,
	CommitWeights = 1,
	RevealWeights = 2,
	ServeAxon = 3,
	ServePrometheus = 4,
	Take = 5,
}

/// The transaction extension validating the free calls of `SubtensorModule` (module docs).
/// Zero bytes on the wire.
#[derive(Encode, Decode, DecodeWithMemTracking, DefaultNoBound, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct SubtensorTransactionExtension<T: Config + Send + Sync>(PhantomData<T>);

impl<T: Config + Send + Sync> SubtensorTransactionExtension<T> {
	/// The extension (it carries no data).
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T: Config + Send + Sync> core::fmt::Debug for SubtensorTransactionExtension<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "SubtensorTransactionExtension")
	}
}

/// The pool validity of an accepted free call: its tag, priority 0, [`FREE_CALL_LONGEVITY`].
fn free_validity(tags: Vec<Vec<u8>>) -> ValidTransaction {
	ValidTransaction {
		priority: 0,
		requires: Vec::new(),
		provides: tags,
		longevity: FREE_CALL_LONGEVITY,
		propagate: true,
	}
}

/// The `provides` tag of a free call.
fn tag<A: Encode, K: Encode>(kind: FreeKind, who: &A, key: &K) -> Vec<u8> {
	(b"SubtensorFree", kind, who, key).encode()
}

/// Refuse a batch that is empty or names a netuid twice.
fn ensure_batch_netuids(netuids: &[Compact<NetUid>]) -> Result<(), CustomTransactionError> {
	if netuids.is_empty() {
		return Err(CustomTransactionError::EmptyBatch);
	}
	let unique: BTreeSet<NetUid> = netuids.iter().map(|n| n.0).collect();
	if unique.len() != netuids.len() {
		return Err(CustomTransactionError::DuplicateNetuidInBatch);
	}
	Ok(())
}

impl<T: Config + Send + Sync> SubtensorTransactionExtension<T> {
	/// The pool tags of `call` from `who` if it is a free call that would succeed; `Ok(None)` if
	/// it is not a free call; the rejection otherwise.
	pub fn check_free_call(
		who: &T::AccountId,
		call: &Call<T>,
	) -> Result<Option<Vec<Vec<u8>>>, CustomTransactionError> {
		use FreeKind as K;
		let tags = match call {
			Call::set_weights { netuid, dests, weights, version_key } => {
				Pallet::<T>::check_set_weights(who, *netuid, dests, weights, *version_key)?;
				vec![tag(K::SetWeights, who, netuid)]
			},
			Call::set_mechanism_weights { netuid, mecid, dests, weights, version_key } => {
				if *mecid != 0 {
					return Err(CustomTransactionError::MechanismDoesNotExist);
				}
				Pallet::<T>::check_set_weights(who, *netuid, dests, weights, *version_key)?;
				vec![tag(K::SetWeights, who, netuid)]
			},
			Call::batch_set_weights { netuids, weights, version_keys } => {
				ensure_batch_netuids(netuids)?;
				Pallet::<T>::check_batch_set_weights(who, netuids, weights, version_keys)?;
				netuids.iter().map(|n| tag(K::SetWeights, who, &n.0)).collect()
			},
			Call::commit_weights { netuid, .. } => {
				Pallet::<T>::check_commit_weights(who, *netuid)?;
				vec![tag(K::CommitWeights, who, netuid)]
			},
			Call::commit_mechanism_weights { netuid, mecid, .. } => {
				if *mecid != 0 {
					return Err(CustomTransactionError::MechanismDoesNotExist);
				}
				Pallet::<T>::check_commit_weights(who, *netuid)?;
				vec![tag(K::CommitWeights, who, netuid)]
			},
			Call::batch_commit_weights { netuids, commit_hashes } => {
				ensure_batch_netuids(netuids)?;
				Pallet::<T>::check_batch_commit_weights(who, netuids, commit_hashes)?;
				netuids.iter().map(|n| tag(K::CommitWeights, who, &n.0)).collect()
			},
			Call::reveal_weights { netuid, uids, values, salt, version_key } => {
				Pallet::<T>::check_reveal_weights(who, *netuid, uids, values, salt, *version_key)?;
				vec![tag(K::RevealWeights, who, netuid)]
			},
			Call::reveal_mechanism_weights { netuid, mecid, uids, values, salt, version_key } => {
				if *mecid != 0 {
					return Err(CustomTransactionError::MechanismDoesNotExist);
				}
				Pallet::<T>::check_reveal_weights(who, *netuid, uids, values, salt, *version_key)?;
				vec![tag(K::RevealWeights, who, netuid)]
			},
			Call::batch_reveal_weights {
				netuid,
				uids_list,
				values_list,
				salts_list,
				version_keys,
			} => {
				Pallet::<T>::check_batch_reveal_weights(
					who,
					*netuid,
					uids_list,
					values_list,
					salts_list,
					version_keys,
				)?;
				vec![tag(K::RevealWeights, who, netuid)]
			},
			Call::serve_axon {
				netuid,
				version,
				ip,
				port,
				ip_type,
				protocol,
				placeholder1,
				placeholder2,
			} => {
				let axon = AxonInfo {
					block: 0,
					version: *version,
					ip: *ip,
					port: *port,
					ip_type: *ip_type,
					protocol: *protocol,
					placeholder1: *placeholder1,
					placeholder2: *placeholder2,
				};
				Pallet::<T>::check_serve_axon(who, *netuid, &axon, None)?;
				vec![tag(K::ServeAxon, who, netuid)]
			},
			Call::serve_axon_tls {
				netuid,
				version,
				ip,
				port,
				ip_type,
				protocol,
				placeholder1,
				placeholder2,
				certificate,
			} => {
				let axon = AxonInfo {
					block: 0,
					version: *version,
					ip: *ip,
					port: *port,
					ip_type: *ip_type,
					protocol: *protocol,
					placeholder1: *placeholder1,
					placeholder2: *placeholder2,
				};
				Pallet::<T>::check_serve_axon(who, *netuid, &axon, Some(certificate))?;
				vec![tag(K::ServeAxon, who, netuid)]
			},
			Call::serve_prometheus { netuid, version, ip, port, ip_type } => {
				let info = PrometheusInfo {
					block: 0,
					version: *version,
					ip: *ip,
					port: *port,
					ip_type: *ip_type,
				};
				Pallet::<T>::check_serve_prometheus(who, *netuid, &info)?;
				vec![tag(K::ServePrometheus, who, netuid)]
			},
			Call::increase_take { hotkey, take } => {
				Pallet::<T>::check_increase_take(who, hotkey, *take)?;
				vec![tag(K::Take, who, hotkey)]
			},
			Call::decrease_take { hotkey, take } => {
				Pallet::<T>::check_decrease_take(who, hotkey, *take)?;
				vec![tag(K::Take, who, hotkey)]
			},
			_ => return Ok(None),
		};
		Ok(Some(tags))
	}

	/// How many items the checks of `call` cover (0 for a call that is not free).
	fn checked_items(call: &Call<T>) -> usize {
		match call {
			Call::batch_set_weights { netuids, .. }
			| Call::batch_commit_weights { netuids, .. } => netuids.len(),
			Call::batch_reveal_weights { uids_list, .. } => uids_list.len(),
			Call::set_weights { .. }
			| Call::set_mechanism_weights { .. }
			| Call::commit_weights { .. }
			| Call::commit_mechanism_weights { .. }
			| Call::reveal_weights { .. }
			| Call::reveal_mechanism_weights { .. }
			| Call::serve_axon { .. }
			| Call::serve_axon_tls { .. }
			| Call::serve_prometheus { .. }
			| Call::increase_take { .. }
			| Call::decrease_take { .. } => 1,
			_ => 0,
		}
	}
}

/// Calls that dispatch other calls (see `Config::NestedCalls`).
pub trait NestedCalls<AccountId, Call> {
	/// The calls `call`, signed by `who`, dispatches directly, each with the account it acts
	/// as (one level; the guard walks further).
	fn nested(who: &AccountId, call: &Call) -> Vec<(AccountId, Call)>;
}

impl<AccountId, Call> NestedCalls<AccountId, Call> for () {
	fn nested(_who: &AccountId, _call: &Call) -> Vec<(AccountId, Call)> {
		Vec::new()
	}
}

/// Most calls the coldkey-swap guard looks at in one transaction (the outer call included):
/// beyond it the transaction is refused (`CustomTransactionError::TooManyNestedCalls`).
pub const MAX_NESTED_CALLS: usize = 1_024;

impl<T> SubtensorTransactionExtension<T>
where
	T: Config + Send + Sync,
	<T as frame_system::Config>::RuntimeCall: IsSubType<Call<T>>,
{
	/// The `(account, call)` pairs the transaction dispatches below its outer call (signed by
	/// `who`), at most [`MAX_NESTED_CALLS`] with the outer one (`None` beyond). Only nested
	/// calls are copied: a plain transaction (no proxy, multisig or batch) costs nothing here.
	fn nested_acting(
		who: &T::AccountId,
		call: &<T as frame_system::Config>::RuntimeCall,
	) -> Option<Vec<(T::AccountId, <T as frame_system::Config>::RuntimeCall)>> {
		let mut out = T::NestedCalls::nested(who, call);
		let mut next: usize = 0;
		loop {
			if out.len() >= MAX_NESTED_CALLS {
				return None;
			}
			let Some((account, c)) = out.get(next) else { break };
			let more = T::NestedCalls::nested(account, c);
			out.extend(more);
			next = next.saturating_add(1);
		}
		Some(out)
	}

	/// Whether `call` is one of the swap's own calls (allowed while a swap is announced).
	fn swap_call(call: &<T as frame_system::Config>::RuntimeCall) -> bool {
		matches!(
			call.is_sub_type(),
			Some(
				Call::announce_coldkey_swap { .. }
					| Call::swap_coldkey_announced { .. }
					| Call::dispute_coldkey_swap { .. }
					| Call::clear_coldkey_swap_announcement { .. }
			)
		)
	}

	/// The distinct accounts a transaction acts as, its signer included (for the guard's
	/// weight).
	fn acting_accounts(who: &T::AccountId, call: &<T as frame_system::Config>::RuntimeCall) -> u64 {
		let nested = Self::nested_acting(who, call).unwrap_or_default();
		let distinct: alloc::collections::BTreeSet<&T::AccountId> =
			core::iter::once(who).chain(nested.iter().map(|(a, _)| a)).collect();
		u64::try_from(distinct.len()).unwrap_or(u64::MAX)
	}
}

impl<T> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
	for SubtensorTransactionExtension<T>
where
	T: Config + Send + Sync,
	<T as frame_system::Config>::RuntimeCall: IsSubType<Call<T>>,
{
	const IDENTIFIER: &'static str = "SubtensorTransactionExtension";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, call: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		let items = call.is_sub_type().map(Self::checked_items).unwrap_or(0);
		let reads = READS_PER_CHECK.saturating_mul(u64::try_from(items).unwrap_or(u64::MAX));
		// Plus the coldkey-swap guard's reads (announcement, dispute; at most twice, for swap
		// and other calls) per account acted as. The signer is not known here: the accounts are
		// counted with a stand-in signer, which differs only if a nested account is the
		// stand-in itself.
		let accounts = Self::acting_accounts(&T::UnownedAccount::get(), call);
		T::DbWeight::get()
			.reads(reads.saturating_add(accounts.saturating_mul(4)))
			.saturating_add(T::OtherFreeCalls::check_weight(call))
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Implication,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
		use frame_support::traits::OriginTrait;
		// The coldkey-swap guard, for every signed call of any pallet: while a swap is
		// announced only the swap's own calls pass; while it is disputed nothing does. It runs
		// in the pool and again when the block applies the transaction.
		//
		// It looks at every account the transaction acts as: the signer, and the accounts of
		// the calls it dispatches (a proxy's real account, a multisig account, a derivative),
		// so that a proxy or multisig of an announced coldkey is frozen too.
		if let Some(who) = origin.as_signer() {
			Pallet::<T>::check_coldkey_swap(who, Self::swap_call(call))
				.map_err(CustomTransactionError::from)?;
			let nested =
				Self::nested_acting(who, call).ok_or(CustomTransactionError::TooManyNestedCalls)?;
			let checks: alloc::collections::BTreeSet<(T::AccountId, bool)> =
				nested.into_iter().map(|(account, c)| (account, Self::swap_call(&c))).collect();
			for (account, allowed) in &checks {
				Pallet::<T>::check_coldkey_swap(account, *allowed)
					.map_err(CustomTransactionError::from)?;
			}
		}
		let Some(who) = origin.as_signer() else {
			return Ok((ValidTransaction::default(), (), origin));
		};
		let checked = match call.is_sub_type() {
			Some(call) => Self::check_free_call(who, call)?,
			None => T::OtherFreeCalls::check_free_call(who, call)?,
		};
		match checked {
			Some(tags) => Ok((free_validity(tags), (), origin)),
			None => Ok((ValidTransaction::default(), (), origin)),
		}
	}

	impl_tx_ext_default!(<T as frame_system::Config>::RuntimeCall; prepare);
}
