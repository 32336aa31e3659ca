from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from verdex.catalog.duplicates import duplicates_for
from verdex.catalog.models import LISTING_MODELS, Status
from verdex.catalog.selectors import get_visible_listing, listing_model
from verdex.catalog.services import TransitionNotAllowed, transition
from verdex.core import ratelimit

from . import selectors, services
from .forms import AuditFilterForm, DecisionForm, DismissForm, ReportForm, UpholdForm
from .models import Report

QUEUE_ACTIONS = ("publish", "reject", "unpublish")


def moderator_required(view):
    """Visitors go to the login page; members without the moderation permission get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_moderator:
            raise PermissionDenied("Only moderators may open this page.")
        return view(request, *args, **kwargs)

    return wrapper


def _error_text(error):
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


@require_GET
@moderator_required
def queue(request):
    tab = "published" if request.GET.get("tab") == "published" else "submitted"
    context = {"tab": tab, "counts": selectors.queue_counts(), "kinds": list(LISTING_MODELS)}
    if tab == "submitted":
        listings = selectors.submitted_listings()
        for listing, duplicate in zip(listings, duplicates_for(listings, request.user)):
            listing.possible_duplicate = duplicate
        context["listings"] = listings
    else:
        kind = request.GET.get("kind") if request.GET.get("kind") in LISTING_MODELS else "technology"
        query = request.GET.get("q", "").strip()
        page_obj = Paginator(selectors.published_listings(kind=kind, query=query), 25).get_page(
            request.GET.get("page")
        )
        context.update(
            kind=kind, query=query, page_obj=page_obj,
            query_string=urlencode({"tab": tab, "kind": kind, "q": query}),
        )
    return render(request, "moderation/queue.html", context)


@require_POST
@moderator_required
def decide(request, kind, pk, action):
    """Publish, reject or unpublish a listing; the catalog lifecycle does the change."""
    if action not in QUEUE_ACTIONS:
        raise Http404("No such moderation action.")
    listing = get_object_or_404(listing_model(kind), pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"Reason: {form.errors['reason'][0]}")
    else:
        try:
            transition(listing=listing, action=action, by=request.user, reason=form.cleaned_data["reason"])
        except (TransitionNotAllowed, ValidationError, PermissionDenied) as error:
            messages.error(request, f"“{listing}” was not changed: {_error_text(error)}")
        else:
            past_tense = {"publish": "published", "reject": "rejected", "unpublish": "unpublished"}
            messages.success(request, f"“{listing}” is now {past_tense[action]}.")
    back = reverse("moderation:queue")
    if action == "unpublish":
        back += "?" + urlencode({"tab": "published", "kind": kind})
    return redirect(back)


@login_required
@require_http_methods(["GET", "POST"])
def report(request, kind, pk):
    """A member reports a published listing to the moderators."""
    listing = get_visible_listing(kind=kind, pk=pk, user=request.user)
    if listing.status != Status.PUBLISHED:
        raise Http404("Only published listings can be reported.")
    status, retry_after = 200, None
    already_reported = selectors.has_open_report(reporter=request.user, listing=listing)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ratelimit.check(request.user, "report")
            services.report_listing(
                listing=listing, reporter=request.user,
                reason=form.cleaned_data["reason"], details=form.cleaned_data["details"],
            )
        except ratelimit.RateLimited as error:
            form.add_error(None, str(error))
            status, retry_after = 429, error.retry_after
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, _error_text(error))
        else:
            messages.success(request, "Thank you. Moderators will review your report.")
            return redirect(listing.get_absolute_url())
    response = render(
        request, "moderation/report_form.html",
        {"listing": listing, "form": form, "already_reported": already_reported},
        status=status,
    )
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


@require_GET
@moderator_required
def reports(request):
    return render(request, "moderation/reports.html", {
        "open_reports": selectors.open_reports(),
        "handled_reports": selectors.recently_handled_reports(),
        "counts": selectors.queue_counts(),
    })


@require_POST
@moderator_required
def handle_report(request, pk, decision):
    report = get_object_or_404(Report, pk=pk)
    form = (UpholdForm if decision == "uphold" else DismissForm)(request.POST)
    if not form.is_valid():
        messages.error(request, "Say why the report is dismissed; the note is required.")
        return redirect("moderation:reports")
    try:
        if decision == "uphold":
            services.uphold_report(report=report, by=request.user, note=form.cleaned_data["note"])
            messages.success(request, "Report upheld; the listing is unpublished and its owner can see why.")
        else:
            services.dismiss_report(report=report, by=request.user, note=form.cleaned_data["note"])
            messages.success(request, "Report dismissed.")
    except (ValidationError, TransitionNotAllowed, PermissionDenied) as error:
        messages.error(request, _error_text(error))
    return redirect("moderation:reports")


@require_GET
@moderator_required
def deleted(request):
    """Soft-deleted listings, each with its restore button (the catalog lifecycle restores)."""
    return render(request, "moderation/deleted.html", {
        "listings": selectors.deleted_listings(), "counts": selectors.queue_counts(),
    })


@require_GET
@moderator_required
def freshness(request):
    """Published listings whose owners have not confirmed them current, oldest confirmation first."""
    page_obj = Paginator(selectors.stale_listings(), 25).get_page(request.GET.get("page"))
    return render(request, "moderation/freshness.html", {
        "page_obj": page_obj, "counts": selectors.queue_counts(), "query_string": "",
        "confirm_months": settings.LISTING_CONFIRM_MONTHS, "grace_days": settings.LISTING_CONFIRM_GRACE_DAYS,
    })


@require_GET
@moderator_required
def audit(request):
    form = AuditFilterForm(request.GET or None, actions=selectors.audit_actions())
    filters = form.cleaned_data if form.is_valid() else {}
    entries = selectors.audit_entries(action=filters.get("action", ""), kind=filters.get("kind", ""))
    page_obj = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "moderation/audit.html", {
        "form": form,
        "page_obj": page_obj,
        "query_string": urlencode({key: value for key, value in filters.items() if value}),
    })
