//! Pallet configurations. Each value says why it is what it is.

mod accounts;
pub mod commitments;

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64, ConstU8, VariantCountOf},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		IdentityFee, Weight, WeightToFeeCoefficient, WeightToFeeCoefficients,
		WeightToFeePolynomial,
	},
};
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use smallvec::smallvec;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::One, Perbill};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Hash, Nonce, OriginCaller, PalletInfo,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin,
	RuntimeTask, System, EXISTENTIAL_DEPOSIT, SLOT_DURATION, VERSION,
};

/// Share of a block available to normal (non-operational) extrinsics.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Largest block, in bytes.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	/// Block hashes kept for mortal transactions; clients use 128-block eras, so keep more.
	pub const BlockHashCount: BlockNumber = 4096;
	/// This runtime's version.
	pub const Version: RuntimeVersion = VERSION;
	/// Up to 2 s of compute a block: a sixth of a production 12 s block. Fast-blocks
	/// development builds produce 250 ms blocks that are far from full.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	/// At most 5 MiB of extrinsics a block, 75 % of it for normal extrinsics.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO.mul_floor(*max)
		})
		.build();
	/// The generic Substrate SS58 prefix, which Bittensor uses.
	pub const SS58Prefix: u16 = 42;
}

/// The calls any origin but root may dispatch: all except `Balances::burn`.
///
/// `burn` destroys a user's own TAO through pallet-balances alone: pallet-balances' issuance
/// falls while `SubtensorModule::TotalIssuance` does not, which breaks the exact invariant
/// `TotalIssuance = balances issuance + TotalStake` (checked by `try_state`) and would make the
/// block reward read a stale issuance. TAO leaves circulation only through the recycling paths
/// (fees, dust, registration and the subnet pots), which lower both counters. Root is not
/// filtered (it can also set balances outright).
pub struct NoBalancesBurn;

impl frame_support::traits::Contains<RuntimeCall> for NoBalancesBurn {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(call, RuntimeCall::Balances(pallet_balances::Call::burn { .. }))
	}
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	/// Every call but `Balances::burn` (see [`NoBalancesBurn`]).
	type BaseCallFilter = NoBalancesBurn;
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	/// A proof-of-authority set is small.
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	/// No nominated staking on a proof-of-authority chain.
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	/// Equivocation reports are not used: the authorities are trusted.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Aura's slot is twice this.
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

parameter_types! {
	/// 500 RAO, as on the reference chain.
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	/// Dust of reaped accounts leaves circulation and is recycled in SubtensorModule's
	/// issuance counter, so that the two issuance counters stay equal.
	type DustRemoval = pallet_subtensor::RecycleTao<Runtime>;
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// Fees do not follow congestion on a proof-of-authority devnet.
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

/// Weight to fee: one RAO per nanosecond of execution (a thousand weight units), so a transfer
/// costs about 0.0002 TAO and a full 2-second block of normal extrinsics about 1.5 TAO.
pub struct WeightToFee;

impl WeightToFeePolynomial for WeightToFee {
	type Balance = Balance;
	fn polynomial() -> WeightToFeeCoefficients<Self::Balance> {
		smallvec![WeightToFeeCoefficient {
			coeff_integer: 0,
			coeff_frac: Perbill::from_rational(1u32, 1_000u32),
			negative: false,
			degree: 1,
		}]
	}
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees are burned and recycled in SubtensorModule's issuance counter.
	type OnChargeTransaction = FungibleAdapter<Balances, pallet_subtensor::RecycleTao<Runtime>>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = WeightToFee;
	/// One RAO per byte of the extrinsic.
	type LengthToFee = IdentityFee<Balance>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// The all-zero account, which clients read as the owner of an unowned hotkey.
	pub UnownedAccount: AccountId = AccountId::new([0u8; 32]);
}

parameter_types! {
	/// `InitialMinStake` of the reference chain: 0.002 TAO. Smaller stake operations are
	/// refused, so that dust positions cannot bloat storage.
	pub const MinStake: u64 = 2_000_000;
	/// `KeySwapCost` of the reference chain: 0.1 TAO, recycled by a hotkey swap on every subnet
	/// and by a coldkey swap announcement (a price on churning keys).
	pub const KeySwapCost: u64 = 100_000_000;
	/// `KeySwapOnSubnetCost` of the reference chain: 0.001 TAO for a hotkey swap on one subnet.
	pub const KeySwapOnSubnetCost: u64 = 1_000_000;
	/// `HotkeySwapOnSubnetInterval` of the reference chain: one day of 12 s blocks between two
	/// hotkey swaps of a coldkey on a subnet (1 block in fast-blocks builds).
	pub const HotkeySwapOnSubnetInterval: u64 = if cfg!(feature = "fast-blocks") { 1 } else { 7_200 };
	/// The reference chain's coldkey swap announcement delay: 5 days (50 blocks in fast-blocks
	/// builds), time for the owner to notice a theft and dispute it.
	pub const InitialColdkeySwapAnnouncementDelay: BlockNumber =
		if cfg!(feature = "fast-blocks") { 50 } else { 36_000 };
	/// The reference chain's reannouncement delay: 1 day (10 blocks in fast-blocks builds)
	/// after the announcement delay before an announcement may be replaced or cleared.
	pub const InitialColdkeySwapReannouncementDelay: BlockNumber =
		if cfg!(feature = "fast-blocks") { 10 } else { 7_200 };
}

impl pallet_subtensor::Config for Runtime {
	type Currency = Balances;
	type UnownedAccount = UnownedAccount;
	type MinStake = MinStake;
	type KeySwapCost = KeySwapCost;
	type KeySwapOnSubnetCost = KeySwapOnSubnetCost;
	type NestedCalls = crate::nested_calls::NestedCalls;
	type HotkeySwapOnSubnetInterval = HotkeySwapOnSubnetInterval;
	type InitialColdkeySwapAnnouncementDelay = InitialColdkeySwapAnnouncementDelay;
	type InitialColdkeySwapReannouncementDelay = InitialColdkeySwapReannouncementDelay;
	/// `Commitments.set_commitment`, checked in the pool like the pallet's own free calls.
	type OtherFreeCalls = commitments::CommitmentFreeCalls;
	/// Generated by frame-omni-bencher on a development machine (`scripts/benchmark.sh`).
	type WeightInfo = pallet_subtensor::weights::SubstrateWeight<Runtime>;
}

impl pallet_admin_utils::Config for Runtime {
	/// Generated by frame-omni-bencher on a development machine (`scripts/benchmark.sh`).
	type WeightInfo = pallet_admin_utils::weights::SubstrateWeight<Runtime>;
}
