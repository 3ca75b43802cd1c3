//! Mock runtime: System, Balances, SubtensorModule and AdminUtils.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate as pallet_admin_utils;
use frame_support::{assert_ok, derive_impl, traits::ConstU64};
use pallet_subtensor::NetUid;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

/// One TAO in RAO.
pub const TAO: u64 = 1_000_000_000;
/// Owner coldkey of subnet `NET`.
pub const OWNER: u64 = 1;
/// Owner hotkey of subnet `NET`.
pub const OWNER_HOTKEY: u64 = 11;
/// An account that owns nothing.
pub const STRANGER: u64 = 2;
/// The subnet every test starts with.
pub const NET: NetUid = 1;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(5)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(7)]
	pub type SubtensorModule = pallet_subtensor;
	#[runtime::pallet_index(19)]
	pub type AdminUtils = pallet_admin_utils;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u64;
	type ExistentialDeposit = ConstU64<500>;
	type AccountStore = System;
	type DustRemoval = pallet_subtensor::RecycleTao<Test>;
}

impl pallet_subtensor::Config for Test {
	type Currency = Balances;
	type WeightInfo = ();
	type UnownedAccount = frame_support::traits::ConstU64<0>;
	type MinStake = frame_support::traits::ConstU64<2_000_000>;
	type KeySwapCost = frame_support::traits::ConstU64<100_000_000>;
	type KeySwapOnSubnetCost = frame_support::traits::ConstU64<1_000_000>;
	type NestedCalls = ();
	type HotkeySwapOnSubnetInterval = frame_support::traits::ConstU64<10>;
	type InitialColdkeySwapAnnouncementDelay = frame_support::traits::ConstU64<5>;
	type InitialColdkeySwapReannouncementDelay = frame_support::traits::ConstU64<3>;
	type OtherFreeCalls = ();
}

impl pallet_admin_utils::Config for Test {
	type WeightInfo = ();
}

/// Genesis with `OWNER` and `STRANGER` funded, then subnet `NET` registered by `OWNER`.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		balances: pallet_balances::GenesisConfig {
			balances: vec![(OWNER, 10_000 * TAO), (STRANGER, 10 * TAO)],
			..Default::default()
		},
		subtensor_module: Default::default(),
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		assert_ok!(SubtensorModule::register_network(RuntimeOrigin::signed(OWNER), OWNER_HOTKEY));
		assert!(pallet_subtensor::NetworksAdded::<Test>::get(NET));
	});
	ext
}
