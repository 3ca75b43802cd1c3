// A local multi-node network of subtensor-node processes: validators and full nodes on one
// machine, each with its own base path, node key and free ports, stopped and restarted at will.
//
// This is the orchestrator of the network tests (tests/e2e/network/). It does what zombienet's
// native provider does for a solo chain — spawn nodes with known keys and bootnodes, wait for
// RPC, kill and respawn them — in ~150 lines of the e2e stack that already drives the node, with
// nothing more to compile or install.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { connect, freePort, nodeBinary, sleep } from './node.js';

/**
 * The libp2p peer id of an ed25519 node key (64 hex digits), as the node derives it.
 * Uses `subtensor-node key inspect-node-key`.
 */
export function peerIdOf(binary, keyFile) {
  const out = spawnSync(binary, ['key', 'inspect-node-key', '--file', keyFile], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`inspect-node-key failed: ${out.stderr}`);
  return out.stdout.trim();
}

/**
 * A network on chain `chain` (a chain id or a chain-spec file). `nodes` lists
 * `{ name, validator }`: `validator` is a development key name (`alice`, `bob`, …: the node runs
 * with `--<name>`, which puts that authority's Aura and GRANDPA keys in its keystore) or null for
 * a full node. Every node gets a fixed node key and the others as bootnodes.
 */
export class Network {
  constructor(chain, { logDir = 'logs', prefix = 'net' } = {}) {
    this.chain = chain;
    this.binary = nodeBinary();
    this.root = mkdtempSync(path.join(tmpdir(), 'subtensor-net-'));
    this.logDir = logDir;
    this.prefix = prefix;
    this.nodes = new Map();
    mkdirSync(logDir, { recursive: true });
  }

  /**
   * Write `build-spec --chain <id> --raw` to a file in this network's directory and return its
   * path: the genesis storage fixed, as another machine would receive it.
   */
  exportChainSpec(id) {
    const out = spawnSync(this.binary, ['build-spec', '--chain', id, '--raw', '--disable-default-bootnode'], {
      encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    });
    if (out.status !== 0) throw new Error(`build-spec failed: ${out.stderr}`);
    const file = path.join(this.root, `${id}-raw.json`);
    writeFileSync(file, out.stdout);
    return file;
  }

  /** Define a node (ports, key, base path); does not start it. */
  async add(name, validator) {
    const index = this.nodes.size + 1;
    const keyFile = path.join(this.root, `${name}.key`);
    // A fixed, distinct ed25519 secret per node (never use such keys outside a test).
    writeFileSync(keyFile, index.toString(16).padStart(64, '0'));
    const node = {
      name,
      validator,
      keyFile,
      peerId: peerIdOf(this.binary, keyFile),
      basePath: path.join(this.root, name),
      p2pPort: await freePort(),
      rpcPort: await freePort(),
      promPort: await freePort(),
      child: null,
      exited: null,
      api: null,
      starts: 0,
    };
    this.nodes.set(name, node);
    return node;
  }

  get(name) {
    const n = this.nodes.get(name);
    if (!n) throw new Error(`no node ${name}`);
    return n;
  }

  /** Multiaddress of a node, for `--bootnodes`. */
  addr(n) {
    return `/ip4/127.0.0.1/tcp/${n.p2pPort}/p2p/${n.peerId}`;
  }

  /** Start (or restart, from its base path) node `name`; resolve once its RPC answers. */
  async start(name, extraArgs = []) {
    const n = this.get(name);
    if (n.child && !n.exited) throw new Error(`${name} is running`);
    n.starts += 1;
    const log = createWriteStream(path.join(this.logDir, `${this.prefix}-${name}-${n.starts}.log`));
    const bootnodes = [...this.nodes.values()].filter((o) => o !== n).map((o) => this.addr(o));
    const args = [
      '--chain', this.chain,
      '--base-path', n.basePath,
      '--node-key-file', n.keyFile,
      '--port', String(n.p2pPort),
      '--rpc-port', String(n.rpcPort),
      '--prometheus-port', String(n.promPort),
      '--no-telemetry', '--no-mdns',
      '--name', n.name,
      '--bootnodes', ...bootnodes,
      // Loopback peers are what this network has.
      '--allow-private-ip',
      ...(n.validator ? [`--${n.validator}`] : []),
      ...extraArgs,
    ];
    const child = spawn(this.binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    n.child = child;
    n.exited = null;
    n.log = log;
    child.on('exit', (code, signal) => { n.exited = { code, signal }; log.end(); });
    n.api = await connect(`ws://127.0.0.1:${n.rpcPort}`, Date.now() + 180_000, () => !n.exited);
    return n;
  }

  /** Stop node `name`: `SIGINT` (graceful, the default) or `SIGKILL` (a crash). */
  async stop(name, signal = 'SIGINT') {
    const n = this.get(name);
    if (n.api) { await n.api.disconnect().catch(() => {}); n.api = null; }
    if (!n.child || n.exited) return;
    const done = new Promise((resolve) => n.child.once('exit', resolve));
    n.child.kill(signal);
    const t = setTimeout(() => n.child.kill('SIGKILL'), 20_000);
    await done;
    clearTimeout(t);
  }

  running() {
    return [...this.nodes.values()].filter((n) => n.child && !n.exited);
  }

  /** Stop every node and remove the base paths. */
  async teardown() {
    await Promise.all([...this.nodes.keys()].map((name) => this.stop(name, 'SIGKILL')));
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Best and finalized block numbers of a node. */
export async function heads(api) {
  const [best, fin] = await Promise.all([api.rpc.chain.getHeader(), api.rpc.chain.getFinalizedHead()]);
  const finHeader = await api.rpc.chain.getHeader(fin);
  return { best: best.number.toNumber(), finalized: finHeader.number.toNumber(), finalizedHash: fin.toHex() };
}

/** Poll `probe()` every 250 ms until it returns a truthy value; that value, or throw on timeout. */
export async function until(what, probe, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(250);
  }
}
