// Issue 14 part 5: Commitments (index 18). A registered miner hotkey that holds no TAO publishes
// a commitment for free and it is read back from `CommitmentOf` with the reference's encoding;
// a commitment that would fail is refused by the pool and costs nobody anything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { u8aToString } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { startDevNode, submitAndWatch, waitForHead } from '../lib/node.js';

let node;
let api;
let alice;
let miner;
let stranger;
let netuid;

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  alice = keyring.addFromUri('//Alice');
  miner = keyring.addFromUri('//Bob//commitments-miner');
  stranger = keyring.addFromUri('//Commitments//stranger');
  node = await startDevNode('commitments');
  api = node.api;
});

after(async () => {
  if (node) await node.stop();
});

const ok = async (tx, signer) => {
  const { error, events } = await submitAndWatch(api, tx, signer);
  assert.equal(error, null);
  return events;
};
const free = async (who) => (await api.query.system.account(who)).data.free.toBigInt();

test('Commitments sits at index 18 with the reference constants', async () => {
  const pallet = api.runtimeMetadata.asLatest.pallets.find((p) => p.name.toString() === 'Commitments');
  assert.equal(pallet.index.toNumber(), 18);
  assert.equal(api.consts.commitments.maxFields.toNumber(), 3);
  assert.equal(api.consts.commitments.initialDeposit.toBigInt(), 0n);
  assert.equal(api.consts.commitments.fieldDeposit.toBigInt(), 0n);
  assert.equal((await api.query.commitments.maxSpace()).toNumber(), 3100);
  assert.equal(api.tx.commitments.setCommitment.callIndex[0], 18);
  assert.equal(api.tx.commitments.setCommitment.callIndex[1], 0);
});

test('a registered hotkey with no TAO commits for free and it reads back', async () => {
  const events = await ok(api.tx.subtensorModule.registerNetwork(alice.address), alice);
  netuid = events.find(({ event }) => api.events.subtensorModule.NetworkAdded.is(event))
    .event.data[0].toNumber();
  const q = api.query.subtensorModule;
  const startable = (await q.networkRegisteredAt(netuid)).toBigInt() + (await q.startCallDelay()).toBigInt();
  await waitForHead(api, 'best', (h) => h.number.toBigInt() >= startable);
  await ok(api.tx.subtensorModule.startCall(netuid), alice);
  await ok(api.tx.subtensorModule.burnedRegister(netuid, miner.address), alice);
  assert.equal(await free(miner.address), 0n);

  const text = 'model-v1 at example.invalid';
  const tx = api.tx.commitments.setCommitment(netuid, { fields: [{ [`Raw${text.length}`]: text }] });
  const committed = await ok(tx, miner);
  assert.ok(committed.some(({ event }) => api.events.commitments.Commitment.is(event)
    && event.data[0].toNumber() === netuid && event.data[1].toString() === miner.address));
  const paid = committed.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
  assert.equal(paid.event.data[1].toBigInt(), 0n, 'no fee');
  assert.equal(await free(miner.address), 0n);

  const stored = (await api.query.commitments.commitmentOf(netuid, miner.address)).unwrap();
  assert.equal(stored.deposit.toBigInt(), 0n);
  const field = stored.info.fields[0];
  assert.equal(field.type, `Raw${text.length}`);
  assert.equal(u8aToString(field[`as${field.type}`]), text);
  // The reference's raw encoding: deposit (u64), block (u32), one field tagged 1 + length.
  const raw = stored.toU8a();
  assert.equal(raw[12], 4, 'compact length 1');
  assert.equal(raw[13], 1 + text.length, 'Raw tag');
  assert.ok((await api.query.commitments.lastCommitment(netuid, miner.address)).isSome);
  assert.ok((await api.query.commitments.revealedCommitments(netuid, miner.address)).isNone);
});

test('a commitment that would fail is refused by the pool and changes nothing', async () => {
  // Not registered on the subnet: code 2, as the subnet's own free calls.
  await assert.rejects(
    api.tx.commitments.setCommitment(netuid, { fields: [{ Raw1: 'x' }] }).signAndSend(stranger),
    /Invalid Transaction.*Custom error: 2/);
  assert.equal((await api.query.system.account(stranger.address)).nonce.toNumber(), 0);
  // A timelocked field: no drand on this chain (code 41).
  const timelock = { TimelockEncrypted: { encrypted: '0x0102', revealRound: 1 } };
  await assert.rejects(
    api.tx.commitments.setCommitment(netuid, { fields: [timelock] }).signAndSend(miner),
    /Invalid Transaction.*Custom error: 41/);
  assert.equal(u8aToString(
    (await api.query.commitments.commitmentOf(netuid, miner.address)).unwrap().info.fields[0].asRaw27),
  'model-v1 at example.invalid');
});
