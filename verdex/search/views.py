"""Browse and search pages: one view for every kind, driven by GET parameters.

The page works as a plain form; with htmx the form swaps only the search
area (facets and results) and pushes the URL, so links stay shareable.

Without htmx the form posts, and so does htmx when the text is long
(static/js/search-form.js): the POST only redirects to the GET address of the
search, where a text too long for a URL is a short ``qref`` reference
(stored_texts.py). A request line over ~4 KB is refused by gunicorn (414).
"""

from django.contrib import messages
from django.http import HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from .engine import search
from .query import MAX_TEXT_LENGTH, SearchQuery, clean_text
from .stored_texts import URL_TEXT_LIMIT, needs_reference, remember_text

# Characters of a posted text that are read at all: a multi-megabyte paste is
# cut here before cleaning, so it costs no more than a long one.
READ_LIMIT = 20 * MAX_TEXT_LENGTH

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


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def browse(request, kind):
    if request.method == "POST":
        response = HttpResponseRedirect(_results_url(request))
        response.status_code = 303  # "see other": the browser GETs the results
        return response
    _note_if_cut(request, request.GET.get("q", ""))
    results = search(SearchQuery.from_params(kind, request.GET), request.user)
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "kind": kind,
        "page": PAGES[kind],
        "results": results,
        "page_obj": results.page_obj,
        "query_string": params.urlencode(),
        "url_text_limit": URL_TEXT_LIMIT,
    }
    template = "search/_search_area.html" if request.htmx else "search/browse.html"
    return render(request, template, context)


def _results_url(request):
    """The GET address of the posted search: its text first (as q, or as qref when long), then the rest.

    The page number is dropped (a changed search starts at page 1), and so is
    the CSRF token, which must never end up in a URL.
    """
    params = request.POST.copy()
    for name in ("csrfmiddlewaretoken", "page", "q", "qref"):
        params.pop(name, None)
    raw = request.POST.get("q", "")
    _note_if_cut(request, raw)
    text = clean_text(raw[:READ_LIMIT])
    address = QueryDict(mutable=True)
    if text:
        if needs_reference(text):
            address["qref"] = remember_text(text=text)
        else:
            address["q"] = text
    for name in params:
        address.setlist(name, params.getlist(name))
    return f"{request.path}?{address.urlencode()}" if address else request.path


def _note_if_cut(request, raw):
    """Tell the visitor when their text was longer than a search reads."""
    length = len(" ".join(raw.split()))
    if length > MAX_TEXT_LENGTH:
        messages.info(
            request,
            f"Your text has {length:,} characters; a search reads the first {MAX_TEXT_LENGTH:,}, "
            "so the rest was left out. Put the most important part first.",
        )
