//! Childkeys (issue 14 part 1): `set_children`, the cooldown, inherited stake in the epoch, the
//! dividend split with parents, `set_childkey_take`, full parent lists and dissolution.
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, pallet_prelude::DispatchResult};

const MAX: u64 = u64::MAX;
/// 50 %: `⌊A · 2^63 / (2^64 − 1)⌋ = ⌊A/2⌋` for any stake `A < 2^63`.
const HALF: u64 = 1 << 63;
/// 25 %: `⌊A/4⌋` likewise.
const QUARTER: u64 = 1 << 62;
/// Hotkeys of Charlie's (parents in the parent-list tests).
const FIRST_PARENT: u64 = 20_000;

fn cooldown() -> u64 {
	PendingChildKeyCooldown::<Test>::get()
}

/// Step past the cooldown of a request made now.
fn past_cooldown() {
	run_to_block(System::block_number() + cooldown() + 1);
}

fn own(hotkey: u64) -> u64 {
	TotalHotkeyAlpha::<Test>::get(hotkey, NET)
}

fn stake_on(coldkey: u64, hotkey: u64, tao: u64) {
	assert_ok!(SubtensorModule::add_stake(RuntimeOrigin::signed(coldkey), hotkey, NET, tao));
}

/// A started subnet `NET` (Alice's, owner hotkey `HOT_A`) with Bob's hotkeys `HOT_B` (100 TAO
/// staked) and `HOT_C` (10 TAO), and Charlie's `HOT_D` (30 TAO), all registered; tempo 4.
fn with_hotkeys(test: impl FnOnce()) {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10_000 * TAO), (CHARLIE, 10_000 * TAO)])
		.build_and_execute(|| {
			start_subnet(ALICE, HOT_A);
			SubtensorModule::set_max_registrations_per_block(NET, 20);
			SubtensorModule::set_target_registrations_per_interval(NET, 20);
			assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_B));
			assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_C));
			assert_ok!(SubtensorModule::burned_register(
				RuntimeOrigin::signed(CHARLIE),
				NET,
				HOT_D
			));
			stake_on(BOB, HOT_B, 100 * TAO);
			stake_on(BOB, HOT_C, 10 * TAO);
			stake_on(CHARLIE, HOT_D, 30 * TAO);
			SubtensorModule::set_tempo_unchecked(NET, 4);
			SubtensorModule::set_weights_set_rate_limit(NET, 0);
			SubtensorModule::set_min_allowed_weights(NET, 1);
			// The fast-blocks cooldown (7,200 blocks otherwise), to keep the tests quick.
			PendingChildKeyCooldown::<Test>::put(15);
			run_to_block(System::block_number() + 1);
			test();
		});
}

fn set_children(coldkey: u64, hotkey: u64, children: Vec<(u64, u64)>) -> DispatchResult {
	SubtensorModule::set_children(RuntimeOrigin::signed(coldkey), hotkey, NET, children)
}

#[test]
fn children_take_effect_after_the_cooldown_and_mirror_each_other() {
	with_hotkeys(|| {
		let now = System::block_number();
		assert_ok!(set_children(BOB, HOT_B, vec![(HALF, HOT_C), (QUARTER, HOT_D)]));
		let (pending, cooldown_block) = PendingChildKeys::<Test>::get(NET, HOT_B).unwrap();
		assert_eq!(pending.into_inner(), vec![(HALF, HOT_C), (QUARTER, HOT_D)]);
		assert_eq!(cooldown_block, now + cooldown());
		System::assert_has_event(
			Event::SetChildrenScheduled(
				HOT_B,
				NET,
				now + cooldown(),
				vec![(HALF, HOT_C), (QUARTER, HOT_D)],
			)
			.into(),
		);
		// Not yet: the cooldown block itself still has no children.
		run_to_block(now + cooldown());
		assert!(SubtensorModule::get_children(&HOT_B, NET).is_empty());
		run_to_block(now + cooldown() + 1);
		assert_eq!(
			SubtensorModule::get_children(&HOT_B, NET),
			vec![(HALF, HOT_C), (QUARTER, HOT_D)]
		);
		assert_eq!(SubtensorModule::get_parents(&HOT_C, NET), vec![(HALF, HOT_B)]);
		assert_eq!(SubtensorModule::get_parents(&HOT_D, NET), vec![(QUARTER, HOT_B)]);
		assert!(PendingChildKeys::<Test>::get(NET, HOT_B).is_none());
		System::assert_has_event(
			Event::SetChildren(HOT_B, NET, vec![(HALF, HOT_C), (QUARTER, HOT_D)]).into(),
		);
	});
}

