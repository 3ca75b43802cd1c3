//! Subnet registration: lock cost, pool seeding, rate limit, capacity and pruning, identity,
//! symbols and the start call.
use crate::{mock::*, subnets::subnet::*, *};
use frame_support::{assert_noop, assert_ok, traits::Get};
use sp_runtime::DispatchError;
use substrate_fixed::types::I96F32;

const LOCK: u64 = 1_000 * TAO;
/// ⌊1000 TAO / 100_800⌋: the per-block decay after a 1000 TAO lock (economics.md §1.2).
const DECAY: u64 = 9_920_634;

#[docify::export]
#[test]
fn register_network_doubles_the_next_lock_cost() {
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO)]).build_and_execute(|| {
		// Nothing was ever registered: the first subnet costs the minimum, 1000 TAO.
		assert_eq!(SubtensorModule::get_network_lock_cost(), LOCK);
		assert_ok!(SubtensorModule::register_network(RuntimeOrigin::signed(ALICE), HOT_A));
		assert_eq!(Balances::free_balance(ALICE), 9_000 * TAO);
		// Right after a registration the price is twice what was paid.
		assert_eq!(SubtensorModule::get_network_lock_cost(), 2 * LOCK);
		System::assert_last_event(Event::NetworkAdded(NET, 1).into());
	});
}

#[test]
fn lock_cost_decays_linearly_back_to_the_last_lock_then_the_minimum() {
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO)]).build_and_execute(|| {
		add_subnet(ALICE, HOT_A); // pays 1000 TAO at block 1
		assert_eq!(DECAY, LOCK / 100_800);
		assert_eq!(SubtensorModule::get_network_lock_cost(), 2_000_000_000_000);
		run_to_block(1 + 50_400);
		assert_eq!(SubtensorModule::get_network_lock_cost(), 1_500_000_046_400);
		run_to_block(1 + 100_800);
		assert_eq!(SubtensorModule::get_network_lock_cost(), 1_000_000_092_800);
		run_to_block(1 + 201_600);
		assert_eq!(SubtensorModule::get_network_lock_cost(), LOCK);
	});
}

#[test]
fn lock_reduction_interval_halves_with_the_block_emission() {
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO)]).build_and_execute(|| {
		add_subnet(ALICE, HOT_A);
		// Above 10.5M TAO issued the block emission is 0.5 TAO: the interval is 50_400 blocks,
		// so the decay per block doubles. Balances and TotalStake move together to keep the
		// issuance identity.
		let extra = 11_000_000 * TAO;
		let _ = <Balances as frame_support::traits::fungible::Mutate<u64>>::mint_into(&BOB, extra);
		TotalIssuance::<Test>::mutate(|i| *i += extra);
		run_to_block(1 + 25_200);
		assert_eq!(SubtensorModule::get_network_lock_cost(), 2 * LOCK - (LOCK / 50_400) * 25_200);
	});
}

#[test]
fn new_pool_is_seeded_with_the_minimum_lock_and_the_excess_is_recycled() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10_000 * TAO)])
		.build_and_execute(|| {
			add_subnet(ALICE, HOT_A);
			run_to_block(1 + 7_200);
			let lock = SubtensorModule::get_network_lock_cost();
			assert_eq!(lock, 2 * LOCK - DECAY * 7_200);
			let issuance = TotalIssuance::<Test>::get();
			let stake = TotalStake::<Test>::get();
			let net = add_subnet(BOB, HOT_B);
			assert_eq!(net, 2);
			assert_eq!(Balances::free_balance(BOB), 10_000 * TAO - lock);
			assert_eq!(SubnetTAO::<Test>::get(net), LOCK);
			assert_eq!(SubnetAlphaIn::<Test>::get(net), LOCK);
			assert_eq!(SubnetAlphaOut::<Test>::get(net), 0);
			assert_eq!(subtensor_math::pool::price(SubtensorModule::reserves(net)), 1);
			assert_eq!(SubnetLocked::<Test>::get(net), lock);
			assert_eq!(RAORecycledForRegistration::<Test>::get(net), lock - LOCK);
			assert_eq!(TotalIssuance::<Test>::get(), issuance - (lock - LOCK));
			assert_eq!(TotalStake::<Test>::get(), stake + LOCK);
			assert_eq!(NetworkLastLockCost::<Test>::get(), lock);
			assert_eq!(NetworkLastLockBlock::<Test>::get(), 1 + 7_200);
		});
}

