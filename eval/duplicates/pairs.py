"""Copy and not-copy pairs built from public text, for measuring near-duplicate detection.

Source: the SDG Classification Benchmark (PyPI ``sdgclassification-benchmark``,
MIT licence): 1,251 paragraphs from public reports. A paragraph becomes a
listing: its first sentence the title, the rest the text. From each we make,
with a fixed seed:

copies (should be flagged)
  truncated   the text cut at 50-70 % of its words, at a word boundary
  shortened   title and text both cut, as an import with tight limits would
  reordered   the text's sentences shuffled
  edited      about one word in seven dropped from the text, the title kept
  translated  20 paragraphs translated by us into zh, es, fr, ar and ru
              (translations.jsonl; the original is the same three sentences)
not copies (should not be flagged)
  siblings    two different paragraphs on one SDG that share a company
              paragraph and a company name in the title
  namesakes   the same, with one generic title for both ("AquaNova
              technology"): only the texts can tell them apart
  neighbours  two different paragraphs on one SDG (the same topic)
  foreign     a translation beside a different original on the same SDG

Each pair belongs to the tuning or the test part by a hash of its first
paragraph's id, fixed before any threshold was chosen.
"""

import hashlib
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from verdex.catalog.near_duplicates import ListingText

HERE = Path(__file__).parent
SEED = 20261203
COMPANIES = ["Helio Systems", "AquaNova", "GreenGrid Labs", "TerraCycle Works", "Windrose Energy"]
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Pair:
    kind: str  # how the pair was made (see above)
    copy: bool  # should it be flagged?
    split: str  # "tune" or "test"
    first: ListingText
    second: ListingText


def split_of(paragraph_id):
    return "test" if int(hashlib.sha256(paragraph_id.encode()).hexdigest(), 16) % 2 else "tune"


def _listing(key, sentences):
    return ListingText(key=key, title=" ".join(sentences[0].split()[:30]), body=" ".join(sentences[1:]))


def _paragraphs():
    from sdgclassification.benchmark import load_benchmark_df

    frame = load_benchmark_df().drop_duplicates("id")
    paragraphs = {}
    for row in frame.itertuples():
        sentences = [s for s in _SENTENCE.split(" ".join(row.text.split())) if s]
        if len(sentences) >= 4:
            paragraphs[row.id] = (int(row.sdg), sentences)
    return dict(sorted(paragraphs.items()))


def _cut(words, share):
    return words[: max(1, int(len(words) * share))]


def build(per_kind=60):
    """Every pair, copies and not, in a fixed order."""
    rng = random.Random(SEED)
    paragraphs = _paragraphs()
    ids = list(paragraphs)
    rng.shuffle(ids)
    by_sdg = {}
    for pid in ids:
        by_sdg.setdefault(paragraphs[pid][0], []).append(pid)
    pairs = []

    def add(kind, copy, pid, first, second):
        pairs.append(Pair(kind, copy, split_of(pid), first, second))

    sources = iter(ids)
    for kind in ("truncated", "shortened", "reordered", "edited"):
        for _ in range(per_kind):
            pid = next(sources)
            sentences = paragraphs[pid][1]
            original = _listing(pid, sentences)
            words = original.body.split()
            title = original.title
            if kind == "truncated":
                body = " ".join(_cut(words, rng.uniform(0.5, 0.7)))
            elif kind == "shortened":
                title = " ".join(_cut(title.split(), 0.6))
                body = " ".join(_cut(words, rng.uniform(0.3, 0.5)))
            elif kind == "reordered":
                rest = sentences[1:]
                while len(rest) > 1 and rest == sentences[1:]:
                    rest = rng.sample(sentences[1:], len(sentences) - 1)
                body = " ".join(rest)
            else:
                body = " ".join(word for word in words if rng.random() > 1 / 7)
            add(kind, True, pid, original, ListingText(key=f"{pid}-{kind}", title=title, body=body))

    for pid in ids[: per_kind * 4]:  # the copies' sources: not reused as negatives below
        by_sdg[paragraphs[pid][0]].remove(pid)
    for index in range(per_kind):
        sdg = sorted(by_sdg)[index % len(by_sdg)]
        pool = by_sdg[sdg]
        if len(pool) < 3:
            continue
        first, second, company = rng.sample(pool, 3)
        name = COMPANIES[index % len(COMPANIES)]
        about = f"About {name}. " + " ".join(paragraphs[company][1])
        a, b = (_listing(pid, paragraphs[pid][1]) for pid in (first, second))
        add("siblings", False, first,
            ListingText(key=f"{first}-sib", title=f"{name}: {a.title}", body=f"{a.body} {about}"),
            ListingText(key=f"{second}-sib", title=f"{name}: {b.title}", body=f"{b.body} {about}"))
        generic = f"{name} technology"
        add("namesakes", False, second,
            ListingText(key=f"{first}-gen", title=generic, body=f"{a.body} {about}"),
            ListingText(key=f"{second}-gen", title=generic, body=f"{b.body} {about}"))
        x, y = rng.sample(pool, 2)
        add("neighbours", False, x, _listing(x, paragraphs[x][1]), _listing(y, paragraphs[y][1]))

    for line in (HERE / "translations.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        sdg, sentences = paragraphs[item["id"]]
        original = _listing(item["id"], sentences[:3])
        translated = _listing(f"{item['id']}-{item['lang']}", item["sentences"])
        add("translated", True, item["id"], original, translated)
        others = [pid for pid in by_sdg.get(sdg, []) if pid != item["id"]] or ids
        other = rng.choice(others)
        add("foreign", False, item["id"], _listing(other, paragraphs[other][1][:3]), translated)
    return pairs
