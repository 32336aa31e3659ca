"""Statistics pages: charts with their tables, the impact page, the staff dashboard, CSV downloads.

Filters come from the GET parameters (``filters.parse``); invalid values are
shown as messages and ignored, never an error page.
"""

import csv

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from . import dashboards, figures, selectors
from .filters import parse

STAFF_PERMISSION = "accounts.view_statistics"

# (figure, chart type) in page order; statistics.js draws each type.
CHARTS = [
    ("growth", "growth"), ("fields", "bars"), ("maturity", "bars"), ("regions", "bars"),
    ("countries", "bars"), ("funnel", "funnel"), ("outcomes", "bars"), ("declines", "bars"),
]


def _tables(data):
    """Each figure as (name, title, columns, rows of cells), for the pages' accessible tables."""
    return {
        name: {
            "name": name,
            "title": figure.title,
            "headings": [heading for _, heading in figure.columns],
            "rows": [[row[key] for key, _ in figure.columns] for row in data[name]],
        }
        for name, figure in figures.FIGURES.items()
    }


def index(request):
    filters, form = parse(request.GET)
    data = figures.all_figures(filters)
    tables = _tables(data)
    return render(request, "stats/index.html", {
        "headline": selectors.headline_counts(),
        "filters": filters,
        "form": form,
        "figures": data,
        "charts": [(tables[name], kind) for name, kind in CHARTS],
        "map_table": tables["map"],
        "stage_table": tables["stages"],
        "can_view_staff": request.user.has_perm(STAFF_PERMISSION),
    })


def impact(request):
    filters, form = parse(request.GET)
    return render(request, "stats/impact.html", {"filters": filters, "form": form,
                                                 "impact": dashboards.impact(filters)})


def staff(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(STAFF_PERMISSION):
        raise PermissionDenied("Only programme managers may see the staff dashboard.")
    filters, form = parse(request.GET)
    return render(request, "stats/staff.html", {
        "filters": filters, "form": form, "dashboard": dashboards.staff_dashboard(filters),
        "programme": selectors.programme_statistics(),
    })


def figure_csv(request, name):
    """One figure as CSV, with the same filters as the page; a first comment-free header row, then data."""
    figure = figures.FIGURES.get(name)
    if figure is None:
        raise Http404("No such figure.")
    filters, _ = parse(request.GET)
    rows = figures.figure(name, filters)
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="verdex-{name}-{stamp}.csv"'
    writer = csv.writer(response)
    writer.writerow([key for key, _ in figure.columns])
    for row in rows:
        writer.writerow(["" if row[key] is None else row[key] for key, _ in figure.columns])
    return response
