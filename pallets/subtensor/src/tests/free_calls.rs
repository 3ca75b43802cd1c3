//! The free calls and `SubtensorTransactionExtension`: every valid free call is accepted, every
//! failing one is rejected with its documented code (the same error the call itself returns),
//! every other call passes through untouched, and an unfunded hotkey pays nothing.
use super::weights::with_validator;
use crate::{extension::FREE_CALL_LONGEVITY, mock::*, *};
use codec::{Compact, Decode, Encode};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{GetDispatchInfo, Pays},
};
use sp_runtime::{
	traits::{DispatchInfoOf, Dispatchable, TransactionExtension, TxBaseImplication},
	transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidityError, ValidTransaction,
	},
};

const IP: u128 = 0x0a00_0001; // 10.0.0.1

/// The extension's verdict on `call` signed by `who`.
pub(super) fn validate(
	who: u64,
	call: &RuntimeCall,
) -> Result<ValidTransaction, TransactionValidityError> {
	SubtensorTransactionExtension::<Test>::new()
		.validate(
			RuntimeOrigin::signed(who),
			call,
			&DispatchInfoOf::<RuntimeCall>::default(),
			0,
			(),
			&TxBaseImplication(()),
			TransactionSource::External,
		)
		.map(|(validity, _, _)| validity)
}

/// The rejection a pallet error maps to.
pub(super) fn rejection(e: Error<Test>) -> TransactionValidityError {
	InvalidTransaction::Custom(CustomTransactionError::from(e).code()).into()
}

/// `call` from `who` is rejected in the pool with the code of `e`, and dispatching it fails
/// with `e` and changes nothing: the extension and the call agree.
pub(super) fn assert_rejected(who: u64, call: RuntimeCall, e: Error<Test>) {
	// `Error` is not `Clone`; a copy through its encoding.
	let copy = Error::<Test>::decode(&mut &e.encode()[..]).unwrap();
	assert_eq!(validate(who, &call), Err(rejection(copy)));
	assert_noop!(call.dispatch(RuntimeOrigin::signed(who)), e);
}

/// `call` from `who` is accepted as a free call (tagged, priority 0, limited longevity) and
/// succeeds when dispatched.
fn assert_accepted(who: u64, call: RuntimeCall) {
	let validity = validate(who, &call).unwrap();
	assert!(!validity.provides.is_empty());
	assert_eq!(validity.priority, 0);
	assert_eq!(validity.longevity, FREE_CALL_LONGEVITY);
	assert_eq!(call.get_dispatch_info().pays_fee, Pays::No);
	assert_ok!(call.dispatch(RuntimeOrigin::signed(who)));
}

fn set_weights(dests: Vec<u16>, weights: Vec<u16>) -> RuntimeCall {
	RuntimeCall::SubtensorModule(Call::set_weights { netuid: NET, dests, weights, version_key: 0 })
}

fn serve_axon(netuid: NetUid, ip: u128) -> RuntimeCall {
	RuntimeCall::SubtensorModule(Call::serve_axon {
		netuid,
		version: 1,
		ip,
		port: 8091,
		ip_type: 4,
		protocol: 4,
		placeholder1: 0,
		placeholder2: 0,
	})
}

fn serve_axon_tls(ip: u128, certificate: Vec<u8>) -> RuntimeCall {
	RuntimeCall::SubtensorModule(Call::serve_axon_tls {
		netuid: NET,
		version: 1,
		ip,
		port: 8091,
		ip_type: 4,
		protocol: 4,
		placeholder1: 0,
		placeholder2: 0,
		certificate,
	})
}

fn batch_set(netuids: &[u16], rows: Vec<Vec<(u16, u16)>>) -> RuntimeCall {
	RuntimeCall::SubtensorModule(Call::batch_set_weights {
		netuids: netuids.iter().map(|n| Compact(*n)).collect(),
		weights: rows
			.into_iter()
			.map(|r| r.into_iter().map(|(u, w)| (Compact(u), Compact(w))).collect())
			.collect(),
		version_keys: netuids.iter().map(|_| Compact(0u64)).collect(),
	})
}

