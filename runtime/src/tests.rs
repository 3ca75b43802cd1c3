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
fn local4_testnet_preset_has_four_authorities_with_their_own_keys() {
	preset_externalities("local4_testnet").execute_with(|| {
		let aura: Vec<sp_consensus_aura::sr25519::AuthorityId> =
			pallet_aura::Authorities::<Runtime>::get().into_inner();
		let expected: Vec<sp_consensus_aura::sr25519::AuthorityId> = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		]
		.into_iter()
		.map(|k| k.public().into())
		.collect();
		assert_eq!(aura, expected);
		let grandpa: Vec<sp_consensus_grandpa::AuthorityId> =
			pallet_grandpa::Authorities::<Runtime>::get().into_iter().map(|(id, _)| id).collect();
		let expected: Vec<sp_consensus_grandpa::AuthorityId> = [
			sp_keyring::Ed25519Keyring::Alice,
			sp_keyring::Ed25519Keyring::Bob,
			sp_keyring::Ed25519Keyring::Charlie,
			sp_keyring::Ed25519Keyring::Dave,
		]
		.into_iter()
		.map(|k| k.public().into())
		.collect();
		assert_eq!(grandpa, expected);
		assert!(pallet_subtensor::NetworksAdded::<Runtime>::get(0));
	});
}

#[test]
fn local3_testnet_preset_has_three_authorities() {
	preset_externalities("local3_testnet").execute_with(|| {
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 3);
		assert_eq!(pallet_grandpa::Authorities::<Runtime>::get().len(), 3);
	});
}

