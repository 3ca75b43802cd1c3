//! Neuron registration by burn: payment through the pool, UIDs, replacement and immunity.
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use subtensor_math::pool;

/// Alice's subnet `NET` with owner hotkey `HOT_A`; Bob and Charlie have TAO to register.
fn with_subnet(test: impl FnOnce()) {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 1_000 * TAO), (CHARLIE, 1_000 * TAO)])
		.build_and_execute(|| {
			add_subnet(ALICE, HOT_A);
			test();
		});
}

#[test]
fn burned_register_swaps_the_burn_into_the_pool_and_recycles_the_alpha() {
	with_subnet(|| {
		let burn = Burn::<Test>::get(NET);
		assert_eq!(burn, TAO / 10);
		let before = SubtensorModule::reserves(NET);
		let stake = TotalStake::<Test>::get();
		let issuance = TotalIssuance::<Test>::get();
		let bought = pool::swap_tao_for_alpha(before, burn, 33).unwrap().amount_out;
		assert!(bought > 0 && bought < burn);

		assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_B));

		assert_eq!(Balances::free_balance(BOB), 1_000 * TAO - burn);
		assert_eq!(SubnetTAO::<Test>::get(NET), before.tao + burn);
		assert_eq!(SubnetAlphaIn::<Test>::get(NET), before.alpha - bought);
		assert_eq!(SubnetAlphaOut::<Test>::get(NET), 0, "the bought alpha is recycled");
		assert_eq!(TotalStake::<Test>::get(), stake + burn);
		assert_eq!(TotalIssuance::<Test>::get(), issuance, "nothing is minted or recycled in TAO");
		assert_eq!(SubnetVolume::<Test>::get(NET), u128::from(burn));
		assert_eq!(RAORecycledForRegistration::<Test>::get(NET), burn);
		assert_eq!(Uids::<Test>::get(NET, HOT_B), Some(1));
		assert_eq!(Keys::<Test>::get(NET, 1), Some(HOT_B));
		assert_eq!(SubnetworkN::<Test>::get(NET), 2);
		assert_eq!(BlockAtRegistration::<Test>::get(NET, 1), 1);
		assert_eq!(LastUpdate::<Test>::get(NET).into_inner(), vec![1, 1]);
		assert_eq!(Owner::<Test>::get(HOT_B), BOB);
		assert_eq!(RegistrationsThisBlock::<Test>::get(NET), 1);
		assert_eq!(RegistrationsThisInterval::<Test>::get(NET), 1);
		assert_eq!(BurnRegistrationsThisInterval::<Test>::get(NET), 1);
		System::assert_last_event(Event::NeuronRegistered(NET, 1, HOT_B).into());
	});
}

#[test]
fn burned_register_on_root_or_an_unknown_subnet_fails() {
	with_subnet(|| {
		assert_noop!(
			SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), ROOT_NETUID, HOT_B),
			Error::<Test>::RegistrationNotPermittedOnRootSubnet
		);
		assert_noop!(
			SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), 9, HOT_B),
			Error::<Test>::SubnetNotExists
		);
	});
}

#[test]
fn burned_register_when_registration_is_disabled_fails() {
	with_subnet(|| {
		SubtensorModule::set_network_registration_allowed(NET, false);
		assert_noop!(
			SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_B),
			Error::<Test>::SubNetRegistrationDisabled
		);
	});
}

#[test]
fn registrations_are_capped_per_block_and_per_interval() {
	with_subnet(|| {
		assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_B));
		assert_noop!(
			SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_C),
			Error::<Test>::TooManyRegistrationsThisBlock
		);
		run_to_block(2);
		assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_C));
		run_to_block(3);
		assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_D));
		run_to_block(4);
		// target 1 → at most 3 per interval
		assert_noop!(
			SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, 105),
			Error::<Test>::TooManyRegistrationsThisInterval
		);
	});
}

#[test]
fn registering_a_hotkey_twice_or_someone_elses_hotkey_fails() {
	with_subnet(|| {
		assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_B));
		run_to_block(2);
		assert_noop!(
			SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_B),
			Error::<Test>::HotKeyAlreadyRegisteredInSubNet
		);
		// HOT_A belongs to Alice (and is registered); a new subnet shows ownership is global.
		assert_noop!(
			SubtensorModule::burned_register(RuntimeOrigin::signed(CHARLIE), NET, HOT_A),
			Error::<Test>::HotKeyAlreadyRegisteredInSubNet
		);
		SubtensorModule::set_network_rate_limit(0);
		let other = add_subnet(ALICE, HOT_D);
		assert_noop!(
			SubtensorModule::burned_register(RuntimeOrigin::signed(CHARLIE), other, HOT_B),
			Error::<Test>::NonAssociatedColdKey
		);
	});
}

