// The load tool's smoke mode (scripts/load.sh --smoke): 100 pre-signed transfers from 4 senders
// submitted at once to a fresh dev node; every one is accepted and included, none is lost, and
// the report's cross-check (the senders' on-chain nonces) agrees. No timing is asserted: the
// throughput figures belong in BENCHMARKS.md, not in a test.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { parseArgs, runLoad } from '../load/load.js';

test('load tool smoke: 100 transfers, all included, none lost', async () => {
  const opts = parseArgs(['--smoke', '--quiet']);
  assert.equal(opts.count, 100);
  const r = await runLoad(opts);
  assert.equal(r.submitted, 100);
  assert.equal(r.rejected, 0, `RPC rejections: ${JSON.stringify(r.rejected_messages)}`);
  assert.equal(r.lost, 0, 'no transaction was neither included nor rejected');
  assert.equal(r.included, 100);
  assert.equal(r.dispatch_failed, 0);
  assert.equal(r.onchain_nonce_delta, 100, 'the senders\' nonces rose by exactly 100');
  assert.equal(r.final_latency_ms.finalized, 100, 'every included transfer was finalized');
  assert.ok(r.ours_per_block.max >= 1 && r.blocks >= 1);
});

test('load tool refuses bad options and non-local URLs', () => {
  assert.throws(() => parseArgs(['--kind', 'swap']), /--kind transfer\|stake/);
  assert.throws(() => parseArgs(['--rate', '10']), /--rate needs --duration/);
  assert.throws(() => parseArgs(['--url', 'ws://example.com:9944']), /local node/);
  assert.throws(() => parseArgs(['--bogus']), /unknown option/);
  assert.equal(parseArgs(['--rate', '20', '--duration', '3']).count, 60);
});
