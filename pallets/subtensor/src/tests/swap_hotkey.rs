//! `swap_hotkey`: the storage walk (the old hotkey is left nowhere), `Some(netuid)` against
//! `None`, the cost, both rate limits, and every bad call with its own error, writing nothing.
use crate::{mock::*, *};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, traits::StorageInfoTrait};

/// A hotkey whose encoding cannot occur by chance in other storage (amounts, blocks, UIDs).
pub(super) const OLD: u64 = 0x5A5A_1234_C0DE_F00D;
/// Bob's hotkey that `OLD` lends stake to.
const CHILD: u64 = 0x0C41_1D00;
/// The hotkey swapped to.
pub(super) const NEW: u64 = 0x7E57_0000_BEEF_0001;

/// Names of every storage item of the mock runtime, for the walk's report.
pub(super) fn known_items() -> Vec<frame_support::traits::StorageInfo> {
	AllPalletsWithSystem::storage_info()
}

/// Storage items allowed to still hold a swapped-away account after a swap, and why.
pub(super) const WALK_ALLOWED: &[(&str, &str)] = &[
	// The event log of this block: the setup's events and the swap's own event name the old
	// key. It is cleared at the start of the next block.
	("System::Events", "this block's events, cleared next block"),
];

/// Assert that `account` occurs in no storage key or value but the allowed items.
pub(super) fn assert_account_gone(account: u64) {
	storage_walk::assert_absent_except(&account.encode(), &known_items(), WALK_ALLOWED);
}

fn swap(coldkey: u64, old: u64, new: u64, netuid: Option<NetUid>) -> DispatchResultWithPostInfo {
	SubtensorModule::swap_hotkey(RuntimeOrigin::signed(coldkey), old, new, netuid)
}

use frame_support::dispatch::DispatchResultWithPostInfo;

/// The rich state: Alice's `OLD` owns subnet `net1` (UID 0), holds UID 1 on Charlie's `net2`
/// and a root UID; Alice and Bob stake on it on both subnets and on root; it serves an axon with
/// a certificate and a prometheus endpoint on `net1`, has a lowered take, a weight commit on
/// `net2`, an epoch's dividends, a same-block staking mark, a rate-limit record, childkey links
/// both ways, a childkey take and a pending `set_children`. Returns
/// `(net1, net2)`.
fn rich_state() -> (NetUid, NetUid) {
	let net1 = start_subnet(ALICE, OLD);
	let net2 = start_subnet(CHARLIE, HOT_C);
	SubtensorModule::set_max_registrations_per_block(net2, 5);
	assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(ALICE), net2, OLD));
	assert_ok!(SubtensorModule::root_register(RuntimeOrigin::signed(ALICE), OLD));
	for (who, net, tao) in [(ALICE, net1, 10), (BOB, net1, 5), (BOB, net2, 3), (ALICE, net2, 2)] {
		assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(who), OLD, net, tao * TAO));
	}
	assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), OLD, ROOT_NETUID, TAO));
	assert_ok!(SubtensorModule::serve_axon_tls(
		RuntimeOrigin::signed(OLD),
		net1,
		1,
		0x0A00_0001,
		8091,
		4,
		0,
		0,
		0,
		vec![1; 33]
	));
	assert_ok!(SubtensorModule::serve_prometheus(
		RuntimeOrigin::signed(OLD),
		net1,
		1,
		0x0A00_0001,
		9090,
		4
	));
	assert_ok!(SubtensorModule::decrease_take(RuntimeOrigin::signed(ALICE), OLD, 1_000));
	// Weights on itself on net1 (UID 0), a commit on net2.
	SubtensorModule::set_weights_set_rate_limit(net1, 0);
	SubtensorModule::set_weights_set_rate_limit(net2, 0);
	SubtensorModule::set_min_allowed_weights(net1, 1);
	assert_ok!(SubtensorModule::set_weights(RuntimeOrigin::signed(OLD), net1, vec![0], vec![1], 0));
	SubtensorModule::set_commit_reveal_weights_enabled(net2, true);
	let hash = SubtensorModule::get_commit_hash(&OLD, net2, &[1], &[1], &[7], 0);
	assert_ok!(SubtensorModule::commit_weights(RuntimeOrigin::signed(OLD), net2, hash));
	// Childkeys: OLD lends to Bob's CHILD on net1 (with a childkey take there) and borrows
	// from Charlie's HOT_C on net2; both applied in the next block (cooldown 0).
	SubtensorModule::create_account_if_non_existent(&BOB, &CHILD).unwrap();
	assert_ok!(SubtensorModule::set_pending_childkey_cooldown(RuntimeOrigin::root(), 0));
	let child = |cold, parent, net, kids| {
		assert_ok!(SubtensorModule::set_children(RuntimeOrigin::signed(cold), parent, net, kids));
	};
	child(ALICE, OLD, net1, vec![(1 << 62, CHILD)]);
	child(CHARLIE, HOT_C, net2, vec![(1 << 61, OLD)]);
	assert_ok!(SubtensorModule::set_childkey_take(RuntimeOrigin::signed(ALICE), OLD, net1, 100));
	// An epoch on net1 pays dividends to OLD.
	SubtensorModule::set_tempo_unchecked(net1, 1);
	run_to_block(System::block_number() + 3);
	// And a request of OLD still pending on net2.
	assert_ok!(SubtensorModule::set_pending_childkey_cooldown(RuntimeOrigin::root(), 100));
	child(ALICE, OLD, net2, vec![(1 << 60, CHILD)]);
	// This block: Bob's fresh stake carries the same-block mark.
	assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), OLD, net1, TAO));
	LastRateLimitedBlock::<Test>::insert(RateLimitKey::LastTxBlock(OLD), 1);
	// Stake locks to OLD: Bob's on net1 (OLD is its owner hotkey: the owner bucket), Bob's
	// perpetual one and Alice's decaying one on net2 (OLD's hotkey buckets).
	assert_ok!(SubtensorModule::lock_stake(RuntimeOrigin::signed(BOB), OLD, net1, TAO));
	assert_ok!(SubtensorModule::set_perpetual_lock(RuntimeOrigin::signed(BOB), net2, true));
	assert_ok!(SubtensorModule::lock_stake(RuntimeOrigin::signed(BOB), OLD, net2, TAO));
	assert_ok!(SubtensorModule::lock_stake(RuntimeOrigin::signed(ALICE), OLD, net2, TAO));
	(net1, net2)
}