#[test]
fn owner_hotkey_takes_uid_zero_and_the_subnet_gets_its_defaults() {
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO)]).build_and_execute(|| {
		let net = add_subnet(ALICE, HOT_A);
		assert_eq!(net, NET);
		assert_eq!(Keys::<Test>::get(NET, 0), Some(HOT_A));
		assert_eq!(Uids::<Test>::get(NET, HOT_A), Some(0));
		assert!(IsNetworkMember::<Test>::get(HOT_A, NET));
		assert_eq!(SubnetworkN::<Test>::get(NET), 1);
		assert_eq!(Owner::<Test>::get(HOT_A), ALICE);
		assert_eq!(OwnedHotkeys::<Test>::get(ALICE).into_inner(), vec![HOT_A]);
		assert_eq!(SubnetOwner::<Test>::get(NET), Some(ALICE));
		assert_eq!(SubnetOwnerHotkey::<Test>::get(NET), Some(HOT_A));
		assert_eq!(SubnetMechanism::<Test>::get(NET), 1);
		assert_eq!(NetworkRegisteredAt::<Test>::get(NET), 1);
		assert_eq!(TotalNetworks::<Test>::get(), 2);
		assert_eq!(TokenSymbol::<Test>::get(NET).into_inner(), "α".as_bytes().to_vec());
		assert_eq!(Tempo::<Test>::get(NET), DefaultTempo::get());
		assert_eq!(MaxAllowedUids::<Test>::get(NET), 256);
		assert_eq!(ImmunityPeriod::<Test>::get(NET), NEW_SUBNET_IMMUNITY_PERIOD);
		assert_eq!(AdjustmentInterval::<Test>::get(NET), 360);
		assert_eq!(TargetRegistrationsPerInterval::<Test>::get(NET), 1);
		assert_eq!(AdjustmentAlpha::<Test>::get(NET), NEW_SUBNET_ADJUSTMENT_ALPHA);
		assert_eq!(MaxAllowedValidators::<Test>::get(NET), 64);
		assert_eq!(MinAllowedWeights::<Test>::get(NET), 1);
		assert!(NetworkRegistrationAllowed::<Test>::get(NET));
		assert!(!SubtokenEnabled::<Test>::get(NET));
		assert_eq!(Burn::<Test>::get(NET), 100_000_000);
		assert_eq!(
			(MinDifficulty::<Test>::get(NET), MaxDifficulty::<Test>::get(NET)),
			(u64::MAX, u64::MAX)
		);
	});
}

#[test]
fn second_registration_within_the_rate_limit_fails_whoever_registers() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10_000 * TAO)])
		.build_and_execute(|| {
			add_subnet(ALICE, HOT_A);
			run_to_block(1 + 7_199);
			assert_noop!(
				SubtensorModule::register_network(RuntimeOrigin::signed(BOB), HOT_B),
				Error::<Test>::NetworkTxRateLimitExceeded
			);
			assert_noop!(
				SubtensorModule::register_network(RuntimeOrigin::signed(ALICE), HOT_C),
				Error::<Test>::NetworkTxRateLimitExceeded
			);
			run_to_block(1 + 7_200);
			assert_ok!(SubtensorModule::register_network(RuntimeOrigin::signed(BOB), HOT_B));
		});
}

