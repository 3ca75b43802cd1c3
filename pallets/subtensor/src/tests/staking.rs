//! Staking through the pools: x·y = k swaps, root 1:1, limits and partial fills, moves,
//! nominator shares and take, every bad input, and a long randomized sequence.
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use subtensor_math::pool::{self, Reserves};

/// The pool fee of a new subnet: 33 / 65535.
const FEE: u16 = 33;
/// The TAO (and alpha) seeding a new pool.
const SEED: u64 = 1_000 * TAO;

/// Alice's started subnet `NET` (owner hotkey `HOT_A`); Bob and Charlie have 10 000 TAO.
fn with_started_subnet(test: impl FnOnce()) {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10_000 * TAO), (CHARLIE, 10_000 * TAO)])
		.build_and_execute(|| {
			start_subnet(ALICE, HOT_A);
			test();
		});
}

/// `⌊A·net/(T+net)⌋` with `net = x − ⌈x·fee/65535⌉`: the hand formula of economics.md §3.3.
fn cp_out(x_reserve: u64, y_reserve: u64, x_in: u64, fee: u16) -> u64 {
	let f = (u128::from(x_in) * u128::from(fee)).div_ceil(65_535) as u64;
	let net = u128::from(x_in - f);
	(u128::from(y_reserve) * net / (u128::from(x_reserve) + net)) as u64
}

fn k(r: Reserves) -> u128 {
	u128::from(r.tao) * u128::from(r.alpha)
}

fn stake(coldkey: u64, hotkey: u64, netuid: NetUid) -> u64 {
	SubtensorModule::stake_of(&hotkey, &coldkey, netuid)
}

/// Next block: clears the staking rate limiter.
fn next_block() {
	run_to_block(System::block_number() + 1);
}

#[test]
fn add_stake_swaps_tao_for_alpha_by_the_constant_product() {
	with_started_subnet(|| {
		let amount = 10 * TAO;
		let fee = (u128::from(amount) * 33).div_ceil(65_535) as u64;
		let expected = cp_out(SEED, SEED, amount, FEE);
		// Without the fee this would be the spec's 9_900_990_099.
		assert_eq!(cp_out(SEED, SEED, amount, 0), 9_900_990_099);
		let total_stake = TotalStake::<Test>::get();
		let issuance = TotalIssuance::<Test>::get();

		assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, amount));

		assert_eq!(stake(BOB, HOT_A, NET), expected);
		assert_eq!(Balances::free_balance(BOB), 10_000 * TAO - amount);
		assert_eq!(SubnetTAO::<Test>::get(NET), SEED + amount, "the fee stays in the pool");
		assert_eq!(SubnetAlphaIn::<Test>::get(NET), SEED - expected);
		assert_eq!(SubnetAlphaOut::<Test>::get(NET), expected);
		assert_eq!(TotalHotkeyAlpha::<Test>::get(HOT_A, NET), expected);
		assert_eq!(TotalStake::<Test>::get(), total_stake + amount);
		assert_eq!(TotalIssuance::<Test>::get(), issuance, "staking mints nothing");
		assert_eq!(SubnetTaoFlow::<Test>::get(NET), amount as i64);
		assert_eq!(SubnetVolume::<Test>::get(NET), u128::from(amount));
		assert_eq!(StakingHotkeys::<Test>::get(BOB).into_inner(), vec![HOT_A]);
		System::assert_last_event(Event::StakeAdded(BOB, HOT_A, amount, expected, NET, fee).into());
		// The price rose as x·y = k predicts: (T + t) / (A − out).
		let r = SubtensorModule::reserves(NET);
		assert!(k(r) >= u128::from(SEED) * u128::from(SEED));
		assert_eq!(
			SubtensorModule::current_alpha_price(NET),
			(u128::from(SEED + amount) * u128::from(TAO) / u128::from(SEED - expected)) as u64
		);
	});
}

