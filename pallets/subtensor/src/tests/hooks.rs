//! The block hook: burn adjustment per interval (economics.md §2.3, §6.3 vector 17).
use crate::{mock::*, *};
use frame_support::assert_ok;

/// Register `r` hotkeys on `NET` (one per block) in an interval of 360 blocks starting at
/// block 1 with `Burn` = 1 TAO, then return the burn after the interval.
fn burn_after_interval_with(r: u64) -> u64 {
	let mut result = 0;
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 1_000 * TAO)])
		.build_and_execute(|| {
			add_subnet(ALICE, HOT_A);
			// A 1 TAO burn (the spec's vectors); no admin call sets Burn itself.
			Burn::<Test>::insert(NET, TAO);
			for i in 0..r {
				run_to_block(2 + i);
				assert_ok!(SubtensorModule::burned_register(
					RuntimeOrigin::signed(BOB),
					NET,
					200 + i
				));
			}
			run_to_block(360);
			assert_eq!(Burn::<Test>::get(NET), TAO, "no adjustment before the interval ends");
			run_to_block(361);
			assert_eq!(LastAdjustmentBlock::<Test>::get(NET), 361);
			assert_eq!(RegistrationsThisInterval::<Test>::get(NET), 0);
			assert_eq!(BurnRegistrationsThisInterval::<Test>::get(NET), 0);
			result = Burn::<Test>::get(NET);
		});
	result
}

#[test]
fn three_registrations_against_a_target_of_one_raise_the_burn_by_3_percent() {
	assert_eq!(burn_after_interval_with(3), 1_030_000_000);
}

#[test]
fn two_registrations_raise_the_burn_by_1_5_percent() {
	assert_eq!(burn_after_interval_with(2), 1_015_000_000);
}

#[test]
fn registrations_equal_to_the_target_leave_the_burn_unchanged() {
	assert_eq!(burn_after_interval_with(1), TAO);
}

#[test]
fn no_registration_lowers_the_burn_by_1_5_percent() {
	// a = 17_893_341_751_498_265_066 / (2^64 − 1) is a hair below 0.97: ⌊0.98499999…⌋.
	assert_eq!(burn_after_interval_with(0), 984_999_999);
}

#[test]
fn the_burn_stays_within_its_bounds() {
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO)]).build_and_execute(|| {
		add_subnet(ALICE, HOT_A);
		SubtensorModule::set_min_burn(NET, TAO / 10);
		assert_eq!(Burn::<Test>::get(NET), TAO / 10);
		// Intervals without registrations push the burn down to MinBurn and no further.
		SubtensorModule::set_adjustment_interval(NET, 1);
		run_to_block(400);
		assert_eq!(Burn::<Test>::get(NET), TAO / 10);
		SubtensorModule::set_max_burn(NET, TAO / 20 + TAO / 10);
		SubtensorModule::set_min_burn(NET, TAO / 8);
		assert_eq!(Burn::<Test>::get(NET), TAO / 8);
		System::assert_last_event(Event::BurnSet(NET, TAO / 8).into());
	});
}

#[test]
fn the_per_block_counter_is_reset_every_block() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 1_000 * TAO)])
		.build_and_execute(|| {
			add_subnet(ALICE, HOT_A);
			assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_B));
			assert_eq!(RegistrationsThisBlock::<Test>::get(NET), 1);
			run_to_block(2);
			assert_eq!(RegistrationsThisBlock::<Test>::get(NET), 0);
			assert_eq!(RegistrationsThisInterval::<Test>::get(NET), 1);
		});
}
