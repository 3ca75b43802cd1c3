// Issue 5: staking through the subnet pools. Bob stakes into a new subnet, the price moves as
// x·y = k predicts, the runtime API's preview equals the executed swap, he unstakes, and every
// RAO is accounted for (balances + stake = the pallet's issuance counter).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { startDevNode, submitAndWatch, waitForHead } from '../lib/node.js';

const TAO = 1_000_000_000n;
const FEE_RATE = 33n; // per 65535, kept in the pool

let node;
let api;
let alice;
let bob;
let hotkey;
let netuid;

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  alice = keyring.addFromUri('//Alice');
  bob = keyring.addFromUri('//Bob');
  hotkey = keyring.addFromUri('//Alice//validator');
  node = await startDevNode('staking');
  api = node.api;
});

after(async () => {
  if (node) await node.stop();
});

const q = api => api.query.subtensorModule;
const free = async (who) => (await api.query.system.account(who)).data.free.toBigInt();
const reserves = async (at = api) => ({
  tao: (await q(at).subnetTAO(netuid)).toBigInt(),
  alpha: (await q(at).subnetAlphaIn(netuid)).toBigInt(),
});
const ceilDiv = (a, b) => (a + b - 1n) / b;
/** ⌊y·net/(x+net)⌋ with net = input − ⌈input·33/65535⌉ (economics.md §3.3). */
const cpOut = (x, y, input) => {
  const net = input - ceilDiv(input * FEE_RATE, 65_535n);
  return (y * net) / (x + net);
};
const feePaid = (events) => {
  const e = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
  return e.event.data[1].toBigInt();
};
/** Every RAO is accounted for: the pallet's issuance = balances issuance + TAO staked. */
async function assertIssuanceBalances() {
  const issuance = (await q(api).totalIssuance()).toBigInt();
  const balances = (await api.query.balances.totalIssuance()).toBigInt();
  const staked = (await q(api).totalStake()).toBigInt();
  assert.equal(issuance, balances + staked, 'TotalIssuance = balances issuance + TotalStake');
}

test('a new subnet is created and started for staking', async () => {
  const { events, error } = await submitAndWatch(
    api, api.tx.subtensorModule.registerNetwork(hotkey.address), alice);
  assert.equal(error, null);
  netuid = events.find(({ event }) => api.events.subtensorModule.NetworkAdded.is(event))
    .event.data[0].toNumber();
  // Before start_call the subnet is closed to staking.
  const { error: closed } = await submitAndWatch(
    api, api.tx.subtensorModule.addStake(hotkey.address, netuid, TAO), bob);
  assert.equal(closed, 'subtensorModule.SubtokenDisabled');

  const registeredAt = (await q(api).networkRegisteredAt(netuid)).toBigInt();
  const delay = (await q(api).startCallDelay()).toBigInt();
  await waitForHead(api, 'best', (h) => h.number.toBigInt() >= registeredAt + delay);
  const { error: startError } = await submitAndWatch(
    api, api.tx.subtensorModule.startCall(netuid), alice);
  assert.equal(startError, null);
  assert.equal((await api.call.swapRuntimeApi.currentAlphaPrice(netuid)).toBigInt(), TAO,
    'a new pool is priced at exactly 1.0');
});

test('staking moves the price as x·y = k predicts and matches the preview', async () => {
  const amount = 100n * TAO;
  const balanceBefore = await free(bob.address);
  const { events, error, blockHash } = await submitAndWatch(
    api, api.tx.subtensorModule.addStake(hotkey.address, netuid, amount), bob);
  assert.equal(error, null);

  // The state the stake executed against: the parent of its block.
  const header = await api.rpc.chain.getHeader(blockHash);
  const parent = await api.at(header.parentHash);
  const before = await reserves(parent);
  const preview = await parent.call.swapRuntimeApi.simSwapTaoForAlpha(netuid, amount);
  const expected = cpOut(before.tao, before.alpha, amount);
  assert.equal(preview.alphaAmount.toBigInt(), expected, 'preview = x·y = k by hand');
  assert.equal(preview.taoFee.toBigInt(), ceilDiv(amount * FEE_RATE, 65_535n));

  const added = events.find(({ event }) => api.events.subtensorModule.StakeAdded.is(event));
  assert.ok(added, 'SubtensorModule.StakeAdded expected');
  const [coldkey, hot, tao, alpha, net, fee] = added.event.data;
  assert.equal(coldkey.toString(), bob.address);
  assert.equal(hot.toString(), hotkey.address);
  assert.equal(tao.toBigInt(), amount);
  assert.equal(alpha.toBigInt(), expected, 'executed = preview');
  assert.equal(net.toNumber(), netuid);
  assert.equal(fee.toBigInt(), preview.taoFee.toBigInt());

  const after = await reserves(await api.at(blockHash));
  assert.equal(after.tao, before.tao + amount);
  assert.equal(after.alpha, before.alpha - expected);
  assert.ok(after.tao * after.alpha >= before.tao * before.alpha, 'k never decreases');
  const price = (await (await api.at(blockHash)).call.swapRuntimeApi.currentAlphaPrice(netuid))
    .toBigInt();
  assert.equal(price, (after.tao * TAO) / after.alpha, 'spot price = T/A');
  assert.ok(price > TAO, 'buying raised the price');

  assert.equal(await free(bob.address), balanceBefore - amount - feePaid(events),
    'Bob paid the stake and the transaction fee, nothing else');
  await assertIssuanceBalances();
});

