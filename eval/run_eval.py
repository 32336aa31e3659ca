"""`make eval`: retrieval and auto-classification scores of Verdex, written to docs/evaluation.md.

Builds a scratch SQLite database with the demo data, embeds it with every
packaged model, runs each labelled query (eval/retrieval) through
``verdex.search.engine.search`` in every mode, scores the SDG classifier on
the held-out benchmark split and the field suggestions on the demo
technologies, then writes eval/results/latest.json and the results section of
docs/evaluation.md (between the ``results`` markers).
"""

import dataclasses
import datetime
import json
import os
import shutil
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRATCH_DB = Path("/tmp/verdex_eval.sqlite3")
RESULTS_FILE = ROOT / "eval" / "results" / "latest.json"
DOC_FILE = ROOT / "docs" / "evaluation.md"
START_MARK, END_MARK = "<!-- results:start -->", "<!-- results:end -->"
MODES = ("keyword", "semantic", "hybrid")
GROUPS = ("short", "paragraph", "crosslingual")
LANGUAGES = ("zh", "es", "fr", "ar", "ru")
PER_PAGE = 50


def setup_django(database=SCRATCH_DB, fresh=True):
    """Django on a scratch SQLite database at ``database``: a fresh one (removed first with its
    WAL files) unless ``fresh`` is false."""
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    # The keyword index belongs to this database (built from it on the first query), not to var/.
    index_dir = Path(f"{database}.search-index")
    os.environ["SEARCH_INDEX_DIR"] = str(index_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verdex.settings")
    sys.path.insert(0, str(ROOT))
    if fresh:
        for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
            path.unlink(missing_ok=True)
        shutil.rmtree(index_dir, ignore_errors=True)
    import django

    django.setup()


def build_database(models):
    from django.core.management import call_command, get_commands

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    if "rebuild_embeddings" not in get_commands():
        return False
    for name in models:
        started = time.monotonic()
        call_command("rebuild_embeddings", model=name, kind=["technology"], verbosity=0)
        print(f"  embedded the demo technologies with {name} in {time.monotonic() - started:.0f} s")
    return True


def embedding_models():
    try:
        from verdex.search.embeddings import MODELS
    except ImportError:
        return []
    return list(MODELS)


def supported_modes():
    from verdex.search.query import SearchQuery

    if "mode" not in {field.name for field in dataclasses.fields(SearchQuery)}:
        return ("keyword",)
    return MODES


def engine_rankings(queries, mode, model_name):
    """query id -> titles best first (first 50), and how often the engine ran another mode."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import override_settings

    from verdex.search.engine import search
    from verdex.search.query import SearchQuery

    rankings, fallbacks, seconds = {}, 0, []
    settings = {"SEARCH_EMBEDDING_MODEL": model_name} if model_name else {}
    with override_settings(**settings):
        for query in queries:
            arguments = {"kind": "technology", "text": query["text"], "per_page": PER_PAGE}
            if len(supported_modes()) > 1:
                arguments["mode"] = mode
            started = time.perf_counter()
            results = search(SearchQuery(**arguments), user=AnonymousUser())
            seconds.append(time.perf_counter() - started)
            rankings[query["id"]] = [item.title for item in results.items]
            if getattr(results, "mode_used", mode) != mode:
                fallbacks += 1
    return rankings, fallbacks, seconds


def dense_rankings(queries, model_name):
    """Plain numpy retrieval over the stored vectors, without the engine: the dense floor."""
    import numpy as np
    from django.contrib.contenttypes.models import ContentType

    from verdex.catalog.models import Technology
    from verdex.search.embeddings import get_embedder
    from verdex.search.models import Embedding

    titles = dict(Technology.objects.published().values_list("pk", "title"))
    rows = Embedding.objects.filter(
        content_type=ContentType.objects.get_for_model(Technology), model_name=model_name,
        object_id__in=list(titles),
    ).values_list("object_id", "vector")
    ids, vectors = zip(*((pk, np.frombuffer(vector, dtype=np.float32)) for pk, vector in rows))
    matrix = np.stack(vectors)
    embedder = get_embedder(model_name)
    rankings = {}
    for query in queries:
        scores = matrix @ embedder.embed_query(query["text"])
        rankings[query["id"]] = [titles[ids[i]] for i in np.argsort(-scores)[:PER_PAGE]]
    return rankings


def matching_rankings(queries, model_name):
    """Suggested-match ranking of each query text, as the matching engine ranks a need's technologies."""
    from django.test import override_settings

    from verdex.catalog.models import Technology
    from verdex.matching.engine import rank_for_text

    titles = dict(Technology.objects.published().values_list("pk", "title"))
    with override_settings(SEARCH_EMBEDDING_MODEL=model_name):
        return {query["id"]: [titles[pk] for pk in rank_for_text(query["text"], "technology", limit=PER_PAGE)]
                for query in queries}


def score_rankings(queries, judged, rankings):
    from eval.metrics import mean, ndcg_at, recall_at, reciprocal_rank

    def summary(selected):
        return {
            "queries": len(selected),
            "ndcg@10": mean(ndcg_at(rankings[q["id"]], judged[q["id"]], 10) for q in selected),
            "recall@50": mean(recall_at(rankings[q["id"]], judged[q["id"]], 50) for q in selected),
            "mrr": mean(reciprocal_rank(rankings[q["id"]], judged[q["id"]]) for q in selected),
        }

    scores = {"all": summary(queries)}
    for group in GROUPS:
        scores[group] = summary([q for q in queries if q["group"] == group])
    for language in LANGUAGES:
        scores[f"crosslingual-{language}"] = summary(
            [q for q in queries if q["group"] == "crosslingual" and q["lang"] == language])
    # The English originals of the translated queries, for a like-for-like comparison.
    sources = {q["translation_of"] for q in queries if "translation_of" in q}
    scores["english-originals"] = summary([q for q in queries if q["id"] in sources])
    return scores


def evaluate_retrieval(models, embedded):
    from eval.retrieval.judgments import build_judgments, concept_index, load_judgments, load_queries

    queries = load_queries()
    judged = load_judgments()
    if judged != build_judgments(queries, *concept_index()):
        raise SystemExit("eval/retrieval/judgments.jsonl is out of date with queries.jsonl or the "
                         "demo content; run `.venv/bin/python -m eval.retrieval.judgments`.")
    modes = supported_modes()
    runs = []
    for mode in MODES:
        for model_name in ([None] if mode == "keyword" else models):
            label = {"mode": mode, "model": model_name or "-"}
            if mode not in modes or (mode != "keyword" and not embedded):
                runs.append({**label, "available": False})
                continue
            started = time.monotonic()
            rankings, fallbacks, seconds = engine_rankings(queries, mode, model_name)
            print(f"  {mode:8} {model_name or '':22} {time.monotonic() - started:6.1f} s")
            runs.append({**label, "available": True, "fell_back_to_keyword": fallbacks,
                         "median_query_ms": 1000 * sorted(seconds)[len(seconds) // 2],
                         "scores": score_rankings(queries, judged, rankings)})
    if embedded:
        for model_name in models:
            rankings = dense_rankings(queries, model_name)
            runs.append({"mode": "dense (numpy, no engine)", "model": model_name, "available": True,
                         "scores": score_rankings(queries, judged, rankings)})
        for model_name in models:
            rankings = matching_rankings(queries, model_name)
            runs.append({"mode": "matching (suggested matches)", "model": model_name, "available": True,
                         "scores": score_rankings(queries, judged, rankings)})
    counts = {group: sum(q["group"] == group for q in queries) for group in GROUPS}
    return {"queries": len(queries), "judgments": sum(len(g) for g in judged.values()),
            "query_counts": counts, "runs": runs}


def evaluate_sdgs():
    import numpy as np

    from eval.metrics import f1_score, mean, roc_auc
    from eval.sdg.tune import benchmark_split
    from verdex.matching.classify import sdg_parameters, sdg_scores

    model_name, thresholds = sdg_parameters()
    rows = benchmark_split("test")
    scores = sdg_scores(list(rows["text"]), model_name=model_name)
    labels = rows["label"].to_numpy()
    per_goal = {}
    for goal in range(1, 18):
        mask = (rows["sdg"] == goal).to_numpy()
        goal_scores, truth = scores[mask, goal - 1], labels[mask]
        per_goal[goal] = {
            "rows": int(mask.sum()), "positives": int(truth.sum()),
            "f1": f1_score(truth, goal_scores >= thresholds[goal]),
            "auc": roc_auc(truth, goal_scores),
        }
    goal_of_row = rows["sdg"].to_numpy() - 1
    row_scores = scores[np.arange(len(rows)), goal_of_row]
    row_thresholds = np.array([thresholds[goal + 1] for goal in goal_of_row])
    return {
        "model": model_name, "test_rows": len(rows), "per_goal": per_goal,
        "macro_f1": mean(goal["f1"] for goal in per_goal.values()),
        "macro_auc": mean(goal["auc"] for goal in per_goal.values()),
        "pooled_f1": f1_score(labels, row_scores >= row_thresholds),
        "pooled_auc": roc_auc(labels, row_scores),
    }


def evaluate_fields(models):
    from django.test import override_settings

    from eval.metrics import mean
    from verdex.catalog.models import Technology
    from verdex.matching import classify
    from verdex.search.embeddings import listing_text

    technologies = list(Technology.objects.published().prefetch_related("benefits", "fields"))
    results = {}
    for model_name in models:
        with override_settings(SEARCH_EMBEDDING_MODEL=model_name):
            hits = {"cpc": [], "gi": []}
            recalls = []
            for technology in technologies:
                assigned = {field.code: field.scheme for field in technology.fields.all() if field.depth > 0}
                suggested = {field.code for field, _score in classify.suggest_fields(listing_text(technology))}
                for scheme in hits:
                    codes = {code for code, field_scheme in assigned.items() if field_scheme == scheme}
                    if codes:
                        hits[scheme].append(bool(codes & suggested))
                if assigned:
                    recalls.append(len(set(assigned) & suggested) / len(assigned))
        results[model_name] = {
            "technologies": len(technologies),
            "cpc_hit@3": mean(hits["cpc"]), "gi_hit@3": mean(hits["gi"]),
            "recall_of_assigned@3+3": mean(recalls),
        }
    return results


def commit_hash():
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True,
                               text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit} (uncommitted changes)" if dirty else commit


def number(value):
    return "–" if value != value else f"{value:.3f}"  # NaN -> dash


def retrieval_table(runs, column_groups):
    header = "| Mode | Model | " + " | ".join(
        f"{title} nDCG@10 | {title} R@50 | {title} MRR" for title, _key in column_groups) + " |"
    lines = [header, "|" + "---|" * (2 + 3 * len(column_groups))]
    for run in runs:
        if not run["available"]:
            lines.append(f"| {run['mode']} | {run['model']} | " + " | ".join(
                ["not available"] + [""] * (3 * len(column_groups) - 1)) + " |")
            continue
        cells = []
        for _title, key in column_groups:
            scores = run["scores"][key]
            cells += [number(scores["ndcg@10"]), number(scores["recall@50"]), number(scores["mrr"])]
        lines.append(f"| {run['mode']} | {run['model']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def markdown(report):
    retrieval, sdgs, fields = report["retrieval"], report["sdg"], report["fields"]
    counts = retrieval["query_counts"]
    engine_runs = [run for run in retrieval["runs"] if run["available"] and "median_query_ms" in run]
    lines = [
        START_MARK,
        f"Generated by `make eval` on {report['date']} at commit {report['commit']} "
        f"({report['machine']}). Raw numbers: `eval/results/latest.json`.",
        "",
        "### Retrieval over the demo technologies",
        "",
        f"{retrieval['queries']} queries ({counts['short']} short, {counts['paragraph']} paragraphs, "
        f"{counts['crosslingual']} cross-lingual), {retrieval['judgments']} graded judgments. "
        "nDCG@10 uses gains 2^grade − 1; R@50 is the share of relevant (grade ≥ 1) listings in the "
        "first 50 results; MRR is 1/rank of the first grade-2 listing (0 if not in the first 50).",
        "",
        retrieval_table(retrieval["runs"], [("All", "all"), ("Short", "short"),
                                            ("Paragraph", "paragraph"), ("Cross-lingual", "crosslingual")]),
        "",
        "Cross-lingual queries by language, next to their English originals:",
        "",
        retrieval_table([run for run in retrieval["runs"] if run["available"]],
                        [("English originals", "english-originals")]
                        + [(language, f"crosslingual-{language}") for language in LANGUAGES]),
        "",
        "Engine runs that fell back to keyword (no vectors) and median time per query "
        "(50 results with facet counts, scratch SQLite, this machine):",
        "",
        "| Mode | Model | Fell back | Median ms |",
        "|---|---|---|---|",
        *[f"| {run['mode']} | {run['model']} | {run['fell_back_to_keyword']} | "
          f"{run['median_query_ms']:.0f} |" for run in engine_runs],
        "",
        f"### SDG suggestions on the held-out benchmark split ({sdgs['test_rows']} rows, model {sdgs['model']})",
        "",
        f"Macro-F1 **{sdgs['macro_f1']:.3f}**, macro ROC AUC **{sdgs['macro_auc']:.3f}** "
        f"(mean over the 17 goals, each on its own rows); pooled over all rows: F1 "
        f"{sdgs['pooled_f1']:.3f}, ROC AUC {sdgs['pooled_auc']:.3f}.",
        "",
        "| SDG | Rows | Relevant | F1 | ROC AUC |",
        "|---|---|---|---|---|",
        *[f"| {goal} | {row['rows']} | {row['positives']} | {row['f1']:.3f} | {row['auc']:.3f} |"
          for goal, row in sdgs["per_goal"].items()],
        "",
        "### Technology-field suggestions on the demo technologies",
        "",
        "Share of technologies with at least one of their own sub-fields among the 3 suggested per "
        "scheme, and share of all their sub-fields found among the 6 suggestions:",
        "",
        "| Model | Technologies | CPC hit@3 | Green Inventory hit@3 | Recall of assigned fields |",
        "|---|---|---|---|---|",
        *[f"| {name} | {row['technologies']} | {row['cpc_hit@3']:.3f} | {row['gi_hit@3']:.3f} | "
          f"{row['recall_of_assigned@3+3']:.3f} |" for name, row in fields.items()],
        END_MARK,
    ]
    return "\n".join(lines)


def write_outputs(report, results_file=RESULTS_FILE, section=None, marks=(START_MARK, END_MARK)):
    """The raw report as JSON, and ``section`` (markdown between ``marks``) into docs/evaluation.md."""
    start, end = marks
    results_file.parent.mkdir(parents=True, exist_ok=True)
    results_file.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    document = DOC_FILE.read_text() if DOC_FILE.exists() else "# Evaluation\n"
    if start not in document:
        document += f"\n{start}\n{end}\n"
    before, _, rest = document.partition(start)
    _, _, after = rest.partition(end)
    DOC_FILE.write_text(before + (section or markdown(report)) + after)


def main(argv):
    """``--models a,b`` limits the run to some embedding models (a quicker check)."""
    started = time.monotonic()
    setup_django()
    models = embedding_models()
    if argv[:1] == ["--models"] and len(argv) > 1:
        models = [name for name in models if name in argv[1].split(",")]
    print(f"Building {SCRATCH_DB} (migrate, load_demo, embeddings for {', '.join(models) or 'no model'})")
    embedded = build_database(models)
    print("Retrieval")
    retrieval = evaluate_retrieval(models, embedded)
    print("SDG classifier on the held-out split")
    sdgs = evaluate_sdgs()
    print("Field suggestions")
    fields = evaluate_fields(models)
    report = {
        "date": datetime.date.today().isoformat(),
        "commit": commit_hash(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "retrieval": retrieval, "sdg": sdgs, "fields": fields,
    }
    write_outputs(report)
    print(f"Wrote {RESULTS_FILE.relative_to(ROOT)} and {DOC_FILE.relative_to(ROOT)} "
          f"in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