/// Inherited stake by hand: the parent lends ⌊A/2⌋ and ⌊A/4⌋ and keeps the rest; each child
/// adds its part to its own stake; the total is unchanged; the epoch counts exactly these.
#[test]
fn inherited_stake_of_a_parent_with_two_children() {
	with_hotkeys(|| {
		assert_ok!(set_children(BOB, HOT_B, vec![(HALF, HOT_C), (QUARTER, HOT_D)]));
		past_cooldown();
		// (Own stakes as of now: the epochs during the cooldown paid dividends.)
		let (a, c, d) = (own(HOT_B), own(HOT_C), own(HOT_D));
		let inherited = |h| SubtensorModule::inherited_stake(&h, NET).alpha;
		assert_eq!(inherited(HOT_B), a - a / 2 - a / 4);
		assert_eq!(inherited(HOT_C), c + a / 2);
		assert_eq!(inherited(HOT_D), d + a / 4);
		assert_eq!(inherited(HOT_B) + inherited(HOT_C) + inherited(HOT_D), a + c + d);
		let inputs = SubtensorModule::epoch_inputs(NET);
		for h in [HOT_B, HOT_C, HOT_D] {
			let uid = usize::from(Uids::<Test>::get(NET, h).unwrap());
			assert_eq!(inputs.alpha_stake[uid], inherited(h));
		}
		// The weight threshold uses the same stake.
		assert_eq!(SubtensorModule::stake_weight_of(&HOT_C, NET), u128::from(c + a / 2));
	});
}

/// B is A's child (50 %) and C's parent (100 %): B keeps what A lends it but lends all of its
/// own stake to C; C receives B's own stake only (one level), not what B inherited.
#[test]
fn a_child_that_is_also_a_parent() {
	with_hotkeys(|| {
		assert_ok!(set_children(CHARLIE, HOT_D, vec![(HALF, HOT_B)]));
		assert_ok!(set_children(BOB, HOT_B, vec![(MAX, HOT_C)]));
		past_cooldown();
		let (b, c, d) = (own(HOT_B), own(HOT_C), own(HOT_D));
		let inherited = |h| SubtensorModule::inherited_stake(&h, NET).alpha;
		assert_eq!(inherited(HOT_D), d - d / 2);
		assert_eq!(inherited(HOT_B), d / 2);
		assert_eq!(inherited(HOT_C), c + b);
		// C cannot now name B (its parent) as a child: no two-way links.
		assert_noop!(
			set_children(BOB, HOT_C, vec![(HALF, HOT_B)]),
			Error::<Test>::ChildParentInconsistency
		);
	});
}

#[test]
fn an_empty_list_revokes_every_child() {
	with_hotkeys(|| {
		assert_ok!(set_children(BOB, HOT_B, vec![(HALF, HOT_C), (QUARTER, HOT_D)]));
		past_cooldown();
		run_to_block(System::block_number() + SET_CHILDREN_RATE_LIMIT);
		assert_ok!(set_children(BOB, HOT_B, vec![]));
		past_cooldown();
		assert!(!ChildKeys::<Test>::contains_key(HOT_B, NET));
		assert!(!ParentKeys::<Test>::contains_key(HOT_C, NET));
		assert!(!ParentKeys::<Test>::contains_key(HOT_D, NET));
		assert!(!SubnetParentKeys::<Test>::contains_key(NET, HOT_B));
		assert_eq!(SubtensorModule::inherited_stake(&HOT_B, NET).alpha, own(HOT_B));
	});
}

#[test]
fn a_later_request_replaces_a_pending_one() {
	with_hotkeys(|| {
		// A cooldown longer than the rate limit, so that a second request can come first.
		assert_ok!(SubtensorModule::set_pending_childkey_cooldown(RuntimeOrigin::root(), 200));
		System::assert_has_event(Event::PendingChildKeyCooldownSet(200).into());
		assert_ok!(set_children(BOB, HOT_B, vec![(HALF, HOT_C)]));
		run_to_block(System::block_number() + SET_CHILDREN_RATE_LIMIT);
		assert_ok!(set_children(BOB, HOT_B, vec![(QUARTER, HOT_D)]));
		// The first request's due block passes without effect; the second applies.
		run_to_block(System::block_number() + 60);
		assert!(SubtensorModule::get_children(&HOT_B, NET).is_empty());
		past_cooldown();
		assert_eq!(SubtensorModule::get_children(&HOT_B, NET), vec![(QUARTER, HOT_D)]);
		assert!(!ParentKeys::<Test>::contains_key(HOT_C, NET));
	});
}