#[test]
fn remove_stake_sells_alpha_by_the_constant_product() {
	with_started_subnet(|| {
		assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, 100 * TAO));
		next_block();
		let held = stake(BOB, HOT_A, NET);
		let r = SubtensorModule::reserves(NET);
		let sell = held / 2;
		let expected = cp_out(r.alpha, r.tao, sell, FEE);
		let fee = (u128::from(sell) * 33).div_ceil(65_535) as u64;
		let balance = Balances::free_balance(BOB);
		// The block's coinbase minted alpha (pending emission) and consumed the flow.
		let out = SubnetAlphaOut::<Test>::get(NET);
		assert_eq!(SubnetTaoFlow::<Test>::get(NET), 0);

		assert_ok!(SubtensorModule::remove_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, sell));

		assert_eq!(Balances::free_balance(BOB), balance + expected);
		assert_eq!(stake(BOB, HOT_A, NET), held - sell);
		assert_eq!(SubnetTAO::<Test>::get(NET), r.tao - expected);
		assert_eq!(SubnetAlphaIn::<Test>::get(NET), r.alpha + sell, "the alpha fee stays");
		assert_eq!(SubnetAlphaOut::<Test>::get(NET), out - sell);
		assert_eq!(SubnetTaoFlow::<Test>::get(NET), -(expected as i64));
		System::assert_last_event(Event::StakeRemoved(BOB, HOT_A, expected, sell, NET, fee).into());
		assert!(k(SubtensorModule::reserves(NET)) >= k(r));
	});
}

#[test]
fn a_round_trip_never_profits() {
	with_started_subnet(|| {
		let before = Balances::free_balance(BOB);
		assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, 50 * TAO));
		next_block();
		let held = stake(BOB, HOT_A, NET);
		assert_ok!(SubtensorModule::remove_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, held));
		assert!(Balances::free_balance(BOB) < before, "two fees were paid");
		assert_eq!(stake(BOB, HOT_A, NET), 0);
		assert!(!Alpha::<Test>::contains_key((HOT_A, BOB, NET)), "empty positions are removed");
		assert!(StakingHotkeys::<Test>::get(BOB).is_empty(), "and so is the staking hotkey");
	});
}

#[test]
fn root_stake_is_tao_one_to_one_without_a_pool() {
	with_started_subnet(|| {
		let amount = 7 * TAO + 3;
		assert_ok!(SubtensorModule::add_stake(
			RuntimeOrigin::signed(BOB),
			HOT_A,
			ROOT_NETUID,
			amount
		));
		assert_eq!(stake(BOB, HOT_A, ROOT_NETUID), amount);
		assert_eq!(SubnetTAO::<Test>::get(ROOT_NETUID), amount);
		assert_eq!(SubnetAlphaOut::<Test>::get(ROOT_NETUID), amount);
		assert_eq!(SubnetAlphaIn::<Test>::get(ROOT_NETUID), 0);
		System::assert_last_event(Event::StakeAdded(BOB, HOT_A, amount, amount, 0, 0).into());
		assert_eq!(SubtensorModule::current_alpha_price(ROOT_NETUID), TAO);
		next_block();
		let balance = Balances::free_balance(BOB);
		assert_ok!(SubtensorModule::remove_stake(
			RuntimeOrigin::signed(BOB),
			HOT_A,
			ROOT_NETUID,
			amount
		));
		assert_eq!(Balances::free_balance(BOB), balance + amount, "root returns every RAO");
		assert_eq!(SubnetTAO::<Test>::get(ROOT_NETUID), 0);
	});
}

