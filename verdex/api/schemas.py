"""The shapes the API reads and writes, as they appear in the OpenAPI schema.

Listing representations carry the public summary for everyone; the fields
after ``full_details`` are null unless the caller may see full details (a
token user, like a logged-in member on the site).
"""

from datetime import date, datetime
from typing import Annotated, Literal, Optional, get_args

import annotated_types

from ninja import Field, Schema
from pydantic import ConfigDict, create_model

from verdex.catalog.forms import LISTING_FORMS
from verdex.catalog.models import Expert, Technology, TRLGroup
from verdex.search.engine import REGISTRY
from verdex.search.query import HYBRID, KEYWORD, MAX_PER_PAGE, MAX_TEXT_LENGTH, SEMANTIC

from .pagination import DEFAULT_LIMIT, MAX_LIMIT

# Every integer the API reads is range-checked here, so none reaches the database out of range.
MAX_ID = 2**63 - 1
SDGNumber = Annotated[int, Field(ge=1, le=17)]
RowId = Annotated[int, Field(ge=1, le=MAX_ID)]

# ---- Errors -------------------------------------------------------------------


class FieldError(Schema):
    field: Optional[str] = Field(description="The body field or query parameter at fault; null for the whole request.")
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldError] = []


ERRORS = {
    400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 413: ErrorOut, 422: ErrorOut,
    429: ErrorOut,
}


def responses(ok, *codes):
    """A response map: ``ok`` for success plus the error shape for each code."""
    result = dict(ok)
    result.update({code: ERRORS[code] for code in codes})
    return result


# ---- Reference rows -----------------------------------------------------------


class CodeName(Schema):
    code: str
    name: str


class SlugName(Schema):
    slug: str
    name: str


class SDGOut(Schema):
    number: int
    name: str


class FieldRef(Schema):
    code: str
    name: str
    root: str = Field(description="Code of the top-level field this one belongs to (its own code at the top).")


class FieldNode(Schema):
    code: str
    name: str
    scheme: str
    children: list[CodeName]


class RegionOut(Schema):
    code: str
    name: str
    kind: Literal["region", "subregion", "group"]


class CountryOut(Schema):
    code: str
    name: str
    region: Optional[CodeName]
    subregion: Optional[CodeName]
    groups: list[CodeName]


class OrganisationRef(Schema):
    id: int
    slug: str
    name: str


class OrganisationOut(Schema):
    id: int
    slug: str
    name: str
    url: str
    org_type: str
    country: CodeName
    website: str
    description: str = Field(description="Sanitised HTML.")
    is_partner: bool
    created_at: datetime


# ---- Listings -----------------------------------------------------------------


class ListingOut(Schema):
    id: int
    url: str
    title: str
    organisation: Optional[OrganisationRef]
    fields: list[FieldRef]
    sdgs: list[int]
    source: str = Field(description="How the listing arrived: user (a form or the API), partner (a bulk import) or patent.")
    external_id: Optional[str] = Field(
        description="The partner's own id, as given in a bulk import (null for listings made here)."
    )
    full_details: bool = Field(description="False for anonymous callers, who get the public summary only.")
    status: Optional[str] = Field(None, description="Shown with full details.")
    rejection_reason: Optional[str] = Field(None, description="Shown to the people who may edit the listing.")
    description: Optional[str] = Field(None, description="Sanitised HTML; shown with full details.")
    created_at: Optional[datetime] = None
    updated_at: Optional[datetime] = None
    published_at: Optional[datetime] = None


class TechnologyOut(ListingOut):
    kind: Literal["technology"] = "technology"
    summary: str
    trl_group: str
    developed_in: CodeName
    trl: Optional[int] = None
    record_type: Optional[str] = None
    ip_status: Optional[str] = None
    patent_numbers: Optional[str] = None
    benefits: Optional[list[SlugName]] = None
    benefits_other: Optional[str] = None
    availability: Optional[list[SlugName]] = None
    available_in: Optional[list[CodeName]] = None
    available_regions: Optional[list[CodeName]] = None
    website: Optional[str] = None


class NeedOut(ListingOut):
    kind: Literal["need"] = "need"
    excerpt: str = Field(description="The start of the description as plain text.")
    country: CodeName
    desired_trl_group: str
    region: Optional[CodeName] = None
    location: Optional[str] = None
    desired_arrangements: Optional[list[SlugName]] = None
    budget: Optional[str] = None
    timeline: Optional[str] = None


class ExpertOut(ListingOut):
    kind: Literal["expert"] = "expert"
    excerpt: str = Field(description="The start of the experience as plain text.")
    country: CodeName
    full_name: Optional[str] = None
    availability: Optional[str] = None
    languages: Optional[list[CodeName]] = None
    countries_served: Optional[list[CodeName]] = None