#[test]
fn before_the_start_call_children_apply_at_once() {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10_000 * TAO)])
		.build_and_execute(|| {
			let net = add_subnet(ALICE, HOT_A);
			SubtensorModule::create_account_if_non_existent(&BOB, &HOT_B).unwrap();
			assert_ok!(SubtensorModule::set_children(
				RuntimeOrigin::signed(ALICE),
				HOT_A,
				net,
				vec![(HALF, HOT_B)]
			));
			assert_eq!(SubtensorModule::get_children(&HOT_A, net), vec![(HALF, HOT_B)]);
			assert!(PendingChildKeys::<Test>::get(net, HOT_A).is_none());
		});
}

/// Every check refuses with its own error and changes nothing.
#[test]
fn every_bad_request_is_refused_and_changes_nothing() {
	with_hotkeys(|| {
		let root = || sp_io::storage::root(sp_runtime::StateVersion::V1);
		let before = root();
		let six: Vec<(u64, u64)> = (0..6).map(|i| (1, FIRST_PARENT + i)).collect();
		for (coldkey, hotkey, netuid, children, error) in [
			(BOB, HOT_B, ROOT_NETUID, vec![], Error::<Test>::RegistrationNotPermittedOnRootSubnet),
			(BOB, HOT_B, 9, vec![], Error::<Test>::SubnetNotExists),
			(BOB, 999, NET, vec![], Error::<Test>::HotKeyAccountNotExists),
			(CHARLIE, HOT_B, NET, vec![], Error::<Test>::NonAssociatedColdKey),
			(BOB, HOT_B, NET, six, Error::<Test>::TooManyChildren),
			(BOB, HOT_B, NET, vec![(HALF, HOT_B)], Error::<Test>::InvalidChild),
			(BOB, HOT_B, NET, vec![(1, HOT_C), (2, HOT_C)], Error::<Test>::DuplicateChild),
			(BOB, HOT_B, NET, vec![(MAX, HOT_C), (1, HOT_D)], Error::<Test>::ProportionOverflow),
		] {
			assert_noop!(
				SubtensorModule::set_children(
					RuntimeOrigin::signed(coldkey),
					hotkey,
					netuid,
					children
				),
				error
			);
			assert_eq!(root(), before);
		}
		// The stake threshold (the subnet owner's hotkey is exempt; revoking always works).
		SubtensorModule::set_stake_threshold(1_000 * TAO);
		assert_noop!(
			set_children(BOB, HOT_B, vec![(HALF, HOT_C)]),
			Error::<Test>::NotEnoughStakeToSetChildkeys
		);
		assert_ok!(set_children(ALICE, HOT_A, vec![(HALF, HOT_C)]));
		assert_ok!(set_children(BOB, HOT_B, vec![]));
		// The rate limit: once per SET_CHILDREN_RATE_LIMIT blocks per hotkey and subnet.
		assert_noop!(set_children(BOB, HOT_B, vec![]), Error::<Test>::TxRateLimitExceeded);
		run_to_block(System::block_number() + SET_CHILDREN_RATE_LIMIT);
		assert_ok!(set_children(BOB, HOT_B, vec![]));
	});
}

