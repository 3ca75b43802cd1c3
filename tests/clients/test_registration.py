"""Registration by burn: SDK `burned_register`, btcli `subnets register` safe and `--unsafe`."""

import pytest

from conftest import assert_unfunded, json_of


@pytest.fixture(scope="module")
def subnet(chain, wallets):
    owner = wallets.make("reg-owner", fund_tao=3_000)["default"]
    return chain.create_subnet(owner)


def check_registered(chain, netuid, w, before_free, burn):
    hk = w.hotkey.ss58_address
    uid = chain.uid(netuid, hk)
    assert uid is not None, f"{hk} holds a UID on subnet {netuid}"
    assert chain.query("Keys", [netuid, uid]) == hk
    assert chain.query("Owner", [hk]) == w.coldkeypub.ss58_address
    assert chain.query("IsNetworkMember", [hk, netuid]) is True
    paid = before_free - chain.free(w.coldkeypub.ss58_address)
    assert burn <= paid < burn + 10**9 // 100, f"paid the burn ({burn}) plus a fee: {paid}"
    assert_unfunded(chain, w)


def test_sdk_burned_register(sub, chain, wallets, subnet):
    w = wallets.make("reg-sdk", fund_tao=20)["default"]
    n = chain.query("SubnetworkN", [subnet])
    burn = chain.query("Burn", [subnet])
    assert sub.recycle(subnet).rao == burn
    before = chain.free(w.coldkeypub.ss58_address)
    resp = sub.burned_register(w, subnet, mev_protection=False)
    assert resp.success, resp.message
    check_registered(chain, subnet, w, before, burn)
    assert chain.query("SubnetworkN", [subnet]) == n + 1
    assert sub.is_hotkey_registered(w.hotkey.ss58_address, subnet)


@pytest.mark.parametrize("mode", ["--safe", "--unsafe"])
def test_btcli_subnets_register(chain, wallets, btcli, subnet, mode):
    w = wallets.make(f"reg-cli{mode.strip('-')}", fund_tao=20)["default"]
    burn = chain.query("Burn", [subnet])
    before = chain.free(w.coldkeypub.ss58_address)
    args = ["subnets", "register", *btcli.wallet_args(w), "--netuid", subnet, mode,
            "--no-prompt", "--json-output", "--verbose"]
    if mode == "--safe":
        args += ["--tolerance", "0.1"]
    proc = btcli(*args)
    out = json_of(proc)
    assert out.get("success") is True, proc.transcript
    check_registered(chain, subnet, w, before, burn)
