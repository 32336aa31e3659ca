"""Choose keyword ranking's rule and title boost on the *tuning* part of the public sets.

    .venv/bin/python eval/tune_keyword.py       (after eval/public_sets.py has built its scratch database)

Short queries (long ones are any-term BM25 in every variant) are ranked by
tantivy over the scratch database's keyword index with each candidate rule:
``filter`` (a listing must hold minimum_should_match of the terms, any term
when none does; every-term listings first: the rule of decision 28), ``tiers``
(any term matches; listings holding every term first, then those holding the
minimum, then the rest, BM25 within each tier) and ``any`` (plain any-term
BM25), each with several title boosts. Prints nDCG@10 and R@50 per set, with
the plain FTS5 bm25 floor of eval/public_sets.py beside them.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval.public_sets import SCRATCH_DB, bm25_floor, stored_texts  # noqa: E402
from eval.run_eval import setup_django  # noqa: E402

BOOSTS = (0.5, 1.0, 2.0, 3.0)
RULES = ("filter", "tiers", "any")


def filtered_query(tokens, minimum):
    """Decision 28 as first written: at least ``minimum`` of the tokens; those holding all first."""
    import tantivy

    from verdex.search import keyword_index as k

    enough = tantivy.Query.boolean_query([(tantivy.Occur.Should, k._term_clause(t)) for t in tokens], minimum)
    every = tantivy.Query.boolean_query([(tantivy.Occur.Must, k._term_clause(t)) for t in tokens])
    return tantivy.Query.boolean_query([
        (tantivy.Occur.Must, enough),
        (tantivy.Occur.Should, tantivy.Query.const_score_query(every, k.ALL_TERMS_TIER)),
    ])


def ranking(rule, text, external):
    """Top 50 external ids of ``text`` under ``rule``; long queries are any-term BM25 under every rule."""
    from verdex.search import keyword_index as k
    from verdex.search.backends import key_terms
    from verdex.search.query import minimum_should_match, search_terms

    terms, long_query = key_terms(search_terms(text))
    tokens = k.tokens(terms)
    if not tokens:
        return []
    searcher = k.searcher("technology")
    minimum = minimum_should_match(len(tokens))
    if rule == "tiers" or long_query:  # the product's rule (keyword_index.search)
        ids, _ = k.search("technology", terms, long_query=long_query, limit=50)
    elif rule == "filter" and minimum > 1:
        ids, _ = k._hits(searcher, filtered_query(tokens, minimum), 50)
        if not len(ids):  # nothing holds enough: any term
            ids, _ = k._hits(searcher, k.query_of(tokens, 1), 50)
    else:
        ids, _ = k._hits(searcher, k.query_of(tokens, 1), 50)
    return [external[int(pk)].split(":", 1)[1] for pk in ids]


def main():
    setup_django(SCRATCH_DB, fresh=False)  # a second call (after --one-field) changes nothing
    from eval.metrics import mean, ndcg_at, recall_at
    from eval.public.sets import ipc_set, part_of, sdg_set
    from verdex.catalog.models import Technology
    from verdex.search import keyword_index

    external = dict(Technology.objects.published().values_list("pk", "external_id"))
    texts = stored_texts()
    sets = {}
    for name, (_, queries, judged) in {"ipc": ipc_set(), "sdg": sdg_set()}.items():
        chosen = [query for query in queries if part_of(query["id"]) == "tune"]
        sets[name] = (chosen, judged)
    print("| rule | title boost | " + " | ".join(f"{name} nDCG@10 | {name} R@50" for name in sets) + " |")
    print("|" + "---|" * (2 + 2 * len(sets)))
    for name, (chosen, judged) in sets.items():
        floors = bm25_floor(chosen, texts)
        sets[name] = (chosen, judged, floors)
    cells = []
    for name, (chosen, judged, floors) in sets.items():
        cells += [f"{mean(ndcg_at(floors[q['id']], judged[q['id']], 10) for q in chosen):.3f}",
                  f"{mean(recall_at(floors[q['id']], judged[q['id']], 50) for q in chosen):.3f}"]
    print("| floor: FTS5 bm25 | - | " + " | ".join(cells) + " |")
    for rule in RULES:
        for boost in BOOSTS:
            keyword_index.TITLE_BOOST = boost
            cells = []
            for name, (chosen, judged, _) in sets.items():
                rankings = {q["id"]: ranking(rule, q["text"], external) for q in chosen}
                cells += [f"{mean(ndcg_at(rankings[q['id']], judged[q['id']], 10) for q in chosen):.3f}",
                          f"{mean(recall_at(rankings[q['id']], judged[q['id']], 50) for q in chosen):.3f}"]
            print(f"| {rule} | {boost:g} | " + " | ".join(cells) + " |", flush=True)




def one_field_experiment():
    """The same rules over an index whose body also holds the title (as the FTS5 floor's one column)."""
    import tempfile

    from django.conf import settings

    from verdex.catalog.models import Technology
    from verdex.search import keyword_index as k

    original = k.document_of

    def with_title_in_body(listing):
        document = original(listing)
        return k.ListingDocument(id=document.id, title=document.title, body=f"{document.title}\n{document.body}")

    k.document_of = with_title_in_body
    settings.SEARCH_INDEX_DIR = tempfile.mkdtemp(prefix="verdex-tune-")
    k.forget()
    k.rebuild("technology", progress=False)
    print(f"index with the title in the body too ({Technology.objects.published().count()} listings):")


if __name__ == "__main__":
    if "--one-field" in sys.argv:
        setup_django(SCRATCH_DB, fresh=False)
        one_field_experiment()
    main()
