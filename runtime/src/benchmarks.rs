//! The pallets whose benchmarks this runtime runs (feature `runtime-benchmarks`).

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_multisig, Multisig]
	[pallet_preimage, Preimage]
	[pallet_scheduler, Scheduler]
	[pallet_proxy, Proxy]
	[pallet_subtensor, SubtensorModule]
	[pallet_admin_utils, AdminUtils]
	[pallet_commitments, Commitments]
);
