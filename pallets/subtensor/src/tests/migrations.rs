//! Storage migrations: each turns a state of its source version into one where every invariant
//! holds, runs once, and is a no-op elsewhere.
use crate::{migrations::v2::MigrateV1ToV2, mock::*, *};
use frame_support::{
	assert_ok,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};

/// Stake placed by its own coldkey (Alice, Bob on two hotkeys), stake received through
/// `transfer_stake` (Charlie), on two subnets.
fn stake_positions() -> NetUid {
	let second = start_subnet(BOB, HOT_B);
	assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, NET, 5 * TAO));
	assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, 3 * TAO));
	assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_B, second, 4 * TAO));
	run_to_block(System::block_number() + 1);
	let held = SubtensorModule::stake_of(&HOT_B, &BOB, second);
	assert_ok!(SubtensorModule::transfer_stake(
		RuntimeOrigin::signed(BOB),
		CHARLIE,
		HOT_B,
		second,
		second,
		held / 2
	));
	second
}

/// What a version-1 chain holds: no `SubnetStakePositions`, no `ReceivedStakeHotkeys`; a hotkey
/// received by transfer listed in `StakingHotkeys`, and a listed hotkey without stake.
fn rewind_to_v1() {
	let _ = SubnetStakePositions::<Test>::clear(u32::MAX, None);
	let received: Vec<(u64, u64)> = ReceivedStakeHotkeys::<Test>::iter_keys().collect();
	assert!(!received.is_empty(), "the fixture has received stake");
	let _ = ReceivedStakeHotkeys::<Test>::clear(u32::MAX, None);
	for (coldkey, hotkey) in received {
		StakingHotkeys::<Test>::mutate(coldkey, |l| l.try_push(hotkey).unwrap());
	}
	StakingHotkeys::<Test>::mutate(ALICE, |l| l.try_push(HOT_D).unwrap());
	StorageVersion::new(1).put::<SubtensorModule>();
	assert!(SubtensorModule::do_try_state().is_err(), "a v1 state breaks the v2 invariants");
}

#[test]
fn v2_builds_the_stake_indices_of_a_v1_chain() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10_000 * TAO), (CHARLIE, 10 * TAO)])
		.build_and_execute(|| {
			start_subnet(ALICE, HOT_A);
			let second = stake_positions();
			let positions: Vec<(NetUid, u64, u64)> =
				SubnetStakePositions::<Test>::iter_keys().collect();
			let lists: Vec<(u64, Vec<u64>)> =
				StakingHotkeys::<Test>::iter().map(|(c, l)| (c, l.into_inner())).collect();
			rewind_to_v1();

			MigrateV1ToV2::<Test>::on_runtime_upgrade();

			assert_eq!(SubtensorModule::on_chain_storage_version(), StorageVersion::new(2));
			let mut after: Vec<(NetUid, u64, u64)> =
				SubnetStakePositions::<Test>::iter_keys().collect();
			let mut before = positions;
			after.sort();
			before.sort();
			assert_eq!(after, before);
			assert!(after.contains(&(second, HOT_B, CHARLIE)));
			// Charlie's transferred stake stays in StakingHotkeys (v1 recorded no origin); the
			// hotkey without stake is unlisted.
			assert!(StakingHotkeys::<Test>::get(CHARLIE).contains(&HOT_B));
			assert!(!StakingHotkeys::<Test>::get(ALICE).contains(&HOT_D));
			let mut lists_after: Vec<(u64, Vec<u64>)> =
				StakingHotkeys::<Test>::iter().map(|(c, l)| (c, l.into_inner())).collect();
			let mut lists_before = lists;
			lists_before.push((CHARLIE, vec![HOT_B]));
			lists_after.sort();
			lists_before.sort();
			assert_eq!(lists_after, lists_before);
			SubtensorModule::do_try_state().unwrap();
		});
}

#[test]
fn v2_lists_stake_missing_from_staking_hotkeys_as_received() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10_000 * TAO), (CHARLIE, 10 * TAO)])
		.build_and_execute(|| {
			start_subnet(ALICE, HOT_A);
			let second = stake_positions();
			rewind_to_v1();
			StakingHotkeys::<Test>::remove(CHARLIE);

			MigrateV1ToV2::<Test>::on_runtime_upgrade();

			assert!(ReceivedStakeHotkeys::<Test>::contains_key(CHARLIE, HOT_B));
			assert!(SubnetStakePositions::<Test>::contains_key((second, HOT_B, CHARLIE)));
			SubtensorModule::do_try_state().unwrap();
		});
}

#[test]
fn v2_does_nothing_on_a_v2_chain() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10_000 * TAO), (CHARLIE, 10 * TAO)])
		.build_and_execute(|| {
			start_subnet(ALICE, HOT_A);
			stake_positions();
			assert_eq!(SubtensorModule::on_chain_storage_version(), StorageVersion::new(2));
			// A stale entry that the migration would remove if it ran.
			SubnetStakePositions::<Test>::insert((NET, HOT_C, ALICE), ());
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(SubtensorModule::on_chain_storage_version(), StorageVersion::new(2));
			assert!(SubnetStakePositions::<Test>::contains_key((NET, HOT_C, ALICE)));
			SubnetStakePositions::<Test>::remove((NET, HOT_C, ALICE));
		});
}

/// The try-runtime checks (`pre_upgrade`, the migration, `post_upgrade` with `do_try_state`),
/// as `try-runtime on-runtime-upgrade` runs them.
#[cfg(feature = "try-runtime")]
#[test]
fn v2_passes_its_try_runtime_checks() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10_000 * TAO), (CHARLIE, 10 * TAO)])
		.build_and_execute(|| {
			start_subnet(ALICE, HOT_A);
			stake_positions();
			rewind_to_v1();
			assert_ok!(MigrateV1ToV2::<Test>::try_on_runtime_upgrade(true));
			assert_eq!(SubtensorModule::on_chain_storage_version(), StorageVersion::new(2));
		});
}
