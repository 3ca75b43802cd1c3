use crate::{mock::*, *};
use frame_support::{
	assert_ok,
	traits::{fungible::Balanced, tokens::Precision, tokens::Preservation},
};

#[test]
fn recycle_tao_lowers_the_counter_and_saturates_at_zero() {
	ExtBuilder::default().build().execute_with(|| {
		TotalIssuance::<Test>::put(1_000);
		SubtensorModule::recycle_tao(400);
		assert_eq!(TotalIssuance::<Test>::get(), 600);
		SubtensorModule::recycle_tao(u64::MAX);
		assert_eq!(TotalIssuance::<Test>::get(), 0);
	});
}

#[test]
fn withdrawn_fees_are_recycled_from_both_counters() {
	ExtBuilder::default().with_balances(&[(ALICE, 10 * TAO)]).build_and_execute(|| {
		let credit = <Balances as Balanced<u64>>::withdraw(
			&ALICE,
			3 * TAO,
			Precision::Exact,
			Preservation::Preserve,
			frame_support::traits::tokens::Fortitude::Polite,
		)
		.unwrap();
		<RecycleTao<Test> as frame_support::traits::OnUnbalanced<_>>::on_unbalanced(credit);
		assert_eq!(Balances::total_issuance(), 7 * TAO);
		assert_eq!(TotalIssuance::<Test>::get(), 7 * TAO);
	});
}

#[test]
fn dust_of_a_reaped_account_is_recycled() {
	ExtBuilder::default().with_balances(&[(ALICE, 10 * TAO)]).build_and_execute(|| {
		// Leave 300 RAO (below the 500 RAO existential deposit) behind: the account is reaped
		// and the 300 RAO of dust is removed from circulation.
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(ALICE),
			BOB,
			10 * TAO - 300
		));
		assert_eq!(Balances::total_issuance(), 10 * TAO - 300);
		assert_eq!(TotalIssuance::<Test>::get(), 10 * TAO - 300);
	});
}
