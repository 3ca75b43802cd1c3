//! The runtime-API queries of `rpc_info/` against storage, on a subnet with a validator and a
//! miner after a few epochs.
use crate::{
	mock::*,
	rpc_info::{subnet_info::HyperparamValue, SelectiveMetagraph},
	*,
};
use codec::Compact;
use frame_support::assert_ok;
use substrate_fixed::types::{I32F32 as Fixed32, U64F64};
use subtensor_math::returns;

/// Started subnet `NET` (owner hotkey `HOT_A` of Alice, UID 0); Bob's validator `HOT_B` (UID 1,
/// 100 TAO of Bob and 50 of Charlie on `NET`, 10 TAO of Charlie on root) and miner `HOT_C` (UID
/// 2); tempo 4; the validator weights the miner; run through three epochs.
fn after_epochs(test: impl FnOnce()) {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10_000 * TAO), (CHARLIE, 10_000 * TAO)])
		.build_and_execute(|| {
			start_subnet(ALICE, HOT_A);
			SubtensorModule::set_max_registrations_per_block(NET, 5);
			assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_B));
			assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_C));
			let stake = |who, hotkey, net, amount| {
				assert_ok!(SubtensorModule::add_stake(
					RuntimeOrigin::signed(who),
					hotkey,
					net,
					amount
				));
			};
			stake(BOB, HOT_B, NET, 100 * TAO);
			stake(CHARLIE, HOT_B, NET, 50 * TAO);
			stake(CHARLIE, HOT_B, ROOT_NETUID, 10 * TAO);
			SubtensorModule::set_tempo_unchecked(NET, 4);
			SubtensorModule::set_weights_set_rate_limit(NET, 0);
			SubtensorModule::set_min_allowed_weights(NET, 1);
			run_to_block(3); // first epoch: HOT_B gets a permit
			assert_ok!(SubtensorModule::set_weights(
				RuntimeOrigin::signed(HOT_B),
				NET,
				vec![2],
				vec![u16::MAX],
				0
			));
			run_to_block(14); // two more epochs (b ≡ 2 mod 5)
			assert!(Incentive::<Test>::get(NET)[2] > 0, "the miner earned incentive");
			assert!(Dividends::<Test>::get(NET)[1] > 0, "the validator earned dividends");
			assert!(AlphaDividendsPerSubnet::<Test>::get(NET, HOT_B) > 0);
			test();
		});
}

fn compact<V: Copy>(v: &[V]) -> Vec<Compact<V>> {
	v.iter().map(|x| Compact(*x)).collect()
}

#[test]
fn rpc_subnet_state_equals_storage() {
	after_epochs(|| {
		let s = SubtensorModule::get_subnet_state(NET).unwrap();
		assert_eq!(s.netuid, Compact(NET));
		assert_eq!(s.hotkeys, vec![HOT_A, HOT_B, HOT_C]);
		assert_eq!(s.coldkeys, vec![ALICE, BOB, BOB]);
		assert_eq!(s.active, Active::<Test>::get(NET).into_inner());
		assert_eq!(s.validator_permit, ValidatorPermit::<Test>::get(NET).into_inner());
		assert_eq!(s.pruning_score, compact(&PruningScores::<Test>::get(NET)));
		assert_eq!(s.last_update, compact(&LastUpdate::<Test>::get(NET)));
		assert_eq!(s.emission, compact(&Emission::<Test>::get(NET)));
		assert_eq!(s.dividends, compact(&Dividends::<Test>::get(NET)));
		assert_eq!(s.incentives, compact(&Incentive::<Test>::get(NET)));
		assert_eq!(s.consensus, compact(&Consensus::<Test>::get(NET)));
		assert_eq!(s.trust, compact(&Trust::<Test>::get(NET)));
		assert_eq!(s.rank, compact(&Rank::<Test>::get(NET)));
		for (uid, hotkey) in [(0u16, HOT_A), (1, HOT_B), (2, HOT_C)] {
			let i = usize::from(uid);
			assert_eq!(s.block_at_registration[i].0, BlockAtRegistration::<Test>::get(NET, uid));
			assert_eq!(s.alpha_stake[i].0, TotalHotkeyAlpha::<Test>::get(hotkey, NET));
			assert_eq!(s.tao_stake[i].0, TotalHotkeyAlpha::<Test>::get(hotkey, ROOT_NETUID));
			assert_eq!(
				u128::from(s.total_stake[i].0),
				SubtensorModule::stake_weight_of(&hotkey, NET)
			);
		}
		assert_eq!(s.tao_stake[1].0, 10 * TAO);
		assert!(s.alpha_stake[1].0 > 0);
		// One row per subnet (root, NET); on NET each hotkey's last emission, on root none.
		assert_eq!(s.emission_history.len(), 2);
		assert!(s.emission_history[0].iter().all(|e| e.0 == 0));
		assert_eq!(s.emission_history[1], s.emission);
		assert!(s.emission[2].0 > 0, "the miner's emission is reported");
	});
}