#[test]
fn bad_stake_inputs_fail_with_their_own_error_and_change_nothing() {
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO), (BOB, TAO)]).build_and_execute(
		|| {
			SubtensorModule::set_start_call_delay(0);
			add_subnet(ALICE, HOT_A);
			let add = |who: u64, hot: u64, net: NetUid, amount: u64| {
				SubtensorModule::add_stake(RuntimeOrigin::signed(who), hot, net, amount)
			};
			// Subnet registered but not started.
			assert_noop!(add(BOB, HOT_A, NET, TAO / 2), Error::<Test>::SubtokenDisabled);
			assert_ok!(SubtensorModule::start_call(RuntimeOrigin::signed(ALICE), NET));
			assert_noop!(add(BOB, HOT_A, 9, TAO / 2), Error::<Test>::SubnetNotExists);
			assert_noop!(add(BOB, HOT_B, NET, TAO / 2), Error::<Test>::HotKeyAccountNotExists);
			assert_noop!(add(BOB, HOT_A, NET, 0), Error::<Test>::AmountTooLow);
			// The minimum is MinStake plus the fee on it.
			let fee = pool::fee_for(MIN_STAKE, FEE);
			assert_noop!(add(BOB, HOT_A, NET, MIN_STAKE + fee - 1), Error::<Test>::AmountTooLow);
			assert_noop!(add(BOB, HOT_A, NET, 2 * TAO), Error::<Test>::NotEnoughBalanceToStake);
			// Staking all but the existential deposit is fine; the whole balance is not.
			assert_noop!(add(BOB, HOT_A, NET, TAO), Error::<Test>::NotEnoughBalanceToStake);
			assert_ok!(add(BOB, HOT_A, NET, MIN_STAKE + fee));

			let remove = |who: u64, hot: u64, net: NetUid, amount: u64| {
				SubtensorModule::remove_stake(RuntimeOrigin::signed(who), hot, net, amount)
			};
			let held = stake(BOB, HOT_A, NET);
			// Staked in this block: the position is locked until the next.
			assert_noop!(
				remove(BOB, HOT_A, NET, held),
				Error::<Test>::StakingOperationRateLimitExceeded
			);
			next_block();
			assert_noop!(remove(BOB, HOT_A, NET, 0), Error::<Test>::AmountTooLow);
			// More than is held is capped at what is held (tested in hardening.rs); nothing
			// held is too low an amount.
			assert_noop!(remove(CHARLIE, HOT_A, NET, 1), Error::<Test>::AmountTooLow);
			assert_noop!(remove(BOB, HOT_A, 9, 1), Error::<Test>::SubnetNotExists);
			assert_noop!(remove(BOB, HOT_B, NET, 1), Error::<Test>::HotKeyAccountNotExists);
			// A partial unstake worth less than the minimum stake.
			assert_noop!(remove(BOB, HOT_A, NET, held / 2), Error::<Test>::AmountTooLow);
			// The whole position may be unstaked whatever its size.
			assert_ok!(remove(BOB, HOT_A, NET, held));
		},
	);
}

#[test]
fn add_stake_limit_stops_at_the_marginal_limit_price() {
	with_started_subnet(|| {
		// Price 1.0 → limit 1.21: without a fee the closed form is sqrt(1.21)·T − T = 100 TAO.
		let limit = 1_210_000_000;
		let max = SubtensorModule::max_buy_for_limit(NET, limit);
		let closed_form = 100 * TAO;
		assert!(max.abs_diff(closed_form) < TAO / 10, "max {max} ≈ {closed_form} (fee aside)");
		// Asking for more without partial fills fails and changes nothing.
		assert_noop!(
			SubtensorModule::add_stake_limit(
				RuntimeOrigin::signed(BOB),
				HOT_A,
				NET,
				max + 1,
				limit,
				false
			),
			Error::<Test>::SlippageTooHigh
		);
		// With partial fills, exactly `max` is staked and the price ends at most at the limit.
		assert_ok!(SubtensorModule::add_stake_limit(
			RuntimeOrigin::signed(BOB),
			HOT_A,
			NET,
			500 * TAO,
			limit,
			true
		));
		assert_eq!(Balances::free_balance(BOB), 10_000 * TAO - max);
		assert!(SubtensorModule::current_alpha_price(NET) <= limit);
		// A limit below the current price can buy nothing.
		assert_noop!(
			SubtensorModule::add_stake_limit(
				RuntimeOrigin::signed(CHARLIE),
				HOT_A,
				NET,
				TAO,
				TAO,
				true
			),
			Error::<Test>::ZeroMaxStakeAmount
		);
		// Within the limit the whole amount executes like add_stake.
		let r = SubtensorModule::reserves(NET);
		assert_ok!(SubtensorModule::add_stake_limit(
			RuntimeOrigin::signed(CHARLIE),
			HOT_A,
			NET,
			TAO,
			2 * TAO,
			false
		));
		assert_eq!(stake(CHARLIE, HOT_A, NET), cp_out(r.tao, r.alpha, TAO, FEE));
	});
}

