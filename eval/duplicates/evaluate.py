"""Precision and recall of near-duplicate detection on the pairs of pairs.py.

    .venv/bin/python eval/duplicates/evaluate.py        # writes eval/results/duplicates.md

Two measures, each on the tuning and the test part:

pairs   the rule alone (near_duplicates.copy_reason) on each pair
search  as an import or a listing page finds copies: every pair's first
        listing is stored in one candidate index (sentences, title words)
        with the vectors of all of them; each second listing is checked
        against that whole collection. A flag is right when it names a
        listing made from the same paragraph (one paragraph may stand in
        several pairs, so a "not a copy" second can rightly be flagged as
        the copy of another pair's first); a copy is found when its flag
        is right.

Thresholds were chosen on the tuning part (decision 22); read the test part.
"""

import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verdex.settings")

import django  # noqa: E402

django.setup()

from eval.duplicates.pairs import build  # noqa: E402
from verdex.catalog.near_duplicates import CandidateIndex, Embeddings, copy_reason, first_copy  # noqa: E402
from verdex.search.embeddings import get_embedder, model_name  # noqa: E402

NEAREST = 10
OUT = ROOT / "eval" / "results" / "duplicates.md"


def _scores(outcomes):
    """outcomes: (is a copy, flagged, flag right). -> precision, recall, counts."""
    flagged = sum(1 for _, flag, _ in outcomes if flag)
    right = sum(1 for _, flag, ok in outcomes if flag and ok)
    found = sum(1 for copy, flag, ok in outcomes if copy and flag and ok)
    copies = sum(1 for copy, _, _ in outcomes if copy)
    precision = right / flagged if flagged else 1.0
    return precision, found / copies if copies else 1.0, flagged, right, copies


def source(text):
    """The id of the benchmark paragraph a listing was made from (keys are "<id>" or "<id>-<how>")."""
    return str(text.key).split("-")[0]


def _search_outcomes(pairs, embeddings):
    index = CandidateIndex()
    firsts = {}
    for pair in pairs:
        firsts.setdefault(pair.first.key, pair.first)
    for text in firsts.values():
        index.add(text)
    keys = list(firsts)
    matrix = np.stack(embeddings([f"{t.title}. {t.lead} {t.body}" for t in firsts.values()]))
    outcomes = []
    for pair in pairs:
        text = pair.second
        candidates = index.candidates(text)
        seen = {candidate.key for candidate in candidates}
        vector = embeddings([f"{text.title}. {text.lead} {text.body}"])[0]
        nearest = [keys[i] for i in np.argsort(-(matrix @ vector))[:NEAREST]]
        candidates += [firsts[key] for key in nearest if key not in seen]
        found = first_copy(text, candidates, embeddings)
        outcomes.append((pair, found is not None, found is not None and source(found[0]) == source(text)))
    return outcomes


def main():
    started = time.time()
    pairs = build()
    embeddings = Embeddings(get_embedder())
    rows = defaultdict(list)
    for pair in pairs:
        flagged = copy_reason(pair.first, pair.second, embeddings) is not None
        rows[("pairs", pair.split, pair.kind)].append((pair.copy, flagged, True))
    for pair, flagged, right in _search_outcomes(pairs, embeddings):
        rows[("search", pair.split, pair.kind)].append((pair.copy, flagged, right))

    lines = [
        "# Near-duplicate detection",
        "",
        f"`eval/duplicates/evaluate.py`, model {model_name()}, {len(pairs)} pairs from the SDG Classification",
        "Benchmark (MIT) and our translations; how they are made: eval/duplicates/pairs.py.",
        f"Run {time.strftime('%Y-%m-%d')} in {time.time() - started:.0f} s. Thresholds chosen on the tuning part.",
        "",
        "| measure | part | precision | recall | flags | right | copies |",
        "|---|---|---|---|---|---|---|",
    ]
    for measure in ("pairs", "search"):
        for split in ("test", "tune"):
            outcomes = [o for (m, s, _), items in rows.items() if m == measure and s == split for o in items]
            p, r, flagged, right, copies = _scores(outcomes)
            lines.append(f"| {measure} | {split} | {p:.3f} | {r:.3f} | {flagged} | {right} | {copies} |")
    lines += ["", "Test part by kind (flagged / pairs; copies should be flagged, the rest not):", "",
              "| kind | copy? | pairs: flagged | search: flagged (right) | pairs |", "|---|---|---|---|---|"]
    kinds = sorted({kind for _, _, kind in rows}, key=lambda k: (not rows[("pairs", "test", k)][0][0], k))
    for kind in kinds:
        pair_rows, search_rows = rows[("pairs", "test", kind)], rows[("search", "test", kind)]
        lines.append(
            f"| {kind} | {'yes' if pair_rows[0][0] else 'no'} | {sum(f for _, f, _ in pair_rows)} | "
            f"{sum(f for _, f, _ in search_rows)} ({sum(1 for _, f, ok in search_rows if f and ok)}) | {len(pair_rows)} |"
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
