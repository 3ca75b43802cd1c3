//! Chain specifications: `dev` (one authority) and `local` (two), built from the runtime's
//! genesis presets.

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
