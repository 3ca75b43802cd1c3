"""The SDK's proxy-type reads (`ProxyFilterRuntimeApi.get_proxy_types` / `get_proxy_filter`):
every type with its SCALE index, and each type's rule, generated from the table the chain's
proxy filter runs."""


def text(value):
    """A `Vec<u8>` as the SDK hands it over (str, hex str, bytes or list of ints), as str."""
    if isinstance(value, (bytes, bytearray)):
        return value.decode()
    if isinstance(value, (list, tuple)):
        return bytes(value).decode()
    if isinstance(value, str) and value.startswith("0x"):
        return bytes.fromhex(value[2:]).decode()
    return value


def test_sdk_reads_every_proxy_type(sub):
    types = sub.get_proxy_types()
    by_index = {t.index: (text(t.name), t.deprecated) for t in types}
    assert len(by_index) == 18
    assert by_index[0] == ("Any", False)
    assert by_index[8] == ("Staking", False)
    assert by_index[13] == ("ChildKeys", False)
    assert by_index[15] == ("SwapHotkey", False)
    assert {i for i, (_, dep) in by_index.items() if dep} == {4, 6, 7, 12}


def test_sdk_reads_each_types_rule(sub):
    rules = {text(f.name): f for f in sub.get_proxy_filter()}
    assert len(rules) == 18
    assert rules["Any"].filter_mode == "AllowAll"
    assert rules["Senate"].filter_mode == "DenyAll"

    def names(calls):
        return {(text(c["pallet_name"]), text(c["call_name"]) if c["call_name"] else None)
                for c in calls}

    staking = rules["Staking"]
    assert staking.filter_mode == "Allow"
    assert ("SubtensorModule", "add_stake") in names(staking.calls)
    assert ("Balances", None) not in names(staking.calls)

    non_transfer = rules["NonTransfer"]
    assert non_transfer.filter_mode == "Deny"
    assert ("Balances", None) in names(non_transfer.calls)
    assert ("SubtensorModule", "announce_coldkey_swap") in names(non_transfer.calls)

    small = rules["SmallTransfer"]
    conditions = [c["condition"] for c in small.calls]
    assert all(cond is not None for cond in conditions)
    assert any("ParamLessThan" in str(cond) for cond in conditions)
