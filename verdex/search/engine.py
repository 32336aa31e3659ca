"""The one entry point for finding listings and organisations: ``search()``.

Browse pages, the home page and later the API call ``search(query, user)``
and get a ``SearchResults``; how text is matched is the backend's business.
Only published listings are ever searched. Organisations have no review
lifecycle, so all of them are searchable.

Listings are matched in one of three modes (``SearchQuery.mode``): keyword
(full-text, bm25), semantic (sentence embeddings, cosine similarity) or
hybrid (both, fused by reciprocal rank; the default). Semantic and hybrid
fall back to keyword while no listing of the kind has a vector, and say so
in ``SearchResults.mode_used``. Organisations are always matched by substring.

Facet counts are disjunctive: the counts of one facet are taken over the
matched set filtered by every *other* facet's selection, so ticking "Kenya"
still shows how many rows "Tanzania" would add. Filters apply inside every
mode before any cut-off (see backends.py).
"""

from dataclasses import dataclass, field, replace

from django.core.paginator import Paginator
from django.db.models import Q

from verdex.catalog.models import Expert, Need, Source, Technology, TRLGroup
from verdex.organisations.models import Organisation
from verdex.taxonomy.models import SDG, Arrangement, Country, Language, Region, TechnologyField

from . import listing_index, vector_store
from .backends import (
    AllRows,
    HybridBackend,
    KeywordBackend,
    RankedIds,
    SemanticBackend,
    SubstringBackend,
)
from .embeddings import get_embedder
from .facets import BooleanFacet, ChoiceFacet, FacetFilter, ModelFacet
from .query import (
    DEFAULT_MODE,
    DEFAULT_PER_PAGE,
    KEYWORD,
    MAX_PER_PAGE,
    MODE_LABELS,
    NAME,
    SEMANTIC,
    NEWEST,
    RELEVANCE,
    SORT_LABELS,
    UPDATED,
    SearchResults,
    clean_text,
    positive_int,
    search_terms,
)


def _field_facet():
    """Top-level technology fields; choosing one includes its sub-fields."""
    return ModelFacet(
        "field", "Technology field", "fields__root__code", many=True,
        model=TechnologyField, key="code", reference=Q(depth=0),
    )


def _country_facet(path, label="Country"):
    return ModelFacet("country", label, path, model=Country, key="code")


def _region_facet(country_path):
    """The UN region of the listing's country."""
    return ModelFacet(
        "region", "Region", f"{country_path}__region__code", model=Region, key="code",
        reference=Q(kind=Region.Kind.REGION),
    )


def _sdg_facet():
    return ModelFacet(
        "sdg", "Sustainable Development Goal", "sdgs__number", many=True, model=SDG,
        key="number", by_key=True, label_template="SDG {key}: {name}",
    )


def _org_type_facet(path):
    return ChoiceFacet("org_type", "Organisation type", path, Organisation.Type.choices)


def _source_facet():
    return ChoiceFacet("source", "Source", "source", Source.choices)


def _confirmed_facet():
    # The stored flag (catalog.services.mark_stale_listings), not a date computed per search:
    # the listing index holds each facet's database value (decision 17).
    return BooleanFacet(
        "confirmed", "Confirmed by its owner", "confirmed_current",
        yes_label="Confirmed in the last year", no_label="Not confirmed for over a year",
    )


LISTING_SORTS = {
    RELEVANCE: None,  # the backend's own order
    NEWEST: ("-published_at", "-pk"),
    UPDATED: ("-updated_at", "-pk"),
}


@dataclass(frozen=True)
class Kind:
    model: type
    facets: tuple
    backend: object
    sorts: dict = field(default_factory=lambda: dict(LISTING_SORTS))
    select_related: tuple = ()
    prefetch_related: tuple = ()
    published_only: bool = True  # organisations have no review lifecycle
    semantic: bool = True  # listings have vectors; organisations do not

    def base_queryset(self):
        if self.published_only:
            return self.model.objects.published()
        return self.model.objects.all()

    def facet(self, name):
        return next((facet for facet in self.facets if facet.name == name), None)


