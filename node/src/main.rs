//! The node of the subtensor-style chain: Aura block production, GRANDPA finality, ParityDB.

// The CLI and service return the SDK's own error types (`sc_cli::Error`, `sc_service::Error`),
// which are large by design; boxing them here would only add noise.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
