"""Choose a model's semantic similarity floor from pairs that are unrelated by construction.

    .venv/bin/python scripts/semantic_floor.py [--model use-multilingual-v3] [--reuse]

The floor keeps listings that have nothing to do with a query out of the
semantic matched set. It is chosen here without the labelled retrieval set
(eval/retrieval), so that the evaluation stays a fair test of it:

- queries are the demo *needs* (eval queries are not used), in three shapes
  like real searches: three content words of the title, the whole title,
  and the title with the description (a pasted paragraph);
- listings are the published demo technologies, embedded as search embeds them;
- a (need, technology) pair is *unrelated* when they share no top-level
  technology field in either scheme (CPC Y02/Y04 or the Green Inventory),
  and *related* when they share a sub-field.

The floor is the similarity that best separates related from unrelated
pairs, pooled over the three shapes (the threshold with the largest Youden's
J = share of related pairs kept - share of unrelated pairs kept). A fixed
percentile of the unrelated pairs alone is no good: a paragraph is more
similar to everything than a three-word query, so a pooled high percentile
is set by paragraphs and drops nearly every related pair of a short query.
The script prints both distributions per shape and what each floor keeps.
Builds a scratch SQLite database with the demo data (/tmp/verdex_floor.sqlite3).
"""

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH_DB = Path("/tmp/verdex_floor.sqlite3")
CONTENT_WORD = re.compile(r"[A-Za-z]{3,}")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="use-multilingual-v3")
    parser.add_argument("--reuse", action="store_true",
                        help="Reuse the scratch database of an earlier run instead of rebuilding it.")
    return parser.parse_args()


def setup_django(reuse):
    os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH_DB}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verdex.settings")
    rebuild = not (reuse and SCRATCH_DB.exists())
    if rebuild:
        for path in (SCRATCH_DB, Path(f"{SCRATCH_DB}-wal"), Path(f"{SCRATCH_DB}-shm")):
            path.unlink(missing_ok=True)
    import django

    django.setup()
    if rebuild:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("load_demo", verbosity=0)


def query_shapes(need, stop_words):
    description = re.sub(r"<[^>]+>", " ", need.description)
    words = [word for word in CONTENT_WORD.findall(need.title) if word.lower() not in stop_words]
    return {
        "short": " ".join(words[:3]),
        "title": need.title,
        "paragraph": f"{need.title}. {' '.join(description.split())}",
    }


def main():
    args = parse_args()
    setup_django(args.reuse)
    import numpy as np

    from verdex.catalog.models import Technology
    from verdex.demo import content
    from verdex.search.embeddings import get_embedder, listing_text
    from verdex.search.query import LONG_QUERY_STOP_WORDS
    from verdex.taxonomy.models import TechnologyField

    embedder = get_embedder(args.model)
    technologies = list(Technology.objects.published().prefetch_related("benefits", "fields__root"))
    matrix = embedder.embed_documents([listing_text(technology) for technology in technologies])
    roots = [{field.root.code for field in t.fields.all()} for t in technologies]
    subfields = [{field.code for field in t.fields.all() if field.depth > 0} for t in technologies]
    root_of = dict(TechnologyField.objects.values_list("code", "root__code"))

    unrelated, related = {}, {}
    for need in content.NEEDS:
        need_roots = {root_of[code] for code in need.fields}
        need_fields = set(need.fields)
        for shape, text in query_shapes(need, LONG_QUERY_STOP_WORDS).items():
            scores = matrix @ embedder.embed_query(text)
            for score, tech_roots, tech_fields in zip(scores, roots, subfields, strict=True):
                if not need_roots & tech_roots:
                    unrelated.setdefault(shape, []).append(score)
                elif need_fields & tech_fields:
                    related.setdefault(shape, []).append(score)

    pooled_low = np.concatenate([np.array(scores) for scores in unrelated.values()])
    pooled_high = np.concatenate([np.array(scores) for scores in related.values()])
    candidates = np.round(np.arange(0.0, 0.8, 0.005), 3)
    youden = [(pooled_high >= c).mean() - (pooled_low >= c).mean() for c in candidates]
    floor = float(candidates[int(np.argmax(youden))])
    print(f"Model {embedder.name}: {len(content.NEEDS)} needs x {len(technologies)} technologies")
    print("| Query shape | Unrelated pairs | p50 | p95 | p99 | Related pairs | p10 | p50 | "
          f"kept at {floor:.3f}: related / unrelated | kept at {embedder.floor}: related / unrelated |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for shape in unrelated:
        low, high = np.array(unrelated[shape]), np.array(related[shape])
        print(f"| {shape} | {len(low)} | {np.percentile(low, 50):.3f} | {np.percentile(low, 95):.3f} | "
              f"{np.percentile(low, 99):.3f} | {len(high)} | {np.percentile(high, 10):.3f} | "
              f"{np.percentile(high, 50):.3f} | {(high >= floor).mean():.1%} / {(low >= floor).mean():.1%} | "
              f"{(high >= embedder.floor).mean():.1%} / {(low >= embedder.floor).mean():.1%} |")
    print(f"Floor with the largest Youden's J over all shapes: {floor:.3f} "
          f"(J = {max(youden):.3f}; J at the current {embedder.floor}: "
          f"{youden[int(np.argmin(np.abs(candidates - embedder.floor)))]:.3f})")


if __name__ == "__main__":
    main()
