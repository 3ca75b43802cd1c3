//! Genesis presets: `development` (one authority, Alice), `local_testnet` (Alice and Bob),
//! `local3_testnet` (Alice, Bob, Charlie) and `local4_testnet` (Alice, Bob, Charlie and Dave: a
//! network that keeps finalizing with one authority down).
//!
//! Every well-known development account is endowed with 1 000 000 TAO, so that genesis issuance is
//! 6M TAO and the block reward starts at 1 TAO (a devnet endowed with astronomical balances would
//! be past the 21M cap and emit nothing). Alice is the sudo key on both.

use crate::{AccountId, BalancesConfig, RuntimeGenesisConfig, SudoConfig, TAO};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// Balance of each endowed development account: 1 000 000 TAO.
pub const ENDOWMENT: u64 = 1_000_000 * TAO;

/// Tempo of the root subnet.
const ROOT_TEMPO: u16 = 100;

/// Development waiting periods (devnet.md "Time"): production values are days long; on a
/// development chain a new subnet can be started 10 blocks after registration, another subnet
/// can be registered 10 blocks after the last, and a subnet is immune from pruning for 100 blocks.
pub const DEV_START_CALL_DELAY: u64 = 10;
/// See [`DEV_START_CALL_DELAY`].
pub const DEV_NETWORK_RATE_LIMIT: u64 = 10;
/// See [`DEV_START_CALL_DELAY`].
pub const DEV_NETWORK_IMMUNITY_PERIOD: u64 = 100;

fn testnet_genesis(
	initial_authorities: Vec<(AuraId, GrandpaId)>,
	endowed_accounts: Vec<AccountId>,
	root: AccountId,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: initial_authorities.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: initial_authorities.iter().map(|x| (x.1.clone(), 1)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
		subtensor_module: pallet_subtensor::GenesisConfig {
			root_tempo: ROOT_TEMPO,
			start_call_delay: Some(DEV_START_CALL_DELAY),
			network_rate_limit: Some(DEV_NETWORK_RATE_LIMIT),
			network_immunity_period: Some(DEV_NETWORK_IMMUNITY_PERIOD),
		},
	})
}

/// The Aura (sr25519) and GRANDPA (ed25519) keys of a development authority, from its name.
fn authority(aura: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(aura.public().into(), grandpa.public().into())
}

/// The six well-known development accounts: Alice, Bob, Charlie, Dave, Eve and Ferdie.
fn dev_accounts() -> Vec<AccountId> {
	[
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
		Sr25519Keyring::Ferdie,
	]
	.into_iter()
	.map(|k| k.to_account_id())
	.collect()
}

/// `development`: Alice is the only authority and the sudo key.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// `local_testnet`: Alice and Bob are the authorities, Alice is the sudo key.
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![
			authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// Name of the three-authority local preset (the container network of `docker/compose.yml`).
pub const LOCAL3_TESTNET_RUNTIME_PRESET: &str = "local3_testnet";
/// Name of the four-authority local preset (the network tests).
pub const LOCAL4_TESTNET_RUNTIME_PRESET: &str = "local4_testnet";

/// A local network whose authorities are the first `n` (at most 4) of Alice, Bob, Charlie and
/// Dave (Aura sr25519 and GRANDPA ed25519 keys from their well-known development seeds); Alice is
/// the sudo key. GRANDPA needs more than 2/3 of the voters: 4 authorities keep finalizing with
/// one down, 3 need all three.
pub fn local_n_config_genesis(n: usize) -> Value {
	let authorities = [
		(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	];
	testnet_genesis(
		authorities.into_iter().take(n).map(|(a, g)| authority(a, g)).collect(),
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The JSON patch of the preset `id`, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		LOCAL3_TESTNET_RUNTIME_PRESET => local_n_config_genesis(3),
		LOCAL4_TESTNET_RUNTIME_PRESET => local_n_config_genesis(4),
		_ => return None,
	};
	Some(serde_json::to_string(&patch).unwrap_or_default().into_bytes())
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(LOCAL3_TESTNET_RUNTIME_PRESET),
		PresetId::from(LOCAL4_TESTNET_RUNTIME_PRESET),
	]
}
