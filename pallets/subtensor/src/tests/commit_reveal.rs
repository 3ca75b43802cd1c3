//! Commit-reveal weights: the full cycle, every wrong commit and reveal with its own error,
//! expiry, the batch forms, the epoch's mask input, and the extension's codes for the windows.
use super::{
	free_calls::{assert_rejected, validate},
	weights::with_validator,
};
use crate::{mock::*, *};
use codec::{Compact, Encode};
use frame_support::{assert_noop, assert_ok, traits::Hooks};
use sp_runtime::traits::{BlakeTwo256, Hash};

const SALT: [u16; 3] = [7, 8, 9];

/// `with_validator` (UIDs 0 owner, 1 `HOT_B` with a permit, 2 `HOT_C`), commit-reveal on,
/// tempo 4 (an epoch every 5 blocks).
fn with_commit_reveal(test: impl FnOnce()) {
	with_validator(|| {
		SubtensorModule::set_commit_reveal_weights_enabled(NET, true);
		SubtensorModule::set_tempo_unchecked(NET, 4);
		test();
	});
}

/// Run blocks until the subnet's next epoch has run (we stay in that block).
fn next_epoch() {
	let e = SubnetEpochIndex::<Test>::get(NET);
	while SubnetEpochIndex::<Test>::get(NET) == e {
		run_to_block(System::block_number() + 1);
	}
}

fn hash(hotkey: u64, uids: &[u16], values: &[u16], salt: &[u16]) -> CommitHash {
	SubtensorModule::get_commit_hash(&hotkey, NET, uids, values, salt, 0)
}

fn commit(hotkey: u64, uids: &[u16], values: &[u16]) -> frame_support::dispatch::DispatchResult {
	SubtensorModule::commit_weights(
		RuntimeOrigin::signed(hotkey),
		NET,
		hash(hotkey, uids, values, &SALT),
	)
}

fn reveal(
	hotkey: u64,
	uids: &[u16],
	values: &[u16],
	salt: &[u16],
) -> frame_support::dispatch::DispatchResult {
	SubtensorModule::reveal_weights(
		RuntimeOrigin::signed(hotkey),
		NET,
		uids.to_vec(),
		values.to_vec(),
		salt.to_vec(),
		0,
	)
}

fn reveal_call(hotkey_uids: &[u16], values: &[u16], salt: &[u16]) -> RuntimeCall {
	RuntimeCall::SubtensorModule(Call::reveal_weights {
		netuid: NET,
		uids: hotkey_uids.to_vec(),
		values: values.to_vec(),
		salt: salt.to_vec(),
		version_key: 0,
	})
}

#[test]
fn the_commit_hash_is_blake2_of_the_scale_encoded_tuple() {
	// What the Bittensor SDK and btcli hash: account bytes, netuid (u16), the three u16 vectors
	// (compact length first) and the version key (u64), concatenated.
	let mut bytes = HOT_B.encode();
	bytes.extend(NET.encode());
	bytes.extend(vec![0u16, 2].encode());
	bytes.extend(vec![1u16, 3].encode());
	bytes.extend(SALT.to_vec().encode());
	bytes.extend(5u64.encode());
	assert_eq!(
		SubtensorModule::get_commit_hash(&HOT_B, NET, &[0, 2], &[1, 3], &SALT, 5),
		BlakeTwo256::hash(&bytes)
	);
}

#[test]
fn commit_then_reveal_sets_the_weights_that_the_next_epoch_uses() {
	with_commit_reveal(|| {
		// Plain weights are refused while commit-reveal is on.
		assert_noop!(
			SubtensorModule::set_weights(
				RuntimeOrigin::signed(HOT_B),
				NET,
				vec![0, 2],
				vec![1, 3],
				0
			),
			Error::<Test>::CommitRevealEnabled
		);
		assert_eq!(Incentive::<Test>::get(NET)[2], 0);
		// HOT_B holds no TAO: the free calls need none.
		assert_eq!(Balances::free_balance(HOT_B), 0);
		assert_ok!(commit(HOT_B, &[0, 2], &[1, 3]));
		let commit_block = System::block_number();
		let epoch = SubnetEpochIndex::<Test>::get(NET);
		assert_eq!(
			WeightCommits::<Test>::get(NET, HOT_B).unwrap().into_inner(),
			vec![(hash(HOT_B, &[0, 2], &[1, 3], &SALT), epoch, commit_block, 0)]
		);
		assert_eq!(LastUpdate::<Test>::get(NET)[1], commit_block);
		System::assert_last_event(
			Event::WeightsCommitted(HOT_B, NET, hash(HOT_B, &[0, 2], &[1, 3], &SALT)).into(),
		);
		next_epoch();
		// The epoch after the commit still had no weights to use.
		assert_eq!(Incentive::<Test>::get(NET)[2], 0);
		assert_ok!(reveal(HOT_B, &[0, 2], &[1, 3], &SALT));
		assert_eq!(Weights::<Test>::get(NET, 1).into_inner(), vec![(0, 21_845), (2, 65_535)]);
		assert!(WeightCommits::<Test>::get(NET, HOT_B).is_none());
		// A reveal does not move LastUpdate: the commit did.
		assert_eq!(LastUpdate::<Test>::get(NET)[1], commit_block);
		System::assert_last_event(
			Event::WeightsRevealed(HOT_B, NET, hash(HOT_B, &[0, 2], &[1, 3], &SALT)).into(),
		);
		next_epoch();
		assert!(Incentive::<Test>::get(NET)[2] > 0);
		assert_eq!(Balances::free_balance(HOT_B), 0);
	});
}

