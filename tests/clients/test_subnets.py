"""Subnets: create (SDK and btcli), start, owner settings, and the reads that describe a subnet."""

import pytest

from conftest import LONG_TEMPO, added_netuid, assert_unfunded, json_of


def test_sdk_register_subnet_and_start_call(sub, chain, wallets):
    owner = wallets.make("sdk-owner", fund_tao=3_000)["default"]
    cost = sub.get_subnet_burn_cost()
    before = chain.free(owner.coldkeypub.ss58_address)

    resp = sub.register_subnet(owner, mev_protection=False)
    assert resp.success, resp.message
    netuid = added_netuid(resp.extrinsic_receipt)

    assert chain.query("NetworksAdded", [netuid]) is True
    assert chain.query("SubnetOwner", [netuid]) == owner.coldkeypub.ss58_address
    assert chain.query("SubnetOwnerHotkey", [netuid]) == owner.hotkey.ss58_address
    assert chain.uid(netuid, owner.hotkey.ss58_address) == 0
    paid = before - chain.free(owner.coldkeypub.ss58_address)
    assert chain.query("SubnetLocked", [netuid]) == paid - resp.extrinsic_fee.rao
    assert int(cost.rao) >= chain.query("SubnetLocked", [netuid]) > 0
    assert sub.subnet_exists(netuid)

    # start_call, once the development delay has passed.
    assert chain.query("FirstEmissionBlockNumber", [netuid]) is None
    delay = sub.get_start_call_delay()
    chain.wait_until_block(chain.query("NetworkRegisteredAt", [netuid]) + delay + 1)
    resp = sub.start_call(owner, netuid, mev_protection=False, wait_for_finalization=True)
    assert resp.success, resp.message
    assert chain.query("FirstEmissionBlockNumber", [netuid]) is not None
    assert chain.query("SubtokenEnabled", [netuid]) is True
    assert sub.is_subnet_active(netuid)
    assert_unfunded(chain, owner)


def test_btcli_subnets_create_and_start(chain, wallets, btcli):
    # Wallet creation as the README shows it: btcli regenerates the keys from fixed seeds.
    from conftest import seed_of

    name = "cli-owner"
    btcli("wallet", "regen-coldkey", "--wallet-path", btcli.wallet_path, "--wallet-name", name,
          "--seed", seed_of(f"{name}/coldkey"), "--no-use-password", "--overwrite", network=False)
    btcli("wallet", "regen-hotkey", "--wallet-path", btcli.wallet_path, "--wallet-name", name,
          "--wallet-hotkey", "default", "--seed", seed_of(f"{name}/default"), "--no-use-password",
          "--overwrite", network=False)
    owner = wallets.make(name)["default"]  # the same keys, read back for the assertions
    chain.fund(owner.coldkeypub.ss58_address, 3_000)

    # `subnets create` prompts for every identity field not given, even with --no-prompt.
    proc = btcli("subnets", "create", *btcli.wallet_args(owner), "--subnet-name", "cli-subnet",
                 "--no-mev-protection", "--no-prompt", "--json-output", "--verbose",
                 input="\n" * 8)
    out = json_of(proc)
    assert out["success"] is True, proc.transcript
    netuid = out["netuid"]
    assert chain.query("SubnetOwner", [netuid]) == owner.coldkeypub.ss58_address
    assert chain.query("SubnetOwnerHotkey", [netuid]) == owner.hotkey.ss58_address
    assert chain.uid(netuid, owner.hotkey.ss58_address) == 0
    identity = chain.query("SubnetIdentitiesV3", [netuid])
    assert identity is not None and identity["subnet_name"] in ("cli-subnet", b"cli-subnet",
                                                                 "0x" + b"cli-subnet".hex())

    chain.wait_until_block(
        chain.query("NetworkRegisteredAt", [netuid]) + chain.query("StartCallDelay") + 1)
    proc = btcli("subnets", "start", *btcli.wallet_args(owner), "--netuid", netuid, "--no-prompt")
    assert chain.query("FirstEmissionBlockNumber", [netuid]) is not None, proc.transcript
    assert chain.query("SubtokenEnabled", [netuid]) is True
    assert_unfunded(chain, owner)


@pytest.fixture(scope="module")
def subnet(chain, wallets):
    """A started subnet with an owner, a staked validator and a miner (raw setup calls). Its
    tempo is long (no epoch during the tests), so what the reads show stays put."""
    w = wallets.make("info-owner", hotkeys=("default", "validator", "miner"), fund_tao=3_000)
    netuid = chain.create_subnet(w["default"], tempo=LONG_TEMPO)
    chain.register(w["default"], netuid, w["validator"].hotkey.ss58_address)
    chain.register(w["default"], netuid, w["miner"].hotkey.ss58_address)
    chain.stake(w["default"], netuid, w["validator"].hotkey.ss58_address, 50)
    return netuid, w


def test_sdk_owner_set_tempo(sub, chain, subnet):
    netuid, w = subnet
    # Owners choose a tempo within [360, 50400] (the reference's MIN_TEMPO/MAX_TEMPO, also on
    # fast blocks); below it the call fails with TempoOutOfBounds and nothing changes.
    low = sub.set_tempo(w["default"], netuid, 17, mev_protection=False)
    assert not low.success and "TempoOutOfBounds" in low.message
    assert chain.query("Tempo", [netuid]) == LONG_TEMPO
    resp = sub.set_tempo(w["default"], netuid, 400, mev_protection=False)
    assert resp.success, resp.message
    assert chain.query("Tempo", [netuid]) == 400
    assert sub.tempo(netuid) == 400
    chain.sudo("sudo_set_tempo", netuid=netuid, tempo=LONG_TEMPO)


