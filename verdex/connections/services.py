"""Writes of connections: requesting one, moving it through its stages, messages.

Each function checks who is acting, then writes in one transaction. The other
party is told through ``notifications.notify`` in the same transaction (in-app
at once, email by the job queue as they chose).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

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
        if connection.claim_pending and from_stage == Stage.AGREEMENT and to_stage == Stage.DEPLOYED \
                and connection.claimed_by_id != by.pk:
            # The other side moving a claimed agreement on to deployment confirms the agreement.
            connection.agreement_confirmed_at = timezone.now()
        connection.stage = to_stage
        if to_stage in Connection.OUTCOME_STAGES:
            connection.claimed_by, connection.claimed_from_stage = by, from_stage
        else:
            connection.claimed_by, connection.claimed_from_stage = None, ""
        connection.save()
        ConnectionEvent.objects.create(
            connection=connection, actor=by, from_stage=from_stage, to_stage=to_stage, note=note
        )
        body = f"{by.name} moved your connection to “{connection.get_stage_display()}”."
        if to_stage in Connection.OUTCOME_STAGES:
            body += (" It counts as an outcome once you confirm it: confirm it on the connection's page, "
                     "or dispute it there if it is not so.")
        _notify(
            connection, _other_party(by, connection),
            kind=Kind.CONNECTION_ACCEPTED if to_stage == Stage.ACCEPTED else Kind.CONNECTION_STAGE,
            title=f"Your connection about “{connection.listing_title}” is now {connection.get_stage_display().lower()}",
            body=f"{body}\n\n{note}".rstrip(),
        )
    return connection


def _locked_claim(connection, by):
    """The connection, locked, with a claim that ``by`` (the other side, not the claimant) may answer."""
    connection = Connection.objects.select_for_update().get(pk=connection.pk)
    _role_of(by, connection)
    if not connection.claim_pending:
        raise StageChangeNotAllowed("There is no outcome waiting for confirmation on this connection.")
    if connection.claimed_by_id == by.pk:
        raise PermissionDenied("The other side confirms or disputes the outcome you recorded.")
    return connection


def confirm_outcome(*, connection, by, note=""):
    """The other side confirms the claimed outcome (agreement reached or deployed); returns the connection."""
    note = (note or "").strip()
    with transaction.atomic():
        connection = _locked_claim(connection, by)
        claimant, now = connection.claimed_by, timezone.now()
        connection.agreement_confirmed_at = connection.agreement_confirmed_at or now  # deployed implies agreed
        if connection.stage == Stage.DEPLOYED:
            connection.deployment_confirmed_at = now
        connection.claimed_by, connection.claimed_from_stage = None, ""
        connection.save()
        label = connection.get_stage_display()
        ConnectionEvent.objects.create(
            connection=connection, actor=by, from_stage=connection.stage, to_stage=connection.stage,
            note=f"Confirmed “{label}”.\n\n{note}".rstrip(),
        )
        _notify(
            connection, claimant, kind=Kind.CONNECTION_STAGE,
            title=f"{by.name} confirmed “{label.lower()}” for “{connection.listing_title}”",
            body=f"{by.name} confirmed the outcome you recorded: “{label}”. Both sides have now confirmed it."
                 f"\n\n{note}".rstrip(),
        )
    return connection


def dispute_outcome(*, connection, by, note=""):
    """The other side disputes the claimed outcome: the connection returns to the stage before the claim."""
    note = (note or "").strip()
    with transaction.atomic():
        connection = _locked_claim(connection, by)
        claimant, claimed = connection.claimed_by, connection.stage
        back = connection.claimed_from_stage or (Stage.AGREEMENT if claimed == Stage.DEPLOYED else Stage.IN_DISCUSSION)
        connection.stage = back
        if claimed == Stage.AGREEMENT:
            connection.agreement_type = ""
        connection.claimed_by, connection.claimed_from_stage = None, ""
        if back == Stage.AGREEMENT and connection.agreement_confirmed_at is None:
            # Back to an agreement the other side never confirmed: it is again the claim of whoever made it.
            made = connection.events.filter(to_stage=Stage.AGREEMENT).exclude(from_stage=Stage.AGREEMENT).last()
            connection.claimed_by_id = made.actor_id if made else claimant.pk
            connection.claimed_from_stage = made.from_stage if made else Stage.IN_DISCUSSION
        connection.save()
        ConnectionEvent.objects.create(
            connection=connection, actor=by, from_stage=claimed, to_stage=back,
            note=f"Disputed “{Stage(claimed).label}”.\n\n{note}".rstrip(),
        )
        _notify(
            connection, claimant, kind=Kind.CONNECTION_STAGE,
            title=f"{by.name} disputed “{Stage(claimed).label.lower()}” for “{connection.listing_title}”",
            body=(f"{by.name} did not confirm the outcome you recorded, “{Stage(claimed).label}”; the connection "
                  f"is back at “{connection.get_stage_display()}”.\n\n{note}").rstrip(),
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
