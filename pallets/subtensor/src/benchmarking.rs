//! Benchmarks of every call and of the block hook (frame-benchmarking v2), each in its worst
//! case, ending with a check that the work was done.
//!
//! The `#[benchmarks]` expansion times runs with floats and unwraps its own results; that code
//! runs only in the benchmark CLI and tests, never in a block.
#![allow(
	clippy::float_arithmetic,
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Hooks},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{Hash as _, UniqueSaturatedFrom};

const TAO: u64 = 1_000_000_000;
/// Subnets besides root in the worst cases (the default `SubnetLimit`).
const SUBNETS: u32 = 128;
/// UIDs of a full subnet in the worst cases (`MaxAllowedUids` of a new subnet).
const UIDS: u16 = 256;
/// `MaxOwnedHotkeys`: the most hotkeys `set_identity` may have to look at.
const MAX_OWNED_HOTKEYS: u32 = 512;

/// Give `who` `amount` RAO, keeping `TotalIssuance` = balances issuance + stake.
fn fund<T: Config>(who: &T::AccountId, amount: u64) {
	let _ = T::Currency::mint_into(who, amount);
	TotalIssuance::<T>::mutate(|i| *i = i.saturating_add(amount));
}

fn set_block<T: Config>(n: u64) {
	frame_system::Pallet::<T>::set_block_number(BlockNumberFor::<T>::unique_saturated_from(n));
}

/// Register a subnet owned by coldkey `i` at the minimum lock cost (the doubling is reset so
/// that many subnets can be created); returns its netuid.
fn new_subnet<T: Config>(i: u32) -> NetUid {
	let owner: T::AccountId = account("owner", i, 0);
	let hotkey: T::AccountId = account("owner_hotkey", i, 0);
	fund::<T>(&owner, 2_000 * TAO);
	NetworkRateLimit::<T>::put(0);
	NetworkLastLockBlock::<T>::put(0);
	NetworkLastLockCost::<T>::put(NetworkMinLockCost::<T>::get());
	let netuid = Pallet::<T>::get_next_netuid().unwrap();
	Pallet::<T>::do_register_network(&owner, &hotkey, None).unwrap();
	netuid
}

/// Fill `netuid` up to `n` UIDs, each hotkey with an axon and a prometheus endpoint.
fn fill_subnet<T: Config>(netuid: NetUid, n: u16) {
	let owner: T::AccountId = account("neuron_owner", u32::from(netuid), 0);
	for uid in SubnetworkN::<T>::get(netuid)..n {
		let hotkey: T::AccountId = account("neuron", u32::from(uid), u32::from(netuid));
		Pallet::<T>::create_account_if_non_existent(&owner, &hotkey).unwrap();
		Pallet::<T>::append_neuron(netuid, &hotkey, 1).unwrap();
		Axons::<T>::insert(netuid, &hotkey, AxonInfo::default());
		Prometheus::<T>::insert(netuid, &hotkey, PrometheusInfo::default());
	}
}

/// Subnets (and items) of the batch benchmarks.
const BATCH: u32 = 16;
/// UIDs of each subnet in the batch benchmarks.
const BATCH_UIDS: u16 = 16;

/// A validator hotkey (UID 1, with a permit) on `n` new subnets of `uids` UIDs each, without
/// a weights rate limit; returns it and the netuids.
fn validator_on_subnets<T: Config>(n: u32, uids: u16) -> (T::AccountId, alloc::vec::Vec<NetUid>) {
	set_block::<T>(1);
	let validator: T::AccountId = account("validator", 0, 0);
	let coldkey: T::AccountId = account("validator_cold", 0, 0);
	let mut netuids = alloc::vec::Vec::new();
	for i in 0..n {
		let netuid = new_subnet::<T>(i);
		Pallet::<T>::create_account_if_non_existent(&coldkey, &validator).unwrap();
		Pallet::<T>::append_neuron(netuid, &validator, 1).unwrap();
		fill_subnet::<T>(netuid, uids);
		ValidatorPermit::<T>::insert(
			netuid,
			BoundedVec::truncate_from(vec![true; usize::from(uids)]),
		);
		WeightsSetRateLimit::<T>::insert(netuid, 0);
		netuids.push(netuid);
	}
	set_block::<T>(10);
	(validator, netuids)
}

/// Commit-reveal on for `netuid`, and `count` commits of `validator` made one epoch ago (so
/// revealable now), the `i`-th for the row `(0..uids)` with values `i + 1` and salt `[i]`.
fn revealable_commits<T: Config>(
	validator: &T::AccountId,
	netuid: NetUid,
	count: u32,
	uids: u16,
) -> alloc::vec::Vec<(alloc::vec::Vec<u16>, alloc::vec::Vec<u16>, alloc::vec::Vec<u16>)> {
	CommitRevealWeightsEnabled::<T>::insert(netuid, true);
	SubnetEpochIndex::<T>::insert(netuid, 5);
	let epoch = Pallet::<T>::current_epoch_with_lookahead(netuid) - 1;
	let mut queue = alloc::vec::Vec::new();
	let mut items = alloc::vec::Vec::new();
	for i in 0..count {
		let dests: alloc::vec::Vec<u16> = (0..uids).collect();
		let values: alloc::vec::Vec<u16> = (0..uids).map(|_| i as u16 + 1).collect();
		let salt = vec![i as u16];
		let hash = Pallet::<T>::get_commit_hash(validator, netuid, &dests, &values, &salt, 0);
		queue.push((hash, epoch, 2, 0));
		items.push((dests, values, salt));
	}
	WeightCommits::<T>::insert(netuid, validator, BoundedVec::truncate_from(queue));
	items
}

/// A full identity: every field at its longest valid length.
fn full_identity() -> SubnetIdentityV3 {
	let short = vec![b'n'; types::MAX_IDENTITY_SHORT_FIELD];
	let long = vec![b'x'; types::MAX_IDENTITY_FIELD as usize];
	SubnetIdentityV3 {
		subnet_name: short.clone().try_into().unwrap(),
		github_repo: long.clone().try_into().unwrap(),
		subnet_contact: long.clone().try_into().unwrap(),
		subnet_url: long.clone().try_into().unwrap(),
		discord: short.try_into().unwrap(),
		description: long.clone().try_into().unwrap(),
		logo_url: long.clone().try_into().unwrap(),
		additional: long.try_into().unwrap(),
	}
}

