//! The per-block coinbase (halving, Taoflow shares, injection, pending alpha) and the epoch's
//! payout, against the spec's vectors and the math crate's epoch fed the same inputs.
use crate::{mock::*, *};
use frame_support::{assert_ok, traits::Hooks};
use substrate_fixed::types::{I64F64, U64F64};
use subtensor_math::{emission, yuma};

/// One block exactly as `on_initialize` runs it, with `inspect` called between the coinbase
/// and the epochs (to read what the epochs will drain).
fn step_with(inspect: impl FnOnce()) {
	let b = System::block_number();
	SubtensorModule::on_finalize(b);
	System::set_block_number(b + 1);
	SubtensorModule::adjust_registration_terms_for_networks();
	let emitting = SubtensorModule::subnets_to_emit_to();
	SubtensorModule::run_coinbase(&emitting);
	inspect();
	SubtensorModule::drain_pending();
	SubtensorModule::update_moving_prices(&emitting);
}

fn ema(v: i64) -> I64F64 {
	I64F64::from_num(v)
}

#[test]
fn block_emission_halves_at_the_issuance_thresholds() {
	ExtBuilder::default().build_and_execute(|| {
		for (issuance, expected) in [
			(0u64, 1_000_000_000u64),
			(10_500_000_000_000_000 - 1, 1_000_000_000),
			(10_500_000_000_000_000, 500_000_000),
			(15_750_000_000_000_000, 250_000_000),
			(20_999_000_000_000_000, 61_035),
			(21_000_000_000_000_000, 0),
		] {
			// A counter that is not the balances issuance breaks the accounting invariant, so
			// it is restored after each reading.
			let real = TotalIssuance::<Test>::get();
			TotalIssuance::<Test>::put(issuance);
			step_with(|| {});
			assert_eq!(BlockEmission::<Test>::get(), expected, "issuance {issuance}");
			TotalIssuance::<Test>::put(real);
		}
	});
}

/// Three started subnets whose flow EMAs are `flows` (set for the coming block, so the
/// coinbase uses them as they are); returns their netuids.
fn subnets_with_flows(flows: [i64; 3]) -> [NetUid; 3] {
	let nets = [start_subnet(ALICE, HOT_A), start_subnet(ALICE, HOT_B), start_subnet(ALICE, HOT_C)];
	let next = System::block_number() + 1;
	for (net, f) in nets.iter().zip(flows) {
		SubnetEmaTaoFlow::<Test>::insert(net, (next, ema(f)));
	}
	nets
}

fn injected(nets: &[NetUid; 3]) -> [u64; 3] {
	nets.map(SubnetTaoInEmission::<Test>::get)
}

#[test]
fn taoflow_shares_follow_the_spec_vectors() {
	// economics.md §6.4.21: flows (+3, −5, +1) with cutoff 0 share (0.75, 0, 0.25).
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO)]).build_and_execute(|| {
		let nets = subnets_with_flows([3, -5, 1]);
		let issuance = TotalIssuance::<Test>::get();
		step_with(|| {});
		assert_eq!(injected(&nets), [750_000_000, 0, 250_000_000]);
		// Price 1.0: every TAO is injected with as much alpha, nothing is chain-bought.
		assert_eq!(nets.map(SubnetAlphaInEmission::<Test>::get), [750_000_000, 0, 250_000_000]);
		assert_eq!(TotalIssuance::<Test>::get(), issuance + 1_000_000_000, "exactly E minted");
		// Alpha emission runs whatever the share: 1 alpha per subnet per block.
		assert_eq!(nets.map(SubnetAlphaOutEmission::<Test>::get), [TAO; 3]);
	});
	// Cutoff −10: L = max(−10, −5) = −5, z = (8, 0, 6).
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO)]).build_and_execute(|| {
		SubtensorModule::set_tao_flow_cutoff(ema(-10));
		let nets = subnets_with_flows([3, -5, 1]);
		step_with(|| {});
		let e = 1_000_000_000u128;
		let expected = [
			emission::apply_share(1_000_000_000, U64F64::from_num(8) / U64F64::from_num(14)),
			0,
			emission::apply_share(1_000_000_000, U64F64::from_num(6) / U64F64::from_num(14)),
		];
		assert_eq!(injected(&nets), expected);
		assert!((u128::from(expected[0]) * 14).abs_diff(8 * e) <= 14);
	});
	// Cutoff −2: L = −2, z = (5, 0, 3): (0.625, 0, 0.375).
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO)]).build_and_execute(|| {
		SubtensorModule::set_tao_flow_cutoff(ema(-2));
		let nets = subnets_with_flows([3, -5, 1]);
		step_with(|| {});
		assert_eq!(injected(&nets), [625_000_000, 0, 375_000_000]);
	});
}