/// The dividend split by hand: Charlie's `HOT_D` lends all its stake to Bob's `HOT_B`, whose
/// childkey take is the maximum; a dividend of 1,000,000 is shared by contribution.
#[test]
fn dividends_flow_back_to_parents_less_the_childkey_take() {
	with_hotkeys(|| {
		assert_ok!(SubtensorModule::set_childkey_take(
			RuntimeOrigin::signed(BOB),
			HOT_B,
			NET,
			11_796
		));
		assert_ok!(set_children(CHARLIE, HOT_D, vec![(MAX, HOT_B)]));
		past_cooldown();
		let (b, d) = (u128::from(own(HOT_B)), u128::from(own(HOT_D)));
		let (parts, burned) = SubtensorModule::split_dividend(&HOT_B, NET, 1_000_000);
		let gross = (1_000_000 * d / (b + d)) as u64;
		let take = (u128::from(gross) * 11_796 / 65_535) as u64;
		assert_eq!(parts, vec![(HOT_D, gross - take), (HOT_B, 1_000_000 - gross + take)]);
		assert_eq!(burned, 0);
		// Half burned (CKBurn 50 %): the parent loses the burn too.
		SubtensorModule::set_ck_burn(HALF);
		let (parts, burned) = SubtensorModule::split_dividend(&HOT_B, NET, 1_000_000);
		let burn = gross / 2;
		assert_eq!(burned, burn);
		assert_eq!(parts[0], (HOT_D, gross - burn - take));
		SubtensorModule::set_ck_burn(0);
		// A parent of the same owner pays no take: Bob's HOT_C lends to HOT_B too.
		run_to_block(System::block_number() + SET_CHILDREN_RATE_LIMIT);
		assert_ok!(set_children(BOB, HOT_C, vec![(MAX, HOT_B)]));
		past_cooldown();
		let (b, c, d) = (u128::from(own(HOT_B)), u128::from(own(HOT_C)), u128::from(own(HOT_D)));
		let (parts, _) = SubtensorModule::split_dividend(&HOT_B, NET, 1_000_000);
		let gross_c = (1_000_000 * c / (b + c + d)) as u64;
		assert!(parts.contains(&(HOT_C, gross_c)));
	});
}

/// End to end: the child validates with the parent's stake, and at its epoch the parent's
/// hotkey is paid a dividend for it; all dividends together are the validator pot.
#[test]
fn at_the_epoch_the_parent_is_paid_through_its_child() {
	with_hotkeys(|| {
		assert_ok!(set_children(CHARLIE, HOT_D, vec![(MAX, HOT_B)]));
		past_cooldown();
		let uid_c = Uids::<Test>::get(NET, HOT_C).unwrap();
		let before_d = own(HOT_D);
		// Bob's validator weights the miner HOT_C; run two epochs.
		for _ in 0..2 {
			assert_ok!(SubtensorModule::set_weights(
				RuntimeOrigin::signed(HOT_B),
				NET,
				vec![uid_c],
				vec![1],
				0
			));
			run_to_block(System::block_number() + 5);
		}
		let paid_d = AlphaDividendsPerSubnet::<Test>::get(NET, HOT_D);
		let paid_b = AlphaDividendsPerSubnet::<Test>::get(NET, HOT_B);
		assert!(paid_d > 0 && paid_b > 0, "both the child and its parent earn");
		// HOT_D lends all it has: it has no stake weight of its own, yet its pool grew.
		assert_eq!(SubtensorModule::inherited_stake(&HOT_D, NET).alpha, 0);
		assert!(own(HOT_D) > before_d);
		// The parent's part follows its contribution: D has 30 % of B's 100 + 30 TAO
		// (less take 0), so about 3/13 of what B and D earned together.
		let ratio = paid_d as f64 / (paid_d + paid_b) as f64;
		let expected = before_d as f64 / (before_d + own(HOT_B)) as f64;
		assert!((ratio - expected).abs() < 0.05, "ratio {ratio} vs {expected}");
	});
}

/// A child's parent list is bounded: a ninth parent replaces the weakest only if it has more
/// stake weight; otherwise that link is not made.
#[test]
fn a_full_parent_list_gives_way_only_to_a_stronger_parent() {
	with_hotkeys(|| {
		let parents: Vec<u64> = (0..MAX_PARENTS as u64 + 1).map(|i| FIRST_PARENT + i).collect();
		for (i, p) in parents.iter().enumerate() {
			SubtensorModule::create_account_if_non_existent(&CHARLIE, p).unwrap();
			stake_on(CHARLIE, *p, (i as u64 + 1) * TAO);
		}
		// Eight parents, stakes 1..=8 TAO.
		for p in parents.iter().take(MAX_PARENTS as usize) {
			assert_ok!(set_children(CHARLIE, *p, vec![(HALF, HOT_C)]));
		}
		past_cooldown();
		assert_eq!(ParentKeys::<Test>::get(HOT_C, NET).len(), MAX_PARENTS as usize);
		// The ninth (9 TAO) replaces the weakest (1 TAO).
		let ninth = parents[MAX_PARENTS as usize];
		assert_ok!(set_children(CHARLIE, ninth, vec![(HALF, HOT_C)]));
		past_cooldown();
		let now: Vec<u64> = ParentKeys::<Test>::get(HOT_C, NET).iter().map(|(_, p)| *p).collect();
		assert!(now.contains(&ninth) && !now.contains(&parents[0]));
		assert!(!ChildKeys::<Test>::contains_key(parents[0], NET));
		System::assert_has_event(Event::ParentKeyReplaced(HOT_C, NET, parents[0], ninth).into());
		// The evicted one (1 TAO) cannot come back: every parent has more.
		run_to_block(System::block_number() + SET_CHILDREN_RATE_LIMIT);
		assert_ok!(set_children(CHARLIE, parents[0], vec![(HALF, HOT_C), (QUARTER, HOT_D)]));
		past_cooldown();
		System::assert_has_event(Event::ChildKeyNotLinked(parents[0], NET, HOT_C).into());
		assert_eq!(SubtensorModule::get_children(&parents[0], NET), vec![(QUARTER, HOT_D)]);
	});
}

