//! Regression tests of the review findings of issue 11 (a4cf97d): each failed on that commit.
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

/// A coldkey that owns many hotkeys (the attacker, or just a busy validator operator).
const MANY: u64 = 7;
/// First hotkey of the `hotkeys` helper.
const FIRST_HOTKEY: u64 = 10_000;

/// `n` existing hotkeys, all owned by `MANY`.
fn hotkeys(n: u64) -> Vec<u64> {
	(FIRST_HOTKEY..FIRST_HOTKEY + n)
		.inspect(|h| SubtensorModule::create_account_if_non_existent(&MANY, h).unwrap())
		.collect()
}

/// Next block: clears the staking rate limiter.
fn next_block() {
	run_to_block(System::block_number() + 1);
}

fn stake(coldkey: u64, hotkey: u64, netuid: NetUid) -> u64 {
	SubtensorModule::stake_of(&hotkey, &coldkey, netuid)
}

/// Positions on `netuid` left in storage.
fn positions_on(netuid: NetUid) -> usize {
	Alpha::<Test>::iter_keys().filter(|(_, _, n)| *n == netuid).count()
}

#[test]
fn finding_1_transfer_stake_dust_cannot_fill_a_victims_staking_hotkeys() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 100 * TAO), (MANY, 10_000 * TAO)])
		.build_and_execute(|| {
			start_subnet(ALICE, HOT_A);
			let keys = hotkeys(512);
			for h in &keys {
				assert_ok!(SubtensorModule::add_stake(
					RuntimeOrigin::signed(MANY),
					*h,
					NET,
					TAO / 100
				));
			}
			next_block();
			// A stranger hands Bob dust on 512 hotkeys.
			for h in &keys {
				let held = stake(MANY, *h, NET);
				assert_ok!(SubtensorModule::transfer_stake(
					RuntimeOrigin::signed(MANY),
					BOB,
					*h,
					NET,
					NET,
					held
				));
			}
			assert!(keys.iter().all(|h| stake(BOB, *h, NET) > 0));
			// Bob can still stake on a hotkey of his own choice.
			assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, TAO));
			assert!(stake(BOB, HOT_A, NET) > 0);
			// His own list holds only his own choice; the runtime API still lists everything.
			assert_eq!(StakingHotkeys::<Test>::get(BOB).into_inner(), vec![HOT_A]);
			assert_eq!(ReceivedStakeHotkeys::<Test>::iter_prefix(BOB).count(), 512);
			assert_eq!(SubtensorModule::get_stake_info_for_coldkey(&BOB).len(), 513);
		});
}

/// Alice (owner of `NET`, hotkey `HOT_A`) stakes by her own choice on 512 other hotkeys, so
/// that her own list is full before her hotkey ever holds stake.
fn owner_with_a_full_list() {
	start_subnet(ALICE, HOT_A);
	for h in hotkeys(512) {
		assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(ALICE), h, NET, TAO / 100));
	}
	SubtensorModule::create_account_if_non_existent(&BOB, &HOT_B).unwrap();
	assert_noop!(
		SubtensorModule::add_stake(RuntimeOrigin::signed(ALICE), HOT_B, NET, TAO),
		Error::<Test>::TooManyStakingHotkeys
	);
	assert_eq!(stake(ALICE, HOT_A, NET), 0);
}

#[test]
fn finding_1_the_owner_cut_reaches_an_owner_whose_list_is_full() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (MANY, 10 * TAO)])
		.build_and_execute(|| {
			owner_with_a_full_list();
			SubtensorModule::set_tempo_unchecked(NET, 4);
			let out = SubnetAlphaOut::<Test>::get(NET);
			run_to_block(20);
			assert!(SubnetAlphaOut::<Test>::get(NET) > out, "the subnet emitted");
			// The owner cut is staked on the owner's hotkey, not recycled.
			assert!(stake(ALICE, HOT_A, NET) > 0);
		});
}

#[test]
fn finding_1_a_dividend_into_an_empty_pool_is_not_captured_by_the_next_staker() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (CHARLIE, 100 * TAO), (MANY, 10 * TAO)])
		.build_and_execute(|| {
			owner_with_a_full_list();
			let dividend = 830_000_000;
			// The dividend is alpha already counted in SubnetAlphaOut.
			SubnetAlphaOut::<Test>::mutate(NET, |a| *a += dividend);
			SubtensorModule::pay_validator_dividend(&HOT_A, NET, dividend);
			assert!(
				TotalHotkeyShares::<Test>::get(HOT_A, NET)
					> substrate_fixed::types::U64F64::from_num(0)
					|| TotalHotkeyAlpha::<Test>::get(HOT_A, NET) == 0,
				"no value in a pool without shares"
			);
			let swap = SubtensorModule::quote_buy(NET, TAO, false).unwrap();
			assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(CHARLIE), HOT_A, NET, TAO));
			assert!(
				stake(CHARLIE, HOT_A, NET) <= swap.amount_out,
				"Charlie got only what he bought"
			);
			assert!(stake(ALICE, HOT_A, NET) + 1 >= dividend, "the owner holds the dividend");
		});
}

