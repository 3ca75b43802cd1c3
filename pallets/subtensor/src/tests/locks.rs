//! Stake locks (conviction): every call and error, growth and decay against hand-computed
//! numbers, what a lock forbids (and allows), dissolution.
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use substrate_fixed::types::U64F64;

/// Timescales short enough to test: τu = τm = 1000 blocks.
const TAU: u64 = 1000;

fn setup() -> NetUid {
	let net = start_subnet(ALICE, HOT_A);
	SubtensorModule::create_account_if_non_existent(&BOB, &HOT_B).unwrap();
	assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_B, net, 100 * TAO));
	assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, net, 10 * TAO));
	UnlockRate::<Test>::put(TAU);
	MaturityRate::<Test>::put(TAU);
	run_to_block(System::block_number() + 1);
	net
}

fn ext() -> ExtBuilder {
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO), (BOB, 1_000 * TAO)])
}

fn stake(net: NetUid) -> u64 {
	SubtensorModule::stake_of(&HOT_B, &BOB, net) + SubtensorModule::stake_of(&HOT_A, &BOB, net)
}

fn lock(net: NetUid, hotkey: u64, amount: u64) -> frame_support::dispatch::DispatchResult {
	SubtensorModule::lock_stake(RuntimeOrigin::signed(BOB), hotkey, net, amount)
}

fn near(x: U64F64, want: f64) -> bool {
	#[allow(clippy::float_arithmetic)]
	let d = (x.to_num::<f64>() - want).abs();
	d < 2.0
}

#[docify::export]
#[test]
fn lock_stake_creates_the_lock_and_its_aggregate() {
	ext().build_and_execute(|| {
		let net = setup();
		assert_ok!(lock(net, HOT_B, 50 * TAO));
		let now = System::block_number();
		let state = Lock::<Test>::get((BOB, net, HOT_B)).unwrap();
		assert_eq!(
			state,
			LockState { locked_mass: 50 * TAO, conviction: U64F64::from_num(0), last_update: now }
		);
		assert!(LockingColdkeys::<Test>::contains_key((net, HOT_B, BOB)));
		assert_eq!(DecayingHotkeyLock::<Test>::get(net, HOT_B), Some(state));
		System::assert_last_event(
			Event::StakeLocked { coldkey: BOB, hotkey: HOT_B, netuid: net, amount: 50 * TAO }
				.into(),
		);
		assert_eq!(SubtensorModule::get_coldkey_lock(&BOB, net), Some(state));
		// A top-up adds to the rolled lock.
		assert_ok!(lock(net, HOT_B, 10 * TAO));
		assert_eq!(SubtensorModule::locked_alpha(&BOB, net), 60 * TAO);
	});
}

#[test]
fn every_bad_lock_call_fails_with_its_own_error_and_writes_nothing() {
	ext().build_and_execute(|| {
		let net = setup();
		assert_noop!(lock(net, HOT_B, 0), Error::<Test>::AmountTooLow);
		assert_noop!(lock(77, HOT_B, TAO), Error::<Test>::SubnetNotExists);
		assert_noop!(lock(net, 999, TAO), Error::<Test>::HotKeyAccountNotExists);
		assert_noop!(lock(net, HOT_B, stake(net) + 1), Error::<Test>::InsufficientStakeForLock);
		assert_noop!(
			SubtensorModule::move_lock(RuntimeOrigin::signed(BOB), HOT_A, net),
			Error::<Test>::NoExistingLock
		);
		assert_noop!(
			SubtensorModule::set_perpetual_lock(RuntimeOrigin::signed(BOB), 77, true),
			Error::<Test>::SubnetNotExists
		);
		assert_ok!(lock(net, HOT_B, TAO));
		assert_noop!(lock(net, HOT_A, TAO), Error::<Test>::LockHotkeyMismatch);
		assert_noop!(lock(net, HOT_B, stake(net)), Error::<Test>::InsufficientStakeForLock);
		assert_noop!(
			SubtensorModule::move_lock(RuntimeOrigin::signed(BOB), 999, net),
			Error::<Test>::HotKeyAccountNotExists
		);
	});
}

#[test]
fn decaying_lock_and_its_conviction_follow_the_hand_computed_curve() {
	ext().build_and_execute(|| {
		let net = setup();
		assert_ok!(lock(net, HOT_B, 10 * TAO));
		run_to_block(System::block_number() + TAU);
		// After τ: M = ⌊e^-1·10^10⌋, C = (dt/τ)·e^-1·M0 = e^-1·10^10.
		let state = SubtensorModule::get_coldkey_lock(&BOB, net).unwrap();
		assert_eq!(state.locked_mass, 3_678_794_411);
		assert!(near(state.conviction, 3_678_794_411.71));
		assert!(near(SubtensorModule::get_hotkey_conviction(&HOT_B, net), 3_678_794_411.71));
		assert_eq!(SubtensorModule::get_most_convicted_hotkey_on_subnet(net), Some(HOT_B));
	});
}