LISTING_OUT = {"technology": TechnologyOut, "need": NeedOut, "expert": ExpertOut}


def _page_of(name, item):
    return create_model(
        name, __base__=Schema,
        items=(list[item], ...),
        next_cursor=(Optional[str], Field(description="Pass as ?cursor= for the next page; null on the last page.")),
    )


LISTING_PAGE = {kind: _page_of(f"{out.__name__[:-3]}Page", out) for kind, out in LISTING_OUT.items()}
OrganisationPage = _page_of("OrganisationPage", OrganisationOut)


class ListParams(Schema):
    cursor: Optional[str] = Field(None, max_length=200, description="The next_cursor of the previous page.")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


class ListingInBase(Schema):
    # Unknown keys are refused rather than ignored, so a typo cannot pass silently.
    model_config = ConfigDict(extra="forbid")

    title: Optional[str] = None
    organisation: Optional[str] = Field(None, description="Slug of an organisation you belong to.")
    description: Optional[str] = Field(None, description="Basic HTML; anything else is removed.")
    fields: Optional[list[str]] = Field(None, description="Technology field codes, e.g. Y02E10.")
    sdgs: Optional[list[SDGNumber]] = Field(None, description="SDG numbers, 1–17.")


class TechnologyIn(ListingInBase):
    summary: Optional[str] = None
    record_type: Optional[Literal[tuple(Technology.RecordType.values)]] = None
    benefits: Optional[list[str]] = Field(None, description="Benefit slugs (see /taxonomy/benefits).")
    benefits_other: Optional[str] = None
    trl: Optional[int] = Field(None, ge=1, le=9, description="Technology readiness level, 1–9.")
    developed_in: Optional[str] = Field(None, description="ISO 3166 country code.")
    available_in: Optional[list[str]] = Field(None, description="ISO 3166 country codes.")
    available_regions: Optional[list[str]] = Field(None, description="Region codes (see /taxonomy/regions).")
    ip_status: Optional[Literal[tuple(Technology.IPStatus.values)]] = None
    patent_numbers: Optional[str] = None
    availability: Optional[list[str]] = Field(None, description="Arrangement slugs (see /taxonomy/arrangements).")
    website: Optional[str] = None


class NeedIn(ListingInBase):
    country: Optional[str] = Field(None, description="ISO 3166 country code.")
    region: Optional[str] = Field(None, description="Region code.")
    location: Optional[str] = None
    desired_trl_group: Optional[Literal[("",) + tuple(TRLGroup.values)]] = None
    desired_arrangements: Optional[list[str]] = Field(None, description="Arrangement slugs.")
    budget: Optional[str] = None
    timeline: Optional[str] = None


class ExpertIn(ListingInBase):
    full_name: Optional[str] = None
    country: Optional[str] = Field(None, description="ISO 3166 country code.")
    countries_served: Optional[list[str]] = Field(None, description="ISO 3166 country codes.")
    languages: Optional[list[str]] = Field(None, description="Language codes (see /taxonomy/languages).")
    availability: Optional[Literal[tuple(Expert.Availability.values)]] = None


LISTING_IN = {"technology": TechnologyIn, "need": NeedIn, "expert": ExpertIn}


def _create_schema(kind, schema):
    """The body of a create: what the web form requires is required (and non-empty) here too.

    Updates keep every field optional, as only the fields sent change.
    """
    overrides = {}
    for name, form_field in LISTING_FORMS[kind].base_fields.items():
        if not form_field.required:
            continue
        info = schema.model_fields[name]
        (annotation,) = [arg for arg in get_args(info.annotation) if arg is not type(None)]
        constraints = [*info.metadata] + ([annotated_types.MinLen(1)] if annotation is str else [])
        overrides[name] = (Annotated[annotation, *constraints] if constraints else annotation,
                           Field(..., description=info.description))
    return create_model(f"{schema.__name__[:-2]}Create", __base__=schema, **overrides)


LISTING_CREATE = {kind: _create_schema(kind, schema) for kind, schema in LISTING_IN.items()}


# ---- Search -------------------------------------------------------------------


class FacetOptionOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    name: str = Field(description="The query parameter that filters by this facet.")
    label: str
    options: list[FacetOptionOut]


class SortOut(Schema):
    value: str
    label: str


class SearchQueryOut(Schema):
    q: str
    mode: str
    mode_used: str
    sort: str
    page: int
    per_page: int
    filters: dict[str, list[str]]


SEARCH_MODES = (HYBRID, KEYWORD, SEMANTIC)