#[test]
fn remove_stake_limit_stops_at_the_marginal_limit_price() {
	with_started_subnet(|| {
		assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, 500 * TAO));
		next_block();
		let held = stake(BOB, HOT_A, NET);
		let price = SubtensorModule::current_alpha_price(NET);
		let limit = price * 9 / 10;
		let max = SubtensorModule::max_sell_for_limit(NET, limit);
		assert!(max > 0 && max < held);
		assert_noop!(
			SubtensorModule::remove_stake_limit(
				RuntimeOrigin::signed(BOB),
				HOT_A,
				NET,
				held,
				limit,
				false
			),
			Error::<Test>::SlippageTooHigh
		);
		assert_ok!(SubtensorModule::remove_stake_limit(
			RuntimeOrigin::signed(BOB),
			HOT_A,
			NET,
			held,
			limit,
			true
		));
		assert_eq!(stake(BOB, HOT_A, NET), held - max);
		assert!(SubtensorModule::current_alpha_price(NET) >= limit);
		// A limit above the current price can sell nothing.
		assert_noop!(
			SubtensorModule::remove_stake_limit(
				RuntimeOrigin::signed(BOB),
				HOT_A,
				NET,
				TAO,
				price * 2,
				true
			),
			Error::<Test>::ZeroMaxStakeAmount
		);
	});
}

#[test]
fn remove_stake_full_limit_unstakes_everything_or_nothing() {
	with_started_subnet(|| {
		assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, 500 * TAO));
		next_block();
		let price = SubtensorModule::current_alpha_price(NET);
		assert_noop!(
			SubtensorModule::remove_stake_full_limit(
				RuntimeOrigin::signed(BOB),
				HOT_A,
				NET,
				Some(price)
			),
			Error::<Test>::SlippageTooHigh
		);
		assert_ok!(SubtensorModule::remove_stake_full_limit(
			RuntimeOrigin::signed(BOB),
			HOT_A,
			NET,
			None
		));
		assert_eq!(stake(BOB, HOT_A, NET), 0);
		assert_noop!(
			SubtensorModule::remove_stake_full_limit(RuntimeOrigin::signed(BOB), HOT_A, NET, None),
			Error::<Test>::AmountTooLow
		);
	});
}

#[test]
fn unstake_all_sells_every_position_of_the_hotkey() {
	with_started_subnet(|| {
		let other = start_subnet(CHARLIE, HOT_C);
		for net in [ROOT_NETUID, NET, other] {
			assert_ok!(SubtensorModule::add_stake(
				RuntimeOrigin::signed(BOB),
				HOT_A,
				net,
				10 * TAO
			));
		}
		assert_noop!(
			SubtensorModule::unstake_all(RuntimeOrigin::signed(BOB), HOT_A),
			Error::<Test>::StakingOperationRateLimitExceeded
		);
		next_block();
		let expected: u64 = [ROOT_NETUID, NET, other]
			.iter()
			.map(|&n| {
				SubtensorModule::quote_sell(n, stake(BOB, HOT_A, n), false).unwrap().amount_out
			})
			.sum();
		let balance = Balances::free_balance(BOB);
		assert_ok!(SubtensorModule::unstake_all(RuntimeOrigin::signed(BOB), HOT_A));
		assert_eq!(Balances::free_balance(BOB), balance + expected);
		assert!(SubtensorModule::staked_netuids(&HOT_A, &BOB).is_empty());
		assert_noop!(
			SubtensorModule::unstake_all(RuntimeOrigin::signed(BOB), HOT_A),
			Error::<Test>::NotEnoughStakeToWithdraw
		);
		assert_noop!(
			SubtensorModule::unstake_all(RuntimeOrigin::signed(BOB), HOT_D),
			Error::<Test>::HotKeyAccountNotExists
		);
	});
}

#[test]
fn move_stake_within_a_subnet_moves_the_value_without_a_swap() {
	with_started_subnet(|| {
		assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(CHARLIE), NET, HOT_C));
		assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, 10 * TAO));
		next_block();
		let held = stake(BOB, HOT_A, NET);
		let reserves = SubtensorModule::reserves(NET);
		let value = SubtensorModule::alpha_to_tao_at_spot(NET, held / 2);
		assert_ok!(SubtensorModule::move_stake(
			RuntimeOrigin::signed(BOB),
			HOT_A,
			HOT_C,
			NET,
			NET,
			held / 2
		));
		assert_eq!(stake(BOB, HOT_A, NET), held - held / 2);
		assert_eq!(stake(BOB, HOT_C, NET), held / 2);
		assert_eq!(SubtensorModule::reserves(NET), reserves, "no swap, no fee");
		System::assert_last_event(Event::StakeMoved(BOB, HOT_A, NET, HOT_C, NET, value).into());
		// The same position is no move at all.
		assert_noop!(
			SubtensorModule::move_stake(RuntimeOrigin::signed(BOB), HOT_C, HOT_C, NET, NET, 1),
			Error::<Test>::SameNetuid
		);
		assert_noop!(
			SubtensorModule::move_stake(RuntimeOrigin::signed(BOB), HOT_A, HOT_D, NET, NET, 1),
			Error::<Test>::HotKeyAccountNotExists
		);
		// The destination received stake in this block, so it cannot be moved on yet.
		assert_noop!(
			SubtensorModule::move_stake(
				RuntimeOrigin::signed(BOB),
				HOT_C,
				HOT_A,
				NET,
				NET,
				held / 4
			),
			Error::<Test>::StakingOperationRateLimitExceeded
		);
	});
}

