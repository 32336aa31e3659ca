"""`make eval` (public part): Verdex search on public labelled sets, imported as a partner would.

A scratch SQLite database gets an organisation (``manage.py create_organisation``)
and each corpus of eval/public/sets.py through ``manage.py import_listings``
(the bulk import path: dry-run checks, cut summaries, writes), then embeddings
for each model. Every query of the test part (a hash of its id, fixed before
tuning; ``--part tune`` scores the tuning part) runs through
``verdex.search.engine.search`` in each mode, next to two floors computed in
the same run over the same text: bare SQLite FTS5 bm25 (any term) and bare
dense ranking (numpy over the stored vectors). Writes eval/results/public.json
and the ``public`` section of docs/evaluation.md.

``--quick``: the default model only and at most 30 queries a set (about
8 minutes on 2 loaded cores, most of it the import's duplicate check);
``--models a,b`` limits the models; the full run embeds the corpora with
every packaged model. ``--reuse`` keeps the scratch database of an earlier
run (imports and embeddings), for tuning; the report is only comparable with
runs on the same code of the import path.
"""

import argparse
import datetime
import json
import os
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval.run_eval import setup_django, write_outputs  # noqa: E402 (needs ROOT on the path)

SCRATCH_DB = Path("/tmp/verdex_eval_public.sqlite3")
# What was imported and embedded into SCRATCH_DB, for --reuse.
PREPARED_FILE = SCRATCH_DB.with_suffix(".prepared.json")
RESULTS_FILE = ROOT / "eval" / "results" / "public.json"
START_MARK, END_MARK = "<!-- public:start -->", "<!-- public:end -->"
MODES = ("keyword", "semantic", "hybrid")
DEPTH = 50
ORGANISATION = "Public evaluation corpora"


def import_corpus(name, rows, slug):
    """Import ``rows`` with ``manage.py import_listings``; returns what the import report counted."""
    from django.core.management import call_command

    from eval.public.sets import write_import_file
    from verdex.imports.models import ImportJob

    folder = Path(tempfile.mkdtemp(prefix=f"verdex-eval-{name}-"))
    write_import_file(rows, folder / f"{name}.csv")
    (folder / "mapping.json").write_text(json.dumps({column: column for column in rows[0]}))
    started = time.monotonic()
    call_command("import_listings", str(folder / f"{name}.csv"), organisation=slug, file_format="csv",
                 mapping=folder / "mapping.json", verbosity=0)
    job = ImportJob.objects.latest("pk")
    warnings = sum(bool(entry.get("warnings")) for entry in job.report)
    return {"rows": len(rows), "created": job.created, "rejected": job.rejected,
            "summaries_cut": warnings, "seconds": round(time.monotonic() - started, 1)}


def stored_texts():
    """external id -> the text the keyword floor indexes (title, summary, description as imported)."""
    from django.utils.html import strip_tags

    from verdex.catalog.models import Technology

    return {external_id.split(":", 1)[1]: " ".join([title, summary, strip_tags(description)])
            for external_id, title, summary, description in
            Technology.objects.published().values_list("external_id", "title", "summary", "description")}


def bm25_floor(queries, texts):
    """Plain SQLite FTS5 bm25 over the same text, any query term matching."""
    database = sqlite3.connect(":memory:")
    database.execute("CREATE VIRTUAL TABLE listing USING fts5(external_id UNINDEXED, body)")
    database.executemany("INSERT INTO listing VALUES (?, ?)", texts.items())
    rankings = {}
    for query in queries:
        terms = re.findall(r"\w+", query["text"].lower())
        if not terms:
            rankings[query["id"]] = []
            continue
        expression = " OR ".join(f'"{term}"' for term in terms)
        rankings[query["id"]] = [row[0] for row in database.execute(
            "SELECT external_id FROM listing WHERE listing MATCH ? ORDER BY bm25(listing) LIMIT ?",
            (expression, DEPTH))]
    return rankings


def dense_floor(queries, model_name):
    """Numpy ranking over the stored vectors of ``model_name``, without the engine."""
    import numpy as np
    from django.contrib.contenttypes.models import ContentType

    from verdex.catalog.models import Technology
    from verdex.search.embeddings import get_embedder
    from verdex.search.models import Embedding

    external = dict(Technology.objects.published().values_list("pk", "external_id"))
    rows = Embedding.objects.filter(content_type=ContentType.objects.get_for_model(Technology),
                                    model_name=model_name).values_list("object_id", "vector")
    ids, vectors = zip(*((pk, np.frombuffer(vector, dtype=np.float32)) for pk, vector in rows if pk in external))
    matrix = np.stack(vectors)
    embedder = get_embedder(model_name)
    rankings = {}
    for query in queries:
        scores = matrix @ embedder.embed_query(query["text"])
        rankings[query["id"]] = [external[ids[i]].split(":", 1)[1] for i in np.argsort(-scores)[:DEPTH]]
    return rankings