#[test]
fn every_wrong_commit_fails_with_its_own_error() {
	with_commit_reveal(|| {
		assert_noop!(
			SubtensorModule::commit_weights(RuntimeOrigin::signed(HOT_B), 9, CommitHash::default()),
			Error::<Test>::SubnetNotExists
		);
		assert_noop!(commit(HOT_D, &[0], &[1]), Error::<Test>::HotKeyNotRegisteredInSubNet);
		assert_noop!(
			SubtensorModule::commit_mechanism_weights(
				RuntimeOrigin::signed(HOT_B),
				NET,
				1,
				CommitHash::default()
			),
			Error::<Test>::MechanismDoesNotExist
		);
		// The commit limit: ten outstanding commits (no rate limit here).
		for i in 0..MAX_UNREVEALED_COMMITS {
			assert_ok!(commit(HOT_B, &[0, 2], &[1, i as u16]));
		}
		assert_noop!(commit(HOT_B, &[0, 2], &[1, 99]), Error::<Test>::TooManyUnrevealedCommits);
		// The rate limit counts commits as weight updates.
		SubtensorModule::set_weights_set_rate_limit(NET, 100);
		assert_noop!(
			commit(HOT_C, &[2], &[1]).and(commit(HOT_C, &[2], &[1])),
			Error::<Test>::CommittingWeightsTooFast
		);
		SubtensorModule::set_commit_reveal_weights_enabled(NET, false);
		assert_noop!(commit(HOT_B, &[0, 2], &[1, 1]), Error::<Test>::CommitRevealDisabled);
	});
}

#[test]
fn every_wrong_reveal_fails_with_its_own_error() {
	with_commit_reveal(|| {
		assert_noop!(reveal(HOT_B, &[0, 2], &[1, 3], &SALT), Error::<Test>::NoWeightsCommitFound);
		assert_ok!(commit(HOT_B, &[0, 2], &[1, 3]));
		// Same epoch: too early.
		assert_noop!(reveal(HOT_B, &[0, 2], &[1, 3], &SALT), Error::<Test>::RevealTooEarly);
		next_epoch();
		// Wrong salt, wrong values, wrong signer.
		assert_noop!(
			reveal(HOT_B, &[0, 2], &[1, 3], &[1, 2, 3]),
			Error::<Test>::InvalidRevealCommitHashNotMatch
		);
		assert_noop!(
			reveal(HOT_B, &[0, 2], &[3, 1], &SALT),
			Error::<Test>::InvalidRevealCommitHashNotMatch
		);
		assert_noop!(reveal(HOT_C, &[0, 2], &[1, 3], &SALT), Error::<Test>::NoWeightsCommitFound);
		assert_noop!(
			SubtensorModule::reveal_mechanism_weights(
				RuntimeOrigin::signed(HOT_B),
				NET,
				1,
				vec![0, 2],
				vec![1, 3],
				SALT.to_vec(),
				0
			),
			Error::<Test>::MechanismDoesNotExist
		);
		SubtensorModule::set_commit_reveal_weights_enabled(NET, false);
		assert_noop!(reveal(HOT_B, &[0, 2], &[1, 3], &SALT), Error::<Test>::CommitRevealDisabled);
		SubtensorModule::set_commit_reveal_weights_enabled(NET, true);
		// Past the reveal epoch: expired.
		next_epoch();
		assert_noop!(reveal(HOT_B, &[0, 2], &[1, 3], &SALT), Error::<Test>::ExpiredWeightCommit);
	});
}

#[test]
fn a_reveal_still_passes_every_weights_check() {
	with_commit_reveal(|| {
		assert_ok!(commit(HOT_B, &[0, 0], &[1, 1]));
		assert_ok!(commit(HOT_C, &[0, 2], &[1, 1]));
		next_epoch();
		assert_noop!(reveal(HOT_B, &[0, 0], &[1, 1], &SALT), Error::<Test>::DuplicateUids);
		assert_noop!(
			reveal(HOT_C, &[0, 2], &[1, 1], &SALT),
			Error::<Test>::NeuronNoValidatorPermit
		);
	});
}