#[test]
fn swap_stake_across_subnets_pays_one_fee_on_the_origin_leg() {
	with_started_subnet(|| {
		let other = start_subnet(CHARLIE, HOT_C);
		assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, 50 * TAO));
		next_block();
		let held = stake(BOB, HOT_A, NET);
		let from = SubtensorModule::reserves(NET);
		let to = SubtensorModule::reserves(other);
		let amount = held / 2;
		let tao = cp_out(from.alpha, from.tao, amount, FEE);
		let alpha = cp_out(to.tao, to.alpha, tao, 0);
		assert_ok!(SubtensorModule::swap_stake(
			RuntimeOrigin::signed(BOB),
			HOT_A,
			NET,
			other,
			amount
		));
		assert_eq!(stake(BOB, HOT_A, NET), held - amount);
		assert_eq!(stake(BOB, HOT_A, other), alpha);
		assert_eq!(SubnetTAO::<Test>::get(NET), from.tao - tao);
		assert_eq!(SubnetTAO::<Test>::get(other), to.tao + tao);
		assert_eq!(SubnetTaoFlow::<Test>::get(other), tao as i64);
		System::assert_last_event(Event::StakeSwapped(BOB, HOT_A, NET, other, tao).into());
		assert_noop!(
			SubtensorModule::swap_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, NET, 1),
			Error::<Test>::SameNetuid
		);
		assert_noop!(
			SubtensorModule::swap_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, 9, amount / 2),
			Error::<Test>::SubnetNotExists
		);
	});
}

#[test]
fn moving_out_of_root_pays_the_fee_on_the_destination_leg() {
	with_started_subnet(|| {
		assert_ok!(SubtensorModule::add_stake(
			RuntimeOrigin::signed(BOB),
			HOT_A,
			ROOT_NETUID,
			10 * TAO
		));
		next_block();
		let to = SubtensorModule::reserves(NET);
		assert_ok!(SubtensorModule::swap_stake(
			RuntimeOrigin::signed(BOB),
			HOT_A,
			ROOT_NETUID,
			NET,
			4 * TAO
		));
		assert_eq!(stake(BOB, HOT_A, ROOT_NETUID), 6 * TAO);
		assert_eq!(stake(BOB, HOT_A, NET), cp_out(to.tao, to.alpha, 4 * TAO, FEE));
	});
}

#[test]
fn transfer_stake_gives_stake_to_another_coldkey() {
	with_started_subnet(|| {
		assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, 10 * TAO));
		next_block();
		let held = stake(BOB, HOT_A, NET);
		assert_ok!(SubtensorModule::transfer_stake(
			RuntimeOrigin::signed(BOB),
			CHARLIE,
			HOT_A,
			NET,
			NET,
			held
		));
		assert_eq!(stake(BOB, HOT_A, NET), 0);
		assert!(StakingHotkeys::<Test>::get(BOB).is_empty());
		assert_eq!(stake(CHARLIE, HOT_A, NET), held);
		// Received, not staked by Charlie: listed without using his own StakingHotkeys room.
		assert!(StakingHotkeys::<Test>::get(CHARLIE).is_empty());
		assert!(ReceivedStakeHotkeys::<Test>::contains_key(CHARLIE, HOT_A));
		SubtensorModule::set_transfer_toggle(NET, false);
		next_block();
		assert_noop!(
			SubtensorModule::transfer_stake(
				RuntimeOrigin::signed(CHARLIE),
				BOB,
				HOT_A,
				NET,
				NET,
				held
			),
			Error::<Test>::TransferDisallowed
		);
		// Moving within the same coldkey is not a transfer and stays allowed.
		assert_ok!(SubtensorModule::move_stake(
			RuntimeOrigin::signed(CHARLIE),
			HOT_A,
			HOT_A,
			NET,
			ROOT_NETUID,
			held
		));
	});
}

