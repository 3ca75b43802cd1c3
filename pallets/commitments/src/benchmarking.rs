//! Benchmarks of both calls (frame-benchmarking v2). Worst case of `set_commitment`: a hotkey
//! that already has a commitment (read and replaced), `MaxFields` fields of the largest stored
//! kind (`BigRaw`, 512 bytes each) and a deposit to reserve.
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
use alloc::{boxed::Box, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::BoundedVec;
use frame_system::RawOrigin;

/// `MaxFields` fields of 512 bytes.
fn largest_info<T: Config>() -> CommitmentInfo<T::MaxFields> {
	let field = Data::BigRaw(
		BoundedVec::try_from(vec![7u8; MAX_BIGRAW_COMMITMENT_SIZE_BYTES as usize]).unwrap(),
	);
	let fields: Vec<Data> = (0..T::MaxFields::get()).map(|_| field.clone()).collect();
	CommitmentInfo { fields: BoundedVec::try_from(fields).unwrap() }
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_commitment() {
		let netuid: NetUid = 1;
		let caller: T::AccountId = whitelisted_caller();
		T::CanCommit::make_committer(netuid, &caller);
		let deposit = T::InitialDeposit::get()
			.saturating_add(T::FieldDeposit::get().saturating_mul(T::MaxFields::get().into()));
		let funds =
			T::Currency::minimum_balance().saturating_add(deposit).saturating_mul(4u32.into());
		T::Currency::make_free_balance_be(&caller, funds);
		// An earlier commitment with one field, so that the call replaces it and reserves more.
		let first = CommitmentInfo {
			fields: BoundedVec::try_from(vec![Data::Raw(BoundedVec::new())]).unwrap(),
		};
		Pallet::<T>::do_set_commitment(&caller, netuid, first).unwrap();
		let info = largest_info::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), netuid, Box::new(info.clone()));

		assert_eq!(CommitmentOf::<T>::get(netuid, &caller).map(|r| r.info), Some(info));
	}

	#[benchmark]
	fn set_max_space() {
		#[extrinsic_call]
		_(RawOrigin::Root, 5_000);

		assert_eq!(MaxSpace::<T>::get(), 5_000);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::ExtBuilder.build(), crate::mock::Test);
}
