//! # Commitments
//!
//! Per-subnet metadata that a registered hotkey publishes on chain (an endpoint, a model hash, a
//! dataset address…), with the reference chain's call, storage, event and type names and
//! encodings, so that the Bittensor SDK (`set_commitment`, `get_commitment`,
//! `get_all_commitments`) and polkadot.js work unchanged.
//!
//! ## Terms
//!
//! - **Subnet** (`netuid: u16`): a market of `SubtensorModule`; a **hotkey** is registered on
//!   it when it holds a UID there. Only such a hotkey may commit on that subnet
//!   ([`Config::CanCommit`]).
//! - **Epoch**: the subnet's epoch counter (`SubnetEpochIndex`, [`Config::TempoInterface`]).
//!   Space is counted per hotkey, subnet and epoch.
//! - **Commitment**: [`CommitmentInfo`], up to [`Config::MaxFields`] [`Data`] fields. A new
//!   commitment replaces the previous one.
//!
//! ## Rules
//!
//! - `set_commitment` pays no fee (`Pays::No`, as the reference), so that a hotkey holding no TAO
//!   can commit. The runtime validates it in the transaction pool with the same checks as the
//!   call ([`Pallet::check_set_commitment`]), so that a commitment that would fail never enters a
//!   block and costs nobody anything.
//! - Each commitment counts the bytes of its fields, at least [`MIN_SPACE_PER_COMMITMENT`] (100),
//!   against [`MaxSpace`] (default 3100) per hotkey, subnet and epoch: at most 31 commitments an
//!   epoch.
//! - A deposit of `InitialDeposit + FieldDeposit · fields` is reserved from the hotkey and
//!   adjusted when the commitment is replaced. Both are zero on this chain (as on the reference).
//! - `TimelockEncrypted` fields are refused ([`Error::TimelockNotSupported`]): the reference
//!   reveals them with drand pulses, which this offline chain does not have, so they could never
//!   be revealed. `RevealedCommitments` exists with the reference's layout and stays empty.
//! - `ResetBondsFlag` records `LastBondsReset` and asks the runtime to reset the bonds held in
//!   the hotkey ([`Config::OnMetadataCommitment`]; `SubtensorModule` does it if the subnet's
//!   `BondsResetOn` is set).
//!
//! ## Layout of `src/`
//!
//! - `lib.rs`: declarations (config, storage, events, errors, calls) and the call logic.
//! - `types.rs`: [`Data`] with its hand-written encoding, [`CommitmentInfo`], [`Registration`],
//!   [`UsageTracker`].
//! - `weights.rs`: `WeightInfo` (hand-written until frame-omni-bencher runs here).
//! - `benchmarking.rs`: frame-benchmarking v2 benchmarks of both calls.
//! - `tests/`: unit tests on the mock runtime of `mock.rs`.
//!
//! ## Example
//!
//! A registered hotkey commits; the commitment is stored with its block and deposit:
#![doc = docify::embed!("src/tests/set_commitment.rs", registered_hotkey_commits_and_it_is_stored)]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::{
	defensive,
	traits::{Currency, Get, ReservableCurrency},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Zero},
	SaturatedConversion, Weight,
};

/// A subnet's identifier: `SubtensorModule`'s `NetUid` (a `u16` on the wire, as the reference's).
pub type NetUid = u16;

/// The balance type of [`Config::Currency`].
pub type BalanceOf<T> =
	<<T as Config>::Currency as Currency<<T as frame_system::Config>::AccountId>>::Balance;

/// What `CommitmentOf` stores for `T`.
pub type RegistrationOf<T> =
	Registration<BalanceOf<T>, <T as Config>::MaxFields, BlockNumberFor<T>>;

/// The least space a commitment counts, however small (the reference's `min_used_space`).
pub const MIN_SPACE_PER_COMMITMENT: u64 = 100;

/// `MaxSpace` by default: bytes per hotkey, subnet and epoch (the reference's value).
pub const DEFAULT_MAX_SPACE: u32 = 3100;

/// Who may commit on a subnet (the runtime: a hotkey registered on it).
pub trait CanCommit<AccountId> {
	/// Whether `who` may commit on `netuid`.
	fn can_commit(netuid: NetUid, who: &AccountId) -> bool;
	/// Benchmarks only: make `who` able to commit on `netuid`.
	#[cfg(feature = "runtime-benchmarks")]
	fn make_committer(netuid: NetUid, who: &AccountId);
}

