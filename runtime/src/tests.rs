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

/// Regression of issue 11, finding 7: `Balances::burn` was callable by anyone and broke
/// `TotalIssuance == balances issuance + TotalStake`. The runtime's call filter refuses it,
/// directly and inside a batch.
#[test]
fn finding_7_balances_burn_is_filtered_and_issuance_stays_exact() {
	use sp_runtime::traits::Dispatchable as _;
	preset_externalities("development").execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let origin = crate::RuntimeOrigin::signed(alice.clone());
		let burn = crate::RuntimeCall::Balances(pallet_balances::Call::burn {
			value: TAO,
			keep_alive: true,
		});
		let balance = Balances::balance(&alice);
		let direct = burn.clone().dispatch(origin.clone());
		assert_eq!(
			direct.map_err(|e| e.error),
			Err(frame_system::Error::<Runtime>::CallFiltered.into())
		);
		let batch = crate::RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![burn.clone()],
		});
		assert!(batch.dispatch(origin).is_err());
		assert_eq!(Balances::balance(&alice), balance, "nothing was burned");
		assert_eq!(
			pallet_subtensor::TotalIssuance::<Runtime>::get(),
			Balances::total_issuance() + pallet_subtensor::TotalStake::<Runtime>::get()
		);
	});
}
