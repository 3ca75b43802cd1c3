//! Runtime APIs of `SubtensorModule`, with the names and parameter names clients call
//! (clients.md §5.4). Declared here, implemented in the runtime's `apis.rs`.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

sp_api::decl_runtime_apis! {
	/// Subnet registration quotes.
	pub trait SubnetRegistrationRuntimeApi {
		/// The TAO (in RAO) that `register_network` would charge in the next block's state:
		/// the lock cost of economics.md §1.2.
		fn get_network_registration_cost() -> u64;
	}
}
