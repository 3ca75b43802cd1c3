"""Staking: add and remove (plain and safe) with the SDK and btcli, move, transfer, and the reads
that show stake and balances."""

import pytest

from bittensor.utils.balance import Balance

from conftest import LONG_TEMPO, TAO, assert_unfunded, json_of


@pytest.fixture(scope="module")
def subnet(chain, wallets):
    """A started subnet whose owner also owns two registered validator hotkeys. Its tempo is long
    (no epoch during the tests), so stakes change only by the tests' own calls."""
    w = wallets.make("stake-owner", hotkeys=("default", "v1", "v2"), fund_tao=3_000)
    netuid = chain.create_subnet(w["default"], tempo=LONG_TEMPO)
    chain.register(w["default"], netuid, w["v1"].hotkey.ss58_address)
    chain.register(w["default"], netuid, w["v2"].hotkey.ss58_address)
    return netuid, w


def staker(wallets, name, tao=200):
    return wallets.make(name, fund_tao=tao)["default"]


@pytest.mark.parametrize("safe", [False, True], ids=["plain", "safe"])
def test_sdk_add_stake_and_unstake(sub, chain, wallets, subnet, safe):
    netuid, owner = subnet
    hk = owner["v1"].hotkey.ss58_address
    w = staker(wallets, f"stake-sdk-{'safe' if safe else 'plain'}")
    ck = w.coldkeypub.ss58_address
    free0 = chain.free(ck)

    resp = sub.add_stake(w, netuid, hk, Balance.from_tao(10), safe_staking=safe,
                         rate_tolerance=0.05, mev_protection=False)
    assert resp.success, resp.message
    stake = chain.stake_of(hk, ck, netuid)
    assert stake > 0
    assert sub.get_stake(ck, hk, netuid).rao == stake
    spent = free0 - chain.free(ck)
    assert 10 * TAO <= spent < 10 * TAO + TAO // 100, f"paid 10 TAO plus a fee: {spent}"

    half = stake // 2
    free1 = chain.free(ck)
    resp = sub.unstake(w, netuid, hk, Balance.from_rao(half).set_unit(netuid),
                       safe_unstaking=safe, rate_tolerance=0.05, mev_protection=False)
    assert resp.success, resp.message
    left = chain.stake_of(hk, ck, netuid)
    assert abs(left - (stake - half)) <= 2, f"{stake} - {half} left, got {left}"
    assert chain.free(ck) > free1, "the unstaked alpha came back as TAO"
    assert_unfunded(chain, owner["v1"], w)


@pytest.mark.parametrize("mode", ["--safe", "--unsafe"])
def test_btcli_stake_add_and_remove(chain, wallets, btcli, subnet, mode):
    netuid, owner = subnet
    hk = owner["v2"].hotkey.ss58_address
    w = staker(wallets, f"stake-cli{mode.strip('-')}")
    ck = w.coldkeypub.ss58_address
    safety = [mode] + (["--tolerance", "0.05", "--no-partial"] if mode == "--safe" else [])
    free0 = chain.free(ck)

    proc = btcli("stake", "add", *btcli.wallet_args(w), "--netuid", netuid,
                 "--include-hotkeys", hk, "--amount", 5, *safety, "--no-mev-protection",
                 "--no-prompt", "--json-output", "--verbose")
    out = json_of(proc)
    assert out["staking_success"][str(netuid)][hk] is True, proc.transcript
    stake = chain.stake_of(hk, ck, netuid)
    assert stake > 0, proc.transcript
    spent = free0 - chain.free(ck)
    assert 5 * TAO <= spent < 5 * TAO + TAO // 100, f"paid 5 TAO plus a fee: {spent}"

    amount = stake // 3
    proc = btcli("stake", "remove", *btcli.wallet_args(w), "--netuid", netuid,
                 "--include-hotkeys", hk, "--amount", amount / TAO, *safety,
                 "--no-mev-protection", "--no-prompt", "--json-output", "--verbose")
    out = json_of(proc)
    assert isinstance(out, list) and out and all(op["success"] for op in out), proc.transcript
    left = chain.stake_of(hk, ck, netuid)
    assert abs(left - (stake - amount)) <= 2, f"{stake} - {amount} left, got {left}"
    assert_unfunded(chain, owner["v2"], w)