/// Nobody may commit.
impl<A> CanCommit<A> for () {
	fn can_commit(_: NetUid, _: &A) -> bool {
		false
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn make_committer(_: NetUid, _: &A) {}
}

/// What happens when a commitment carries [`Data::ResetBondsFlag`] (the runtime: reset the
/// bonds held in the hotkey, if the subnet allows it).
pub trait OnMetadataCommitment<AccountId> {
	/// `who` committed a `ResetBondsFlag` on `netuid`.
	fn on_metadata_commitment(netuid: NetUid, who: &AccountId);
	/// The most `on_metadata_commitment` can cost (added to the call's weight when the flag is
	/// present).
	fn max_weight() -> Weight;
}

/// Nothing happens.
impl<A> OnMetadataCommitment<A> for () {
	fn on_metadata_commitment(_: NetUid, _: &A) {}
	fn max_weight() -> Weight {
		Weight::zero()
	}
}

/// The subnets' epoch counters.
pub trait GetTempoInterface {
	/// The current epoch of `netuid` (its `SubnetEpochIndex`) at block `cur_block`.
	fn get_epoch_index(netuid: NetUid, cur_block: u64) -> u64;
}

/// The outcome of [`Pallet::check_set_commitment`]: what the call will write.
pub struct CheckedCommitment<T: Config> {
	/// `UsedSpaceOf` after the commitment.
	pub usage: UsageTracker,
	/// The deposit reserved before.
	pub old_deposit: BalanceOf<T>,
	/// The deposit reserved after.
	pub new_deposit: BalanceOf<T>,
}

// FRAME's expansion of `#[pallet::pallet]` and `#[pallet::error]` calls `expect` on values it
// provides.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::boxed::Box;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency deposits are reserved in.
		type Currency: ReservableCurrency<Self::AccountId>;
		/// Weights of the calls.
		type WeightInfo: WeightInfo;
		/// Who may commit on a subnet.
		type CanCommit: CanCommit<Self::AccountId>;
		/// What a `ResetBondsFlag` field triggers.
		type OnMetadataCommitment: OnMetadataCommitment<Self::AccountId>;
		/// Fields of one commitment at most (3 on the reference chain).
		#[pallet::constant]
		type MaxFields: Get<u32> + 'static;
		/// Deposit reserved for a commitment.
		#[pallet::constant]
		type InitialDeposit: Get<BalanceOf<Self>>;
		/// Deposit reserved per field, on top of `InitialDeposit`.
		#[pallet::constant]
		type FieldDeposit: Get<BalanceOf<Self>>;
		/// The subnets' epoch counters, which space accounting follows.
		type TempoInterface: GetTempoInterface;
	}

	// ---- commitments (owner: this pallet) ----
	//
	// Keys are the reference's (`Identity` netuid, `Twox64Concat` account): clients may build
	// raw storage keys. An account is a registered hotkey, which cannot be chosen freely to
	// collide: registration costs a burn.

	/// The commitment of each hotkey on each subnet: `(NetUid, AccountId) → Registration`.
	#[pallet::storage]
	pub type CommitmentOf<T: Config> = StorageDoubleMap<
		_,
		Identity,
		NetUid,
		Twox64Concat,
		T::AccountId,
		RegistrationOf<T>,
		OptionQuery,
	>;

	/// Block of each hotkey's last commitment on each subnet: `(NetUid, AccountId) → block`.
	#[pallet::storage]
	pub type LastCommitment<T: Config> = StorageDoubleMap<
		_,
		Identity,
		NetUid,
		Twox64Concat,
		T::AccountId,
		BlockNumberFor<T>,
		OptionQuery,
	>;

	/// Block of each hotkey's last commitment with a `ResetBondsFlag` on each subnet:
	/// `(NetUid, AccountId) → block`.
	#[pallet::storage]
	pub type LastBondsReset<T: Config> = StorageDoubleMap<
		_,
		Identity,
		NetUid,
		Twox64Concat,
		T::AccountId,
		BlockNumberFor<T>,
		OptionQuery,
	>;

	/// Revealed timelock commitments: `(NetUid, AccountId) → [(plaintext, block)]`, encoded as
	/// the reference's `Vec<(Vec<u8>, u64)>`.
	///
	/// Invariant: empty. This chain has no drand, so timelocked commitments are refused and
	/// nothing is ever revealed; the item exists so that clients' queries answer "none".
	#[pallet::storage]
	pub type RevealedCommitments<T: Config> =
		StorageDoubleMap<_, Identity, NetUid, Twox64Concat, T::AccountId, Reveals, OptionQuery>;

	/// Space each hotkey has used on each subnet in the subnet's current epoch:
	/// `(NetUid, AccountId) → UsageTracker`. A tracker of an older epoch counts as zero.
	#[pallet::storage]
	pub type UsedSpaceOf<T: Config> = StorageDoubleMap<
		_,
		Identity,
		NetUid,
		Twox64Concat,
		T::AccountId,
		UsageTracker,
		OptionQuery,
	>;

	/// `MaxSpace` by default: [`DEFAULT_MAX_SPACE`].
	#[pallet::type_value]
	pub fn DefaultMaxSpace() -> u32 {
		DEFAULT_MAX_SPACE
	}

	/// Bytes a hotkey may commit on a subnet per epoch (set by root with `set_max_space`).
	#[pallet::storage]
	pub type MaxSpace<T> = StorageValue<_, u32, ValueQuery, DefaultMaxSpace>;

	/// Events of the pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` set its commitment on `netuid`.
		Commitment {
			/// The subnet.
			netuid: NetUid,
			/// The committing hotkey.
			who: T::AccountId,
		},
	}

	/// Errors of the pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The commitment has more fields than `MaxFields`.
		TooManyFieldsInCommitmentInfo,
		/// The account may not commit on this subnet: it is not a hotkey registered on it.
		AccountNotAllowedCommit,
		/// The commitment would take the hotkey past `MaxSpace` bytes in this epoch.
		SpaceLimitExceeded,
		/// Releasing the old deposit left some of it reserved (the reserve was taken by
		/// something else).
		UnexpectedUnreserveLeftover,
		/// A `TimelockEncrypted` field: this chain has no drand to reveal it.
		TimelockNotSupported,
		/// The hotkey's free balance cannot cover the deposit.
		InsufficientBalanceForDeposit,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxFields::get() > 0, "MaxFields must allow at least one field");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Set the caller's commitment on `netuid`, replacing any previous one.
		///
		/// Free (`Pays::No`): the transaction pool admits it only if it would succeed.
		///
		/// - Origin: signed by a hotkey registered on `netuid`.
		/// - Emits: [`Event::Commitment`].
		/// - Errors: [`Error::AccountNotAllowedCommit`], [`Error::TooManyFieldsInCommitmentInfo`],
		///   [`Error::TimelockNotSupported`], [`Error::SpaceLimitExceeded`],
		///   [`Error::InsufficientBalanceForDeposit`], [`Error::UnexpectedUnreserveLeftover`].
		#[pallet::call_index(0)]
		#[pallet::weight((Pallet::<T>::set_commitment_weight(info), DispatchClass::Normal, Pays::No))]
		pub fn set_commitment(
			origin: OriginFor<T>,
			netuid: NetUid,
			info: Box<CommitmentInfo<T::MaxFields>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_commitment(&who, netuid, *info)
		}

		// Call index 1 was the reference's `set_rate_limit`, removed there with its `RateLimit`;
		// it is never used.

		/// Set `MaxSpace`, the bytes a hotkey may commit on a subnet per epoch.
		///
		/// - Origin: root.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_max_space())]
		pub fn set_max_space(origin: OriginFor<T>, new_limit: u32) -> DispatchResult {
			ensure_root(origin)?;
			MaxSpace::<T>::set(new_limit);
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The weight of `set_commitment(info)`: the benchmarked call, plus the bonds reset if `info`
	/// carries a `ResetBondsFlag`.
	pub fn set_commitment_weight(info: &CommitmentInfo<T::MaxFields>) -> Weight {
		let base = T::WeightInfo::set_commitment();
		if info.fields.iter().any(|f| matches!(f, Data::ResetBondsFlag)) {
			base.saturating_add(T::OnMetadataCommitment::max_weight())
		} else {
			base
		}
	}

	/// Every check of `set_commitment(netuid, info)` by `who`, without writing anything: the
	/// call runs it first, and the runtime's transaction extension runs it in the pool.
	pub fn check_set_commitment(
		who: &T::AccountId,
		netuid: NetUid,
		info: &CommitmentInfo<T::MaxFields>,
	) -> Result<CheckedCommitment<T>, Error<T>> {
		if !T::CanCommit::can_commit(netuid, who) {
			return Err(Error::<T>::AccountNotAllowedCommit);
		}
		let fields = u32::try_from(info.fields.len())
			.map_err(|_| Error::<T>::TooManyFieldsInCommitmentInfo)?;
		// The bound of `info.fields` already ensures it; checked again for other callers.
		if fields > T::MaxFields::get() {
			return Err(Error::<T>::TooManyFieldsInCommitmentInfo);
		}
		if info.fields.iter().any(Data::is_timelock_encrypted) {
			return Err(Error::<T>::TimelockNotSupported);
		}

		// Space: at most `MaxFields · 1024` bytes, so the sums cannot overflow a u64.
		let required = info
			.fields
			.iter()
			.map(Data::len_for_rate_limit)
			.fold(0u64, |acc, len| acc.saturating_add(len))
			.max(MIN_SPACE_PER_COMMITMENT);
		let block = frame_system::Pallet::<T>::block_number().saturated_into::<u64>();
		let epoch = T::TempoInterface::get_epoch_index(netuid, block);
		let used = UsedSpaceOf::<T>::get(netuid, who)
			.filter(|usage| usage.last_epoch == epoch)
			.map_or(0, |usage| usage.used_space);
		let used = used.checked_add(required).ok_or(Error::<T>::SpaceLimitExceeded)?;
		if used > u64::from(MaxSpace::<T>::get()) {
			return Err(Error::<T>::SpaceLimitExceeded);
		}

		// Deposit: configured values; saturating at the balance's maximum, which no account
		// can reserve anyway.
		let old_deposit =
			CommitmentOf::<T>::get(netuid, who).map_or_else(Zero::zero, |r| r.deposit);
		let new_deposit = T::InitialDeposit::get()
			.saturating_add(T::FieldDeposit::get().saturating_mul(fields.into()));
		if new_deposit > old_deposit
			&& !T::Currency::can_reserve(who, new_deposit.saturating_sub(old_deposit))
		{
			return Err(Error::<T>::InsufficientBalanceForDeposit);
		}
		if old_deposit > new_deposit
			&& T::Currency::reserved_balance(who) < old_deposit.saturating_sub(new_deposit)
		{
			return Err(Error::<T>::UnexpectedUnreserveLeftover);
		}

		Ok(CheckedCommitment {
			usage: UsageTracker { last_epoch: epoch, used_space: used },
			old_deposit,
			new_deposit,
		})
	}

	/// `set_commitment` of `who`, after the origin check.
	pub(crate) fn do_set_commitment(
		who: &T::AccountId,
		netuid: NetUid,
		info: CommitmentInfo<T::MaxFields>,
	) -> sp_runtime::DispatchResult {
		// Checks (no writes above this line).
		let checked = Self::check_set_commitment(who, netuid, &info)?;

		// Effects.
		let CheckedCommitment { usage, old_deposit, new_deposit } = checked;
		if new_deposit > old_deposit {
			// `can_reserve` held above; a failure here writes nothing.
			T::Currency::reserve(who, new_deposit.saturating_sub(old_deposit))?;
		} else if old_deposit > new_deposit {
			let left = T::Currency::unreserve(who, old_deposit.saturating_sub(new_deposit));
			if !left.is_zero() {
				defensive!("the reserved balance was checked to cover the released deposit");
			}
		}
		let block = frame_system::Pallet::<T>::block_number();
		if info.fields.iter().any(|f| matches!(f, Data::ResetBondsFlag)) {
			LastBondsReset::<T>::insert(netuid, who, block);
			T::OnMetadataCommitment::on_metadata_commitment(netuid, who);
		}
		UsedSpaceOf::<T>::insert(netuid, who, usage);
		CommitmentOf::<T>::insert(netuid, who, Registration { deposit: new_deposit, block, info });
		LastCommitment::<T>::insert(netuid, who, block);
		Self::deposit_event(Event::Commitment { netuid, who: who.clone() });
		Ok(())
	}

	/// Forget every commitment on `netuid` (the subnet was dissolved), returning the deposits.
	/// Bounded by the subnet's registered hotkeys (each commitment belonged to one).
	pub fn purge_netuid(netuid: NetUid) {
		for (who, registration) in CommitmentOf::<T>::drain_prefix(netuid) {
			let left = T::Currency::unreserve(&who, registration.deposit);
			if !left.is_zero() {
				log::warn!("commitment deposit on {netuid} only partly returned");
			}
		}
		let _ = LastCommitment::<T>::clear_prefix(netuid, u32::MAX, None);
		let _ = LastBondsReset::<T>::clear_prefix(netuid, u32::MAX, None);
		let _ = RevealedCommitments::<T>::clear_prefix(netuid, u32::MAX, None);
		let _ = UsedSpaceOf::<T>::clear_prefix(netuid, u32::MAX, None);
	}
}