/// `n` stakers (coldkeys 1_000…) with 1 TAO each on `HOT_A` in `NET`.
fn stakers(n: u64) -> Vec<u64> {
	let coldkeys: Vec<u64> = (1_000..1_000 + n).collect();
	for c in &coldkeys {
		assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(*c), HOT_A, NET, TAO));
	}
	coldkeys
}

fn funded(n: u64) -> Vec<(u64, u64)> {
	let mut b: Vec<(u64, u64)> = (1_000..1_000 + n).map(|c| (c, 10 * TAO)).collect();
	b.push((ALICE, 10_000 * TAO));
	b.push((BOB, 10_000 * TAO));
	b
}

#[test]
fn finding_2_dissolving_many_stakers_proceeds_in_bounded_steps() {
	ExtBuilder::default().with_balances(&funded(300)).build_and_execute(|| {
		start_subnet(ALICE, HOT_A);
		let coldkeys = stakers(300);
		next_block();
		let issuance = TotalIssuance::<Test>::get();
		let balances: u64 = coldkeys.iter().map(Balances::free_balance).sum();
		assert_ok!(SubtensorModule::dissolve_network(RuntimeOrigin::root(), ALICE, NET));
		assert!(!SubtensorModule::subnet_exists(NET));
		let left = positions_on(NET);
		assert!(left > 0 && left < 300, "only a bounded number paid in the call: {left} left");
		SubtensorModule::do_try_state().unwrap();
		// The subnet is closed meanwhile.
		assert_noop!(
			SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, TAO),
			Error::<Test>::SubnetNotExists
		);
		run_to_block(System::block_number() + 5);
		assert_eq!(positions_on(NET), 0);
		let paid: u64 = coldkeys.iter().map(Balances::free_balance).sum::<u64>() - balances;
		assert!(coldkeys.iter().all(|c| Balances::free_balance(c) > 9 * TAO));
		assert!(paid > 250 * TAO, "each staker got about its TAO: {paid}");
		// Emission may have run meanwhile; what left the pot was paid or recycled, exactly.
		assert!(TotalIssuance::<Test>::get() <= issuance + 10 * TAO);
	});
}

#[test]
fn finding_2_pruning_inside_register_network_pays_a_bounded_number_of_stakers() {
	ExtBuilder::default().with_balances(&funded(300)).build_and_execute(|| {
		start_subnet(ALICE, HOT_A);
		stakers(300);
		next_block();
		SubtensorModule::set_subnet_limit(1);
		SubtensorModule::set_network_immunity_period(0);
		assert_ok!(SubtensorModule::register_network(RuntimeOrigin::signed(BOB), HOT_B));
		let left = positions_on(NET);
		assert!(left > 0 && left < 300, "only a bounded number paid in the call: {left} left");
		SubtensorModule::do_try_state().unwrap();
		run_to_block(System::block_number() + 5);
		assert_eq!(positions_on(NET), 0);
	});
}

#[test]
fn finding_3_transfer_stake_does_not_rate_limit_receiver() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 100 * TAO), (CHARLIE, 100 * TAO)])
		.build_and_execute(|| {
			start_subnet(ALICE, HOT_A);
			assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, TAO));
			assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(CHARLIE), HOT_A, NET, TAO));
			next_block();
			let gift = stake(CHARLIE, HOT_A, NET) / 2;
			assert_ok!(SubtensorModule::transfer_stake(
				RuntimeOrigin::signed(CHARLIE),
				BOB,
				HOT_A,
				NET,
				NET,
				gift
			));
			// Bob did nothing in this block: his position is free to move.
			let held = stake(BOB, HOT_A, NET);
			assert_ok!(SubtensorModule::remove_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, held));
			assert!(!StakingOperationRateLimiter::<Test>::get((HOT_A, BOB, NET)));
		});
}

#[test]
fn finding_4_a_late_dust_stake_receives_about_its_value_from_the_dissolve_pot() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 100 * TAO)])
		.build_and_execute(|| {
			start_subnet(ALICE, HOT_A);
			assert_ok!(SubtensorModule::add_stake(
				RuntimeOrigin::signed(BOB),
				HOT_A,
				NET,
				4_000_000
			));
			let value = SubtensorModule::alpha_to_tao_at_spot(NET, stake(BOB, HOT_A, NET));
			let balance = Balances::free_balance(BOB);
			let pot = SubnetTAO::<Test>::get(NET);
			let issuance = TotalIssuance::<Test>::get();
			assert_ok!(SubtensorModule::dissolve_network(RuntimeOrigin::root(), ALICE, NET));
			let got = Balances::free_balance(BOB) - balance;
			assert!(got <= value + 1, "at most its value: {got} > {value}");
			assert!(got + value / 100 >= value, "about its value: {got} vs {value}");
			// The reserve's share is recycled: issuance falls by the pot less what was paid.
			assert_eq!(TotalIssuance::<Test>::get(), issuance - (pot - got));
		});
}

