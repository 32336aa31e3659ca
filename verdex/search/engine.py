"""The one entry point for finding listings and organisations: ``search()``.

Browse pages, the home page and later the API call ``search(query, user)``
and get a ``SearchResults``; how text is matched is the backend's business.
Only published listings are ever searched. Organisations have no review
lifecycle, so all of them are searchable.

Facet counts are disjunctive: the counts of one facet are taken over the
matched set filtered by every *other* facet's selection, so ticking "Kenya"
still shows how many rows "Tanzania" would add.
"""

from dataclasses import dataclass, field, replace

from django.core.paginator import Paginator
from django.db.models import Q

from verdex.catalog.models import Expert, Need, Source, Technology, TRLGroup
from verdex.organisations.models import Organisation
from verdex.taxonomy.models import SDG, Arrangement, Country, Language, Region, TechnologyField

from .backends import KeywordBackend, SubstringBackend
from .facets import BooleanFacet, ChoiceFacet, ModelFacet
from .query import (
    DEFAULT_PER_PAGE,
    MAX_PER_PAGE,
    NAME,
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
        model=TechnologyField, key="code", label_path="fields__root__name",
        reference=Q(depth=0),
    )


def _country_facet(path, label="Country"):
    return ModelFacet(
        "country", label, path, model=Country, key="code", label_path=f"{path}__name",
    )


def _region_facet(country_path):
    """The UN region of the listing's country."""
    return ModelFacet(
        "region", "Region", f"{country_path}__region__code", model=Region, key="code",
        label_path=f"{country_path}__region__name", reference=Q(kind=Region.Kind.REGION),
    )


def _sdg_facet():
    return ModelFacet(
        "sdg", "Sustainable Development Goal", "sdgs__number", many=True, model=SDG,
        key="number", label_path="sdgs__name", by_key=True, label_template="SDG {key}: {name}",
    )


def _org_type_facet(path):
    return ChoiceFacet("org_type", "Organisation type", path, Organisation.Type.choices)


def _source_facet():
    return ChoiceFacet("source", "Source", "source", Source.choices)


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
                model=Arrangement, key="slug", label_path="availability__name",
            ),
            ChoiceFacet("ip", "IP status", "ip_status", Technology.IPStatus.choices),
            ChoiceFacet("record_type", "Type of record", "record_type", Technology.RecordType.choices),
            _source_facet(),
            _org_type_facet("organisation__org_type"),
            _sdg_facet(),
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
                model=Arrangement, key="slug", label_path="desired_arrangements__name",
            ),
            _source_facet(),
            _org_type_facet("organisation__org_type"),
            _sdg_facet(),
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
                key="code", label_path="languages__name",
            ),
            _sdg_facet(),
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
    sort = query.sort if query.sort in kind.sorts else ""
    if not sort or (sort == RELEVANCE and not has_terms):
        sort = RELEVANCE if has_terms else NEWEST
    return replace(
        query,
        text=text,
        filters=filters,
        sort=sort,
        page=positive_int(query.page, default=1),
        per_page=min(positive_int(query.per_page, default=DEFAULT_PER_PAGE), MAX_PER_PAGE),
    )


def search(query, user):
    """Run ``query`` and return one page of results with facet counts.

    ``user`` is part of the interface so that modes may personalise later;
    today everyone gets the same results, because only published listings
    are searched whoever asks.
    """
    query = clean_query(query)
    kind = REGISTRY[query.kind]
    model = kind.model
    terms = search_terms(query.text)

    matched = kind.backend.matching(kind.base_queryset(), terms) if terms else kind.base_queryset()
    facet_filters = {
        name: kind.facet(name).q(model, values) for name, values in query.filters.items()
    }

    filtered = matched.filter(*facet_filters.values())
    ordering = kind.sorts[query.sort]
    if ordering:
        filtered = filtered.order_by(*ordering)
    filtered = filtered.select_related(*kind.select_related).prefetch_related(*kind.prefetch_related)

    page_obj = Paginator(filtered, query.per_page).get_page(query.page)

    facets = {}
    for facet in kind.facets:
        others = [q for name, q in facet_filters.items() if name != facet.name]
        matched_ids = matched.filter(*others).order_by().values("pk")
        facets[facet.name] = facet.options(model, matched_ids, query.filters.get(facet.name, []))

    return SearchResults(
        query=query,
        items=list(page_obj.object_list),
        total=page_obj.paginator.count,
        page_obj=page_obj,
        facets=facets,
        facet_labels={facet.name: facet.label for facet in kind.facets},
        sorts={key: SORT_LABELS[key] for key in kind.sorts},
    )