#[test]
fn unknown_preset_is_refused_and_known_ones_are_listed() {
	assert!(genesis_config_presets::get_preset(&PresetId::from("mainnet")).is_none());
	let names = genesis_config_presets::preset_names();
	assert!(names.contains(&PresetId::from("development")));
	assert!(names.contains(&PresetId::from("local_testnet")));
	assert!(names.contains(&PresetId::from("local3_testnet")));
	assert!(names.contains(&PresetId::from("local4_testnet")));
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

mod free_calls {
	//! The free (`Pays::No`) calls through the runtime's transaction pipeline.
	use super::preset_externalities;
	use crate::{
		check_nonce, Executive, Runtime, RuntimeCall, RuntimeOrigin, SignedPayload,
		SubtensorModule, TxExtension, UncheckedExtrinsic,
	};
	use codec::Encode;
	use frame_support::assert_ok;
	use sp_core::{sr25519, Pair};
	use sp_keyring::Sr25519Keyring;
	use sp_runtime::{
		generic::Era,
		traits::{Dispatchable, TransactionExtension},
		transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
		MultiAddress, MultiSignature,
	};

	/// The transaction extensions of a runtime with only the standard ones (what the Python
	/// clients know how to encode).
	type StandardTxExtension = (
		frame_system::CheckNonZeroSender<Runtime>,
		frame_system::CheckSpecVersion<Runtime>,
		frame_system::CheckTxVersion<Runtime>,
		frame_system::CheckGenesis<Runtime>,
		frame_system::CheckEra<Runtime>,
		frame_system::CheckNonce<Runtime>,
		frame_system::CheckWeight<Runtime>,
		pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	);

	fn our_extension(nonce: u32, tip: u64) -> TxExtension {
		(
			frame_system::CheckNonZeroSender::new(),
			frame_system::CheckSpecVersion::new(),
			frame_system::CheckTxVersion::new(),
			frame_system::CheckGenesis::new(),
			frame_system::CheckEra::from(Era::Immortal),
			check_nonce::CheckNonce::from(nonce),
			frame_system::CheckWeight::new(),
			pallet_transaction_payment::ChargeTransactionPayment::from(tip),
			pallet_subtensor::SubtensorTransactionExtension::new(),
		)
	}

	/// A signed extrinsic of `call` from `pair` with `nonce`.
	fn signed(pair: &sr25519::Pair, call: RuntimeCall, nonce: u32) -> UncheckedExtrinsic {
		let ext = our_extension(nonce, 0);
		let payload = SignedPayload::new(call.clone(), ext.clone()).unwrap();
		let signature = payload.using_encoded(|p| pair.sign(p));
		UncheckedExtrinsic::new_signed(
			call,
			MultiAddress::Id(pair.public().into()),
			MultiSignature::Sr25519(signature),
			ext,
		)
	}

	/// The pool's check of `uxt` (`TaggedTransactionQueue::validate_transaction`), its state
	/// changes discarded as the node discards them.
	fn validate(uxt: UncheckedExtrinsic) -> sp_runtime::transaction_validity::TransactionValidity {
		let parent = frame_system::BlockHash::<Runtime>::get(0);
		frame_support::storage::with_transaction_unchecked(|| {
			sp_runtime::TransactionOutcome::Rollback(Executive::validate_transaction(
				TransactionSource::External,
				uxt,
				parent,
			))
		})
	}

	fn unfunded_hotkey() -> sr25519::Pair {
		sr25519::Pair::from_string("//UnfundedValidatorHotkey", None).unwrap()
	}

	#[test]
	fn tx_extension_adds_zero_bytes_to_the_standard_ones() {
		preset_externalities("development").execute_with(|| {
			let ours = our_extension(7, 3);
			let standard: StandardTxExtension = (
				frame_system::CheckNonZeroSender::new(),
				frame_system::CheckSpecVersion::new(),
				frame_system::CheckTxVersion::new(),
				frame_system::CheckGenesis::new(),
				frame_system::CheckEra::from(Era::Immortal),
				frame_system::CheckNonce::from(7),
				frame_system::CheckWeight::new(),
				pallet_transaction_payment::ChargeTransactionPayment::from(3),
			);
			// Explicit part (in the extrinsic) and implicit part (in the signed payload).
			assert_eq!(ours.encode(), standard.encode());
			assert_eq!(ours.implicit().unwrap().encode(), standard.implicit().unwrap().encode());
			assert!(pallet_subtensor::SubtensorTransactionExtension::<Runtime>::new()
				.encode()
				.is_empty());
			// Its metadata type is a composite without fields, so a client that does not know
			// the identifier can see that it carries nothing.
			let ty = <pallet_subtensor::SubtensorTransactionExtension<Runtime> as scale_info::TypeInfo>::type_info();
			match ty.type_def {
				scale_info::TypeDef::Composite(c) => assert!(c.fields.is_empty()),
				other => panic!("unexpected type {other:?}"),
			}
			let ids: Vec<&str> = <TxExtension as TransactionExtension<RuntimeCall>>::metadata()
				.iter()
				.map(|m| m.identifier)
				.collect();
			let standard_ids: Vec<&str> =
				<StandardTxExtension as TransactionExtension<RuntimeCall>>::metadata()
					.iter()
					.map(|m| m.identifier)
					.collect();
			assert_eq!(ids[..8], standard_ids[..]);
			assert_eq!(ids[8], "SubtensorTransactionExtension");
		});
	}

	#[test]
	fn free_call_from_an_unregistered_unfunded_account_is_rejected_with_its_code() {
		preset_externalities("development").execute_with(|| {
			let pair = unfunded_hotkey();
			// Root exists and the row is empty, so the first failing check is registration.
			let call = RuntimeCall::SubtensorModule(pallet_subtensor::Call::set_weights {
				netuid: 0,
				dests: vec![],
				weights: vec![],
				version_key: 0,
			});
			let code = pallet_subtensor::CustomTransactionError::HotKeyNotRegistered.code();
			assert_eq!(code, 2);
			assert_eq!(
				validate(signed(&pair, call, 0)),
				Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(code)))
			);
			// A paid call from the same account is still refused for want of funds.
			let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: MultiAddress::Id(Sr25519Keyring::Bob.to_account_id()),
				value: 1,
			});
			assert_eq!(
				validate(signed(&pair, transfer, 0)),
				Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
			);
		});
	}

	/// A coldkey that announced a swap is frozen when it signs, and also when its proxy acts
	/// for it, inside a batch, and when it is a multisig account that its signatories act
	/// as; the swap's own calls still pass, and other accounts are not restricted.
	#[test]
	fn an_announced_coldkey_is_frozen_through_its_proxies_and_multisigs() {
		use crate::{proxy::ProxyType, Balances, Proxy};
		use sp_runtime::traits::Hash as _;
		preset_externalities("development").execute_with(|| {
			let (alice, bob, charlie) =
				(Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie);
			let nonce = |k: Sr25519Keyring| {
				frame_system::Pallet::<Runtime>::account_nonce(k.to_account_id())
			};
			let frozen = |code: pallet_subtensor::CustomTransactionError| {
				Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(code.code())))
			};
			let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: MultiAddress::Id(charlie.to_account_id()),
				value: 1_000_000_000,
			});
			assert_ok!(Proxy::add_proxy(
				RuntimeOrigin::signed(alice.to_account_id()),
				MultiAddress::Id(bob.to_account_id()),
				ProxyType::Any,
				0
			));
			let hash =
				<Runtime as frame_system::Config>::Hashing::hash_of(&charlie.to_account_id());
			assert_ok!(SubtensorModule::announce_coldkey_swap(
				RuntimeOrigin::signed(alice.to_account_id()),
				hash
			));
			let announced = pallet_subtensor::CustomTransactionError::ColdkeySwapAnnounced;
			assert_eq!(announced.code(), 36);
			// Alice herself.
			assert_eq!(
				validate(signed(&alice.pair(), transfer.clone(), nonce(alice))),
				frozen(announced)
			);
			// Bob as Alice's proxy, directly and inside a batch.
			let as_alice = RuntimeCall::Proxy(pallet_proxy::Call::proxy {
				real: MultiAddress::Id(alice.to_account_id()),
				force_proxy_type: None,
				call: Box::new(transfer.clone()),
			});
			assert_eq!(
				validate(signed(&bob.pair(), as_alice.clone(), nonce(bob))),
				frozen(announced)
			);
			let batch = RuntimeCall::Utility(pallet_utility::Call::batch {
				calls: vec![transfer.clone(), as_alice],
			});
			assert_eq!(validate(signed(&bob.pair(), batch, nonce(bob))), frozen(announced));
			// Bob's own transfer, and Alice's dispute (a swap call), pass.
			assert!(validate(signed(&bob.pair(), transfer.clone(), nonce(bob))).is_ok());
			let dispute =
				RuntimeCall::SubtensorModule(pallet_subtensor::Call::dispute_coldkey_swap {});
			assert!(validate(signed(&alice.pair(), dispute.clone(), nonce(alice))).is_ok());

			// A 1-of-2 multisig of Bob and Dave announces a swap (made by Bob for it); then
			// Dave acting as the multisig is frozen.
			let dave = Sr25519Keyring::Dave;
			let mut sigs = vec![bob.to_account_id(), dave.to_account_id()];
			sigs.sort();
			let multisig = pallet_multisig::Pallet::<Runtime>::multi_account_id(&sigs, 1);
			assert_ok!(Balances::transfer_keep_alive(
				RuntimeOrigin::signed(bob.to_account_id()),
				MultiAddress::Id(multisig.clone()),
				10_000_000_000
			));
			let announce =
				RuntimeCall::SubtensorModule(pallet_subtensor::Call::announce_coldkey_swap {
					new_coldkey_hash: hash,
				});
			assert_ok!(RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
				other_signatories: vec![dave.to_account_id()],
				call: Box::new(announce),
			})
			.dispatch(RuntimeOrigin::signed(bob.to_account_id())));
			assert!(pallet_subtensor::ColdkeySwapAnnouncements::<Runtime>::contains_key(&multisig));
			let as_multisig = RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
				other_signatories: vec![bob.to_account_id()],
				call: Box::new(transfer.clone()),
			});
			assert_eq!(validate(signed(&dave.pair(), as_multisig, nonce(dave))), frozen(announced));

			// After Alice's dispute, even the swap's calls are refused (code 37).
			assert_ok!(dispute.dispatch(RuntimeOrigin::signed(alice.to_account_id())));
			let disputed = pallet_subtensor::CustomTransactionError::ColdkeySwapDisputed;
			assert_eq!(validate(signed(&alice.pair(), transfer, nonce(alice))), frozen(disputed));
		});
	}

	#[test]
	fn registered_hotkey_with_no_balance_sets_weights_for_free() {
		preset_externalities("development").execute_with(|| {
			let pair = unfunded_hotkey();
			let hotkey: crate::AccountId = pair.public().into();
			let alice = Sr25519Keyring::Alice.to_account_id();
			assert_ok!(SubtensorModule::register_network(
				RuntimeOrigin::signed(alice),
				hotkey.clone()
			));
			let netuid = 1;
			assert_eq!(pallet_subtensor::Uids::<Runtime>::get(netuid, &hotkey), Some(0));
			pallet_subtensor::WeightsSetRateLimit::<Runtime>::insert(netuid, 0);
			let call = RuntimeCall::SubtensorModule(pallet_subtensor::Call::set_weights {
				netuid,
				dests: vec![0],
				weights: vec![1],
				version_key: 0,
			});
			let uxt = signed(&pair, call, 0);
			assert!(validate(uxt.clone()).is_ok());
			// Included in a block: succeeds and pays nothing.
			let parent = frame_system::BlockHash::<Runtime>::get(0);
			frame_system::Pallet::<Runtime>::initialize(&1, &parent, &Default::default());
			assert_eq!(Executive::apply_extrinsic(uxt), Ok(Ok(())));
			assert_eq!(pallet_subtensor::Weights::<Runtime>::get(netuid, 0).len(), 1);
			assert_eq!(pallet_balances::Pallet::<Runtime>::free_balance(&hotkey), 0);
			assert_eq!(frame_system::Pallet::<Runtime>::account_nonce(&hotkey), 1);
			// At block building the extension runs again (`apply_extrinsic` → `validate`): a
			// free call that has become invalid is refused as a transaction, so the block
			// builder leaves it out instead of including a free failure.
			pallet_subtensor::WeightsSetRateLimit::<Runtime>::insert(netuid, 100);
			let again = RuntimeCall::SubtensorModule(pallet_subtensor::Call::set_weights {
				netuid,
				dests: vec![0],
				weights: vec![3],
				version_key: 0,
			});
			let code = pallet_subtensor::CustomTransactionError::SettingWeightsTooFast.code();
			assert_eq!(
				Executive::apply_extrinsic(signed(&pair, again, 1)),
				Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(code)))
			);
			assert_eq!(frame_system::Pallet::<Runtime>::account_nonce(&hotkey), 1);
			pallet_subtensor::WeightsSetRateLimit::<Runtime>::insert(netuid, 0);
			// Wrapped in a utility batch the same call is not free (pallet-utility declares and
			// reports `Pays::Yes`), so the unfunded hotkey cannot send it.
			let inner = RuntimeCall::SubtensorModule(pallet_subtensor::Call::set_weights {
				netuid,
				dests: vec![0],
				weights: vec![2],
				version_key: 0,
			});
			let batch = RuntimeCall::Utility(pallet_utility::Call::batch { calls: vec![inner] });
			assert_eq!(
				frame_support::dispatch::GetDispatchInfo::get_dispatch_info(&batch).pays_fee,
				frame_support::dispatch::Pays::Yes
			);
			assert_eq!(
				validate(signed(&pair, batch, 1)),
				Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
			);
			// Serving an axon: free as well.
			let serve = RuntimeCall::SubtensorModule(pallet_subtensor::Call::serve_axon {
				netuid,
				version: 1,
				ip: 0x0a00_0001,
				port: 8091,
				ip_type: 4,
				protocol: 4,
				placeholder1: 0,
				placeholder2: 0,
			});
			assert_eq!(Executive::apply_extrinsic(signed(&pair, serve, 1)), Ok(Ok(())));
			assert!(pallet_subtensor::Axons::<Runtime>::get(netuid, &hotkey).is_some());
			assert_eq!(pallet_balances::Pallet::<Runtime>::free_balance(&hotkey), 0);
		});
	}

	/// `Commitments.set_commitment(netuid, fields)`.
	fn set_commitment(netuid: u16, fields: Vec<pallet_commitments::Data>) -> RuntimeCall {
		RuntimeCall::Commitments(pallet_commitments::Call::set_commitment {
			netuid,
			info: Box::new(pallet_commitments::CommitmentInfo {
				fields: frame_support::BoundedVec::try_from(fields).unwrap(),
			}),
		})
	}

	fn raw(bytes: &[u8]) -> pallet_commitments::Data {
		pallet_commitments::Data::Raw(frame_support::BoundedVec::try_from(bytes.to_vec()).unwrap())
	}

	#[test]
	fn registered_hotkey_with_no_balance_commits_for_free_and_failing_commitments_stay_out() {
		use pallet_subtensor::CustomTransactionError as C;
		preset_externalities("development").execute_with(|| {
			let pair = unfunded_hotkey();
			let hotkey: crate::AccountId = pair.public().into();
			let alice = Sr25519Keyring::Alice.to_account_id();
			assert_ok!(SubtensorModule::register_network(
				RuntimeOrigin::signed(alice),
				hotkey.clone()
			));
			let netuid = 1;
			let refused = |code: C| {
				TransactionValidityError::Invalid(InvalidTransaction::Custom(code.code()))
			};
			// Free, so that the unfunded hotkey may send it at all.
			let ok = set_commitment(netuid, vec![raw(b"model-v1")]);
			assert_eq!(
				frame_support::dispatch::GetDispatchInfo::get_dispatch_info(&ok).pays_fee,
				frame_support::dispatch::Pays::No
			);
			// Refused in the pool, each with its code: not registered on the subnet (code 2),
			// a timelocked field (38).
			assert_eq!(
				validate(signed(&pair, set_commitment(0, vec![raw(b"x")]), 0)),
				Err(refused(C::HotKeyNotRegistered))
			);
			let timelock = pallet_commitments::Data::TimelockEncrypted {
				encrypted: frame_support::BoundedVec::try_from(vec![1u8; 8]).unwrap(),
				reveal_round: 1,
			};
			assert_eq!(
				validate(signed(&pair, set_commitment(netuid, vec![timelock]), 0)),
				Err(refused(C::CommitmentTimelockNotSupported))
			);
			// Accepted, with one pool tag per hotkey and subnet.
			let valid = validate(signed(&pair, ok.clone(), 0)).unwrap();
			assert!(valid.provides.contains(&(b"CommitmentsFree", &hotkey, netuid).encode()));
			// Included in a block: stored, paid by nobody.
			let parent = frame_system::BlockHash::<Runtime>::get(0);
			frame_system::Pallet::<Runtime>::initialize(&1, &parent, &Default::default());
			assert_eq!(Executive::apply_extrinsic(signed(&pair, ok, 0)), Ok(Ok(())));
			let stored = pallet_commitments::CommitmentOf::<Runtime>::get(netuid, &hotkey).unwrap();
			assert_eq!(stored.info.fields.to_vec(), vec![raw(b"model-v1")]);
			assert_eq!(stored.deposit, 0);
			assert_eq!(pallet_balances::Pallet::<Runtime>::free_balance(&hotkey), 0);
			assert_eq!(frame_system::Pallet::<Runtime>::account_nonce(&hotkey), 1);
			// Over the space of the epoch: refused in the pool (code 36) and again at block
			// building, so it is never included as a free failure.
			pallet_commitments::MaxSpace::<Runtime>::put(150);
			let again = set_commitment(netuid, vec![raw(b"model-v2")]);
			assert_eq!(
				validate(signed(&pair, again.clone(), 1)),
				Err(refused(C::CommitmentSpaceLimitExceeded))
			);
			assert_eq!(
				Executive::apply_extrinsic(signed(&pair, again, 1)),
				Err(refused(C::CommitmentSpaceLimitExceeded))
			);
			assert_eq!(frame_system::Pallet::<Runtime>::account_nonce(&hotkey), 1);
			assert_eq!(
				pallet_commitments::CommitmentOf::<Runtime>::get(netuid, &hotkey).unwrap().info,
				stored.info
			);
		});
	}
}

