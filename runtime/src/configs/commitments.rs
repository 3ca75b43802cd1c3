//! `Commitments` (18): per-subnet metadata of registered hotkeys, with the reference's limits and
//! deposits.
//!
//! - Who may commit: a hotkey holding a UID on the subnet (`SubtensorModule`'s `Uids`).
//! - Fees: none (`Pays::No`, as the reference), so that miners' hotkeys, which hold no TAO, can
//!   commit. Instead [`CommitmentFreeCalls`] runs the call's own checks in the transaction
//!   pool, through `SubtensorTransactionExtension` (no new transaction extension, so clients
//!   build transactions as before): a commitment that would fail never enters the pool or a
//!   block, and each hotkey has at most one pending commitment per subnet. What a hotkey can
//!   send is bounded by `MaxSpace` per epoch (31 commitments at the least space each).
//! - Deposits: zero, as the reference (`CommitmentInitialDeposit`, `CommitmentFieldDeposit`).
//! - `ResetBondsFlag`: `SubtensorModule` removes the bonds held in the hotkey if the subnet's
//!   `BondsResetOn` is set.
//! - Weights: hand-written estimates (`pallet_commitments::weights`), not yet benchmarked here.

use alloc::{vec, vec::Vec};
use codec::Encode;
use frame_support::{parameter_types, traits::ConstU32, weights::Weight};
use pallet_commitments::{CanCommit, GetTempoInterface, NetUid, OnMetadataCommitment};
use pallet_subtensor::CustomTransactionError;

use crate::{AccountId, Balance, Balances, Runtime, RuntimeCall, SubtensorModule};

parameter_types! {
	/// No deposit for a commitment (the reference's `CommitmentInitialDeposit`): hotkeys hold
	/// no TAO, and the space limit bounds what a hotkey stores.
	pub const CommitmentInitialDeposit: Balance = 0;
	/// No deposit per field either (the reference's `CommitmentFieldDeposit`).
	pub const CommitmentFieldDeposit: Balance = 0;
}

/// Fields of a commitment at most: 3, the reference's `MaxCommitFields`.
pub type MaxCommitFields = ConstU32<3>;

/// A hotkey registered on the subnet may commit there.
pub struct AllowCommitments;
impl CanCommit<AccountId> for AllowCommitments {
	fn can_commit(netuid: NetUid, who: &AccountId) -> bool {
		SubtensorModule::is_hotkey_registered_on_network(netuid, who)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_committer(netuid: NetUid, who: &AccountId) {
		pallet_subtensor::Uids::<Runtime>::insert(netuid, who, 0);
	}
}

/// A `ResetBondsFlag` resets the bonds held in the hotkey (if the subnet allows it).
pub struct ResetBondsOnCommit;
impl OnMetadataCommitment<AccountId> for ResetBondsOnCommit {
	fn on_metadata_commitment(netuid: NetUid, who: &AccountId) {
		SubtensorModule::reset_bonds_on_commitment(netuid, who);
	}

	fn max_weight() -> Weight {
		SubtensorModule::reset_bonds_max_weight()
	}
}

/// Space is counted per subnet epoch (`SubnetEpochIndex`).
pub struct TempoInterface;
impl GetTempoInterface for TempoInterface {
	fn get_epoch_index(netuid: NetUid, _block: u64) -> u64 {
		SubtensorModule::get_epoch_index(netuid)
	}
}

impl pallet_commitments::Config for Runtime {
	type Currency = Balances;
	/// Hand-written estimates until frame-omni-bencher runs here (see the file's header).
	type WeightInfo = pallet_commitments::weights::SubstrateWeight<Runtime>;
	type CanCommit = AllowCommitments;
	type OnMetadataCommitment = ResetBondsOnCommit;
	type MaxFields = MaxCommitFields;
	type InitialDeposit = CommitmentInitialDeposit;
	type FieldDeposit = CommitmentFieldDeposit;
	type TempoInterface = TempoInterface;
}

/// Storage reads of [`pallet_commitments::Pallet::check_set_commitment`]: `Uids`,
/// `SubnetEpochIndex`, `UsedSpaceOf`, `MaxSpace`, `CommitmentOf`, the account.
const COMMITMENT_CHECK_READS: u64 = 6;

/// The pool-time check of `Commitments.set_commitment`, run by `SubtensorTransactionExtension`
/// (its rejection codes 2 and 39–42).
pub struct CommitmentFreeCalls;

impl pallet_subtensor::OtherFreeCalls<Runtime> for CommitmentFreeCalls {
	fn check_free_call(
		who: &AccountId,
		call: &RuntimeCall,
	) -> Result<Option<Vec<Vec<u8>>>, CustomTransactionError> {
		let RuntimeCall::Commitments(pallet_commitments::Call::set_commitment { netuid, info }) =
			call
		else {
			return Ok(None);
		};
		pallet_commitments::Pallet::<Runtime>::check_set_commitment(who, *netuid, info)
			.map_err(rejection)?;
		// One pending commitment per hotkey and subnet.
		Ok(Some(vec![(b"CommitmentsFree", who, netuid).encode()]))
	}

	fn check_weight(call: &RuntimeCall) -> Weight {
		match call {
			RuntimeCall::Commitments(pallet_commitments::Call::set_commitment { .. }) => {
				<Runtime as frame_system::Config>::DbWeight::get().reads(COMMITMENT_CHECK_READS)
			},
			_ => Weight::zero(),
		}
	}
}

/// The pool's rejection code for a refused commitment.
fn rejection(e: pallet_commitments::Error<Runtime>) -> CustomTransactionError {
	use pallet_commitments::Error as E;
	use CustomTransactionError as C;
	match e {
		E::AccountNotAllowedCommit => C::HotKeyNotRegistered,
		E::SpaceLimitExceeded => C::CommitmentSpaceLimitExceeded,
		E::TooManyFieldsInCommitmentInfo => C::CommitmentTooManyFields,
		E::TimelockNotSupported => C::CommitmentTimelockNotSupported,
		E::InsufficientBalanceForDeposit | E::UnexpectedUnreserveLeftover => {
			C::CommitmentDepositNotReservable
		},
		_ => C::Other,
	}
}
