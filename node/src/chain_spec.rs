//! Chain specifications: `dev` (one authority), `local` (two), `local3` and `local4`, built from the
//! runtime's genesis presets. `build-spec --chain <id> --raw` writes any of them as a JSON file
//! that another machine starts from with `--chain <file>`.

use sc_service::{ChainType, Properties};
use subtensor_runtime::WASM_BINARY;

/// A chain specification of this chain (no node-side extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

/// What wallets and explorers show: the TAO token with 9 decimals and SS58 prefix 42.
fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), "TAO".into());
	properties.insert("tokenDecimals".into(), 9.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The runtime's WASM binary is not available: this node was built with SKIP_WASM_BUILD; \
		 rebuild without it."
			.to_string()
	})
}

/// `dev`: Alice is the only authority and the sudo key.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Subtensor Development")
		.with_id("dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `local`: Alice and Bob are the authorities.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Subtensor Local Testnet")
		.with_id("local_testnet")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `local3` (Alice, Bob, Charlie) or `local4` (and Dave): local networks of `n` authorities.
pub fn local_n_chain_spec(n: u8) -> Result<ChainSpec, String> {
	let (id, preset) = match n {
		3 => (
			"local3_testnet",
			subtensor_runtime::genesis_config_presets::LOCAL3_TESTNET_RUNTIME_PRESET,
		),
		4 => (
			"local4_testnet",
			subtensor_runtime::genesis_config_presets::LOCAL4_TESTNET_RUNTIME_PRESET,
		),
		_ => {
			return Err(format!("no local chain with {n} authorities: use local, local3 or local4"))
		},
	};
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name(&format!("Subtensor Local Testnet ({n} authorities)"))
		.with_id(id)
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}
