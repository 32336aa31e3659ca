"""Fix the tune / held-out split of the SDG benchmark once, before any tuning.

Stratified by (sdg, label) with a fixed seed: 60 % of each stratum tunes the
classifier, 40 % is kept for the reported scores. The ids land in split.json,
which is committed, so the split never moves when this script is edited.
"""

import json
import random
from pathlib import Path

from sdgclassification.benchmark import load_benchmark_df

SEED = 20240917
TUNE_SHARE = 0.6
SPLIT_FILE = Path(__file__).with_name("split.json")


def make_split():
    frame = load_benchmark_df()
    rng = random.Random(SEED)
    tune, test = [], []
    for (_sdg, _label), group in sorted(frame.groupby(["sdg", "label"]), key=lambda item: item[0]):
        ids = sorted(group["id"])
        rng.shuffle(ids)
        cut = round(len(ids) * TUNE_SHARE)
        tune += ids[:cut]
        test += ids[cut:]
    return {"seed": SEED, "tune_share": TUNE_SHARE, "tune": sorted(tune), "test": sorted(test)}


if __name__ == "__main__":
    if SPLIT_FILE.exists():
        raise SystemExit(f"{SPLIT_FILE} exists; the split is fixed and must not be redrawn.")
    SPLIT_FILE.write_text(json.dumps(make_split(), indent=1) + "\n")
    print(f"Wrote {SPLIT_FILE}")