#[test]
fn expired_commits_are_pruned_by_the_next_commit() {
	with_commit_reveal(|| {
		assert_ok!(commit(HOT_B, &[0, 2], &[1, 1]));
		let first = hash(HOT_B, &[0, 2], &[1, 1], &SALT);
		assert_eq!(
			SubtensorModule::commit_blocks(NET, &SubtensorModule::epoch_hotkeys(NET)),
			Some(vec![u64::MAX, System::block_number(), u64::MAX])
		);
		next_epoch();
		assert_ok!(commit(HOT_B, &[0, 2], &[1, 2]));
		assert_eq!(WeightCommits::<Test>::get(NET, HOT_B).unwrap().len(), 2);
		next_epoch();
		// The first commit expired (its reveal epoch is over); the second is in its window.
		assert_ok!(commit(HOT_B, &[0, 2], &[1, 3]));
		let queue = WeightCommits::<Test>::get(NET, HOT_B).unwrap();
		assert_eq!(queue.len(), 2);
		assert!(queue.iter().all(|c| c.0 != first));
		assert_noop!(
			reveal(HOT_B, &[0, 2], &[1, 1], &SALT),
			Error::<Test>::InvalidRevealCommitHashNotMatch
		);
		// Revealing the second drops it; the third stays.
		assert_ok!(reveal(HOT_B, &[0, 2], &[1, 2], &SALT));
		assert_eq!(WeightCommits::<Test>::get(NET, HOT_B).unwrap().len(), 1);
	});
}

#[test]
fn an_expired_commit_among_live_ones_is_reported_as_expired() {
	with_commit_reveal(|| {
		assert_ok!(commit(HOT_B, &[0, 2], &[1, 1]));
		next_epoch();
		assert_ok!(commit(HOT_B, &[0, 2], &[1, 2]));
		next_epoch();
		assert_noop!(reveal(HOT_B, &[0, 2], &[1, 1], &SALT), Error::<Test>::ExpiredWeightCommit);
	});
}

#[test]
fn the_epoch_masks_with_the_earliest_active_commit_block() {
	with_commit_reveal(|| {
		assert_eq!(SubtensorModule::epoch_inputs(NET).commit_block, Some(vec![u64::MAX; 3]));
		assert_ok!(commit(HOT_B, &[0, 2], &[1, 1]));
		let c = System::block_number();
		run_to_block(c + 1);
		assert_ok!(commit(HOT_B, &[0, 2], &[1, 2]));
		assert_eq!(
			SubtensorModule::epoch_inputs(NET).commit_block,
			Some(vec![u64::MAX, c, u64::MAX])
		);
		SubtensorModule::set_commit_reveal_weights_enabled(NET, false);
		assert_eq!(SubtensorModule::epoch_inputs(NET).commit_block, None);
	});
}

#[test]
fn batch_commit_and_batch_reveal() {
	with_commit_reveal(|| {
		let h1 = hash(HOT_B, &[0, 2], &[1, 1], &SALT);
		let h2 = hash(HOT_B, &[0, 2], &[1, 2], &SALT);
		assert_noop!(
			SubtensorModule::batch_commit_weights(
				RuntimeOrigin::signed(HOT_B),
				vec![Compact(NET)],
				vec![]
			),
			Error::<Test>::InputLengthsUnequal
		);
		assert_ok!(SubtensorModule::batch_commit_weights(
			RuntimeOrigin::signed(HOT_B),
			vec![Compact(NET)],
			vec![h1]
		));
		assert_ok!(commit(HOT_B, &[0, 2], &[1, 2]));
		assert_eq!(WeightCommits::<Test>::get(NET, HOT_B).unwrap().len(), 2);
		next_epoch();
		assert_noop!(
			SubtensorModule::batch_reveal_weights(
				RuntimeOrigin::signed(HOT_B),
				NET,
				vec![vec![0, 2]],
				vec![],
				vec![SALT.to_vec()],
				vec![0]
			),
			Error::<Test>::InputLengthsUnequal
		);
		// All or nothing: one bad item and nothing is revealed.
		assert_noop!(
			SubtensorModule::batch_reveal_weights(
				RuntimeOrigin::signed(HOT_B),
				NET,
				vec![vec![0, 2], vec![0, 2]],
				vec![vec![1, 1], vec![1, 9]],
				vec![SALT.to_vec(), SALT.to_vec()],
				vec![0, 0]
			),
			Error::<Test>::InvalidRevealCommitHashNotMatch
		);
		assert_ok!(SubtensorModule::batch_reveal_weights(
			RuntimeOrigin::signed(HOT_B),
			NET,
			vec![vec![0, 2], vec![0, 2]],
			vec![vec![1, 1], vec![1, 2]],
			vec![SALT.to_vec(), SALT.to_vec()],
			vec![0, 0]
		));
		assert!(WeightCommits::<Test>::get(NET, HOT_B).is_none());
		System::assert_last_event(Event::WeightsBatchRevealed(HOT_B, NET, vec![h1, h2]).into());
		assert_eq!(Weights::<Test>::get(NET, 1).into_inner(), vec![(0, 32_768), (2, 65_535)]);
	});
}