#[test]
fn hotkey_owned_by_another_coldkey_cannot_own_a_subnet() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10_000 * TAO)])
		.build_and_execute(|| {
			add_subnet(ALICE, HOT_A);
			SubtensorModule::set_network_rate_limit(0);
			assert_noop!(
				SubtensorModule::register_network(RuntimeOrigin::signed(BOB), HOT_A),
				Error::<Test>::NonAssociatedColdKey
			);
		});
}

#[test]
fn balance_below_the_lock_cost_fails() {
	// 1000 TAO exactly: paying it would reap the account, which registration refuses.
	ExtBuilder::default().with_balances(&[(ALICE, LOCK)]).build_and_execute(|| {
		assert_noop!(
			SubtensorModule::register_network(RuntimeOrigin::signed(ALICE), HOT_A),
			Error::<Test>::CannotAffordLockCost
		);
	});
}

#[test]
fn registration_before_the_start_block_fails() {
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO)]).build_and_execute(|| {
		NetworkRegistrationStartBlock::<Test>::put(10);
		assert_noop!(
			SubtensorModule::register_network(RuntimeOrigin::signed(ALICE), HOT_A),
			Error::<Test>::SubNetRegistrationDisabled
		);
		run_to_block(10);
		assert_ok!(SubtensorModule::register_network(RuntimeOrigin::signed(ALICE), HOT_A));
	});
}

#[test]
fn full_subnet_set_with_every_subnet_immune_fails() {
	ExtBuilder::default().with_balances(&[(ALICE, 100_000 * TAO)]).build_and_execute(|| {
		SubtensorModule::set_network_rate_limit(0);
		SubtensorModule::set_subnet_limit(2);
		add_subnet(ALICE, HOT_A);
		add_subnet(ALICE, HOT_B);
		run_to_block(100);
		assert_noop!(
			SubtensorModule::register_network(RuntimeOrigin::signed(ALICE), HOT_C),
			Error::<Test>::SubnetLimitReached
		);
	});
}

#[test]
fn full_subnet_set_replaces_the_lowest_moving_price_non_immune_subnet() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 100_000 * TAO), (BOB, 100_000 * TAO)])
		.build_and_execute(|| {
			SubtensorModule::set_network_rate_limit(0);
			SubtensorModule::set_network_immunity_period(100);
			SubtensorModule::set_subnet_limit(3);
			let a = add_subnet(ALICE, HOT_A); // block 1
			run_to_block(10);
			let b = add_subnet(ALICE, HOT_B); // block 10
			run_to_block(150);
			let c = add_subnet(ALICE, HOT_C); // block 150: immune until 250
			assert_eq!((a, b, c), (1, 2, 3));
			// Moving prices are written by the coinbase (not yet on this chain): set them here.
			SubnetMovingPrice::<Test>::insert(a, I96F32::from_num(0.5));
			SubnetMovingPrice::<Test>::insert(b, I96F32::from_num(0.3));
			SubnetMovingPrice::<Test>::insert(c, I96F32::from_num(0.1));
			run_to_block(200);
			// c has the lowest price but is still immune; b is the lowest of the others.
			assert_eq!(SubtensorModule::get_network_to_prune(), Some(b));
			let total = TotalNetworks::<Test>::get();
			assert_ok!(SubtensorModule::register_network(RuntimeOrigin::signed(BOB), HOT_D));
			System::assert_has_event(Event::NetworkRemoved(b).into());
			System::assert_last_event(Event::NetworkAdded(b, 1).into());
			assert_eq!(TotalNetworks::<Test>::get(), total);
			assert_eq!(SubnetOwner::<Test>::get(b), Some(BOB));
			assert_eq!(Keys::<Test>::get(b, 0), Some(HOT_D));
			assert_eq!(Uids::<Test>::get(b, HOT_B), None);
			assert!(!IsNetworkMember::<Test>::get(HOT_B, b));
			assert_eq!(SubnetMovingPrice::<Test>::get(b), I96F32::from_num(0));
			assert_eq!(SubnetworkN::<Test>::get(b), 1);
		});
}