fn rich_ext() -> ExtBuilder {
	ExtBuilder::default().with_balances(&[
		(ALICE, 10_000 * TAO),
		(BOB, 1_000 * TAO),
		(CHARLIE, 10_000 * TAO),
	])
}

#[test]
fn swapping_on_every_subnet_leaves_the_old_hotkey_nowhere() {
	rich_ext().build_and_execute(|| {
		let (net1, net2) = rich_state();
		// The setup reached every item the walk is about.
		assert!(AlphaDividendsPerSubnet::<Test>::get(net1, OLD) > 0);
		assert!(StakingOperationRateLimiter::<Test>::get((OLD, BOB, net1)));
		assert!(WeightCommits::<Test>::contains_key(net2, OLD));
		let uids = [(net1, Uids::<Test>::get(net1, OLD)), (net2, Uids::<Test>::get(net2, OLD))];
		let stakes: Vec<(u64, NetUid, u64)> =
			[(ALICE, net1), (BOB, net1), (BOB, net2), (ALICE, net2), (BOB, ROOT_NETUID)]
				.iter()
				.map(|&(c, n)| (c, n, SubtensorModule::stake_of(&OLD, &c, n)))
				.collect();
		let take = Delegates::<Test>::get(OLD);
		assert!(!storage_walk::occurrences(&OLD.encode(), &known_items()).is_empty());

		assert_ok!(swap(ALICE, OLD, NEW, None));

		assert_account_gone(OLD);
		for (n, uid) in uids {
			assert_eq!(Uids::<Test>::get(n, NEW), uid);
			assert_eq!(Keys::<Test>::get(n, uid.unwrap()), Some(NEW));
		}
		for (c, n, s) in stakes {
			assert!(s > 0);
			assert_eq!(SubtensorModule::stake_of(&NEW, &c, n), s);
		}
		assert_eq!(Delegates::<Test>::get(NEW), take);
		assert_eq!(SubnetOwnerHotkey::<Test>::get(net1), Some(NEW));
		assert_eq!(Owner::<Test>::get(NEW), ALICE);
		assert!(Axons::<Test>::contains_key(net1, NEW));
		assert!(NeuronCertificates::<Test>::contains_key(net1, NEW));
		assert!(Prometheus::<Test>::contains_key(net1, NEW));
		assert!(WeightCommits::<Test>::contains_key(net2, NEW));
		assert!(StakingOperationRateLimiter::<Test>::get((NEW, BOB, net1)));
		assert_eq!(SubtensorModule::get_children(&NEW, net1), vec![(1 << 62, CHILD)]);
		assert_eq!(SubtensorModule::get_parents(&CHILD, net1), vec![(1 << 62, NEW)]);
		assert_eq!(SubtensorModule::get_children(&HOT_C, net2), vec![(1 << 61, NEW)]);
		assert_eq!(SubtensorModule::get_parents(&NEW, net2), vec![(1 << 61, HOT_C)]);
		assert_eq!(ChildkeyTake::<Test>::get(NEW, net1), 100);
		assert!(PendingChildKeys::<Test>::get(net2, NEW).is_some());
		assert!(Lock::<Test>::contains_key((BOB, net1, NEW)));
		assert!(Lock::<Test>::contains_key((BOB, net2, NEW)));
		assert!(Lock::<Test>::contains_key((ALICE, net2, NEW)));
		assert!(HotkeyLock::<Test>::contains_key(net2, NEW));
		assert!(DecayingHotkeyLock::<Test>::contains_key(net2, NEW));
		assert!(DecayingOwnerLock::<Test>::contains_key(net1));
		System::assert_last_event(
			Event::HotkeySwapped { coldkey: ALICE, old_hotkey: OLD, new_hotkey: NEW }.into(),
		);
		// The next block's hooks (an epoch of net1 included) run on the swapped state.
		run_to_block(System::block_number() + 2);
		assert_account_gone(OLD);
		SubtensorModule::do_try_state().unwrap();
	});
}