#[test]
fn rpc_unknown_subnets_give_none() {
	after_epochs(|| {
		let unknown = 77;
		assert!(SubtensorModule::get_subnet_state(unknown).is_none());
		assert!(SubtensorModule::get_metagraph(unknown).is_none());
		assert!(SubtensorModule::get_mechagraph(unknown, 0).is_none());
		assert!(SubtensorModule::get_mechagraph(NET, 1).is_none(), "one mechanism only");
		assert!(SubtensorModule::get_selective_metagraph(unknown, vec![0, 1]).is_none());
		assert!(SubtensorModule::get_selective_mechagraph(NET, 1, vec![0]).is_none());
		assert!(SubtensorModule::get_subnet_info(unknown).is_none());
		assert!(SubtensorModule::get_subnet_info_v2(unknown).is_none());
		assert!(SubtensorModule::get_subnet_hyperparams(unknown).is_none());
		assert!(SubtensorModule::get_subnet_hyperparams_v2(unknown).is_none());
		assert!(SubtensorModule::get_subnet_hyperparams_v3(unknown).is_none());
		assert!(SubtensorModule::get_delegate(&999).is_none(), "nobody owns hotkey 999");
		assert!(SubtensorModule::get_coldkey_auto_stake_hotkey(&BOB, NET).is_none());
	});
}

#[test]
fn rpc_metagraph_equals_storage_and_the_subnet_state() {
	after_epochs(|| {
		let m = SubtensorModule::get_metagraph(NET).unwrap();
		let s = SubtensorModule::get_subnet_state(NET).unwrap();
		assert_eq!(m.netuid, Compact(NET));
		assert_eq!(m.owner_hotkey, HOT_A);
		assert_eq!(m.owner_coldkey, ALICE);
		assert_eq!(m.block.0, System::block_number());
		assert_eq!(m.tempo.0, 4);
		assert_eq!(m.last_step.0, LastMechansimStepBlock::<Test>::get(NET));
		assert_eq!(m.num_uids.0, 3);
		assert_eq!(m.max_uids.0, MaxAllowedUids::<Test>::get(NET));
		assert_eq!(m.burn.0, Burn::<Test>::get(NET));
		assert_eq!(m.alpha_in.0, SubnetAlphaIn::<Test>::get(NET));
		assert_eq!(m.tao_in.0, SubnetTAO::<Test>::get(NET));
		assert_eq!(m.subnet_volume.0, SubnetVolume::<Test>::get(NET));
		assert_eq!(m.moving_price, SubnetMovingPrice::<Test>::get(NET));
		assert_eq!(
			m.symbol,
			TokenSymbol::<Test>::get(NET).into_iter().map(Compact).collect::<Vec<_>>()
		);
		assert!(!m.pow_registration_allowed);
		// The per-UID parts are the subnet state's.
		assert_eq!(m.hotkeys, s.hotkeys);
		assert_eq!(m.coldkeys, s.coldkeys);
		assert_eq!(m.emission, s.emission);
		assert_eq!(m.incentives, s.incentives);
		assert_eq!(m.dividends, s.dividends);
		assert_eq!(m.alpha_stake, s.alpha_stake);
		assert_eq!(m.tao_stake, s.tao_stake);
		assert_eq!(m.total_stake, s.total_stake);
		assert_eq!(m.identities, vec![None, None, None]);
		assert_eq!(m.axons, vec![AxonInfo::default(); 3]);
		assert_eq!(
			m.alpha_dividends_per_hotkey[1],
			(HOT_B, Compact(AlphaDividendsPerSubnet::<Test>::get(NET, HOT_B)))
		);
		assert_eq!(
			m.tao_dividends_per_hotkey[1],
			(HOT_B, Compact(TaoDividendsPerSubnet::<Test>::get(NET, HOT_B)))
		);
		// Mechanism 0 is the subnet; the lists cover every subnet in netuid order.
		assert_eq!(SubtensorModule::get_mechagraph(NET, 0).as_ref(), Some(&m));
		let all = SubtensorModule::get_all_metagraphs();
		assert_eq!(all.len(), 2);
		assert_eq!(all[1].as_ref(), Some(&m));
		assert_eq!(all[0].as_ref().unwrap().netuid, Compact(ROOT_NETUID));
		assert_eq!(SubtensorModule::get_all_mechagraphs(), all);
		// Bob's identity shows on both his UIDs.
		assert_ok!(SubtensorModule::set_identity(
			RuntimeOrigin::signed(BOB),
			b"bob".to_vec(),
			vec![],
			vec![],
			vec![],
			vec![],
			vec![],
			vec![]
		));
		let bob = IdentitiesV2::<Test>::get(BOB);
		assert!(bob.is_some());
		let identities = SubtensorModule::get_metagraph(NET).unwrap().identities;
		assert_eq!(identities, vec![None, bob.clone(), bob]);
	});
}

