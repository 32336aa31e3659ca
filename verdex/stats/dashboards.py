"""The public impact figures and the staff dashboard's figures (read-only, like all of stats).

Impact counts what connections led to; the staff dashboard counts the work of
running the exchange: moderation throughput and waiting times, imports, active
members, stale listings (published and not confirmed by their owner for
LISTING_CONFIRM_MONTHS, the stored flag that send_freshness_reminders keeps).
Searches without results are not counted: the search keeps no query log.
"""

from datetime import timedelta
from statistics import median

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from verdex.accounts.models import User
from verdex.catalog.models import Status
from verdex.connections.models import AgreementType, Stage
from verdex.imports.models import ImportJob
from verdex.moderation.models import AuditEntry, Report
from verdex.taxonomy.models import Country

from .figures import (COUNTRY_FIELD, FIGURES_SECONDS, KINDS, _signature, awaiting_q, bucket_start, calendar_bucket,
                      connections, reached, reached_q)

# ---- Impact (public) ------------------------------------------------------------------


def _countries_reached(rows):
    """Countries of the listings and of the requesters' own needs in ``rows``."""
    codes = set()
    for model in KINDS.values():
        ids = rows.filter(content_type=ContentType.objects.get_for_model(model)).values("object_id")
        codes.update(model.objects.filter(pk__in=ids).values_list(COUNTRY_FIELD[model], flat=True))
    codes.update(rows.exclude(about_need=None).values_list("about_need__country", flat=True))
    codes.discard(None)
    return sorted(codes)


def impact(filters):
    """Connections made, agreements reached, deployments, per year, and the countries they reached.

    Unfiltered from the background job's snapshot, filtered from the shared cache (a minute).
    """
    if filters.is_unfiltered:
        from . import snapshots

        return snapshots.current()["impact"]
    key = f"stats:impact:v2:{_signature()}:{filters.key()}"
    return cache.get_or_set(key, lambda: _impact(filters), FIGURES_SECONDS)


def _impact(filters):
    rows = connections(filters)
    agreed = reached(rows, Stage.AGREEMENT)
    deployed = reached(rows, Stage.DEPLOYED)
    per_year = {}
    for bucket, *totals in rows.annotate(bucket=calendar_bucket("created_at", "year")).values_list("bucket").annotate(
            connections=Count("pk"), agreements=Count("pk", filter=reached_q(Stage.AGREEMENT)),
            deployments=Count("pk", filter=reached_q(Stage.DEPLOYED))):
        year = bucket_start(bucket).year
        per_year[year] = {"year": year, **dict(zip(("connections", "agreements", "deployments"), totals))}
    by_type = dict(agreed.exclude(agreement_type="").values_list("agreement_type").annotate(total=Count("pk")))
    awaiting = rows.aggregate(agreements=Count("pk", filter=awaiting_q(Stage.AGREEMENT)),
                              deployments=Count("pk", filter=awaiting_q(Stage.DEPLOYED)))
    awaiting_by_type = dict(rows.filter(awaiting_q(Stage.AGREEMENT)).exclude(agreement_type="")
                            .values_list("agreement_type").annotate(total=Count("pk")))
    reached_codes = _countries_reached(agreed)
    return {
        "connections": rows.count(),
        "agreements": agreed.count(),
        "deployments": deployed.count(),
        # Claimed by one side, awaiting the other's confirmation: shown apart, never added in.
        "agreements_awaiting": awaiting["agreements"],
        "deployments_awaiting": awaiting["deployments"],
        "agreement_types": [{"type": value, "label": label, "connections": by_type.get(value, 0),
                             "awaiting": awaiting_by_type.get(value, 0)} for value, label in AgreementType.choices],
        "per_year": [per_year[year] for year in sorted(per_year)],
        "countries": list(Country.objects.filter(code__in=reached_codes).values("code", "name")),
    }


# ---- Staff dashboard ------------------------------------------------------------------


def _percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))] if ordered else None


def _hours(delta):
    return round(delta.total_seconds() / 3600, 1)