#[test]
fn swapping_on_one_subnet_moves_only_that_subnet() {
	rich_ext().build_and_execute(|| {
		let (net1, net2) = rich_state();
		let bob_net2 = SubtensorModule::stake_of(&OLD, &BOB, net2);
		let bob_net1 = SubtensorModule::stake_of(&OLD, &BOB, net1);
		let take = Delegates::<Test>::get(OLD);

		assert_ok!(swap(ALICE, OLD, NEW, Some(net2)));

		// net2 moved: UID, commit, stake.
		assert_eq!(Uids::<Test>::get(net2, OLD), None);
		assert!(Uids::<Test>::get(net2, NEW).is_some());
		assert!(WeightCommits::<Test>::contains_key(net2, NEW));
		assert_eq!(SubtensorModule::stake_of(&NEW, &BOB, net2), bob_net2);
		assert_eq!(SubtensorModule::stake_of(&OLD, &BOB, net2), 0);
		// net1, root and the hotkey-wide items stayed.
		assert!(Uids::<Test>::get(net1, OLD).is_some());
		assert!(IsNetworkMember::<Test>::get(OLD, ROOT_NETUID));
		assert_eq!(SubtensorModule::stake_of(&OLD, &BOB, net1), bob_net1);
		assert_eq!(SubnetOwnerHotkey::<Test>::get(net1), Some(OLD));
		assert_eq!(Delegates::<Test>::get(OLD), take);
		assert_eq!(Owner::<Test>::get(OLD), ALICE);
		assert_eq!(Owner::<Test>::get(NEW), ALICE);
		assert!(OwnedHotkeys::<Test>::get(ALICE).contains(&OLD));
		assert!(OwnedHotkeys::<Test>::get(ALICE).contains(&NEW));
		// Bob still stakes on both; each listed once.
		let listed = |h: u64| {
			usize::from(StakingHotkeys::<Test>::get(BOB).contains(&h))
				+ usize::from(ReceivedStakeHotkeys::<Test>::contains_key(BOB, h))
		};
		assert_eq!((listed(OLD), listed(NEW)), (1, 1));
		System::assert_last_event(
			Event::HotkeySwappedOnSubnet {
				coldkey: ALICE,
				old_hotkey: OLD,
				new_hotkey: NEW,
				netuid: net2,
			}
			.into(),
		);
		// Nothing of OLD is left on net2.
		assert!(!Axons::<Test>::contains_key(net2, OLD));
		assert!(!WeightCommits::<Test>::contains_key(net2, OLD));
		assert_eq!(AlphaDividendsPerSubnet::<Test>::get(net2, OLD), 0);
		assert!(SubnetStakePositions::<Test>::iter_key_prefix((net2, OLD)).next().is_none());
		assert_eq!(TotalHotkeyAlpha::<Test>::get(OLD, net2), 0);
		SubtensorModule::do_try_state().unwrap();
	});
}