#[test]
fn when_every_flow_is_negative_no_tao_is_minted_but_alpha_still_accrues() {
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO)]).build_and_execute(|| {
		let nets = subnets_with_flows([-1, -5, 0]);
		let issuance = TotalIssuance::<Test>::get();
		let reserves = nets.map(SubtensorModule::reserves);
		step_with(|| {});
		assert_eq!(TotalIssuance::<Test>::get(), issuance);
		assert_eq!(nets.map(SubtensorModule::reserves), reserves);
		let owner_cut = (u128::from(TAO) * 11_796 / 65_535) as u64;
		for n in nets {
			assert_eq!(SubnetAlphaOut::<Test>::get(n), TAO);
			assert_eq!(PendingOwnerCut::<Test>::get(n), owner_cut);
			assert_eq!(PendingServerEmission::<Test>::get(n), (TAO - owner_cut) / 2);
		}
	});
}

#[test]
fn stake_flow_is_smoothed_into_the_ema_and_consumed_once() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10_000 * TAO)])
		.build_and_execute(|| {
			let net = start_subnet(ALICE, HOT_A);
			assert_ok!(SubtensorModule::add_stake(
				RuntimeOrigin::signed(BOB),
				HOT_A,
				net,
				100 * TAO
			));
			assert_eq!(SubnetTaoFlow::<Test>::get(net), (100 * TAO) as i64);
			step_with(|| {});
			let expected = emission::flow_ema_next(ema(0), (100 * TAO) as i64, 29_597_889_189_277);
			assert_eq!(
				SubnetEmaTaoFlow::<Test>::get(net),
				Some((System::block_number(), expected))
			);
			assert_eq!(SubnetTaoFlow::<Test>::get(net), 0, "the flow was consumed");
			// A positive EMA alone earns the whole block reward.
			assert_eq!(SubnetTaoInEmission::<Test>::get(net), 1_000_000_000);
		});
}

#[test]
fn injection_is_price_neutral_and_only_the_chain_buy_raises_the_price() {
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO)]).build_and_execute(|| {
		let net = start_subnet(ALICE, HOT_A);
		// Price 4: E/p = 0.25 alpha < 1 alpha: no cap, no excess, the price is unchanged.
		SubnetTAO::<Test>::insert(net, 4_000 * TAO);
		TotalStake::<Test>::mutate(|s| *s += 3_000 * TAO);
		TotalIssuance::<Test>::mutate(|s| *s += 3_000 * TAO);
		SubnetEmaTaoFlow::<Test>::insert(net, (System::block_number() + 1, ema(1)));
		let price = SubtensorModule::current_alpha_price(net);
		step_with(|| {});
		assert_eq!(SubnetTaoInEmission::<Test>::get(net), 1_000_000_000);
		assert_eq!(SubnetAlphaInEmission::<Test>::get(net), 250_000_000);
		assert_eq!(SubtensorModule::current_alpha_price(net), price);
	});
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO)]).build_and_execute(|| {
		let net = start_subnet(ALICE, HOT_A);
		// Price 0.25: E/p = 4 alpha > 1 alpha: capped at 1 alpha, 0.25 TAO injected and the
		// excess 0.75 TAO chain-buys alpha, which raises the price (economics.md §6.4.22).
		SubnetAlphaIn::<Test>::insert(net, 4_000 * TAO);
		SubnetEmaTaoFlow::<Test>::insert(net, (System::block_number() + 1, ema(1)));
		let price = SubtensorModule::current_alpha_price(net);
		let issuance = TotalIssuance::<Test>::get();
		step_with(|| {});
		assert_eq!(SubnetAlphaInEmission::<Test>::get(net), TAO);
		assert_eq!(SubnetTaoInEmission::<Test>::get(net), 250_000_000);
		assert!(SubtensorModule::current_alpha_price(net) > price);
		assert_eq!(TotalIssuance::<Test>::get(), issuance + 1_000_000_000, "tao_in + excess = E");
		assert_eq!(SubnetTAO::<Test>::get(net), SEED_TAO + 1_000_000_000);
	});
}

