"""The filtered figures behind the statistics charts, their tables, CSV files and the API.

Each figure is a function of ``Filters`` returning a list of flat rows (one
GROUP BY query or a few), described once in ``FIGURES`` with its columns, so
the chart, the table, the CSV download and the API cannot disagree. Listings
count once published (by ``published_at`` in the period); connections count
by ``created_at`` and follow the filters through the listing they are about.
``all_figures`` serves the unfiltered set from the snapshot that a background
job keeps (snapshots.py) and keeps filtered sets in the shared cache, keyed by
the filters and by the headline counts.

Months and years are UTC calendar months and years (``published_at`` and
``created_at`` are stored in UTC; the site's TIME_ZONE is UTC too).
"""

from collections import Counter
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import timezone as dt_timezone

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Substr, TruncMonth, TruncYear
from django.utils import timezone

from verdex.catalog.models import Expert, Need, Technology, TRLGroup
from verdex.connections.models import AgreementType, Connection, ConnectionEvent, DeclineReason, Stage
from verdex.taxonomy.models import Country, Region, TechnologyField

from .filters import Filters

FIGURES_SECONDS = 60
DEFAULT_GROWTH_MONTHS = 24
MAX_GROWTH_MONTHS = 600
_CACHE_KEY = "stats:figures:v2"

# The country a listing counts under.
COUNTRY_FIELD = {Technology: "developed_in", Need: "country", Expert: "country"}
KINDS = {"technologies": Technology, "needs": Need, "experts": Expert}
# The funnel: a connection has reached a step when it is at that step or a later one now, or
# its history shows it was (a closed or declined connection keeps its furthest step).
FUNNEL = [Stage.REQUESTED, Stage.ACCEPTED, Stage.IN_DISCUSSION, Stage.AGREEMENT, Stage.DEPLOYED]


@dataclass(frozen=True)
class Figure:
    title: str
    columns: tuple  # (key, heading) pairs, in table and CSV order
    compute: object


def listings(model, filters, *, published=True, dated=True, correlated=False):
    """The listings of ``model`` that the filters select.

    ``correlated`` for a subquery run once per outer row (a connection's listing):
    the field filter then looks that listing's fields up instead of listing every
    listing in the field.
    """
    rows = model.objects.published() if published else model.objects.all()
    if dated and filters.start():
        rows = rows.filter(published_at__gte=filters.start())
    if dated and filters.end():
        rows = rows.filter(published_at__lt=filters.end())
    countries = filters.countries()
    if countries is not None:
        # The codes themselves (at most a few hundred): with a subquery SQLite picks a worse index.
        codes = sorted(set(countries.values_list("pk", flat=True)))
        rows = rows.filter(**{f"{COUNTRY_FIELD[model]}__in": codes})
    field_ids = filters.field_ids()
    if field_ids:
        through, column = model.fields.through.objects, f"{model._meta.model_name}_id"
        if correlated:
            rows = rows.filter(Exists(through.filter(technologyfield_id__in=field_ids, **{column: OuterRef("pk")})))
        else:
            rows = rows.filter(pk__in=through.filter(technologyfield_id__in=field_ids).values(column))
    if filters.org_type:
        rows = rows.filter(organisation__org_type=filters.org_type)
    return rows.order_by()


def connections(filters):
    """Connections made in the period about listings that the other filters select."""
    rows = Connection.objects.order_by()
    if filters.start():
        rows = rows.filter(created_at__gte=filters.start())
    if filters.end():
        rows = rows.filter(created_at__lt=filters.end())
    if filters.has_listing_filters:
        # A correlated EXISTS looks each connection's listing up by key; "object_id IN
        # (listings)" would read every listing that the filters select, once per query.
        about = Q(pk__in=[])
        for model in KINDS.values():
            about |= Q(content_type=ContentType.objects.get_for_model(model)) & Exists(
                listings(model, filters, published=False, dated=False, correlated=True).filter(
                    pk=OuterRef("object_id")))
        rows = rows.filter(about)
    return rows


def _counts(rows, key, *, distinct=False):
    """{value of ``key``: rows}; ``distinct`` where a many-to-many join repeats a row."""
    return dict(rows.values_list(key).annotate(total=Count("pk", distinct=distinct)))


def calendar_bucket(field, unit="month"):
    """The UTC month ("YYYY-MM") or year ("YYYY") of a datetime column, computed in SQL.

    SQLite's TruncMonth calls a Python function per row (about 1.5 s over
    100,000 listings); SQLite keeps datetimes as UTC ISO text, so the text's
    first seven (four) characters are the UTC month (year). Other databases
    truncate in UTC. ``bucket_start`` turns either result into a date.
    """
    if connection.vendor == "sqlite":
        return Substr(field, 1, 7 if unit == "month" else 4)
    return (TruncMonth if unit == "month" else TruncYear)(field, tzinfo=dt_timezone.utc)


