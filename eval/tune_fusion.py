"""Choose hybrid search's fusion on the *tuning* part of the public sets (never the test part).

    .venv/bin/python eval/tune_fusion.py        (after eval/public_sets.py has built its scratch database)

For every tuning query (English and its translations) it takes, once, the
engine's own keyword ranking and semantic ranking (backends.py, as hybrid
search runs them) and the query's keyword coverage (fusion.py), then scores
candidate fusion rules offline by nDCG@10: equal-weight reciprocal rank
fusion (what hybrid did before), a fixed keyword weight, and a keyword weight
scaled by coverage. Prints the table; the rule and weight chosen are written
into verdex/search/fusion.py by hand, with the reason in docs/decisions.md.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval.public_sets import SCRATCH_DB, load_translations  # noqa: E402
from eval.run_eval import setup_django  # noqa: E402

WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0)
POWERS = (1, 2, 3)


def collect():
    """[(query, judged, keyword ids, semantic ids, coverage)] for the tuning part of each set."""
    from eval.public.sets import ipc_set, part_of, sdg_set
    from verdex.catalog.models import Technology
    from verdex.search import fusion
    from verdex.search.backends import LONG_QUERY_TERMS, KeywordBackend, SemanticBackend
    from verdex.search.embeddings import get_embedder
    from verdex.search.query import search_terms
    from verdex.search.vector_store import get_store

    published = Technology.objects.published()
    external = dict(published.values_list("pk", "external_id"))
    embedder = get_embedder()
    semantic_backend = SemanticBackend(embedder, get_store(Technology, embedder), embedder.floor)
    collected = {}
    for name, (_, queries, judged) in {"ipc": ipc_set(), "sdg": sdg_set()}.items():
        chosen = [query for query in queries if part_of(query["id"]) == "tune"]
        ids = {query["id"] for query in chosen}
        chosen += [query for query in load_translations(name) if query["translation_of"] in ids]
        rows = []
        for query in chosen:
            terms = search_terms(query["text"])
            keyword = KeywordBackend().match(published, query["text"], terms).ranked_ids({})
            semantic = semantic_backend.match(published, query["text"], terms).ids({})
            rows.append({
                "lang": query["lang"],
                "long": len(terms) > LONG_QUERY_TERMS,
                "judged": judged[query.get("translation_of", query["id"])],
                "keyword": [external[pk].split(":", 1)[1] for pk in keyword],
                "semantic": [external[pk].split(":", 1)[1] for pk in semantic],
                "coverage": fusion.keyword_coverage(Technology, terms),
            })
        collected[name] = rows
    return collected


def ranking_of(row, weight):
    """The fused ranking of a query; weight None: the keyword ranking alone."""
    from verdex.search import fusion

    return row["keyword"] if weight is None else fusion.fuse(row["keyword"], row["semantic"], weight)


def score(collected, weight_of):
    """Mean nDCG@10 per (set, language) of fusing each query with keyword weight ``weight_of(row)``."""
    from eval.metrics import mean, ndcg_at

    table = {}
    for name, rows in collected.items():
        for language in sorted({row["lang"] for row in rows}):
            chosen = [row for row in rows if row["lang"] == language]
            table[(name, language)] = mean(ndcg_at(ranking_of(row, weight_of(row)), row["judged"], 10)
                                           for row in chosen)
    return table


def main():
    setup_django(SCRATCH_DB, fresh=False)
    collected = collect()
    rules = {"keyword only": lambda row: None, "semantic only": lambda row: 0.0}
    for weight in WEIGHTS[1:]:
        rules[f"w={weight}"] = lambda row, w=weight: w
        for power in POWERS:
            rules[f"w={weight} x coverage^{power}"] = lambda row, w=weight, p=power: w * row["coverage"] ** p
    results = {rule: score(collected, weight_of) for rule, weight_of in rules.items()}
    columns = list(results["semantic only"])
    print("| rule | " + " | ".join(f"{name} {lang}" for name, lang in columns) + " | mean | min vs best part |")
    print("|" + "---|" * (len(columns) + 3))
    for rule, table in results.items():
        parts = [max(results["keyword only"][c], results["semantic only"][c]) for c in columns]
        margin = min(table[c] - part for c, part in zip(columns, parts))
        print(f"| {rule} | " + " | ".join(f"{table[c]:.3f}" for c in columns)
              + f" | {sum(table.values()) / len(table):.3f} | {margin:+.3f} |")


if __name__ == "__main__":
    main()