#[test]
fn every_free_call_is_declared_pays_no() {
	with_validator(|| {
		let free = [
			set_weights(vec![0, 2], vec![1, 1]),
			RuntimeCall::SubtensorModule(Call::set_mechanism_weights {
				netuid: NET,
				mecid: 0,
				dests: vec![],
				weights: vec![],
				version_key: 0,
			}),
			batch_set(&[NET], vec![vec![]]),
			RuntimeCall::SubtensorModule(Call::commit_weights {
				netuid: NET,
				commit_hash: Default::default(),
			}),
			RuntimeCall::SubtensorModule(Call::commit_mechanism_weights {
				netuid: NET,
				mecid: 0,
				commit_hash: Default::default(),
			}),
			RuntimeCall::SubtensorModule(Call::batch_commit_weights {
				netuids: vec![],
				commit_hashes: vec![],
			}),
			RuntimeCall::SubtensorModule(Call::reveal_weights {
				netuid: NET,
				uids: vec![],
				values: vec![],
				salt: vec![],
				version_key: 0,
			}),
			RuntimeCall::SubtensorModule(Call::reveal_mechanism_weights {
				netuid: NET,
				mecid: 0,
				uids: vec![],
				values: vec![],
				salt: vec![],
				version_key: 0,
			}),
			RuntimeCall::SubtensorModule(Call::batch_reveal_weights {
				netuid: NET,
				uids_list: vec![],
				values_list: vec![],
				salts_list: vec![],
				version_keys: vec![],
			}),
			serve_axon(NET, IP),
			serve_axon_tls(IP, vec![1, 2, 3]),
			RuntimeCall::SubtensorModule(Call::serve_prometheus {
				netuid: NET,
				version: 1,
				ip: IP,
				port: 9090,
				ip_type: 4,
			}),
			RuntimeCall::SubtensorModule(Call::increase_take { hotkey: HOT_B, take: 1 }),
			RuntimeCall::SubtensorModule(Call::decrease_take { hotkey: HOT_B, take: 1 }),
		];
		for call in free {
			assert_eq!(call.get_dispatch_info().pays_fee, Pays::No, "{call:?}");
		}
		let paid = RuntimeCall::SubtensorModule(Call::add_stake {
			hotkey: HOT_B,
			netuid: NET,
			amount_staked: TAO,
		});
		assert_eq!(paid.get_dispatch_info().pays_fee, Pays::Yes);
	});
}

#[test]
fn extension_accepts_each_valid_free_call_and_the_call_succeeds() {
	with_validator(|| {
		assert_accepted(HOT_B, set_weights(vec![0, 2], vec![1, 1]));
		assert_accepted(
			HOT_B,
			RuntimeCall::SubtensorModule(Call::set_mechanism_weights {
				netuid: NET,
				mecid: 0,
				dests: vec![0, 2],
				weights: vec![2, 1],
				version_key: 0,
			}),
		);
		assert_accepted(HOT_B, batch_set(&[NET], vec![vec![(0, 1), (2, 3)]]));
		assert_eq!(Weights::<Test>::get(NET, 1).into_inner(), vec![(0, 21_845), (2, 65_535)]);
		assert_accepted(HOT_B, serve_axon(NET, IP));
		assert_accepted(HOT_C, serve_axon_tls(IP, vec![1, 7, 7]));
		assert_eq!(
			NeuronCertificates::<Test>::get(NET, HOT_C)
				.map(|c| (c.algorithm, c.public_key.into_inner())),
			Some((1, vec![7, 7]))
		);
		assert_accepted(
			HOT_B,
			RuntimeCall::SubtensorModule(Call::serve_prometheus {
				netuid: NET,
				version: 1,
				ip: IP,
				port: 9090,
				ip_type: 4,
			}),
		);
		let take = Delegates::<Test>::get(HOT_B);
		assert_accepted(
			BOB,
			RuntimeCall::SubtensorModule(Call::decrease_take { hotkey: HOT_B, take: take - 1 }),
		);
		SubtensorModule::set_tx_delegate_take_rate_limit(0);
		assert_accepted(
			BOB,
			RuntimeCall::SubtensorModule(Call::increase_take { hotkey: HOT_B, take }),
		);
	});
}