#[test]
fn nominators_share_a_hotkey_pool_pro_rata() {
	with_started_subnet(|| {
		assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, 10 * TAO));
		assert_ok!(SubtensorModule::add_stake(
			RuntimeOrigin::signed(CHARLIE),
			HOT_A,
			NET,
			30 * TAO
		));
		let (b, c) = (stake(BOB, HOT_A, NET), stake(CHARLIE, HOT_A, NET));
		let total = TotalHotkeyAlpha::<Test>::get(HOT_A, NET);
		assert_eq!(b + c, total);
		// Alpha credited to the whole pool (dividends) raises both stakes pro rata.
		let extra = 4 * TAO;
		SubnetAlphaOut::<Test>::mutate(NET, |a| *a += extra);
		SubtensorModule::credit_hotkey_pool(&HOT_A, NET, extra);
		let (b2, c2) = (stake(BOB, HOT_A, NET), stake(CHARLIE, HOT_A, NET));
		let expected_b = (u128::from(b) * u128::from(total + extra) / u128::from(total)) as u64;
		let expected_c = (u128::from(c) * u128::from(total + extra) / u128::from(total)) as u64;
		assert!(b2.abs_diff(expected_b) <= 1, "{b2} vs {expected_b}");
		assert!(c2.abs_diff(expected_c) <= 1, "{c2} vs {expected_c}");
		assert!(b2 + c2 <= total + extra);
	});
}

#[test]
fn a_validator_dividend_pays_the_take_to_the_owner_and_the_rest_to_all_holders() {
	with_started_subnet(|| {
		// Alice owns HOT_A; Bob nominates 3× Alice's stake.
		assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, NET, 10 * TAO));
		assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, 30 * TAO));
		let (a, b) = (stake(ALICE, HOT_A, NET), stake(BOB, HOT_A, NET));
		let total = a + b;
		let dividend = 100 * TAO;
		SubnetAlphaOut::<Test>::mutate(NET, |x| *x += dividend);
		let take = SubtensorModule::pay_validator_dividend(&HOT_A, NET, dividend);
		assert_eq!(take, (u128::from(dividend) * 11_796 / 65_535) as u64);
		let rest = dividend - take;
		let b_expected = (u128::from(b) * u128::from(total + rest) / u128::from(total)) as u64;
		assert!(stake(BOB, HOT_A, NET).abs_diff(b_expected) <= 2);
		let a_expected =
			(u128::from(a) * u128::from(total + rest) / u128::from(total)) as u64 + take;
		assert!(stake(ALICE, HOT_A, NET).abs_diff(a_expected) <= 2);
		assert!(stake(ALICE, HOT_A, NET) + stake(BOB, HOT_A, NET) <= total + dividend);
	});
}

#[test]
fn take_changes_respect_bounds_ownership_and_the_rate_limit() {
	with_started_subnet(|| {
		assert_eq!(SubtensorModule::get_hotkey_take(&HOT_A), 11_796);
		assert_noop!(
			SubtensorModule::decrease_take(RuntimeOrigin::signed(BOB), HOT_A, 100),
			Error::<Test>::NonAssociatedColdKey
		);
		assert_noop!(
			SubtensorModule::decrease_take(RuntimeOrigin::signed(ALICE), HOT_D, 100),
			Error::<Test>::HotKeyAccountNotExists
		);
		assert_noop!(
			SubtensorModule::decrease_take(RuntimeOrigin::signed(ALICE), HOT_A, 11_796),
			Error::<Test>::DelegateTakeTooLow
		);
		assert_noop!(
			SubtensorModule::increase_take(RuntimeOrigin::signed(ALICE), HOT_A, 11_797),
			Error::<Test>::DelegateTakeTooHigh
		);
		SubtensorModule::set_min_delegate_take(1_000);
		assert_noop!(
			SubtensorModule::decrease_take(RuntimeOrigin::signed(ALICE), HOT_A, 999),
			Error::<Test>::DelegateTakeTooLow
		);
		assert_ok!(SubtensorModule::decrease_take(RuntimeOrigin::signed(ALICE), HOT_A, 5_000));
		assert_eq!(Delegates::<Test>::get(HOT_A), 5_000);
		System::assert_last_event(Event::TakeDecreased(ALICE, HOT_A, 5_000).into());
		// An increase right after a change waits for the rate limit.
		assert_noop!(
			SubtensorModule::increase_take(RuntimeOrigin::signed(ALICE), HOT_A, 6_000),
			Error::<Test>::DelegateTxRateLimitExceeded
		);
		assert_noop!(
			SubtensorModule::increase_take(RuntimeOrigin::signed(ALICE), HOT_A, 5_000),
			Error::<Test>::DelegateTakeTooHigh
		);
		SubtensorModule::set_tx_delegate_take_rate_limit(3);
		run_to_block(System::block_number() + 3);
		assert_ok!(SubtensorModule::increase_take(RuntimeOrigin::signed(ALICE), HOT_A, 6_000));
		System::assert_last_event(Event::TakeIncreased(ALICE, HOT_A, 6_000).into());
		assert_eq!(SubtensorModule::get_hotkey_take(&HOT_A), 6_000);
	});
}

