// Issue 4: subnets and neurons. Alice creates a subnet and pays the lock cost, the next quote is
// double, two hotkeys register by burn, SubnetworkN and Uids read back over RPC, and a
// registration with too little balance fails with its error name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';

import { startDevNode, submitAndWatch, waitForHead } from '../lib/node.js';

const TAO = 1_000_000_000n;
const MIN_LOCK = 1_000n * TAO;
// ⌊1000 TAO / 100 800⌋: how much the doubled quote decays per block (economics.md §1.2).
const DECAY_PER_BLOCK = 9_920_634n;

let node;
let api;
let keyring;
let alice;
let bob;
let netuid;

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  alice = keyring.addFromUri('//Alice');
  bob = keyring.addFromUri('//Bob');
  node = await startDevNode('subnets');
  api = node.api;
});

after(async () => {
  if (node) await node.stop();
});

const free = async (who) => (await api.query.system.account(who)).data.free.toBigInt();
const quote = async () =>
  (await api.call.subnetRegistrationRuntimeApi.getNetworkRegistrationCost()).toBigInt();

test('Alice creates a subnet, pays the lock cost, and the next quote is double', async () => {
  assert.equal(await quote(), MIN_LOCK, 'nothing registered yet: the minimum lock');
  const hotkey = keyring.addFromUri('//Alice//subnet-owner');
  const before = await free(alice.address);
  const { events, error } = await submitAndWatch(
    api, api.tx.subtensorModule.registerNetwork(hotkey.address), alice);
  assert.equal(error, null);
  const added = events.find(({ event }) => api.events.subtensorModule.NetworkAdded.is(event));
  assert.ok(added, 'SubtensorModule.NetworkAdded expected');
  netuid = added.event.data[0].toNumber();
  assert.equal(netuid, 1, 'netuids are allocated contiguously from 1');
  assert.equal(added.event.data[1].toNumber(), 1, 'dynamic mechanism');

  const paid = before - (await free(alice.address));
  assert.ok(paid >= MIN_LOCK && paid < MIN_LOCK + TAO, `paid the lock plus a fee: ${paid}`);
  assert.equal((await api.query.subtensorModule.subnetLocked(netuid)).toBigInt(), MIN_LOCK);
  assert.equal((await api.query.subtensorModule.subnetTAO(netuid)).toBigInt(), MIN_LOCK);
  assert.equal((await api.query.subtensorModule.subnetAlphaIn(netuid)).toBigInt(), MIN_LOCK);
  assert.equal((await api.query.subtensorModule.networksAdded(netuid)).toHuman(), true);
  assert.equal((await api.query.subtensorModule.totalNetworks()).toNumber(), 2);
  const symbol = Buffer.from((await api.query.subtensorModule.tokenSymbol(netuid)).toU8a(true));
  assert.equal(symbol.toString('utf8'), 'α');

  // The quote is twice the lock just paid, minus the linear decay since that block.
  const registeredAt = (await api.query.subtensorModule.networkRegisteredAt(netuid)).toBigInt();
  const head = (await api.rpc.chain.getHeader()).number.toBigInt();
  const next = await quote();
  assert.ok(next <= 2n * MIN_LOCK, `next quote ${next} at most double`);
  assert.ok(next >= 2n * MIN_LOCK - DECAY_PER_BLOCK * (head - registeredAt + 1n),
    `next quote ${next} is double minus the decay of ${head - registeredAt} blocks`);

  // The owner's hotkey holds UID 0.
  assert.equal((await api.query.subtensorModule.uids(netuid, hotkey.address)).unwrap().toNumber(), 0);
});

