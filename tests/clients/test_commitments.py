"""Commitments from a miner hotkey that holds no TAO: the SDK's `set_commitment` publishes it
for free, and `get_commitment`, `get_commitment_metadata` and `get_all_commitments` read it back
from `Commitments.CommitmentOf`."""

import pytest

from conftest import assert_unfunded


@pytest.fixture(scope="module")
def subnet(chain, wallets):
    w = wallets.make("cm-owner", hotkeys=("default", "miner"), fund_tao=2_000)
    netuid = chain.create_subnet(w["default"])
    uid = chain.register(w["default"], netuid, w["miner"].hotkey.ss58_address)
    assert_unfunded(chain, w["miner"])
    return netuid, w, uid


def test_sdk_set_commitment_from_unfunded_hotkey_reads_back(sub, chain, subnet):
    netuid, w, uid = subnet
    miner = w["miner"]
    data = "model-v1 at example.invalid"
    resp = sub.set_commitment(miner, netuid, data, mev_protection=False,
                              wait_for_finalization=True)
    assert resp.success, resp.message
    assert_unfunded(chain, miner)

    assert sub.get_commitment(netuid, uid) == data
    meta = sub.get_commitment_metadata(netuid, miner.hotkey.ss58_address)
    assert meta["deposit"] == 0
    assert list(meta["info"]["fields"][0]) == [f"Raw{len(data)}"]
    assert sub.get_all_commitments(netuid) == {miner.hotkey.ss58_address: data}
    raw = chain.query("CommitmentOf", [netuid, miner.hotkey.ss58_address], module="Commitments")
    assert raw["block"] > 0


def test_sdk_set_commitment_from_unregistered_hotkey_is_refused(sub, chain, subnet, wallets):
    netuid, _, _ = subnet
    stranger = wallets.make("cm-stranger", hotkeys=("default", "hot"))["hot"]
    resp = sub.set_commitment(stranger, netuid, "x", mev_protection=False,
                              wait_for_finalization=True)
    assert not resp.success
    assert "Custom error: 2" in str(resp.message) or "1010" in str(resp.message), resp.message
    assert chain.query("CommitmentOf", [netuid, stranger.hotkey.ss58_address],
                       module="Commitments") is None