#[test]
fn equal_moving_prices_prune_the_earliest_registered_subnet_and_never_root() {
	ExtBuilder::default().with_balances(&[(ALICE, 100_000 * TAO)]).build_and_execute(|| {
		SubtensorModule::set_network_rate_limit(0);
		SubtensorModule::set_network_immunity_period(10);
		run_to_block(5);
		assert_eq!(add_subnet(ALICE, HOT_A), 1); // block 5
		run_to_block(6);
		assert_eq!(add_subnet(ALICE, HOT_B), 2); // block 6
		run_to_block(100);
		assert_eq!(SubtensorModule::get_network_to_prune(), Some(1));
		// Re-create netuid 1 later than netuid 2: now netuid 2 is the earliest registered.
		assert_ok!(SubtensorModule::dissolve_network(RuntimeOrigin::root(), ALICE, 1));
		assert_eq!(add_subnet(ALICE, HOT_C), 1); // block 100
		run_to_block(200);
		assert_eq!(SubtensorModule::get_network_to_prune(), Some(2));
	});
}

#[test]
fn register_network_with_identity_stores_it_and_rejects_a_bad_one() {
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO)]).build_and_execute(|| {
		let bad = SubnetIdentityV3 {
			subnet_name: vec![b'x'; 300].try_into().unwrap(),
			..Default::default()
		};
		assert_noop!(
			SubtensorModule::register_network_with_identity(
				RuntimeOrigin::signed(ALICE),
				HOT_A,
				Some(bad)
			),
			Error::<Test>::InvalidIdentity
		);
		let good = SubnetIdentityV3 {
			subnet_name: b"apex".to_vec().try_into().unwrap(),
			github_repo: b"https://example.invalid/apex".to_vec().try_into().unwrap(),
			..Default::default()
		};
		assert_ok!(SubtensorModule::register_network_with_identity(
			RuntimeOrigin::signed(ALICE),
			HOT_A,
			Some(good.clone())
		));
		assert_eq!(SubnetIdentitiesV3::<Test>::get(NET), Some(good));
		System::assert_has_event(Event::SubnetIdentitySet(NET).into());
	});
}

#[test]
fn set_subnet_identity_checks_owner_subnet_and_lengths() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10 * TAO)])
		.build_and_execute(|| {
			add_subnet(ALICE, HOT_A);
			let call = |who: u64, net: NetUid, name: Vec<u8>| {
				SubtensorModule::set_subnet_identity(
					RuntimeOrigin::signed(who),
					net,
					name,
					vec![],
					vec![],
					vec![],
					vec![],
					vec![],
					vec![],
					vec![],
				)
			};
			assert_noop!(call(ALICE, 9, b"n".to_vec()), Error::<Test>::SubnetNotExists);
			assert_noop!(call(BOB, NET, b"n".to_vec()), Error::<Test>::NotSubnetOwner);
			assert_noop!(call(ALICE, NET, vec![b'n'; 257]), Error::<Test>::InvalidIdentity);
			assert_noop!(call(ALICE, NET, vec![b'n'; 2000]), Error::<Test>::InvalidIdentity);
			assert_ok!(call(ALICE, NET, b"name".to_vec()));
			assert_eq!(
				SubnetIdentitiesV3::<Test>::get(NET).unwrap().subnet_name.into_inner(),
				b"name".to_vec()
			);
		});
}

#[test]
fn symbol_table_entries_are_distinct_and_fit_the_bound() {
	let mut seen = std::collections::BTreeSet::new();
	for s in SYMBOLS {
		assert!(s.len() <= 32 && !s.is_empty());
		assert!(core::str::from_utf8(s).is_ok());
		assert!(seen.insert(s.to_vec()), "duplicate symbol");
	}
	assert!(SYMBOLS.len() > 128);
	assert_eq!(SYMBOLS[0], ROOT_SYMBOL.as_slice());
}

