// Issue 14 (parts 1–3) on a live --dev node with fast blocks: a validator lends stake to two
// children, which validate with it (their inherited stake shows in the metagraph) and pay it
// back through their dividends; a hotkey swap moves a child with its links; a delayed coldkey
// swap freezes the coldkey, then moves its balance and stake.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, blake2AsHex, decodeAddress } from '@polkadot/util-crypto';

import { startDevNode, submitAndWatch, waitForHead } from '../lib/node.js';

const TAO = 1_000_000_000n;
const HALF = 1n << 63n;
const QUARTER = 1n << 62n;

let node;
let api;
let keyring;
let alice;
let bob;
let validator;
let children;
let miner;
let netuid;

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  alice = keyring.addFromUri('//Alice');
  bob = keyring.addFromUri('//Bob');
  validator = keyring.addFromUri('//Bob//keys-validator');
  children = [keyring.addFromUri('//Bob//keys-child-1'), keyring.addFromUri('//Bob//keys-child-2')];
  miner = keyring.addFromUri('//Bob//keys-miner');
  node = await startDevNode('keys');
  api = node.api;
});

after(async () => {
  if (node) await node.stop();
});

const sm = () => api.query.subtensorModule;
const ok = async (tx, signer) => {
  const { error, events } = await submitAndWatch(api, tx, signer);
  assert.equal(error, null, `dispatch failed: ${error}`);
  return events;
};
const sudo = async (call) => {
  const events = await ok(api.tx.sudo.sudo(call), alice);
  const sudid = events.find(({ event }) => api.events.sudo.Sudid.is(event));
  assert.ok(sudid && sudid.event.data[0].isOk, `sudo ${call.method.method} succeeded`);
};
const uid = async (who) => (await sm().uids(netuid, who.address)).unwrap().toNumber();
const head = async () => (await api.rpc.chain.getHeader()).number.toBigInt();
const until = (predicate) => waitForHead(api, 'best', predicate);
async function blocks(n) {
  const target = (await head()) + BigInt(n);
  await until((h) => h.number.toBigInt() >= target);
}

test('a validator lends its stake to two children, as the metagraph shows', async () => {
  const events = await ok(api.tx.subtensorModule.registerNetwork(alice.address), alice);
  netuid = events.find(({ event }) => api.events.subtensorModule.NetworkAdded.is(event))
    .event.data[0].toNumber();
  const startable = (await sm().networkRegisteredAt(netuid)).toBigInt()
    + (await sm().startCallDelay()).toBigInt();
  await until((h) => h.number.toBigInt() >= startable);
  await ok(api.tx.subtensorModule.startCall(netuid), alice);
  await sudo(api.tx.adminUtils.sudoSetTempo(netuid, 10));
  await sudo(api.tx.adminUtils.sudoSetWeightsSetRateLimit(netuid, 0));
  await sudo(api.tx.adminUtils.sudoSetTargetRegistrationsPerInterval(netuid, 10));
  await sudo(api.tx.adminUtils.sudoSetMaxRegistrationsPerBlock(netuid, 10));
  for (const hot of [validator, ...children, miner]) {
    await ok(api.tx.subtensorModule.burnedRegister(netuid, hot.address), bob);
  }
  await ok(api.tx.subtensorModule.addStake(validator.address, netuid, 100n * TAO), bob);

  const scheduled = await ok(api.tx.subtensorModule.setChildren(validator.address, netuid,
    [[HALF, children[0].address], [QUARTER, children[1].address]]), bob);
  const ev = scheduled.find(({ event }) => api.events.subtensorModule.SetChildrenScheduled.is(event));
  assert.ok(ev, 'SetChildrenScheduled emitted');
  const cooldownBlock = ev.event.data[2].toBigInt();
  const pending = await sm().pendingChildKeys(netuid, validator.address);
  assert.ok(pending.isSome, 'the request is pending');
  await until((h) => h.number.toBigInt() > cooldownBlock);

  const kids = await sm().childKeys(validator.address, netuid);
  assert.deepEqual(kids.map(([p, c]) => [p.toBigInt(), c.toString()]),
    [[HALF, children[0].address], [QUARTER, children[1].address]]);
  const parents = await sm().parentKeys(children[0].address, netuid);
  assert.deepEqual(parents.map(([p, c]) => [p.toBigInt(), c.toString()]), [[HALF, validator.address]]);

  // At one block: the metagraph's alpha stake is the inherited stake, to the rao.
  const hash = await api.rpc.chain.getBlockHash();
  const at = await api.at(hash);
  const own = async (who) => (await at.query.subtensorModule.totalHotkeyAlpha(who.address, netuid)).toBigInt();
  const [v, c1, c2] = [await own(validator), await own(children[0]), await own(children[1])];
  const graph = (await at.call.subnetInfoRuntimeApi.getMetagraph(netuid)).unwrap();
  const alpha = graph.alphaStake.map((x) => x.toBigInt());
  assert.equal(alpha[await uid(validator)], v - v / 2n - v / 4n);
  assert.equal(alpha[await uid(children[0])], c1 + v / 2n);
  assert.equal(alpha[await uid(children[1])], c2 + v / 4n);
});

