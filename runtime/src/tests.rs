//! Tests of the runtime's configuration: genesis presets, fees, versions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::{
	configs::WeightToFee, genesis_config_presets, Balances, Runtime, RuntimeGenesisConfig, TAO,
	VERSION,
};
use frame_support::{
	genesis_builder_helper::build_state,
	traits::fungible::Inspect,
	weights::{Weight, WeightToFee as _},
};
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;

/// Merge a JSON patch into a JSON value, as the node does with a preset and the default config.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// Genesis storage of a preset, as the node builds it: the preset's patch over the defaults.
fn preset_externalities(name: &str) -> sp_io::TestExternalities {
	let patch = genesis_config_presets::get_preset(&PresetId::from(name)).expect("known preset");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, serde_json::from_slice(&patch).unwrap());
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| {
		build_state::<RuntimeGenesisConfig>(serde_json::to_vec(&config).unwrap())
			.expect("preset builds")
	});
	ext
}

#[test]
fn development_preset_endows_six_accounts_with_a_million_tao() {
	preset_externalities("development").execute_with(|| {
		assert_eq!(Balances::total_issuance(), 6_000_000 * TAO);
		for who in [Sr25519Keyring::Alice, Sr25519Keyring::Ferdie] {
			assert_eq!(Balances::balance(&who.to_account_id()), 1_000_000 * TAO);
		}
		assert_eq!(pallet_subtensor::TotalIssuance::<Runtime>::get(), 6_000_000 * TAO);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(pallet_grandpa::Authorities::<Runtime>::get().len(), 1);
	});
}

#[test]
fn local_testnet_preset_has_alice_and_bob_as_authorities() {
	preset_externalities("local_testnet").execute_with(|| {
		let aura = pallet_aura::Authorities::<Runtime>::get();
		let expected: Vec<sp_consensus_aura::sr25519::AuthorityId> =
			vec![Sr25519Keyring::Alice.public().into(), Sr25519Keyring::Bob.public().into()];
		assert_eq!(aura.into_inner(), expected);
		assert_eq!(pallet_grandpa::Authorities::<Runtime>::get().len(), 2);
		assert!(pallet_subtensor::NetworksAdded::<Runtime>::get(0));
	});
}

#[test]
fn unknown_preset_is_refused_and_known_ones_are_listed() {
	assert!(genesis_config_presets::get_preset(&PresetId::from("mainnet")).is_none());
	let names = genesis_config_presets::preset_names();
	assert!(names.contains(&PresetId::from("development")));
	assert!(names.contains(&PresetId::from("local_testnet")));
}

#[test]
fn a_nanosecond_of_weight_costs_one_rao() {
	assert_eq!(WeightToFee::weight_to_fee(&Weight::from_parts(1_000, 0)), 1);
	assert_eq!(WeightToFee::weight_to_fee(&Weight::from_parts(150_000_000, 0)), 150_000);
	assert_eq!(WeightToFee::weight_to_fee(&Weight::zero()), 0);
}

#[test]
fn version_is_what_clients_read() {
	assert_eq!(VERSION.spec_name, "subtensor-chain");
	assert_eq!(<Runtime as frame_system::Config>::SS58Prefix::get(), 42);
}

#[test]
fn development_preset_shortens_the_waiting_periods_and_quotes_the_minimum_lock() {
	use crate::genesis_config_presets::{
		DEV_NETWORK_IMMUNITY_PERIOD, DEV_NETWORK_RATE_LIMIT, DEV_START_CALL_DELAY,
	};
	preset_externalities("development").execute_with(|| {
		assert_eq!(pallet_subtensor::StartCallDelay::<Runtime>::get(), DEV_START_CALL_DELAY);
		assert_eq!(pallet_subtensor::NetworkRateLimit::<Runtime>::get(), DEV_NETWORK_RATE_LIMIT);
		assert_eq!(
			pallet_subtensor::NetworkImmunityPeriod::<Runtime>::get(),
			DEV_NETWORK_IMMUNITY_PERIOD
		);
		// What `SubnetRegistrationRuntimeApi::get_network_registration_cost` returns.
		assert_eq!(crate::SubtensorModule::get_network_lock_cost(), 1_000 * TAO);
	});
}

#[test]
fn an_unowned_hotkey_reads_as_owned_by_the_zero_account() {
	preset_externalities("development").execute_with(|| {
		let nobody = Sr25519Keyring::Eve.to_account_id();
		assert_eq!(
			pallet_subtensor::Owner::<Runtime>::get(&nobody),
			crate::AccountId::new([0u8; 32])
		);
	});
}

