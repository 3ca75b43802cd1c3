// Issue 11, "bad input at the edges": malformed, oversized, wrongly signed and wrong-era
// extrinsics submitted over RPC get a clear error, nothing enters the pool and the node keeps
// producing blocks; unsafe RPC methods are refused when the RPC server listens on external
// interfaces (Substrate's default `--rpc-methods auto`), and served on a local-only node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { startDevNode, submitAndWatch, waitForHead } from '../lib/node.js';

const TAO = 1_000_000_000n;

let node;
let api;
let raw; // a bare JSON-RPC connection: polkadot.js would refuse to encode the bad inputs
let alice;
let bob;

before(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  alice = keyring.addFromUri('//Alice');
  bob = keyring.addFromUri('//Bob');
  node = await startDevNode('rpc-edges');
  api = node.api;
  raw = new WsProvider(`ws://127.0.0.1:${node.rpcPort}`);
  await raw.isReady;
});

after(async () => {
  if (raw) await raw.disconnect();
  if (node) await node.stop();
});

const nextIndex = async (who) => (await api.rpc.system.accountNextIndex(who.address)).toNumber();

/** Submit raw bytes; resolve with the RPC error's text (the call must be refused). */
async function refused(bytes) {
  try {
    await raw.send('author_submitExtrinsic', [u8aToHex(bytes)]);
  } catch (err) {
    return String(err.message);
  }
  assert.fail('the node accepted the extrinsic');
}

test('malformed bytes are refused as undecodable and nothing enters the pool', async () => {
  const nonce = await nextIndex(alice);
  const tx = api.tx.balances.transferKeepAlive(bob.address, TAO);
  await tx.signAsync(alice, { nonce });
  const bytes = tx.toU8a();
  // Truncated, garbage, and a wrong length prefix. The node refuses the first two as
  // undecodable (1040); the third decodes as a 63-byte opaque extrinsic that the runtime then
  // cannot decode (1002 Verification Error, Substrate's answer for undecodable input to
  // `validate_transaction`).
  for (const bad of [
    bytes.slice(0, bytes.length - 7),
    Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff),
    Uint8Array.from([0xfc, ...bytes.slice(1)]),
  ]) {
    const message = await refused(bad);
    assert.match(message, /^(1040: .*Could not decode|1002: Verification Error)/, message);
  }
  assert.equal(await nextIndex(alice), nonce, 'nothing entered the pool');
});

test('an extrinsic larger than a block can hold is refused as exhausting resources', async () => {
  const nonce = await nextIndex(alice);
  // 4 MiB of remark: above the normal class's share of the 5 MiB block length.
  const tx = api.tx.system.remark(`0x${'07'.repeat(4 * 1024 * 1024)}`);
  await tx.signAsync(alice, { nonce });
  const message = await refused(tx.toU8a());
  assert.match(message, /1010: Invalid Transaction: Transaction would exhaust the block limits/, message);
  assert.equal(await nextIndex(alice), nonce);
});

test('an extrinsic signed by another key than its signer address is refused', async () => {
  const nonce = await nextIndex(alice);
  const tx = api.tx.balances.transferKeepAlive(bob.address, TAO);
  // Sign as Bob, then claim Alice as the signer (the address bytes precede the signature).
  await tx.signAsync(bob, { nonce });
  const bytes = Uint8Array.from(tx.toU8a());
  const at = indexOf(bytes, bob.publicKey);
  assert.ok(at > 0, "Bob's public key is inside the extrinsic");
  bytes.set(alice.publicKey, at);
  const message = await refused(bytes);
  assert.match(message, /bad signature/i, message);
  assert.equal(await nextIndex(alice), nonce);
});

test('an extrinsic whose mortal era has passed is refused', async () => {
  const nonce = await nextIndex(alice);
  const tx = api.tx.balances.transferKeepAlive(bob.address, TAO);
  await tx.signAsync(alice, { nonce, era: 4 }); // valid for 4 blocks from the current head
  const signedAt = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitForHead(api, 'best', (h) => h.number.toNumber() >= signedAt + 10);
  const message = await refused(tx.toU8a());
  // The era's birth block is recomputed for the current height, so the signed payload no
  // longer matches (or the transaction is reported stale).
  assert.match(message, /bad signature|outdated|ancient|stale/i, message);
  assert.equal(await nextIndex(alice), nonce);
});

test('after all that the node keeps producing blocks and accepts a valid transfer', async () => {
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitForHead(api, 'best', (h) => h.number.toNumber() >= head + 4);
  const before = (await api.query.system.account(bob.address)).data.free.toBigInt();
  const { error } = await submitAndWatch(api, api.tx.balances.transferKeepAlive(bob.address, TAO), alice);
  assert.equal(error, null);
  assert.equal((await api.query.system.account(bob.address)).data.free.toBigInt(), before + TAO);
});

test('unsafe RPC methods: served on a local-only node, refused on external interfaces', async () => {
  // The test node listens on 127.0.0.1 only: unsafe methods are served (auto = unsafe there).
  const keys = await api.rpc.author.rotateKeys();
  assert.ok(keys.length > 0, 'author_rotateKeys answered locally');

  // A node started with --rpc-external (listening on every interface) refuses them by default.
  const external = await startDevNode('rpc-edges-external', ['--rpc-external']);
  try {
    await assert.rejects(
      external.api.rpc.author.rotateKeys(),
      (err) => /unsafe/i.test(String(err.message)),
    );
    await assert.rejects(
      external.api.rpc.author.insertKey('aura', '//Alice', u8aToHex(alice.publicKey)),
      (err) => /unsafe/i.test(String(err.message)),
    );
    // Safe methods are still served.
    assert.ok((await external.api.rpc.chain.getHeader()).number.toNumber() >= 0);
  } finally {
    await external.stop();
  }
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
