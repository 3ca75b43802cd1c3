//! Dissolving a subnet (economics.md §1.8, §6.3 vector 16).
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn dissolve_clears_every_per_subnet_item_and_recycles_the_pot_without_stakers() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 1_000 * TAO)])
		.build_and_execute(|| {
			add_subnet(ALICE, HOT_A);
			assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_B));
			assert_ok!(SubtensorModule::serve_axon(
				RuntimeOrigin::signed(HOT_B),
				NET,
				1,
				0x0a00_0001,
				8091,
				4,
				4,
				0,
				0
			));
			SubtensorModule::set_kappa(NET, 7);
			let pot = SubnetTAO::<Test>::get(NET);
			let stake = TotalStake::<Test>::get();
			let issuance = TotalIssuance::<Test>::get();

			assert_ok!(SubtensorModule::dissolve_network(RuntimeOrigin::root(), ALICE, NET));

			System::assert_has_event(Event::SubnetPotRecycled(NET, pot).into());
			System::assert_last_event(Event::NetworkRemoved(NET).into());
			assert_eq!(TotalStake::<Test>::get(), stake - pot);
			assert_eq!(TotalIssuance::<Test>::get(), issuance - pot);
			assert_eq!(TotalNetworks::<Test>::get(), 1);
			assert!(!NetworksAdded::<Test>::contains_key(NET));
			assert!(!SubnetTAO::<Test>::contains_key(NET));
			assert!(!SubnetAlphaIn::<Test>::contains_key(NET));
			assert!(!SubnetAlphaOut::<Test>::contains_key(NET));
			assert!(!SubnetOwner::<Test>::contains_key(NET));
			assert!(!TokenSymbol::<Test>::contains_key(NET));
			assert!(!Kappa::<Test>::contains_key(NET));
			assert!(!SubnetworkN::<Test>::contains_key(NET));
			assert_eq!(Keys::<Test>::iter_prefix(NET).count(), 0);
			assert_eq!(Uids::<Test>::iter_prefix(NET).count(), 0);
			assert_eq!(Axons::<Test>::iter_prefix(NET).count(), 0);
			assert!(!IsNetworkMember::<Test>::get(HOT_B, NET));
			// Hotkey ownership is not per subnet.
			assert_eq!(Owner::<Test>::get(HOT_B), BOB);
			// The netuid and its symbol are reused.
			SubtensorModule::set_network_rate_limit(0);
			assert_eq!(add_subnet(ALICE, HOT_A), NET);
			assert_eq!(TokenSymbol::<Test>::get(NET).into_inner(), SYMBOLS[1].to_vec());
		});
}

#[test]
fn dissolve_needs_root_and_an_existing_non_root_subnet() {
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO)]).build_and_execute(|| {
		add_subnet(ALICE, HOT_A);
		assert_noop!(
			SubtensorModule::dissolve_network(RuntimeOrigin::signed(ALICE), ALICE, NET),
			DispatchError::BadOrigin
		);
		assert_noop!(
			SubtensorModule::dissolve_network(RuntimeOrigin::root(), ALICE, ROOT_NETUID),
			Error::<Test>::CannotDissolveRootSubnet
		);
		assert_noop!(
			SubtensorModule::dissolve_network(RuntimeOrigin::root(), ALICE, 9),
			Error::<Test>::SubnetNotExists
		);
	});
}

#[test]
fn the_pot_is_paid_pro_rata_with_the_largest_remainder_exactly() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10 * TAO), (CHARLIE, 10 * TAO)])
		.build_and_execute(|| {
			add_subnet(ALICE, HOT_A);
			let pot = SubnetTAO::<Test>::get(NET) + 1; // 10^12 + 1 ≡ 2 (mod 3)
			SubnetTAO::<Test>::insert(NET, pot);
			TotalStake::<Test>::mutate(|s| *s += 1);
			TotalIssuance::<Test>::mutate(|i| *i += 1);
			let before = [ALICE, BOB, CHARLIE].map(Balances::free_balance);
			// Stake values 1 : 1 : 1 (staking arrives later; the payout rule is tested here).
			assert_eq!(SubtensorModule::clear_pool(NET), pot);
			SubtensorModule::pay_out_pot(NET, pot, &[(ALICE, 5), (BOB, 5), (CHARLIE, 5)]);
			SubtensorModule::remove_network(NET);
			let after = [ALICE, BOB, CHARLIE].map(Balances::free_balance);
			let got: Vec<u64> = (0..3).map(|i| after[i] - before[i]).collect();
			assert_eq!(got.iter().sum::<u64>(), pot);
			assert_eq!(got, vec![pot / 3 + 1, pot / 3 + 1, pot / 3]);
			System::assert_has_event(Event::SubnetPotDistributed(NET, pot).into());
		});
}

