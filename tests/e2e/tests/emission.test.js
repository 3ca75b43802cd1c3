// Issue 6: emission and the Yuma epoch on a live --dev node with fast blocks. Two validators
// stake and set weights on one miner; after the next epoch Incentive, Dividends and Emission
// are non-zero exactly where the weights point, and the validators' stake grew.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { startDevNode, submitAndWatch, waitForHead } from '../lib/node.js';

const TAO = 1_000_000_000n;

let node;
let api;
let alice;
let bob;
let owner;
let validators;
let miners;
let netuid;

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  alice = keyring.addFromUri('//Alice');
  bob = keyring.addFromUri('//Bob');
  owner = keyring.addFromUri('//Alice//owner');
  validators = [keyring.addFromUri('//Bob//v1'), keyring.addFromUri('//Bob//v2')];
  miners = [keyring.addFromUri('//Bob//m1'), keyring.addFromUri('//Bob//m2')];
  node = await startDevNode('emission');
  api = node.api;
});

after(async () => {
  if (node) await node.stop();
});

const sm = () => api.query.subtensorModule;
const ok = async (tx, signer) => {
  const { error, events } = await submitAndWatch(api, tx, signer);
  assert.equal(error, null);
  return events;
};
const sudo = async (call) => {
  const events = await ok(api.tx.sudo.sudo(call), alice);
  const sudid = events.find(({ event }) => api.events.sudo.Sudid.is(event));
  assert.ok(sudid && sudid.event.data[0].isOk, `sudo ${call.method.method} succeeded`);
};
const uid = async (who) => (await sm().uids(netuid, who.address)).unwrap().toNumber();
/** Wait for the next epoch of the subnet (LastMechansimStepBlock moves). */
async function nextEpoch() {
  const last = (await sm().lastMechansimStepBlock(netuid)).toBigInt();
  const tempo = BigInt((await sm().tempo(netuid)).toNumber());
  const head = await api.rpc.chain.getHeader();
  // At most one period (tempo + 1 blocks) away; poll each head.
  await waitForHead(api, 'best', () => true);
  const deadline = head.number.toBigInt() + 2n * (tempo + 1n) + 2n;
  for (;;) {
    const h = await waitForHead(api, 'best', () => true);
    if ((await sm().lastMechansimStepBlock(netuid)).toBigInt() > last) return;
    assert.ok(h.number.toBigInt() <= deadline, 'an epoch ran within two tempos');
  }
}

test('a subnet is set up with two staked validators and two miners', async () => {
  const events = await ok(api.tx.subtensorModule.registerNetwork(owner.address), alice);
  netuid = events.find(({ event }) => api.events.subtensorModule.NetworkAdded.is(event))
    .event.data[0].toNumber();
  const registeredAt = (await sm().networkRegisteredAt(netuid)).toBigInt();
  const delay = (await sm().startCallDelay()).toBigInt();
  await waitForHead(api, 'best', (h) => h.number.toBigInt() >= registeredAt + delay);
  await ok(api.tx.subtensorModule.startCall(netuid), alice);

  // Short waits for a devnet, set by root through AdminUtils.
  await sudo(api.tx.adminUtils.sudoSetTempo(netuid, 10));
  await sudo(api.tx.adminUtils.sudoSetWeightsSetRateLimit(netuid, 0));
  await sudo(api.tx.adminUtils.sudoSetTargetRegistrationsPerInterval(netuid, 10));
  await sudo(api.tx.adminUtils.sudoSetMaxRegistrationsPerBlock(netuid, 10));

  for (const hot of [...validators, ...miners]) {
    await ok(api.tx.subtensorModule.burnedRegister(netuid, hot.address), bob);
  }
  await ok(api.tx.subtensorModule.addStake(validators[0].address, netuid, 200n * TAO), bob);
  await ok(api.tx.subtensorModule.addStake(validators[1].address, netuid, 100n * TAO), bob);
  // The validators' hotkeys hold no TAO: their weights are free calls (issue 10).
  for (const v of validators) {
    assert.equal((await api.query.system.account(v.address)).data.free.toBigInt(), 0n);
  }
  // The next epoch hands out validator permits by stake.
  await nextEpoch();
  const permits = (await sm().validatorPermit(netuid)).map((p) => p.isTrue);
  for (const v of validators) assert.ok(permits[await uid(v)], 'validator holds a permit');
  for (const m of miners) assert.ok(!permits[await uid(m)], 'miner holds no permit');
});

