//! Coldkey swaps: the announce flow with its delays, dispute and reset, root's swap, the
//! storage walk for the old coldkey, and the guard that freezes an announced coldkey's calls.
use super::{free_calls::validate, swap_hotkey::assert_account_gone};
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::traits::{BlakeTwo256, Hash};

/// A coldkey whose encoding cannot occur by chance in other storage.
const OLD_COLD: u64 = 0x0C01_D000_5EED_0001;
/// The coldkey swapped to.
const NEW_COLD: u64 = 0x0C01_D000_5EED_0002;

fn hash(a: u64) -> sp_core::H256 {
	BlakeTwo256::hash_of(&a)
}

/// `OLD_COLD` owns subnet `net` (owner hotkey `HOT_A`), stakes on it and on Bob's `HOT_B`
/// (root), has an identity and a hotkey-swap record; Bob transferred it stake (a received
/// position).
fn rich_coldkey_state() -> NetUid {
	let net = start_subnet(OLD_COLD, HOT_A);
	assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(OLD_COLD), HOT_A, net, 10 * TAO));
	assert_ok!(SubtensorModule::root_register(RuntimeOrigin::signed(BOB), HOT_B));
	assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_B, ROOT_NETUID, 5 * TAO));
	assert_ok!(SubtensorModule::add_stake(
		RuntimeOrigin::signed(OLD_COLD),
		HOT_B,
		ROOT_NETUID,
		TAO
	));
	run_to_block(System::block_number() + 1);
	assert_ok!(SubtensorModule::transfer_stake(
		RuntimeOrigin::signed(BOB),
		OLD_COLD,
		HOT_B,
		ROOT_NETUID,
		ROOT_NETUID,
		TAO
	));
	assert_ok!(SubtensorModule::set_identity(
		RuntimeOrigin::signed(OLD_COLD),
		b"me".to_vec(),
		vec![],
		vec![],
		vec![],
		vec![],
		vec![],
		vec![]
	));
	assert_ok!(SubtensorModule::swap_hotkey(RuntimeOrigin::signed(OLD_COLD), HOT_A, HOT_D, None));
	assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(OLD_COLD), HOT_D, net, TAO));
	// Stake locks: a perpetual one on the subnet (to its owner hotkey), one on root to Bob's
	// hotkey, and a perpetual flag alone on root.
	let cold = RuntimeOrigin::signed(OLD_COLD);
	assert_ok!(SubtensorModule::set_perpetual_lock(cold.clone(), net, true));
	assert_ok!(SubtensorModule::lock_stake(cold.clone(), HOT_D, net, 2 * TAO));
	assert_ok!(SubtensorModule::lock_stake(cold.clone(), HOT_B, ROOT_NETUID, TAO / 2));
	net
}

fn ext() -> ExtBuilder {
	ExtBuilder::default().with_balances(&[(OLD_COLD, 10_000 * TAO), (BOB, 1_000 * TAO)])
}

#[test]
fn an_announced_swap_after_the_delay_leaves_the_old_coldkey_nowhere() {
	ext().build_and_execute(|| {
		let net = rich_coldkey_state();
		let stake = SubtensorModule::stake_of(&HOT_D, &OLD_COLD, net);
		let root_stake = SubtensorModule::stake_of(&HOT_B, &OLD_COLD, ROOT_NETUID);
		let issued = TotalIssuance::<Test>::get();
		assert_ok!(SubtensorModule::announce_coldkey_swap(
			RuntimeOrigin::signed(OLD_COLD),
			hash(NEW_COLD)
		));
		assert_eq!(TotalIssuance::<Test>::get(), issued - 100_000_000);
		let free = Balances::free_balance(OLD_COLD);
		let at = System::block_number();
		run_to_block(at + 4);
		assert_noop!(
			SubtensorModule::swap_coldkey_announced(RuntimeOrigin::signed(OLD_COLD), NEW_COLD),
			Error::<Test>::ColdkeySwapTooEarly
		);
		run_to_block(at + 5);
		assert_noop!(
			SubtensorModule::swap_coldkey_announced(RuntimeOrigin::signed(OLD_COLD), 42),
			Error::<Test>::AnnouncedColdkeyHashDoesNotMatch
		);
		assert_ok!(SubtensorModule::swap_coldkey_announced(
			RuntimeOrigin::signed(OLD_COLD),
			NEW_COLD
		));
		assert_account_gone(OLD_COLD);
		assert_eq!(Balances::free_balance(NEW_COLD), free);
		assert_eq!(SubtensorModule::stake_of(&HOT_D, &NEW_COLD, net), stake);
		assert_eq!(SubtensorModule::stake_of(&HOT_B, &NEW_COLD, ROOT_NETUID), root_stake);
		assert_eq!(SubnetOwner::<Test>::get(net), Some(NEW_COLD));
		assert_eq!(Owner::<Test>::get(HOT_D), NEW_COLD);
		assert!(IdentitiesV2::<Test>::get(NEW_COLD).is_some());
		assert_eq!(SubtensorModule::locked_alpha(&NEW_COLD, net), 2 * TAO);
		assert!(SubtensorModule::is_perpetual_lock(&NEW_COLD, net));
		assert!(Lock::<Test>::contains_key((NEW_COLD, ROOT_NETUID, HOT_B)));
		System::assert_last_event(
			Event::ColdkeySwapped { old_coldkey: OLD_COLD, new_coldkey: NEW_COLD }.into(),
		);
		run_to_block(System::block_number() + 3);
		assert_account_gone(OLD_COLD);
	});
}