#[test]
fn perpetual_lock_keeps_its_mass_and_matures() {
	ext().build_and_execute(|| {
		let net = setup();
		assert_ok!(SubtensorModule::set_perpetual_lock(RuntimeOrigin::signed(BOB), net, true));
		System::assert_last_event(
			Event::PerpetualLockUpdated { coldkey: BOB, netuid: net, enabled: true }.into(),
		);
		assert_ok!(lock(net, HOT_B, 10 * TAO));
		assert!(HotkeyLock::<Test>::contains_key(net, HOT_B));
		run_to_block(System::block_number() + TAU);
		// C = (1 − e^-1)·10^10, M stays.
		let state = SubtensorModule::get_coldkey_lock(&BOB, net).unwrap();
		assert_eq!(state.locked_mass, 10 * TAO);
		assert!(near(state.conviction, 6_321_205_588.29));
		// Back to decaying: the lock moves to the decaying aggregate, rolled to now.
		assert_ok!(SubtensorModule::set_perpetual_lock(RuntimeOrigin::signed(BOB), net, false));
		assert!(!HotkeyLock::<Test>::contains_key(net, HOT_B));
		assert_eq!(DecayingHotkeyLock::<Test>::get(net, HOT_B).unwrap().locked_mass, 10 * TAO);
		assert!(!DecayingLock::<Test>::contains_key(BOB, net));
	});
}

#[test]
fn a_lock_on_the_owner_hotkey_matures_at_once() {
	ext().build_and_execute(|| {
		let net = setup();
		assert_ok!(lock(net, HOT_A, 5 * TAO));
		let state = SubtensorModule::get_coldkey_lock(&BOB, net).unwrap();
		assert_eq!(state.conviction, U64F64::from_num(5 * TAO));
		assert!(DecayingOwnerLock::<Test>::contains_key(net));
		assert_eq!(SubtensorModule::get_hotkey_conviction(&HOT_A, net), U64F64::from_num(5 * TAO));
	});
}

#[test]
fn unstaking_below_the_lock_is_refused_at_the_lock_allowed_and_after_decay_allowed() {
	ext().build_and_execute(|| {
		let net = setup();
		let total = stake(net);
		let locked = total - 30 * TAO;
		assert_ok!(lock(net, HOT_B, locked));
		let on_a = SubtensorModule::stake_of(&HOT_A, &BOB, net);
		// Every path that takes alpha out of the subnet or the coldkey is refused past the lock.
		let b = RuntimeOrigin::signed(BOB);
		assert_noop!(
			SubtensorModule::remove_stake(b.clone(), HOT_B, net, 31 * TAO),
			Error::<Test>::StakeUnavailable
		);
		assert_noop!(
			SubtensorModule::unstake_all(b.clone(), HOT_B),
			Error::<Test>::StakeUnavailable
		);
		assert_noop!(
			SubtensorModule::unstake_all_alpha(b.clone(), HOT_B),
			Error::<Test>::StakeUnavailable
		);
		assert_noop!(
			SubtensorModule::transfer_stake(b.clone(), CHARLIE, HOT_B, net, net, 31 * TAO),
			Error::<Test>::StakeUnavailable
		);
		assert_noop!(
			SubtensorModule::swap_stake(b.clone(), HOT_B, net, ROOT_NETUID, 31 * TAO),
			Error::<Test>::StakeUnavailable
		);
		assert_noop!(
			SubtensorModule::move_stake(b.clone(), HOT_B, HOT_A, net, ROOT_NETUID, 31 * TAO),
			Error::<Test>::StakeUnavailable
		);
		assert_noop!(
			SubtensorModule::recycle_alpha(b.clone(), HOT_B, 31 * TAO, net),
			Error::<Test>::StakeUnavailable
		);
		assert_noop!(
			SubtensorModule::burn_alpha(b.clone(), HOT_B, 31 * TAO, net),
			Error::<Test>::StakeUnavailable
		);
		// Moving between its own hotkeys on the subnet keeps the stake there: allowed.
		assert_ok!(SubtensorModule::move_stake(b.clone(), HOT_A, HOT_B, net, net, on_a));
		run_to_block(System::block_number() + 1); // the move's same-block mark
											// Down to the lock exactly: allowed.
		assert_ok!(SubtensorModule::remove_stake(b.clone(), HOT_B, net, 30 * TAO));
		assert_eq!(stake(net), locked);
		run_to_block(System::block_number() + 1);
		assert_noop!(
			SubtensorModule::remove_stake(b.clone(), HOT_B, net, TAO),
			Error::<Test>::StakeUnavailable
		);
		// After the lock decays (τ: 63 % of it unlocked), that part may go.
		run_to_block(System::block_number() + TAU);
		let free = stake(net) - SubtensorModule::locked_alpha(&BOB, net);
		assert!(free > locked / 2);
		assert_ok!(SubtensorModule::remove_stake(b, HOT_B, net, free));
	});
}

