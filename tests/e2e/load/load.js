// Load tool: flood a node with pre-signed transactions and measure what it includes.
//
// Starts a fresh `--dev --tmp` node on free local ports (or connects to --url), funds sender
// accounts //Alice//load/<i> from the dev accounts, pre-signs transactions (immortal, nonces in
// order per sender) and submits them over RPC all at once or at a fixed rate. Reports included
// per second, submit→inclusion and submit→finality latency, per-block fill against the
// normal-class weight limit, pool size over time, pool drain time, RPC rejections, and the
// transactions that were neither included nor rejected ("lost", must be 0).
//
// Every loop is bounded by a count and a deadline; traffic goes only to the node's RPC.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { startDevNode, sleep } from '../lib/node.js';

const TAO = 1_000_000_000n;
const DEV = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

export const DEFAULTS = {
  url: null, // connect to this node instead of starting one (ws://127.0.0.1:PORT only)
  kind: 'transfer', // transfer | stake
  senders: 12,
  count: 3000, // transactions in total (all-at-once mode)
  rate: 0, // tx/s; 0 = submit everything at once
  duration: 0, // seconds of submission at --rate (count = rate × duration)
  inflight: 512, // RPC submissions awaiting an answer at most
  drainTimeout: 180, // s to wait for inclusion after the last submission
  finalityTimeout: 60, // s to wait for finality after the last inclusion
  poolPoll: 1000, // ms between author_pendingExtrinsics polls
  smoke: false,
  watch: false, // submit with author_submitAndWatchExtrinsic and record Dropped/Invalid/Usurped
  quiet: false,
  nodeArgs: [], // extra arguments for the node this tool starts (--node-arg, repeatable)
};

const HELP = `usage: scripts/load.sh [options]
  --kind transfer|stake   transfer_keep_alive, or add_stake/remove_stake alternating (default transfer)
  --senders N             sender accounts //Alice//load/<i> (default ${DEFAULTS.senders})
  --count N               transactions in total, submitted all at once (default ${DEFAULTS.count})
  --rate R --duration S   submit R tx/s for S s instead (count = R × S)
  --url ws://127.0.0.1:P  use a running dev node instead of starting one
  --inflight N            RPC submissions in flight at most (default ${DEFAULTS.inflight})
  --drain-timeout S       wait at most S s for inclusion after submission ends (default ${DEFAULTS.drainTimeout})
  --watch                 submit with author_submitAndWatchExtrinsic; report pool Dropped/Invalid/Usurped
                          (at most 1000 transactions: the node allows 1024 subscriptions a connection)
  --smoke                 100 transfers from 4 senders; exit 1 unless all are included
  --node-arg ARG          pass ARG to the node this tool starts (repeatable), e.g.
                          --node-arg --pool-type --node-arg single-state
  --quiet                 print only the JSON line
Output: a table, then one line "LOAD_JSON {...}". Node binary: $SUBTENSOR_NODE.`;

