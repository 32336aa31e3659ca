"""Browse and search pages: one view for every kind, driven by GET parameters.

The page works as a plain GET form; with htmx the form swaps only the search
area (facets and results) and pushes the URL, so links stay shareable.
"""

from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from .engine import search
from .query import SearchQuery

PAGES = {
    "technology": {"title": "Technologies", "singular": "technology", "plural": "technologies",
                   "intro": "Green technologies offered by their owners for licensing, sale, "
                            "collaboration or free use."},
    "need": {"title": "Needs", "singular": "need", "plural": "needs",
             "intro": "Problems that organisations and communities want a green technology to solve."},
    "expert": {"title": "Experts", "singular": "expert", "plural": "experts",
               "intro": "People who offer advice on choosing, adapting and deploying green technologies."},
    "organisation": {"title": "Organisations", "singular": "organisation", "plural": "organisations",
                     "intro": "Companies, universities, public bodies and others taking part in the exchange."},
}


@require_GET
@vary_on_headers("HX-Request")
def browse(request, kind):
    results = search(SearchQuery.from_params(kind, request.GET), request.user)
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "kind": kind,
        "page": PAGES[kind],
        "results": results,
        "page_obj": results.page_obj,
        "query_string": params.urlencode(),
    }
    template = "search/_search_area.html" if request.htmx else "search/browse.html"
    return render(request, template, context)