#[test]
fn the_cost_is_recycled_from_the_coldkey() {
	rich_ext().build_and_execute(|| {
		let (_net1, net2) = rich_state();
		let (free, issued) = (Balances::free_balance(ALICE), TotalIssuance::<Test>::get());
		assert_ok!(swap(ALICE, OLD, NEW, Some(net2)));
		let cost: u64 = <Test as Config>::KeySwapOnSubnetCost::get();
		assert_eq!(Balances::free_balance(ALICE), free - cost);
		assert_eq!(TotalIssuance::<Test>::get(), issued - cost);

		SubtensorModule::set_tx_rate_limit(0);
		run_to_block(System::block_number() + 11); // past net2's swap interval
		let (free, issued) = (Balances::free_balance(ALICE), TotalIssuance::<Test>::get());
		assert_ok!(swap(ALICE, NEW, HOT_D, None));
		let cost: u64 = <Test as Config>::KeySwapCost::get();
		assert_eq!(cost, 100_000_000);
		assert_eq!(Balances::free_balance(ALICE), free - cost);
		assert_eq!(TotalIssuance::<Test>::get(), issued - cost);
	});
}

use frame_support::traits::Get;

#[test]
fn a_coldkey_swaps_at_most_once_per_tx_rate_limit() {
	rich_ext().build_and_execute(|| {
		let (_net1, net2) = rich_state();
		assert_ok!(swap(ALICE, OLD, NEW, Some(net2)));
		let at = System::block_number();
		let limit = TxRateLimit::<Test>::get();
		assert_eq!(limit, 1_000);
		run_to_block(at + limit);
		assert_noop!(swap(ALICE, OLD, HOT_D, None), Error::<Test>::HotKeySetTxRateLimitExceeded);
		run_to_block(at + limit + 1);
		assert_ok!(swap(ALICE, OLD, HOT_D, None));
	});
}

#[test]
fn a_subnet_is_swapped_on_at_most_once_per_interval() {
	rich_ext().build_and_execute(|| {
		let (net1, net2) = rich_state();
		SubtensorModule::set_tx_rate_limit(0);
		assert_ok!(swap(ALICE, OLD, NEW, Some(net2)));
		let at = System::block_number();
		let interval: u64 = <Test as Config>::HotkeySwapOnSubnetInterval::get();
		// Another subnet is free; net2 again is not, nor a swap on all subnets touching it.
		assert_ok!(swap(ALICE, OLD, HOT_D, Some(net1)));
		assert_noop!(
			swap(ALICE, NEW, HOT_B, Some(net2)),
			Error::<Test>::HotKeySwapOnSubnetIntervalNotPassed
		);
		assert_noop!(
			swap(ALICE, NEW, HOT_B, None),
			Error::<Test>::HotKeySwapOnSubnetIntervalNotPassed
		);
		run_to_block(at + interval + 1);
		assert_ok!(swap(ALICE, NEW, HOT_B, None));
	});
}