#[test]
fn rpc_selective_metagraph_fills_only_the_requested_indices() {
	after_epochs(|| {
		let m = SubtensorModule::get_metagraph(NET).unwrap();
		// tempo (8), dividends (61), validators (72); 500 is unknown and ignored.
		let s = SubtensorModule::get_selective_metagraph(NET, vec![8, 61, 72, 500]).unwrap();
		// Validators: permitted UIDs above the stake threshold, by stake, largest first.
		let mut by_stake: Vec<(u64, u16)> = (0u16..3)
			.filter(|&uid| m.validator_permit[usize::from(uid)])
			.map(|uid| (m.total_stake[usize::from(uid)].0, uid))
			.collect();
		by_stake.sort_by(|a, b| b.cmp(a));
		assert_eq!(by_stake[0].1, 1, "the staked validator first");
		let expected = SelectiveMetagraph {
			tempo: Some(m.tempo),
			dividends: Some(m.dividends.clone()),
			validators: Some(by_stake.iter().map(|(_, uid)| Compact(*uid)).collect()),
			..SelectiveMetagraph::empty(NET)
		};
		assert_eq!(s, expected);
		assert_eq!(
			SubtensorModule::get_selective_mechagraph(NET, 0, vec![]).unwrap(),
			SelectiveMetagraph::empty(NET)
		);
		// Every index gives the whole metagraph, plus the selective-only fields.
		let all =
			SubtensorModule::get_selective_metagraph(NET, SubtensorModule::metagraph_indexes())
				.unwrap();
		assert_eq!(all.commitments, Some(vec![]));
		assert_eq!(all.into_full(), Some(m));
		assert_eq!(SubtensorModule::metagraph_indexes(), (0..=73).collect::<Vec<u16>>());
	});
}

