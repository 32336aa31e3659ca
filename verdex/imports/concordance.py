"""Patent classification codes → our technology fields.

CPC: codes of the Y02 and Y04S climate-change-mitigation tagging scheme map to
our field of the same subclass and main group ("Y02E 10/50" → Y02E10); a main
group we do not list falls back to its subclass ("Y02E 99/00" → Y02E).

IPC: a subset of the WIPO IPC Green Inventory
(https://www.wipo.int/classifications/ipc/green-inventory/), which lists the IPC
places where environmentally sound technologies are classified. The Inventory is
published by WIPO for free public use; the ranges below are a hand-picked,
abridged subset of its topics (not a copy of the full table), mapped to our own
``GI-`` field codes from verdex/taxonomy/data/fields.py. CPC codes are checked
against it too, because CPC main groups extend the IPC ones they share.

An entry is "SUBCLASS", "SUBCLASS GROUP" (the whole main group and everything
under it) or "SUBCLASS G/S-G/S" (an inclusive range of subgroups, descendants of
the last one included).
"""

import re

GREEN_INVENTORY = {
    "GI-AEP-BIO": [
        "C10L 5/40-5/48", "C10L 1/02", "C10L 1/19", "C10B 53/02", "C11C 3/10",
        "C12P 7/06-7/14", "C12P 7/64", "C12P 5/023", "C12M 1/107",
    ],
    "GI-AEP-FC": ["H01M 4/86-4/98", "H01M 8", "H01M 12/00-12/08"],
    "GI-AEP-GAS": ["C10B 53/00", "C10J"],
    "GI-AEP-WTE": ["F23G 5", "F23G 7", "C10L 5/46-5/48"],
    "GI-AEP-HYD": ["E02B 9/00-9/06", "F03B", "F03C"],
    "GI-AEP-OCE": ["E02B 9/08", "F03B 13/10-13/26", "F03G 7/05"],
    "GI-AEP-WND": ["F03D"],
    "GI-AEP-SOL": ["H01L 31/04-31/078", "H02S", "F24S", "H01G 9/20", "F03G 6"],
    "GI-AEP-GEO": ["F24T", "F03G 4", "H02N 10"],
    "GI-AEP-WH": ["F01K 27", "F27D 17", "F01N 5", "F02G 5"],
    "GI-TRA-VEH": ["B60K 6", "B60L", "B60W 20"],
    "GI-TRA-RAIL": ["B61"],
    "GI-TRA-MAR": ["B63H 9", "B63H 13", "B63H 19/02-19/04"],
    "GI-ECO-EST": ["H01M 10/44-10/46", "H01G 11", "H02J 3/28", "H02J 7", "H02J 15"],
    "GI-ECO-MEAS": ["G01R 22"],
    "GI-ECO-TST": ["C09K 5", "F24H 7", "F28D 20"],
    "GI-ECO-LIGHT": ["H05B 33", "H05B 45", "H01L 33", "H01J 61"],
    "GI-ECO-INS": ["E04B 1/62-1/99", "E04D 11", "F16L 59"],
    "GI-WM-DISP": ["B09B", "B65F", "A61L 11"],
    "GI-WM-REUSE": ["B29B 17", "C04B 7/24-7/30", "C04B 18/04-18/10", "C08J 11", "C05F"],
    "GI-WM-POLL": ["B01D 53/34-53/96", "C02F 1", "C02F 3", "C02F 9", "B63J 4"],
    "GI-AF-FOR": ["A01G 23"],
    "GI-AF-IRR": ["A01G 25"],
    "GI-AF-PEST": ["A01N 63"],
    "GI-AF-SOIL": ["C09K 17"],
    "GI-NPG-ENG": ["G21"],
}

_CODE = re.compile(r"^([A-HY]\d\d[A-Z]?)\s*(?:(\d{1,4})\s*(?:/\s*(\d{1,6}))?)?$")
_SUBGROUP_DIGITS = 6


def _key(group, subgroup, fill):
    return int(group), (subgroup or "").ljust(_SUBGROUP_DIGITS, fill)


def _compile(entry):
    """(prefix, low, high) where low/high are None for a whole class or subclass."""
    prefix, _, rest = entry.partition(" ")
    if not rest:
        return prefix, None, None
    if "-" not in rest:
        group, _, subgroup = rest.partition("/")
        return prefix, _key(group, subgroup, "0"), _key(group, subgroup if subgroup else "", "9")
    start, end = rest.split("-")
    low_group, low_sub = start.split("/")
    high_group, high_sub = end.split("/")
    return prefix, _key(low_group, low_sub, "0"), _key(high_group, high_sub, "9")


_RANGES = [(code, *_compile(entry)) for code, entries in GREEN_INVENTORY.items() for entry in entries]


def parse_code(raw):
    """("H01L", 31, "042") for "H01L 31/042" or "H01L31/042"; None when not a code."""
    match = _CODE.match(" ".join(str(raw).upper().split()))
    if not match:
        return None
    subclass, group, subgroup = match.groups()
    return subclass, int(group) if group else None, subgroup or ""


def green_inventory_fields(raw):
    """Our GI- field codes for one IPC (or CPC) code; an empty set when it is not green."""
    parsed = parse_code(raw)
    if parsed is None:
        return set()
    subclass, group, subgroup = parsed
    found = set()
    for field_code, prefix, low, high in _RANGES:
        if not subclass.startswith(prefix):
            continue
        if low is None:
            found.add(field_code)
        elif group is not None and low <= _key(group, subgroup, "0") <= high:
            found.add(field_code)
    return found


def cpc_y_field(raw, known_codes):
    """Our field code for a CPC Y02/Y04S code, or None (also for other CPC codes)."""
    parsed = parse_code(raw)
    if parsed is None:
        return None
    subclass, group, _ = parsed
    if not (subclass.startswith("Y02") or subclass == "Y04S"):
        return None
    if group is not None and f"{subclass}{group}" in known_codes:
        return f"{subclass}{group}"
    return subclass if subclass in known_codes else None


def fields_for_codes(codes, known_codes):
    """All our field codes for a list of IPC/CPC codes (unknown and non-green codes ignored)."""
    found = set()
    for code in codes:
        y_field = cpc_y_field(code, known_codes)
        if y_field:
            found.add(y_field)
        found |= green_inventory_fields(code) & known_codes
    return found
