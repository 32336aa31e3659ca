"""Fit the per-goal thresholds of verdex.matching.classify on the benchmark's tuning split only.

For each SDG, the threshold is the score that maximises F1 over the tuning
rows of that goal (each benchmark row says whether its text is relevant to
one goal). The held-out rows in split.json are never read here.
Run: `.venv/bin/python -m eval.sdg.tune` (rewrites verdex/matching/sdg_thresholds.json).
"""

import json
import os
from pathlib import Path

SPLIT_FILE = Path(__file__).with_name("split.json")
MODEL = "use-multilingual-v3"


def benchmark_split(part):
    """The benchmark rows of one part of the fixed split ("tune" or "test"), in id order."""
    from sdgclassification.benchmark import load_benchmark_df

    ids = json.loads(SPLIT_FILE.read_text())[part]
    return load_benchmark_df().set_index("id").loc[ids]


def fit_thresholds():
    from eval.metrics import best_threshold
    from verdex.matching.classify import sdg_scores

    rows = benchmark_split("tune")
    scores = sdg_scores(list(rows["text"]), model_name=MODEL)
    thresholds = {}
    for goal in range(1, 18):
        mask = (rows["sdg"] == goal).to_numpy()
        thresholds[str(goal)] = round(best_threshold(rows["label"].to_numpy()[mask], scores[mask, goal - 1]), 5)
    return thresholds


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verdex.settings")
    django.setup()
    from verdex.matching.classify import THRESHOLDS_FILE

    THRESHOLDS_FILE.write_text(json.dumps({
        "model": MODEL,
        "method": "cosine to SDG description minus mean over all 17; per-goal F1-optimal threshold",
        "source": "eval/sdg/tune.py on the tune split (eval/sdg/split.json) of "
                  "sdgclassification-benchmark 1.0.0",
        "thresholds": fit_thresholds(),
    }, indent=1) + "\n")
    print(f"Wrote {THRESHOLDS_FILE}")