def moderation(filters):
    """Decisions on submitted listings per month, and how long each listing waited for its decision."""
    decisions = AuditEntry.objects.filter(
        from_status=Status.SUBMITTED, to_status__in=(Status.PUBLISHED, Status.REJECTED)).order_by()
    if filters.start():
        decisions = decisions.filter(at__gte=filters.start())
    if filters.end():
        decisions = decisions.filter(at__lt=filters.end())
    submitted_at = Subquery(
        AuditEntry.objects.filter(content_type=OuterRef("content_type"), object_id=OuterRef("object_id"),
                                  to_status=Status.SUBMITTED, at__lte=OuterRef("at"))
        .order_by("-at").values("at")[:1])
    per_month = {}
    for month, to_status, total in (decisions.annotate(month=TruncMonth("at")).values_list("month", "to_status")
                                    .annotate(total=Count("pk"))):
        row = per_month.setdefault(month.date(), {"month": month.date(), "published": 0, "rejected": 0})
        row[to_status] = total
    waits = [_hours(at - since) for at, since in decisions.annotate(since=Subquery(submitted_at))
             .values_list("at", "since") if since]
    now = timezone.now()
    waiting = []
    for model in KINDS.values():
        queue = model.objects.filter(status=Status.SUBMITTED).order_by()
        waiting += [_hours(now - since) for since in queue.annotate(since=Subquery(
            AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(model),
                                      object_id=OuterRef("pk"), to_status=Status.SUBMITTED)
            .order_by("-at").values("at")[:1])).values_list("since", flat=True) if since]
    handled = Report.objects.exclude(handled_at=None).order_by()
    if filters.start():
        handled = handled.filter(handled_at__gte=filters.start())
    if filters.end():
        handled = handled.filter(handled_at__lt=filters.end())
    report_waits = [_hours(done - made) for made, done in handled.values_list("created_at", "handled_at")]
    return {
        "per_month": [per_month[month] for month in sorted(per_month)],
        "decisions": len(waits),
        "wait_median_hours": round(median(waits), 1) if waits else None,
        "wait_p90_hours": _percentile(waits, 90),
        "queue": sum(model.objects.filter(status=Status.SUBMITTED).count() for model in KINDS.values()),
        "queue_oldest_hours": max(waiting) if waiting else None,
        "open_reports": Report.objects.filter(state=Report.State.OPEN).count(),
        "reports_handled": len(report_waits),
        "report_wait_median_hours": round(median(report_waits), 1) if report_waits else None,
    }


def imports(filters):
    """Import jobs per month: files, listings created and updated, rows rejected, jobs failed."""
    jobs = ImportJob.objects.order_by()
    if filters.start():
        jobs = jobs.filter(created_at__gte=filters.start())
    if filters.end():
        jobs = jobs.filter(created_at__lt=filters.end())
    rows = (jobs.annotate(month=TruncMonth("created_at")).values("month")
            .annotate(jobs=Count("pk"), created=Sum("created"), updated=Sum("updated"), rejected=Sum("rejected"),
                      failed=Count("pk", filter=Q(status=ImportJob.Status.FAILED))))
    return [{**row, "month": row["month"].date()} for row in rows.order_by("month")]


def members():
    """Members who logged in within the last 30 and 90 days, and new members in the last 30."""
    now = timezone.now()
    active = User.objects.filter(is_active=True)
    return {
        "active_30_days": active.filter(last_login__gte=now - timedelta(days=30)).count(),
        "active_90_days": active.filter(last_login__gte=now - timedelta(days=90)).count(),
        "joined_30_days": active.filter(date_joined__gte=now - timedelta(days=30)).count(),
        "members": active.count(),
    }


def freshness():
    """Published listings per kind, and how many of them are stale (not confirmed by their owner for a year)."""
    rows, stale_total, published_total = [], 0, 0
    for kind, model in KINDS.items():
        counts = model.objects.published().order_by().aggregate(
            published=Count("pk"), stale=Count("pk", filter=Q(confirmed_current=False)))
        rows.append({"kind": kind, "label": model._meta.verbose_name_plural.capitalize(), **counts})
        stale_total += counts["stale"]
        published_total += counts["published"]
    return {"kinds": rows, "stale": stale_total, "published": published_total}


def staff_dashboard(filters):
    return {"moderation": moderation(filters), "imports": imports(filters), "members": members(),
            "freshness": freshness()}