def _search_params(kind):
    """Query parameters of one kind's search: text, sort, mode, paging and one list per facet."""
    registry_kind = REGISTRY[kind]
    fields = {
        "q": (str, Field("", max_length=MAX_TEXT_LENGTH, description="Words to look for; empty lists everything.")),
        "sort": (Optional[Literal[tuple(registry_kind.sorts)]],
                 Field(None, description="Default: relevance with text, newest without.")),
        "mode": (Literal[SEARCH_MODES], Field(HYBRID, description="How text is matched: hybrid (words and "
                                                                "meaning, the default), keyword or semantic.")),
        "page": (int, Field(1, ge=1, le=10_000)),
        "per_page": (int, Field(20, ge=1, le=MAX_PER_PAGE)),
    }
    for facet in registry_kind.facets:
        choices = getattr(facet, "choices", None)
        value_type = Literal[tuple(choices)] if choices else str
        fields[facet.name] = (list[value_type], Field([], description=f"{facet.label}; repeat to choose several."))
    return create_model(f"{kind.capitalize()}SearchParams", __base__=Schema, **fields)


SEARCH_PARAMS = {kind: _search_params(kind) for kind in REGISTRY}


def _search_out(kind, item):
    return create_model(
        f"{kind.capitalize()}SearchResults", __base__=Schema,
        query=(SearchQueryOut, ...), total=(int, ...),
        total_capped=(bool, Field(..., description=(
            "True when the text matched more listings than a search keeps (its best 1,000 per way "
            "of matching, facet filters applied first): total then counts those best ones."))),
        num_pages=(int, ...),
        items=(list[item], ...), facets=(list[FacetOut], ...), sorts=(list[SortOut], ...),
    )


SEARCH_OUT = {kind: _search_out(kind, out) for kind, out in LISTING_OUT.items()}
SEARCH_OUT["organisation"] = _search_out("organisation", OrganisationOut)


# ---- Statistics and the caller ------------------------------------------------


class StageCount(Schema):
    stage: str
    label: str
    total: int


class HeadlineOut(Schema):
    technologies: int
    needs: int
    experts: int
    organisations: int
    partner_organisations: int
    users: int
    connections: int
    connections_by_stage: list[StageCount]


class CountryRankOut(Schema):
    code: str
    name: str
    technology_count: int
    need_count: int
    total: int
    rank: int


class FieldCountOut(Schema):
    code: str
    name: str
    technology_count: int
    need_count: int


class TRLGroupCount(Schema):
    group: str
    label: str
    total: int


class MonthOut(Schema):
    month: date
    technologies: int
    needs: int


class StatisticsOut(Schema):
    headline: HeadlineOut
    countries: list[CountryRankOut]
    fields: list[FieldCountOut]
    trl_groups: list[TRLGroupCount]
    growth: list[MonthOut]


class StatusCountOut(Schema):
    status: str
    label: str
    technologies: int
    needs: int
    experts: int


class LabelTotal(Schema):
    label: str
    total: int


class OutcomesOut(Schema):
    agreement_types: list[LabelTotal]
    decline_reasons: list[LabelTotal]


class ProgrammeStatisticsOut(Schema):
    statuses: list[StatusCountOut]
    open_reports: int
    outcomes: OutcomesOut


class MeOut(Schema):
    id: int
    email: str
    name: str
    is_moderator: bool
    organisations: list[OrganisationRef]


class ConnectionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["technology", "need", "expert"]
    listing_id: RowId
    message: str = Field(max_length=4000)
    about_need: Optional[RowId] = Field(None, description="Id of one of your own needs this is about.")


class ConnectionOut(Schema):
    id: int
    kind: str
    listing_id: int
    listing_title: str
    stage: str
    url: str
    created_at: datetime



# ---- Saved searches -------------------------------------------------------------

SavedSearchName = Annotated[str, Field(min_length=1, max_length=100)]
AlertFrequency = Literal["instant", "daily", "weekly"]


class SavedSearchIn(Schema):
    model_config = ConfigDict(extra="forbid")

    name: SavedSearchName
    kind: Literal["technology", "need", "expert"]
    q: str = Field("", max_length=MAX_TEXT_LENGTH, description="The words searched for, as `q` of /search.")
    mode: Literal[HYBRID, KEYWORD, SEMANTIC] = HYBRID
    filters: dict[Annotated[str, Field(max_length=40)], list[Annotated[str, Field(max_length=40)]]] = Field(
        default_factory=dict, description="Facet name -> values, as the query parameters of /search/{kind}.",
    )
    frequency: AlertFrequency = "daily"


class SavedSearchPatch(Schema):
    model_config = ConfigDict(extra="forbid")

    name: Optional[SavedSearchName] = None
    frequency: Optional[AlertFrequency] = None
    paused: Optional[bool] = None


class SavedSearchOut(Schema):
    id: int
    name: str
    kind: str
    q: str
    mode: str
    filters: dict[str, list[str]]
    frequency: str
    paused: bool
    created_at: datetime
    last_sent_at: Optional[datetime] = Field(description="When the last alert with new listings was made; null if none yet.")
    url: str = Field(description="The search page of this saved search.")