#[test]
fn rpc_hyperparams_v3_names_and_values_equal_storage() {
	after_epochs(|| {
		SubtensorModule::set_kappa(NET, 40_000);
		SubtensorModule::set_alpha_values(NET, (1_000, 50_000));
		SubtensorModule::set_alpha_sigmoid_steepness(NET, -3);
		SubtensorModule::set_yuma3_on(NET, true);
		SubtensorModule::set_commit_reveal_weights_enabled(NET, true);
		SubtensorModule::set_min_burn(NET, 123_456);
		let v3 = SubtensorModule::get_subnet_hyperparams_v3(NET).unwrap();
		let get = |name: &str| {
			let matching: Vec<&HyperparamValue> =
				v3.iter().filter(|e| e.name == name.as_bytes()).map(|e| &e.value).collect();
			assert_eq!(matching.len(), 1, "{name} once");
			matching[0].clone()
		};
		let names: Vec<String> =
			v3.iter().map(|e| String::from_utf8(e.name.clone()).unwrap()).collect();
		assert_eq!(
			names,
			[
				"rho",
				"kappa",
				"immunity_period",
				"min_allowed_weights",
				"max_weights_limit",
				"tempo",
				"min_difficulty",
				"max_difficulty",
				"weights_version",
				"weights_rate_limit",
				"adjustment_interval",
				"activity_cutoff",
				"registration_allowed",
				"target_regs_per_interval",
				"min_burn",
				"max_burn",
				"bonds_moving_avg",
				"bonds_penalty",
				"max_regs_per_block",
				"serving_rate_limit",
				"max_validators",
				"adjustment_alpha",
				"difficulty",
				"commit_reveal_period",
				"commit_reveal_weights_enabled",
				"alpha_high",
				"alpha_low",
				"liquid_alpha_enabled",
				"alpha_sigmoid_steepness",
				"yuma_version",
				"subnet_is_active",
				"transfers_enabled",
				"bonds_reset_enabled",
				"user_liquidity_enabled",
			]
		);
		use HyperparamValue::*;
		assert_eq!(get("kappa"), U16(Compact(40_000)));
		assert_eq!(get("tempo"), U16(Compact(4)));
		assert_eq!(get("min_burn"), TaoBalance(Compact(123_456)));
		assert_eq!(get("max_burn"), TaoBalance(Compact(MaxBurn::<Test>::get(NET))));
		assert_eq!(get("weights_rate_limit"), U64(Compact(0)));
		assert_eq!(get("min_allowed_weights"), U16(Compact(1)));
		assert_eq!(
			get("activity_cutoff"),
			U64(Compact(u64::from(ActivityCutoff::<Test>::get(NET))))
		);
		assert_eq!(get("alpha_low"), U16(Compact(1_000)));
		assert_eq!(get("alpha_high"), U16(Compact(50_000)));
		assert_eq!(get("alpha_sigmoid_steepness"), I32F32(Fixed32::from_num(-3)));
		assert_eq!(get("yuma_version"), U16(Compact(3)));
		assert_eq!(get("commit_reveal_weights_enabled"), Bool(true));
		assert_eq!(get("subnet_is_active"), Bool(true));
		assert_eq!(get("registration_allowed"), Bool(true));
		// v2 and v1 report the same storage.
		let v2 = SubtensorModule::get_subnet_hyperparams_v2(NET).unwrap();
		assert_eq!(v2.kappa, Compact(40_000));
		assert_eq!(v2.min_burn, Compact(123_456));
		assert_eq!(v2.yuma_version, Compact(3));
		assert_eq!(v2.alpha_sigmoid_steepness, Fixed32::from_num(-3));
		assert!(v2.commit_reveal_weights_enabled && v2.subnet_is_active);
		let v1 = SubtensorModule::get_subnet_hyperparams(NET).unwrap();
		assert_eq!((v1.kappa, v1.tempo, v1.alpha_low), (v2.kappa, v2.tempo, v2.alpha_low));
		assert_eq!(v1.max_weights_limit, Compact(MaxWeightsLimit::<Test>::get(NET)));
	});
}

#[test]
fn rpc_subnet_info_lists_every_subnet_from_storage() {
	after_epochs(|| {
		let all = SubtensorModule::get_subnets_info_v2();
		assert_eq!(all.len(), 2);
		let root = all[0].as_ref().unwrap();
		assert_eq!(root.netuid, Compact(ROOT_NETUID));
		assert_eq!(root.owner, 0, "root has no owner: the zero account");
		let info = all[1].as_ref().unwrap();
		assert_eq!(info.netuid, Compact(NET));
		assert_eq!(info.owner, ALICE);
		assert_eq!(info.subnetwork_n, Compact(3));
		assert_eq!(info.tempo, Compact(4));
		assert_eq!(info.burn, Compact(Burn::<Test>::get(NET)));
		assert_eq!(info.emission_value, Compact(SubnetTaoInEmission::<Test>::get(NET)));
		assert_eq!(info.blocks_since_last_step, Compact(BlocksSinceLastStep::<Test>::get(NET)));
		assert_eq!(info.identity, SubnetIdentitiesV3::<Test>::get(NET));
		let v1 = SubtensorModule::get_subnet_info(NET).unwrap();
		assert_eq!((v1.emission_values, v1.owner), (info.emission_value, ALICE));
		assert_eq!(SubtensorModule::get_subnets_info().len(), 2);
		assert_eq!(SubtensorModule::get_subnet_to_prune(), SubtensorModule::get_network_to_prune());
	});
}