REGISTRY = {
    "technology": Kind(
        model=Technology,
        backend=KeywordBackend(),
        facets=(
            _field_facet(),
            _country_facet("developed_in", "Developed in"),
            _region_facet("developed_in"),
            ChoiceFacet("trl", "Maturity", "trl_group", TRLGroup.choices),
            ModelFacet(
                "availability", "Available for", "availability__slug", many=True,
                model=Arrangement, key="slug",
            ),
            ChoiceFacet("ip", "IP status", "ip_status", Technology.IPStatus.choices),
            ChoiceFacet("record_type", "Type of record", "record_type", Technology.RecordType.choices),
            _source_facet(),
            _org_type_facet("organisation__org_type"),
            _sdg_facet(),
            _confirmed_facet(),
        ),
        select_related=("organisation", "developed_in"),
        prefetch_related=("fields",),
    ),
    "need": Kind(
        model=Need,
        backend=KeywordBackend(),
        facets=(
            _field_facet(),
            _country_facet("country"),
            _region_facet("country"),
            ChoiceFacet("trl", "Desired maturity", "desired_trl_group", TRLGroup.choices),
            ModelFacet(
                "arrangement", "Arrangement wanted", "desired_arrangements__slug", many=True,
                model=Arrangement, key="slug",
            ),
            _source_facet(),
            _org_type_facet("organisation__org_type"),
            _sdg_facet(),
            _confirmed_facet(),
        ),
        select_related=("organisation", "country"),
        prefetch_related=("fields",),
    ),
    "expert": Kind(
        model=Expert,
        backend=KeywordBackend(),
        facets=(
            _field_facet(),
            _country_facet("country", "Based in"),
            _region_facet("country"),
            ChoiceFacet("availability", "Availability", "availability", Expert.Availability.choices),
            ModelFacet(
                "language", "Language", "languages__code", many=True, model=Language,
                key="code",
            ),
            _sdg_facet(),
            _confirmed_facet(),
        ),
        select_related=("organisation", "country"),
        prefetch_related=("fields",),
    ),
    "organisation": Kind(
        model=Organisation,
        backend=SubstringBackend(["name", "description"]),
        facets=(
            _org_type_facet("org_type"),
            _country_facet("country"),
            _region_facet("country"),
            BooleanFacet(
                "partner", "Partnership", "is_partner",
                yes_label="Partner organisations", no_label="Other organisations",
            ),
        ),
        sorts={RELEVANCE: None, NEWEST: ("-created_at", "-pk"), NAME: ("name", "pk")},
        select_related=("country",),
        published_only=False,
        semantic=False,
    ),
}


def clean_query(query):
    """A copy of ``query`` with only valid, bounded values; never raises for user input.

    Unknown facet names and invalid values are dropped. An unknown sort falls
    back to the default: best match when there is text, newest otherwise.
    """
    kind = REGISTRY[query.kind]
    text = clean_text(query.text)
    filters = {}
    for name, values in (query.filters or {}).items():
        facet = kind.facet(name)
        if facet is None:
            continue
        cleaned = facet.clean([values] if isinstance(values, str) else list(values))
        if cleaned:
            filters[name] = cleaned
    has_terms = bool(search_terms(text))
    mode = query.mode if query.mode in MODE_LABELS else DEFAULT_MODE
    if not kind.semantic:
        mode = KEYWORD
    sort = query.sort if query.sort in kind.sorts else ""
    if not sort or (sort == RELEVANCE and not has_terms):
        sort = RELEVANCE if has_terms else NEWEST
    return replace(
        query,
        text=text,
        mode=mode,
        filters=filters,
        sort=sort,
        page=positive_int(query.page, default=1),
        per_page=min(positive_int(query.per_page, default=DEFAULT_PER_PAGE), MAX_PER_PAGE),
    )


