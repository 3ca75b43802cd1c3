"""Session fixtures of the client end-to-end suite.

One `--dev --tmp` node for the whole session (free ports, killed at the end), one SDK client,
//Alice as sudo to shorten the development waits, and wallets on disk under a temporary
`--wallet-path`, made from fixed seeds: coldkeys are funded by //Alice, hotkeys never are.
"""

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import bittensor as bt
from bittensor_wallet import Keypair, Wallet

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
TAO = 1_000_000_000
U16_MAX = 65535
# A tempo no test waits out (20 000 blocks of 250 ms): stakes and epoch outputs stay put.
LONG_TEMPO = 20_000


def node_binary() -> str:
    """$SUBTENSOR_NODE, else the workspace's debug build in the shared cache (as tests/e2e)."""
    if os.environ.get("SUBTENSOR_NODE"):
        return os.environ["SUBTENSOR_NODE"]
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.expanduser("~/.cache/subtensor-target")
    return os.path.join(target, "debug", "subtensor-node")


def free_port() -> int:
    """A TCP port nothing listens on right now (the OS picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rpc(port: int, method: str, params=None, timeout: float = 5.0):
    """One JSON-RPC request over HTTP (the node serves HTTP and WebSocket on one port)."""
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params or []})
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}", data=body.encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        answer = json.loads(resp.read())
    if "error" in answer:
        raise RpcError(method, answer["error"])
    return answer["result"]


class RpcError(Exception):
    """A JSON-RPC error answer: `error` is its `{code, message, data}`."""

    def __init__(self, method, error):
        super().__init__(f"{method}: {error}")
        self.error = error


class Node:
    """A running development node."""

    def __init__(self, proc, port, log_path):
        self.proc = proc
        self.port = port
        self.url = f"ws://127.0.0.1:{port}"
        self.log_path = log_path

    def finalized_number(self) -> int:
        head = rpc(self.port, "chain_getFinalizedHead")
        return int(rpc(self.port, "chain_getHeader", [head])["number"], 16)


@pytest.fixture(scope="session")
def node():
    binary = node_binary()
    if not os.path.exists(binary):
        pytest.fail(f"node binary not found at {binary}: build it first (scripts/test.sh does)")
    port, p2p, prom = free_port(), free_port(), free_port()
    logs = HERE / "logs"
    logs.mkdir(exist_ok=True)
    log_path = logs / "node.log"
    log = open(log_path, "w")
    args = [
        binary, "--dev", "--tmp",
        "--rpc-port", str(port), "--port", str(p2p), "--prometheus-port", str(prom),
        "--no-telemetry", "--no-mdns",
    ]
    proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    n = Node(proc, port, log_path)
    # The first start of a fresh build compiles the runtime (about a minute on 2 cores).
    deadline = time.time() + 300
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"node exited early with {proc.returncode}; see {log_path}")
            if time.time() > deadline:
                pytest.fail(f"node did not finalize a block at {n.url}; see {log_path}")
            try:
                if n.finalized_number() >= 1:
                    break
            except Exception:  # not up yet
                pass
            time.sleep(0.5)
        yield n
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()


@pytest.fixture(scope="session")
def sub(node):
    """The SDK client, connected as a user would: `bt.Subtensor(network="ws://…")`."""
    s = bt.Subtensor(network=node.url)
    yield s
    s.close()


@pytest.fixture(scope="session")
def alice():
    return Keypair.create_from_uri("//Alice")


# ---------------------------------------------------------------------------------------------
# Extrinsics and storage through the SDK's substrate interface (setup only: the flows under test
# use the SDK's own methods or btcli).


class Chain:
    """Setup helpers: signed submission, sudo, storage reads, waits."""

    def __init__(self, node, sub, alice):
        self.node = node
        self.sub = sub
        self.substrate = sub.substrate
        self.alice = alice

    def submit(self, module, function, params, keypair, finalize=False):
        call = self.substrate.compose_call(module, function, params)
        return self.submit_call(call, keypair, finalize)

    def submit_call(self, call, keypair, finalize=False):
        ext = self.substrate.create_signed_extrinsic(call=call, keypair=keypair, era={"period": 64})
        receipt = self.substrate.submit_extrinsic(
            ext, wait_for_inclusion=True, wait_for_finalization=finalize
        )
        assert receipt.is_success, f"{module_function(call)} failed: {receipt.error_message}"
        return receipt

    def sudo(self, function, **params):
        """`Sudo.sudo(AdminUtils.<function>(params))` signed by //Alice; the inner call must succeed."""
        inner = self.substrate.compose_call("AdminUtils", function, params)
        call = self.substrate.compose_call("Sudo", "sudo", {"call": inner})
        receipt = self.submit_call(call, self.alice)
        for event in receipt.triggered_events:
            ev = event["event"] if "event" in event else event
            if ev.get("module_id") == "Sudo" and ev.get("event_id") == "Sudid":
                result = ev["attributes"]
                result = result.get("sudo_result", result) if isinstance(result, dict) else result
                assert "Err" not in json.dumps(result, default=str), f"sudo {function}: {result}"
                return receipt
        raise AssertionError(f"sudo {function}: no Sudo.Sudid event")

    def query(self, name, params=None, module="SubtensorModule", block_hash=None):
        r = self.substrate.query(module, name, params or [], block_hash=block_hash)
        return None if r is None else r.value

    def free(self, ss58) -> int:
        return self.query("Account", [ss58], module="System")["data"]["free"]

    def block(self) -> int:
        return self.substrate.get_block_number(None)

    def wait_blocks(self, n):
        target = self.block() + n
        while self.block() < target:
            time.sleep(0.25)

    def wait_until_block(self, target):
        while self.block() < target:
            time.sleep(0.25)

    def next_epoch(self, netuid, count=1):
        """Wait until the subnet's epoch has run `count` more times (LastMechansimStepBlock moves)."""
        for _ in range(count):
            last = self.query("LastMechansimStepBlock", [netuid])
            tempo = self.query("Tempo", [netuid])
            deadline = self.block() + 2 * (tempo + 1) + 4
            while self.query("LastMechansimStepBlock", [netuid]) <= last:
                assert self.block() <= deadline, f"no epoch of subnet {netuid} within two tempos"
                time.sleep(0.25)

    def fund(self, ss58, tao):
        self.submit(
            "Balances", "transfer_keep_alive", {"dest": ss58, "value": int(tao * TAO)}, self.alice
        )

    def stake_of(self, hotkey_ss58, coldkey_ss58, netuid) -> int:
        """Alpha (RAO) of `coldkey` staked on `hotkey` in `netuid`, from the share-pool storage:
        TotalHotkeyAlpha · Alpha / TotalHotkeyShares."""
        shares = fixed_bits(self.query("Alpha", [hotkey_ss58, coldkey_ss58, netuid]))
        total = fixed_bits(self.query("TotalHotkeyShares", [hotkey_ss58, netuid]))
        alpha = self.query("TotalHotkeyAlpha", [hotkey_ss58, netuid])
        return alpha * shares // total if total else 0

    def uid(self, netuid, hotkey_ss58):
        return self.query("Uids", [netuid, hotkey_ss58])

    # -- subnets set up without the flows under test, so that one failing flow does not fail
    #    the others.

    def create_subnet(self, owner: Wallet, tempo=10) -> int:
        """register_network + start_call with raw calls, then short devnet waits through sudo."""
        receipt = self.submit(
            "SubtensorModule", "register_network", {"hotkey": owner.hotkey.ss58_address},
            owner.coldkey,
        )
        netuid = added_netuid(receipt)
        self.start(owner, netuid)
        self.shorten(netuid, tempo)
        return netuid

    def start(self, owner: Wallet, netuid):
        registered = self.query("NetworkRegisteredAt", [netuid])
        delay = self.query("StartCallDelay")
        self.wait_until_block(registered + delay + 1)
        self.submit("SubtensorModule", "start_call", {"netuid": netuid}, owner.coldkey)

    def shorten(self, netuid, tempo=10):
        self.sudo("sudo_set_tempo", netuid=netuid, tempo=tempo)
        self.sudo("sudo_set_weights_set_rate_limit", netuid=netuid, weights_set_rate_limit=0)
        self.sudo("sudo_set_target_registrations_per_interval", netuid=netuid,
                  target_registrations_per_interval=20)
        self.sudo("sudo_set_max_registrations_per_block", netuid=netuid,
                  max_registrations_per_block=20)

    def register(self, payer: Wallet, netuid, hotkey_ss58):
        self.submit("SubtensorModule", "burned_register", {"netuid": netuid, "hotkey": hotkey_ss58},
                    payer.coldkey)
        return self.uid(netuid, hotkey_ss58)

    def stake(self, payer: Wallet, netuid, hotkey_ss58, tao):
        self.submit("SubtensorModule", "add_stake",
                    {"hotkey": hotkey_ss58, "netuid": netuid, "amount_staked": int(tao * TAO)},
                    payer.coldkey)


