//! Unit tests on the mock runtime; tests may panic, index and use plain arithmetic.
#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects,
	clippy::float_arithmetic
)]

mod children;
mod client_calls;
mod commit_reveal;
mod dissolve;
mod emission;
mod free_calls;
mod genesis;
mod hardening;
mod hooks;
mod issuance;
mod locks;
mod migrations;
mod registration;
mod rpc_info;
mod serving;
mod staking;
mod subnets;
mod swap_coldkey;
mod swap_hotkey;
mod weights;
