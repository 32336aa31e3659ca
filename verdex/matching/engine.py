"""Ranking suggested matches: the published listings of another kind that answer a listing.

Needs are matched with technologies and experts; technologies and experts
with needs. For a source listing, candidates are the union of two rankings
of published listings of the target kind:

1. nearest by the source's stored sentence vector (verdex.search.selectors),
   kept only above the embedding model's similarity floor;
2. keyword matches of the source's own text run as a long query (any key
   word, ranked by bm25, so listings sharing more and rarer words come first).

They are fused by reciprocal rank, as hybrid search does, and small bonuses
for structured fit (technology field, maturity, country) are added; each
bonus is worth a few places in one ranking, enough to order near-equals but
not to lift an unrelated listing. A source without a vector yet is matched
by keywords alone.
"""

from dataclasses import dataclass

from verdex.catalog.models import LISTING_MODELS
from verdex.search.embeddings import get_embedder, listing_text
from verdex.search.fusion import reciprocal_rank_fusion
from verdex.search.engine import REGISTRY
from verdex.search.query import clean_text, search_terms
from verdex.search.selectors import listing_vector, nearest_published

from . import explain

# Suggestions kept per listing and target kind.
TOP_N = 10
# How deep each ranking is read; deeper adds cost, rarely a better top ten.
CANDIDATE_DEPTH = 50
# Fused as hybrid search is (search.fusion.reciprocal_rank_fusion, RRF_K 60), so
# scores have the same scale. Near the top, one place in one ranking is worth about 1/(RRF_K+r)^2 ≈ 0.0002.
# The owner filed both listings under the same field: a human judgement, the strongest hint.
FIELD_EXACT_BONUS = 0.004
# Same top-level field only (e.g. both under "Adaptation to climate change"): a weak hint.
FIELD_ROOT_BONUS = 0.0015
# The technology is as mature as the need asks: it can be used on the timescale wanted.
MATURITY_BONUS = 0.002
# The offer reaches the need's country: no licensing or travel barrier to overcome first.
COUNTRY_BONUS = 0.003

PAIRS = {"need": ("technology", "expert"), "technology": ("need",), "expert": ("need",)}

# Related rows the reasons read, per kind.
_PREFETCH = {
    "need": ("fields__root", "country__groups"),
    "technology": ("fields__root", "benefits", "available_in", "available_regions"),
    "expert": ("fields__root", "countries_served"),
}
_SELECT = {"need": ("country",), "technology": (), "expert": ()}


@dataclass
class Suggestion:
    listing: object  # the suggested listing (of the target kind)
    score: float
    reasons: dict


def target_kinds(kind):
    return PAIRS[kind]


def with_related(queryset, kind):
    return queryset.select_related(*_SELECT[kind]).prefetch_related(*_PREFETCH[kind])


def semantic_candidates(vector, target_kind):
    """[(pk, cosine)] of the nearest published listings above the model's floor."""
    if vector is None:
        return []
    floor = get_embedder().floor
    nearest = nearest_published(model=LISTING_MODELS[target_kind], vector=vector, limit=CANDIDATE_DEPTH)
    return [(pk, score) for pk, score in nearest if score >= floor]


def keyword_candidates(text, target_kind):
    """Published listings of ``target_kind`` sharing key words with ``text``, best first."""
    kind = REGISTRY[target_kind]
    text = clean_text(text)
    terms = search_terms(text)
    if not terms:
        return []
    match = kind.backend.match(kind.base_queryset(), text, terms)
    return list(match.ranked_ids({})[:CANDIDATE_DEPTH])


def structured_bonus(reasons):
    bonus = 0.0
    fields = reasons.get("fields") or ()
    if any(field["match"] == "exact" for field in fields):
        bonus += FIELD_EXACT_BONUS
    elif fields:
        bonus += FIELD_ROOT_BONUS
    if reasons.get("maturity"):
        bonus += MATURITY_BONUS
    if reasons.get("country"):
        bonus += COUNTRY_BONUS
    return bonus


def _cosine(vector, other):
    if vector is None or other is None:
        return None
    return float(vector @ other)


def rank(source, target_kind, *, limit=TOP_N):
    """The best ``limit`` published listings of ``target_kind`` for ``source``, as Suggestions.

    ``source`` is any listing (its status is the caller's business); the
    reasons always read from the need's side, whichever side ``source`` is.
    """
    source_model = type(source)
    vector = listing_vector(model=source_model, pk=source.pk)
    source = with_related(source_model.objects.filter(pk=source.pk), source.kind).get()
    source_text = listing_text(source)

    semantic = semantic_candidates(vector, target_kind)
    keyword = keyword_candidates(source_text, target_kind)
    fused = reciprocal_rank_fusion([pk for pk, _ in semantic], keyword)
    if not fused:
        return []

    target_model = LISTING_MODELS[target_kind]
    targets = with_related(target_model.objects.published().filter(pk__in=list(fused)), target_kind).in_bulk()
    cosines = dict(semantic)
    texts = {pk: listing_text(target) for pk, target in targets.items()}
    phrase_sets = {pk: explain.phrases(text) for pk, text in texts.items()}
    source_phrases = explain.phrases(source_text)
    frequencies = explain.document_frequencies([source_phrases, *phrase_sets.values()])

    suggestions = []
    for pk, target in targets.items():
        similarity = cosines.get(pk)
        if similarity is None:
            similarity = _cosine(vector, listing_vector(model=target_model, pk=pk))
        if source.kind == "need":
            need, offer, need_phrases, offer_phrases = source, target, source_phrases, phrase_sets[pk]
        else:
            need, offer, need_phrases, offer_phrases = target, source, phrase_sets[pk], source_phrases
        reasons = explain.pair_reasons(
            need, offer, need_phrases=need_phrases, offer_phrases=offer_phrases,
            frequencies=frequencies, similarity=similarity,
        )
        suggestions.append(Suggestion(target, fused[pk] + structured_bonus(reasons), reasons))
    suggestions.sort(key=lambda suggestion: (-suggestion.score, suggestion.listing.pk))
    return suggestions[:limit]


def rank_for_text(text, target_kind, *, limit=TOP_N):
    """Primary keys of the best listings for a free text (a need paragraph), for evaluation.

    The same candidates and fusion as ``rank``, without the structured bonuses,
    which need a stored listing to compare with.
    """
    vector = get_embedder().embed_query(clean_text(text))
    semantic = semantic_candidates(vector, target_kind)
    fused = reciprocal_rank_fusion([pk for pk, _ in semantic], keyword_candidates(text, target_kind))
    return sorted(fused, key=lambda pk: (-fused[pk], pk))[:limit]
