// Issue 14 (account tools): a Staking proxy stakes for a coldkey and cannot transfer its TAO; a
// 2-of-2 multisig executes a transfer once both signatories approve.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, createKeyMulti, encodeAddress, sortAddresses } from '@polkadot/util-crypto';

import { startDevNode, submitAndWatch, waitForHead } from '../lib/node.js';

const TAO = 1_000_000_000n;

let node;
let api;
let keyring;

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  node = await startDevNode('accounts');
  api = node.api;
});

after(async () => {
  if (node) await node.stop();
});

const free = async (who) => (await api.query.system.account(who)).data.free.toBigInt();

async function ok(tx, signer) {
  const r = await submitAndWatch(api, tx, signer);
  assert.equal(r.error, null, `dispatch failed: ${r.error}`);
  return r;
}

/** The inner result of a `Proxy.proxy` from its `ProxyExecuted` event: null or the error name. */
function proxyResult(events) {
  const e = events.find(({ event }) => api.events.proxy.ProxyExecuted.is(event));
  assert.ok(e, 'ProxyExecuted emitted');
  const result = e.event.data[0];
  if (result.isOk) return null;
  const err = result.asErr;
  if (err.isModule) {
    const meta = api.registry.findMetaError(err.asModule);
    return `${meta.section}.${meta.name}`;
  }
  return err.toString();
}

test('the account pallets sit at the reference indices', async () => {
  const pallets = Object.fromEntries(api.runtimeMetadata.asLatest.pallets
    .map((p) => [p.name.toString(), p.index.toNumber()]));
  assert.equal(pallets.Multisig, 13);
  assert.equal(pallets.Preimage, 14);
  assert.equal(pallets.Scheduler, 15);
  assert.equal(pallets.Proxy, 16);
  assert.equal(api.consts.proxy.maxProxies.toNumber(), 20);
  assert.equal(api.consts.multisig.maxSignatories.toNumber(), 100);
});

test('a Staking proxy stakes for its coldkey and cannot move its TAO', async () => {
  const owner = keyring.addFromUri('//Alice');
  const coldkey = keyring.addFromUri('//Charlie');
  const delegate = keyring.addFromUri('//Charlie//staking-proxy');
  const hotkey = keyring.addFromUri('//Alice//accounts-hotkey');

  const reg = await ok(api.tx.subtensorModule.registerNetwork(hotkey.address), owner);
  const netuid = reg.events.find(({ event }) => api.events.subtensorModule.NetworkAdded.is(event))
    .event.data[0].toNumber();
  const q = api.query.subtensorModule;
  const startable = (await q.networkRegisteredAt(netuid)).toBigInt() + (await q.startCallDelay()).toBigInt();
  await waitForHead(api, 'best', (h) => h.number.toBigInt() >= startable);
  await ok(api.tx.subtensorModule.startCall(netuid), owner);

  // The delegate needs TAO for its own fees only; the stake comes from the coldkey.
  await ok(api.tx.balances.transferKeepAlive(delegate.address, TAO), coldkey);
  await ok(api.tx.proxy.addProxy(delegate.address, 'Staking', 0), coldkey);
  const proxies = await api.query.proxy.proxies(coldkey.address);
  assert.equal(proxies[0][0].proxyType.toString(), 'Staking');

  const before = await free(coldkey.address);
  const r = await ok(api.tx.proxy.proxy(coldkey.address, null,
    api.tx.subtensorModule.addStake(hotkey.address, netuid, 5n * TAO)), delegate);
  assert.equal(proxyResult(r.events), null);
  assert.equal(before - (await free(coldkey.address)), 5n * TAO, 'the coldkey paid the 5 TAO stake');
  assert.ok(!(await q.alpha(hotkey.address, coldkey.address, netuid)).isEmpty, 'the coldkey holds shares of the hotkey');

  const dest = keyring.addFromUri('//AccountsThief').address;
  const t = await ok(api.tx.proxy.proxy(coldkey.address, null,
    api.tx.balances.transferKeepAlive(dest, TAO)), delegate);
  assert.equal(proxyResult(t.events), 'system.CallFiltered');
  assert.equal(await free(dest), 0n);
});

test('a 2-of-2 multisig executes a transfer after both approve', async () => {
  const a = keyring.addFromUri('//Dave');
  const b = keyring.addFromUri('//Eve');
  const multisig = encodeAddress(createKeyMulti([a.address, b.address], 2), 42);
  const dest = keyring.addFromUri('//AccountsMultisigDest').address;
  await ok(api.tx.balances.transferKeepAlive(multisig, 10n * TAO), a);

  const call = api.tx.balances.transferKeepAlive(dest, 3n * TAO);
  const weight = (await call.paymentInfo(multisig)).weight;
  const others = (me) => sortAddresses([a.address, b.address].filter((x) => x !== me.address), 42);

  const first = await ok(api.tx.multisig.asMulti(2, others(a), null, call.method, weight), a);
  assert.ok(first.events.some(({ event }) => api.events.multisig.NewMultisig.is(event)));
  assert.equal(await free(dest), 0n, 'one approval executes nothing');
  const pending = await api.query.multisig.multisigs(multisig, call.method.hash);
  const when = pending.unwrap().when;

  const second = await ok(api.tx.multisig.asMulti(2, others(b), when, call.method, weight), b);
  const executed = second.events.find(({ event }) => api.events.multisig.MultisigExecuted.is(event));
  assert.ok(executed, 'MultisigExecuted emitted');
  assert.ok(executed.event.data[4].isOk, 'the transfer succeeded');
  assert.equal(await free(dest), 3n * TAO);
  assert.equal(await free(multisig), 7n * TAO);
});