def test_btcli_sudo_set_as_owner(chain, btcli, subnet):
    netuid, w = subnet
    before = chain.query("ImmunityPeriod", [netuid])
    value = 4321
    assert before != value
    proc = btcli("sudo", "set", *btcli.wallet_args(w["default"]), "--netuid", netuid,
                 "--param", "immunity_period", "--value", value, "--no-prompt", "--json-output",
                 "--verbose")
    out = json_of(proc)
    assert out.get("success") is True, proc.transcript
    assert chain.query("ImmunityPeriod", [netuid]) == value


def test_sdk_get_all_subnets_info(sub, chain, subnet):
    netuid, w = subnet
    infos = {i.netuid: i for i in sub.get_all_subnets_info()}
    added = sorted(
        getattr(k, "value", k)
        for k, v in chain.substrate.query_map("SubtensorModule", "NetworksAdded")
        if getattr(v, "value", v)
    )
    assert sorted(infos) == added
    info = infos[netuid]
    assert info.owner_ss58 == w["default"].coldkeypub.ss58_address
    assert info.tempo == chain.query("Tempo", [netuid])
    assert info.subnetwork_n == chain.query("SubnetworkN", [netuid]) == 3
    assert info.max_n == chain.query("MaxAllowedUids", [netuid])
    assert info.immunity_period == chain.query("ImmunityPeriod", [netuid])
    assert info.burn.rao == chain.query("Burn", [netuid])


def test_sdk_get_subnet_hyperparameters(sub, chain, subnet):
    netuid, _ = subnet
    hp = sub.get_subnet_hyperparameters(netuid)
    assert hp is not None
    assert hp.tempo == chain.query("Tempo", [netuid])
    assert hp.immunity_period == chain.query("ImmunityPeriod", [netuid])
    assert hp.weights_rate_limit == chain.query("WeightsSetRateLimit", [netuid]) == 0
    assert hp.min_allowed_weights == chain.query("MinAllowedWeights", [netuid])
    assert hp.max_weight_limit == chain.query("MaxWeightsLimit", [netuid])
    assert hp.commit_reveal_weights_enabled == chain.query("CommitRevealWeightsEnabled", [netuid])
    assert hp.max_validators == chain.query("MaxAllowedValidators", [netuid])
    assert hp.target_regs_per_interval == chain.query("TargetRegistrationsPerInterval", [netuid])
    assert hp.min_burn == chain.query("MinBurn", [netuid])
    assert hp.max_burn == chain.query("MaxBurn", [netuid])


def test_btcli_subnets_hyperparameters(chain, btcli, subnet):
    netuid, _ = subnet
    proc = btcli("subnets", "hyperparameters", "--netuid", netuid, "--json-output", "--verbose")
    rows = json_of(proc)
    assert isinstance(rows, list), proc.transcript
    values = {r["hyperparameter"]: r["value"] for r in rows}
    assert int(values["tempo"]) == chain.query("Tempo", [netuid]), proc.transcript
    assert int(values["immunity_period"]) == chain.query("ImmunityPeriod", [netuid])
    assert int(values["weights_rate_limit"]) == chain.query("WeightsSetRateLimit", [netuid])
    assert int(values["max_validators"]) == chain.query("MaxAllowedValidators", [netuid])
    assert str(values["commit_reveal_weights_enabled"]).lower() == str(
        chain.query("CommitRevealWeightsEnabled", [netuid])).lower()


def test_btcli_subnets_show(chain, btcli, subnet):
    netuid, w = subnet
    proc = btcli("subnets", "show", "--netuid", netuid, "--no-prompt", "--json-output",
                 "--verbose")
    out = json_of(proc)
    assert out.get("netuid", netuid) == netuid, proc.transcript
    assert "uids" in out, proc.transcript
    neurons = out["uids"]
    hotkeys = {n["uid"]: n["hotkey"] for n in neurons}
    for role in ("default", "validator", "miner"):
        hk = w[role].hotkey.ss58_address
        assert hotkeys[chain.uid(netuid, hk)] == hk, proc.transcript
    assert out["owner"] == w["default"].coldkeypub.ss58_address
    assert out["tempo"]["tempo"] == chain.query("Tempo", [netuid])
    assert out["registration_cost"] * 1e9 == pytest.approx(chain.query("Burn", [netuid]), abs=1)
    by_hotkey = {n["hotkey"]: n for n in neurons}
    validator = by_hotkey[w["validator"].hotkey.ss58_address]
    assert validator["coldkey"] == w["default"].coldkeypub.ss58_address
    alpha = chain.query("TotalHotkeyAlpha", [w["validator"].hotkey.ss58_address, netuid])
    assert validator["alpha_stake"] * 1e9 == pytest.approx(alpha, rel=1e-6)


def test_btcli_subnets_metagraph(chain, btcli, subnet):
    netuid, w = subnet
    proc = btcli("subnets", "metagraph", "--netuid", netuid, "--verbose")
    text = proc.stdout
    assert "Error" not in text and "error" not in proc.stderr.lower(), proc.transcript
    for role in ("default", "validator", "miner"):
        hk = w[role].hotkey.ss58_address
        assert hk[:6] in text, f"hotkey {hk} (uid {chain.uid(netuid, hk)}) listed\n{proc.transcript}"
