// Start and stop a development node for a test, on free local ports.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, createWriteStream } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

import { ApiPromise, WsProvider } from '@polkadot/api';

/** The node binary: $SUBTENSOR_NODE, else the workspace's debug build in the shared cache. */
export function nodeBinary() {
  if (process.env.SUBTENSOR_NODE) return process.env.SUBTENSOR_NODE;
  const target = process.env.CARGO_TARGET_DIR || path.join(homedir(), '.cache', 'subtensor-target');
  return path.join(target, 'debug', 'subtensor-node');
}

/** A TCP port that nothing listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Start `subtensor-node --dev --tmp` on free ports and connect polkadot.js to it.
 * Resolves once the RPC answers; the node's log goes to logs/<name>.log.
 */
export async function startDevNode(name, extraArgs = []) {
  const binary = nodeBinary();
  if (!existsSync(binary)) {
    throw new Error(`node binary not found at ${binary}: build it first (scripts/test.sh does)`);
  }
  const [rpcPort, p2pPort, promPort] = [await freePort(), await freePort(), await freePort()];
  mkdirSync('logs', { recursive: true });
  const log = createWriteStream(path.join('logs', `${name}.log`));
  const args = [
    '--dev', '--tmp',
    '--rpc-port', String(rpcPort),
    '--port', String(p2pPort),
    '--prometheus-port', String(promPort),
    '--no-telemetry', '--no-mdns',
    ...extraArgs,
  ];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });

  let api;
  try {
    api = await connect(`ws://127.0.0.1:${rpcPort}`, Date.now() + 180_000, () => !exited);
  } catch (e) {
    if (!exited) child.kill('SIGKILL');
    throw new Error(`${e.message}; see logs/${name}.log`);
  }
  return {
    api,
    rpcPort,
    async stop() {
      await api.disconnect().catch(() => {});
      if (!exited) {
        child.kill('SIGINT');
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await new Promise((resolve) => (exited ? resolve() : child.on('exit', resolve)));
        clearTimeout(t);
      }
      log.end();
    },
  };
}

/**
 * Connect polkadot.js to `url`, retrying every 300 ms until `deadline` (ms since the epoch);
 * gives up at once when `isAlive()` turns false (the node exited).
 */
export async function connect(url, deadline, isAlive = () => true) {
  for (;;) {
    if (!isAlive()) throw new Error(`node at ${url} exited early`);
    if (Date.now() > deadline) throw new Error(`node RPC did not come up at ${url}`);
    try {
      const provider = new WsProvider(url, false);
      await provider.connect();
      await new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('connect timeout')), 2_000);
        provider.on('connected', () => { clearTimeout(t); resolve(); });
        provider.on('error', () => { clearTimeout(t); reject(new Error('connect error')); });
      });
      return await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
    } catch {
      await sleep(300);
    }
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Wait until `predicate(header)` holds for a new head of `subscribe` (best or finalized). */
export function waitForHead(api, kind, predicate, timeoutMs = 120_000) {
  const subscribe = kind === 'finalized'
    ? api.rpc.chain.subscribeFinalizedHeads
    : api.rpc.chain.subscribeNewHeads;
  return new Promise((resolve, reject) => {
    let unsub = null;
    const timer = setTimeout(() => {
      if (unsub) unsub();
      reject(new Error(`no ${kind} head satisfied the condition within ${timeoutMs} ms`));
    }, timeoutMs);
    subscribe((header) => {
      if (predicate(header)) {
        clearTimeout(timer);
        if (unsub) unsub();
        resolve(header);
      }
    }).then((u) => { unsub = u; });
  });
}

/**
 * Sign and submit `tx`; resolve when it is in a block, with its events and dispatch error (if
 * any) decoded. Rejects if the pool refuses the transaction.
 */
export function submitAndWatch(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsub = null;
    tx.signAndSend(signer, (result) => {
      const { status, events, dispatchError } = result;
      if (status.isInBlock) {
        if (unsub) unsub();
        let error = null;
        if (dispatchError) {
          if (dispatchError.isModule) {
            const meta = api.registry.findMetaError(dispatchError.asModule);
            error = `${meta.section}.${meta.name}`;
          } else {
            error = dispatchError.toString();
          }
        }
        resolve({ blockHash: status.asInBlock, events, error });
      } else if (status.isInvalid || status.isDropped || status.isUsurped) {
        if (unsub) unsub();
        reject(new Error(`transaction ${status.type}`));
      }
    }).then((u) => { unsub = u; }, reject);
  });
}