def fixed_bits(v) -> int:
    """The raw bits of a decoded fixed-point value (`{"bits": n}` or a bare integer)."""
    if isinstance(v, dict):
        return int(v["bits"])
    return int(v or 0)


def module_function(call):
    try:
        return f"{call.value['call_module']}.{call.value['call_function']}"
    except Exception:
        return str(call)


def added_netuid(receipt) -> int:
    """The netuid of the `SubtensorModule.NetworkAdded(netuid, mechanism)` event."""
    for event in receipt.triggered_events:
        ev = event["event"] if "event" in event else event
        if ev.get("module_id") == "SubtensorModule" and ev.get("event_id") == "NetworkAdded":
            attrs = ev["attributes"]
            return attrs[0] if isinstance(attrs, (list, tuple)) else next(iter(attrs.values()))
    raise AssertionError("no SubtensorModule.NetworkAdded event")


@pytest.fixture(scope="session")
def chain(node, sub, alice):
    c = Chain(node, sub, alice)
    # Development waits, shortened by root as tests/e2e does: subnets can be registered back to
    # back, and the lock cost falls back to the minimum within a few blocks.
    c.sudo("sudo_set_network_rate_limit", rate_limit=0)
    c.sudo("sudo_set_lock_reduction_interval", interval=2)
    return c