test('a child holds a validator permit on its parent\'s stake and sets weights', async () => {
  // The child's own stake is 0: its permit comes from the stake its parent lends it.
  assert.equal((await sm().totalHotkeyAlpha(children[0].address, netuid)).toBigInt(), 0n);
  const childUid = await uid(children[0]);
  let permit = false;
  for (let i = 0; i < 60 && !permit; i += 1) {
    permit = (await sm().validatorPermit(netuid)).map((p) => p.isTrue)[childUid];
    if (!permit) await blocks(1);
  }
  assert.ok(permit, 'the child holds a validator permit');
  const target = await uid(miner);
  const events = await ok(
    api.tx.subtensorModule.setMechanismWeights(netuid, 0, [target], [65535], 0), children[0]);
  assert.ok(events.some(({ event }) => api.events.subtensorModule.WeightsSet.is(event)));
});

test('a hotkey swap moves a child with its links, for the swap cost', async () => {
  const fresh = keyring.addFromUri('//Bob//keys-child-2-new');
  const oldUid = await uid(children[1]);
  const balance = (await api.query.system.account(bob.address)).data.free.toBigInt();
  const events = await ok(api.tx.subtensorModule.swapHotkey(children[1].address, fresh.address, null), bob);
  assert.ok(events.some(({ event }) => api.events.subtensorModule.HotkeySwapped.is(event)));
  const fee = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event))
    .event.data[1].toBigInt();
  const after = (await api.query.system.account(bob.address)).data.free.toBigInt();
  assert.equal(balance - after - fee, TAO / 10n, 'KeySwapCost (0.1 TAO) recycled');
  assert.equal(await uid(fresh), oldUid);
  assert.ok((await sm().uids(netuid, children[1].address)).isNone);
  assert.equal((await sm().owner(fresh.address)).toString(), bob.address);
  const kids = await sm().childKeys(validator.address, netuid);
  assert.deepEqual(kids.map(([, c]) => c.toString()), [children[0].address, fresh.address]);
  const parents = await sm().parentKeys(fresh.address, netuid);
  assert.deepEqual(parents.map(([, p]) => p.toString()), [validator.address]);
  assert.equal((await sm().parentKeys(children[1].address, netuid)).length, 0);
  children[1] = fresh;
});

test('an announced coldkey swap freezes the coldkey, then moves its TAO and stake', async () => {
  const old = keyring.addFromUri('//Charlie');
  const next = keyring.addFromUri('//Charlie//keys-new-coldkey');
  await ok(api.tx.subtensorModule.addStake(validator.address, netuid, 10n * TAO), old);
  const shares = (await sm().alpha(validator.address, old.address, netuid));
  assert.ok(!shares.isEmpty, 'Charlie holds a position');

  const hash = blake2AsHex(decodeAddress(next.address), 256);
  const announced = await ok(api.tx.subtensorModule.announceColdkeySwap(hash), old);
  assert.ok(announced.some(({ event }) => api.events.subtensorModule.ColdkeySwapAnnounced.is(event)));
  // Frozen: a transfer is refused by the pool (code 36) and never reaches a block.
  await assert.rejects(
    api.tx.balances.transferKeepAlive(bob.address, TAO).signAndSend(old),
    /Invalid Transaction.*Custom error: 36/);
  const [when] = (await sm().coldkeySwapAnnouncements(old.address)).unwrap();
  // Too early, then after the delay.
  const early = await submitAndWatch(api, api.tx.subtensorModule.swapColdkeyAnnounced(next.address), old);
  assert.match(String(early.error), /ColdkeySwapTooEarly/);
  await until((h) => h.number.toBigInt() >= when.toBigInt());
  const swapped = await ok(api.tx.subtensorModule.swapColdkeyAnnounced(next.address), old);
  assert.ok(swapped.some(({ event }) => api.events.subtensorModule.ColdkeySwapped.is(event)));

  assert.ok((await api.query.system.account(next.address)).data.free.toBigInt() > 900_000n * TAO);
  assert.equal((await api.query.system.account(old.address)).data.free.toBigInt(), 0n);
  const bits = async (who) => BigInt((await sm().alpha(validator.address, who.address, netuid))
    .toJSON().bits);
  assert.ok((await bits(next)) > 0n, 'stake moved');
  assert.equal(await bits(old), 0n, 'no stake left at the old coldkey');
  assert.ok((await sm().coldkeySwapAnnouncements(old.address)).isNone);
});
