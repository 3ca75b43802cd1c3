"""Weights from validator hotkeys that hold no TAO: set_weights, the metagraph it produces,
commit → reveal, and a free call that must be refused at submission."""

import time

import pytest
from bittensor.utils.weight_utils import generate_weight_hash
from bittensor_cli import __version_as_int__ as BTCLI_VERSION_KEY

from conftest import U16_MAX, RpcError, assert_unfunded, json_of, rpc


def weighted_subnet(chain, wallets, name, tempo):
    """A started subnet: owner, one validator hotkey with 100 TAO of stake, two miners. The
    validator holds a permit after the next epoch. All hotkeys are unfunded."""
    w = wallets.make(name, hotkeys=("default", "validator", "m1", "m2"), fund_tao=3_000)
    netuid = chain.create_subnet(w["default"], tempo=tempo)
    uids = {"default": 0}
    for role in ("validator", "m1", "m2"):
        uids[role] = chain.register(w["default"], netuid, w[role].hotkey.ss58_address)
    chain.stake(w["default"], netuid, w["validator"].hotkey.ss58_address, 100)
    chain.next_epoch(netuid)
    assert chain.query("ValidatorPermit", [netuid])[uids["validator"]] is True
    assert_unfunded(chain, *w.values())
    return netuid, w, uids


@pytest.fixture(scope="module")
def subnet(chain, wallets):
    return weighted_subnet(chain, wallets, "wt-owner", tempo=10)


def test_sdk_set_weights_from_unfunded_validator(sub, chain, subnet):
    netuid, w, uids = subnet
    v = w["validator"]
    resp = sub.set_weights(v, netuid, uids=[uids["m1"]], weights=[1.0], mev_protection=False,
                           wait_for_finalization=True)
    assert resp.success, resp.message
    row = chain.query("Weights", [netuid, uids["validator"]])
    assert [tuple(x) for x in row] == [(uids["m1"], U16_MAX)]
    assert chain.query("LastUpdate", [netuid])[uids["validator"]] > 0
    assert_unfunded(chain, v)


def test_metagraph_lite_and_full_equal_storage(sub, chain, subnet):
    netuid, w, uids = subnet
    v = w["validator"]
    resp = sub.set_weights(v, netuid, uids=[uids["m2"]], weights=[1.0], mev_protection=False,
                           wait_for_finalization=True)
    assert resp.success, resp.message
    chain.next_epoch(netuid, 2)  # bonds form at the first epoch with weights; dividends follow

    block = chain.block()
    at = chain.substrate.get_block_hash(block)
    incentive = chain.substrate.query("SubtensorModule", "Incentive", [netuid], block_hash=at).value
    dividends = chain.substrate.query("SubtensorModule", "Dividends", [netuid], block_hash=at).value
    assert incentive[uids["m2"]] > 0, f"the miner the weights point at earns: {incentive}"
    assert dividends[uids["validator"]] > 0, f"the validator earns dividends: {dividends}"

    for lite in (True, False):
        mg = sub.metagraph(netuid, lite=lite, block=block)
        assert mg.n.item() == chain.query("SubnetworkN", [netuid])
        assert list(mg.hotkeys)[uids["m2"]] == w["m2"].hotkey.ss58_address
        assert [round(float(x) * U16_MAX) for x in mg.incentive] == list(incentive), f"lite={lite}"
        assert [round(float(x) * U16_MAX) for x in mg.dividends] == list(dividends), f"lite={lite}"
        if not lite:
            row = mg.weights[uids["validator"]]
            assert row[uids["m2"]] == pytest.approx(1.0)
            assert row[uids["m1"]] == 0


def inclusion_block(chain, resp) -> int:
    return chain.substrate.get_block_number(resp.extrinsic_receipt.block_hash)


def wait_reveal_epoch(chain, netuid, commit_block):
    """Wait until RevealPeriodEpochs epochs of the subnet have run after the commit's block (the
    reveal window is the epoch after that many epoch boundaries)."""
    period = chain.query("RevealPeriodEpochs", [netuid])
    assert period and period >= 1, f"RevealPeriodEpochs of subnet {netuid}: {period}"
    tempo = chain.query("Tempo", [netuid])
    deadline = commit_block + (period + 1) * (tempo + 1) + 4
    runs, last = 0, commit_block
    while runs < period:
        step = chain.query("LastMechansimStepBlock", [netuid])
        if step > last:
            runs, last = runs + 1, step
            continue
        assert chain.block() <= deadline, f"{period} epochs of subnet {netuid} since the commit"
        time.sleep(0.25)


def enable_commit_reveal(chain, owner, netuid):
    """The owner turns commit-reveal on for its subnet (AdminUtils, signed by the owner). Root
    lengthens the tempo to 40 blocks (10 s), so that a reveal made by a freshly started btcli
    lands within its epoch."""
    chain.submit("AdminUtils", "sudo_set_commit_reveal_weights_enabled",
                 {"netuid": netuid, "enabled": True}, owner.coldkey)
    assert chain.query("CommitRevealWeightsEnabled", [netuid]) is True
    chain.sudo("sudo_set_tempo", netuid=netuid, tempo=40)