#[test]
fn finding_8_amounts_above_the_stake_are_capped_at_what_is_held() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 100 * TAO), (CHARLIE, 100 * TAO)])
		.build_and_execute(|| {
			start_subnet(ALICE, HOT_A);
			assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_B));
			assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, 4 * TAO));
			assert_ok!(SubtensorModule::add_stake(
				RuntimeOrigin::signed(BOB),
				HOT_A,
				ROOT_NETUID,
				2 * TAO
			));
			next_block();
			// A move of more than is held moves all of it.
			let held = stake(BOB, HOT_A, NET);
			assert_ok!(SubtensorModule::move_stake(
				RuntimeOrigin::signed(BOB),
				HOT_A,
				HOT_B,
				NET,
				NET,
				held * 3
			));
			assert_eq!(stake(BOB, HOT_A, NET), 0);
			next_block();
			// So does a swap and a limit unstake.
			assert_ok!(SubtensorModule::swap_stake(
				RuntimeOrigin::signed(BOB),
				HOT_A,
				ROOT_NETUID,
				NET,
				u64::MAX
			));
			assert_eq!(stake(BOB, HOT_A, ROOT_NETUID), 0);
			next_block();
			let held = stake(BOB, HOT_B, NET);
			assert_ok!(SubtensorModule::remove_stake_limit(
				RuntimeOrigin::signed(BOB),
				HOT_B,
				NET,
				held + 1,
				0,
				false
			));
			assert_eq!(stake(BOB, HOT_B, NET), 0);
			let held = stake(BOB, HOT_A, NET);
			assert_ok!(SubtensorModule::remove_stake(
				RuntimeOrigin::signed(BOB),
				HOT_A,
				NET,
				u64::MAX
			));
			assert!(held > 0 && stake(BOB, HOT_A, NET) == 0);
			// Nothing held: AmountTooLow.
			assert_noop!(
				SubtensorModule::remove_stake(RuntimeOrigin::signed(CHARLIE), HOT_A, NET, TAO),
				Error::<Test>::AmountTooLow
			);
			assert_noop!(
				SubtensorModule::move_stake(
					RuntimeOrigin::signed(CHARLIE),
					HOT_A,
					HOT_B,
					NET,
					NET,
					TAO
				),
				Error::<Test>::AmountTooLow
			);
		});
}

#[test]
fn finding_2_dissolving_one_subnet_touches_only_its_own_positions() {
	ExtBuilder::default().with_balances(&funded(10)).build_and_execute(|| {
		start_subnet(ALICE, HOT_A);
		let other = start_subnet(BOB, HOT_B);
		for c in 1_000..1_010u64 {
			assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(c), HOT_A, NET, TAO));
			assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(c), HOT_B, other, TAO));
			assert_ok!(SubtensorModule::add_stake(
				RuntimeOrigin::signed(c),
				HOT_A,
				ROOT_NETUID,
				TAO
			));
		}
		let indexed = |n: NetUid| SubnetStakePositions::<Test>::iter_key_prefix((n,)).count();
		assert_eq!(indexed(NET), 10);
		assert_eq!(indexed(other), 10);
		assert_eq!(indexed(ROOT_NETUID), 10);
		let before: Vec<u64> = (1_000..1_010u64)
			.map(|c| stake(c, HOT_B, other) + stake(c, HOT_A, ROOT_NETUID))
			.collect();
		assert_ok!(SubtensorModule::dissolve_network(RuntimeOrigin::root(), ALICE, NET));
		assert_eq!(indexed(NET), 0);
		assert_eq!(positions_on(NET), 0);
		assert_eq!(indexed(other), 10);
		assert_eq!(indexed(ROOT_NETUID), 10);
		let after: Vec<u64> = (1_000..1_010u64)
			.map(|c| stake(c, HOT_B, other) + stake(c, HOT_A, ROOT_NETUID))
			.collect();
		assert_eq!(before, after, "other subnets' stakes are untouched");
		// HOT_A is still listed for its root stakers; the NET positions are gone.
		assert!((1_000..1_010u64).all(|c| StakingHotkeys::<Test>::get(c).contains(&HOT_A)));
	});
}

#[test]
fn finding_1_the_last_holder_leaving_takes_the_pools_remainder() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 100 * TAO), (CHARLIE, 100 * TAO)])
		.build_and_execute(|| {
			start_subnet(ALICE, HOT_A);
			assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, 3 * TAO));
			assert_ok!(SubtensorModule::add_stake(
				RuntimeOrigin::signed(CHARLIE),
				HOT_A,
				NET,
				7 * TAO
			));
			// A dividend that makes the share price a repeating fraction: the holders' values
			// are floored and do not add up to the pool's value.
			SubnetAlphaOut::<Test>::mutate(NET, |a| *a += 1_000_000_007);
			assert!(SubtensorModule::credit_hotkey_pool(&HOT_A, NET, 1_000_000_007));
			next_block();
			for who in [BOB, CHARLIE] {
				assert_ok!(SubtensorModule::remove_stake(
					RuntimeOrigin::signed(who),
					HOT_A,
					NET,
					u64::MAX
				));
			}
			assert_eq!(TotalHotkeyAlpha::<Test>::get(HOT_A, NET), 0, "nothing left to capture");
			assert!(!TotalHotkeyShares::<Test>::contains_key(HOT_A, NET));
		});
}