#[test]
fn update_symbol_checks_owner_table_and_use() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10_000 * TAO)])
		.build_and_execute(|| {
			SubtensorModule::set_network_rate_limit(0);
			add_subnet(ALICE, HOT_A); // α
			let other = add_subnet(BOB, HOT_B); // β
			let gamma = SYMBOLS[4].to_vec();
			assert_noop!(
				SubtensorModule::update_symbol(RuntimeOrigin::signed(BOB), NET, gamma.clone()),
				Error::<Test>::NotSubnetOwner
			);
			assert_noop!(
				SubtensorModule::update_symbol(RuntimeOrigin::signed(ALICE), 9, gamma.clone()),
				Error::<Test>::SubnetNotExists
			);
			assert_noop!(
				SubtensorModule::update_symbol(RuntimeOrigin::signed(ALICE), NET, b"ZZ".to_vec()),
				Error::<Test>::SymbolDoesNotExist
			);
			assert_noop!(
				SubtensorModule::update_symbol(
					RuntimeOrigin::signed(ALICE),
					NET,
					TokenSymbol::<Test>::get(other).into_inner()
				),
				Error::<Test>::SymbolAlreadyInUse
			);
			assert_ok!(SubtensorModule::update_symbol(
				RuntimeOrigin::signed(ALICE),
				NET,
				gamma.clone()
			));
			System::assert_last_event(Event::SymbolUpdated { netuid: NET, symbol: gamma }.into());
			// Root may change it too.
			let delta = SYMBOLS[3].to_vec();
			assert_ok!(SubtensorModule::update_symbol(RuntimeOrigin::root(), NET, delta.clone()));
			assert_eq!(TokenSymbol::<Test>::get(NET).into_inner(), delta);
			// Netuid 3 prefers SYMBOLS[3], which netuid 1 now uses: it gets the first free one.
			let third = add_subnet(BOB, HOT_C);
			assert_eq!(third, 3);
			assert_eq!(TokenSymbol::<Test>::get(third).into_inner(), SYMBOLS[1].to_vec());
		});
}

#[test]
fn start_call_waits_for_the_delay_and_happens_once() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10 * TAO)])
		.build_and_execute(|| {
			add_subnet(ALICE, HOT_A); // block 1
			assert_eq!(StartCallDelay::<Test>::get(), 50_400);
			SubtensorModule::set_start_call_delay(10);
			assert_noop!(
				SubtensorModule::start_call(RuntimeOrigin::signed(ALICE), 9),
				Error::<Test>::SubnetNotExists
			);
			assert_noop!(
				SubtensorModule::start_call(RuntimeOrigin::signed(BOB), NET),
				Error::<Test>::NotSubnetOwner
			);
			run_to_block(10);
			assert_noop!(
				SubtensorModule::start_call(RuntimeOrigin::signed(ALICE), NET),
				Error::<Test>::NeedWaitingMoreBlocksToStarCall
			);
			run_to_block(11);
			assert_ok!(SubtensorModule::start_call(RuntimeOrigin::signed(ALICE), NET));
			assert_eq!(FirstEmissionBlockNumber::<Test>::get(NET), Some(12));
			assert!(SubtokenEnabled::<Test>::get(NET));
			System::assert_last_event(Event::FirstEmissionBlockNumberSet(NET, 12).into());
			assert_noop!(
				SubtensorModule::start_call(RuntimeOrigin::signed(ALICE), NET),
				Error::<Test>::FirstEmissionBlockNumberAlreadySet
			);
		});
}

#[test]
fn unsigned_origins_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			SubtensorModule::register_network(RuntimeOrigin::none(), HOT_A),
			DispatchError::BadOrigin
		);
		assert_eq!(Balances::total_issuance(), 0);
	});
}