# ---------------------------------------------------------------------------------------------
# Wallets


def seed_of(label: str) -> str:
    """A fixed 32-byte seed for `label` (hex), so every run makes the same keys."""
    return "0x" + hashlib.sha256(f"subtensor-clients-e2e/{label}".encode()).hexdigest()


class Wallets:
    def __init__(self, path: Path, chain: Chain):
        self.path = path
        self.chain = chain

    def make(self, name, hotkeys=("default",), fund_tao=0):
        """A wallet `name` whose coldkey and hotkeys come from fixed seeds; the coldkey gets
        `fund_tao` from //Alice. Returns {hotkey_name: Wallet}."""
        out = {}
        for i, hk in enumerate(hotkeys):
            w = Wallet(name=name, hotkey=hk, path=str(self.path))
            if i == 0:
                w.regenerate_coldkey(seed=seed_of(f"{name}/coldkey"), use_password=False,
                                     overwrite=True, suppress=True)
            w.regenerate_hotkey(seed=seed_of(f"{name}/{hk}"), use_password=False, overwrite=True,
                                suppress=True)
            out[hk] = w
        if fund_tao:
            self.chain.fund(out[hotkeys[0]].coldkeypub.ss58_address, fund_tao)
        return out


@pytest.fixture(scope="session")
def wallet_path(tmp_path_factory):
    return tmp_path_factory.mktemp("wallets")


@pytest.fixture(scope="session")
def wallets(wallet_path, chain):
    return Wallets(wallet_path, chain)


def assert_unfunded(chain: Chain, *wallets: Wallet):
    for w in wallets:
        assert chain.free(w.hotkey.ss58_address) == 0, f"hotkey {w.hotkey_str} holds no TAO"


# ---------------------------------------------------------------------------------------------
# btcli


class Btcli:
    def __init__(self, node: Node, wallet_path: Path, home: Path):
        self.node = node
        self.wallet_path = wallet_path
        # A wide terminal: btcli prints its JSON through rich, which wraps lines (even inside
        # strings) at the terminal width.
        self.env = dict(os.environ, HOME=str(home), COLUMNS="100000", NO_COLOR="1", TERM="dumb")
        self.exe = str(Path(sys.executable).parent / "btcli")

    def __call__(self, *args, network=True, input=None, timeout=180, check=True):
        cmd = [self.exe, *[str(a) for a in args]]
        if network:
            cmd += ["--network", self.node.url]
        proc = subprocess.run(cmd, input=input, capture_output=True, text=True, env=self.env,
                              timeout=timeout)
        out = f"$ {' '.join(cmd)}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}"
        if check:
            assert proc.returncode == 0, f"btcli exited {proc.returncode}\n{out}"
        proc.transcript = out
        return proc

    def wallet_args(self, w: Wallet):
        return ["--wallet-path", self.wallet_path, "--wallet-name", w.name,
                "--wallet-hotkey", w.hotkey_str]


def json_of(proc):
    """The JSON document btcli printed with --json-output (other lines, e.g. `[Verbose]: …`, may
    come first)."""
    text = proc.stdout
    decoder = json.JSONDecoder()
    for i, ch in enumerate(text):
        if ch in "{[":
            try:
                value, end = decoder.raw_decode(text[i:])
            except json.JSONDecodeError:
                continue
            if isinstance(value, (dict, list)) and (value or text[i + end:].strip() == ""):
                return value
    raise AssertionError(f"no JSON document in btcli's output\n{proc.transcript}")


@pytest.fixture(scope="session")
def btcli(node, wallet_path, tmp_path_factory):
    return Btcli(node, wallet_path, tmp_path_factory.mktemp("home"))