export function parseArgs(argv) {
  const o = { ...DEFAULTS };
  const num = (v, name) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} wants a non-negative number, got ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const next = () => {
      i += 1;
      if (i >= argv.length) throw new Error(`${a} wants a value`);
      return argv[i];
    };
    switch (a) {
      case '--url': o.url = next(); break;
      case '--kind': o.kind = next(); break;
      case '--senders': o.senders = num(next(), a); break;
      case '--count': o.count = num(next(), a); break;
      case '--rate': o.rate = num(next(), a); break;
      case '--duration': o.duration = num(next(), a); break;
      case '--inflight': o.inflight = num(next(), a); break;
      case '--drain-timeout': o.drainTimeout = num(next(), a); break;
      case '--finality-timeout': o.finalityTimeout = num(next(), a); break;
      case '--smoke': o.smoke = true; break;
      case '--watch': o.watch = true; break;
      case '--quiet': o.quiet = true; break;
      case '--node-arg': o.nodeArgs = [...o.nodeArgs, next()]; break;
      case '-h': case '--help': console.log(HELP); process.exit(0); break;
      default: throw new Error(`unknown option ${a}\n${HELP}`);
    }
  }
  if (o.smoke) Object.assign(o, { kind: 'transfer', senders: 4, count: 100, rate: 0, drainTimeout: 25 });
  if (!['transfer', 'stake'].includes(o.kind)) throw new Error(`--kind transfer|stake, got ${o.kind}`);
  if (o.rate > 0) {
    if (!(o.duration > 0)) throw new Error('--rate needs --duration');
    o.count = Math.round(o.rate * o.duration);
  }
  if (o.url && !/^wss?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(o.url)) {
    throw new Error(`--url must be a local node (ws://127.0.0.1:PORT), got ${o.url}`);
  }
  if (!(o.senders >= 1 && o.senders <= 1000)) throw new Error('--senders in [1, 1000]');
  if (!(o.count >= 1 && o.count <= 200_000)) throw new Error('--count in [1, 200000]');
  // The node allows 1,024 subscriptions per connection (and the tracker holds two).
  if (o.watch && o.count > 1000) throw new Error('--watch takes at most 1000 transactions');
  o.inflight = Math.max(1, Math.min(4096, Math.floor(o.inflight)));
  return o;
}

const pct = (sorted, p) => (sorted.length
  ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null);
const round = (x, d = 1) => (x === null || x === undefined ? null : Number(x.toFixed(d)));

/** Wait until `cond()` is true, polling every `ms`, for at most `timeoutMs`. */
async function waitUntil(cond, timeoutMs, ms = 250) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await cond()) return true;
    await sleep(ms);
  }
  return cond();
}

/** Submit `txs` (signed, in order) through `author_submitExtrinsic`; resolve when all answered. */
async function submitAndWait(api, txs) {
  const res = await Promise.allSettled(txs.map((t) => api.rpc.author.submitExtrinsic(t)));
  const bad = res.filter((r) => r.status === 'rejected');
  if (bad.length) throw new Error(`setup transaction refused: ${bad[0].reason.message}`);
}

/** Run one load test; returns the report object (see printReport). */
export async function runLoad(opts) {
  const o = { ...DEFAULTS, ...opts };
  const log = o.quiet ? () => {} : (...a) => console.error('[load]', ...a);
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const dev = DEV.map((n) => keyring.addFromUri(`//${n}`));
  const alice = dev[0];

  let node = null;
  let api;
  if (o.url) {
    const provider = new WsProvider(o.url, false);
    await provider.connect();
    api = await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
  } else {
    node = await startDevNode(`load-${o.kind}`, o.nodeArgs);
    api = node.api;
  }
  const unsubs = [];
  try {
    return await runOn(api, o, { keyring, dev, alice, log, unsubs, node });
  } finally {
    for (const u of unsubs) { try { u(); } catch { /* already gone */ } }
    if (node) await node.stop();
    else await api.disconnect().catch(() => {});
  }
}