#[test]
fn rpc_delegates_report_nominators_permits_and_last_epoch_returns() {
	after_epochs(|| {
		let d = SubtensorModule::get_delegate(&HOT_B).unwrap();
		assert_eq!(d.delegate_ss58, HOT_B);
		assert_eq!(d.owner_ss58, BOB);
		assert_eq!(d.take, Compact(SubtensorModule::get_hotkey_take(&HOT_B)));
		assert_eq!(d.registrations, vec![Compact(NET)]);
		assert_eq!(d.validator_permits, vec![Compact(NET)]);
		let stake = |c, n| Compact(SubtensorModule::stake_of(&HOT_B, &c, n));
		assert_eq!(
			d.nominators,
			vec![
				(BOB, vec![(Compact(NET), stake(BOB, NET))]),
				(
					CHARLIE,
					vec![
						(Compact(ROOT_NETUID), stake(CHARLIE, ROOT_NETUID)),
						(Compact(NET), stake(CHARLIE, NET))
					]
				),
			]
		);
		// Returns: the last epoch's dividends over a day (an epoch every 5 blocks), valued in
		// TAO at spot; per 1000 TAO of stake value after the take.
		let alpha_divs = AlphaDividendsPerSubnet::<Test>::get(NET, HOT_B);
		let per_epoch = SubtensorModule::alpha_to_tao_at_spot(NET, alpha_divs)
			+ TaoDividendsPerSubnet::<Test>::get(NET, HOT_B);
		let daily = per_epoch * 7_200 / 5;
		assert!(daily > 0);
		assert_eq!(d.total_daily_return, Compact(daily));
		let value =
			SubtensorModule::alpha_to_tao_at_spot(NET, TotalHotkeyAlpha::<Test>::get(HOT_B, NET))
				+ TotalHotkeyAlpha::<Test>::get(HOT_B, ROOT_NETUID);
		let take = u128::from(d.take.0);
		let expected =
			u128::from(daily) * (65_535 - take) * 1_000_000_000_000 / (65_535 * u128::from(value));
		assert_eq!(u128::from(d.return_per_1000.0), expected);
		assert_eq!(returns::return_per_1000(daily, d.take.0, 0), 0, "nothing staked: 0");
		assert_eq!(returns::per_day(10, 0, 7_200), 0, "tempo 0 never pays");
		// Every owned hotkey is a delegate.
		let all: Vec<u64> =
			SubtensorModule::get_delegates().iter().map(|d| d.delegate_ss58).collect();
		assert_eq!(all, vec![HOT_A, HOT_B, HOT_C]);
		// Charlie's stakes: one entry per subnet, the delegate without its nominators.
		let delegated = SubtensorModule::get_delegated(&CHARLIE);
		assert_eq!(delegated.len(), 2);
		assert_eq!(delegated[0].1, (Compact(ROOT_NETUID), stake(CHARLIE, ROOT_NETUID)));
		assert_eq!(delegated[1].1, (Compact(NET), stake(CHARLIE, NET)));
		assert!(delegated.iter().all(|(d, _)| d.delegate_ss58 == HOT_B && d.nominators.is_empty()));
		assert_eq!(delegated[0].0.return_per_1000, d.return_per_1000);
	});
}

