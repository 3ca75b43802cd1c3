// A real network: four validators on the `local4` chain (Alice, Bob, Charlie, Dave), faults,
// restarts, a full node syncing from genesis, and a forkless runtime upgrade with a storage
// migration — each step with its figure, printed and written to logs/network-figures.json.
//
// Run by scripts/test-network.sh (which builds the upgrade runtime), itself run by scripts/test.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex, u8aConcat, bnToU8a } from '@polkadot/util';
import { xxhashAsU8a } from '@polkadot/util-crypto';

import { sleep, submitAndWatch } from '../lib/node.js';
import { Network, heads, until } from '../lib/network.js';

const TAO = 1_000_000_000n;
const VALIDATORS = [['a', 'alice'], ['b', 'bob'], ['c', 'charlie'], ['d', 'dave']];

let net;
let keyring;
let alice;
let bob;
let ferdie;
let netuid;
const figures = {};

const secs = (ms) => Math.round(ms / 100) / 10;
function figure(key, value) {
  figures[key] = value;
  console.log(`figure ${key}: ${JSON.stringify(value)}`);
}

/** The API of a running node. */
const api = (name) => net.get(name).api;

/** Heads of every running node. */
async function allHeads() {
  const out = {};
  for (const n of net.running()) out[n.name] = await heads(n.api);
  return out;
}

/** Wait until every running node has finalized at least `number`; the time it took, in ms. */
async function allFinalize(number, timeoutMs = 120_000) {
  const t0 = Date.now();
  await until(`finality ≥ #${number} on every running node`, async () => {
    const hs = await allHeads();
    return Object.values(hs).every((h) => h.finalized >= number);
  }, timeoutMs);
  return Date.now() - t0;
}

/** The running nodes agree on the block at the lowest finalized height (so on all below it). */
async function sameFinalizedChain() {
  const hs = await allHeads();
  const low = Math.min(...Object.values(hs).map((h) => h.finalized));
  const hashes = new Set();
  for (const n of net.running()) hashes.add((await n.api.rpc.chain.getBlockHash(low)).toHex());
  assert.equal(hashes.size, 1, `nodes finalized different blocks at #${low}: ${[...hashes]}`);
  return low;
}

/** What must survive restarts and upgrades, read at block `hash` of node `name`. */
async function snapshot(name, hash) {
  const at = await api(name).at(hash);
  const header = await api(name).rpc.chain.getHeader(hash);
  const positions = (await at.query.subtensorModule.subnetStakePositions.keys()).length;
  return {
    number: header.number.toNumber(),
    stateRoot: header.stateRoot.toHex(),
    issuance: (await at.query.subtensorModule.totalIssuance()).toString(),
    balancesIssuance: (await at.query.balances.totalIssuance()).toString(),
    totalStake: (await at.query.subtensorModule.totalStake()).toString(),
    subnets: (await at.query.subtensorModule.totalNetworks()).toNumber(),
    subnetTAO: (await at.query.subtensorModule.subnetTAO(netuid)).toString(),
    subnetAlphaIn: (await at.query.subtensorModule.subnetAlphaIn(netuid)).toString(),
    hotkeyAlpha: (await at.query.subtensorModule.totalHotkeyAlpha(alice.address, netuid)).toString(),
    positions,
  };
}

/** Sign with `signer`, submit to node `name`, wait for inclusion; fail on a dispatch error. */
async function ok(name, tx, signer) {
  const r = await submitAndWatch(api(name), tx, signer);
  assert.equal(r.error, null, `dispatch failed: ${r.error}`);
  return r;
}

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  alice = keyring.addFromUri('//Alice');
  bob = keyring.addFromUri('//Bob');
  ferdie = keyring.addFromUri('//Ferdie');
  // The nodes start from a raw chain spec file, as machines of a real network would.
  net = new Network(null, { prefix: 'network' });
  net.chain = net.exportChainSpec('local4');
  for (const [name, key] of VALIDATORS) await net.add(name, key);
  await net.add('full', null);
});

after(async () => {
  writeFileSync('logs/network-figures.json', `${JSON.stringify(figures, null, 2)}\n`);
  if (net) await net.teardown();
});