#[test]
fn balance_below_the_burn_fails() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, TAO / 10)])
		.build_and_execute(|| {
			add_subnet(ALICE, HOT_A);
			assert_noop!(
				SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_B),
				Error::<Test>::NotEnoughBalanceToStake
			);
			assert_noop!(
				SubtensorModule::burned_register(RuntimeOrigin::signed(CHARLIE), NET, HOT_B),
				Error::<Test>::NotEnoughBalanceToStake
			);
		});
}

/// Fill `NET` (max 3 UIDs, immunity 10) with HOT_B at block 2 and HOT_C at block 3.
fn fill_subnet() {
	SubtensorModule::set_max_allowed_uids(NET, 3);
	SubtensorModule::set_immunity_period(NET, 10);
	run_to_block(2);
	assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_B));
	run_to_block(3);
	assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_C));
	assert_eq!(SubnetworkN::<Test>::get(NET), 3);
}

#[test]
fn full_subnet_with_every_uid_immune_fails() {
	with_subnet(|| {
		fill_subnet();
		run_to_block(5);
		assert_noop!(
			SubtensorModule::burned_register(RuntimeOrigin::signed(CHARLIE), NET, HOT_D),
			Error::<Test>::NoNeuronIdAvailable
		);
	});
}

#[test]
fn full_subnet_replaces_the_lowest_pruning_score_and_never_the_owner() {
	with_subnet(|| {
		fill_subnet();
		run_to_block(20);
		// Scores are written by the epoch (not yet on this chain): set them here. The owner's
		// UID 0 has the lowest score but is never replaced.
		PruningScores::<Test>::put_scores(NET, &[0, 7, 3]);
		assert_eq!(SubtensorModule::get_neuron_to_prune(NET), Some(2));
		assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(CHARLIE), NET, HOT_D));
		System::assert_last_event(Event::NeuronRegistered(NET, 2, HOT_D).into());
		assert_eq!(SubnetworkN::<Test>::get(NET), 3);
		assert_eq!(Keys::<Test>::get(NET, 2), Some(HOT_D));
		assert_eq!(Uids::<Test>::get(NET, HOT_D), Some(2));
		assert_eq!(Uids::<Test>::get(NET, HOT_C), None);
		assert!(!IsNetworkMember::<Test>::get(HOT_C, NET));
		assert_eq!(BlockAtRegistration::<Test>::get(NET, 2), 20);
		assert_eq!(LastUpdate::<Test>::get(NET)[2], 20);
		assert_eq!(PruningScores::<Test>::get(NET)[2], u16::MAX);
		// The replaced hotkey still belongs to its coldkey.
		assert_eq!(Owner::<Test>::get(HOT_C), BOB);
	});
}

#[test]
fn equal_scores_replace_the_earliest_registration() {
	with_subnet(|| {
		fill_subnet();
		run_to_block(20);
		PruningScores::<Test>::put_scores(NET, &[0, 5, 5]);
		assert_eq!(SubtensorModule::get_neuron_to_prune(NET), Some(1));
	});
}

#[test]
fn immune_uids_are_skipped_even_with_the_lowest_score() {
	with_subnet(|| {
		fill_subnet();
		// UID 1 (block 2) is past its 10 immune blocks at block 12, UID 2 (block 3) is not.
		run_to_block(12);
		PruningScores::<Test>::put_scores(NET, &[9, 9, 0]);
		assert_eq!(SubtensorModule::get_neuron_to_prune(NET), Some(1));
		assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(CHARLIE), NET, HOT_D));
		assert_eq!(Keys::<Test>::get(NET, 1), Some(HOT_D));
		assert_eq!(Keys::<Test>::get(NET, 2), Some(HOT_C));
	});
}

#[test]
fn owner_hotkeys_within_the_immune_limit_are_never_replaced() {
	with_subnet(|| {
		SubtensorModule::set_max_allowed_uids(NET, 3);
		SubtensorModule::set_immunity_period(NET, 0);
		SubtensorModule::set_immune_owner_uids_limit(NET, 2);
		run_to_block(2);
		// A second hotkey of the owner, and one of Bob.
		assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(ALICE), NET, HOT_C));
		run_to_block(3);
		assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_B));
		PruningScores::<Test>::put_scores(NET, &[0, 0, 9]);
		assert_eq!(SubtensorModule::get_neuron_to_prune(NET), Some(2));
		SubtensorModule::set_immune_owner_uids_limit(NET, 1);
		assert_eq!(SubtensorModule::get_neuron_to_prune(NET), Some(1));
	});
}

/// Test helper: write the epoch's pruning scores.
trait PutScores {
	fn put_scores(netuid: NetUid, scores: &[u16]);
}
impl PutScores for PruningScores<Test> {
	fn put_scores(netuid: NetUid, scores: &[u16]) {
		PruningScores::<Test>::insert(netuid, BoundedVec::truncate_from(scores.to_vec()));
	}
}
use frame_support::BoundedVec;
