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
use sp_runtime::traits::UniqueSaturatedFrom;

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

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