def bucket_start(value):
    """The first day of a ``calendar_bucket`` value's month or year."""
    if isinstance(value, str):
        return date(int(value[:4]), int(value[5:7] or 1), 1)
    return value.date() if isinstance(value, datetime) else value


_shared = ContextVar("stats_shared", default=None)


def _once(name, compute):
    """``compute()``, run once per ``compute_all``: the country counts serve three figures."""
    memo = _shared.get()
    if memo is None:
        return compute()
    if name not in memo:
        memo[name] = compute()
    return memo[name]


# ---- Listings over time ---------------------------------------------------------------


def _month_index(day):
    return day.year * 12 + day.month - 1


def growth(filters):
    """New listings per month over the period, with running totals (all earlier listings included)."""
    today = timezone.localdate()
    end = min(filters.date_to or today, today)
    if filters.date_from:
        start = filters.date_from
        firsts = [listings(model, filters).order_by("published_at").values_list("published_at", flat=True).first()
                  for model in KINDS.values()]
        firsts = [timezone.localtime(first).date() for first in firsts if first]
        if firsts and _month_index(min(firsts)) > _month_index(start):
            start = min(firsts)  # no empty decades before the first listing
    else:
        first = _month_index(end) - (DEFAULT_GROWTH_MONTHS - 1)
        start = date(first // 12, first % 12 + 1, 1)
    first, last = _month_index(start), _month_index(end)
    first = max(first, last - MAX_GROWTH_MONTHS + 1)
    months = [date(index // 12, index % 12 + 1, 1) for index in range(first, last + 1)]
    if not months:  # a period wholly in the future
        return []
    window = Filters(date_from=months[0], date_to=end, region=filters.region, country=filters.country,
                     field=filters.field, org_type=filters.org_type)
    before = Filters(date_to=months[0] - timedelta(days=1), region=filters.region, country=filters.country,
                     field=filters.field, org_type=filters.org_type)
    per_kind = {}
    for kind, model in KINDS.items():
        per_month = {
            bucket_start(month): total
            for month, total in listings(model, window).annotate(month=calendar_bucket("published_at"))
            .values_list("month").annotate(total=Count("pk"))
        }
        per_kind[kind] = (listings(model, before).count(), per_month)
    rows = []
    running = {kind: base for kind, (base, _) in per_kind.items()}
    for month in months:
        row = {"month": month}
        for kind, (_, per_month) in per_kind.items():
            new = per_month.get(month, 0)
            running[kind] += new
            row[kind] = new
            row[f"{kind}_cumulative"] = running[kind]
        rows.append(row)
    return rows


# ---- Listings by attribute ------------------------------------------------------------


def _per_root(model, filters):
    """{top-level field: listings with a field under it}, from the many-to-many table (faster than a join)."""
    column = f"{model._meta.model_name}_id"
    return dict(model.fields.through.objects.filter(**{f"{column}__in": listings(model, filters).values("pk")})
                .order_by().values_list("technologyfield__root").annotate(total=Count(column, distinct=True)))


def fields(filters):
    """Published technologies and needs per top-level field; a listing counts once per root."""
    technologies = _per_root(Technology, filters)
    needs = _per_root(Need, filters)
    rows = [
        {"code": code, "name": name, "technologies": technologies.get(pk, 0), "needs": needs.get(pk, 0)}
        for pk, code, name in TechnologyField.objects.filter(parent__isnull=True).values_list("pk", "code", "name")
    ]
    rows = [row for row in rows if row["technologies"] or row["needs"]]
    return sorted(rows, key=lambda row: (-row["technologies"], -row["needs"], row["name"]))


def maturity(filters):
    counts = _counts(listings(Technology, filters), "trl_group")
    return [{"group": group, "label": label, "technologies": counts.get(group, 0)}
            for group, label in TRLGroup.choices]


def _per_country(filters):
    """(technologies, needs) per country code: two GROUP BYs from the catalog's statistics indexes."""
    return _once("per_country", lambda: (_counts(listings(Technology, filters), "developed_in"),
                                         _counts(listings(Need, filters), "country")))


def countries(filters):
    """Countries with published technologies (where developed) or needs, ranked 1, 1, 3 on equal totals."""
    technologies, needs = _per_country(filters)
    names = dict(Country.objects.values_list("code", "name"))
    rows = [
        {"code": code, "name": names[code], "technologies": technologies.get(code, 0),
         "needs": needs.get(code, 0), "total": technologies.get(code, 0) + needs.get(code, 0)}
        for code in set(technologies) | set(needs) if code in names
    ]
    rows.sort(key=lambda row: (-row["total"], row["name"]))
    for position, row in enumerate(rows):
        same = position and rows[position - 1]["total"] == row["total"]
        row["rank"] = rows[position - 1]["rank"] if same else position + 1
    return [{"rank": row.pop("rank"), **row} for row in rows]


def regions(filters):
    """Needs against technologies per UN region (where technologies are developed, where needs arise).

    Summed from the per-country counts rather than by joining every listing to its country.
    """
    per_country = _per_country(filters)
    region_of = dict(Country.objects.values_list("code", "region_id"))
    technologies, needs = Counter(), Counter()
    for totals, counts in zip((technologies, needs), per_country):
        for code, total in counts.items():
            totals[region_of.get(code)] += total
    return [
        {"code": code, "name": name, "technologies": technologies.get(pk, 0), "needs": needs.get(pk, 0)}
        for pk, code, name in Region.objects.filter(kind=Region.Kind.REGION).order_by("name")
        .values_list("pk", "code", "name")
    ]


def world_map(filters):
    """Per country: published technologies, needs, and connections about listings from there."""
    technologies, needs = _per_country(filters)
    linked = {}
    rows = connections(filters)
    for model in KINDS.values():
        country = Subquery(model.objects.filter(pk=OuterRef("object_id")).values(COUNTRY_FIELD[model])[:1])
        for code, total in (rows.filter(content_type=ContentType.objects.get_for_model(model))
                            .annotate(listing_country=country).values_list("listing_country")
                            .annotate(total=Count("pk"))):
            if code:
                linked[code] = linked.get(code, 0) + total
    names = dict(Country.objects.values_list("code", "name"))
    codes = sorted(set(technologies) | set(needs) | set(linked), key=lambda code: names.get(code, code))
    return [{"code": code, "name": names.get(code, code), "technologies": technologies.get(code, 0),
             "needs": needs.get(code, 0), "connections": linked.get(code, 0)} for code in codes]


# ---- Connections ------------------------------------------------------------------------


def reached_q(stage):
    """The condition that a connection reached ``stage`` or a later step of the funnel.

    Outcomes (agreement reached, deployed) count only once both sides confirmed them: one side's
    claim alone does not (connections.services.confirm_outcome). A confirmed deployment implies
    a confirmed agreement.
    """
    if stage == Stage.DEPLOYED:
        return Q(deployment_confirmed_at__isnull=False)
    if stage == Stage.AGREEMENT:
        return Q(agreement_confirmed_at__isnull=False) | Q(deployment_confirmed_at__isnull=False)
    later = FUNNEL[FUNNEL.index(stage):]
    return Q(stage__in=later) | Q(pk__in=ConnectionEvent.objects.filter(
        to_stage__in=later).values("connection_id"))


def awaiting_q(stage):
    """The condition that a connection claims ``stage`` (agreement or deployed) and the other side has not confirmed it.

    By stage, not by ``claimed_by`` (which a deleted claimant's account clears): a connection at
    "deployed" without a confirmed deployment awaits that confirmation, and, without a confirmed
    agreement either, counts among the agreements awaiting one too (a deployment implies an agreement).
    """
    if stage == Stage.DEPLOYED:
        return Q(stage=Stage.DEPLOYED, deployment_confirmed_at__isnull=True)
    if stage == Stage.AGREEMENT:
        return Q(stage__in=(Stage.AGREEMENT, Stage.DEPLOYED), agreement_confirmed_at__isnull=True,
                 deployment_confirmed_at__isnull=True)
    raise ValueError(f"Only outcomes await confirmation, not {stage}.")


def reached(rows, stage):
    """The connections among ``rows`` that reached ``stage`` or a later step of the funnel."""
    return rows.filter(reached_q(stage))


def funnel(filters):
    """How many connections reached each step (one query), and the share of the step before that went on."""
    counts = connections(filters).aggregate(**{
        stage.value: Count("pk") if stage == Stage.REQUESTED else Count("pk", filter=reached_q(stage))
        for stage in FUNNEL})
    out, previous = [], None
    for stage in FUNNEL:
        total = counts[stage.value]
        conversion = round(100 * total / previous, 1) if previous else None
        out.append({"stage": stage.value, "label": stage.label, "connections": total,
                    "conversion_percent": conversion})
        previous = total
    return out


def stages(filters):
    counts = _counts(connections(filters), "stage")
    return [{"stage": stage, "label": label, "connections": counts.get(stage, 0)} for stage, label in Stage.choices]


def outcomes(filters):
    """Outcomes: agreements by type, and deployments; confirmed by both sides, and claimed awaiting the other side."""
    rows = connections(filters)
    agreements = _counts(reached(rows, Stage.AGREEMENT).exclude(agreement_type=""), "agreement_type")
    awaiting = _counts(rows.filter(awaiting_q(Stage.AGREEMENT)).exclude(agreement_type=""), "agreement_type")
    out = [{"outcome": value, "label": f"Agreement: {label}", "connections": agreements.get(value, 0),
            "awaiting": awaiting.get(value, 0)} for value, label in AgreementType.choices]
    out.append({"outcome": "deployed", "label": "Deployed", "connections": reached(rows, Stage.DEPLOYED).count(),
                "awaiting": rows.filter(awaiting_q(Stage.DEPLOYED)).count()})
    return out


def declines(filters):
    counts = _counts(connections(filters).exclude(decline_reason=""), "decline_reason")
    return [{"reason": value, "label": label, "connections": counts.get(value, 0)}
            for value, label in DeclineReason.choices]


FIGURES = {
    "growth": Figure("Listings published per month", (
        ("month", "Month"), ("technologies", "New technologies"), ("needs", "New needs"),
        ("experts", "New experts"), ("technologies_cumulative", "Technologies in total"),
        ("needs_cumulative", "Needs in total"), ("experts_cumulative", "Experts in total")), growth),
    "fields": Figure("Technologies and needs by field", (
        ("code", "Code"), ("name", "Field"), ("technologies", "Technologies"), ("needs", "Needs")), fields),
    "maturity": Figure("Technologies by maturity", (
        ("group", "Group"), ("label", "Maturity"), ("technologies", "Technologies")), maturity),
    "funnel": Figure("Connections: how far they got", (
        ("stage", "Stage"), ("label", "Step"), ("connections", "Connections that reached it"),
        ("conversion_percent", "% of the step before")), funnel),
    "stages": Figure("Connections by current stage", (
        ("stage", "Stage"), ("label", "Stage name"), ("connections", "Connections")), stages),
    "outcomes": Figure("Outcomes", (
        ("outcome", "Outcome"), ("label", "Outcome name"), ("connections", "Confirmed by both sides"),
        ("awaiting", "Awaiting the other side's confirmation")), outcomes),
    "declines": Figure("Why requests were declined", (
        ("reason", "Reason"), ("label", "Reason given"), ("connections", "Connections")), declines),
    "countries": Figure("Top uploading countries", (
        ("rank", "Rank"), ("code", "Code"), ("name", "Country"), ("technologies", "Technologies"),
        ("needs", "Needs"), ("total", "Total")), countries),
    "regions": Figure("Needs and technologies per region", (
        ("code", "Code"), ("name", "Region"), ("technologies", "Technologies"), ("needs", "Needs")), regions),
    "map": Figure("Listings and connections per country", (
        ("code", "Code"), ("name", "Country"), ("technologies", "Technologies"), ("needs", "Needs"),
        ("connections", "Connections")), world_map),
}


def _signature():
    """Counts that change with any new, published, withdrawn or moved listing or connection."""
    parts = [model.objects.published().count() for model in KINDS.values()]
    parts += [row for row in Connection.objects.order_by().values_list("stage").annotate(total=Count("pk"))]
    # A confirmation changes no stage; the confirmed outcomes are counted too.
    confirmed = Connection.objects.order_by().aggregate(agreed=Count("agreement_confirmed_at"),
                                                        deployed=Count("deployment_confirmed_at"))
    parts += [f"a{confirmed['agreed']}d{confirmed['deployed']}"]
    return ":".join(map(str, parts)).replace(" ", "")


def compute_all(filters):
    """Every figure for ``filters``, computed now (the country counts once for three figures)."""
    token = _shared.set({})
    try:
        return {name: figure.compute(filters) for name, figure in FIGURES.items()}
    finally:
        _shared.reset(token)


def all_figures(filters):
    """Every figure for ``filters``: unfiltered from the job's snapshot, else from the shared cache (a minute)."""
    if filters.is_unfiltered:
        from . import snapshots

        return snapshots.current()["figures"]
    key = f"{_CACHE_KEY}:{_signature()}:{filters.key()}"
    return cache.get_or_set(key, lambda: compute_all(filters), FIGURES_SECONDS)


def figure(name, filters):
    return all_figures(filters)[name]