#[test]
fn the_extension_rejects_commits_and_reveals_outside_their_windows() {
	with_commit_reveal(|| {
		let commit_call = |h: CommitHash| {
			RuntimeCall::SubtensorModule(Call::commit_weights { netuid: NET, commit_hash: h })
		};
		assert_rejected(HOT_B, reveal_call(&[0, 2], &[1, 3], &SALT), Error::NoWeightsCommitFound);
		assert_rejected(
			HOT_D,
			commit_call(hash(HOT_D, &[0], &[1], &SALT)),
			Error::HotKeyNotRegisteredInSubNet,
		);
		assert!(validate(HOT_B, &commit_call(hash(HOT_B, &[0, 2], &[1, 3], &SALT))).is_ok());
		assert_ok!(commit(HOT_B, &[0, 2], &[1, 3]));
		assert_rejected(HOT_B, reveal_call(&[0, 2], &[1, 3], &SALT), Error::RevealTooEarly);
		SubtensorModule::set_weights_set_rate_limit(NET, 100);
		assert_rejected(
			HOT_B,
			commit_call(hash(HOT_B, &[0, 2], &[1, 4], &SALT)),
			Error::CommittingWeightsTooFast,
		);
		SubtensorModule::set_weights_set_rate_limit(NET, 0);
		next_epoch();
		assert_rejected(
			HOT_B,
			reveal_call(&[0, 2], &[1, 3], &[0]),
			Error::InvalidRevealCommitHashNotMatch,
		);
		assert!(validate(HOT_B, &reveal_call(&[0, 2], &[1, 3], &SALT)).is_ok());
		next_epoch();
		assert_rejected(HOT_B, reveal_call(&[0, 2], &[1, 3], &SALT), Error::ExpiredWeightCommit);
		SubtensorModule::set_commit_reveal_weights_enabled(NET, false);
		assert_rejected(HOT_B, commit_call(CommitHash::default()), Error::CommitRevealDisabled);
	});
}

#[test]
fn in_an_epoch_block_the_pool_looks_ahead_to_the_epoch_the_call_runs_in() {
	with_commit_reveal(|| {
		assert_ok!(commit(HOT_B, &[0, 2], &[1, 3]));
		let e = SubnetEpochIndex::<Test>::get(NET);
		// Move to the block just before the next epoch, then enter the epoch block as the pool
		// sees it: block number set, `on_initialize` not run yet.
		let tempo = Tempo::<Test>::get(NET);
		let mut b = System::block_number() + 1;
		while !SubtensorModule::is_epoch_block(NET, tempo, b) {
			b += 1;
		}
		run_to_block(b - 1);
		System::set_block_number(b);
		assert_eq!(SubnetEpochIndex::<Test>::get(NET), e);
		assert_eq!(SubtensorModule::current_epoch_with_lookahead(NET), e + 1);
		assert!(validate(HOT_B, &reveal_call(&[0, 2], &[1, 3], &SALT)).is_ok());
		// Once the epoch has run in that block, no look-ahead.
		SubtensorModule::on_initialize(b);
		assert_eq!(SubnetEpochIndex::<Test>::get(NET), e + 1);
		assert_eq!(SubtensorModule::current_epoch_with_lookahead(NET), e + 1);
		assert_ok!(reveal(HOT_B, &[0, 2], &[1, 3], &SALT));
	});
}

#[test]
fn serve_axon_tls_stores_the_certificate_and_a_new_hotkey_on_the_uid_drops_it() {
	with_validator(|| {
		assert_ok!(SubtensorModule::serve_axon_tls(
			RuntimeOrigin::signed(HOT_C),
			NET,
			1,
			0x0a00_0001,
			8091,
			4,
			4,
			0,
			0,
			vec![2, 5, 5, 5]
		));
		let cert = NeuronCertificates::<Test>::get(NET, HOT_C).unwrap();
		assert_eq!((cert.algorithm, cert.public_key.into_inner()), (2, vec![5, 5, 5]));
		assert!(Axons::<Test>::get(NET, HOT_C).is_some());
		SubtensorModule::replace_neuron(NET, 2, &HOT_D, System::block_number());
		assert!(NeuronCertificates::<Test>::get(NET, HOT_C).is_none());
	});
}