/// Every storage key of SubtensorModule.
fn pallet_keys() -> std::collections::BTreeSet<Vec<u8>> {
	let prefix = sp_io::hashing::twox_128(b"SubtensorModule").to_vec();
	let mut keys = std::collections::BTreeSet::new();
	let mut key = prefix.clone();
	while let Some(next) = sp_io::storage::next_key(&key) {
		if !next.starts_with(&prefix) {
			break;
		}
		keys.insert(next.clone());
		key = next;
	}
	keys
}

/// The storage prefix of item `name` of SubtensorModule.
fn item_prefix(name: &str) -> Vec<u8> {
	frame_support::storage::storage_prefix(b"SubtensorModule", name.as_bytes()).to_vec()
}

#[test]
fn dissolve_leaves_no_key_of_the_subnet_behind() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 1_000 * TAO)])
		.build_and_execute(|| {
			let before = pallet_keys();
			// A subnet with everything a subnet can have.
			add_subnet(ALICE, HOT_A);
			assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_B));
			assert_ok!(SubtensorModule::serve_axon(
				RuntimeOrigin::signed(HOT_B),
				NET,
				1,
				0x0a00_0001,
				8091,
				4,
				4,
				0,
				0
			));
			assert_ok!(SubtensorModule::serve_prometheus(
				RuntimeOrigin::signed(HOT_B),
				NET,
				1,
				0x0a00_0001,
				9090,
				4
			));
			assert_ok!(SubtensorModule::set_subnet_identity(
				RuntimeOrigin::signed(ALICE),
				NET,
				b"n".to_vec(),
				vec![],
				vec![],
				vec![],
				vec![],
				vec![],
				vec![],
				vec![]
			));
			SubtensorModule::set_start_call_delay(0);
			assert_ok!(SubtensorModule::start_call(RuntimeOrigin::signed(ALICE), NET));
			assert_ok!(SubtensorModule::set_sn_owner_hotkey(true, NET, &HOT_C));
			// Stake, a flow EMA, weights, an epoch with its outputs, bonds and dividends.
			assert_ok!(SubtensorModule::add_stake(
				RuntimeOrigin::signed(BOB),
				HOT_B,
				NET,
				10 * TAO
			));
			assert_ok!(SubtensorModule::set_tempo(RuntimeOrigin::signed(ALICE), NET, 400));
			SubtensorModule::set_tempo_unchecked(NET, 1);
			SubtensorModule::set_weights_set_rate_limit(NET, 0);
			SubtensorModule::set_min_allowed_weights(NET, 0);
			run_to_block(4);
			assert!(ValidatorPermit::<Test>::get(NET).iter().any(|p| *p));
			assert_ok!(SubtensorModule::set_weights(
				RuntimeOrigin::signed(HOT_B),
				NET,
				vec![0, 1],
				vec![1, 1],
				0
			));
			run_to_block(8);
			assert!(Bonds::<Test>::iter_prefix(NET).count() > 0, "bonds were stored");
			assert!(SubnetEmaTaoFlow::<Test>::contains_key(NET));
			SubnetMovingPrice::<Test>::insert(NET, substrate_fixed::types::I96F32::from_num(1));
			SubtensorModule::set_kappa(NET, 1);
			SubtensorModule::set_max_weight_limit(NET, 1);
			SubtensorModule::set_recycle_or_burn(NET, RecycleOrBurnEnum::Recycle);
			run_to_block(9);

			assert_ok!(SubtensorModule::dissolve_network(RuntimeOrigin::root(), ALICE, NET));

			let after = pallet_keys();
			assert!(before.is_subset(&after), "nothing that existed before was removed");
			// Only global items may have new keys: the lock history, the issuance counters,
			// the block emission, hotkey ownership and the last-stake statistic (keyed by
			// coldkey and hotkey, not by subnet).
			let global = [
				"NetworkLastLockCost",
				"NetworkLastLockBlock",
				"StartCallDelay",
				"TotalStake",
				"TotalIssuance",
				"BlockEmission",
				"LastColdkeyHotkeyStakeBlock",
				"Owner",
				"OwnedHotkeys",
			]
			.map(item_prefix);
			for key in after.difference(&before) {
				assert!(
					global.iter().any(|p| key.starts_with(p)),
					"a key of the dissolved subnet is left: {}",
					sp_core::hexdisplay::HexDisplay::from(key)
				);
			}
		});
}