/// Every runtime API method the Bittensor SDK 10.5.0 and btcli 9.23.2 call, with its parameter
/// names (clients may pass parameters by name): what the V15 metadata must list.
const CLIENT_API_METHODS: &[(&str, &str, &[&str])] = &[
	("SubnetInfoRuntimeApi", "get_subnet_info", &["netuid"]),
	("SubnetInfoRuntimeApi", "get_subnets_info", &[]),
	("SubnetInfoRuntimeApi", "get_subnet_info_v2", &["netuid"]),
	("SubnetInfoRuntimeApi", "get_subnets_info_v2", &[]),
	("SubnetInfoRuntimeApi", "get_subnet_hyperparams", &["netuid"]),
	("SubnetInfoRuntimeApi", "get_subnet_hyperparams_v2", &["netuid"]),
	("SubnetInfoRuntimeApi", "get_subnet_hyperparams_v3", &["netuid"]),
	("SubnetInfoRuntimeApi", "get_all_dynamic_info", &[]),
	("SubnetInfoRuntimeApi", "get_dynamic_info", &["netuid"]),
	("SubnetInfoRuntimeApi", "get_all_metagraphs", &[]),
	("SubnetInfoRuntimeApi", "get_metagraph", &["netuid"]),
	("SubnetInfoRuntimeApi", "get_all_mechagraphs", &[]),
	("SubnetInfoRuntimeApi", "get_mechagraph", &["netuid", "mecid"]),
	("SubnetInfoRuntimeApi", "get_subnet_state", &["netuid"]),
	("SubnetInfoRuntimeApi", "get_selective_metagraph", &["netuid", "metagraph_indexes"]),
	("SubnetInfoRuntimeApi", "get_selective_mechagraph", &["netuid", "subid", "metagraph_indexes"]),
	("SubnetInfoRuntimeApi", "get_coldkey_auto_stake_hotkey", &["coldkey", "netuid"]),
	("SubnetInfoRuntimeApi", "get_subnet_to_prune", &[]),
	("SubnetInfoRuntimeApi", "get_next_epoch_start_block", &["netuid"]),
	("StakeInfoRuntimeApi", "get_stake_info_for_coldkey", &["coldkey_account"]),
	("StakeInfoRuntimeApi", "get_stake_info_for_coldkeys", &["coldkey_accounts"]),
	(
		"StakeInfoRuntimeApi",
		"get_stake_info_for_hotkey_coldkey_netuid",
		&["hotkey_account", "coldkey_account", "netuid"],
	),
	(
		"StakeInfoRuntimeApi",
		"get_stake_availability_for_coldkeys",
		&["coldkey_accounts", "netuids"],
	),
	(
		"StakeInfoRuntimeApi",
		"get_stake_fee",
		&[
			"origin",
			"origin_coldkey_account",
			"destination",
			"destination_coldkey_account",
			"amount",
		],
	),
	("StakeInfoRuntimeApi", "get_coldkey_lock", &["coldkey", "netuid"]),
	("StakeInfoRuntimeApi", "get_hotkey_conviction", &["hotkey", "netuid"]),
	("StakeInfoRuntimeApi", "get_most_convicted_hotkey_on_subnet", &["netuid"]),
	("DelegateInfoRuntimeApi", "get_delegates", &[]),
	("DelegateInfoRuntimeApi", "get_delegate", &["delegate_account"]),
	("DelegateInfoRuntimeApi", "get_delegated", &["delegatee_account"]),
	("NeuronInfoRuntimeApi", "get_neurons_lite", &["netuid"]),
	("NeuronInfoRuntimeApi", "get_neuron", &["netuid", "uid"]),
	("SwapRuntimeApi", "sim_swap_tao_for_alpha", &["netuid", "tao"]),
	("SwapRuntimeApi", "sim_swap_alpha_for_tao", &["netuid", "alpha"]),
	("SwapRuntimeApi", "current_alpha_price_all", &[]),
	("SubnetRegistrationRuntimeApi", "get_network_registration_cost", &[]),
];

#[test]
fn metadata_v15_lists_the_client_runtime_apis_with_their_parameter_names() {
	use codec::Decode;
	use frame_support::__private::{
		metadata::{RuntimeMetadata, RuntimeMetadataPrefixed},
		scale_info::{PortableRegistry, TypeDef, TypeDefPrimitive},
	};
	let bytes = Runtime::metadata_at_version(15).expect("V15 is served");
	let RuntimeMetadataPrefixed(_, RuntimeMetadata::V15(metadata)) =
		RuntimeMetadataPrefixed::decode(&mut &bytes[..]).unwrap()
	else {
		panic!("not V15");
	};
	// An output declared as raw bytes would send clients to their legacy decoders.
	fn is_bytes(types: &PortableRegistry, id: u32) -> bool {
		let def = |id: u32| &types.resolve(id).expect("known type").type_def;
		match def(id) {
			TypeDef::Sequence(s) => {
				matches!(def(s.type_param.id), TypeDef::Primitive(TypeDefPrimitive::U8))
			},
			_ => false,
		}
	}
	for (api, method, params) in CLIENT_API_METHODS {
		let found = metadata
			.apis
			.iter()
			.find(|a| a.name == *api)
			.unwrap_or_else(|| panic!("{api} missing"))
			.methods
			.iter()
			.find(|m| m.name == *method)
			.unwrap_or_else(|| panic!("{api}.{method} missing"));
		let names: Vec<&str> = found.inputs.iter().map(|i| i.name.as_str()).collect();
		assert_eq!(names, *params, "{api}.{method} parameters");
		assert!(!is_bytes(&metadata.types, found.output.id), "{api}.{method} returns Vec<u8>");
	}
}

#[test]
fn runtime_version_reports_the_subnet_info_api_at_version_2() {
	use sp_api::RuntimeApiInfo;
	let id = <dyn subtensor_runtime_api::SubnetInfoRuntimeApi<crate::Block, crate::AccountId>>::ID;
	assert!(VERSION.apis.iter().any(|(api, version)| *api == id && *version == 2));
}