test('after weights on one miner, the epoch pays exactly where the weights point', async () => {
  const target = await uid(miners[0]);
  const other = await uid(miners[1]);
  for (const v of validators) {
    const events = await ok(
      api.tx.subtensorModule.setMechanismWeights(netuid, 0, [target], [65535], 0), v);
    assert.ok(events.some(({ event }) => api.events.subtensorModule.WeightsSet.is(event)));
    // Free: the fee paid is 0, and the unfunded hotkey still holds nothing.
    const paid = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event)
      && event.data[0].toString() === v.address);
    assert.ok(paid, 'TransactionPayment.TransactionFeePaid expected');
    assert.equal(paid.event.data[1].toBigInt(), 0n);
    assert.equal((await api.query.system.account(v.address)).data.free.toBigInt(), 0n);
  }
  // A free call that would fail is refused by the pool (SubtensorTransactionExtension, code 2:
  // the hotkey is not registered on the subnet) and never reaches a block.
  const stranger = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Stranger');
  await assert.rejects(
    api.tx.subtensorModule.setMechanismWeights(netuid, 0, [target], [65535], 0)
      .signAndSend(stranger),
    /Invalid Transaction.*Custom error: 2/);
  assert.equal((await api.query.system.account(stranger.address)).nonce.toNumber(), 0);
  const stakeBefore = await Promise.all(validators.map(async (v) =>
    (await sm().totalHotkeyAlpha(v.address, netuid)).toBigInt()));
  await nextEpoch();
  await nextEpoch(); // bonds form at the first epoch with weights; dividends follow them

  const neurons = await api.call.neuronInfoRuntimeApi.getNeuronsLite(netuid);
  const byUid = new Map(neurons.map((n) => [n.uid.toNumber(), n]));
  const incentive = (await sm().incentive(netuid)).map((x) => x.toNumber());
  const dividends = (await sm().dividends(netuid)).map((x) => x.toNumber());
  const emission = (await sm().emission(netuid)).map((x) => x.toBigInt());

  assert.ok(incentive[target] > 0, 'the miner the weights point at earns incentive');
  assert.equal(incentive[other], 0, 'the other miner earns none');
  assert.ok(emission[target] > 0n && emission[other] === 0n);
  for (const v of validators) {
    const u = await uid(v);
    assert.ok(dividends[u] > 0, `validator uid ${u} earns dividends`);
    assert.ok(emission[u] > 0n);
    assert.equal(incentive[u], 0);
  }
  for (const m of miners) assert.equal(dividends[await uid(m)], 0, 'miners earn no dividends');
  // The runtime API shows the same metagraph.
  assert.equal(byUid.get(target).incentive.toNumber(), incentive[target]);
  assert.equal(byUid.get(target).hotkey.toString(), miners[0].address);

  for (const [i, v] of validators.entries()) {
    const now = (await sm().totalHotkeyAlpha(v.address, netuid)).toBigInt();
    assert.ok(now > stakeBefore[i], `validator ${i} stake grew: ${stakeBefore[i]} → ${now}`);
  }
  // Dynamic info and stake info are served for clients.
  const info = (await api.call.subnetInfoRuntimeApi.getDynamicInfo(netuid)).unwrap();
  assert.equal(info.netuid.toNumber(), netuid);
  assert.ok(info.alphaOut.toBigInt() > 0n);
  const stakes = await api.call.stakeInfoRuntimeApi.getStakeInfoForColdkey(bob.address);
  assert.ok(stakes.some((s) => s.hotkey.toString() === validators[0].address
    && s.netuid.toNumber() === netuid && s.stake.toBigInt() > 0n));
  // Every RAO is still accounted for after emission.
  const issuance = (await sm().totalIssuance()).toBigInt();
  const balances = (await api.query.balances.totalIssuance()).toBigInt();
  assert.equal(issuance, balances + (await sm().totalStake()).toBigInt());
});