async function runOn(api, o, { keyring, alice, log, unsubs }) {
  const genesisHash = api.genesisHash;
  const senders = Array.from({ length: o.senders }, (_, i) => keyring.addFromUri(`//Alice//load/${i}`));
  const perSender = Math.ceil(o.count / o.senders);
  // Dev nodes start at block 0; wait for the chain to author.
  await waitUntil(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= 1, 60_000);

  // --- Setup: fund senders (and, for stake, create and start a subnet).
  log(`funding ${o.senders} senders`);
  const fund = o.kind === 'stake' ? 10_000n * TAO : 1_000n * TAO;
  let aliceNonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  const aliceTx = async (tx) => tx.signAsync(alice, { nonce: aliceNonce++, era: 0 });
  const fundTxs = [];
  for (const s of senders) {
    fundTxs.push(await aliceTx(api.tx.balances.transferKeepAlive(s.address, fund)));
  }
  await submitAndWait(api, fundTxs);
  const funded = await waitUntil(async () => {
    const accts = await api.query.system.account.multi(senders.map((s) => s.address));
    return accts.every((a) => a.data.free.toBigInt() >= fund);
  }, 60_000, 500);
  if (!funded) throw new Error('senders were not funded within 60 s');

  let netuid = null;
  let hotA = null;
  let hotB = null;
  if (o.kind === 'stake') {
    // Stake goes to hotkey A and is withdrawn from hotkey B, so a sender's add and remove never
    // touch the same position in one block (StakingOperationRateLimiter).
    hotA = keyring.addFromUri('//Alice//load/hotA');
    hotB = keyring.addFromUri('//Alice//load/hotB');
    netuid = await setupSubnet(api, o, { alice, hotA, hotB, senders, log, aliceTx });
  }

  // --- Pre-sign.
  log(`pre-signing ${o.count} ${o.kind} transactions from ${o.senders} senders`);
  const stakeAmt = TAO / 100n; // 0.01 TAO in
  const unstakeAmt = TAO / 200n; // 0.005 alpha out (≥ MinStake 0.002 TAO at price ~1)
  const perSenderTxs = [];
  const t0sign = Date.now();
  for (let si = 0; si < senders.length; si += 1) {
    const s = senders[si];
    let nonce = (await api.rpc.system.accountNextIndex(s.address)).toNumber();
    const list = [];
    for (let k = 0; k < perSender; k += 1) {
      if (si + k * senders.length >= o.count) break;
      let call;
      if (o.kind === 'transfer') {
        call = api.tx.balances.transferKeepAlive(alice.address, 1_000_000n + BigInt(k));
      } else if (k % 2 === 0) {
        call = api.tx.subtensorModule.addStake(hotA.address, netuid, stakeAmt);
      } else {
        call = api.tx.subtensorModule.removeStake(hotB.address, netuid, unstakeAmt);
      }
      const signed = await call.signAsync(s, { nonce: nonce++, era: 0 });
      list.push({ hex: signed.toHex(), hash: signed.hash.toHex() });
    }
    perSenderTxs.push(list);
  }
  // Round-robin over senders, so every sender's nonces go out in order.
  const txs = [];
  for (let k = 0; k < perSender; k += 1) {
    for (const list of perSenderTxs) if (k < list.length) txs.push(list[k]);
  }
  log(`signed ${txs.length} in ${((Date.now() - t0sign) / 1000).toFixed(1)} s`);

  // --- Tracking: blocks, inclusion, finality, pool.
  const byHash = new Map(txs.map((t, i) => [t.hash, i]));
  const submitAt = new Array(txs.length).fill(null);
  const answerAt = new Array(txs.length).fill(null);
  const includedAt = new Array(txs.length).fill(null);
  const includedNum = new Array(txs.length).fill(null);
  const finalizedAt = new Array(txs.length).fill(null);
  const failed = new Map(); // dispatch error → count (included, but the call failed)
  const rejected = new Map(); // RPC error message → count
  const rejectedIdx = new Set();
  const blocks = []; // { number, at, ours, extrinsics, weight }
  const pool = []; // [ms since t0, pending]
  const blockWeights = api.consts.system.blockWeights;
  const normal = blockWeights.perClass.normal;
  const maxNormal = (normal.maxTotal.isSome ? normal.maxTotal.unwrap() : blockWeights.maxBlock)
    .refTime.toBigInt();
  let lastSeen = (await api.rpc.chain.getHeader()).number.toNumber();
  const startNumber = lastSeen;
  let processing = Promise.resolve();
  let finalizedNumber = 0;
  const pendingFinal = []; // indices included, not yet finalized
  const blockErrors = []; // blocks the tracker could not read
  const nonceOf = async () => (await api.query.system.account.multi(senders.map((s) => s.address)))
    .reduce((a, x) => a + x.nonce.toNumber(), 0);
  const nonceStart = await nonceOf();
  let stopAt = Infinity;

  const processBlock = async (number, at) => {
    const hash = await api.rpc.chain.getBlockHash(number);
    const [block, events, weight] = await Promise.all([
      api.rpc.chain.getBlock(hash),
      api.query.system.events.at(hash),
      api.query.system.blockWeight.at(hash),
    ]);
    const exts = block.block.extrinsics;
    let ours = 0;
    const idxAt = new Map();
    exts.forEach((ex, j) => {
      const i = byHash.get(ex.hash.toHex());
      if (i !== undefined && includedAt[i] === null) {
        includedAt[i] = at;
        includedNum[i] = number;
        pendingFinal.push(i);
        ours += 1;
        idxAt.set(j, i);
      }
    });
    for (const { phase, event } of events) {
      if (phase.isApplyExtrinsic && idxAt.has(phase.asApplyExtrinsic.toNumber())
        && api.events.system.ExtrinsicFailed.is(event)) {
        const err = event.data[0];
        let msg = err.toString();
        if (err.isModule) {
          const meta = api.registry.findMetaError(err.asModule);
          msg = `${meta.section}.${meta.name}`;
        }
        failed.set(msg, (failed.get(msg) || 0) + 1);
      }
    }
    blocks.push({
      number, at, ours, extrinsics: exts.length, weight: weight.normal.refTime.toBigInt(),
    });
  };
  unsubs.push(await api.rpc.chain.subscribeNewHeads((h) => {
    const n = h.number.toNumber();
    const at = Date.now();
    if (at > stopAt) return;
    // Heads can be skipped; walk every number since the last one (bounded by the gap).
    const from = lastSeen + 1;
    if (n < from) return;
    lastSeen = n;
    processing = processing.then(async () => {
      for (let m = from; m <= n; m += 1) {
        await processBlock(m, at).catch((e) => { blockErrors.push(`#${m}: ${e.message}`); });
      }
    });
  }));
  unsubs.push(await api.rpc.chain.subscribeFinalizedHeads((h) => {
    const n = h.number.toNumber();
    const at = Date.now();
    finalizedNumber = Math.max(finalizedNumber, n);
    for (let j = pendingFinal.length - 1; j >= 0; j -= 1) {
      const i = pendingFinal[j];
      if (includedNum[i] <= finalizedNumber) {
        finalizedAt[i] = at;
        pendingFinal.splice(j, 1);
      }
    }
  }));

  // --- Submit.
  const t0 = Date.now();
  let polling = true;
  const poolPoller = (async () => {
    // At most one poll per poolPoll ms, until stopped (or the drain deadline passes).
    while (polling) {
      try {
        const asked = Date.now() - t0; // the pool as of the request
        const pending = await api.rpc.author.pendingExtrinsics();
        pool.push([asked, pending.length]);
      } catch { /* node busy; try again */ }
      await sleep(o.poolPoll);
    }
  })();
  log(`submitting ${txs.length} ${o.rate ? `at ${o.rate} tx/s` : 'at once'}`);
  let inflight = 0;
  const laterStatus = new Map(); // index → pool status after acceptance (Dropped/Invalid/Usurped)
  const watchers = new Map();
  const answers = [];
  for (let i = 0; i < txs.length; i += 1) {
    if (o.rate > 0) {
      const due = t0 + (i * 1000) / o.rate;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
    }
    const waitUntilMs = Date.now() + o.drainTimeout * 1000;
    while (inflight >= o.inflight) {
      if (Date.now() > waitUntilMs) throw new Error(`the node left ${inflight} submissions unanswered for ${o.drainTimeout} s`);
      await sleep(2);
    }
    inflight += 1;
    submitAt[i] = Date.now();
    // Watched: the pool tells us if it later drops or invalidates an accepted transaction.
    const submit = o.watch
      ? new Promise((resolve, reject) => {
        let done = false;
        api.rpc.author.submitAndWatchExtrinsic(txs[i].hex, (st) => {
          if (!done) { done = true; resolve(); }
          if (st.isDropped || st.isInvalid || st.isUsurped) {
            const m = `pool status ${st.type}`;
            laterStatus.set(i, m);
          }
          if (st.isFinalized || st.isDropped || st.isInvalid || st.isUsurped || st.isFinalityTimeout) {
            const u = watchers.get(i);
            if (u) { u(); watchers.delete(i); }
          }
        }).then((u) => { if (!done) { /* first status may come later */ } watchers.set(i, u); }, reject);
        // The subscription itself answered: accepted.
        setTimeout(resolve, 0);
      })
      : api.rpc.author.submitExtrinsic(txs[i].hex);
    answers.push(submit.then(
      () => { answerAt[i] = Date.now(); },
      (e) => {
        answerAt[i] = Date.now();
        rejectedIdx.add(i);
        const m = String(e.message || e).slice(0, 160);
        rejected.set(m, (rejected.get(m) || 0) + 1);
      },
    ).finally(() => { inflight -= 1; }));
  }
  const submittedAt = Date.now();
  // An RPC answer that never comes counts against the transaction (lost unless included).
  await Promise.race([Promise.allSettled(answers), sleep(o.drainTimeout * 1000)]);
  const answeredAt = Date.now();
  log(`submitted in ${((submittedAt - t0) / 1000).toFixed(1)} s; waiting for inclusion`);

  // --- Drain: until every accepted transaction is in a block (or the deadline).
  const accepted = () => txs.length - rejectedIdx.size;
  const includedCount = () => includedAt.filter((x) => x !== null).length;
  // Also stop once the pool has been seen empty for 10 s after submission (what is missing then
  // is lost).
  const poolGone = () => {
    const last = pool.at(-1);
    if (!last || last[1] !== 0 || last[0] + t0 < answeredAt) return false;
    const busy = pool.filter(([, n]) => n > 0).at(-1);
    const since = Math.max(answeredAt, busy ? busy[0] + t0 : 0);
    return Date.now() - since >= 10_000;
  };
  const drained = await waitUntil(() => includedCount() >= accepted() || poolGone(),
    Math.max(0, o.drainTimeout * 1000 - (answeredAt - submittedAt)), 100);
  const drainedAt = Date.now();
  await waitUntil(() => pendingFinal.length === 0, o.finalityTimeout * 1000, 200);
  const nonceEnd = await nonceOf();
  // Probe: resubmit the first missing transaction of up to 3 senders and keep the node's answer
  // (it says whether the pool still knows it, bans it, or takes it again).
  const probes = [];
  for (const list of perSenderTxs) {
    if (probes.length >= 3) break;
    const t = list.find((x) => includedAt[byHash.get(x.hash)] === null && !rejectedIdx.has(byHash.get(x.hash)));
    if (!t) continue;
    try {
      await api.rpc.author.submitExtrinsic(t.hex);
      probes.push('accepted again');
    } catch (e) {
      probes.push(String(e.message || e).slice(0, 160));
    }
  }
  polling = false;
  stopAt = Date.now();
  for (const u of watchers.values()) { try { u(); } catch { /* gone */ } }
  await Promise.race([processing, sleep(10_000)]);
  await poolPoller;

  // --- Report.
  const included = [];
  for (let i = 0; i < txs.length; i += 1) if (includedAt[i] !== null) included.push(i);
  const droppedLater = {};
  for (const [i, m] of laterStatus) {
    if (includedAt[i] === null) droppedLater[m] = (droppedLater[m] || 0) + 1;
  }
  // Per sender: how many of its transactions are missing, and the first missing one (a gap
  // leaves every later nonce of that sender waiting as future).
  const gaps = perSenderTxs.map((list) => {
    const miss = list.map((t) => byHash.get(t.hash)).filter((i) => includedAt[i] === null && !rejectedIdx.has(i));
    return miss.length ? { missing: miss.length, first_missing_k: list.findIndex((t) => miss.includes(byHash.get(t.hash))) } : null;
  }).filter(Boolean);
  const lost = txs.length - included.length - [...rejectedIdx].filter((i) => includedAt[i] === null).length;
  const incl = included.map((i) => includedAt[i] - submitAt[i]).sort((a, b) => a - b);
  const fin = included.filter((i) => finalizedAt[i] !== null)
    .map((i) => finalizedAt[i] - submitAt[i]).sort((a, b) => a - b);
  const firstIncl = Math.min(...included.map((i) => includedAt[i]));
  const lastIncl = Math.max(...included.map((i) => includedAt[i]));
  // Throughput per window of block arrival times.
  const perWindow = (ms) => {
    let best = 0;
    const times = included.map((i) => includedAt[i]).sort((a, b) => a - b);
    let lo = 0;
    for (let hi = 0; hi < times.length; hi += 1) {
      while (times[hi] - times[lo] >= ms) lo += 1;
      best = Math.max(best, hi - lo + 1);
    }
    return (best * 1000) / ms;
  };
  const active = blocks.filter((b) => b.at >= t0 && b.at <= (lastIncl || drainedAt));
  const fills = active.map((b) => Number((b.weight * 10000n) / maxNormal) / 100);
  const oursPerBlock = active.map((b) => b.ours);
  // Blocks without our transactions while accepted ones were still waiting.
  const emptyWhilePending = active.filter((b) => b.ours === 0
    && included.some((i) => includedAt[i] > b.at)).length;
  const submitSpan = (submittedAt - t0) / 1000;
  const sustainedWindow = o.rate > 0
    ? included.filter((i) => includedAt[i] >= t0 && includedAt[i] <= submittedAt).length / submitSpan
    : null;
  const poolMax = pool.reduce((m, [, n]) => Math.max(m, n), 0);
  const poolEmptyAfter = pool.find(([t, n]) => t + t0 >= submittedAt && n === 0);
  const report = {
    kind: o.kind,
    mode: o.rate > 0 ? `rate ${o.rate}/s for ${o.duration} s` : 'all at once',
    senders: o.senders,
    submitted: txs.length,
    accepted: accepted(),
    rejected: rejectedIdx.size,
    rejected_messages: Object.fromEntries(rejected),
    included: included.length,
    dispatch_failed: [...failed.values()].reduce((a, b) => a + b, 0),
    dispatch_errors: Object.fromEntries(failed),
    lost,
    dropped_after_accept: droppedLater,
    senders_with_missing: gaps.slice(0, 20),
    lost_resubmit_probe: probes,
    onchain_nonce_delta: nonceEnd - nonceStart,
    block_read_errors: blockErrors.length,
    drained: includedCount() >= accepted(),
    submit_s: round(submitSpan, 2),
    included_per_s: round(included.length / Math.max(0.001, (lastIncl - t0) / 1000)),
    included_per_s_while_submitting: round(sustainedWindow),
    peak_1s: round(perWindow(1000)),
    peak_10s: round(perWindow(10_000)),
    first_inclusion_s: included.length ? round((firstIncl - t0) / 1000, 2) : null,
    last_inclusion_s: included.length ? round((lastIncl - t0) / 1000, 2) : null,
    drain_after_submit_s: included.length ? round(Math.max(0, lastIncl - submittedAt) / 1000, 2) : null,
    pool_empty_after_submit_s: poolEmptyAfter ? round((poolEmptyAfter[0] + t0 - submittedAt) / 1000, 2) : null,
    incl_latency_ms: { p50: pct(incl, 50), p99: pct(incl, 99), max: incl.at(-1) ?? null },
    final_latency_ms: { p50: pct(fin, 50), p99: pct(fin, 99), max: fin.at(-1) ?? null, finalized: fin.length },
    blocks: active.length,
    block_time_ms: active.length > 1 ? round((active.at(-1).at - active[0].at) / (active.length - 1), 0) : null,
    ours_per_block: {
      mean: round(oursPerBlock.reduce((a, b) => a + b, 0) / Math.max(1, oursPerBlock.length)),
      max: Math.max(0, ...oursPerBlock),
    },
    empty_blocks_while_pending: emptyWhilePending,
    normal_fill_pct: {
      mean: round(fills.reduce((a, b) => a + b, 0) / Math.max(1, fills.length), 2),
      max: round(Math.max(0, ...fills), 2),
    },
    normal_max_ref_time_ps: maxNormal.toString(),
    pool_max: poolMax,
    pool_series: pool.filter((_, j) => j % Math.max(1, Math.ceil(pool.length / 40)) === 0),
    start_block: startNumber,
    netuid,
  };
  return report;
}