def engine_rankings(queries, mode, model_name):
    from django.contrib.auth.models import AnonymousUser
    from django.test import override_settings

    from verdex.search.engine import search
    from verdex.search.query import SearchQuery

    rankings = {}
    with override_settings(SEARCH_EMBEDDING_MODEL=model_name):
        for query in queries:
            results = search(SearchQuery(kind="technology", text=query["text"], mode=mode, per_page=DEPTH),
                             user=AnonymousUser())
            rankings[query["id"]] = [item.external_id.split(":", 1)[1] for item in results.items]
    return rankings


def scores_by_language(queries, judged, rankings):
    from eval.metrics import mean, ndcg_at, recall_at

    def judgments(query):
        return judged[query.get("translation_of", query["id"])]

    by_language = {}
    for language in sorted({query["lang"] for query in queries}, key=lambda code: (code != "en", code)):
        chosen = [query for query in queries if query["lang"] == language]
        by_language[language] = {
            "queries": len(chosen),
            "ndcg@10": mean(ndcg_at(rankings[q["id"]], judgments(q), 10) for q in chosen),
            "recall@50": mean(recall_at(rankings[q["id"]], judgments(q), 50) for q in chosen),
        }
    return by_language


def load_translations(set_name):
    path = ROOT / "eval" / "public" / f"{set_name}_translations.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def title_queries():
    """Translated listing titles (eval/public/ipc_title_translations.jsonl), each judged by its own listing.

    Our own translations of 40 real IPC subgroup titles (the listings of the
    ``ipc`` corpus, chosen by a hash of their id among titles of six words or
    more) into zh, es, fr, ar and ru. The English titles themselves run beside
    them as the reference.
    """
    from eval.public.sets import ipc_set

    path = ROOT / "eval" / "public" / "ipc_title_translations.jsonl"
    if not path.exists():
        return [], {}
    translations = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    titles = {row["external_id"]: row["title"] for row in ipc_set()[0]}
    queries = [{"id": f"{listing}-en", "listing": listing, "lang": "en", "text": titles[listing]}
               for listing in dict.fromkeys(entry["listing"] for entry in translations)]
    queries += translations
    return queries, {query["id"]: {query["listing"].split(":", 1)[-1]: 1} for query in queries}


def top3_by_language(queries, judged, rankings):
    """Share of queries whose listing is among the first three results, per language."""
    shares = {}
    for language in sorted({query["lang"] for query in queries}, key=lambda code: (code != "en", code)):
        chosen = [query for query in queries if query["lang"] == language]
        hits = sum(bool(set(rankings[query["id"]][:3]) & set(judged[query["id"]])) for query in chosen)
        shares[language] = {"queries": len(chosen), "top3": hits / len(chosen)}
    return shares


def evaluate_titles(models):
    """Translated titles → their listing in the top 3, per mode and language."""
    queries, judged = title_queries()
    if not queries:
        return None
    runs = []
    for mode in MODES:
        for model in models[:1] if mode == "keyword" else models:
            runs.append({"mode": f"Verdex {mode}", "model": "-" if mode == "keyword" else model,
                         "shares": top3_by_language(queries, judged, engine_rankings(queries, mode, model))})
    return {"listings": len({query["listing"] for query in queries}), "runs": runs}


def evaluate(arguments):
    from django.core.management import call_command

    from eval.public.sets import ipc_set, part_of, sdg_set
    from verdex.organisations.models import Organisation
    from verdex.search.embeddings import MODELS, model_name

    models = [model_name()] if arguments.quick else list(MODELS)
    if arguments.models:
        models = [name for name in MODELS if name in arguments.models.split(",")]
    call_command("migrate", verbosity=0)
    sets = {"ipc": ipc_set(), "sdg": sdg_set()}
    report = {"part": arguments.part, "quick": arguments.quick, "models": models, "sets": {}}
    reused = json.loads(PREPARED_FILE.read_text()) if arguments.reuse else {"sets": {}, "embedding_seconds": {}}
    if not reused["sets"]:
        call_command("create_organisation", ORGANISATION, org_type="intermediary", country="CH",
                     admin_email="eval@example.org", partner=True, publishes_without_review=True)
        slug = Organisation.objects.get(name=ORGANISATION).slug
        for name, (rows, queries, judged) in sets.items():
            print(f"Importing the {name} corpus ({len(rows)} rows) through import_listings")
            reused["sets"][name] = {"import": import_corpus(name, rows, slug)}
    report["sets"] = {name: dict(prepared) for name, prepared in reused["sets"].items()}
    report["embedding_seconds"] = {}
    for model in models:
        if model not in reused["embedding_seconds"]:
            started = time.monotonic()
            call_command("rebuild_embeddings", model=model, kind=["technology"], verbosity=0)
            reused["embedding_seconds"][model] = round(time.monotonic() - started, 1)
            print(f"  embedded {sum(len(r) for r, _, _ in sets.values())} listings with {model} "
                  f"in {reused['embedding_seconds'][model]} s")
        report["embedding_seconds"][model] = reused["embedding_seconds"][model]
    PREPARED_FILE.write_text(json.dumps(reused))
    texts = stored_texts()
    for name, (rows, queries, judged) in sets.items():
        chosen = [query for query in queries if part_of(query["id"]) == arguments.part]
        if arguments.quick:
            chosen = chosen[:30]
        ids = {query["id"] for query in chosen}
        chosen += [query for query in load_translations(name) if query["translation_of"] in ids]
        runs = [{"mode": "floor: FTS5 bm25", "model": "-",
                 "scores": scores_by_language(chosen, judged, bm25_floor(chosen, texts))}]
        for model in models:
            runs.append({"mode": "floor: dense (numpy)", "model": model,
                         "scores": scores_by_language(chosen, judged, dense_floor(chosen, model))})
        for mode in MODES:
            for model in models[:1] if mode == "keyword" else models:
                started = time.monotonic()
                rankings = engine_rankings(chosen, mode, model)
                runs.append({"mode": f"Verdex {mode}", "model": "-" if mode == "keyword" else model,
                             "seconds": round(time.monotonic() - started, 1),
                             "scores": scores_by_language(chosen, judged, rankings)})
        report["sets"][name].update({"queries": len(chosen), "runs": runs,
                                     "relevant_per_query": round(sum(len(judged[q]) for q in ids) / len(ids), 1)})
        print(f"  scored {len(chosen)} {name} queries")
    report["titles"] = evaluate_titles(models)
    return report


