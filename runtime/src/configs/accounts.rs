//! Account tools at the reference chain's pallet indices: `Multisig` (13), `Preimage` (14),
//! `Scheduler` (15), `Proxy` (16). Deposits are reserved (held, for preimages) from the account
//! that creates the record and returned when it is removed; the values are the reference's,
//! from its `deposit(items, bytes) = items · 0.02 TAO + bytes · 0.001 TAO`.
//!
//! Weights are the pallets' own (`weights::SubstrateWeight`, benchmarked upstream on Parity's
//! reference machine with RocksDB costs; this runtime's `DbWeight` is ParityDB's) — not
//! re-benchmarked for this chain.

use frame_support::{
	parameter_types,
	traits::{fungible::HoldConsideration, EqualPrivilegeOnly, LinearStoragePrice},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::{traits::BlakeTwo256, Perbill};

use super::RuntimeBlockWeights;
use crate::{
	proxy::ProxyType, AccountId, Balance, Balances, OriginCaller, Preimage, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, System,
};

parameter_types! {
	/// A multisig operation in progress: 0.132 TAO (`deposit(1, 112)`) …
	pub const MultisigDepositBase: Balance = 132_000_000;
	/// … plus 0.032 TAO per signatory (`deposit(0, 32)`), reserved from the first approver.
	pub const MultisigDepositFactor: Balance = 32_000_000;
	/// Signatories of one multisig account at most.
	pub const MaxSignatories: u32 = 100;
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = MultisigDepositBase;
	type DepositFactor = MultisigDepositFactor;
	type MaxSignatories = MaxSignatories;
	type WeightInfo = pallet_multisig::weights::SubstrateWeight<Runtime>;
	type BlockNumberProvider = System;
}

parameter_types! {
	/// An account's proxy list: 0.06 TAO (`deposit(1, 40)`) …
	pub const ProxyDepositBase: Balance = 60_000_000;
	/// … plus 0.033 TAO per proxy (`deposit(0, 33)`).
	pub const ProxyDepositFactor: Balance = 33_000_000;
	/// Proxies of one account at most.
	pub const MaxProxies: u32 = 20;
	/// Announcements (time-delayed proxy calls) pending per delegate at most.
	pub const MaxPending: u32 = 75;
	/// A delegate's announcements: 0.036 TAO (`deposit(1, 16)`) …
	pub const AnnouncementDepositBase: Balance = 36_000_000;
	/// … plus 0.068 TAO per announcement (`deposit(0, 68)`).
	pub const AnnouncementDepositFactor: Balance = 68_000_000;
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDepositBase;
	type ProxyDepositFactor = ProxyDepositFactor;
	type MaxProxies = MaxProxies;
	type WeightInfo = pallet_proxy::weights::SubstrateWeight<Runtime>;
	type MaxPending = MaxPending;
	type CallHasher = BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = System;
}

parameter_types! {
	/// A preimage holds 0.104 TAO (`deposit(2, 64)`) …
	pub const PreimageBaseDeposit: Balance = 104_000_000;
	/// … plus 0.001 TAO per byte, from the account that notes it (root notes for free).
	pub const PreimageByteDeposit: Balance = 1_000_000;
	/// The hold reason of preimage deposits.
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

parameter_types! {
	/// Scheduled calls may use up to 80 % of a block's weight.
	pub MaximumSchedulerWeight: Weight =
		Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
	/// Calls scheduled for one block at most.
	pub const MaxScheduledPerBlock: u32 = 50;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	/// Only root schedules (sudo today; governance later).
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = MaxScheduledPerBlock;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}