def test_sdk_move_stake(sub, chain, wallets, subnet):
    netuid, owner = subnet
    src, dst = owner["v1"].hotkey.ss58_address, owner["v2"].hotkey.ss58_address
    w = staker(wallets, "stake-move")
    ck = w.coldkeypub.ss58_address
    chain.stake(w, netuid, src, 20)
    from_before = chain.stake_of(src, ck, netuid)
    assert chain.stake_of(dst, ck, netuid) == 0

    amount = from_before // 2
    resp = sub.move_stake(w, netuid, src, netuid, dst, Balance.from_rao(amount).set_unit(netuid),
                          mev_protection=False)
    assert resp.success, resp.message
    assert abs(chain.stake_of(src, ck, netuid) - (from_before - amount)) <= 2
    moved = chain.stake_of(dst, ck, netuid)
    assert 0 < moved and abs(moved - amount) <= amount // 100, f"moved {amount}, got {moved}"


def test_sdk_transfer_stake(sub, chain, wallets, subnet):
    netuid, owner = subnet
    hk = owner["v1"].hotkey.ss58_address
    w = staker(wallets, "stake-transfer")
    dest = wallets.make("stake-transfer-dest")["default"].coldkeypub.ss58_address
    ck = w.coldkeypub.ss58_address
    chain.stake(w, netuid, hk, 20)
    before = chain.stake_of(hk, ck, netuid)
    amount = before // 4

    resp = sub.transfer_stake(w, dest, hk, netuid, netuid,
                              Balance.from_rao(amount).set_unit(netuid), mev_protection=False)
    assert resp.success, resp.message
    assert abs(chain.stake_of(hk, ck, netuid) - (before - amount)) <= 2
    got = chain.stake_of(hk, dest, netuid)
    assert abs(got - amount) <= 2, f"transferred {amount}, destination holds {got}"
    assert chain.free(dest) == 0, "a stake transfer moves no TAO"


def test_btcli_stake_list(chain, wallets, btcli, subnet):
    netuid, owner = subnet
    hk = owner["v1"].hotkey.ss58_address
    w = staker(wallets, "stake-list")
    ck = w.coldkeypub.ss58_address
    chain.stake(w, netuid, hk, 7)
    stake = chain.stake_of(hk, ck, netuid)

    proc = btcli("stake", "list", "--wallet-path", btcli.wallet_path, "--wallet-name", w.name,
                 "--no-prompt", "--json-output", "--verbose")
    out = json_of(proc)
    assert out["coldkey_address"] == ck, proc.transcript
    rows = out["stake_info"][hk]
    row = next(r for r in rows if r["netuid"] == netuid)
    assert row["stake_value"] * TAO == pytest.approx(stake, abs=1)
    assert out["free_balance"] * TAO == pytest.approx(chain.free(ck), abs=1)


def test_btcli_wallet_balance(chain, wallets, btcli, subnet):
    netuid, owner = subnet
    w = staker(wallets, "stake-balance", tao=50)
    ck = w.coldkeypub.ss58_address
    chain.stake(w, netuid, owner["v1"].hotkey.ss58_address, 3)

    proc = btcli("wallet", "balance", "--wallet-path", btcli.wallet_path, "--wallet-name", w.name,
                 "--json-output", "--verbose")
    out = json_of(proc)
    entry = out["balances"][w.name]
    assert entry["coldkey"] == ck, proc.transcript
    assert entry["free"] * TAO == pytest.approx(chain.free(ck), abs=1)
    assert entry["staked"] > 0, "the stake on the subnet is counted"


def test_sdk_get_delegates(sub, chain, wallets, subnet):
    netuid, owner = subnet
    hk = owner["v1"].hotkey.ss58_address
    w = staker(wallets, "stake-delegates")
    ck = w.coldkeypub.ss58_address
    chain.stake(w, netuid, hk, 4)

    delegates = {d.hotkey_ss58: d for d in sub.get_delegates()}
    assert hk in delegates, f"{hk} listed among {list(delegates)}"
    d = delegates[hk]
    assert d.owner_ss58 == owner["default"].coldkeypub.ss58_address
    assert netuid in d.registrations
    assert d.take == pytest.approx(chain.query("Delegates", [hk]) / 65535)
    assert d.nominators[ck][netuid].rao == chain.stake_of(hk, ck, netuid)