def markdown(report):
    lines = [START_MARK,
             f"Generated by `eval/public_sets.py{' --quick' if report['quick'] else ''}` on {report['date']} "
             f"({report['machine']}, load average {report['load']}; {report['seconds']} s in all); "
             f"{report['part']} part of each set. "
             "nDCG@10 and R@50 with binary judgments from the sources.", ""]
    for name, result in report["sets"].items():
        imported = result["import"]
        english = result["runs"][0]["scores"]["en"]["queries"]
        lines += [f"#### {name}: {english} queries in English, {result['queries'] - english} translations of them, "
                  f"{result['relevant_per_query']} relevant per query",
                  "",
                  f"Imported with `import_listings`: {imported['rows']} rows, {imported['created']} created, "
                  f"{imported['rejected']} rejected, {imported['summaries_cut']} summaries cut to fit "
                  f"({imported['seconds']} s).", ""]
        languages = list(result["runs"][0]["scores"])
        lines.append("| Mode | Model | " + " | ".join(f"{lang} nDCG@10 | {lang} R@50" for lang in languages) + " |")
        lines.append("|" + "---|" * (2 + 2 * len(languages)))
        for run in result["runs"]:
            cells = []
            for lang in languages:
                scores = run["scores"][lang]
                cells += [f"{scores['ndcg@10']:.3f}", f"{scores['recall@50']:.3f}"]
            lines.append(f"| {run['mode']} | {run['model']} | " + " | ".join(cells) + " |")
        lines.append("")
    if report.get("titles"):
        titles = report["titles"]
        languages = list(titles["runs"][0]["shares"])
        lines += [f"#### Translated titles: {titles['listings']} IPC listings, their title in each language as the query",
                  "",
                  "Share of queries whose listing is among the first three results (target: ≥ 0.80 in each "
                  "language). The English row is the listing's own title.", "",
                  "| Mode | Model | " + " | ".join(languages) + " |",
                  "|" + "---|" * (2 + len(languages))]
        for run in titles["runs"]:
            lines.append(f"| {run['mode']} | {run['model']} | "
                         + " | ".join(f"{run['shares'][lang]['top3']:.2f}" for lang in languages) + " |")
        lines.append("")
    lines.append("Embedding the corpora (seconds, this machine): " + ", ".join(
        f"{model} {seconds}" for model, seconds in report["embedding_seconds"].items()))
    lines.append(END_MARK)
    return "\n".join(lines)


def main(argv):
    import platform

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="default model only, at most 30 queries a set")
    parser.add_argument("--part", choices=("test", "tune"), default="test")
    parser.add_argument("--models", help="comma-separated embedding models (default: every packaged one)")
    parser.add_argument("--reuse", action="store_true",
                        help="keep the scratch database of an earlier run (its imports and embeddings)")
    arguments = parser.parse_args(argv)
    arguments.reuse = arguments.reuse and SCRATCH_DB.exists() and PREPARED_FILE.exists()
    started = time.monotonic()
    if not arguments.reuse:
        PREPARED_FILE.unlink(missing_ok=True)
    setup_django(SCRATCH_DB, fresh=not arguments.reuse)
    report = evaluate(arguments)
    report.update(date=datetime.date.today().isoformat(), load=open("/proc/loadavg").read().split()[0],
                  machine=f"{platform.machine()}, {os.cpu_count()} CPUs",
                  seconds=round(time.monotonic() - started))
    write_outputs(report, RESULTS_FILE, markdown(report), (START_MARK, END_MARK))
    print(f"Wrote {RESULTS_FILE.relative_to(ROOT)} and docs/evaluation.md in {report['seconds']} s")


if __name__ == "__main__":
    main(sys.argv[1:])