#[test]
fn an_announced_coldkey_can_only_make_its_swap_and_a_dispute_freezes_it() {
	ext().build_and_execute(|| {
		let net = rich_coldkey_state();
		let stake = RuntimeCall::SubtensorModule(Call::remove_stake {
			hotkey: HOT_D,
			netuid: net,
			amount_unstaked: TAO,
		});
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
			dest: BOB,
			value: TAO,
		});
		assert!(validate(OLD_COLD, &transfer).is_ok());
		assert_ok!(SubtensorModule::announce_coldkey_swap(
			RuntimeOrigin::signed(OLD_COLD),
			hash(NEW_COLD)
		));
		let announced = Err(CustomTransactionError::ColdkeySwapAnnounced.into());
		assert_eq!(validate(OLD_COLD, &stake), announced);
		assert_eq!(validate(OLD_COLD, &transfer), announced);
		// Another account is not restricted, not even on the same hotkey.
		assert!(validate(BOB, &transfer).is_ok());
		let dispute = RuntimeCall::SubtensorModule(Call::dispute_coldkey_swap {});
		assert!(validate(OLD_COLD, &dispute).is_ok());
		assert_ok!(SubtensorModule::dispute_coldkey_swap(RuntimeOrigin::signed(OLD_COLD)));
		assert_noop!(
			SubtensorModule::dispute_coldkey_swap(RuntimeOrigin::signed(OLD_COLD)),
			Error::<Test>::ColdkeySwapAlreadyDisputed
		);
		let disputed = Err(CustomTransactionError::ColdkeySwapDisputed.into());
		assert_eq!(validate(OLD_COLD, &dispute), disputed);
		let swap =
			RuntimeCall::SubtensorModule(Call::swap_coldkey_announced { new_coldkey: NEW_COLD });
		assert_eq!(validate(OLD_COLD, &swap), disputed);
		run_to_block(System::block_number() + 10);
		assert_noop!(
			SubtensorModule::swap_coldkey_announced(RuntimeOrigin::signed(OLD_COLD), NEW_COLD),
			Error::<Test>::ColdkeySwapDisputed
		);
		// Root resets: the coldkey is free again.
		assert_ok!(SubtensorModule::reset_coldkey_swap(RuntimeOrigin::root(), OLD_COLD));
		assert!(validate(OLD_COLD, &transfer).is_ok());
	});
}

#[test]
fn root_swaps_any_coldkey_at_once_and_bad_swaps_write_nothing() {
	ext().with_balances(&[(NEW_COLD, TAO)]).build_and_execute(|| {
		let net = rich_coldkey_state();
		assert_noop!(
			SubtensorModule::swap_coldkey(RuntimeOrigin::signed(OLD_COLD), OLD_COLD, NEW_COLD, 0),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			SubtensorModule::swap_coldkey(RuntimeOrigin::root(), OLD_COLD, OLD_COLD, 0),
			Error::<Test>::SameColdkey
		);
		assert_noop!(
			SubtensorModule::swap_coldkey(RuntimeOrigin::root(), OLD_COLD, HOT_B, 0),
			Error::<Test>::NewColdKeyIsHotkey
		);
		assert_noop!(
			SubtensorModule::swap_coldkey(RuntimeOrigin::root(), OLD_COLD, BOB, 0),
			Error::<Test>::ColdKeyAlreadyAssociated
		);
		assert_noop!(
			SubtensorModule::swap_coldkey(RuntimeOrigin::root(), OLD_COLD, NEW_COLD, u64::MAX),
			Error::<Test>::NotEnoughBalanceToPaySwapColdKey
		);
		assert_noop!(
			SubtensorModule::swap_coldkey_announced(RuntimeOrigin::signed(OLD_COLD), NEW_COLD),
			Error::<Test>::ColdkeySwapAnnouncementNotFound
		);
		assert_ok!(SubtensorModule::swap_coldkey(RuntimeOrigin::root(), OLD_COLD, NEW_COLD, TAO));
		assert_account_gone(OLD_COLD);
		assert_eq!(SubnetOwner::<Test>::get(net), Some(NEW_COLD));
	});
}

#[test]
fn announcements_are_replaced_or_cleared_only_after_the_reannouncement_delay() {
	ext().build_and_execute(|| {
		assert_ok!(SubtensorModule::announce_coldkey_swap(
			RuntimeOrigin::signed(OLD_COLD),
			hash(NEW_COLD)
		));
		let at = System::block_number();
		let again =
			|| SubtensorModule::announce_coldkey_swap(RuntimeOrigin::signed(OLD_COLD), hash(7));
		assert_noop!(again(), Error::<Test>::ColdkeySwapReannouncedTooEarly);
		assert_noop!(
			SubtensorModule::clear_coldkey_swap_announcement(RuntimeOrigin::signed(OLD_COLD)),
			Error::<Test>::ColdkeySwapClearTooEarly
		);
		run_to_block(at + 5 + 3);
		let free = Balances::free_balance(OLD_COLD);
		assert_ok!(again());
		assert_eq!(Balances::free_balance(OLD_COLD), free, "a re-announcement is free");
		run_to_block(System::block_number() + 8);
		assert_ok!(SubtensorModule::clear_coldkey_swap_announcement(RuntimeOrigin::signed(
			OLD_COLD
		)));
		assert!(!ColdkeySwapAnnouncements::<Test>::contains_key(OLD_COLD));
	});
}