#[test]
fn childkey_take_bounds_and_rate_limit() {
	with_hotkeys(|| {
		// (216,000 blocks by default: shortened to keep the test quick.)
		assert_ok!(SubtensorModule::sudo_set_tx_childkey_take_rate_limit(
			RuntimeOrigin::root(),
			20
		));
		let take =
			|t| SubtensorModule::set_childkey_take(RuntimeOrigin::signed(BOB), HOT_B, NET, t);
		assert_noop!(take(11_797), Error::<Test>::InvalidChildkeyTake);
		assert_noop!(
			SubtensorModule::set_childkey_take(RuntimeOrigin::signed(CHARLIE), HOT_B, NET, 1),
			Error::<Test>::NonAssociatedColdKey
		);
		assert_ok!(take(5_000));
		assert_eq!(SubtensorModule::get_childkey_take(&HOT_B, NET), 5_000);
		System::assert_has_event(Event::ChildKeyTakeSet(HOT_B, 5_000).into());
		// A decrease is always allowed; an increase waits for the rate limit.
		assert_ok!(take(4_000));
		assert_noop!(take(4_001), Error::<Test>::TxChildkeyTakeRateLimitExceeded);
		run_to_block(System::block_number() + TxChildkeyTakeRateLimit::<Test>::get());
		assert_ok!(take(4_001));
		// Root's bounds.
		assert_noop!(
			SubtensorModule::sudo_set_min_childkey_take(RuntimeOrigin::root(), 11_797),
			Error::<Test>::InvalidChildkeyTake
		);
		assert_ok!(SubtensorModule::sudo_set_min_childkey_take(RuntimeOrigin::root(), 5_000));
		assert_eq!(SubtensorModule::get_childkey_take(&HOT_B, NET), 5_000, "raised to the min");
		assert_noop!(
			SubtensorModule::sudo_set_max_childkey_take(RuntimeOrigin::root(), 4_999),
			Error::<Test>::InvalidChildkeyTake
		);
		assert_noop!(
			SubtensorModule::sudo_set_max_childkey_take(RuntimeOrigin::signed(BOB), 6_000),
			sp_runtime::DispatchError::BadOrigin
		);
		System::assert_has_event(Event::TxChildKeyTakeRateLimitSet(20).into());
	});
}

/// Dissolving the subnet removes its links and pending requests, in the payout's steps.
#[test]
fn dissolving_a_subnet_removes_its_childkeys() {
	with_hotkeys(|| {
		assert_ok!(set_children(BOB, HOT_B, vec![(HALF, HOT_C)]));
		past_cooldown();
		assert_ok!(set_children(CHARLIE, HOT_D, vec![(HALF, HOT_C)]));
		assert!(PendingChildKeys::<Test>::get(NET, HOT_D).is_some());
		assert_ok!(SubtensorModule::dissolve_network(RuntimeOrigin::root(), ALICE, NET));
		run_to_block(System::block_number() + 3);
		assert!(ChildKeys::<Test>::iter().next().is_none());
		assert!(ParentKeys::<Test>::iter().next().is_none());
		assert!(PendingChildKeys::<Test>::iter().next().is_none());
		assert!(SubnetParentKeys::<Test>::iter().next().is_none());
		// The due entry of the removed request is skipped when its block comes.
		past_cooldown();
		assert!(ChildKeys::<Test>::iter().next().is_none());
	});
}
