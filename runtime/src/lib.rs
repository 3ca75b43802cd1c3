//! The runtime of the subtensor-style chain: a proof-of-authority chain (Aura blocks, GRANDPA
//! finality, sudo as governance) that hosts `SubtensorModule`.
//!
//! Layout, as in the Polkadot SDK's solochain template:
//! - `lib.rs`: types, `VERSION`, block time and the pallet list with fixed indices;
//! - `configs/`: one `impl X::Config for Runtime` per pallet, with its parameters;
//! - `apis.rs`: the runtime APIs;
//! - `genesis_config_presets.rs`: the `development` and `local_testnet` genesis presets.
#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`/`impl_runtime_apis` expand to code that trips these lints.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod check_nonce;
pub mod configs;
pub mod genesis_config_presets;
pub mod nested_calls;
pub mod proxy;
#[cfg(test)]
mod tests;

use alloc::vec::Vec;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: what the node needs to know about blocks without knowing the runtime's calls.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The session keys of an authority: Aura for blocks, GRANDPA for finality.
	pub struct SessionKeys {
		/// Aura (sr25519) block-production key.
		pub aura: Aura,
		/// GRANDPA (ed25519) finality key.
		pub grandpa: Grandpa,
	}
}

/// The runtime's version. Bump `spec_version` for every runtime change (in both definitions
/// below) and `transaction_version` whenever the encoding of calls changes.
#[cfg(not(feature = "spec-version-bump"))]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("subtensor-chain"),
	impl_name: alloc::borrow::Cow::Borrowed("subtensor-chain"),
	authoring_version: 1,
	spec_version: 109,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 6,
	system_version: 1,
};

/// The same runtime one `spec_version` higher, built with the `spec-version-bump` feature (into
/// `subtensor_runtime_next.compact.compressed.wasm`): the network test enacts it as a forkless
/// upgrade. Never deploy it: it is this runtime under another version number.
#[cfg(feature = "spec-version-bump")]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("subtensor-chain"),
	impl_name: alloc::borrow::Cow::Borrowed("subtensor-chain"),
	authoring_version: 1,
	spec_version: 110,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 6,
	system_version: 1,
};

/// Milliseconds per block: 12 s on a production build (7200 blocks a day), 250 ms with the
/// `fast-blocks` feature so that tempo-driven behaviour can be watched in minutes.
#[cfg(not(feature = "fast-blocks"))]
pub const MILLISECS_PER_BLOCK: u64 = 12_000;
/// Milliseconds per block: 12 s on a production build (7200 blocks a day), 250 ms with the
/// `fast-blocks` feature so that tempo-driven behaviour can be watched in minutes.
#[cfg(feature = "fast-blocks")]
pub const MILLISECS_PER_BLOCK: u64 = 250;

/// Aura slot duration. It cannot be changed once the chain has started.
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

/// One TAO in RAO: the token has 9 decimals.
pub const TAO: Balance = 1_000_000_000;

/// Below this many RAO an account is reaped (its dust is recycled).
pub const EXISTENTIAL_DEPOSIT: Balance = 500;

/// A block number.
pub type BlockNumber = u32;
/// Transaction signature: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;
/// Account identifier: the public key of the signature scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A balance in RAO (1 TAO = 10^9 RAO). `u64`, as Bittensor's clients expect.
pub type Balance = u64;
/// Transaction counter of an account.
pub type Nonce = u32;
/// Block and state hash.
pub type Hash = sp_core::H256;
/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// The transaction extensions. Every one is either a standard identifier the clients know
/// (`CheckNonce` is our own, see `check_nonce.rs`, with frame-system's identifier and encoding)
/// or carries no bytes at all (`SubtensorTransactionExtension`, which validates the free calls
/// in the pool), so that polkadot.js and the Python clients can build transactions.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	check_nonce::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	pallet_subtensor::SubtensorTransactionExtension<Runtime>,
);
/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;
/// Storage migrations run when the runtime is upgraded. Each is versioned: it acts once, on a
/// chain at its source storage version, and costs one read elsewhere.
///
/// - `SubtensorModule` 1 → 2: the stake-position indices (`SubnetStakePositions`,
///   `ReceivedStakeHotkeys`) for chains started before they existed.
pub type Migrations = (pallet_subtensor::migrations::v2::MigrateV1ToV2<Runtime>,);
/// Executive: dispatches to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// The pallets, with indices that never change (they follow the reference chain's, so that
/// raw call encodings line up: SubtensorModule is 7, Sudo 12).
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
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(2)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(3)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(4)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(5)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(6)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(7)]
	pub type SubtensorModule = pallet_subtensor;

	#[runtime::pallet_index(11)]
	pub type Utility = pallet_utility;

	#[runtime::pallet_index(12)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(13)]
	pub type Multisig = pallet_multisig;

	#[runtime::pallet_index(14)]
	pub type Preimage = pallet_preimage;

	#[runtime::pallet_index(15)]
	pub type Scheduler = pallet_scheduler;

	#[runtime::pallet_index(16)]
	pub type Proxy = pallet_proxy;

	#[runtime::pallet_index(18)]
	pub type Commitments = pallet_commitments;

	#[runtime::pallet_index(19)]
	pub type AdminUtils = pallet_admin_utils;
}
