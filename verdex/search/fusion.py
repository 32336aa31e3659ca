"""How hybrid search fuses its keyword and semantic rankings (and suggested matches theirs).

Reciprocal rank fusion: a listing scores ``weight / (RRF_K + rank)`` in each
ranking it appears in. Semantic ranking always weighs 1. The keyword ranking
weighs ``keyword_weight(coverage)``: KEYWORD_WEIGHT times the share of the
query that the keyword index knows at all (``keyword_coverage``), raised to
COVERAGE_POWER. A query in a language the catalogue is not written in
(Chinese over English listings) shares no word with it, so its keyword list
is noise from the odd shared token and should count for nothing; a query the
index knows word for word counts in full. Nothing here knows which languages
exist: a catalogue with Spanish listings gives Spanish queries their keyword
weight back. The constants are chosen on the tuning part of the public
evaluation sets (eval/tune_fusion.py, decision 29).
"""

import math

from . import keyword_index, pg_keyword
from .query import STOP_WORDS

RRF_K = 60
# How deep the keyword ranking is fused; keyword matches below it follow in keyword order.
KEYWORD_FUSION_DEPTH = 1000
KEYWORD_WEIGHT = 1.5
COVERAGE_POWER = 2


def reciprocal_rank_fusion(*rankings, weights=None):
    """{pk: sum over ``rankings`` of weight / (RRF_K + rank)}, rankings of primary keys best first."""
    scores = {}
    for ranking, weight in zip(rankings, weights or (1.0,) * len(rankings)):
        for rank, pk in enumerate(ranking, start=1):
            scores[pk] = scores.get(pk, 0.0) + weight / (RRF_K + rank)
    return scores


def keyword_weight(coverage):
    """The keyword ranking's weight for a query whose words the index knows to ``coverage`` (0..1)."""
    return KEYWORD_WEIGHT * coverage ** COVERAGE_POWER


def keyword_coverage(model, terms):
    """How much of the query the keyword index of ``model`` knows: 0 (no word) to 1 (every word).

    Each word counts by its rarity (inverse document frequency; a word no
    listing holds counts as the rarest), so a stray "co2" or "de" shared with
    a foreign query adds little. Common English words are left out.
    """
    words = [term for term in terms if term.lower() not in STOP_WORDS] or list(terms)
    if keyword_index.in_use():
        frequencies, total = keyword_index.document_frequencies(model.kind, words)
    else:
        frequencies, total = pg_keyword.document_frequencies(model, words)
    if not frequencies:
        return 0.0
    weights = [math.log(1 + total / (frequency + 1)) for frequency in frequencies]
    known = sum(weight for weight, frequency in zip(weights, frequencies) if frequency)
    return known / sum(weights) if sum(weights) else 0.0


def fuse(keyword_ranked, semantic_ids, keyword_weight_):
    """The fused order of both rankings: every listing of either, best fused score first.

    Ties go to the better keyword rank, then the lower id. Keyword matches
    deeper than KEYWORD_FUSION_DEPTH follow in keyword order, less those the
    semantic ranking already placed.
    """
    keyword_ids = keyword_ranked[:KEYWORD_FUSION_DEPTH]
    scores = reciprocal_rank_fusion(keyword_ids, semantic_ids, weights=(keyword_weight_, 1.0))
    keyword_rank = {pk: rank for rank, pk in enumerate(keyword_ids)}
    fused = sorted(scores, key=lambda pk: (-scores[pk], keyword_rank.get(pk, len(keyword_ids)), pk))
    placed = set(semantic_ids)
    return fused + [pk for pk in keyword_ranked[KEYWORD_FUSION_DEPTH:] if pk not in placed]
