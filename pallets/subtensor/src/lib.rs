//! # SubtensorModule
//!
//! The pallet that hosts Bittensor's market of subnets on this chain.
//!
//! ## Terms
//!
//! - **Subnet** (`netuid: u16`): a market with its own TAO/alpha pool and its own consensus.
//!   Subnet 0 is the *root* subnet: it exists from genesis, holds TAO stake 1:1 and has no pool.
//! - **Hotkey / coldkey**: a neuron is identified by its hotkey; the coldkey owns the hotkey and
//!   holds the funds and the stake.
//! - **TAO / alpha**: TAO is the chain's token (9 decimals, 1 TAO = 10^9 RAO); every subnet has
//!   its own alpha token, also with 9 decimals.
//! - **Tempo / epoch**: every `Tempo` blocks a subnet runs its Yuma Consensus epoch.
//!
//! The economic and consensus formulas live in the FRAME-free crate `subtensor-math`; this
//! pallet reads storage, calls them and writes the results.
//!
//! ## Layout of `src/`
//!
//! - `lib.rs`: declarations only (config, storage, events, errors, genesis, hooks, calls).
//! - `issuance.rs`: the pallet's own TAO issuance counter (`TotalIssuance`) and recycling.
//! - `invariants.rs`: `do_try_state`, run by the `try_state` hook and after every test.
//! - `tests/`: unit tests on the mock runtime of `mock.rs`.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

mod issuance;
pub use issuance::RecycleTao;
#[cfg(any(feature = "try-runtime", test))]
mod invariants;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;

/// Identifier of a subnet. Clients encode it as a plain `u16`.
pub type NetUid = u16;

/// The root subnet: created at genesis, TAO-denominated, never pruned.
pub const ROOT_NETUID: NetUid = 0;

/// Token symbol of the root subnet: the Greek capital letter tau, "Τ" (U+03A4), in UTF-8.
pub const ROOT_SYMBOL: [u8; 2] = [0xCE, 0xA4];

#[frame_support::pallet]
pub mod pallet {
	use super::{NetUid, ROOT_NETUID, ROOT_SYMBOL};
	use frame_support::{pallet_prelude::*, traits::fungible, BoundedVec};
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// Longest token symbol, in bytes (the longest entries of the reference's symbol table are
	/// a few UTF-8 code points).
	pub type MaxSymbolLen = ConstU32<32>;

	/// A subnet's token symbol as UTF-8 bytes.
	pub type TokenSymbolOf = BoundedVec<u8, MaxSymbolLen>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The TAO currency (pallet-balances), in RAO.
		type Currency: fungible::Mutate<Self::AccountId, Balance = u64>
			+ fungible::Balanced<Self::AccountId, Balance = u64>;
	}

	// ---- subnets (owner: src/lib.rs genesis; later src/subnets) ----

	/// Whether a subnet exists: `NetUid → bool`.
	///
	/// Invariant: `NetworksAdded[0]` is true from genesis on.
	#[pallet::storage]
	pub type NetworksAdded<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery>;

	/// Number of subnets that exist, root included.
	#[pallet::storage]
	pub type TotalNetworks<T> = StorageValue<_, u16, ValueQuery>;

	/// Mechanism of a subnet: `NetUid → u16`; 0 = stable (1:1, root), 1 = dynamic (pool).
	#[pallet::storage]
	pub type SubnetMechanism<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery>;

	/// Blocks between two epochs of a subnet: `NetUid → u16`.
	#[pallet::storage]
	pub type Tempo<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery>;

	/// Token symbol of a subnet's alpha: `NetUid → UTF-8 bytes`.
	#[pallet::storage]
	pub type TokenSymbol<T> = StorageMap<_, Identity, NetUid, TokenSymbolOf, ValueQuery>;

	// ---- issuance (owner: src/issuance.rs) ----

	/// The pallet's own count of TAO issued, in RAO.
	///
	/// Starts equal to pallet-balances' total issuance at genesis. Recycling lowers it (so that
	/// the amount can be emitted again); emission raises it. Block emission is computed from it.
	#[pallet::storage]
	pub type TotalIssuance<T> = StorageValue<_, u64, ValueQuery>;

	/// Genesis configuration.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Tempo of the root subnet (the reference uses 100).
		pub root_tempo: u16,
		#[serde(skip)]
		#[doc(hidden)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// Root subnet 0: TAO-denominated (mechanism 0), symbol "Τ".
			NetworksAdded::<T>::insert(ROOT_NETUID, true);
			TotalNetworks::<T>::put(1);
			SubnetMechanism::<T>::insert(ROOT_NETUID, 0);
			let tempo = if self.root_tempo == 0 { 100 } else { self.root_tempo };
			Tempo::<T>::insert(ROOT_NETUID, tempo);
			let symbol: TokenSymbolOf = BoundedVec::truncate_from(ROOT_SYMBOL.to_vec());
			TokenSymbol::<T>::insert(ROOT_NETUID, symbol);
			// Pallet-balances is built before this pallet (lower index), so its issuance is final.
			TotalIssuance::<T>::put(
				<T::Currency as fungible::Inspect<T::AccountId>>::total_issuance(),
			);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