/// `SUBNETS` subnets, the first one full of UIDs and past every immunity: the next
/// registration must scan them all and dissolve the first.
fn full_subnet_set<T: Config>() -> NetUid {
	set_block::<T>(1);
	for i in 0..SUBNETS {
		new_subnet::<T>(i);
	}
	fill_subnet::<T>(1, UIDS);
	SubnetLimit::<T>::put(u16::try_from(SUBNETS).unwrap());
	NetworkImmunityPeriod::<T>::put(0);
	set_block::<T>(10);
	1
}

/// A subnet with staking open (its start call made).
fn started_subnet<T: Config>(i: u32) -> NetUid {
	let netuid = new_subnet::<T>(i);
	SubtokenEnabled::<T>::insert(netuid, true);
	FirstEmissionBlockNumber::<T>::insert(netuid, 1);
	netuid
}

/// The owner hotkey of the subnet made by `new_subnet::<T>(i)` (it exists, so it can be
/// staked to).
fn owner_hotkey<T: Config>(i: u32) -> T::AccountId {
	account("owner_hotkey", i, 0)
}

/// `nominators` other coldkeys staked on `hotkey` in `netuid`, so the hotkey's share pool is
/// not trivial.
fn nominate<T: Config>(hotkey: &T::AccountId, netuid: NetUid, nominators: u32) {
	for n in 0..nominators {
		let c: T::AccountId = account("nominator", n, u32::from(netuid));
		fund::<T>(&c, 100 * TAO);
		Pallet::<T>::do_add_stake(&c, hotkey, netuid, 10 * TAO, None).unwrap();
	}
}