#[test]
fn extension_rejects_each_failing_free_call_with_its_code() {
	with_validator(|| {
		// Weights.
		assert_rejected(
			HOT_D,
			set_weights(vec![0, 2], vec![1, 1]),
			Error::HotKeyNotRegisteredInSubNet,
		);
		assert_rejected(HOT_C, set_weights(vec![0, 1], vec![1, 1]), Error::NeuronNoValidatorPermit);
		assert_rejected(HOT_B, set_weights(vec![0, 2], vec![1]), Error::WeightVecNotEqualSize);
		assert_rejected(HOT_B, set_weights(vec![0, 0], vec![1, 1]), Error::DuplicateUids);
		assert_rejected(HOT_B, set_weights(vec![0], vec![1]), Error::WeightVecLengthIsLow);
		WeightsVersionKey::<Test>::insert(NET, 5);
		assert_rejected(
			HOT_B,
			set_weights(vec![0, 2], vec![1, 1]),
			Error::IncorrectWeightVersionKey,
		);
		WeightsVersionKey::<Test>::remove(NET);
		SubtensorModule::set_stake_threshold(u64::MAX);
		assert_rejected(
			HOT_B,
			set_weights(vec![0, 2], vec![1, 1]),
			Error::NotEnoughStakeToSetWeights,
		);
		SubtensorModule::set_stake_threshold(0);
		assert_ok!(SubtensorModule::set_weights(
			RuntimeOrigin::signed(HOT_B),
			NET,
			vec![0, 2],
			vec![1, 1],
			0
		));
		SubtensorModule::set_weights_set_rate_limit(NET, 10);
		assert_rejected(HOT_B, set_weights(vec![0, 2], vec![1, 1]), Error::SettingWeightsTooFast);
		SubtensorModule::set_weights_set_rate_limit(NET, 0);
		SubtensorModule::set_commit_reveal_weights_enabled(NET, true);
		assert_rejected(HOT_B, set_weights(vec![0, 2], vec![1, 1]), Error::CommitRevealEnabled);
		SubtensorModule::set_commit_reveal_weights_enabled(NET, false);
		assert_rejected(
			HOT_B,
			RuntimeCall::SubtensorModule(Call::set_mechanism_weights {
				netuid: NET,
				mecid: 1,
				dests: vec![0, 2],
				weights: vec![1, 1],
				version_key: 0,
			}),
			Error::MechanismDoesNotExist,
		);
		// Serving.
		assert_rejected(HOT_D, serve_axon(NET, IP), Error::HotKeyNotRegisteredInNetwork);
		assert_rejected(HOT_B, serve_axon(9, IP), Error::SubnetNotExists);
		assert_rejected(HOT_B, serve_axon(NET, 0), Error::InvalidIpAddress);
		assert_rejected(HOT_B, serve_axon_tls(IP, vec![]), Error::InvalidCertificate);
		assert_rejected(HOT_B, serve_axon_tls(IP, vec![1; 66]), Error::InvalidCertificate);
		SubtensorModule::set_serving_rate_limit(NET, 50);
		assert_ok!(SubtensorModule::serve_axon(
			RuntimeOrigin::signed(HOT_B),
			NET,
			1,
			IP,
			8091,
			4,
			4,
			0,
			0
		));
		assert_rejected(HOT_B, serve_axon(NET, IP), Error::ServingRateLimitExceeded);
		// Take: the signer is the hotkey's coldkey.
		let take = Delegates::<Test>::get(HOT_B);
		assert_rejected(
			ALICE,
			RuntimeCall::SubtensorModule(Call::decrease_take { hotkey: HOT_B, take: take - 1 }),
			Error::NonAssociatedColdKey,
		);
		assert_rejected(
			BOB,
			RuntimeCall::SubtensorModule(Call::decrease_take { hotkey: HOT_B, take }),
			Error::DelegateTakeTooLow,
		);
		assert_rejected(
			BOB,
			RuntimeCall::SubtensorModule(Call::increase_take { hotkey: HOT_B, take: u16::MAX }),
			Error::DelegateTakeTooHigh,
		);
		assert_rejected(
			BOB,
			RuntimeCall::SubtensorModule(Call::increase_take { hotkey: HOT_D, take: 1 }),
			Error::HotKeyAccountNotExists,
		);
	});
}