#[test]
fn every_bad_swap_fails_with_its_own_error_and_writes_nothing() {
	rich_ext().with_balances(&[(999, TAO)]).build_and_execute(|| {
		let (net1, net2) = rich_state();
		// Not the owner of the old hotkey; the new hotkey owned by someone else.
		assert_noop!(swap(BOB, OLD, NEW, None), Error::<Test>::NonAssociatedColdKey);
		assert_noop!(swap(ALICE, OLD, HOT_C, None), Error::<Test>::NonAssociatedColdKey);
		assert_noop!(swap(ALICE, NEW, HOT_D, None), Error::<Test>::NonAssociatedColdKey);
		assert_noop!(swap(ALICE, OLD, OLD, None), Error::<Test>::NewHotKeyIsSameWithOld);
		assert_noop!(swap(ALICE, OLD, NEW, Some(77)), Error::<Test>::SubnetNotExists);
		// A hotkey of Alice registered on net1 only.
		SubtensorModule::set_max_registrations_per_block(net1, 5);
		assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(ALICE), net1, HOT_D));
		assert_noop!(swap(ALICE, OLD, HOT_D, None), Error::<Test>::HotKeyAlreadyRegisteredInSubNet);
		assert_noop!(
			swap(ALICE, OLD, HOT_D, Some(net1)),
			Error::<Test>::HotKeyAlreadyRegisteredInSubNet
		);
		// HOT_D holds stake on net2 (not registered there): pools are not merged.
		assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(BOB), HOT_D, net2, TAO));
		assert_noop!(swap(ALICE, OLD, HOT_D, Some(net2)), Error::<Test>::NewHotKeyHasStake);
		// A coldkey that cannot pay: it registered its hotkey, then spent almost everything.
		let poor = 999;
		assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(poor), net2, 555));
		let left = Balances::free_balance(poor) - 1_000;
		assert_ok!(Balances::transfer_keep_alive(RuntimeOrigin::signed(poor), CHARLIE, left));
		assert_noop!(
			swap(poor, 555, 556, Some(net2)),
			Error::<Test>::NotEnoughBalanceToPaySwapHotKey
		);
		assert_noop!(swap(poor, 555, 556, None), Error::<Test>::NotEnoughBalanceToPaySwapHotKey);
		// The rate limits: after one swap, the next fails and writes nothing.
		assert_ok!(swap(ALICE, OLD, NEW, Some(net2)));
		assert_noop!(swap(ALICE, OLD, 600, None), Error::<Test>::HotKeySetTxRateLimitExceeded);
		SubtensorModule::set_tx_rate_limit(0);
		assert_noop!(
			swap(ALICE, NEW, 600, Some(net2)),
			Error::<Test>::HotKeySwapOnSubnetIntervalNotPassed
		);
	});
}

#[test]
fn a_full_owned_hotkey_list_refuses_a_swap_on_one_subnet() {
	rich_ext().build_and_execute(|| {
		let (_net1, net2) = rich_state();
		let room =
			<MaxOwnedHotkeys as Get<u32>>::get() as usize - OwnedHotkeys::<Test>::get(ALICE).len();
		for h in 0..room as u64 {
			SubtensorModule::create_account_if_non_existent(&ALICE, &(10_000 + h)).unwrap();
		}
		assert_noop!(swap(ALICE, OLD, NEW, Some(net2)), Error::<Test>::TooManyOwnedHotkeys);
		// On all subnets the new hotkey takes the old one's place: no room needed.
		assert_ok!(swap(ALICE, OLD, NEW, None));
		assert_account_gone(OLD);
	});
}

#[test]
fn more_positions_than_the_bound_are_refused() {
	let stakers: Vec<(u64, u64)> =
		(0..=u64::from(MAX_SWAP_STAKE_POSITIONS)).map(|i| (50_000 + i, TAO)).collect();
	rich_ext().with_balances(&stakers).build_and_execute(|| {
		let (net1, _net2) = rich_state();
		// rich_state made 6 positions on OLD; enough more to pass the bound.
		for (c, _) in stakers.iter().take(MAX_SWAP_STAKE_POSITIONS as usize) {
			assert_ok!(SubtensorModule::add_stake(
				RuntimeOrigin::signed(*c),
				OLD,
				net1,
				5 * MIN_STAKE
			));
		}
		assert_noop!(swap(ALICE, OLD, NEW, None), Error::<Test>::TooManyStakePositionsToSwap);
		assert_noop!(swap(ALICE, OLD, NEW, Some(net1)), Error::<Test>::TooManyStakePositionsToSwap);
	});
}

#[test]
fn the_weight_is_refunded_to_the_work_done() {
	rich_ext().build_and_execute(|| {
		let (_net1, net2) = rich_state();
		let post = swap(ALICE, OLD, NEW, Some(net2)).unwrap();
		let full = <() as WeightInfo>::swap_hotkey(MAX_SWAP_SUBNETS, MAX_SWAP_STAKE_POSITIONS);
		let done = <() as WeightInfo>::swap_hotkey(1, 2);
		assert_eq!(post.actual_weight, Some(done));
		assert!(done.all_lt(full));
	});
}
