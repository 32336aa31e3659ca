"""Benchmark the statistics page and API on generated listings (issue 19: p95 < 300 ms at 100,000 listings).

    .venv/bin/python scripts/bench_statistics.py [--technologies 100000] [--needs 20000] [--experts 5000]

Uses the scratch database of scripts/bench_search.py (DATABASE_URL, by default
/tmp/bench_search.sqlite3), so a database that the search benchmark built is
reused; listings are added with ``manage.py generate_demo`` when fewer exist,
and synthetic connections (random stages, outcomes and dates) when fewer than
``--connections`` exist. It prints the machine and its load, then times each
figure's queries alone, the background job that refreshes the unfiltered
snapshot, and, for each filter combination, the page once cold (cache
emptied, then the job's snapshot made again, as the job keeps it: unfiltered
figures come from it, filtered ones are computed) and ``--repeat`` times warm
(from the shared cache, headline counts live), and the API's
/statistics/figures the same way. Prints Markdown tables.

Pass DATABASE_URL to work on a copy: migrate adds this branch's indexes.
"""

import argparse
import os
import platform
import random
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FILTERS = [
    {},
    {"period": "12m"},
    {"country": "KE"},
    {"region": "002"},
    {"field": "Y02E"},
    {"org_type": "sme"},
    {"period": "24m", "region": "142", "field": "Y02E"},
    {"from": "2000-01-01", "to": "2000-12-31"},
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--technologies", type=int, default=100_000)
    parser.add_argument("--needs", type=int, default=20_000)
    parser.add_argument("--experts", type=int, default=5_000)
    parser.add_argument("--connections", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--figures-only", action="store_true",
                        help="only time each figure's queries (no page or API requests)")
    return parser.parse_args()


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def machine():
    """Where and when: CPU, cores, date and load average (numbers from a loaded machine mislead)."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}; `uptime`: {uptime}"


def time_figures(repeat=3):
    """Each figure's queries alone, cache bypassed: the median of ``repeat`` runs per filter set, in ms."""
    from verdex.stats import dashboards, figures
    from verdex.stats.filters import parse

    names = [*figures.FIGURES, "impact"]
    timings = {name: [] for name in names}
    for params in FILTERS:
        filters, _ = parse(params)
        for name in names:
            compute = (lambda: dashboards._impact(filters)) if name == "impact" else (
                lambda: figures.FIGURES[name].compute(filters))
            runs = []
            for _ in range(repeat):
                started = time.perf_counter()
                compute()
                runs.append((time.perf_counter() - started) * 1000)
            timings[name].append(sorted(runs)[len(runs) // 2])
    print("\n| figure | no filters | median over filter sets | max over filter sets |")
    print("|---|---|---|---|")
    for name, values in timings.items():
        print(f"| {name} | {values[0]:.0f} | {percentile(values, 50):.0f} | {max(values):.0f} |")
    total = [sum(values[i] for values in timings.values()) for i in range(len(FILTERS))]
    print(f"| **all** | {total[0]:.0f} | {percentile(total, 50):.0f} | {max(total):.0f} |")
    print(f"\nMilliseconds per figure, computed without the cache (median of {repeat} runs), "
          f"for the {len(FILTERS)} filter sets.")


def add_connections(wanted):
    """Synthetic connections over random published listings (scratch database only)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from verdex.accounts.models import User
    from verdex.catalog.models import Need, Technology
    from verdex.connections.models import AgreementType, Connection, DeclineReason, Stage

    missing = wanted - Connection.objects.count()
    if missing <= 0:
        return
    rng = random.Random(19)
    users = list(User.objects.values_list("pk", flat=True)[:500])
    now = timezone.now()
    rows = []
    for model in (Technology, Need):
        content_type = ContentType.objects.get_for_model(model)
        listings = list(model.objects.published().values_list("pk", "owner_id", "title")[:20_000])
        for _ in range(missing // 2):
            pk, owner, title = rng.choice(listings)
            stage = rng.choices(list(Stage.values), weights=[30, 15, 15, 10, 10, 5, 15])[0]
            rows.append(Connection(
                requester_id=rng.choice(users), owner_id=owner, content_type=content_type, object_id=pk,
                listing_title=title[:200], message="Synthetic request for the statistics benchmark.", stage=stage,
                agreement_type=rng.choice(AgreementType.values) if stage in ("agreement", "deployed") else "",
                decline_reason=rng.choice(DeclineReason.values) if stage == "declined" else "",
            ))
    with transaction.atomic():
        Connection.objects.bulk_create(rows, batch_size=2000)
        # Spread the request dates over three years (created_at is auto_now_add).
        for row in rows:
            Connection.objects.filter(pk=row.pk).update(created_at=now - timedelta(days=rng.randrange(0, 1100)))
    print(f"added {len(rows)} synthetic connections")


def main():
    args = parse_args()
    os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/bench_search.sqlite3")
    if os.environ["DATABASE_URL"].startswith("sqlite:///"):
        os.environ.setdefault("SEARCH_INDEX_DIR", os.environ["DATABASE_URL"].removeprefix("sqlite:///") + ".search-index")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verdex.settings")
    os.environ.setdefault("JOBS_RUN_INLINE", "1")
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from verdex.catalog.models import Expert, Need, Source, Technology

    settings.ALLOWED_HOSTS = ["*"]
    settings.API_RATE_LIMIT_ANON = "1000000/m"
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    wanted = {"technologies": (Technology, args.technologies), "needs": (Need, args.needs),
              "experts": (Expert, args.experts)}
    missing = {name: max(0, n - model.objects.filter(source=Source.PARTNER, external_id__startswith="synthetic-")
                         .count()) for name, (model, n) in wanted.items()}
    if any(missing.values()):
        call_command("generate_demo", technologies=args.technologies, needs=args.needs, experts=args.experts,
                     batch=5000)
    add_connections(args.connections)
    total = sum(model.objects.published().count() for model, _ in wanted.values())
    print(f"Database {connection.vendor} {settings.DATABASES['default']['NAME']}: {total} published listings")
    print(f"Machine: {machine()}")
    time_figures()
    if args.figures_only:
        return

    from verdex.stats import snapshots

    jobs = []
    for _ in range(3):
        started = time.perf_counter()
        snapshots.refresh()
        jobs.append((time.perf_counter() - started) * 1000)
    print(f"\nrefresh_statistics job (unfiltered figures and impact): median {percentile(jobs, 50):.0f} ms "
          f"of {len(jobs)}")

    client = Client()  # no setup_test_environment: its template instrumentation would be timed too
    results = {}
    for label, path in (("page", "/statistics/"), ("API", "/api/v1/statistics/figures")):
        cold, warm = [], []
        for params in FILTERS:
            cache.clear()
            snapshots.refresh()  # the job's snapshot exists whenever the site runs
            started = time.perf_counter()
            response = client.get(path, params)
            cold.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (path, params, response.status_code)
            for _ in range(args.repeat):
                started = time.perf_counter()
                client.get(path, params)
                warm.append((time.perf_counter() - started) * 1000)
        results[label] = (cold, warm)

    print(f"\n### Statistics on {connection.vendor}, {total:,} published listings\n")
    print("| request | cold p50 | cold max | warm p50 | warm p95 | warm max |")
    print("|---|---|---|---|---|---|")
    for label, (cold, warm) in results.items():
        print(f"| {label} ({len(FILTERS)} filter sets) | {percentile(cold, 50):.0f} | {max(cold):.0f} | "
              f"{percentile(warm, 50):.0f} | {percentile(warm, 95):.0f} | {max(warm):.0f} |")
    print("\nMilliseconds, in process (Django test client, no HTTP). Cold: the first request for a filter set "
          "after the cache was emptied (the job's unfiltered snapshot made again first); warm: the next ones, "
          "within the cache's minute.")


if __name__ == "__main__":
    main()