const SEED_TAO: u64 = 1_000 * TAO;

#[test]
fn epochs_run_every_tempo_plus_one_blocks_staggered_by_netuid() {
	// economics.md §4.6's table.
	for (tempo, netuid, first) in [
		(1u16, 0u16, 0u64),
		(1, 1, 1),
		(2, 0, 1),
		(2, 1, 0),
		(100, 0, 99),
		(100, 1, 98),
		(360, 1, 358),
	] {
		assert!(SubtensorModule::is_epoch_block(netuid, tempo, first), "{tempo} {netuid}");
		assert!(!SubtensorModule::is_epoch_block(netuid, tempo, first + 1));
		assert!(SubtensorModule::is_epoch_block(netuid, tempo, first + u64::from(tempo) + 1));
		assert_eq!(SubtensorModule::blocks_until_next_epoch(netuid, tempo, first), Some(0));
	}
	assert!(!SubtensorModule::is_epoch_block(1, 0, 0));
	assert_eq!(SubtensorModule::blocks_until_next_epoch(1, 0, 5), None);
	ExtBuilder::default().with_balances(&[(ALICE, 10_000 * TAO)]).build_and_execute(|| {
		let net = start_subnet(ALICE, HOT_A);
		SubtensorModule::set_tempo_unchecked(net, 4);
		// (b + 1 + 1) mod 5 = 4 ⇔ b ≡ 2 (mod 5)
		run_to_block(7);
		assert_eq!(LastMechansimStepBlock::<Test>::get(net), 7);
		assert_eq!(BlocksSinceLastStep::<Test>::get(net), 0);
		assert_eq!(PendingServerEmission::<Test>::get(net), 0, "drained at the epoch");
		run_to_block(9);
		assert_eq!(BlocksSinceLastStep::<Test>::get(net), 2);
		assert!(PendingServerEmission::<Test>::get(net) > 0);
	});
}

/// economics.md §6.1: every block, `TotalIssuance` grows by exactly what the coinbase put in
/// the pools, and every alpha minted is in a stake, a pending amount or was recycled.
#[test]
fn emission_is_conserved_block_by_block() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10_000 * TAO)])
		.build_and_execute(|| {
			let a = start_subnet(ALICE, HOT_A);
			let b = start_subnet(ALICE, HOT_B);
			SubtensorModule::set_tempo_unchecked(a, 3);
			SubtensorModule::set_tempo_unchecked(b, 5);
			assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_A, a, 50 * TAO));
			assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_B, b, 20 * TAO));
			for _ in 0..40 {
				let issuance = TotalIssuance::<Test>::get();
				let pools: u64 = [a, b].iter().map(SubnetTAO::<Test>::get).sum();
				run_to_block(System::block_number() + 1);
				let minted = TotalIssuance::<Test>::get() - issuance;
				let pools_after: u64 = [a, b].iter().map(SubnetTAO::<Test>::get).sum();
				assert!(minted <= BlockEmission::<Test>::get());
				assert_eq!(pools_after - pools, minted, "every minted RAO is in a pool");
				// The accounting invariants (issuance, stake, alpha out ≥ stakes + pending).
				SubtensorModule::do_try_state().unwrap();
			}
			assert!(TotalHotkeyAlpha::<Test>::get(HOT_A, a) > 0);
		});
}

