from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from verdex.catalog import permissions
from verdex.catalog.selectors import get_visible_listing

from . import selectors, services
from .forms import FeedbackForm


def _suggestions_context(request, listing):
    user = request.user
    full_details = permissions.can_see_full_details(user, listing)
    groups = []
    if full_details and listing.is_published:
        matches = selectors.matches_for(listing)
        selectors.attach_feedback(matches, user=user, source=listing)
        groups = [(selectors.KIND_HEADINGS[kind], kind, shown) for kind, shown in matches.items()]
        if listing.kind == "need" and permissions.can_edit(user, listing):
            services.mark_seen(user=user, need=listing)
    return {"listing": listing, "full_details": full_details, "groups": groups}


@require_GET
def suggestions(request, kind, pk):
    """A listing's suggested matches: an htmx fragment for its detail page, or a page of its own."""
    listing = get_visible_listing(kind=kind, pk=pk, user=request.user)
    context = _suggestions_context(request, listing)
    template = "matching/_suggestions.html" if request.htmx else "matching/suggestions.html"
    return render(request, template, context)


def _next_url(request, fallback):
    url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return fallback


@require_POST
@login_required
def feedback(request, kind, pk, target_kind, target_pk):
    """Mark one suggestion useful or not; answers the updated buttons to htmx, else goes back."""
    form = FeedbackForm(request.POST)
    source = get_visible_listing(kind=kind, pk=pk, user=request.user)
    context = {"source": source, "target_kind": target_kind, "target_pk": target_pk,
               "next": _next_url(request, "")}
    if not form.is_valid():
        context["error"] = form.errors["useful"][0]
        return render(request, "matching/_feedback.html", context, status=400)
    record = services.record_feedback(
        user=request.user, source_kind=kind, source_pk=pk, target_kind=target_kind, target_pk=target_pk,
        useful=form.cleaned_data["useful"],
    )
    if request.htmx:
        return render(request, "matching/_feedback.html", {**context, "feedback": record, "saved": True})
    messages.success(request, "Thank you: your feedback on this suggestion is saved.")
    return redirect(_next_url(request, reverse("matching:suggestions", args=[kind, pk])))

