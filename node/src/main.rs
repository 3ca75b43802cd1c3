//! The node of the subtensor-style chain: Aura block production, GRANDPA finality, ParityDB.

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
