"""Writes of connections: requesting one, moving it through its stages, messages.

Each function checks who is acting, then writes in one transaction. The other
party is told through ``notifications.notify`` in the same transaction (in-app
at once, email by the job queue as they chose).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse

from verdex.catalog import permissions
from verdex.catalog.models import Status
from verdex.notifications.models import Kind
from verdex.notifications.services import notify

from .models import AgreementType, Connection, ConnectionEvent, DeclineReason, Stage


class StageChangeNotAllowed(Exception):
    """The requested stage does not follow the current one, or not for this person."""


def request_connection(*, requester, listing, message, about_need=None):
    """Ask the owner of a published listing to connect; returns the new Connection."""
    if not requester.is_authenticated or not requester.is_active:
        raise PermissionDenied("Log in to request a connection.")
    if permissions.can_edit(requester, listing):
        raise ValidationError("This is your own listing; you cannot request a connection to it.")
    if about_need is not None and about_need.owner_id != requester.pk:
        raise ValidationError({"about_need": "Choose one of your own needs."})
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": "Write a message to the owner."})
    content_type = ContentType.objects.get_for_model(listing)
    with transaction.atomic():
        # Locking the listing serialises concurrent requests for it, so the
        # duplicate check below cannot be raced.
        listing = type(listing).objects.select_for_update().get(pk=listing.pk)
        if listing.status != Status.PUBLISHED:
            raise PermissionDenied("Only published listings accept connection requests.")
        already_open = Connection.objects.filter(
            requester=requester, content_type=content_type, object_id=listing.pk,
            stage__in=Connection.OPEN_STAGES,
        )
        if already_open.exists():
            raise ValidationError(
                "You already have an open connection about this listing; continue it from your connections."
            )
        connection = Connection.objects.create(
            requester=requester, owner=listing.owner, content_type=content_type, object_id=listing.pk,
            listing_title=str(listing)[:200], about_need=about_need, message=message,
        )
        ConnectionEvent.objects.create(
            connection=connection, actor=requester, to_stage=Stage.REQUESTED, note=message
        )
        _notify(
            connection, connection.owner, kind=Kind.CONNECTION_REQUEST,
            title=f"{requester.name} would like to connect about “{connection.listing_title}”",
            body=(
                f"{requester.name} sent a connection request about your listing "
                f"“{connection.listing_title}”.\n\n{message}\n\n"
                "Accept or decline it on its page; your contact details are shared only once you accept."
            ),
        )
    return connection


def move_connection(*, connection, to_stage, by, note="", decline_reason="", agreement_type=""):
    """Move a connection one step along Connection.TRANSITIONS; returns the updated connection."""
    note = (note or "").strip()
    with transaction.atomic():
        connection = Connection.objects.select_for_update().get(pk=connection.pk)
        role = _role_of(by, connection)
        who_may = Connection.TRANSITIONS[connection.stage].get(to_stage)
        if who_may is None:
            raise StageChangeNotAllowed(
                f"A connection that is “{connection.get_stage_display().lower()}” cannot move to "
                f"“{Stage(to_stage).label.lower() if to_stage in Stage.values else to_stage}”."
            )
        if who_may not in (role, "both"):
            raise StageChangeNotAllowed(
                f"Only the {'listing owner' if who_may == 'owner' else 'requester'} can move this "
                f"connection to “{Stage(to_stage).label.lower()}”."
            )
        if to_stage == Stage.DECLINED:
            if decline_reason not in DeclineReason.values:
                raise ValidationError({"decline_reason": "Choose why you decline."})
            connection.decline_reason = decline_reason
        if to_stage == Stage.AGREEMENT:
            if agreement_type not in AgreementType.values:
                raise ValidationError({"agreement_type": "Choose what kind of agreement you reached."})
            connection.agreement_type = agreement_type
        from_stage = connection.stage
        connection.stage = to_stage
        connection.save()
        ConnectionEvent.objects.create(
            connection=connection, actor=by, from_stage=from_stage, to_stage=to_stage, note=note
        )
        _notify(
            connection, _other_party(by, connection),
            kind=Kind.CONNECTION_ACCEPTED if to_stage == Stage.ACCEPTED else Kind.CONNECTION_STAGE,
            title=f"Your connection about “{connection.listing_title}” is now {connection.get_stage_display().lower()}",
            body=f"{by.name} moved your connection to “{connection.get_stage_display()}”.\n\n{note}".rstrip(),
        )
    return connection


def add_message(*, connection, by, note):
    """Add a message to an open connection's history, without changing its stage."""
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": "Write a message."})
    with transaction.atomic():
        connection = Connection.objects.select_for_update().get(pk=connection.pk)
        _role_of(by, connection)
        if not connection.is_open:
            raise StageChangeNotAllowed(
                f"This connection is {connection.get_stage_display().lower()}; no more messages can be added."
            )
        event = ConnectionEvent.objects.create(connection=connection, actor=by, note=note)
        connection.save(update_fields=["updated_at"])
        _notify(
            connection, _other_party(by, connection), kind=Kind.CONNECTION_MESSAGE,
            title=f"New message about “{connection.listing_title}”",
            body=f"{by.name} wrote:\n\n{note}",
        )
    return event


def _role_of(user, connection):
    """"owner" or "requester"; anybody else (moderators included) may only read."""
    if user.is_authenticated and user.pk == connection.owner_id:
        return "owner"
    if user.is_authenticated and user.pk == connection.requester_id:
        return "requester"
    raise PermissionDenied("Only the two parties can change a connection.")


def _other_party(user, connection):
    return connection.requester if user.pk == connection.owner_id else connection.owner


def _notify(connection, recipient, *, kind, title, body):
    notify(
        recipient=recipient, kind=kind, title=title, body=body,
        url=reverse("connections:detail", args=[connection.pk]),
    )
