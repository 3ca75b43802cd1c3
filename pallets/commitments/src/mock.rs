//! Mock runtime for the pallet's unit tests: `System`, `Balances` and `Commitments`, with
//! registrations, the epoch counter and bond resets kept in thread-local test parameters.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate as pallet_commitments;
use crate::{NetUid, Registration};
use frame_support::{derive_impl, parameter_types, traits::ConstU32, weights::Weight};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

/// A hotkey registered on [`NET`], funded.
pub const HOT: u64 = 1;
/// A second hotkey registered on [`NET`], with no balance at all.
pub const POOR: u64 = 2;
/// A funded account registered nowhere.
pub const STRANGER: u64 = 3;
/// The subnet of the tests.
pub const NET: NetUid = 1;
/// Another subnet (nobody is registered on it).
pub const OTHER_NET: NetUid = 2;
/// The funded accounts' balance.
pub const FUNDS: u64 = 1_000;
/// The mock's `InitialDeposit`.
pub const DEPOSIT_BASE: u64 = 10;
/// The mock's `FieldDeposit`.
pub const DEPOSIT_PER_FIELD: u64 = 5;

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
	#[runtime::pallet_index(18)]
	pub type Commitments = pallet_commitments;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u64;
	type ExistentialDeposit = frame_support::traits::ConstU64<1>;
	type AccountStore = System;
}

parameter_types! {
	/// `(netuid, hotkey)` pairs that may commit.
	pub static Registered: Vec<(NetUid, u64)> = vec![(NET, HOT), (NET, POOR)];
	/// The epoch counter every subnet reports.
	pub static Epoch: u64 = 0;
	/// `(netuid, hotkey)` of every bonds reset asked for.
	pub static BondResets: Vec<(NetUid, u64)> = vec![];
	/// `InitialDeposit`.
	pub static InitialDeposit: u64 = DEPOSIT_BASE;
	/// `FieldDeposit`.
	pub static FieldDeposit: u64 = DEPOSIT_PER_FIELD;
}

/// Registration as listed in [`Registered`].
pub struct TestCanCommit;
impl crate::CanCommit<u64> for TestCanCommit {
	fn can_commit(netuid: NetUid, who: &u64) -> bool {
		Registered::get().contains(&(netuid, *who))
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn make_committer(netuid: NetUid, who: &u64) {
		Registered::mutate(|v| v.push((netuid, *who)));
	}
}

/// Bond resets recorded in [`BondResets`].
pub struct TestOnMetadataCommitment;
impl crate::OnMetadataCommitment<u64> for TestOnMetadataCommitment {
	fn on_metadata_commitment(netuid: NetUid, who: &u64) {
		BondResets::mutate(|v| v.push((netuid, *who)));
	}
	fn max_weight() -> Weight {
		Weight::from_parts(1_000, 0)
	}
}

/// The epoch of [`Epoch`].
pub struct TestTempo;
impl crate::GetTempoInterface for TestTempo {
	fn get_epoch_index(_: NetUid, _: u64) -> u64 {
		Epoch::get()
	}
}

impl pallet_commitments::Config for Test {
	type Currency = Balances;
	type WeightInfo = ();
	type CanCommit = TestCanCommit;
	type OnMetadataCommitment = TestOnMetadataCommitment;
	type MaxFields = ConstU32<3>;
	type InitialDeposit = InitialDeposit;
	type FieldDeposit = FieldDeposit;
	type TempoInterface = TestTempo;
}

/// Builds test externalities: `HOT` and `STRANGER` funded, `POOR` without an account.
pub struct ExtBuilder;

impl ExtBuilder {
	/// The externalities, at block 1.
	pub fn build(self) -> sp_io::TestExternalities {
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig {
				balances: vec![(HOT, FUNDS), (STRANGER, FUNDS)],
				..Default::default()
			},
		}
		.build_storage()
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test`, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			check_invariants();
		});
	}
}

/// The pallet's invariants: every commitment's deposit is reserved from its hotkey (deposits
/// are the only reserves in this mock), and nothing was ever revealed.
pub fn check_invariants() {
	use crate::{CommitmentOf, RevealedCommitments};
	let mut reserved: Vec<(u64, u64)> = vec![];
	for (_, who, Registration { deposit, .. }) in CommitmentOf::<Test>::iter() {
		match reserved.iter_mut().find(|(w, _)| *w == who) {
			Some((_, total)) => *total += deposit,
			None => reserved.push((who, deposit)),
		}
	}
	for (who, total) in reserved {
		assert_eq!(Balances::reserved_balance(who), total, "deposits of {who} reserved");
	}
	assert_eq!(RevealedCommitments::<Test>::iter().count(), 0, "nothing revealed");
}

/// Move to block `n` (no hooks to run: the pallet has none).
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}