/// A staker with `tao` staked on `hotkey` in `netuid`, the rate limiter cleared.
fn staker<T: Config>(hotkey: &T::AccountId, netuid: NetUid, tao: u64) -> T::AccountId {
	let c: T::AccountId = account("staker", 0, 0);
	fund::<T>(&c, tao.saturating_mul(2));
	Pallet::<T>::do_add_stake(&c, hotkey, netuid, tao, None).unwrap();
	Pallet::<T>::clear_staking_rate_limiter();
	c
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_network() {
		let pruned = full_subnet_set::<T>();
		let coldkey: T::AccountId = account("new_owner", 0, 0);
		let hotkey: T::AccountId = account("new_hotkey", 0, 0);
		fund::<T>(&coldkey, 10_000 * TAO);
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey);
		assert_eq!(SubnetOwner::<T>::get(pruned), Some(coldkey));
		assert_eq!(SubnetworkN::<T>::get(pruned), 1);
	}

	#[benchmark]
	fn register_network_with_identity() {
		let pruned = full_subnet_set::<T>();
		let coldkey: T::AccountId = account("new_owner", 0, 0);
		let hotkey: T::AccountId = account("new_hotkey", 0, 0);
		fund::<T>(&coldkey, 10_000 * TAO);
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey, Some(full_identity()));
		assert_eq!(SubnetOwner::<T>::get(pruned), Some(coldkey));
		assert!(SubnetIdentitiesV3::<T>::contains_key(pruned));
	}

	#[benchmark]
	fn dissolve_network() {
		set_block::<T>(1);
		let netuid = new_subnet::<T>(0);
		fill_subnet::<T>(netuid, UIDS);
		SubnetIdentitiesV3::<T>::insert(netuid, full_identity());
		let coldkey: T::AccountId = account("owner", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Root, coldkey, netuid);
		assert!(!NetworksAdded::<T>::get(netuid));
		assert_eq!(Keys::<T>::iter_prefix(netuid).count(), 0);
	}

	#[benchmark]
	fn set_subnet_identity() {
		set_block::<T>(1);
		let netuid = new_subnet::<T>(0);
		let owner: T::AccountId = account("owner", 0, 0);
		let id = full_identity();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(owner),
			netuid,
			id.subnet_name.to_vec(),
			id.github_repo.to_vec(),
			id.subnet_contact.to_vec(),
			id.subnet_url.to_vec(),
			id.discord.to_vec(),
			id.description.to_vec(),
			id.logo_url.to_vec(),
			id.additional.to_vec(),
		);
		assert_eq!(SubnetIdentitiesV3::<T>::get(netuid), Some(full_identity()));
	}

	#[benchmark]
	fn start_call() {
		set_block::<T>(1);
		let netuid = new_subnet::<T>(0);
		let owner: T::AccountId = account("owner", 0, 0);
		set_block::<T>(1 + StartCallDelay::<T>::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), netuid);
		assert!(SubtokenEnabled::<T>::get(netuid));
	}

	#[benchmark]
	fn update_symbol() {
		set_block::<T>(1);
		for i in 0..SUBNETS {
			new_subnet::<T>(i);
		}
		let owner: T::AccountId = account("owner", 0, 0);
		// The last entry of the table: every other subnet's symbol is compared with it.
		let symbol = SYMBOLS[SYMBOLS.len() - 1].to_vec();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), 1, symbol.clone());
		assert_eq!(TokenSymbol::<T>::get(1).into_inner(), symbol);
	}

	#[benchmark]
	fn burned_register() {
		set_block::<T>(1);
		let netuid = new_subnet::<T>(0);
		fill_subnet::<T>(netuid, UIDS);
		ImmunityPeriod::<T>::insert(netuid, 0);
		set_block::<T>(10);
		let coldkey: T::AccountId = account("registrant", 0, 0);
		let hotkey: T::AccountId = account("registrant_hotkey", 0, 0);
		fund::<T>(&coldkey, 1_000 * TAO);
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey), netuid, hotkey.clone());
		// A full subnet: a UID was replaced.
		assert_eq!(SubnetworkN::<T>::get(netuid), UIDS);
		assert!(Uids::<T>::contains_key(netuid, &hotkey));
	}

	#[benchmark]
	fn serve_axon() {
		set_block::<T>(1);
		let netuid = new_subnet::<T>(0);
		let hotkey: T::AccountId = account("owner_hotkey", 0, 0);
		Axons::<T>::insert(netuid, &hotkey, AxonInfo { block: 1, ..Default::default() });
		set_block::<T>(1 + ServingRateLimit::<T>::get(netuid));
		#[extrinsic_call]
		_(RawOrigin::Signed(hotkey.clone()), netuid, 1, 0x0a00_0001, 8091, 4, 4, 0, 0);
		assert_eq!(Axons::<T>::get(netuid, &hotkey).map(|a| a.port), Some(8091));
	}

	#[benchmark]
	fn serve_prometheus() {
		set_block::<T>(1);
		let netuid = new_subnet::<T>(0);
		let hotkey: T::AccountId = account("owner_hotkey", 0, 0);
		Prometheus::<T>::insert(netuid, &hotkey, PrometheusInfo { block: 1, ..Default::default() });
		set_block::<T>(1 + ServingRateLimit::<T>::get(netuid));
		#[extrinsic_call]
		_(RawOrigin::Signed(hotkey.clone()), netuid, 1, 0x0a00_0001, 9090, 4);
		assert_eq!(Prometheus::<T>::get(netuid, &hotkey).map(|p| p.port), Some(9090));
	}

	/// The hook with `n` subnets besides root, every one at the end of its interval.
	#[benchmark]
	fn adjust_registration_terms(n: Linear<1, SUBNETS>) {
		set_block::<T>(1);
		for i in 0..n {
			new_subnet::<T>(i);
		}
		let block = 1 + u64::from(AdjustmentInterval::<T>::get(1));
		set_block::<T>(block);
		#[block]
		{
			Pallet::<T>::on_initialize(BlockNumberFor::<T>::unique_saturated_from(block));
		}
		assert_eq!(LastAdjustmentBlock::<T>::get(1), block);
		assert_eq!(LastAdjustmentBlock::<T>::get(NetUid::try_from(n).unwrap()), block);
	}

	/// `n` emitting subnets.
	#[benchmark]
	fn update_moving_prices(n: Linear<1, SUBNETS>) {
		set_block::<T>(1);
		for i in 0..n {
			started_subnet::<T>(i);
		}
		set_block::<T>(1_000);
		let updated;
		#[block]
		{
			let emitting = Pallet::<T>::subnets_to_emit_to();
			updated = Pallet::<T>::update_moving_prices(&emitting);
		}
		assert_eq!(updated, n);
		assert!(SubnetMovingPrice::<T>::get(1) > substrate_fixed::types::I96F32::from_bits(0));
	}

	#[benchmark]
	fn add_stake() {
		set_block::<T>(1);
		let netuid = started_subnet::<T>(0);
		let hotkey = owner_hotkey::<T>(0);
		nominate::<T>(&hotkey, netuid, 3);
		let coldkey: T::AccountId = account("staker", 0, 0);
		fund::<T>(&coldkey, 1_000 * TAO);
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), netuid, 100 * TAO);
		assert!(Pallet::<T>::stake_of(&hotkey, &coldkey, netuid) > 0);
	}

	#[benchmark]
	fn add_stake_limit() {
		set_block::<T>(1);
		let netuid = started_subnet::<T>(0);
		let hotkey = owner_hotkey::<T>(0);
		nominate::<T>(&hotkey, netuid, 3);
		let coldkey: T::AccountId = account("staker", 0, 0);
		fund::<T>(&coldkey, 1_000 * TAO);
		let limit = 2 * TAO;
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), netuid, 1_000 * TAO, limit, true);
		assert!(Pallet::<T>::stake_of(&hotkey, &coldkey, netuid) > 0);
		assert!(Pallet::<T>::current_alpha_price(netuid) <= limit);
	}

	#[benchmark]
	fn remove_stake() {
		set_block::<T>(1);
		let netuid = started_subnet::<T>(0);
		let hotkey = owner_hotkey::<T>(0);
		nominate::<T>(&hotkey, netuid, 3);
		let coldkey = staker::<T>(&hotkey, netuid, 100 * TAO);
		let held = Pallet::<T>::stake_of(&hotkey, &coldkey, netuid);
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), netuid, held / 2);
		assert!(Pallet::<T>::stake_of(&hotkey, &coldkey, netuid) < held);
	}

	#[benchmark]
	fn remove_stake_limit() {
		set_block::<T>(1);
		let netuid = started_subnet::<T>(0);
		let hotkey = owner_hotkey::<T>(0);
		nominate::<T>(&hotkey, netuid, 3);
		let coldkey = staker::<T>(&hotkey, netuid, 100 * TAO);
		let held = Pallet::<T>::stake_of(&hotkey, &coldkey, netuid);
		let limit = Pallet::<T>::current_alpha_price(netuid) / 2;
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), netuid, held / 2, limit, true);
		assert!(Pallet::<T>::stake_of(&hotkey, &coldkey, netuid) < held);
	}

	/// A position on root and on every one of `SUBNETS` subnets.
	#[benchmark]
	fn unstake_all() {
		set_block::<T>(1);
		let hotkey = owner_hotkey::<T>(0);
		let coldkey: T::AccountId = account("staker", 0, 0);
		fund::<T>(&coldkey, 1_000 * TAO);
		for i in 0..SUBNETS {
			let netuid = started_subnet::<T>(i);
			Pallet::<T>::do_add_stake(&coldkey, &hotkey, netuid, TAO, None).unwrap();
		}
		Pallet::<T>::do_add_stake(&coldkey, &hotkey, ROOT_NETUID, TAO, None).unwrap();
		Pallet::<T>::clear_staking_rate_limiter();
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey.clone());
		assert!(Pallet::<T>::staked_netuids(&hotkey, &coldkey).is_empty());
	}

	/// Across two dynamic subnets, to a hotkey with nominators.
	#[benchmark]
	fn move_stake() {
		set_block::<T>(1);
		let origin = started_subnet::<T>(0);
		let destination = started_subnet::<T>(1);
		let from = owner_hotkey::<T>(0);
		let to = owner_hotkey::<T>(1);
		nominate::<T>(&to, destination, 3);
		let coldkey = staker::<T>(&from, origin, 100 * TAO);
		let held = Pallet::<T>::stake_of(&from, &coldkey, origin);
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), from, to.clone(), origin, destination, held / 2);
		assert!(Pallet::<T>::stake_of(&to, &coldkey, destination) > 0);
	}

	#[benchmark]
	fn transfer_stake() {
		set_block::<T>(1);
		let origin = started_subnet::<T>(0);
		let destination = started_subnet::<T>(1);
		let hotkey = owner_hotkey::<T>(0);
		let coldkey = staker::<T>(&hotkey, origin, 100 * TAO);
		let receiver: T::AccountId = account("receiver", 0, 0);
		let held = Pallet::<T>::stake_of(&hotkey, &coldkey, origin);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(coldkey),
			receiver.clone(),
			hotkey.clone(),
			origin,
			destination,
			held / 2,
		);
		assert!(Pallet::<T>::stake_of(&hotkey, &receiver, destination) > 0);
	}

	#[benchmark]
	fn swap_stake() {
		set_block::<T>(1);
		let origin = started_subnet::<T>(0);
		let destination = started_subnet::<T>(1);
		let hotkey = owner_hotkey::<T>(0);
		nominate::<T>(&hotkey, destination, 3);
		let coldkey = staker::<T>(&hotkey, origin, 100 * TAO);
		let held = Pallet::<T>::stake_of(&hotkey, &coldkey, origin);
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), origin, destination, held / 2);
		assert!(Pallet::<T>::stake_of(&hotkey, &coldkey, destination) > 0);
	}

	#[benchmark]
	fn increase_take() {
		set_block::<T>(1);
		new_subnet::<T>(0);
		let owner: T::AccountId = account("owner", 0, 0);
		let hotkey = owner_hotkey::<T>(0);
		Delegates::<T>::insert(&hotkey, 0);
		LastTxBlockDelegateTake::<T>::insert(&hotkey, 1);
		set_block::<T>(1 + TxDelegateTakeRateLimit::<T>::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), hotkey.clone(), MaxDelegateTake::<T>::get());
		assert_eq!(Delegates::<T>::get(&hotkey), MaxDelegateTake::<T>::get());
	}

	#[benchmark]
	fn decrease_take() {
		set_block::<T>(1);
		new_subnet::<T>(0);
		let owner: T::AccountId = account("owner", 0, 0);
		let hotkey = owner_hotkey::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), hotkey.clone(), 0);
		assert_eq!(Delegates::<T>::get(&hotkey), 0);
	}

	/// The coinbase with `n` emitting subnets, every one with positive flow (so each gets a
	/// share, an injection and the pending accrual) and a root stake (root proportion > 0).
	#[benchmark]
	fn run_coinbase(n: Linear<1, SUBNETS>) {
		set_block::<T>(1);
		for i in 0..n {
			let netuid = started_subnet::<T>(i);
			SubnetTaoFlow::<T>::insert(netuid, 1_000_000);
		}
		let staker: T::AccountId = account("root_staker", 0, 0);
		fund::<T>(&staker, 1_000 * TAO);
		Pallet::<T>::do_add_stake(&staker, &owner_hotkey::<T>(0), ROOT_NETUID, 100 * TAO, None)
			.unwrap();
		set_block::<T>(2);
		let emitted;
		#[block]
		{
			let emitting = Pallet::<T>::subnets_to_emit_to();
			emitted = Pallet::<T>::run_coinbase(&emitting);
		}
		assert_eq!(emitted, n);
		assert!(SubnetTaoInEmission::<T>::get(1) > 0);
		assert!(PendingServerEmission::<T>::get(1) > 0);
	}

	/// The per-block visit of `n` subnets whose epoch is not due.
	#[benchmark]
	fn drain_pending(n: Linear<1, SUBNETS>) {
		set_block::<T>(1);
		for i in 0..n {
			let netuid = new_subnet::<T>(i);
			Tempo::<T>::insert(netuid, 0);
		}
		let ran;
		#[block]
		{
			ran = Pallet::<T>::drain_pending();
		}
		assert!(ran.is_empty());
		assert_eq!(BlocksSinceLastStep::<T>::get(1), 1);
	}

	/// One epoch with `n` UIDs, up to 128 of them staked validators with permits (also staked
	/// on root, so root's part is sold and paid as root stake), each weighting every UID, and
	/// its whole payout.
	#[benchmark]
	fn epoch(n: Linear<2, 256>) {
		set_block::<T>(1);
		let netuid = started_subnet::<T>(0);
		fill_subnet::<T>(netuid, u16::try_from(n).unwrap());
		let validators = n.min(128);
		MaxAllowedValidators::<T>::insert(netuid, 128);
		let staker: T::AccountId = account("staker", 0, 0);
		fund::<T>(&staker, 100_000 * TAO);
		let mut permits = vec![false; n as usize];
		for uid in 0..validators {
			let hotkey = Keys::<T>::get(netuid, uid as u16).unwrap();
			Pallet::<T>::do_add_stake(&staker, &hotkey, netuid, (10 + uid as u64) * TAO, None)
				.unwrap();
			Pallet::<T>::do_add_stake(&staker, &hotkey, ROOT_NETUID, 100 * TAO, None).unwrap();
			permits[uid as usize] = true;
		}
		ValidatorPermit::<T>::insert(netuid, BoundedVec::truncate_from(permits));
		set_block::<T>(10);
		LastUpdate::<T>::insert(netuid, BoundedVec::truncate_from(vec![10u64; n as usize]));
		for uid in 0..validators {
			let row: alloc::vec::Vec<(u16, u16)> =
				(0..n as u16).map(|j| (j, 1 + (j.wrapping_mul(7) ^ uid as u16) % 1000)).collect();
			Weights::<T>::insert(netuid, uid as u16, BoundedVec::truncate_from(row));
		}
		// Commit-reveal on, every validator with a full queue of unexpired commits: the column
		// mask reads one queue per UID (the commit blocks mask nothing, so the results stand).
		CommitRevealWeightsEnabled::<T>::insert(netuid, true);
		for uid in 0..validators {
			let hotkey = Keys::<T>::get(netuid, uid as u16).unwrap();
			let commit = (CommitHash::repeat_byte(1), 1_000, 5, 0);
			let queue = vec![commit; MAX_UNREVEALED_COMMITS as usize];
			WeightCommits::<T>::insert(netuid, &hotkey, BoundedVec::truncate_from(queue));
		}
		let pending = crate::coinbase::Pending {
			server: 100 * TAO,
			validator: 100 * TAO,
			root: 10 * TAO,
			owner_cut: 40 * TAO,
		};
		SubnetAlphaOut::<T>::mutate(netuid, |a| *a += 250 * TAO);
		set_block::<T>(20);
		#[block]
		{
			Pallet::<T>::distribute_emission(netuid, pending);
		}
		assert!(Incentive::<T>::get(netuid).iter().any(|x| *x > 0));
		assert!(Dividends::<T>::get(netuid).iter().any(|x| *x > 0));
		assert!(TaoDividendsPerSubnet::<T>::iter_prefix(netuid).count() > 0);
	}

	/// A validator setting a full row of 256 weights.
	#[benchmark]
	fn set_weights() {
		set_block::<T>(1);
		let netuid = started_subnet::<T>(0);
		fill_subnet::<T>(netuid, UIDS);
		let hotkey = Keys::<T>::get(netuid, 1).unwrap();
		let mut permits = vec![false; usize::from(UIDS)];
		permits[1] = true;
		ValidatorPermit::<T>::insert(netuid, BoundedVec::truncate_from(permits));
		WeightsSetRateLimit::<T>::insert(netuid, 0);
		let dests: alloc::vec::Vec<u16> = (0..UIDS).collect();
		let weights: alloc::vec::Vec<u16> = (0..UIDS).map(|j| j + 1).collect();
		set_block::<T>(10);
		#[extrinsic_call]
		_(RawOrigin::Signed(hotkey), netuid, dests, weights, 0);
		assert_eq!(Weights::<T>::get(netuid, 1).len(), usize::from(UIDS));
	}

	/// `burned_register`'s worst case (a full subnet, a UID replaced) within the limit.
	#[benchmark]
	fn register_limit() {
		set_block::<T>(1);
		let netuid = new_subnet::<T>(0);
		fill_subnet::<T>(netuid, UIDS);
		ImmunityPeriod::<T>::insert(netuid, 0);
		set_block::<T>(10);
		let coldkey: T::AccountId = account("registrant", 0, 0);
		let hotkey: T::AccountId = account("registrant_hotkey", 0, 0);
		fund::<T>(&coldkey, 1_000 * TAO);
		let limit = Burn::<T>::get(netuid);
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey), netuid, hotkey.clone(), limit);
		assert_eq!(SubnetworkN::<T>::get(netuid), UIDS);
		assert!(Uids::<T>::contains_key(netuid, &hotkey));
	}

	/// The owner, after an earlier change just outside the rate limit.
	#[benchmark]
	fn set_tempo() {
		set_block::<T>(1);
		let netuid = new_subnet::<T>(0);
		let owner: T::AccountId = account("owner", 0, 0);
		LastTempoUpdate::<T>::insert(netuid, 1);
		set_block::<T>(1 + u64::from(MIN_TEMPO));
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), netuid, MAX_TEMPO);
		assert_eq!(Tempo::<T>::get(netuid), MAX_TEMPO);
	}

	/// Across two dynamic subnets, partially filled at a limit below the current ratio.
	#[benchmark]
	fn swap_stake_limit() {
		set_block::<T>(1);
		let origin = started_subnet::<T>(0);
		let destination = started_subnet::<T>(1);
		let hotkey = owner_hotkey::<T>(0);
		nominate::<T>(&hotkey, destination, 3);
		let coldkey = staker::<T>(&hotkey, origin, 100 * TAO);
		let held = Pallet::<T>::stake_of(&hotkey, &coldkey, origin);
		let ratio = u128::from(Pallet::<T>::current_alpha_price(origin)) * u128::from(TAO)
			/ u128::from(Pallet::<T>::current_alpha_price(destination));
		let limit = u64::try_from(ratio).unwrap() * 99 / 100;
		#[extrinsic_call]
		_(
			RawOrigin::Signed(coldkey.clone()),
			hotkey.clone(),
			origin,
			destination,
			held,
			limit,
			true,
		);
		assert!(Pallet::<T>::stake_of(&hotkey, &coldkey, destination) > 0);
	}

	/// Alpha positions on `n` subnets (and a root position, which stays).
	#[benchmark]
	fn unstake_all_alpha(n: Linear<1, SUBNETS>) {
		set_block::<T>(1);
		let hotkey = owner_hotkey::<T>(0);
		let coldkey: T::AccountId = account("staker", 0, 0);
		fund::<T>(&coldkey, 1_000 * TAO);
		for i in 0..n {
			let netuid = started_subnet::<T>(i);
			Pallet::<T>::do_add_stake(&coldkey, &hotkey, netuid, TAO, None).unwrap();
		}
		Pallet::<T>::do_add_stake(&coldkey, &hotkey, ROOT_NETUID, TAO, None).unwrap();
		Pallet::<T>::clear_staking_rate_limiter();
		let root = Pallet::<T>::stake_of(&hotkey, &coldkey, ROOT_NETUID);
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey.clone());
		assert_eq!(Pallet::<T>::staked_netuids(&hotkey, &coldkey), vec![ROOT_NETUID]);
		assert!(Pallet::<T>::stake_of(&hotkey, &coldkey, ROOT_NETUID) > root);
	}

	/// Half of a position on a hotkey with nominators.
	#[benchmark]
	fn recycle_alpha() {
		set_block::<T>(1);
		let netuid = started_subnet::<T>(0);
		let hotkey = owner_hotkey::<T>(0);
		nominate::<T>(&hotkey, netuid, 3);
		let coldkey = staker::<T>(&hotkey, netuid, 100 * TAO);
		let held = Pallet::<T>::stake_of(&hotkey, &coldkey, netuid);
		let out = SubnetAlphaOut::<T>::get(netuid);
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), held / 2, netuid);
		assert!(Pallet::<T>::stake_of(&hotkey, &coldkey, netuid) < held);
		assert!(SubnetAlphaOut::<T>::get(netuid) < out);
	}

	/// Half of a position on a hotkey with nominators.
	#[benchmark]
	fn burn_alpha() {
		set_block::<T>(1);
		let netuid = started_subnet::<T>(0);
		let hotkey = owner_hotkey::<T>(0);
		nominate::<T>(&hotkey, netuid, 3);
		let coldkey = staker::<T>(&hotkey, netuid, 100 * TAO);
		let held = Pallet::<T>::stake_of(&hotkey, &coldkey, netuid);
		let out = SubnetAlphaOut::<T>::get(netuid);
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), held / 2, netuid);
		assert!(Pallet::<T>::stake_of(&hotkey, &coldkey, netuid) < held);
		assert_eq!(SubnetAlphaOut::<T>::get(netuid), out);
	}

	/// Root full with `n` unstaked UIDs: all are scanned and one is replaced by a staked
	/// hotkey.
	#[benchmark]
	fn root_register(n: Linear<1, 256>) {
		set_block::<T>(1);
		let uids = u16::try_from(n).unwrap();
		MaxAllowedUids::<T>::insert(ROOT_NETUID, uids);
		fill_subnet::<T>(ROOT_NETUID, uids);
		let coldkey: T::AccountId = account("root_validator", 0, 0);
		let hotkey: T::AccountId = account("root_validator_hotkey", 0, 0);
		fund::<T>(&coldkey, 100 * TAO);
		Pallet::<T>::create_account_if_non_existent(&coldkey, &hotkey).unwrap();
		Pallet::<T>::do_add_stake(&coldkey, &hotkey, ROOT_NETUID, 10 * TAO, None).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey), hotkey.clone());
		assert!(Uids::<T>::contains_key(ROOT_NETUID, &hotkey));
		assert_eq!(SubnetworkN::<T>::get(ROOT_NETUID), uids);
	}

	/// A coldkey owning `n` hotkeys, only the last of them registered, and a full identity.
	#[benchmark]
	fn set_identity(n: Linear<1, MAX_OWNED_HOTKEYS>) {
		set_block::<T>(1);
		let netuid = new_subnet::<T>(0);
		let coldkey: T::AccountId = account("identity_owner", 0, 0);
		let mut last = None;
		for i in 0..n {
			let hotkey: T::AccountId = account("identity_hotkey", i, 0);
			Pallet::<T>::create_account_if_non_existent(&coldkey, &hotkey).unwrap();
			last = Some(hotkey);
		}
		Pallet::<T>::append_neuron(netuid, &last.unwrap(), 1).unwrap();
		let short = vec![b's'; types::MAX_CHAIN_IDENTITY_SHORT_FIELD as usize];
		let long = vec![b'l'; types::MAX_IDENTITY_FIELD as usize];
		#[extrinsic_call]
		_(
			RawOrigin::Signed(coldkey.clone()),
			short.clone(),
			short.clone(),
			short.clone(),
			long.clone(),
			short,
			long.clone(),
			long,
		);
		assert!(IdentitiesV2::<T>::contains_key(&coldkey));
	}

	/// Paying `n` stake positions of a dissolved subnet: `n` coldkeys staked on its owner
	/// hotkey, each with a full `StakingHotkeys` list (the largest list to update), all but the
	/// last position leaving the hotkey pool non-empty.
	#[benchmark]
	fn pay_dissolved_stakers(n: Linear<1, { DISSOLVE_POSITIONS_PER_BLOCK }>) {
		set_block::<T>(1);
		let netuid = started_subnet::<T>(0);
		let hotkey = owner_hotkey::<T>(0);
		let others: alloc::vec::Vec<T::AccountId> = (1
			..<MaxStakingHotkeys as frame_support::traits::Get<u32>>::get())
			.map(|i| account("listed", i, 0))
			.collect();
		for i in 0..n {
			let c: T::AccountId = account("dissolved_staker", i, 0);
			fund::<T>(&c, 10 * TAO);
			Pallet::<T>::do_add_stake(&c, &hotkey, netuid, TAO, None).unwrap();
			let mut list = others.clone();
			list.push(hotkey.clone());
			StakingHotkeys::<T>::insert(&c, BoundedVec::truncate_from(list));
		}
		Pallet::<T>::clear_staking_rate_limiter();
		let all_alpha = u128::from(SubnetAlphaIn::<T>::get(netuid))
			.saturating_add(u128::from(SubnetAlphaOut::<T>::get(netuid)));
		let pot = Pallet::<T>::clear_pool(netuid);
		DissolvingSubnets::<T>::insert(netuid, DissolvePayout { pot, left: pot, all_alpha });
		Pallet::<T>::remove_network(netuid);
		let paid;
		#[block]
		{
			paid = Pallet::<T>::pay_dissolved_stakers(netuid, n);
		}
		assert_eq!(paid, n);
		assert!(!Pallet::<T>::subnet_has_stake_positions(netuid));
		assert!(!DissolvingSubnets::<T>::contains_key(netuid));
	}

	/// `n` items, each a full row on its own subnet.
	#[benchmark]
	fn batch_set_weights(n: Linear<1, BATCH>) {
		let (validator, netuids) = validator_on_subnets::<T>(n, BATCH_UIDS);
		let row: alloc::vec::Vec<(codec::Compact<u16>, codec::Compact<u16>)> =
			(0..BATCH_UIDS).map(|j| (codec::Compact(j), codec::Compact(j + 1))).collect();
		let weights = netuids.iter().map(|_| row.clone()).collect();
		let version_keys = netuids.iter().map(|_| codec::Compact(0u64)).collect();
		let compact = netuids.iter().map(|n| codec::Compact(*n)).collect();
		#[extrinsic_call]
		_(RawOrigin::Signed(validator), compact, weights, version_keys);
		for netuid in netuids {
			assert_eq!(Weights::<T>::get(netuid, 1).len(), usize::from(BATCH_UIDS));
		}
	}

	/// A commit next to nine unexpired ones (the most allowed).
	#[benchmark]
	fn commit_weights() {
		let (validator, netuids) = validator_on_subnets::<T>(1, BATCH_UIDS);
		let netuid = netuids[0];
		revealable_commits::<T>(&validator, netuid, MAX_UNREVEALED_COMMITS - 1, 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(validator.clone()), netuid, CommitHash::repeat_byte(7));
		assert_eq!(
			WeightCommits::<T>::get(netuid, &validator).unwrap().len(),
			MAX_UNREVEALED_COMMITS as usize
		);
	}

	/// `n` commits, each next to nine unexpired ones on its own subnet.
	#[benchmark]
	fn batch_commit_weights(n: Linear<1, BATCH>) {
		let (validator, netuids) = validator_on_subnets::<T>(n, BATCH_UIDS);
		for netuid in &netuids {
			revealable_commits::<T>(&validator, *netuid, MAX_UNREVEALED_COMMITS - 1, 1);
		}
		let hashes = netuids.iter().map(|_| CommitHash::repeat_byte(7)).collect();
		let compact = netuids.iter().map(|n| codec::Compact(*n)).collect();
		#[extrinsic_call]
		_(RawOrigin::Signed(validator.clone()), compact, hashes);
		for netuid in netuids {
			assert_eq!(
				WeightCommits::<T>::get(netuid, &validator).unwrap().len(),
				MAX_UNREVEALED_COMMITS as usize
			);
		}
	}

	/// The last of ten commits revealed, a full row of `UIDS`.
	#[benchmark]
	fn reveal_weights() {
		let (validator, netuids) = validator_on_subnets::<T>(1, UIDS);
		let netuid = netuids[0];
		let mut items = revealable_commits::<T>(&validator, netuid, MAX_UNREVEALED_COMMITS, UIDS);
		let (dests, values, salt) = items.pop().unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(validator.clone()), netuid, dests, values, salt, 0);
		assert!(WeightCommits::<T>::get(netuid, &validator).is_none());
		assert_eq!(Weights::<T>::get(netuid, 1).len(), usize::from(UIDS));
	}

	/// `n` commits revealed at once, each a full row of `UIDS`.
	#[benchmark]
	fn batch_reveal_weights(n: Linear<1, MAX_UNREVEALED_COMMITS>) {
		let (validator, netuids) = validator_on_subnets::<T>(1, UIDS);
		let netuid = netuids[0];
		let items = revealable_commits::<T>(&validator, netuid, n, UIDS);
		let uids_list = items.iter().map(|i| i.0.clone()).collect();
		let values_list = items.iter().map(|i| i.1.clone()).collect();
		let salts_list = items.iter().map(|i| i.2.clone()).collect();
		let version_keys = vec![0; n as usize];
		#[extrinsic_call]
		_(
			RawOrigin::Signed(validator.clone()),
			netuid,
			uids_list,
			values_list,
			salts_list,
			version_keys,
		);
		assert!(WeightCommits::<T>::get(netuid, &validator).is_none());
	}

	#[benchmark]
	fn serve_axon_tls() {
		set_block::<T>(1);
		let netuid = new_subnet::<T>(0);
		let hotkey: T::AccountId = account("owner_hotkey", 0, 0);
		Axons::<T>::insert(netuid, &hotkey, AxonInfo { block: 1, ..Default::default() });
		set_block::<T>(1 + ServingRateLimit::<T>::get(netuid));
		let certificate = vec![1u8; 1 + types::MAX_CERTIFICATE_KEY_LEN as usize];
		#[extrinsic_call]
		_(RawOrigin::Signed(hotkey.clone()), netuid, 1, 0x0a00_0001, 8091, 4, 4, 0, 0, certificate);
		assert!(NeuronCertificates::<T>::get(netuid, &hotkey).is_some());
	}

	/// A hotkey swap on all subnets: the old hotkey holds a UID with endpoints on `s - 1`
	/// dynamic subnets and root, and `p` stake positions.
	#[benchmark]
	fn swap_hotkey(s: Linear<1, MAX_SWAP_SUBNETS>, p: Linear<1, MAX_SWAP_STAKE_POSITIONS>) {
		set_block::<T>(1);
		let coldkey: T::AccountId = account("swapper", 0, 0);
		let old: T::AccountId = account("old_hotkey", 0, 0);
		let new: T::AccountId = account("new_hotkey", 0, 0);
		fund::<T>(&coldkey, 1_000 * TAO);
		Pallet::<T>::create_account_if_non_existent(&coldkey, &old).unwrap();
		let mut netuids = vec![ROOT_NETUID];
		for i in 1..s {
			netuids.push(started_subnet::<T>(i));
		}
		for netuid in &netuids {
			Pallet::<T>::append_neuron(*netuid, &old, 1).unwrap();
			Axons::<T>::insert(netuid, &old, AxonInfo::default());
			Prometheus::<T>::insert(netuid, &old, PrometheusInfo::default());
		}
		let stake_on = netuids.last().copied().unwrap();
		for j in 0..p {
			let staker: T::AccountId = account("nominator", j, 0);
			fund::<T>(&staker, 10 * TAO);
			Pallet::<T>::do_add_stake(&staker, &old, stake_on, TAO, None).unwrap();
		}
		Pallet::<T>::clear_staking_rate_limiter();
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), old.clone(), new.clone(), None);
		assert_eq!(Owner::<T>::get(&new), coldkey);
		assert!(!Owner::<T>::contains_key(&old));
		assert_eq!(Alpha::<T>::iter_prefix((&new,)).count(), p as usize);
	}

	/// `set_children` with the most children, on a started subnet (the request is scheduled),
	/// replacing an earlier pending request.
	#[benchmark]
	fn set_children() {
		set_block::<T>(1);
		let netuid = started_subnet::<T>(0);
		let owner: T::AccountId = account("owner", 0, 0);
		let hotkey = owner_hotkey::<T>(0);
		let children: alloc::vec::Vec<(u64, T::AccountId)> = (0..MAX_CHILDREN)
			.map(|i| (u64::MAX / u64::from(MAX_CHILDREN), account("child", i, 0)))
			.collect();
		Pallet::<T>::do_set_children(&owner, &hotkey, netuid, children.clone()).unwrap();
		set_block::<T>(1 + SET_CHILDREN_RATE_LIMIT);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), hotkey.clone(), netuid, children);
		assert!(PendingChildKeys::<T>::get(netuid, &hotkey).is_some());
	}

	/// The worst application of pending children: the parent replaces `MAX_CHILDREN` children
	/// by as many new ones, each of whose parent lists is full of weaker parents, so that each
	/// link evicts one (which is unlinked from its own children).
	#[benchmark]
	fn apply_pending_children() {
		set_block::<T>(1);
		let netuid = started_subnet::<T>(0);
		let parent = owner_hotkey::<T>(0);
		// The parent's stake weight beats every incumbent's (they have none).
		let _ = staker::<T>(&parent, netuid, 100 * TAO);
		let old: ChildList<T> = ChildList::<T>::truncate_from(
			(0..MAX_CHILDREN).map(|i| (1u64, account("old_child", i, 0))).collect(),
		);
		Pallet::<T>::apply_children(netuid, &parent, old);
		let mut new = ChildList::<T>::default();
		for i in 0..MAX_CHILDREN {
			let child: T::AccountId = account("new_child", i, 0);
			for j in 0..MAX_PARENTS {
				let incumbent: T::AccountId = account("incumbent", j, i);
				let kids = ChildList::<T>::truncate_from(vec![(1u64, child.clone())]);
				Pallet::<T>::apply_children(netuid, &incumbent, kids);
			}
			let _ = new.try_push((u64::MAX / u64::from(MAX_CHILDREN), child));
		}
		#[block]
		{
			Pallet::<T>::apply_children(netuid, &parent, new);
		}
		assert_eq!(ChildKeys::<T>::get(&parent, netuid).len(), MAX_CHILDREN as usize);
		let first: T::AccountId = account("new_child", 0, 0);
		assert!(ParentKeys::<T>::get(&first, netuid).iter().any(|(_, p)| *p == parent));
	}

	/// `set_childkey_take` raising the take after the rate limit.
	#[benchmark]
	fn set_childkey_take() {
		set_block::<T>(1);
		let netuid = new_subnet::<T>(0);
		let owner: T::AccountId = account("owner", 0, 0);
		let hotkey = owner_hotkey::<T>(0);
		Pallet::<T>::do_set_childkey_take(&owner, &hotkey, netuid, 0).unwrap();
		set_block::<T>(2 + TxChildkeyTakeRateLimit::<T>::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), hotkey.clone(), netuid, MaxChildkeyTake::<T>::get());
		assert_eq!(ChildkeyTake::<T>::get(&hotkey, netuid), MaxChildkeyTake::<T>::get());
	}

	/// The root setters of the childkey parameters (one read, one write each).
	#[benchmark]
	fn sudo_set_childkey_take_param() {
		#[extrinsic_call]
		sudo_set_max_childkey_take(RawOrigin::Root, 10_000);
		assert_eq!(MaxChildkeyTake::<T>::get(), 10_000);
	}

	/// A first announcement (the cost recycled) by a coldkey with the most stake positions a
	/// swap moves (all counted).
	#[benchmark]
	fn announce_coldkey_swap() {
		set_block::<T>(1);
		let netuid = started_subnet::<T>(0);
		let coldkey: T::AccountId = account("announcer", 0, 0);
		fund::<T>(&coldkey, 1_000_000 * TAO);
		for j in 0..MAX_SWAP_STAKE_POSITIONS {
			let hotkey: T::AccountId = account("staked_hotkey", j, 0);
			Pallet::<T>::create_account_if_non_existent(&coldkey, &hotkey).ok();
			Pallet::<T>::do_add_stake(&coldkey, &hotkey, netuid, TAO, None).unwrap();
		}
		Pallet::<T>::clear_staking_rate_limiter();
		let hash = T::Hashing::hash_of(&coldkey);
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hash);
		assert!(ColdkeySwapAnnouncements::<T>::contains_key(&coldkey));
	}

	/// Root's coldkey swap of a coldkey with `p` stake positions.
	#[benchmark]
	fn swap_coldkey(p: Linear<1, MAX_SWAP_STAKE_POSITIONS>) {
		set_block::<T>(1);
		let netuid = started_subnet::<T>(0);
		let old: T::AccountId = account("old_coldkey", 0, 0);
		let new: T::AccountId = account("new_coldkey", 0, 0);
		fund::<T>(&old, 1_000_000 * TAO);
		for j in 0..p {
			let hotkey: T::AccountId = account("staked_hotkey", j, 0);
			Pallet::<T>::create_account_if_non_existent(&old, &hotkey).ok();
			Pallet::<T>::do_add_stake(&old, &hotkey, netuid, TAO, None).unwrap();
		}
		Pallet::<T>::clear_staking_rate_limiter();
		#[extrinsic_call]
		_(RawOrigin::Root, old.clone(), new.clone(), 0);
		assert_eq!(Pallet::<T>::staked_hotkeys(&new).len(), p as usize);
	}

	#[benchmark]
	fn dispute_coldkey_swap() {
		set_block::<T>(1);
		let coldkey: T::AccountId = account("announcer", 0, 0);
		fund::<T>(&coldkey, 1_000 * TAO);
		Pallet::<T>::do_announce_coldkey_swap(&coldkey, T::Hashing::hash_of(&coldkey)).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()));
		assert!(ColdkeySwapDisputes::<T>::contains_key(&coldkey));
	}

	#[benchmark]
	fn reset_coldkey_swap() {
		set_block::<T>(1);
		let coldkey: T::AccountId = account("announcer", 0, 0);
		fund::<T>(&coldkey, 1_000 * TAO);
		Pallet::<T>::do_announce_coldkey_swap(&coldkey, T::Hashing::hash_of(&coldkey)).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Root, coldkey.clone());
		assert!(!ColdkeySwapAnnouncements::<T>::contains_key(&coldkey));
	}

	/// `lock_stake` in its worst case: the stake to prove is spread over 512 own hotkeys, all
	/// read (the lock asks for all of it).
	#[benchmark]
	fn lock_stake() {
		set_block::<T>(1);
		let netuid = started_subnet::<T>(0);
		let coldkey: T::AccountId = account("locker", 0, 0);
		fund::<T>(&coldkey, 1_000_000 * TAO);
		let mut total = 0u64;
		let mut first = None;
		for j in 0..MAX_SWAP_STAKE_POSITIONS {
			let hotkey: T::AccountId = account("staked_hotkey", j, 0);
			Pallet::<T>::create_account_if_non_existent(&coldkey, &hotkey).ok();
			Pallet::<T>::do_add_stake(&coldkey, &hotkey, netuid, TAO, None).unwrap();
			total = total.saturating_add(Pallet::<T>::stake_of(&hotkey, &coldkey, netuid));
			first.get_or_insert(hotkey);
		}
		let hotkey = first.unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey, netuid, total);
		assert_eq!(Pallet::<T>::locked_alpha(&coldkey, netuid), total);
	}

	/// `move_lock` to another owner's hotkey (conviction reset, two aggregates written).
	#[benchmark]
	fn move_lock() {
		set_block::<T>(1);
		let netuid = started_subnet::<T>(0);
		let coldkey: T::AccountId = account("locker", 0, 0);
		let hotkey: T::AccountId = account("staked_hotkey", 0, 0);
		let other: T::AccountId = account("other_hotkey", 0, 0);
		let other_cold: T::AccountId = account("other_coldkey", 0, 0);
		fund::<T>(&coldkey, 1_000_000 * TAO);
		Pallet::<T>::create_account_if_non_existent(&coldkey, &hotkey).ok();
		Pallet::<T>::create_account_if_non_existent(&other_cold, &other).ok();
		Pallet::<T>::do_add_stake(&coldkey, &hotkey, netuid, 10 * TAO, None).unwrap();
		Pallet::<T>::do_lock_stake(&coldkey, &hotkey, netuid, TAO).unwrap();
		set_block::<T>(100);
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), other.clone(), netuid);
		assert!(Lock::<T>::contains_key((&coldkey, netuid, &other)));
	}

	/// `set_perpetual_lock` with a lock to move to the other aggregate.
	#[benchmark]
	fn set_perpetual_lock() {
		set_block::<T>(1);
		let netuid = started_subnet::<T>(0);
		let coldkey: T::AccountId = account("locker", 0, 0);
		let hotkey: T::AccountId = account("staked_hotkey", 0, 0);
		fund::<T>(&coldkey, 1_000_000 * TAO);
		Pallet::<T>::create_account_if_non_existent(&coldkey, &hotkey).ok();
		Pallet::<T>::do_add_stake(&coldkey, &hotkey, netuid, 10 * TAO, None).unwrap();
		Pallet::<T>::do_lock_stake(&coldkey, &hotkey, netuid, TAO).unwrap();
		set_block::<T>(100);
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), netuid, true);
		assert!(HotkeyLock::<T>::contains_key(netuid, &hotkey));
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