#[test]
fn batches_are_free_only_when_every_item_would_succeed() {
	with_validator(|| {
		let code = |c: CustomTransactionError| -> TransactionValidityError {
			InvalidTransaction::Custom(c.code()).into()
		};
		assert_eq!(
			validate(HOT_B, &batch_set(&[], vec![])),
			Err(code(CustomTransactionError::EmptyBatch))
		);
		assert_eq!(
			validate(
				HOT_B,
				&batch_set(&[NET, NET], vec![vec![(0, 1), (2, 1)], vec![(0, 1), (2, 1)]])
			),
			Err(code(CustomTransactionError::DuplicateNetuidInBatch))
		);
		let unequal = RuntimeCall::SubtensorModule(Call::batch_set_weights {
			netuids: vec![Compact(NET)],
			weights: vec![],
			version_keys: vec![],
		});
		assert_rejected(HOT_B, unequal, Error::InputLengthsUnequal);
		// An item that would fail makes the whole batch pay-or-leave: rejected with its code.
		let bad = batch_set(&[NET, 9], vec![vec![(0, 1), (2, 1)], vec![(0, 1)]]);
		assert_eq!(validate(HOT_B, &bad), Err(rejection(Error::SubnetNotExists)));
		// Dispatched anyway (e.g. paid for by a wrapper), the call skips the failed item.
		assert_ok!(bad.dispatch(RuntimeOrigin::signed(HOT_B)));
		System::assert_has_event(
			Event::BatchWeightItemFailed(9, Error::<Test>::SubnetNotExists.into()).into(),
		);
		assert_eq!(Weights::<Test>::get(NET, 1).len(), 2);
		let commits = RuntimeCall::SubtensorModule(Call::batch_commit_weights {
			netuids: vec![],
			commit_hashes: vec![],
		});
		assert_eq!(validate(HOT_B, &commits), Err(code(CustomTransactionError::EmptyBatch)));
	});
}

#[test]
fn paid_and_unsigned_calls_pass_through_untouched() {
	with_validator(|| {
		// A paid call that would fail is the fee's business, not the extension's.
		let stake = RuntimeCall::SubtensorModule(Call::add_stake {
			hotkey: HOT_D,
			netuid: 9,
			amount_staked: TAO,
		});
		assert_eq!(validate(CHARLIE, &stake), Ok(ValidTransaction::default()));
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1] });
		assert_eq!(validate(HOT_D, &remark), Ok(ValidTransaction::default()));
		// Not signed: nothing to check.
		let ext = SubtensorTransactionExtension::<Test>::new();
		let unsigned = ext.validate(
			RuntimeOrigin::none(),
			&set_weights(vec![0], vec![1]),
			&DispatchInfoOf::<RuntimeCall>::default(),
			0,
			(),
			&TxBaseImplication(()),
			TransactionSource::External,
		);
		assert_eq!(unsigned.map(|(v, _, _)| v), Ok(ValidTransaction::default()));
	});
}

#[test]
fn one_pending_free_call_per_signer_subnet_and_kind() {
	with_validator(|| {
		let a = validate(HOT_B, &set_weights(vec![0, 2], vec![1, 1])).unwrap();
		let b = validate(HOT_B, &set_weights(vec![0, 2], vec![3, 1])).unwrap();
		let c = validate(HOT_C, &set_weights(vec![2], vec![1])).unwrap();
		let d = validate(HOT_B, &serve_axon(NET, IP)).unwrap();
		assert_eq!(a.provides, b.provides);
		assert_ne!(a.provides, c.provides);
		assert_ne!(a.provides, d.provides);
	});
}

#[test]
fn the_rejection_codes_are_stable() {
	use CustomTransactionError as C;
	let table = [
		(C::SubnetNotExists, 1),
		(C::HotKeyNotRegistered, 2),
		(C::CommitRevealEnabled, 3),
		(C::CommitRevealDisabled, 4),
		(C::SettingWeightsTooFast, 9),
		(C::NeuronNoValidatorPermit, 10),
		(C::RevealTooEarly, 19),
		(C::ExpiredWeightCommit, 20),
		(C::InvalidRevealCommitHashNotMatch, 21),
		(C::ServingRateLimitExceeded, 27),
		(C::DelegateTxRateLimitExceeded, 33),
		(C::EmptyBatch, 34),
		(C::DuplicateNetuidInBatch, 35),
		(C::Other, 255),
	];
	for (c, code) in table {
		assert_eq!(c.code(), code);
	}
	assert_eq!(C::from(Error::<Test>::HotKeyNotRegisteredInNetwork), C::HotKeyNotRegistered);
	assert_eq!(C::from(Error::<Test>::PoolEmpty), C::Other);
}

#[test]
fn a_hotkey_with_no_balance_sets_weights_and_serves_paying_nothing() {
	with_validator(|| {
		assert_eq!(Balances::free_balance(HOT_B), 0);
		let issuance = Balances::total_issuance();
		assert_accepted(HOT_B, set_weights(vec![0, 2], vec![1, 1]));
		assert_accepted(HOT_B, serve_axon(NET, IP));
		assert_eq!(Balances::free_balance(HOT_B), 0);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}