/// The on-chain epoch equals `subtensor_math::yuma::epoch` fed the same inputs, over several
/// tempos, with bonds and permits carried by the simulation itself; and the payout follows
/// it: miners' incentive staked to them, validators' dividends to their pools.
#[test]
fn three_validators_and_five_miners_match_the_math_crate_over_several_tempos() {
	const VALIDATORS: [u64; 3] = [201, 202, 203];
	const MINERS: [u64; 5] = [301, 302, 303, 304, 305];
	ExtBuilder::default()
		.with_balances(&[(ALICE, 100_000 * TAO), (BOB, 100_000 * TAO), (CHARLIE, 100_000 * TAO)])
		.build_and_execute(|| {
			let net = start_subnet(ALICE, HOT_A);
			SubtensorModule::set_max_registrations_per_block(net, 20);
			SubtensorModule::set_target_registrations_per_interval(net, 20);
			for h in VALIDATORS.iter().chain(MINERS.iter()) {
				assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), net, *h));
			}
			for (i, v) in VALIDATORS.iter().enumerate() {
				let amount = (i as u64 + 1) * 100 * TAO;
				assert_ok!(SubtensorModule::add_stake(
					RuntimeOrigin::signed(CHARLIE),
					*v,
					net,
					amount
				));
			}
			SubtensorModule::set_tempo_unchecked(net, 4);
			SubtensorModule::set_weights_set_rate_limit(net, 0);
			SubtensorModule::set_min_allowed_weights(net, 1);
			SubtensorModule::set_activity_cutoff(net, 1_000);

			let n = SubnetworkN::<Test>::get(net);
			assert_eq!(n, 9);
			// The simulation's own state, carried from epoch to epoch as the chain should.
			let mut sim_bonds: Vec<Vec<(u16, u16)>> = vec![vec![]; usize::from(n)];
			let mut sim_permit = vec![false; usize::from(n)];
			let mut last_update: Vec<u64> = LastUpdate::<Test>::get(net).into_inner();
			let registered: Vec<u64> =
				(0..n).map(|uid| BlockAtRegistration::<Test>::get(net, uid)).collect();
			let mut weights: Vec<Vec<(u16, u16)>> = vec![vec![]; usize::from(n)];
			let mut last_epoch = 0u64;
			let mut epochs = 0;
			let miner_uids: Vec<u16> =
				MINERS.iter().map(|m| Uids::<Test>::get(net, m).unwrap()).collect();
			for round in 0..6u64 {
				// Each validator weights the miners differently; rows change over time.
				for (i, v) in VALIDATORS.iter().enumerate() {
					let uid = Uids::<Test>::get(net, v).unwrap();
					if !ValidatorPermit::<Test>::get(net)
						.get(usize::from(uid))
						.copied()
						.unwrap_or(false)
					{
						continue;
					}
					let w: Vec<u16> = (0..5u64)
						.map(|j| ((j + 1) * (i as u64 + 1 + round) % 7) as u16 * 1000 + 1)
						.collect();
					assert_ok!(SubtensorModule::set_mechanism_weights(
						RuntimeOrigin::signed(*v),
						net,
						0,
						miner_uids.clone(),
						w.clone(),
						0
					));
					weights[usize::from(uid)] = miner_uids
						.iter()
						.copied()
						.zip(subtensor_math::fixed::u16_max_upscale(&w))
						.collect();
					last_update[usize::from(uid)] = System::block_number();
				}
				// Step to the next epoch, simulating it from the inputs the chain holds.
				loop {
					let block = System::block_number() + 1;
					let is_epoch = SubtensorModule::is_epoch_block(net, 4, block);
					let mut expected: Option<yuma::EpochOutputs> = None;
					let all_hotkeys: Vec<u64> =
						(0..n).map(|uid| Keys::<Test>::get(net, uid).unwrap()).collect();
					let staked = || -> u64 {
						all_hotkeys.iter().map(|h| TotalHotkeyAlpha::<Test>::get(h, net)).sum()
					};
					let mut drained = (0u64, 0u64, 0u64); // (pending, alpha out, staked) before the epoch
					let stake_before: Vec<u64> =
						MINERS.iter().map(|m| TotalHotkeyAlpha::<Test>::get(m, net)).collect();
					let validator_stake_before: Vec<u64> =
						VALIDATORS.iter().map(|v| TotalHotkeyAlpha::<Test>::get(v, net)).collect();
					step_with(|| {
						if !is_epoch {
							return;
						}
						let hotkeys: Vec<u64> =
							(0..n).map(|uid| Keys::<Test>::get(net, uid).unwrap()).collect();
						let inputs = yuma::EpochInputs {
							n,
							alpha_stake: hotkeys
								.iter()
								.map(|h| TotalHotkeyAlpha::<Test>::get(h, net))
								.collect(),
							root_stake: hotkeys
								.iter()
								.map(|h| TotalHotkeyAlpha::<Test>::get(h, ROOT_NETUID))
								.collect(),
							validator_permit: sim_permit.clone(),
							last_update: last_update.clone(),
							block_at_registration: registered.clone(),
							weights: weights.clone(),
							bonds: sim_bonds.clone(),
							commit_block: None,
						};
						let rao = PendingServerEmission::<Test>::get(net)
							+ PendingValidatorEmission::<Test>::get(net)
							+ PendingRootAlphaDivs::<Test>::get(net);
						drained = (
							rao + PendingOwnerCut::<Test>::get(net),
							SubnetAlphaOut::<Test>::get(net),
							staked(),
						);
						let params = yuma::YumaParams {
							current_block: block,
							activity_cutoff: 1_000,
							last_tempo: if last_epoch == 0 {
								block.saturating_sub(4)
							} else {
								last_epoch + 1
							},
							tao_weight: TaoWeight::<Test>::get(),
							owner_uid: Some(0),
							rao_emission: rao,
							..Default::default()
						};
						expected = Some(yuma::epoch(&inputs, &params));
					});
					if let Some(out) = expected {
						assert_eq!(
							Incentive::<Test>::get(net).into_inner(),
							out.incentive,
							"round {round}"
						);
						assert_eq!(
							Dividends::<Test>::get(net).into_inner(),
							out.dividends,
							"round {round}"
						);
						assert_eq!(
							Emission::<Test>::get(net).into_inner(),
							out.emission,
							"round {round}"
						);
						assert_eq!(
							ValidatorPermit::<Test>::get(net).into_inner(),
							out.validator_permit
						);
						for uid in 0..n {
							assert_eq!(
								Bonds::<Test>::get(net, uid).into_inner(),
								out.bonds[usize::from(uid)]
							);
						}
						// Payout: each miner's stake grew by its server emission; validators
						// with dividends gained stake.
						for (k, m) in MINERS.iter().enumerate() {
							let uid = usize::from(miner_uids[k]);
							assert_eq!(
								TotalHotkeyAlpha::<Test>::get(m, net) - stake_before[k],
								out.server_emission[uid],
								"miner {m} incentive"
							);
						}
						for (k, v) in VALIDATORS.iter().enumerate() {
							let uid = usize::from(Uids::<Test>::get(net, v).unwrap());
							if out.dividends[uid] > 0 {
								assert!(
									TotalHotkeyAlpha::<Test>::get(v, net)
										> validator_stake_before[k]
								);
							}
						}
						// Alpha conservation at the payout: what was pending is now stake or
						// recycled, up to a few rao of flooring dust; nothing is minted.
						let (pending, out_before, staked_before) = drained;
						let paid = staked() - staked_before;
						let recycled = out_before - SubnetAlphaOut::<Test>::get(net);
						assert!(
							paid + recycled <= pending,
							"round {round}: no alpha minted at payout"
						);
						assert!(
							pending - (paid + recycled) <= 16,
							"round {round}: only dust is left"
						);
						assert!(paid > 0);
						sim_bonds = out.bonds.clone();
						sim_permit = out.validator_permit.clone();
						last_epoch = block;
						epochs += 1;
						break;
					}
				}
			}
			assert_eq!(epochs, 6);
			// After the first epochs handed out permits, incentive and dividends flowed.
			assert!(Incentive::<Test>::get(net).iter().any(|x| *x > 0));
			assert!(Dividends::<Test>::get(net).iter().any(|x| *x > 0));
		});
}