/// Every runtime API method the Bittensor SDK 10.5.0 and btcli 9.23.2 call, with its parameter
/// names (clients may pass parameters by name): what the V15 metadata must list.
const CLIENT_API_METHODS: &[(&str, &str, &[&str])] = &[
	("ProxyFilterRuntimeApi", "get_proxy_types", &[]),
	("ProxyFilterRuntimeApi", "get_proxy_filter", &["proxy_type"]),
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

mod accounts {
	//! Multisig, Proxy, Preimage and Scheduler at the reference's indices, with the proxy types'
	//! filters meaning what they say.
	use super::preset_externalities;
	use crate::{
		proxy::{ProxyType, SMALL_TRANSFER_LIMIT},
		Balances, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System, TAO,
	};
	use frame_support::dispatch::GetDispatchInfo;
	use frame_support::{
		assert_ok,
		traits::{fungible::Inspect, InstanceFilter, OnInitialize, PalletInfoAccess},
	};
	use sp_keyring::Sr25519Keyring;
	use sp_runtime::{
		traits::{Dispatchable, Hash as _},
		AccountId32,
	};

	fn acc(k: Sr25519Keyring) -> AccountId32 {
		k.to_account_id()
	}

	fn transfer(to: &AccountId32, value: u64) -> RuntimeCall {
		RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: to.clone().into(),
			value,
		})
	}

	/// The inner result of the last `Proxy.proxy` (its `ProxyExecuted` event).
	fn last_proxy_result() -> sp_runtime::DispatchResult {
		System::events()
			.into_iter()
			.rev()
			.find_map(|r| match r.event {
				RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result }) => Some(result),
				_ => None,
			})
			.expect("a proxy call ran")
	}

	#[test]
	fn pallets_sit_at_the_reference_indices() {
		assert_eq!(crate::Multisig::index(), 13);
		assert_eq!(crate::Preimage::index(), 14);
		assert_eq!(crate::Scheduler::index(), 15);
		assert_eq!(crate::Proxy::index(), 16);
		assert_eq!(crate::Commitments::index(), 18);
	}

	#[test]
	fn proxy_type_indices_are_the_reference_ones() {
		use codec::Encode;
		assert_eq!(ProxyType::Any.encode(), vec![0]);
		assert_eq!(ProxyType::NonTransfer.encode(), vec![3]);
		assert_eq!(ProxyType::Staking.encode(), vec![8]);
		assert_eq!(ProxyType::Transfer.encode(), vec![10]);
		assert_eq!(ProxyType::SmallTransfer.encode(), vec![11]);
		assert_eq!(ProxyType::RootClaim.encode(), vec![17]);
	}

	/// Every entry of every rule names a pallet and call the runtime has (names are strings in
	/// the table: a typo would make a rule silently miss its call), and the runtime API
	/// describes each type from the same rule.
	#[test]
	fn every_rule_names_real_calls_and_the_api_describes_it() {
		use crate::proxy::{pallet_calls, proxy_filter_infos, proxy_type_infos, Mode};
		use pallet_subtensor::rpc_info::proxy_filter::FilterMode;
		for t in ProxyType::ALL {
			let rule = t.rule();
			for e in rule.calls.iter().chain(rule.exceptions) {
				let (_, names, _) = pallet_calls(e.pallet)
					.unwrap_or_else(|| panic!("{t:?}: unknown pallet {}", e.pallet));
				if let Some(call) = e.call {
					assert!(names.contains(&call), "{t:?}: no call {}::{call}", e.pallet);
				}
			}
			let info = proxy_filter_infos(Some(t.index()));
			assert_eq!(info.len(), 1);
			let info = &info[0];
			assert_eq!(info.name, format!("{t:?}").into_bytes());
			assert_eq!(info.calls.len(), rule.calls.len(), "{t:?}: every entry described");
			assert_eq!(info.exceptions.len(), rule.exceptions.len());
			let mode = match rule.mode {
				Mode::AllowAll => FilterMode::AllowAll,
				Mode::DenyAll => FilterMode::DenyAll,
				Mode::Allow => FilterMode::Allow,
				Mode::Deny => FilterMode::Deny,
			};
			assert_eq!(info.filter_mode, mode);
			assert_eq!(info.deprecated, t.is_retired());
		}
		let types = proxy_type_infos();
		assert_eq!(types.len(), 18);
		for (i, t) in types.iter().enumerate() {
			assert_eq!(usize::from(t.index), i);
		}
		assert_eq!(types[8].name, b"Staking".to_vec());
		assert_eq!(proxy_filter_infos(None).len(), 18);
		assert!(proxy_filter_infos(Some(200)).is_empty());
		// Indices as the metadata has them (transfer_stake is call 86 of SubtensorModule).
		let transfer = &proxy_filter_infos(Some(ProxyType::Transfer.index()))[0];
		let stake = transfer
			.calls
			.iter()
			.find(|c| c.call_name.as_deref() == Some(b"transfer_stake".as_slice()))
			.unwrap();
		assert_eq!(
			stake.pallet_index,
			u8::try_from(<crate::SubtensorModule as PalletInfoAccess>::index()).unwrap()
		);
		assert_eq!(stake.call_index, Some(86));
	}

	#[test]
	fn filters_allow_and_refuse_what_their_names_say() {
		let bob = acc(Sr25519Keyring::Bob);
		let add_stake = RuntimeCall::SubtensorModule(pallet_subtensor::Call::add_stake {
			hotkey: bob.clone(),
			netuid: 1,
			amount_staked: TAO,
		});
		let transfer_stake = |alpha_amount| {
			RuntimeCall::SubtensorModule(pallet_subtensor::Call::transfer_stake {
				destination_coldkey: bob.clone(),
				hotkey: bob.clone(),
				origin_netuid: 1,
				destination_netuid: 1,
				alpha_amount,
			})
		};
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		let set_code = RuntimeCall::Sudo(pallet_sudo::Call::sudo_unchecked_weight {
			call: Box::new(RuntimeCall::System(frame_system::Call::set_code { code: vec![] })),
			weight: Default::default(),
		});
		let sudo_remark =
			RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(remark.clone()) });

		assert!(ProxyType::Any.filter(&transfer(&bob, TAO)));
		assert!(ProxyType::Staking.filter(&add_stake));
		assert!(!ProxyType::Staking.filter(&transfer(&bob, 1)));
		assert!(!ProxyType::Staking.filter(&transfer_stake(1)));
		assert!(!ProxyType::NonTransfer.filter(&transfer(&bob, 1)));
		assert!(!ProxyType::NonTransfer.filter(&transfer_stake(1)));
		assert!(ProxyType::NonTransfer.filter(&add_stake));
		assert!(!ProxyType::NonFungible.filter(&add_stake));
		assert!(ProxyType::NonFungible.filter(&remark));
		assert!(!ProxyType::NonCritical.filter(&sudo_remark));
		assert!(ProxyType::Transfer.filter(&transfer(&bob, 1_000 * TAO)));
		assert!(ProxyType::SmallTransfer.filter(&transfer(&bob, SMALL_TRANSFER_LIMIT - 1)));
		assert!(!ProxyType::SmallTransfer.filter(&transfer(&bob, SMALL_TRANSFER_LIMIT)));
		assert!(ProxyType::SmallTransfer.filter(&transfer_stake(SMALL_TRANSFER_LIMIT - 1)));
		assert!(!ProxyType::SmallTransfer.filter(&transfer_stake(SMALL_TRANSFER_LIMIT)));
		assert!(ProxyType::SudoUncheckedSetCode.filter(&set_code));
		assert!(!ProxyType::SudoUncheckedSetCode.filter(&sudo_remark));
		for retired in [ProxyType::Senate, ProxyType::Triumvirate, ProxyType::Governance] {
			assert!(retired.is_retired() && !retired.filter(&remark));
		}
		assert!(!ProxyType::ChildKeys.filter(&remark) && !ProxyType::SwapHotkey.filter(&remark));
		let set_children = RuntimeCall::SubtensorModule(pallet_subtensor::Call::set_children {
			hotkey: bob.clone(),
			netuid: 1,
			children: vec![],
		});
		let swap_hotkey = RuntimeCall::SubtensorModule(pallet_subtensor::Call::swap_hotkey {
			hotkey: bob.clone(),
			new_hotkey: acc(Sr25519Keyring::Charlie),
			netuid: None,
		});
		assert!(ProxyType::ChildKeys.filter(&set_children));
		assert!(!ProxyType::ChildKeys.filter(&swap_hotkey));
		assert!(ProxyType::SwapHotkey.filter(&swap_hotkey));
		assert!(!ProxyType::SwapHotkey.filter(&set_children));
		assert!(!ProxyType::NonFungible.filter(&swap_hotkey));
		// A coldkey swap hands over the whole account: no deny-list type allows it.
		let announce =
			RuntimeCall::SubtensorModule(pallet_subtensor::Call::announce_coldkey_swap {
				new_coldkey_hash: Default::default(),
			});
		for t in [ProxyType::NonTransfer, ProxyType::NonCritical, ProxyType::NonFungible] {
			assert!(!t.filter(&announce), "{t:?}");
			assert!(t.filter(&set_children) || t == ProxyType::NonFungible, "{t:?}");
		}
		// A commitment is neither a transfer nor critical; it is not staking.
		let commit = RuntimeCall::Commitments(pallet_commitments::Call::set_commitment {
			netuid: 1,
			info: Box::default(),
		});
		assert!(ProxyType::NonTransfer.filter(&commit));
		assert!(ProxyType::NonCritical.filter(&commit));
		assert!(ProxyType::NonFungible.filter(&commit));
		assert!(!ProxyType::Staking.filter(&commit));
	}

	#[test]
	fn a_delegate_cannot_hand_out_more_than_it_has() {
		use ProxyType::*;
		assert!(Any.is_superset(&Transfer));
		assert!(Transfer.is_superset(&SmallTransfer));
		assert!(!SmallTransfer.is_superset(&Transfer));
		assert!(NonTransfer.is_superset(&Staking));
		assert!(!NonTransfer.is_superset(&Transfer));
		assert!(!NonTransfer.is_superset(&NonCritical), "NonCritical can transfer");
		assert!(!Staking.is_superset(&Any));
	}

	#[test]
	fn a_transfer_proxy_moves_tao_and_a_small_transfer_proxy_only_below_its_limit() {
		preset_externalities("development").execute_with(|| {
			System::set_block_number(1);
			let (alice, bob, dest) =
				(acc(Sr25519Keyring::Alice), acc(Sr25519Keyring::Bob), acc(Sr25519Keyring::Ferdie));
			let proxy = |call: RuntimeCall| {
				RuntimeCall::Proxy(pallet_proxy::Call::proxy {
					real: alice.clone().into(),
					force_proxy_type: None,
					call: Box::new(call),
				})
				.dispatch(RuntimeOrigin::signed(bob.clone()))
			};
			let before = Balances::balance(&alice);
			assert_ok!(RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: bob.clone().into(),
				proxy_type: ProxyType::SmallTransfer,
				delay: 0,
			})
			.dispatch(RuntimeOrigin::signed(alice.clone())));
			// The proxy deposit (0.06 + 0.033 TAO) is reserved.
			assert_eq!(Balances::balance(&alice), before - 93_000_000);

			let dest_before = Balances::balance(&dest);
			assert_ok!(proxy(transfer(&dest, TAO)));
			assert_eq!(
				last_proxy_result(),
				Err(frame_system::Error::<Runtime>::CallFiltered.into())
			);
			assert_eq!(Balances::balance(&dest), dest_before, "a 1 TAO transfer is refused");
			assert_ok!(proxy(transfer(&dest, TAO / 4)));
			assert_ok!(last_proxy_result());
			assert_eq!(Balances::balance(&dest), dest_before + TAO / 4);

			// Bob cannot add himself a Transfer proxy through his SmallTransfer one.
			assert_ok!(proxy(RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: bob.clone().into(),
				proxy_type: ProxyType::Transfer,
				delay: 0,
			})));
			assert!(last_proxy_result().is_err());
		});
	}

	#[test]
	fn a_two_of_two_multisig_executes_a_transfer_after_both_approve() {
		preset_externalities("development").execute_with(|| {
			System::set_block_number(1);
			let (alice, bob, dest) =
				(acc(Sr25519Keyring::Alice), acc(Sr25519Keyring::Bob), acc(Sr25519Keyring::Ferdie));
			// The multisig account of the sorted signatories.
			let mut signatories = vec![alice.clone(), bob.clone()];
			signatories.sort();
			let multi = pallet_multisig::Pallet::<Runtime>::multi_account_id(&signatories, 2);
			assert_ok!(Balances::transfer_keep_alive(
				RuntimeOrigin::signed(alice.clone()),
				multi.clone().into(),
				10 * TAO
			));
			let call = transfer(&dest, 3 * TAO);
			let weight = call.get_dispatch_info().call_weight;
			let dest_before = Balances::balance(&dest);
			assert_ok!(pallet_multisig::Pallet::<Runtime>::as_multi(
				RuntimeOrigin::signed(alice.clone()),
				2,
				vec![bob.clone()],
				None,
				Box::new(call.clone()),
				weight,
			));
			assert_eq!(Balances::balance(&dest), dest_before, "one approval is not enough");
			let timepoint = pallet_multisig::Pallet::<Runtime>::timepoint();
			assert_ok!(pallet_multisig::Pallet::<Runtime>::as_multi(
				RuntimeOrigin::signed(bob.clone()),
				2,
				vec![alice.clone()],
				Some(timepoint),
				Box::new(call),
				weight,
			));
			let executed = System::events().into_iter().find_map(|r| match r.event {
				RuntimeEvent::Multisig(pallet_multisig::Event::MultisigExecuted {
					result, ..
				}) => Some(result),
				_ => None,
			});
			assert_eq!(executed, Some(Ok(())), "{:?}", System::events());
			assert_eq!(Balances::balance(&dest), dest_before + 3 * TAO);
			assert_eq!(Balances::balance(&multi), 7 * TAO);
		});
	}

	#[test]
	fn root_schedules_a_call_through_the_scheduler() {
		preset_externalities("development").execute_with(|| {
			System::set_block_number(1);
			let dest = acc(Sr25519Keyring::Ferdie);
			let call = RuntimeCall::Balances(pallet_balances::Call::force_transfer {
				source: acc(Sr25519Keyring::Alice).into(),
				dest: dest.clone().into(),
				value: TAO,
			});
			let before = Balances::balance(&dest);
			assert_ok!(pallet_scheduler::Pallet::<Runtime>::schedule(
				RuntimeOrigin::root(),
				5,
				None,
				0,
				Box::new(call),
			));
			assert!(pallet_scheduler::Pallet::<Runtime>::schedule(
				RuntimeOrigin::signed(dest.clone()),
				5,
				None,
				0,
				Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] })),
			)
			.is_err());
			System::set_block_number(5);
			pallet_scheduler::Pallet::<Runtime>::on_initialize(5);
			assert_eq!(Balances::balance(&dest), before + TAO);
		});
	}

	#[test]
	fn noting_a_preimage_holds_its_deposit_until_it_is_unnoted() {
		preset_externalities("development").execute_with(|| {
			System::set_block_number(1);
			let alice = acc(Sr25519Keyring::Alice);
			let before = Balances::balance(&alice);
			let bytes = vec![7u8; 100];
			let hash = sp_runtime::traits::BlakeTwo256::hash(&bytes);
			assert_ok!(pallet_preimage::Pallet::<Runtime>::note_preimage(
				RuntimeOrigin::signed(alice.clone()),
				bytes
			));
			// 0.104 TAO + 100 × 0.001 TAO held.
			assert_eq!(Balances::balance(&alice), before - 204_000_000);
			assert_ok!(pallet_preimage::Pallet::<Runtime>::unnote_preimage(
				RuntimeOrigin::signed(alice.clone()),
				hash
			));
			assert_eq!(Balances::balance(&alice), before);
		});
	}
}