def test_sdk_commit_reveal_changes_the_epoch(sub, chain, wallets):
    netuid, w, uids = weighted_subnet(chain, wallets, "cr-sdk", tempo=10)
    v = w["validator"]
    enable_commit_reveal(chain, w["default"], netuid)
    salt = [7, 1, 9, 3, 5, 8, 2, 6]
    target = [uids["m2"]], [U16_MAX]

    resp = sub.commit_weights(v, netuid, salt=salt, uids=target[0], weights=target[1],
                              mev_protection=False, wait_for_inclusion=True,
                              wait_for_finalization=True)
    assert resp.success, resp.message
    commit_block = inclusion_block(chain, resp)
    commits = chain.query("WeightCommits", [netuid, v.hotkey.ss58_address])
    assert commits, "the commit is stored"
    assert chain.query("Weights", [netuid, uids["validator"]]) in ([], None)

    wait_reveal_epoch(chain, netuid, commit_block)
    incentive_before = chain.query("Incentive", [netuid])
    assert incentive_before[uids["m2"]] == 0, "nothing is revealed yet: the miner earns nothing"

    resp = sub.reveal_weights(v, netuid, uids=target[0], weights=target[1], salt=salt,
                              mev_protection=False)
    assert resp.success, resp.message
    row = chain.query("Weights", [netuid, uids["validator"]])
    assert [tuple(x) for x in row] == [(uids["m2"], U16_MAX)]
    assert not chain.query("WeightCommits", [netuid, v.hotkey.ss58_address])
    chain.next_epoch(netuid)
    assert chain.query("Incentive", [netuid])[uids["m2"]] > 0, "the revealed weights pay the miner"
    assert_unfunded(chain, v)


def test_btcli_weights_reveal_changes_the_epoch(sub, chain, wallets, btcli):
    netuid, w, uids = weighted_subnet(chain, wallets, "cr-cli", tempo=10)
    v = w["validator"]
    enable_commit_reveal(chain, w["default"], netuid)
    salt = [11, 22, 33, 44]
    # `SubtensorModule.commit_weights(netuid, commit_hash)`, the call `btcli weights commit`
    # sends, hashed as btcli hashes it (btcli's own commit then sleeps 12 s per block before
    # revealing, which overshoots a 250 ms-block devnet's reveal window).
    commit_hash = generate_weight_hash(address=v.hotkey.ss58_address, netuid=netuid,
                                       uids=[uids["m1"]], values=[U16_MAX], salt=salt,
                                       version_key=BTCLI_VERSION_KEY)
    call = sub.substrate.compose_call("SubtensorModule", "commit_weights",
                                      {"netuid": netuid, "commit_hash": commit_hash})
    resp = sub.sign_and_send_extrinsic(call, v, sign_with="hotkey", wait_for_inclusion=True,
                                       wait_for_finalization=True)
    assert resp.success, resp.message
    commit_block = inclusion_block(chain, resp)
    assert chain.query("WeightCommits", [netuid, v.hotkey.ss58_address])

    wait_reveal_epoch(chain, netuid, commit_block)
    assert chain.query("Incentive", [netuid])[uids["m1"]] == 0

    proc = btcli("weights", "reveal", *btcli.wallet_args(v), "--netuid", netuid,
                 "--uids", uids["m1"], "--weights", "1.0", "--salt", ",".join(map(str, salt)),
                 "--no-prompt", "--json-output", "--verbose")
    out = json_of(proc)
    assert out["success"] is True, proc.transcript
    row = chain.query("Weights", [netuid, uids["validator"]])
    assert [tuple(x) for x in row] == [(uids["m1"], U16_MAX)], proc.transcript
    chain.next_epoch(netuid)
    assert chain.query("Incentive", [netuid])[uids["m1"]] > 0
    assert_unfunded(chain, v)


def test_free_call_from_unregistered_hotkey_is_rejected_at_submission(sub, chain, wallets, subnet):
    netuid, _, uids = subnet
    stranger = wallets.make("wt-stranger")["default"]  # never registered, never funded
    assert chain.uid(netuid, stranger.hotkey.ss58_address) is None
    assert_unfunded(chain, stranger)

    call = sub.substrate.compose_call(
        "SubtensorModule", "set_mechanism_weights",
        {"netuid": netuid, "mecid": 0, "dests": [uids["m1"]], "weights": [U16_MAX],
         "version_key": 0},
    )
    ext = sub.substrate.create_signed_extrinsic(call=call, keypair=stranger.hotkey,
                                                era={"period": 16})
    start = chain.block()
    encoded = "0x" + bytes(ext.data.data).hex()
    # author_submitExtrinsic over plain RPC: the SDK's substrate interface keeps only the message
    # of the error, not its data.
    with pytest.raises(RpcError) as refused:
        rpc(chain.node.port, "author_submitExtrinsic", [encoded])
    error = refused.value.error
    assert error.get("code") == 1010 and error.get("message") == "Invalid Transaction", error
    # The transaction extension rejects it with its own code, not for want of fees.
    assert "Custom error" in str(error.get("data")), f"rejected with a custom code: {error}"

    # No block carries it (extrinsics compared as encoded bytes, read over plain RPC).
    chain.wait_blocks(8)
    for number in range(start, chain.block() + 1):
        block_hash = rpc(chain.node.port, "chain_getBlockHash", [number])
        body = rpc(chain.node.port, "chain_getBlock", [block_hash])["block"]["extrinsics"]
        assert encoded not in body, f"block {number} contains the refused call"
    assert chain.query("Account", [stranger.hotkey.ss58_address], module="System")["nonce"] == 0