# ---- Filtered statistics (the charts of the statistics page) --------------------


class StatisticsFilterParams(Schema):
    """The statistics page's filters; values are checked by the page's own rules (400 with the reasons)."""

    period: Optional[str] = Field(None, max_length=20, description="A preset: 12m, 24m, this-year, last-year.")
    from_: Optional[str] = Field(None, alias="from", max_length=20,
                                 description="First day, YYYY-MM-DD (by publication date; connections by request date).")
    to: Optional[str] = Field(None, max_length=20, description="Last day, YYYY-MM-DD.")
    region: Optional[str] = Field(None, max_length=20, description="Region code (see /taxonomy/regions).")
    country: Optional[str] = Field(None, max_length=20, description="ISO 3166 alpha-2 country code.")
    field: Optional[str] = Field(None, max_length=40, description="Technology field code; includes its sub-fields.")
    org_type: Optional[str] = Field(None, max_length=20, description="Organisation type of the listing's organisation.")


class GrowthMonthOut(Schema):
    month: date
    technologies: int
    needs: int
    experts: int
    technologies_cumulative: int
    needs_cumulative: int
    experts_cumulative: int


class FieldFigureOut(Schema):
    code: str
    name: str
    technologies: int
    needs: int


class MaturityOut(Schema):
    group: str
    label: str
    technologies: int


class FunnelStepOut(Schema):
    stage: str
    label: str
    connections: int
    conversion_percent: Optional[float] = Field(description="Share of the step before that reached this one.")


class StageFigureOut(Schema):
    stage: str
    label: str
    connections: int


class OutcomeOut(Schema):
    outcome: str
    label: str
    connections: int
    awaiting: int = Field(0, description="Claimed by one side, awaiting the other side's confirmation.")


class DeclineOut(Schema):
    reason: str
    label: str
    connections: int


class CountryFigureOut(Schema):
    rank: int
    code: str
    name: str
    technologies: int
    needs: int
    total: int


class RegionFigureOut(Schema):
    code: str
    name: str
    technologies: int
    needs: int


class MapCountryOut(Schema):
    code: str
    name: str
    technologies: int
    needs: int
    connections: int


class FiguresOut(Schema):
    filters: dict[str, str] = Field(description="The filters applied, as GET parameters.")
    growth: list[GrowthMonthOut]
    fields: list[FieldFigureOut]
    maturity: list[MaturityOut]
    funnel: list[FunnelStepOut]
    stages: list[StageFigureOut]
    outcomes: list[OutcomeOut]
    declines: list[DeclineOut]
    countries: list[CountryFigureOut]
    regions: list[RegionFigureOut]
    map: list[MapCountryOut]


class AgreementTypeOut(Schema):
    type: str
    label: str
    connections: int
    awaiting: int = Field(0, description="Claimed by one side, awaiting the other side's confirmation.")


class ImpactYearOut(Schema):
    year: int
    connections: int
    agreements: int
    deployments: int


class ImpactOut(Schema):
    filters: dict[str, str]
    connections: int
    agreements: int = Field(description="Agreements confirmed by both sides of the connection.")
    deployments: int = Field(description="Deployments confirmed by both sides of the connection.")
    agreements_awaiting: int = Field(0, description="Agreements one side recorded, awaiting the other's confirmation.")
    deployments_awaiting: int = Field(0, description="Deployments one side recorded, awaiting the other's confirmation.")
    agreement_types: list[AgreementTypeOut]
    per_year: list[ImpactYearOut]
    countries: list[CodeName]


class ModerationMonthOut(Schema):
    month: date
    published: int
    rejected: int


class ModerationOut(Schema):
    per_month: list[ModerationMonthOut]
    decisions: int
    wait_median_hours: Optional[float]
    wait_p90_hours: Optional[float]
    queue: int
    queue_oldest_hours: Optional[float]
    open_reports: int
    reports_handled: int
    report_wait_median_hours: Optional[float]


class ImportMonthOut(Schema):
    month: date
    jobs: int
    created: Optional[int]
    updated: Optional[int]
    rejected: Optional[int]
    failed: int


class MembersOut(Schema):
    active_30_days: int
    active_90_days: int
    joined_30_days: int
    members: int


class FreshnessKindOut(Schema):
    kind: str
    label: str
    published: int
    stale: int = Field(description="Published and not confirmed by the owner for LISTING_CONFIRM_MONTHS.")


class FreshnessOut(Schema):
    published: int
    stale: int
    kinds: list[FreshnessKindOut]


class StaffDashboardOut(Schema):
    filters: dict[str, str]
    moderation: ModerationOut
    imports: list[ImportMonthOut]
    members: MembersOut
    freshness: FreshnessOut