#[test]
fn swap_quotes_match_the_executed_swaps() {
	with_started_subnet(|| {
		let quote = SubtensorModule::sim_swap_tao_for_alpha(NET, 25 * TAO);
		assert_eq!(quote.tao_amount, 25 * TAO);
		assert_eq!(quote.tao_fee, pool::fee_for(25 * TAO, FEE));
		let spot = pool::alpha_at_spot(SubtensorModule::reserves(NET), 25 * TAO - quote.tao_fee);
		assert_eq!(quote.alpha_slippage, spot - quote.alpha_amount);
		assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, 25 * TAO));
		assert_eq!(stake(BOB, HOT_A, NET), quote.alpha_amount);
		next_block();
		let held = stake(BOB, HOT_A, NET);
		let quote = SubtensorModule::sim_swap_alpha_for_tao(NET, held);
		let balance = Balances::free_balance(BOB);
		assert_ok!(SubtensorModule::remove_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, held));
		assert_eq!(Balances::free_balance(BOB) - balance, quote.tao_amount);
		assert_eq!(quote.alpha_fee, pool::fee_for(held, FEE));
		// Unknown subnets and refused swaps quote zeros; prices are listed for every subnet.
		assert_eq!(SubtensorModule::sim_swap_tao_for_alpha(9, TAO), Default::default());
		let prices = SubtensorModule::current_alpha_price_all();
		assert_eq!(prices.iter().map(|p| p.netuid).collect::<Vec<_>>(), vec![0, NET]);
		assert_eq!(prices[0].price, TAO);
		assert_eq!(prices[1].price, SubtensorModule::current_alpha_price(NET));
	});
}

#[test]
fn the_moving_price_follows_emitting_subnets_only() {
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO)]).build_and_execute(|| {
		SubtensorModule::set_start_call_delay(0);
		SubtensorModule::set_network_rate_limit(0);
		let started = add_subnet(ALICE, HOT_A);
		let idle = add_subnet(ALICE, HOT_B);
		assert_ok!(SubtensorModule::start_call(RuntimeOrigin::signed(ALICE), started));
		run_to_block(100);
		let ema = SubnetMovingPrice::<Test>::get(started);
		assert!(ema > substrate_fixed::types::I96F32::from_num(0));
		assert!(ema < substrate_fixed::types::I96F32::from_num(1));
		assert_eq!(
			SubnetMovingPrice::<Test>::get(idle),
			substrate_fixed::types::I96F32::from_num(0)
		);
	});
}