test('a limit order that cannot be met fails and changes nothing', async () => {
  const price = (await api.call.swapRuntimeApi.currentAlphaPrice(netuid)).toBigInt();
  const staked = async () => (await q(api).totalHotkeyAlpha(hotkey.address, netuid)).toBigInt();
  const before = await staked();
  const { error, events } = await submitAndWatch(api,
    api.tx.subtensorModule.addStakeLimit(hotkey.address, netuid, 10n * TAO, price - 1n, false),
    bob);
  assert.equal(error, 'subtensorModule.ZeroMaxStakeAmount');
  assert.equal(await staked(), before, 'no stake was added');
  assert.ok(!events.some(({ event }) => api.events.subtensorModule.StakeAdded.is(event)));
  const { error: unknown } = await submitAndWatch(
    api, api.tx.subtensorModule.addStake(hotkey.address, 77, TAO), bob);
  assert.equal(unknown, 'subtensorModule.SubnetNotExists');
});

test('unstaking returns the previewed TAO and every RAO is accounted for', async () => {
  const shares = await q(api).alpha(hotkey.address, bob.address, netuid);
  assert.ok(shares.bits.toBigInt() > 0n, 'Bob holds shares in the hotkey pool (U64F64 bits)');
  // Bob's stake keeps growing (the hotkey earns validator emission every epoch), so ask for
  // far more than the whole hotkey pool: the amount is capped at the stake held (economics.md
  // §3.5), and everything is unstaked.
  const pool = (await q(api).totalHotkeyAlpha(hotkey.address, netuid)).toBigInt();
  const balanceBefore = await free(bob.address);
  const { events, error, blockHash } = await submitAndWatch(
    api, api.tx.subtensorModule.removeStake(hotkey.address, netuid, 10n * pool), bob);
  assert.equal(error, null);
  const removed = events.find(({ event }) => api.events.subtensorModule.StakeRemoved.is(event));
  assert.ok(removed, 'SubtensorModule.StakeRemoved expected');
  const received = removed.event.data[2].toBigInt();
  const sold = removed.event.data[3].toBigInt();
  assert.ok(sold > 0n);

  // The pool the unstake executed against: the block's state with the swap undone (the sold
  // alpha, fee included, went in; the TAO came out). Since Bob's stake made the subnet's
  // Taoflow positive, the block's coinbase injected emission before the extrinsic ran.
  const after = await reserves(await api.at(blockHash));
  const pre = { tao: after.tao + received, alpha: after.alpha - sold };
  assert.equal(received, cpOut(pre.alpha, pre.tao, sold), 'executed = x·y = k by hand');
  // The preview quoted the parent block's pool; the injection only deepened it since.
  const header = await api.rpc.chain.getHeader(blockHash);
  const parent = await api.at(header.parentHash);
  const preview = (await parent.call.swapRuntimeApi.simSwapAlphaForTao(netuid, sold))
    .taoAmount.toBigInt();
  assert.ok(received >= preview && received - preview < TAO / 100n,
    `executed ${received} ≈ previewed ${preview}`);

  assert.equal(await free(bob.address), balanceBefore + received - feePaid(events));
  const left = await api.call.stakeInfoRuntimeApi.getStakeInfoForHotkeyColdkeyNetuid(
    hotkey.address, bob.address, netuid);
  assert.equal(left.unwrap().stake.toBigInt(), 0n, 'nothing left staked');
  await assertIssuanceBalances();
});
