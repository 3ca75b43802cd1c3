//! `set_commitment` and `set_max_space`: who may commit, the space limit per epoch, the deposit,
//! replacing a commitment, the refused fields. Every refusal changes nothing (`assert_noop!`).

use crate::{
	mock::*, CommitmentInfo, CommitmentOf, Data, Error, Event, LastBondsReset, LastCommitment,
	MaxSpace, Pallet, Registration, UsageTracker, UsedSpaceOf, DEFAULT_MAX_SPACE,
	MIN_SPACE_PER_COMMITMENT,
};
use frame_support::{
	assert_noop, assert_ok, traits::ReservableCurrency, weights::Weight, BoundedVec,
};
use sp_runtime::DispatchError;

type Info = CommitmentInfo<frame_support::traits::ConstU32<3>>;

fn info(fields: Vec<Data>) -> Box<Info> {
	Box::new(CommitmentInfo { fields: BoundedVec::try_from(fields).unwrap() })
}

fn raw(bytes: &[u8]) -> Data {
	Data::Raw(BoundedVec::try_from(bytes.to_vec()).unwrap())
}

fn big(len: usize) -> Data {
	Data::BigRaw(BoundedVec::try_from(vec![1u8; len]).unwrap())
}

fn commit(who: u64, fields: Vec<Data>) -> sp_runtime::DispatchResult {
	Commitments::set_commitment(RuntimeOrigin::signed(who), NET, info(fields))
}

#[docify::export]
#[test]
fn registered_hotkey_commits_and_it_is_stored() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Commitments::set_commitment(
			RuntimeOrigin::signed(HOT),
			NET,
			info(vec![raw(b"model-v1 at example.invalid")]),
		));
		let stored = CommitmentOf::<Test>::get(NET, HOT).unwrap();
		assert_eq!(stored.block, 1);
		assert_eq!(stored.deposit, DEPOSIT_BASE + DEPOSIT_PER_FIELD);
		assert_eq!(stored.info.fields.to_vec(), vec![raw(b"model-v1 at example.invalid")]);
		assert_eq!(LastCommitment::<Test>::get(NET, HOT), Some(1));
		assert_eq!(Balances::reserved_balance(HOT), DEPOSIT_BASE + DEPOSIT_PER_FIELD);
		System::assert_last_event(Event::Commitment { netuid: NET, who: HOT }.into());
	});
}

#[test]
fn unregistered_account_is_refused() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(commit(STRANGER, vec![raw(b"x")]), Error::<Test>::AccountNotAllowedCommit);
		// Registered on NET, not on OTHER_NET.
		assert_noop!(
			Commitments::set_commitment(RuntimeOrigin::signed(HOT), OTHER_NET, info(vec![])),
			Error::<Test>::AccountNotAllowedCommit
		);
		assert_noop!(
			Commitments::set_commitment(RuntimeOrigin::root(), NET, info(vec![])),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn hotkey_without_balance_commits_when_deposits_are_zero() {
	ExtBuilder.build_and_execute(|| {
		InitialDeposit::set(0);
		FieldDeposit::set(0);
		assert_ok!(commit(POOR, vec![raw(b"endpoint"), Data::Sha256([2; 32])]));
		assert_eq!(CommitmentOf::<Test>::get(NET, POOR).unwrap().deposit, 0);
		assert_eq!(Balances::reserved_balance(POOR), 0);
	});
}

#[test]
fn hotkey_that_cannot_pay_the_deposit_is_refused() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(commit(POOR, vec![raw(b"x")]), Error::<Test>::InsufficientBalanceForDeposit);
	});
}

#[test]
fn timelocked_field_is_refused() {
	ExtBuilder.build_and_execute(|| {
		let timelock = Data::TimelockEncrypted {
			encrypted: BoundedVec::try_from(vec![1u8; 64]).unwrap(),
			reveal_round: 1_000,
		};
		assert_noop!(commit(HOT, vec![raw(b"x"), timelock]), Error::<Test>::TimelockNotSupported);
	});
}

#[test]
fn small_commitments_count_the_minimum_space() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(commit(HOT, vec![raw(b"x")]));
		assert_eq!(
			UsedSpaceOf::<Test>::get(NET, HOT),
			Some(UsageTracker { last_epoch: 0, used_space: MIN_SPACE_PER_COMMITMENT })
		);
		assert_ok!(commit(HOT, vec![big(150), raw(b"abcd")]));
		assert_eq!(UsedSpaceOf::<Test>::get(NET, HOT).unwrap().used_space, 100 + 154);
	});
}

#[test]
fn space_limit_refuses_the_32nd_small_commitment_of_an_epoch() {
	ExtBuilder.build_and_execute(|| {
		assert_eq!(MaxSpace::<Test>::get(), DEFAULT_MAX_SPACE);
		for block in 1..=31 {
			run_to_block(block);
			assert_ok!(commit(HOT, vec![raw(b"x")]));
		}
		assert_eq!(UsedSpaceOf::<Test>::get(NET, HOT).unwrap().used_space, 3100);
		run_to_block(32);
		assert_noop!(commit(HOT, vec![raw(b"x")]), Error::<Test>::SpaceLimitExceeded);
		// The next epoch starts from zero.
		Epoch::set(1);
		assert_ok!(commit(HOT, vec![raw(b"x")]));
		assert_eq!(
			UsedSpaceOf::<Test>::get(NET, HOT),
			Some(UsageTracker { last_epoch: 1, used_space: 100 })
		);
	});
}

