"""Pages of notifications, email preferences, unsubscribe links and saved searches.

Thin: parse, call a selector or service, render. A member reaches only their
own rows (selectors answer 404 for anyone else's).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from verdex.search.query import SearchQuery

from . import selectors, services, tokens
from .forms import PreferencesForm, SavedSearchForm, SaveSearchForm
from .models import Kind

PER_PAGE = 30


@login_required
@require_GET
def notification_list(request):
    page_obj = Paginator(selectors.notifications_for(user=request.user), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page_obj": page_obj, "notifications": page_obj.object_list})


@require_GET
def bell(request):
    """The bell alone, for htmx to refresh its count; 286 (htmx: stop polling) once logged out."""
    if not request.user.is_authenticated:
        return HttpResponse(status=286)
    return render(request, "notifications/_bell.html", {"notifications_unread": selectors.unread_count(user=request.user)})


@login_required
@require_POST
def mark_read(request, pk):
    notification = selectors.notification_of(user=request.user, pk=pk)
    services.mark_read(notification=notification, user=request.user)
    if request.POST.get("open") and notification.url:
        return HttpResponseRedirect(notification.url)
    return redirect("notifications:list")


@login_required
@require_POST
def mark_all_read(request):
    count = services.mark_all_read(user=request.user)
    messages.success(request, f"Marked {count} notification{'s' if count != 1 else ''} as read.")
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    current = selectors.preferences_for(user=request.user)
    form = PreferencesForm(request.POST or None, initial_frequencies=current)
    if request.method == "POST" and form.is_valid():
        services.set_preferences(user=request.user, frequencies=form.cleaned_data)
        messages.success(request, "Your email preferences are saved.")
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


@csrf_exempt  # RFC 8058 one-click: the mail client posts without a session; the signed token is the check
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET confirms; POST (from the page or a mail client's one-click) unsubscribes."""
    read = tokens.read(token)
    if read is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        try:
            _, kinds = services.unsubscribe(token=token)
        except ValidationError:
            return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
        return render(request, "notifications/unsubscribe.html", {"done": True, "labels": _labels(kinds)})
    return render(request, "notifications/unsubscribe.html", {"token": token, "labels": _labels(read[1])})


def _labels(kinds):
    return [Kind(kind).label for kind in kinds if kind in Kind.values]


# ---- Saved searches -------------------------------------------------------------


@login_required
@require_GET
def saved_searches(request):
    rows = [
        (saved, SavedSearchForm(initial={"name": saved.name, "frequency": saved.frequency, "paused": saved.paused},
                                prefix=f"s{saved.pk}"))
        for saved in selectors.saved_searches_of(user=request.user)
    ]
    email_choice = selectors.email_frequency(user=request.user, kind=Kind.SAVED_SEARCH_HIT)
    return render(request, "notifications/saved_searches.html", {"rows": rows, "alerts_muted": email_choice == "never"})


@login_required
@require_POST
def save_search(request):
    form = SaveSearchForm(request.POST)
    back = _safe_next(request)
    if not form.is_valid():
        for field, errors in form.errors.items():
            messages.error(request, f"{form.fields[field].label if field in form.fields else field}: {' '.join(errors)}")
        return HttpResponseRedirect(back)
    query = SearchQuery.from_params(form.cleaned_data["kind"], QueryDict(form.cleaned_data["query"]))
    try:
        saved = services.save_search(
            user=request.user, name=form.cleaned_data["name"], query=query, frequency=form.cleaned_data["frequency"],
        )
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
        return HttpResponseRedirect(back)
    messages.success(request, f"Saved “{saved.name}”. Manage it on your saved searches page.")
    return HttpResponseRedirect(back)


@login_required
@require_POST
def update_saved_search(request, pk):
    saved = selectors.saved_search_of(user=request.user, pk=pk)
    form = SavedSearchForm(request.POST, prefix=f"s{saved.pk}")
    if not form.is_valid():
        for field, errors in form.errors.items():
            messages.error(request, f"{form.fields[field].label}: {' '.join(errors)}")
        return redirect("notifications:saved_searches")
    try:
        services.update_saved_search(saved_search=saved, user=request.user, **form.cleaned_data)
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
        return redirect("notifications:saved_searches")
    messages.success(request, f"Saved “{form.cleaned_data['name']}”.")
    return redirect("notifications:saved_searches")


@login_required
@require_POST
def delete_saved_search(request, pk):
    saved = selectors.saved_search_of(user=request.user, pk=pk)
    services.delete_saved_search(saved_search=saved, user=request.user)
    messages.success(request, f"Deleted the saved search “{saved.name}”.")
    return redirect("notifications:saved_searches")


@login_required
@require_GET
def saved_search_results(request, pk):
    """The saved search's page, newest first: where an alert links to."""
    saved = selectors.saved_search_of(user=request.user, pk=pk)
    return HttpResponseRedirect(f"{saved.search_url}&sort=newest")


def _safe_next(request):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("notifications:saved_searches")


def _messages_of(error):
    if hasattr(error, "error_dict"):
        return [
            message if field == "__all__" else f"{field.capitalize()}: {message}"
            for field, field_messages in error.message_dict.items() for message in field_messages
        ]
    return error.messages