test('4 validators produce and finalize blocks; a transaction sent to one is seen by all', async () => {
  const t0 = Date.now();
  await Promise.all(VALIDATORS.map(([name]) => net.start(name)));
  const rpcUp = Date.now() - t0;
  await allFinalize(3, 180_000);
  figure('start: RPC of 4 validators answering (s)', secs(rpcUp));
  figure('start: every validator finalized #3 (s from start)', secs(Date.now() - t0));

  // Each validator has 3 peers.
  for (const [name] of VALIDATORS) {
    await until(`${name} has 3 peers`, async () => (await api(name).rpc.system.health()).peers.toNumber() >= 3, 60_000);
  }

  // A subnet with stake: its pools are what later checks compare.
  const reg = await ok('a', api('a').tx.subtensorModule.registerNetwork(alice.address), alice);
  netuid = reg.events.find(({ event }) => api('a').events.subtensorModule.NetworkAdded.is(event))
    .event.data[0].toNumber();
  const q = api('a').query.subtensorModule;
  const startable = (await q.networkRegisteredAt(netuid)).toNumber() + (await q.startCallDelay()).toNumber();
  await until('the subnet can be started', async () => (await heads(api('a'))).best >= startable, 60_000);
  await ok('a', api('a').tx.subtensorModule.startCall(netuid), alice);
  await ok('b', api('b').tx.subtensorModule.addStake(alice.address, netuid, 10n * TAO), bob);

  // A transfer submitted to Charlie's node, then read from every node at its block.
  const dest = keyring.addFromUri('//NetworkTestDest').address;
  const sent = Date.now();
  const r = await ok('c', api('c').tx.balances.transferKeepAlive(dest, 7n * TAO), ferdie);
  const included = Date.now() - sent;
  const number = (await api('c').rpc.chain.getHeader(r.blockHash)).number.toNumber();
  const finalizedIn = await allFinalize(number);
  for (const [name] of VALIDATORS) {
    const at = await api(name).at(r.blockHash);
    assert.equal((await at.query.system.account(dest)).data.free.toBigInt(), 7n * TAO, `${name} sees the transfer`);
  }
  figure('transfer via node c: submit → in block (s)', secs(included));
  figure('transfer via node c: in block → finalized on all 4 (s)', secs(finalizedIn));
  await sameFinalizedChain();
});

test('1 of 4 killed: finality continues; restarted, it catches up and votes again', async () => {
  const before = await heads(api('a'));
  await net.stop('d', 'SIGKILL');
  const t0 = Date.now();
  await allFinalize(before.finalized + 10);
  figure('1 of 4 down: 10 more blocks finalized in (s)', secs(Date.now() - t0));

  const target = (await heads(api('a'))).best;
  const t1 = Date.now();
  await net.start('d');
  await until('d catches up', async () => (await heads(api('d'))).best >= target, 120_000);
  figure('d restarted: RPC up and best ≥ network best at restart (s)', secs(Date.now() - t1));

  // Dave votes again: with Charlie down too, finality needs Alice, Bob and Dave (3 of 4).
  await net.stop('c', 'SIGKILL');
  const t2 = Date.now();
  const fin = (await heads(api('a'))).finalized;
  await allFinalize(fin + 5, 120_000);
  figure('d restarted, c then killed: 5 more blocks finalized by a, b, d in (s)', secs(Date.now() - t2));
  await net.start('c');
  await until('c catches up', async () => (await heads(api('c'))).finalized >= fin + 5, 120_000);
  await sameFinalizedChain();
});

test('2 of 4 killed: finality stops; it resumes when one returns, with no fork finalized', async () => {
  await net.stop('c', 'SIGKILL');
  await net.stop('d', 'SIGKILL');
  await sleep(3_000);
  const stalled = await heads(api('a'));
  await sleep(10_000);
  const later = await heads(api('a'));
  figure('2 of 4 down: blocks produced / finalized in 10 s', {
    produced: later.best - stalled.best,
    finalized: later.finalized - stalled.finalized,
  });
  assert.ok(later.best > stalled.best, 'Aura keeps producing in the live authorities\' slots');
  assert.equal(later.finalized, stalled.finalized, 'GRANDPA cannot finalize with 2 of 4');

  const t0 = Date.now();
  await net.start('c');
  await allFinalize(later.finalized + 1, 180_000);
  figure('2 of 4 down, c restarted: first new finalized block after (s)', secs(Date.now() - t0));
  await allFinalize(later.best + 1, 180_000);
  figure('2 of 4 down, c restarted: blocks from the stall finalized after (s)', secs(Date.now() - t0));
  await net.start('d');
  await until('d catches up', async () => (await heads(api('d'))).finalized >= later.best, 120_000);
  const low = await sameFinalizedChain();
  figure('no fork finalized: all 4 agree up to #', low);
});

test('all stopped and restarted: chain, state root, issuance and pools unchanged', async () => {
  const hs = await heads(api('a'));
  const best = await api('a').rpc.chain.getBlockHash(hs.best);
  const fin = hs.finalizedHash;
  const beforeBest = await snapshot('a', best);
  const beforeFin = await snapshot('a', fin);
  for (const [name] of VALIDATORS) await net.stop(name, 'SIGINT');

  const t0 = Date.now();
  await Promise.all(VALIDATORS.map(([name]) => net.start(name)));
  for (const [name] of VALIDATORS) {
    const h = await heads(api(name));
    assert.ok(h.finalized >= beforeFin.number, `${name} kept its finalized block`);
    assert.equal((await api(name).rpc.chain.getBlockHash(beforeFin.number)).toHex(), fin);
    assert.deepEqual(await snapshot(name, fin), beforeFin, `${name}: finalized state unchanged`);
  }
  // The old best block is still known (by hash) and its state unchanged.
  assert.deepEqual(await snapshot('a', best), beforeBest);
  await allFinalize(beforeBest.number + 5, 180_000);
  figure('all 4 restarted: finalizing again after (s)', secs(Date.now() - t0));
  figure('restart snapshot (finalized)', beforeFin);
  await sameFinalizedChain();
});