async function setupSubnet(api, o, { alice, hotA, hotB, senders, log, aliceTx }) {
  const q = api.query.subtensorModule;
  const waitTx = async (tx, what) => {
    await submitAndWait(api, [tx]);
    const h = tx.hash.toHex();
    // Bounded: look at new blocks for at most 60 s.
    const found = await new Promise((resolve) => {
      let unsub = null;
      const timer = setTimeout(() => { if (unsub) unsub(); resolve(null); }, 60_000);
      api.rpc.chain.subscribeNewHeads(async (hd) => {
        const b = await api.rpc.chain.getBlock(hd.hash);
        const j = b.block.extrinsics.findIndex((e) => e.hash.toHex() === h);
        if (j >= 0) {
          clearTimeout(timer);
          if (unsub) unsub();
          resolve({ hash: hd.hash, index: j });
        }
      }).then((u) => { unsub = u; });
    });
    if (!found) throw new Error(`${what} was not included within 60 s`);
    const events = await api.query.system.events.at(found.hash);
    const mine = events.filter(({ phase }) => phase.isApplyExtrinsic
      && phase.asApplyExtrinsic.toNumber() === found.index);
    if (mine.some(({ event }) => api.events.system.ExtrinsicFailed.is(event))) {
      throw new Error(`${what} failed: ${mine.map(({ event }) => event.method).join(', ')}`);
    }
    return mine;
  };
  log('registering a subnet');
  const ev = await waitTx(await aliceTx(api.tx.subtensorModule.registerNetwork(hotA.address)),
    'register_network');
  const netuid = ev.find(({ event }) => api.events.subtensorModule.NetworkAdded.is(event))
    .event.data[0].toNumber();
  const registeredAt = (await q.networkRegisteredAt(netuid)).toNumber();
  const delay = (await q.startCallDelay()).toNumber();
  if (delay > 100) throw new Error(`StartCallDelay is ${delay} blocks: a dev chain is needed`);
  await waitUntil(async () => (await api.rpc.chain.getHeader()).number.toNumber() > registeredAt + delay,
    120_000, 250);
  log(`starting subnet ${netuid}`);
  await waitTx(await aliceTx(api.tx.subtensorModule.startCall(netuid)), 'start_call');
  for (const call of [
    api.tx.adminUtils.sudoSetTargetRegistrationsPerInterval(netuid, 10),
    api.tx.adminUtils.sudoSetMaxRegistrationsPerBlock(netuid, 10),
  ]) {
    const evs = await waitTx(await aliceTx(api.tx.sudo.sudo(call)), call.method.method);
    const sudid = evs.find(({ event }) => api.events.sudo.Sudid.is(event));
    if (!sudid || !sudid.event.data[0].isOk) throw new Error(`sudo ${call.method.method} failed`);
  }
  await waitTx(await aliceTx(api.tx.subtensorModule.burnedRegister(netuid, hotB.address)),
    'burned_register');
  // Every sender holds alpha on hotkey B to withdraw from: 10 TAO each.
  log('pre-staking on hotkey B');
  const pre = [];
  for (const s of senders) {
    const n = (await api.rpc.system.accountNextIndex(s.address)).toNumber();
    pre.push(await api.tx.subtensorModule.addStake(hotB.address, netuid, 10n * TAO)
      .signAsync(s, { nonce: n, era: 0 }));
  }
  await submitAndWait(api, pre);
  // Wait for the blocks themselves (on-chain nonces), not the pool.
  const ok = await waitUntil(async () => {
    const accts = await api.query.system.account.multi(senders.map((s) => s.address));
    return accts.every((a) => a.nonce.toNumber() >= 1);
  }, 60_000, 500);
  if (!ok) throw new Error('pre-stake was not included within 60 s');
  return netuid;
}

