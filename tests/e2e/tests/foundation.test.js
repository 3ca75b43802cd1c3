// The foundation: a --dev node produces and finalizes blocks, exposes SubtensorModule, transfers
// TAO and refuses invalid transactions with the expected errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';

import { startDevNode, waitForHead, submitAndWatch } from '../lib/node.js';

const TAO = 1_000_000_000n;

let node;
let api;
let alice;
let keyring;

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  alice = keyring.addFromUri('//Alice');
  node = await startDevNode('foundation');
  api = node.api;
});

after(async () => {
  if (node) await node.stop();
});

test('blocks are produced and finalized', async () => {
  const best = await waitForHead(api, 'best', (h) => h.number.toNumber() >= 3);
  assert.ok(best.number.toNumber() >= 3);
  const finalized = await waitForHead(api, 'finalized', (h) => h.number.toNumber() >= 1);
  assert.ok(finalized.number.toNumber() >= 1);
});

test('chain properties and metadata are what clients expect', async () => {
  const props = await api.rpc.system.properties();
  assert.equal(props.tokenSymbol.unwrap()[0].toString(), 'TAO');
  assert.equal(props.tokenDecimals.unwrap()[0].toNumber(), 9);
  assert.equal(props.ss58Format.unwrap().toNumber(), 42);
  assert.equal(api.consts.system.ss58Prefix.toNumber(), 42);

  const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
  for (const name of ['System', 'Timestamp', 'Aura', 'Grandpa', 'Balances',
    'TransactionPayment', 'SubtensorModule', 'Utility', 'Sudo']) {
    assert.ok(pallets.includes(name), `pallet ${name} missing from metadata: ${pallets}`);
  }
  const versions = (await api.call.metadata.metadataVersions()).map((v) => v.toNumber());
  assert.ok(versions.includes(15), `metadata V15 must be offered (got ${versions})`);
});

test('genesis: root subnet 0 exists and issuance is 6M TAO', async () => {
  assert.equal((await api.query.subtensorModule.networksAdded(0)).toHuman(), true);
  assert.equal((await api.query.subtensorModule.networksAdded(1)).toHuman(), false);
  assert.equal((await api.query.subtensorModule.totalNetworks()).toNumber(), 1);
  assert.equal(Buffer.from((await api.query.subtensorModule.tokenSymbol(0)).toU8a(true)).toString('utf8'), 'Τ');
  const genesisHash = await api.rpc.chain.getBlockHash(0);
  const atGenesis = await api.at(genesisHash);
  assert.equal((await atGenesis.query.balances.totalIssuance()).toBigInt(), 6_000_000n * TAO);
  assert.equal((await atGenesis.query.subtensorModule.totalIssuance()).toBigInt(), 6_000_000n * TAO);
  const { data } = await api.query.system.account(alice.address);
  assert.ok(data.free.toBigInt() > 999_000n * TAO);
});

test('a transfer from Alice reaches a fresh account, with its event; fees are recycled', async () => {
  const fresh = keyring.addFromMnemonic(mnemonicGenerate());
  const amount = 12n * TAO + 345n;
  const { events, error } = await submitAndWatch(
    api, api.tx.balances.transferKeepAlive(fresh.address, amount), alice);
  assert.equal(error, null);

  const transfer = events.find(({ event }) => api.events.balances.Transfer.is(event));
  assert.ok(transfer, 'Balances.Transfer event expected');
  const [from, to, value] = transfer.event.data;
  assert.equal(from.toString(), alice.address);
  assert.equal(to.toString(), fresh.address);
  assert.equal(value.toBigInt(), amount);
  assert.ok(events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)));

  const { data } = await api.query.system.account(fresh.address);
  assert.equal(data.free.toBigInt(), amount);

  // The fee was burned from the balances issuance and recycled in SubtensorModule's counter.
  const balancesIssuance = (await api.query.balances.totalIssuance()).toBigInt();
  const palletIssuance = (await api.query.subtensorModule.totalIssuance()).toBigInt();
  assert.ok(balancesIssuance < 6_000_000n * TAO, 'a fee was paid');
  assert.equal(palletIssuance, balancesIssuance);
});

test('a transfer above the balance fails with its error and moves nothing', async () => {
  const poor = keyring.addFromMnemonic(mnemonicGenerate());
  const rich = keyring.addFromMnemonic(mnemonicGenerate());
  await submitAndWatch(api, api.tx.balances.transferKeepAlive(poor.address, 2n * TAO), alice);

  const before = (await api.query.system.account(poor.address)).data.free.toBigInt();
  const { error } = await submitAndWatch(
    api, api.tx.balances.transferAllowDeath(rich.address, 5n * TAO), poor);
  assert.match(String(error), /FundsUnavailable/);
  const after = (await api.query.system.account(poor.address)).data.free.toBigInt();
  const received = (await api.query.system.account(rich.address)).data.free.toBigInt();
  assert.equal(received, 0n, 'nothing reached the recipient');
  assert.ok(after < before && before - after < TAO / 100n, 'only the fee was taken');
});

test('an extrinsic with a bad signature is refused by the pool', async () => {
  const bob = keyring.addFromUri('//Bob');
  const nonceBefore = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  const tx = api.tx.balances.transferKeepAlive(bob.address, TAO);
  await tx.signAsync(alice, { nonce: nonceBefore });
  const bytes = tx.toU8a();
  const signature = tx.signature.toU8a();
  const at = indexOf(bytes, signature);
  assert.ok(at > 0, 'the signature bytes are inside the extrinsic');
  const corrupted = Uint8Array.from(bytes);
  corrupted[at + 10] ^= 0xff;
  await assert.rejects(
    api.rpc.author.submitExtrinsic(corrupted),
    (err) => /bad signature/i.test(String(err.message)),
  );
  // Nothing entered the pool: Alice's next nonce is unchanged.
  assert.equal((await api.rpc.system.accountNextIndex(alice.address)).toNumber(), nonceBefore);
});

function indexOf(haystack, needle) {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}
