"""The labelled retrieval set of `make eval` stays consistent with the demo content."""

from collections import Counter

from eval.retrieval.judgments import build_judgments, concept_index, load_judgments, load_queries


def test_judgments_file_matches_the_queries_and_the_demo_content():
    queries = load_queries()
    # Raises, naming the query, if a judged title was renamed or unpublished in the demo.
    expected = build_judgments(queries, *concept_index())
    assert load_judgments() == expected


def test_the_set_has_the_promised_size_and_languages():
    queries = load_queries()
    groups = Counter(query["group"] for query in queries)
    assert groups["short"] >= 40 and groups["paragraph"] >= 30 and groups["crosslingual"] >= 30
    languages = Counter(query["lang"] for query in queries if query["group"] == "crosslingual")
    assert all(languages[language] >= 5 for language in ("zh", "es", "fr", "ar", "ru"))
    assert len({query["id"] for query in queries}) == len(queries)


def test_paragraph_queries_are_need_length_and_every_query_has_a_target():
    queries = load_queries()
    judged = build_judgments(queries, *concept_index())
    for query in queries:
        if query["group"] == "paragraph":
            assert 60 <= len(query["text"].split()) <= 200, query["id"]
        assert 2 in judged[query["id"]].values(), query["id"]