/// A started subnet `NET` (owner hotkey `HOT_A`, UID 0) with validator `HOT_B` (UID 1, Bob's,
/// 100 TAO staked by Bob) and miner `HOT_C` (UID 2), tempo 4, weights unlimited; stepped past
/// the first epoch so `HOT_B` holds a permit.
fn with_validator_and_miner(test: impl FnOnce()) {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10_000 * TAO), (CHARLIE, 10_000 * TAO)])
		.build_and_execute(|| {
			start_subnet(ALICE, HOT_A);
			SubtensorModule::set_max_registrations_per_block(NET, 5);
			assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_B));
			assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_C));
			assert_ok!(SubtensorModule::add_stake(
				RuntimeOrigin::signed(BOB),
				HOT_B,
				NET,
				100 * TAO
			));
			SubtensorModule::set_tempo_unchecked(NET, 4);
			SubtensorModule::set_weights_set_rate_limit(NET, 0);
			SubtensorModule::set_min_allowed_weights(NET, 1);
			run_to_block(3); // epoch at b ≡ 2 (mod 5)
			assert!(ValidatorPermit::<Test>::get(NET)[1]);
			test();
		});
}

/// Step to the next epoch of `NET`; returns the pending amounts it drained.
fn step_to_epoch() -> coinbase::Pending {
	let mut pending = coinbase::Pending::default();
	loop {
		let block = System::block_number() + 1;
		let due = SubtensorModule::is_epoch_block(NET, Tempo::<Test>::get(NET), block);
		step_with(|| {
			pending = coinbase::Pending {
				server: PendingServerEmission::<Test>::get(NET),
				validator: PendingValidatorEmission::<Test>::get(NET),
				root: PendingRootAlphaDivs::<Test>::get(NET),
				owner_cut: PendingOwnerCut::<Test>::get(NET),
			};
		});
		if due {
			return pending;
		}
	}
}

