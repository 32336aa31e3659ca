"""Keyword ranking on SQLite, old (FTS5 + term index) against new (tantivy), on the same queries.

    .venv/bin/python scripts/bench_keyword.py [--root REPO] [--technologies 20000] [--queries 240]

Runs the keyword path of the code checked out at ``--root`` (default: this
repository; point it at a checkout before decision 28 to time FTS5 and the
term index) on a scratch SQLite database (DATABASE_URL, default
/tmp/bench_keyword.sqlite3) filled by ``generate_demo``. Prints the build time
of the in-process term index (old) or of ``rebuild_search_index`` for the
technologies (new), then p50/p95 in ms of the engine's keyword ranking plus
the first page of 20 listings (as bench_search.py's "Keyword ranking"), for
short and long (pasted paragraph) queries, over the queries of bench_search.py.
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default=str(HERE.parent))
    parser.add_argument("--technologies", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=240)
    parser.add_argument("--rounds", type=int, default=3, help="Times each query is run; the median is kept.")
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/bench_keyword.sqlite3")
    os.environ.setdefault("SEARCH_INDEX_DIR", "/tmp/bench_keyword_index")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verdex.settings")
    os.environ.setdefault("JOBS_RUN_INLINE", "1")
    sys.path.insert(0, args.root)
    sys.path.insert(1, str(HERE))
    import django

    django.setup()
    import bench_search
    from django.core.management import call_command

    from verdex.catalog.models import Source, Technology
    from verdex.demo import content
    from verdex.search import engine
    from verdex.search.backends import LONG_QUERY_TERMS
    from verdex.search.query import KEYWORD, SearchQuery, search_terms

    call_command("migrate", verbosity=0)
    synthetic = Technology.objects.filter(source=Source.PARTNER, external_id__startswith="synthetic-")
    if synthetic.count() < args.technologies:
        call_command("generate_demo", technologies=args.technologies - synthetic.count(), batch=5000)
    total = Technology.objects.published().count()
    load = os.getloadavg()[0]
    started = time.perf_counter()
    try:
        from verdex.search import keyword_index
        path = "tantivy"
        keyword_index.rebuild("technology", progress=False)
        keyword_index.searcher("technology")
    except ImportError:
        from verdex.search import term_index
        path = "FTS5 + term index"
        term_index.get_index()
    build_s = time.perf_counter() - started

    def ranking(text):
        query = engine.clean_query(SearchQuery(kind="technology", text=text, mode=KEYWORD, per_page=20))
        kind = engine.REGISTRY["technology"]
        match, _ = engine._match(kind, query, search_terms(query.text))
        return engine._page_of_listings(kind, match.ranked({}), query)[1]

    queries = bench_search.build_queries(content, random.Random(7), args.queries)
    for text in queries[:20]:
        ranking(text)  # warm the listing index and caches
    timings = {"short": [], "long": []}
    empty = 0
    for text in queries:
        runs = []
        for _ in range(args.rounds):
            t = time.perf_counter()
            page = ranking(text)
            runs.append((time.perf_counter() - t) * 1000)
        empty += not page
        timings["long" if len(search_terms(text)) > LONG_QUERY_TERMS else "short"].append(sorted(runs)[len(runs) // 2])
    every = timings["short"] + timings["long"]
    print(f"{path}: {total:,} published technologies, build {build_s:.1f} s, load avg {load:.2f} -> "
          f"{os.getloadavg()[0]:.2f}, {empty} of {len(queries)} queries with an empty first page")
    for label, values in (("all", every), ("short", timings["short"]), ("long", timings["long"])):
        print(f"  {label:5} {len(values):4} queries  p50 {percentile(values, 50):7.1f} ms  "
              f"p95 {percentile(values, 95):7.1f} ms")


if __name__ == "__main__":
    main()
