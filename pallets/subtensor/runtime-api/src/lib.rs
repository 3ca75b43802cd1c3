//! Runtime APIs of `SubtensorModule`, with the names and parameter names clients call
//! (clients.md §5.4). Declared here, implemented in the runtime's `apis.rs`.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
pub use pallet_subtensor::rpc_info::{SimSwapResult, SubnetPrice};

sp_api::decl_runtime_apis! {
	/// Subnet registration quotes.
	pub trait SubnetRegistrationRuntimeApi {
		/// The TAO (in RAO) that `register_network` would charge in the next block's state:
		/// the lock cost of economics.md §1.2.
		fn get_network_registration_cost() -> u64;
	}

	/// Prices and swap previews of the subnets' pools, so that a client can see the slippage
	/// before it stakes (the reference chain's `SwapRuntimeApi`).
	pub trait SwapRuntimeApi {
		/// The spot price of `netuid`'s alpha in RAO per alpha (10⁹ = 1.0; root is 1.0; 0 for
		/// an unknown subnet or an empty pool).
		fn current_alpha_price(netuid: u16) -> u64;
		/// The spot price of every subnet, root included, in netuid order.
		fn current_alpha_price_all() -> Vec<SubnetPrice>;
		/// What staking `tao` RAO on `netuid` would give now (`add_stake`'s exact result:
		/// fee, alpha out and slippage against the spot price). All zeros if it would fail.
		fn sim_swap_tao_for_alpha(netuid: u16, tao: u64) -> SimSwapResult;
		/// What unstaking `alpha` on `netuid` would give now (`remove_stake`'s exact result).
		/// All zeros if it would fail.
		fn sim_swap_alpha_for_tao(netuid: u16, alpha: u64) -> SimSwapResult;
	}
}