#[test]
fn without_incentive_validators_get_both_halves_and_the_owner_its_cut() {
	with_validator_and_miner(|| {
		let validator = TotalHotkeyAlpha::<Test>::get(HOT_B, NET);
		let owner = SubtensorModule::stake_of(&HOT_A, &ALICE, NET);
		let miner = TotalHotkeyAlpha::<Test>::get(HOT_C, NET);
		let p = step_to_epoch();
		assert!(p.server > 0 && p.validator > 0 && p.owner_cut > 0);
		assert!(Incentive::<Test>::get(NET).iter().all(|x| *x == 0), "no weights: no incentive");
		// All of S + V to the staked validators by stake — HOT_B, and the owner's hotkey, which
		// holds the owner cut of the first epoch — a few rao of flooring aside.
		let gained = TotalHotkeyAlpha::<Test>::get(HOT_B, NET) - validator;
		let owner_dividend = AlphaDividendsPerSubnet::<Test>::get(NET, HOT_A);
		let paid = gained + owner_dividend;
		assert!(paid <= p.server + p.validator && p.server + p.validator - paid <= 4);
		assert!(gained > 100 * owner_dividend, "by stake: 100 TAO against one block's cut");
		assert_eq!(AlphaDividendsPerSubnet::<Test>::get(NET, HOT_B), gained);
		// (Share values are floored: 1 rao either way.)
		let owner_gain = SubtensorModule::stake_of(&HOT_A, &ALICE, NET) - owner;
		assert!(owner_gain.abs_diff(p.owner_cut + owner_dividend) <= 1);
		assert_eq!(TotalHotkeyAlpha::<Test>::get(HOT_C, NET), miner);
		assert_eq!(PendingServerEmission::<Test>::get(NET), 0);
		assert_eq!(PendingValidatorEmission::<Test>::get(NET), 0);
		assert_eq!(PendingOwnerCut::<Test>::get(NET), 0);
	});
}

