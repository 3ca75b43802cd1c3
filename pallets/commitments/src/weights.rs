//! Weights for `pallet_commitments`. HAND-WRITTEN, not generated: frame-omni-bencher is not
//! installed on the machine this pallet was written on. The benchmarks exist
//! (`benchmarking.rs`, listed in the runtime); regenerate this file with
//! `scripts/benchmark.sh pallet_commitments pallets/commitments/src/weights.rs`.
//!
//! Estimates: the reference chain's measured times (`set_commitment` 33.5 µs, `set_max_space`
//! 2.9 µs) rounded up, with this pallet's storage accesses counted from the code, each at the
//! worst case (a deposit to reserve, a `ResetBondsFlag` to record). Proof sizes from the
//! largest `CommitmentOf` value (3 fields of 1035 bytes, plus deposit, block and key).

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(clippy::unnecessary_cast)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// The weight of each call of `pallet_commitments`.
pub trait WeightInfo {
	fn set_commitment() -> Weight;
	fn set_max_space() -> Weight;
}

/// Weights for `pallet_commitments` on this chain's runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `SubtensorModule::Uids` (r:1 w:0) — `CanCommit`
	/// Storage: `SubtensorModule::SubnetEpochIndex` (r:1 w:0) — `TempoInterface`
	/// Storage: `Commitments::UsedSpaceOf` (r:1 w:1)
	/// Storage: `Commitments::MaxSpace` (r:1 w:0)
	/// Storage: `Commitments::CommitmentOf` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1) — the deposit
	/// Storage: `Commitments::LastCommitment` (r:0 w:1)
	/// Storage: `Commitments::LastBondsReset` (r:0 w:1)
	fn set_commitment() -> Weight {
		Weight::from_parts(40_000_000, 6_700)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Commitments::MaxSpace` (r:0 w:1)
	fn set_max_space() -> Weight {
		Weight::from_parts(3_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For tests: the same estimates with ParityDB costs.
impl WeightInfo for () {
	fn set_commitment() -> Weight {
		Weight::from_parts(40_000_000, 6_700)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn set_max_space() -> Weight {
		Weight::from_parts(3_000_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
