from django.shortcuts import render
from django.views.decorators.http import require_GET

from verdex.catalog.models import Expert, Need, Technology
from verdex.connections.models import Connection
from verdex.organisations.models import Organisation

NEWEST_ON_HOME = 6


def headline_counts():
    """The figures on the home page; listings count only when published."""
    return {
        "technologies": Technology.objects.published().count(),
        "needs": Need.objects.published().count(),
        "experts": Expert.objects.published().count(),
        "organisations": Organisation.objects.count(),
        "partners": Organisation.objects.filter(is_partner=True).count(),
        "connections": Connection.objects.count(),
    }


def _newest(model, *related):
    return (
        model.objects.published()
        .select_related("organisation", *related)
        .prefetch_related("fields")
        .order_by("-published_at", "-pk")[:NEWEST_ON_HOME]
    )


@require_GET
def home(request):
    return render(request, "core/home.html", {
        "counts": headline_counts(),
        "newest_technologies": _newest(Technology, "developed_in"),
        "newest_needs": _newest(Need, "country"),
    })