def _match(kind, query, terms):
    """The match for the query's text in its mode, and the mode that actually ran."""
    queryset = kind.base_queryset()
    if not terms:
        return AllRows(queryset), query.mode
    if query.mode != KEYWORD:
        embedder = get_embedder()
        store = vector_store.get_store(kind.model, embedder)
        semantic = SemanticBackend(embedder, store, embedder.floor)
        backend = semantic if query.mode == SEMANTIC else HybridBackend(kind.backend, semantic)
        match = backend.match(queryset, query.text, terms)
        if match is not None:
            return match, query.mode
    return kind.backend.match(queryset, query.text, terms), KEYWORD


def _page_of_listings(kind, ranked_ids, query):
    """One page of ``ranked_ids`` as listings, in rank order."""
    page_obj = Paginator(ranked_ids, query.per_page).get_page(query.page)
    ids = list(page_obj.object_list)
    # base_queryset again: a listing unpublished a moment ago never shows.
    found = kind.base_queryset().filter(pk__in=ids).select_related(
        *kind.select_related).prefetch_related(*kind.prefetch_related).in_bulk()
    return page_obj, [found[pk] for pk in ids if pk in found]


def _facet_counter(kind, match):
    """A function (facet, filters) -> {value: count} over the match's rows that pass ``filters``.

    Listing kinds count from the in-process listing index (listing_index.py,
    decision 17) on both databases; organisations, a small table without a
    review lifecycle, are grouped in SQL.
    """
    if not kind.published_only:
        def sql_counts(facet, filters):
            return facet.sql_counts(kind.model, match.rows(filters).order_by().values("pk"))
        return sql_counts

    index = listing_index.get_index(kind.model)

    def indexed_counts(facet, filters):
        if isinstance(match, AllRows):
            rows = index.rows_passing(filters.values())
        else:
            rows = index.published_rows_of(match.ids(filters))
        return index.counts(facet.name, rows)
    return indexed_counts


def search(query, user, *, with_facets=True):
    """Run ``query`` and return one page of results with facet counts.

    Exports pass ``with_facets=False``: they need the ranked rows only, and
    counting facets would cost them a pass over every match.

    ``user`` is part of the interface so that modes may personalise later;
    today everyone gets the same results, because only published listings
    are searched whoever asks.
    """
    query = clean_query(query)
    kind = REGISTRY[query.kind]
    model = kind.model
    terms = search_terms(query.text)

    match, mode_used = _match(kind, query, terms)
    facet_filters = {
        name: FacetFilter(kind.facet(name), model, values) for name, values in query.filters.items()
    }

    ordering = kind.sorts[query.sort]
    if ordering:
        ranked = match.rows(facet_filters).order_by(*ordering)
    else:
        ranked = match.ranked(facet_filters)
    if isinstance(ranked, RankedIds):
        page_obj, items = _page_of_listings(kind, ranked, query)
    else:
        ranked = ranked.select_related(*kind.select_related).prefetch_related(*kind.prefetch_related)
        page_obj = Paginator(ranked, query.per_page).get_page(query.page)
        items = list(page_obj.object_list)

    facets = {}
    counts = _facet_counter(kind, match) if with_facets else None
    for facet in kind.facets if with_facets else ():
        others = {name: q for name, q in facet_filters.items() if name != facet.name}
        facets[facet.name] = facet.options(counts(facet, others), query.filters.get(facet.name, []))

    return SearchResults(
        query=query,
        items=items,
        total=page_obj.paginator.count,
        page_obj=page_obj,
        facets=facets,
        facet_labels={facet.name: facet.label for facet in kind.facets},
        sorts={key: SORT_LABELS[key] for key in kind.sorts},
        mode_used=mode_used,
        modes=dict(MODE_LABELS) if kind.semantic else {},
        capped=match.capped(facet_filters),
    )