#[test]
fn space_limit_counts_the_bytes_of_every_field() {
	ExtBuilder.build_and_execute(|| {
		// 3 · 512 = 1536 bytes a commitment: two fit in 3100, a third does not.
		let fields = || vec![big(512), big(512), big(512)];
		assert_ok!(commit(HOT, fields()));
		assert_ok!(commit(HOT, fields()));
		assert_noop!(commit(HOT, fields()), Error::<Test>::SpaceLimitExceeded);
		// 28 bytes would fit (3072 + 28 = 3100), but a commitment counts at least 100.
		assert_noop!(commit(HOT, vec![raw(&[0u8; 28])]), Error::<Test>::SpaceLimitExceeded);
		assert_ok!(Commitments::set_max_space(RuntimeOrigin::root(), 3172));
		assert_ok!(commit(HOT, vec![raw(&[0u8; 28])]));
		// Per hotkey and subnet: another hotkey is not affected.
		InitialDeposit::set(0);
		FieldDeposit::set(0);
		assert_ok!(commit(POOR, fields()));
	});
}

#[test]
fn root_sets_max_space() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Commitments::set_max_space(RuntimeOrigin::signed(HOT), 50),
			DispatchError::BadOrigin
		);
		assert_ok!(Commitments::set_max_space(RuntimeOrigin::root(), 150));
		assert_eq!(MaxSpace::<Test>::get(), 150);
		assert_ok!(commit(HOT, vec![raw(b"x")]));
		assert_noop!(commit(HOT, vec![raw(b"x")]), Error::<Test>::SpaceLimitExceeded);
	});
}

#[test]
fn new_commitment_replaces_the_old_and_adjusts_the_deposit() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(commit(HOT, vec![raw(b"a"), raw(b"b"), raw(b"c")]));
		let three = DEPOSIT_BASE + 3 * DEPOSIT_PER_FIELD;
		assert_eq!(Balances::reserved_balance(HOT), three);
		assert_eq!(Balances::free_balance(HOT), FUNDS - three);

		run_to_block(5);
		assert_ok!(commit(HOT, vec![raw(b"new")]));
		let one = DEPOSIT_BASE + DEPOSIT_PER_FIELD;
		assert_eq!(
			CommitmentOf::<Test>::get(NET, HOT),
			Some(Registration { deposit: one, block: 5, info: *info(vec![raw(b"new")]) })
		);
		assert_eq!(LastCommitment::<Test>::get(NET, HOT), Some(5));
		assert_eq!(Balances::reserved_balance(HOT), one);
		assert_eq!(Balances::free_balance(HOT), FUNDS - one);

		// Growing again reserves the difference only.
		assert_ok!(commit(HOT, vec![raw(b"a"), raw(b"b")]));
		assert_eq!(Balances::reserved_balance(HOT), DEPOSIT_BASE + 2 * DEPOSIT_PER_FIELD);
	});
}

#[test]
fn deposit_taken_by_someone_else_refuses_the_release() {
	// No invariant check at the end: the test takes the reserve on purpose.
	ExtBuilder.build().execute_with(|| {
		assert_ok!(commit(HOT, vec![raw(b"a"), raw(b"b"), raw(b"c")]));
		let _ = Balances::slash_reserved(&HOT, 20);
		assert_noop!(commit(HOT, vec![raw(b"a")]), Error::<Test>::UnexpectedUnreserveLeftover);
	});
}

#[test]
fn reset_bonds_flag_records_the_block_and_asks_for_the_reset() {
	ExtBuilder.build_and_execute(|| {
		run_to_block(3);
		assert_ok!(commit(HOT, vec![raw(b"x")]));
		assert_eq!(LastBondsReset::<Test>::get(NET, HOT), None);
		assert!(BondResets::get().is_empty());

		assert_ok!(commit(HOT, vec![raw(b"x"), Data::ResetBondsFlag]));
		assert_eq!(LastBondsReset::<Test>::get(NET, HOT), Some(3));
		assert_eq!(BondResets::get(), vec![(NET, HOT)]);
		// The flag is stored as a field, as the reference.
		assert_eq!(CommitmentOf::<Test>::get(NET, HOT).unwrap().info.fields.len(), 2);
	});
}

#[test]
fn weight_includes_the_bonds_reset_only_with_the_flag() {
	let plain = Pallet::<Test>::set_commitment_weight(&info(vec![raw(b"x")]));
	let flagged = Pallet::<Test>::set_commitment_weight(&info(vec![Data::ResetBondsFlag]));
	assert_eq!(flagged, plain.saturating_add(Weight::from_parts(1_000, 0)));
}

#[test]
fn check_set_commitment_agrees_with_the_call_and_writes_nothing() {
	ExtBuilder.build_and_execute(|| {
		let ok = info(vec![raw(b"x")]);
		assert!(Pallet::<Test>::check_set_commitment(&HOT, NET, &ok).is_ok());
		assert!(matches!(
			Pallet::<Test>::check_set_commitment(&STRANGER, NET, &ok),
			Err(Error::<Test>::AccountNotAllowedCommit)
		));
		assert_eq!(UsedSpaceOf::<Test>::get(NET, HOT), None);
		assert_eq!(CommitmentOf::<Test>::get(NET, HOT), None);
	});
}

#[test]
fn purging_a_subnet_forgets_its_commitments_and_returns_deposits() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(commit(HOT, vec![raw(b"x"), Data::ResetBondsFlag]));
		Pallet::<Test>::purge_netuid(NET);
		assert_eq!(CommitmentOf::<Test>::iter_prefix(NET).count(), 0);
		assert_eq!(LastCommitment::<Test>::get(NET, HOT), None);
		assert_eq!(LastBondsReset::<Test>::get(NET, HOT), None);
		assert_eq!(UsedSpaceOf::<Test>::get(NET, HOT), None);
		assert_eq!(Balances::reserved_balance(HOT), 0);
		assert_eq!(Balances::free_balance(HOT), FUNDS);
	});
}
