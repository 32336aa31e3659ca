"""Aggregate figures for the statistics page.

Every figure is one aggregate query; public figures count published listings
only. Python only arranges the handful of aggregate rows for display.

The public breakdowns (countries, fields, maturity, growth; the first two are
the statistics page's figures) cost ~270 ms at 125,000 listings, so they are kept in the default cache,
which every server process shares (a database table, or Redis), for up to
``PUBLIC_STATISTICS_SECONDS``. The headline counts are counted on every call
and name the cache entry: any write that changes a count (a listing
published, imported or withdrawn, a new organisation or connection) is seen
at once on every process; an edit that changes no count shows within a minute.
"""

from datetime import date, datetime

from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone

from verdex.accounts.models import User
from verdex.catalog.models import LISTING_MODELS, Need, Status, Technology, TRLGroup
from verdex.connections.models import AgreementType, Connection, DeclineReason, Stage
from verdex.moderation.models import Report
from verdex.organisations.models import Organisation

from . import figures
from .figures import bucket_start, calendar_bucket
from .filters import Filters

GROWTH_MONTHS = 24
PUBLIC_STATISTICS_SECONDS = 60
_PUBLIC_STATISTICS_KEY = "stats:public:v1"  # + the headline counts


def headline_counts():
    by_stage = dict(
        Connection.objects.order_by().values_list("stage").annotate(total=Count("pk"))
    )
    return {
        "technologies": Technology.objects.published().count(),
        "needs": Need.objects.published().count(),
        "experts": LISTING_MODELS["expert"].objects.published().count(),
        "organisations": Organisation.objects.count(),
        "partner_organisations": Organisation.objects.filter(is_partner=True).count(),
        "users": User.objects.filter(is_active=True).count(),
        "connections": sum(by_stage.values()),
        "connections_by_stage": [
            {"stage": stage, "label": label, "total": by_stage.get(stage, 0)}
            for stage, label in Stage.choices
        ],
    }


def country_ranking():
    """Countries with published technologies (by country of development) or needs.

    Ranked by technologies plus needs, with standard competition ranking:
    countries with equal totals share a rank and the next rank skips ahead
    (1, 1, 3). Equal totals are listed by country name. The statistics
    page's figure (two GROUP BYs on the catalog's statistics indexes).
    """
    return [
        {"code": row["code"], "name": row["name"], "technology_count": row["technologies"],
         "need_count": row["needs"], "total": row["total"], "rank": row["rank"]}
        for row in figures.countries(Filters())
    ]


def by_top_level_field():
    """Published technologies and needs per top-level field; a listing counts once per root.

    The statistics page's figure: one GROUP BY per kind (a correlated count per field took 16 s at
    100,000 technologies).
    """
    return [
        {"code": row["code"], "name": row["name"], "technology_count": row["technologies"],
         "need_count": row["needs"]}
        for row in figures.fields(Filters())
    ]


def by_trl_group():
    counts = dict(
        Technology.objects.published().order_by().values_list("trl_group").annotate(total=Count("pk"))
    )
    return [
        {"group": group, "label": label, "total": counts.get(group, 0)}
        for group, label in TRLGroup.choices
    ]


def _month_starts(months, today):
    """The first day of each of the last ``months`` months, oldest first, ending with this month."""
    year, month = today.year, today.month
    starts = []
    for _ in range(months):
        starts.append(date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return starts[::-1]


def _published_per_month(model, since):
    rows = (
        model.objects.published()
        .filter(published_at__gte=since)
        .annotate(month=calendar_bucket("published_at"))
        .order_by()
        .values_list("month")
        .annotate(total=Count("pk"))
    )
    return {bucket_start(month): total for month, total in rows}


def growth_per_month(months=GROWTH_MONTHS):
    """New published technologies and needs per month, including empty months."""
    today = timezone.localdate()
    starts = _month_starts(months, today)
    since = timezone.make_aware(datetime(starts[0].year, starts[0].month, 1))
    technologies = _published_per_month(Technology, since)
    needs = _published_per_month(Need, since)
    rows = [
        {"month": start, "technologies": technologies.get(start, 0), "needs": needs.get(start, 0)}
        for start in starts
    ]
    peak = max([row["technologies"] + row["needs"] for row in rows] + [1])
    for row in rows:
        row["technologies_percent"] = round(100 * row["technologies"] / peak)
        row["needs_percent"] = round(100 * row["needs"] / peak)
    return rows


def public_statistics():
    """The public figures; the breakdowns come from the shared cache while the headline counts are unchanged."""
    headline = headline_counts()
    signature = [headline[key] for key in sorted(headline) if key != "connections_by_stage"]
    signature += [row["total"] for row in headline["connections_by_stage"]]
    key = f"{_PUBLIC_STATISTICS_KEY}:{':'.join(map(str, signature))}"
    return {"headline": headline,
            **cache.get_or_set(key, _public_breakdowns, PUBLIC_STATISTICS_SECONDS)}


def _public_breakdowns():
    return {
        "countries": country_ranking(),
        "fields": by_top_level_field(),
        "trl_groups": by_trl_group(),
        "growth": growth_per_month(),
    }


def status_counts():
    """Listings of every kind by status, drafts included (for programme managers)."""
    per_kind = {
        kind: dict(model.objects.order_by().values_list("status").annotate(total=Count("pk")))
        for kind, model in LISTING_MODELS.items()
    }
    return [
        {
            "status": status,
            "label": label,
            "technologies": per_kind["technology"].get(status, 0),
            "needs": per_kind["need"].get(status, 0),
            "experts": per_kind["expert"].get(status, 0),
        }
        for status, label in Status.choices
    ]


def connection_outcomes():
    agreements = dict(
        Connection.objects.exclude(agreement_type="").exclude(agreement_confirmed_at=None, deployment_confirmed_at=None)
        .order_by().values_list("agreement_type").annotate(total=Count("pk"))
    )
    declines = dict(
        Connection.objects.exclude(decline_reason="")
        .order_by().values_list("decline_reason").annotate(total=Count("pk"))
    )
    return {
        "agreement_types": [
            {"label": label, "total": agreements.get(value, 0)} for value, label in AgreementType.choices
        ],
        "decline_reasons": [
            {"label": label, "total": declines.get(value, 0)} for value, label in DeclineReason.choices
        ],
    }


def programme_statistics():
    return {
        "statuses": status_counts(),
        "open_reports": Report.objects.filter(state=Report.State.OPEN).count(),
        "outcomes": connection_outcomes(),
    }