#[test]
fn the_owners_hotkey_incentive_is_recycled_or_burned() {
	for mode in [RecycleOrBurnEnum::Recycle, RecycleOrBurnEnum::Burn] {
		with_validator_and_miner(|| {
			SubtensorModule::set_recycle_or_burn(NET, mode);
			// The validator weights only the owner's hotkey (UID 0).
			assert_ok!(SubtensorModule::set_weights(
				RuntimeOrigin::signed(HOT_B),
				NET,
				vec![0],
				vec![1],
				0
			));
			step_to_epoch(); // bonds form
			let owner = SubtensorModule::stake_of(&HOT_A, &ALICE, NET);
			let unowned = |net| {
				SubnetAlphaOut::<Test>::get(net)
					- TotalHotkeyAlpha::<Test>::iter()
						.filter(|(_, n, _)| *n == net)
						.map(|(_, _, v)| v)
						.sum::<u64>()
			};
			let before = unowned(NET);
			let p = step_to_epoch();
			let incentive = Emission::<Test>::get(NET)[0];
			assert!(Incentive::<Test>::get(NET)[0] > 0 && incentive > 0);
			// The owner's stake grows by the owner cut and its dividends, not the incentive.
			let dividend = AlphaDividendsPerSubnet::<Test>::get(NET, HOT_A);
			let gain = SubtensorModule::stake_of(&HOT_A, &ALICE, NET) - owner;
			assert!(
				gain.abs_diff(p.owner_cut + dividend) <= 1,
				"{gain} vs {}",
				p.owner_cut + dividend
			);
			let after = unowned(NET);
			match mode {
				// Recycled: it left SubnetAlphaOut; only dust stays unowned.
				RecycleOrBurnEnum::Recycle => assert!(after <= before + 8, "{before} → {after}"),
				// Burned: it stays counted in SubnetAlphaOut, owned by nobody.
				RecycleOrBurnEnum::Burn => {
					assert!(after >= before + incentive / 2, "{before} → {after}")
				},
			}
		});
	}
}

#[test]
fn root_dividends_are_paid_as_root_stake_when_the_prices_sum_above_one() {
	with_validator_and_miner(|| {
		// Charlie stakes TAO on root through the validator's hotkey: its root proportion.
		assert_ok!(SubtensorModule::add_stake(
			RuntimeOrigin::signed(CHARLIE),
			HOT_B,
			ROOT_NETUID,
			1_000 * TAO
		));
		SubnetMovingPrice::<Test>::insert(NET, substrate_fixed::types::I96F32::from_num(2));
		let root_pool = TotalHotkeyAlpha::<Test>::get(HOT_B, ROOT_NETUID);
		let charlie = SubtensorModule::stake_of(&HOT_B, &CHARLIE, ROOT_NETUID);
		let p = step_to_epoch();
		assert!(p.root > 0, "root's part accrued while Σ moving prices > 1");
		let tao = TaoDividendsPerSubnet::<Test>::get(NET, HOT_B);
		assert!(tao > 0);
		assert_eq!(TotalHotkeyAlpha::<Test>::get(HOT_B, ROOT_NETUID), root_pool + tao);
		// Charlie, a root nominator of the validator, gained; the invariants (root 1:1) hold.
		assert!(SubtensorModule::stake_of(&HOT_B, &CHARLIE, ROOT_NETUID) > charlie);
		SubtensorModule::do_try_state().unwrap();
	});
	with_validator_and_miner(|| {
		// With the moving prices at or below 1 root's part is recycled instead.
		assert_ok!(SubtensorModule::add_stake(
			RuntimeOrigin::signed(CHARLIE),
			HOT_B,
			ROOT_NETUID,
			1_000 * TAO
		));
		let out = SubnetAlphaOut::<Test>::get(NET);
		step_with(|| {});
		assert_eq!(PendingRootAlphaDivs::<Test>::get(NET), 0);
		assert!(SubnetAlphaOut::<Test>::get(NET) < out + TAO, "root's part left the issuance");
	});
}