#[test]
fn rpc_stake_availability_fee_and_lock_read_storage() {
	after_epochs(|| {
		// No locks: the items are empty, the API says None, everything is available.
		assert_eq!(SubtensorModule::get_coldkey_lock(&CHARLIE, NET), None);
		assert_eq!(HotkeyLock::<Test>::iter().count(), 0);
		assert_eq!(OwnerLock::<Test>::iter().count(), 0);
		assert_eq!(Lock::<Test>::iter().count(), 0);
		assert_eq!(UnlockRate::<Test>::get(), 934_866);
		assert_eq!(MaturityRate::<Test>::get(), 934_866);
		assert_eq!(RootClaimType::<Test>::get(CHARLIE), RootClaimTypeEnum::Swap);
		assert!(RootClaimable::<Test>::get(HOT_B).is_empty());
		assert_eq!(RootClaimed::<Test>::get((NET, HOT_B, CHARLIE)), 0);
		assert_eq!(MechanismEmissionSplit::<Test>::get(NET), None);
		let on_net = SubtensorModule::stake_of(&HOT_B, &CHARLIE, NET);
		let avail = SubtensorModule::get_stake_availability_for_coldkeys(vec![CHARLIE], None);
		let charlie = &avail[&CHARLIE];
		assert_eq!(charlie.len(), 2, "root and NET");
		assert_eq!(charlie[&NET].total, Compact(on_net));
		assert_eq!(charlie[&NET].locked, Compact(0));
		assert_eq!(charlie[&NET].available, Compact(on_net));
		let only_net =
			SubtensorModule::get_stake_availability_for_coldkeys(vec![CHARLIE], Some(vec![NET]));
		assert_eq!(only_net[&CHARLIE].keys().copied().collect::<Vec<_>>(), vec![NET]);
		assert!(SubtensorModule::get_stake_availability_for_coldkeys(vec![CHARLIE], Some(vec![]))
			[&CHARLIE]
			.is_empty());
		// The API reads the lock storage, rolled to this block (a lock of this block: as stored).
		let now = SubtensorModule::current_block();
		let lock = LockState { locked_mass: 5, conviction: U64F64::from_num(2), last_update: now };
		Lock::<Test>::insert((CHARLIE, NET, HOT_B), lock);
		assert_eq!(SubtensorModule::get_coldkey_lock(&CHARLIE, NET), Some(lock));
		assert_eq!(SubtensorModule::get_hotkey_conviction(&HOT_B, NET), U64F64::from_num(0));
		assert_eq!(SubtensorModule::get_most_convicted_hotkey_on_subnet(NET), None);
		HotkeyLock::<Test>::insert(NET, HOT_B, lock);
		HotkeyLock::<Test>::insert(
			NET,
			HOT_C,
			LockState { conviction: U64F64::from_num(1), ..lock },
		);
		assert_eq!(SubtensorModule::get_hotkey_conviction(&HOT_B, NET), U64F64::from_num(2));
		assert_eq!(SubtensorModule::get_most_convicted_hotkey_on_subnet(NET), Some(HOT_B));
		let _ = HotkeyLock::<Test>::clear_prefix(NET, u32::MAX, None);
		let avail = SubtensorModule::get_stake_availability_for_coldkeys(vec![CHARLIE], None);
		assert_eq!(avail[&CHARLIE][&NET].available, Compact(on_net - 5));
		Lock::<Test>::remove((CHARLIE, NET, HOT_B));
		// Fees: this chain's swap fee of the leg that pays it.
		let amount = 10 * TAO;
		let buy = SubtensorModule::quote_buy(NET, amount, false).unwrap().fee;
		let sell = SubtensorModule::quote_sell(NET, amount, false).unwrap().fee;
		assert!(buy > 0 && sell > 0);
		let fee = SubtensorModule::get_stake_fee;
		assert_eq!(fee(None, CHARLIE, Some((HOT_B, NET)), CHARLIE, amount), buy);
		assert_eq!(fee(Some((HOT_B, NET)), CHARLIE, None, CHARLIE, amount), sell);
		assert_eq!(fee(Some((HOT_B, NET)), CHARLIE, Some((HOT_C, NET)), CHARLIE, amount), 0);
		assert_eq!(
			fee(Some((HOT_B, ROOT_NETUID)), CHARLIE, Some((HOT_B, NET)), CHARLIE, amount),
			buy
		);
		assert_eq!(
			fee(Some((HOT_B, NET)), CHARLIE, Some((HOT_B, ROOT_NETUID)), CHARLIE, amount),
			sell
		);
		assert_eq!(fee(None, CHARLIE, Some((HOT_B, ROOT_NETUID)), CHARLIE, amount), 0);
	});
}
