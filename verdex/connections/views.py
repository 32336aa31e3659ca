from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from verdex.catalog import permissions
from verdex.catalog.models import Status
from verdex.catalog.selectors import get_visible_listing
from verdex.core import ratelimit

from . import selectors, services
from .forms import ConnectionRequestForm, MessageForm, StageForm


def _add_errors(form, error):
    """Put a service's ValidationError on the form fields it names, or on the form."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for field, field_errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    elif isinstance(error, ValidationError):
        form.add_error(None, error.messages)
    else:
        form.add_error(None, str(error))


@login_required
@require_http_methods(["GET", "POST"])
def request_connection(request, kind, pk):
    listing = get_visible_listing(kind=kind, pk=pk, user=request.user)
    if listing.status != Status.PUBLISHED:
        raise Http404("Only published listings accept connection requests.")
    form = ConnectionRequestForm(request.POST or None, requester=request.user, listing=listing)
    status, retry_after = 200, None
    if request.method == "POST" and form.is_valid():
        try:
            ratelimit.check(request.user, "connection-request")
            connection = services.request_connection(
                requester=request.user, listing=listing,
                message=form.cleaned_data["message"], about_need=form.cleaned_data.get("about_need"),
            )
        except ratelimit.RateLimited as error:
            form.add_error(None, str(error))
            status, retry_after = 429, error.retry_after
        except (ValidationError, PermissionDenied) as error:
            _add_errors(form, error)
        else:
            messages.success(request, "Your request has been sent. We emailed the owner.")
            return redirect("connections:detail", pk=connection.pk)
    response = render(request, "connections/request_form.html", {
        "listing": listing,
        "form": form,
        "own_listing": permissions.can_edit(request.user, listing),
    }, status=status)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


@login_required
@require_GET
def connection_list(request):
    received, sent = [], []
    for connection in selectors.connections_for(request.user):
        (received if connection.owner_id == request.user.pk else sent).append(connection)
    return render(request, "connections/list.html", {"received": received, "sent": sent})


def _detail(request, connection, *, stage_form=None, message_form=None, status=200):
    stages = selectors.next_stages(request.user, connection)
    role = selectors.role_in(request.user, connection)
    if role:
        others = [connection.requester if role == "owner" else connection.owner]
    else:  # a moderator reading along
        others = [connection.requester, connection.owner]
    parties = [
        {
            "user": person,
            "role": "Listing owner" if person.pk == connection.owner_id else "Requester",
            "organisations": selectors.organisations_of(person) if connection.shares_contact_details else [],
        }
        for person in others
    ]
    listing = connection.listing
    return render(request, "connections/detail.html", {
        "connection": connection,
        "listing": listing if listing is not None and listing.status == Status.PUBLISHED else None,
        "role": role,
        "parties": parties,
        "events": connection.events.select_related("actor"),
        # The other side of a claimed outcome may confirm or dispute it; the claimant waits.
        "can_answer_claim": bool(role) and connection.claim_pending and connection.claimed_by_id != request.user.pk,
        "stage_form": stage_form or (StageForm(stages=stages, prefix="move") if stages else None),
        "message_form": message_form
        or (MessageForm(prefix="message") if role and connection.is_open else None),
    }, status=status)


@login_required
@require_GET
def connection_detail(request, pk):
    return _detail(request, selectors.get_connection_for(request.user, pk))


@login_required
@require_POST
def move(request, pk):
    connection = selectors.get_connection_for(request.user, pk)
    stages = selectors.next_stages(request.user, connection)
    if not stages:
        messages.error(request, "You cannot change the stage of this connection.")
        return redirect("connections:detail", pk=connection.pk)
    form = StageForm(request.POST, stages=stages, prefix="move")
    if form.is_valid():
        try:
            services.move_connection(
                connection=connection, by=request.user, to_stage=form.cleaned_data["to_stage"],
                note=form.cleaned_data["note"],
                decline_reason=form.cleaned_data.get("decline_reason", ""),
                agreement_type=form.cleaned_data.get("agreement_type", ""),
            )
        except (ValidationError, PermissionDenied, services.StageChangeNotAllowed) as error:
            _add_errors(form, error)
        else:
            connection.refresh_from_db()
            messages.success(request, f"The connection is now “{connection.get_stage_display()}”.")
            return redirect("connections:detail", pk=connection.pk)
    return _detail(request, connection, stage_form=form, status=400)


@login_required
@require_POST
def add_message(request, pk):
    connection = selectors.get_connection_for(request.user, pk)
    form = MessageForm(request.POST, prefix="message")
    if form.is_valid():
        try:
            services.add_message(connection=connection, by=request.user, note=form.cleaned_data["note"])
        except (ValidationError, PermissionDenied, services.StageChangeNotAllowed) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, "Message added.")
        return redirect("connections:detail", pk=connection.pk)
    return _detail(request, connection, message_form=form, status=400)


@login_required
@require_POST
def answer_claim(request, pk, answer):
    """The other side confirms or disputes a claimed outcome; the service checks who may."""
    connection = selectors.get_connection_for(request.user, pk)
    note = str(request.POST.get("note", ""))[:4000]
    answer_with = services.confirm_outcome if answer == "confirm" else services.dispute_outcome
    try:
        connection = answer_with(connection=connection, by=request.user, note=note)
    except services.StageChangeNotAllowed as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Outcome confirmed by both sides." if answer == "confirm" else
                         f"Outcome disputed; the connection is back at “{connection.get_stage_display()}”.")
    return redirect("connections:detail", pk=pk)