test('two hotkeys register by burn; SubnetworkN and Uids read back', async () => {
  assert.ok(netuid, 'the subnet of the previous test exists');
  const hot1 = keyring.addFromUri('//Bob//miner-1');
  const hot2 = keyring.addFromUri('//Bob//miner-2');
  const burn = (await api.query.subtensorModule.burn(netuid)).toBigInt();
  assert.equal(burn, TAO / 10n);
  const taoBefore = (await api.query.subtensorModule.subnetTAO(netuid)).toBigInt();

  for (const [i, hot] of [hot1, hot2].entries()) {
    const { events, error } = await submitAndWatch(
      api, api.tx.subtensorModule.burnedRegister(netuid, hot.address), bob);
    assert.equal(error, null);
    const reg = events.find(({ event }) => api.events.subtensorModule.NeuronRegistered.is(event));
    assert.ok(reg, 'SubtensorModule.NeuronRegistered expected');
    assert.equal(reg.event.data[0].toNumber(), netuid);
    assert.equal(reg.event.data[1].toNumber(), i + 1);
    assert.equal(reg.event.data[2].toString(), hot.address);
  }

  assert.equal((await api.query.subtensorModule.subnetworkN(netuid)).toNumber(), 3);
  assert.equal((await api.query.subtensorModule.uids(netuid, hot1.address)).unwrap().toNumber(), 1);
  assert.equal((await api.query.subtensorModule.uids(netuid, hot2.address)).unwrap().toNumber(), 2);
  assert.ok((await api.query.subtensorModule.uids(netuid, alice.address)).isNone);
  assert.equal((await api.query.subtensorModule.owner(hot1.address)).toString(), bob.address);
  // Both burns went into the pool.
  const taoAfter = (await api.query.subtensorModule.subnetTAO(netuid)).toBigInt();
  assert.equal(taoAfter - taoBefore, 2n * burn);
});

test('a registration with too little balance fails with its error and registers nothing', async () => {
  const poor = keyring.addFromMnemonic(mnemonicGenerate());
  await submitAndWatch(api, api.tx.balances.transferKeepAlive(poor.address, TAO / 20n), alice);
  const hot = keyring.addFromMnemonic(mnemonicGenerate());
  const n = (await api.query.subtensorModule.subnetworkN(netuid)).toNumber();
  const { error } = await submitAndWatch(
    api, api.tx.subtensorModule.burnedRegister(netuid, hot.address), poor);
  assert.equal(error, 'subtensorModule.NotEnoughBalanceToStake');
  assert.equal((await api.query.subtensorModule.subnetworkN(netuid)).toNumber(), n);
  assert.ok((await api.query.subtensorModule.uids(netuid, hot.address)).isNone);

  const { error: unknown } = await submitAndWatch(
    api, api.tx.subtensorModule.burnedRegister(77, hot.address), alice);
  assert.equal(unknown, 'subtensorModule.SubnetNotExists');
});

test('AdminUtils: root sets a hyperparameter through sudo; a non-owner is refused', async () => {
  const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
  assert.ok(pallets.includes('AdminUtils'), 'AdminUtils in the metadata');

  const { events, error } = await submitAndWatch(
    api, api.tx.sudo.sudo(api.tx.adminUtils.sudoSetTempo(netuid, 20)), alice);
  assert.equal(error, null);
  const sudid = events.find(({ event }) => api.events.sudo.Sudid.is(event));
  assert.ok(sudid && sudid.event.data[0].isOk, 'the sudo call succeeded');
  assert.equal((await api.query.subtensorModule.tempo(netuid)).toNumber(), 20);

  const { error: notOwner } = await submitAndWatch(
    api, api.tx.adminUtils.sudoSetImmunityPeriod(netuid, 10), bob);
  assert.equal(notOwner, 'adminUtils.NotSubnetOwner');

  // The owner may set an owner-settable parameter of its own subnet.
  const { error: ownerError } = await submitAndWatch(
    api, api.tx.adminUtils.sudoSetImmunityPeriod(netuid, 10), alice);
  assert.equal(ownerError, null);
  assert.equal((await api.query.subtensorModule.immunityPeriod(netuid)).toNumber(), 10);
});

test('the owner starts the subnet once the development start-call delay has passed', async () => {
  const registeredAt = (await api.query.subtensorModule.networkRegisteredAt(netuid)).toBigInt();
  const delay = (await api.query.subtensorModule.startCallDelay()).toBigInt();
  assert.ok(delay <= 10n, `the development genesis shortens the delay (got ${delay})`);
  await waitForHead(api, 'best', (h) => h.number.toBigInt() >= registeredAt + delay);

  const { error: notOwner } = await submitAndWatch(
    api, api.tx.subtensorModule.startCall(netuid), bob);
  assert.equal(notOwner, 'subtensorModule.NotSubnetOwner');

  const { events, error } = await submitAndWatch(
    api, api.tx.subtensorModule.startCall(netuid), alice);
  assert.equal(error, null);
  const started = events.find(
    ({ event }) => api.events.subtensorModule.FirstEmissionBlockNumberSet.is(event));
  assert.ok(started, 'SubtensorModule.FirstEmissionBlockNumberSet expected');
  assert.equal(started.event.data[0].toNumber(), netuid);
  assert.equal((await api.query.subtensorModule.subtokenEnabled(netuid)).toHuman(), true);
});