#[test]
fn dissolving_pays_the_pot_to_the_stakers_pro_rata() {
	with_started_subnet(|| {
		assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, NET, 10 * TAO));
		assert_ok!(SubtensorModule::add_stake(
			RuntimeOrigin::signed(CHARLIE),
			HOT_A,
			NET,
			30 * TAO
		));
		let (b, c) = (stake(BOB, HOT_A, NET), stake(CHARLIE, HOT_A, NET));
		let pot = SubnetTAO::<Test>::get(NET);
		let all = u128::from(SubnetAlphaIn::<Test>::get(NET))
			+ u128::from(SubnetAlphaOut::<Test>::get(NET));
		let (bob, charlie) = (Balances::free_balance(BOB), Balances::free_balance(CHARLIE));
		assert_ok!(SubtensorModule::dissolve_network(RuntimeOrigin::root(), ALICE, NET));
		let got_b = Balances::free_balance(BOB) - bob;
		let got_c = Balances::free_balance(CHARLIE) - charlie;
		// Pro rata over all alpha: the pool's reserve has a share too, which is recycled.
		for (got, v) in [(got_b, b), (got_c, c)] {
			let exact = u128::from(pot) * u128::from(v) / all;
			assert!(u128::from(got).abs_diff(exact) <= 1, "{got} vs {exact}");
		}
		assert!(got_b + got_c < pot, "the reserve's share is not paid");
		assert_eq!(Alpha::<Test>::iter().count(), 0);
		assert_eq!(TotalHotkeyAlpha::<Test>::iter().count(), 0);
		System::assert_has_event(Event::SubnetPotDistributed(NET, got_b + got_c).into());
	});
}

/// A tiny deterministic generator (xorshift64*), so the sequence is the same on every run.
struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n
	}
}

#[test]
fn thousands_of_random_operations_keep_every_invariant() {
	const COLDKEYS: [u64; 3] = [ALICE, BOB, CHARLIE];
	const HOTKEYS: [u64; 3] = [HOT_A, HOT_B, HOT_C];
	ExtBuilder::default()
		.with_balances(&[(ALICE, 100_000 * TAO), (BOB, 100_000 * TAO), (CHARLIE, 100_000 * TAO)])
		.build_and_execute(|| {
			let nets = [
				start_subnet(ALICE, HOT_A),
				start_subnet(BOB, HOT_B),
				start_subnet(CHARLIE, HOT_C),
			];
			let all_nets = [ROOT_NETUID, nets[0], nets[1], nets[2]];
			let mut rng = Rng(0x5eed_1234_abcd_9876);
			let (mut ok, mut failed) = (0u32, 0u32);
			for step in 0..3_000u32 {
				if step % 7 == 0 {
					next_block();
				}
				let cold = COLDKEYS[rng.below(3) as usize];
				let hot = HOTKEYS[rng.below(3) as usize];
				let net = all_nets[rng.below(4) as usize];
				let net2 = all_nets[rng.below(4) as usize];
				let held = stake(cold, hot, net);
				let part = if held == 0 { 1 + rng.below(TAO) } else { 1 + rng.below(held) };
				let before: Vec<u128> =
					nets.iter().map(|&n| k(SubtensorModule::reserves(n))).collect();
				let issuance = TotalIssuance::<Test>::get();
				let origin = RuntimeOrigin::signed(cold);
				let result = match rng.below(8) {
					0 | 1 => SubtensorModule::add_stake(origin, hot, net, 1 + rng.below(200 * TAO)),
					2 => SubtensorModule::remove_stake(origin, hot, net, part),
					3 => SubtensorModule::add_stake_limit(
						origin,
						hot,
						net,
						1 + rng.below(200 * TAO),
						SubtensorModule::current_alpha_price(net) + rng.below(TAO / 5),
						rng.below(2) == 0,
					),
					4 => SubtensorModule::remove_stake_limit(
						origin,
						hot,
						net,
						part,
						SubtensorModule::current_alpha_price(net)
							.saturating_sub(rng.below(TAO / 5)),
						rng.below(2) == 0,
					),
					5 => SubtensorModule::move_stake(
						origin,
						hot,
						HOTKEYS[rng.below(3) as usize],
						net,
						net2,
						part,
					),
					6 => SubtensorModule::swap_stake(origin, hot, net, net2, part),
					_ => SubtensorModule::transfer_stake(
						origin,
						COLDKEYS[rng.below(3) as usize],
						hot,
						net,
						net2,
						part,
					),
				};
				if result.is_ok() {
					ok += 1
				} else {
					failed += 1
				}
				SubtensorModule::do_try_state()
					.unwrap_or_else(|e| panic!("step {step}: invariant broken: {e:?}"));
				assert_eq!(TotalIssuance::<Test>::get(), issuance, "step {step}: no TAO minted");
				for (i, &n) in nets.iter().enumerate() {
					assert!(
						k(SubtensorModule::reserves(n)) >= before[i],
						"step {step}: k of subnet {n} decreased"
					);
				}
			}
			// The sequence exercises both outcomes substantially.
			assert!(ok > 1_000 && failed > 100, "ok {ok}, failed {failed}");
		});
}