export function printReport(r) {
  const rows = [
    ['kind / mode', `${r.kind} / ${r.mode} / ${r.senders} senders`],
    ['submitted / accepted / rejected', `${r.submitted} / ${r.accepted} / ${r.rejected}`],
    ['included (dispatch failed)', `${r.included} (${r.dispatch_failed})`],
    ['LOST (neither included nor rejected)', `${r.lost}`],
    ['submission took', `${r.submit_s} s`],
    ['included per s (overall)', `${r.included_per_s}`],
    ['included per s while submitting', `${r.included_per_s_while_submitting ?? '-'}`],
    ['peak included per s (1 s / 10 s)', `${r.peak_1s} / ${r.peak_10s}`],
    ['last inclusion after submission ended', `${r.drain_after_submit_s} s`],
    ['pool empty after submission ended', `${r.pool_empty_after_submit_s ?? '-'} s`],
    ['submit→inclusion p50 / p99 / max', `${r.incl_latency_ms.p50} / ${r.incl_latency_ms.p99} / ${r.incl_latency_ms.max} ms`],
    ['submit→finality p50 / p99 / max', `${r.final_latency_ms.p50} / ${r.final_latency_ms.p99} / ${r.final_latency_ms.max} ms (${r.final_latency_ms.finalized} finalized)`],
    ['blocks / mean block time', `${r.blocks} / ${r.block_time_ms} ms`],
    ['ours per block mean / max', `${r.ours_per_block.mean} / ${r.ours_per_block.max}`],
    ['blocks without ours while some waited', `${r.empty_blocks_while_pending}`],
    ['normal-class weight used mean / max', `${r.normal_fill_pct.mean} % / ${r.normal_fill_pct.max} %`],
    ['pool size max', `${r.pool_max}`],
    ['pool size over time [ms, n]', JSON.stringify(r.pool_series)],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
  for (const [m, n] of Object.entries(r.dropped_after_accept)) console.log(`accepted, then ${m}: ×${n}`);
  for (const g of r.senders_with_missing) console.log(`sender missing ${g.missing}, from its tx #${g.first_missing_k}`);
  for (const m of r.lost_resubmit_probe) console.log(`a lost transaction resubmitted: ${m}`);
  console.log(`cross-check: senders' on-chain nonces rose by ${r.onchain_nonce_delta}; blocks unread: ${r.block_read_errors}`);
  for (const [m, n] of Object.entries(r.rejected_messages)) console.log(`rejected ×${n}: ${m}`);
  for (const [m, n] of Object.entries(r.dispatch_errors)) console.log(`dispatch failed ×${n}: ${m}`);
  const { pool_series: _ps, ...compact } = r;
  console.log(`LOAD_JSON ${JSON.stringify(compact)}`);
}

// CLI entry.
if (import.meta.url === `file://${process.argv[1]}`) {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  // A hard ceiling on the whole run, whatever happens.
  const ceiling = setTimeout(() => { console.error('load: overall time limit reached'); process.exit(3); },
    (o.drainTimeout + o.finalityTimeout + o.duration + 600) * 1000);
  ceiling.unref();
  runLoad(o).then((r) => {
    if (o.quiet) console.log(`LOAD_JSON ${JSON.stringify(r)}`);
    else printReport(r);
    const bad = r.lost > 0 || (o.smoke && (r.included !== r.submitted || r.rejected > 0));
    process.exit(bad ? 1 : 0);
  }, (e) => {
    console.error(`load: ${e.stack || e}`);
    process.exit(2);
  });
}
