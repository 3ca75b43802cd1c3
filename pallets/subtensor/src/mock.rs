//! Mock runtime for the pallet's unit tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate as pallet_subtensor;
use crate::NetUid;
use frame_support::traits::Hooks;
use frame_support::{derive_impl, parameter_types, traits::ConstU64};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

/// One TAO in RAO.
pub const TAO: u64 = 1_000_000_000;
/// Test accounts (coldkeys).
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
pub const CHARLIE: u64 = 3;
/// Test hotkeys.
pub const HOT_A: u64 = 101;
pub const HOT_B: u64 = 102;
pub const HOT_C: u64 = 103;
pub const HOT_D: u64 = 104;
/// The first subnet registered in a test.
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
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

parameter_types! {
	pub const ExistentialDeposit: u64 = 500;
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
	type MinStake = ConstU64<MIN_STAKE>;
	type KeySwapCost = frame_support::traits::ConstU64<100_000_000>;
	type KeySwapOnSubnetCost = frame_support::traits::ConstU64<1_000_000>;
	type NestedCalls = ();
	type HotkeySwapOnSubnetInterval = frame_support::traits::ConstU64<10>;
	type InitialColdkeySwapAnnouncementDelay = frame_support::traits::ConstU64<5>;
	type InitialColdkeySwapReannouncementDelay = frame_support::traits::ConstU64<3>;
	type OtherFreeCalls = ();
}

/// The minimum stake of the mock runtime (the production value, 0.002 TAO).
pub const MIN_STAKE: u64 = 2_000_000;

/// Builds test externalities; `build_and_execute` also checks the pallet's invariants after the
/// test body.
#[derive(Default)]
pub struct ExtBuilder {
	balances: Vec<(u64, u64)>,
}

impl ExtBuilder {
	/// Endow `accounts` at genesis.
	pub fn with_balances(mut self, accounts: &[(u64, u64)]) -> Self {
		self.balances.extend_from_slice(accounts);
		self
	}

	/// The externalities, without running anything.
	pub fn build(self) -> sp_io::TestExternalities {
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig {
				balances: self.balances,
				..Default::default()
			},
			subtensor_module: Default::default(),
		}
		.build_storage()
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test`, then check every invariant of the pallet.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			SubtensorModule::do_try_state().unwrap();
		});
	}
}

/// Advance to block `n`, running `on_finalize` of the current block and `on_initialize` of
/// every block on the way.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		SubtensorModule::on_finalize(System::block_number());
		let next = System::block_number() + 1;
		System::set_block_number(next);
		SubtensorModule::on_initialize(next);
	}
}

/// Register a subnet owned by `coldkey` with owner hotkey `hotkey`; returns its netuid.
pub fn add_subnet(coldkey: u64, hotkey: u64) -> NetUid {
	frame_support::assert_ok!(SubtensorModule::register_network(
		RuntimeOrigin::signed(coldkey),
		hotkey
	));
	System::events()
		.iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::SubtensorModule(crate::Event::NetworkAdded(n, _)) => Some(n),
			_ => None,
		})
		.unwrap()
}

/// Register a subnet owned by `coldkey` (owner hotkey `hotkey`) and make its start call, with the
/// start-call delay and the network rate limit at 0; returns its netuid.
pub fn start_subnet(coldkey: u64, hotkey: u64) -> NetUid {
	SubtensorModule::set_start_call_delay(0);
	SubtensorModule::set_network_rate_limit(0);
	let netuid = add_subnet(coldkey, hotkey);
	frame_support::assert_ok!(SubtensorModule::start_call(RuntimeOrigin::signed(coldkey), netuid));
	netuid
}
