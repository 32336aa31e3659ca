"""Graded relevance judgments for the retrieval set, derived from the demo content's structure.

``queries.jsonl`` holds each query and what it is about, by technology title
(titles are unique in the demo). The grades follow fixed rules, so no system's
ranking can leak into them:

* grade 2: the titles in ``about``, and every variant of the concepts named in
  ``about_concepts`` (a concept is one kind of technology; its variants are
  listings by different owners);
* grade 1: the other variants of a grade-2 listing's concept, the titles in
  ``related`` and every variant of the concepts named in ``related_concepts``
  (judged by reading the texts: a reasonable answer to the same need);
* a translated query (``translation_of``) has exactly its source's judgments.

Only published variants are judged: drafts and rejected listings are never
searchable. ``python -m eval.retrieval.judgments`` rewrites judgments.jsonl.
"""

import json
from pathlib import Path

HERE = Path(__file__).parent
QUERIES_FILE = HERE / "queries.jsonl"
JUDGMENTS_FILE = HERE / "judgments.jsonl"


def load_queries(path=QUERIES_FILE):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def concept_index():
    """title -> (concept number, published?) and concept number -> published titles."""
    from verdex.demo.content import TECHNOLOGY_CONCEPTS

    concept_of, published = {}, {}
    for number, concept in enumerate(TECHNOLOGY_CONCEPTS):
        published[number] = []
        for variant in concept.variants:
            if variant.title in concept_of:
                raise ValueError(f"Demo title is not unique: {variant.title!r}")
            concept_of[variant.title] = number
            if variant.status == "published":
                published[number].append(variant.title)
    return concept_of, published


def build_judgments(queries, concept_of, published):
    """query id -> {title: grade}; raises ValueError naming any unknown or unpublished title."""
    judged = {}
    for query in queries:
        if "translation_of" in query:
            continue
        grades = {}

        def grade(titles, value):
            for title in titles:
                grades[title] = max(grades.get(title, 0), value)

        def published_variants(title):
            if title not in concept_of:
                raise ValueError(f"{query['id']}: no demo technology titled {title!r}")
            return published[concept_of[title]]

        for title in query["about"] + query["related"]:
            if title not in published_variants(title):
                raise ValueError(f"{query['id']}: {title!r} is not a published demo technology")
        grade(query["about"], 2)
        for title in query["about_concepts"]:
            grade(published_variants(title), 2)
        for title in [t for t, g in grades.items() if g == 2]:
            grade(published_variants(title), 1)
        grade(query["related"], 1)
        for title in query["related_concepts"]:
            grade(published_variants(title), 1)
        judged[query["id"]] = grades
    for query in queries:
        if "translation_of" in query:
            judged[query["id"]] = dict(judged[query["translation_of"]])
    return judged


def load_judgments(path=JUDGMENTS_FILE):
    judged = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                judged.setdefault(row["query"], {})[row["title"]] = row["grade"]
    return judged


def write_judgments(judged, path=JUDGMENTS_FILE):
    with open(path, "w", encoding="utf-8") as out:
        for query_id, grades in judged.items():
            for title, value in sorted(grades.items(), key=lambda item: (-item[1], item[0])):
                out.write(json.dumps({"query": query_id, "title": title, "grade": value},
                                     ensure_ascii=False) + "\n")


if __name__ == "__main__":
    queries = load_queries()
    judged = build_judgments(queries, *concept_index())
    write_judgments(judged)
    print(f"Wrote {sum(len(g) for g in judged.values())} judgments for {len(judged)} queries "
          f"to {JUDGMENTS_FILE}")