#[test]
fn move_lock_keeps_conviction_between_hotkeys_of_one_owner_and_resets_it_otherwise() {
	ext().build_and_execute(|| {
		let net = setup();
		SubtensorModule::create_account_if_non_existent(&BOB, &HOT_C).unwrap();
		assert_ok!(lock(net, HOT_B, 10 * TAO));
		run_to_block(System::block_number() + TAU);
		let before = SubtensorModule::get_coldkey_lock(&BOB, net).unwrap();
		assert_ok!(SubtensorModule::move_lock(RuntimeOrigin::signed(BOB), HOT_C, net));
		System::assert_last_event(
			Event::LockMoved {
				coldkey: BOB,
				origin_hotkey: HOT_B,
				destination_hotkey: HOT_C,
				netuid: net,
			}
			.into(),
		);
		assert_eq!(Lock::<Test>::get((BOB, net, HOT_C)), Some(before));
		assert!(!DecayingHotkeyLock::<Test>::contains_key(net, HOT_B));
		// HOT_D belongs to Charlie: the conviction restarts.
		SubtensorModule::create_account_if_non_existent(&CHARLIE, &HOT_D).unwrap();
		assert_ok!(SubtensorModule::move_lock(RuntimeOrigin::signed(BOB), HOT_D, net));
		let after = Lock::<Test>::get((BOB, net, HOT_D)).unwrap();
		assert_eq!(after.locked_mass, before.locked_mass);
		assert_eq!(after.conviction, U64F64::from_num(0));
	});
}

#[test]
fn changing_the_owner_hotkey_rebuckets_the_aggregates() {
	ext().build_and_execute(|| {
		let net = setup();
		assert_ok!(lock(net, HOT_A, 5 * TAO));
		assert!(DecayingOwnerLock::<Test>::contains_key(net));
		SubtensorModule::create_account_if_non_existent(&ALICE, &HOT_C).unwrap();
		assert_ok!(SubtensorModule::set_sn_owner_hotkey(true, net, &HOT_C));
		assert!(!DecayingOwnerLock::<Test>::contains_key(net));
		assert_eq!(DecayingHotkeyLock::<Test>::get(net, HOT_A).unwrap().locked_mass, 5 * TAO);
	});
}

#[test]
fn dissolving_a_subnet_removes_its_locks_in_steps() {
	ext().build_and_execute(|| {
		let net = setup();
		assert_ok!(SubtensorModule::set_perpetual_lock(RuntimeOrigin::signed(BOB), net, true));
		assert_ok!(lock(net, HOT_B, 10 * TAO));
		assert_ok!(SubtensorModule::set_perpetual_lock(RuntimeOrigin::signed(ALICE), net, true));
		assert_ok!(SubtensorModule::dissolve_network(RuntimeOrigin::root(), ALICE, net));
		run_to_block(System::block_number() + 3);
		assert!(!SubtensorModule::subnet_has_locks(net));
		assert!(Lock::<Test>::iter().next().is_none());
		assert!(DecayingLock::<Test>::iter().next().is_none());
		assert!(!DissolvingSubnets::<Test>::contains_key(net));
	});
}

#[test]
fn the_lock_removal_step_respects_its_budget() {
	ext().build_and_execute(|| {
		let net = setup();
		assert_ok!(SubtensorModule::set_perpetual_lock(RuntimeOrigin::signed(BOB), net, true));
		assert_ok!(lock(net, HOT_B, 10 * TAO));
		// A lock, a flag, an aggregate: three units.
		assert_eq!(SubtensorModule::take_subnet_locks(net, 1), 1);
		assert_eq!(SubtensorModule::take_subnet_locks(net, 1), 1);
		assert!(SubtensorModule::subnet_has_locks(net));
		assert_eq!(SubtensorModule::take_subnet_locks(net, 5), 1);
		assert!(!SubtensorModule::subnet_has_locks(net));
	});
}