test('a full node syncs from genesis and serves RPC', async () => {
  const target = (await heads(api('a'))).best;
  const t0 = Date.now();
  await net.start('full');
  await until('the full node reaches the validators\' best', async () => (await heads(api('full'))).best >= target, 180_000);
  figure(`full node: synced ${target} blocks from genesis in (s)`, secs(Date.now() - t0));
  const role = await api('full').rpc.system.nodeRoles();
  assert.equal(role[0].toString(), 'Full');
  const fin = (await heads(api('a'))).finalizedHash;
  await until('the full node has the finalized block', async () => (await heads(api('full'))).finalized >= (await api('a').rpc.chain.getHeader(fin)).number.toNumber(), 60_000);
  assert.deepEqual(await snapshot('full', fin), await snapshot('a', fin));
});

test('forkless runtime upgrade by sudo: the migration runs, chain and state carry on', async () => {
  const wasmPath = process.env.UPGRADE_WASM;
  assert.ok(wasmPath, 'UPGRADE_WASM names the runtime to upgrade to (scripts/test-network.sh builds it)');
  const code = readFileSync(wasmPath);
  const a = api('a');
  const before = a.runtimeVersion.specVersion.toNumber();

  // Make this chain what a chain started before storage version 2 looked like: on-chain version
  // 1 and no SubnetStakePositions index (it did not exist). The upgrade must rebuild it.
  const module = xxhashAsU8a('SubtensorModule', 128);
  const versionKey = u8aToHex(u8aConcat(module, xxhashAsU8a(':__STORAGE_VERSION__:', 128)));
  const indexPrefix = u8aToHex(u8aConcat(module, xxhashAsU8a('SubnetStakePositions', 128)));
  const positions = (await a.query.subtensorModule.subnetStakePositions.keys()).length;
  assert.ok(positions > 0, 'the chain has stake positions');
  await ok('a', a.tx.sudo.sudo(a.tx.utility.batchAll([
    a.tx.system.setStorage([[versionKey, u8aToHex(bnToU8a(1, { bitLength: 16 }))]]),
    a.tx.system.killPrefix(indexPrefix, 1_000),
  ])), alice);
  assert.equal((await a.query.subtensorModule.palletVersion()).toNumber(), 1);
  assert.equal((await a.query.subtensorModule.subnetStakePositions.keys()).length, 0);
  const pre = await snapshot('a', (await a.rpc.chain.getBlockHash()).toHex());

  // Submitted without watching: polkadot.js decodes the events of the upgrade block with the
  // new runtime's metadata and fails, so the upgrade is observed through the runtime version.
  const t0 = Date.now();
  const setCode = await a.tx.sudo.sudoUncheckedWeight(a.tx.system.setCode(u8aToHex(code)), { refTime: 0, proofSize: 0 })
    .signAsync(alice);
  await a.rpc.author.submitExtrinsic(setCode);

  // Every node reports the new version once it has imported the upgrade block (the migration
  // runs in the next block's on_initialize).
  for (const n of net.running()) {
    await until(`${n.name} runs the new runtime`, async () => (await n.api.rpc.state.getRuntimeVersion()).specVersion.toNumber() > before, 120_000);
  }
  const upgradeBlock = (await heads(a)).best;
  figure('runtime upgrade: submitted → every node on the new runtime (s)', secs(Date.now() - t0));
  const after = (await a.rpc.state.getRuntimeVersion()).specVersion.toNumber();
  await allFinalize(upgradeBlock + 10, 180_000);
  figure('runtime upgrade: spec_version before → after', `${before} → ${after}`);
  figure('runtime upgrade: submitted → 10 blocks past the upgrade finalized on all nodes (s)', secs(Date.now() - t0));
  assert.equal(after, before + 1);
  // The chain recorded the upgrade (frame-executive ran the migrations under it).
  assert.equal((await a.query.system.lastRuntimeUpgrade()).unwrap().specVersion.toNumber(), after);

  const fin = (await heads(a)).finalizedHash;
  const post = await snapshot('a', fin);
  assert.equal((await a.query.subtensorModule.palletVersion()).toNumber(), 2, 'migration set storage version 2');
  assert.equal(post.positions, positions, 'migration rebuilt the index');
  // Subnets and stake are untouched; pools and issuance moved only by emission since (same
  // invariant as every block: issuance = balances issuance + total stake).
  assert.equal(post.subnets, pre.subnets);
  assert.ok(BigInt(post.hotkeyAlpha) >= BigInt(pre.hotkeyAlpha), 'stake kept (emission only adds)');
  assert.equal(BigInt(post.issuance), BigInt(post.balancesIssuance) + BigInt(post.totalStake));
  assert.ok(BigInt(post.subnetTAO) >= BigInt(pre.subnetTAO) && BigInt(post.subnetAlphaIn) > 0n);
  for (const n of net.running()) assert.deepEqual(await snapshot(n.name, fin), post, `${n.name} agrees`);
  // Transactions still work under the new runtime.
  await ok('b', api('b').tx.balances.transferKeepAlive(keyring.addFromUri('//AfterUpgrade').address, TAO), bob);
  await sameFinalizedChain();
});
