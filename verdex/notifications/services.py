"""Every write of notifications, email preferences and saved searches.

``notify`` is the one way any app tells a member something: it writes the
in-app notification and, in the same transaction, queues its email when the
member wants it immediately (a job row on the database queue commits or rolls
back with the notification). Digests collect the rest (``send_digests``).
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import selectors, tokens
from .models import DIGESTS, EmailPreference, Frequency, Kind, Notification, SavedSearch

TITLE_LENGTH = Notification._meta.get_field("title").max_length


def notify(*, recipient, kind, title, body="", url="", email="", email_frequency=None):
    """Tell ``recipient`` (a member) about something; returns the Notification, or None.

    ``email``: for a person without an account (``recipient=None``), the address
    it is mailed to at once. ``email_frequency`` overrides the member's
    preference for this one (saved searches have their own), except that a
    member who chose "never" for the kind is never emailed.
    """
    if kind not in Kind.values:
        raise ValueError(f"Unknown notification kind: {kind}")
    if recipient is None and not email:
        raise ValueError("A notification needs a recipient or an email address.")
    if recipient is not None and (not recipient.is_active or getattr(recipient, "deleted_at", None)):
        return None
    from . import tasks  # tasks -> alerts -> services

    with transaction.atomic():
        if recipient is None:
            frequency = Frequency.IMMEDIATELY
        else:
            frequency = selectors.email_frequency(user=recipient, kind=kind)
            if email_frequency and frequency != Frequency.NEVER:
                frequency = email_frequency
        notification = Notification.objects.create(
            recipient=recipient, email="" if recipient is not None else email, kind=kind,
            title=title[:TITLE_LENGTH], body=body, url=url, email_frequency=frequency,
        )
        if frequency == Frequency.IMMEDIATELY:
            tasks.send_notification_email.enqueue(notification.pk)
    return notification


def mark_read(*, notification, user):
    """Mark the member's own notification read (again is harmless)."""
    if notification.recipient_id != user.pk:
        raise Notification.DoesNotExist()
    with transaction.atomic():
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=timezone.now())


def mark_all_read(*, user):
    with transaction.atomic():
        return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def set_preferences(*, user, frequencies):
    """Save kind -> frequency choices; waiting digest items follow a changed choice.

    An unknown kind or frequency raises ValidationError naming the field.
    """
    errors = {}
    for kind, frequency in frequencies.items():
        if kind not in Kind.values:
            errors[kind] = "Unknown kind of notification."
        elif frequency not in Frequency.values:
            errors[kind] = f"Choose one of: {', '.join(Frequency.values)}."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        for kind, frequency in frequencies.items():
            EmailPreference.objects.update_or_create(user=user, kind=kind, defaults={"frequency": frequency})
            Notification.objects.filter(
                recipient=user, kind=kind, emailed_at__isnull=True, email_frequency__in=DIGESTS,
            ).exclude(email_frequency=frequency).update(
                email_frequency=frequency if frequency in DIGESTS else Frequency.NEVER
            )


def unsubscribe(*, token):
    """Stop the emails a signed unsubscribe token names; returns (user, kinds).

    Raises ValidationError for a token that is not ours or was altered.
    """
    from django.contrib.auth import get_user_model

    read = tokens.read(token)
    user = get_user_model().objects.filter(pk=read[0]).first() if read else None
    kinds = [kind for kind in (read[1] if read else []) if kind in Kind.values]
    if user is None or not kinds:
        raise ValidationError({"token": "This unsubscribe link is not valid. Change your emails on your preferences page."})
    set_preferences(user=user, frequencies={kind: Frequency.NEVER for kind in kinds})
    return user, kinds


def send_digests(*, frequency):
    """Run the saved searches of this frequency, then queue one digest job per member with items waiting.

    Called by ``manage.py send_digests --frequency daily|weekly`` (the scheduler).
    Returns how many digests were queued.
    """
    if frequency not in DIGESTS:
        raise ValidationError({"frequency": "Choose daily or weekly."})
    from . import alerts, tasks

    alerts.run_saved_searches(frequency=frequency)
    recipients = list(
        Notification.objects.filter(email_frequency=frequency, emailed_at__isnull=True)
        .values_list("recipient_id", flat=True).distinct()
    )
    for user_id in recipients:
        tasks.send_digest.enqueue(user_id, frequency)
    return len(recipients)


# ---- Saved searches -------------------------------------------------------------


def _clean_name(name):
    name = " ".join(str(name or "").split())
    if not name:
        raise ValidationError({"name": "Give the search a name."})
    if len(name) > SavedSearch._meta.get_field("name").max_length:
        raise ValidationError({"name": "Use at most 100 characters."})
    return name


def _clean_frequency(frequency):
    if frequency not in SavedSearch.AlertFrequency.values:
        raise ValidationError({"frequency": "Choose instant, daily or weekly."})
    return frequency


def save_search(*, user, name, query, frequency):
    """Save a search (a SearchQuery, cleaned here as the search page cleans it) under a name."""
    from verdex.search.engine import clean_query
    from verdex.search.stored_texts import needs_reference, remember_text

    if not user.is_authenticated:
        raise ValidationError("Log in to save a search.")
    name = _clean_name(name)
    frequency = _clean_frequency(frequency)
    if query.kind not in SavedSearch.KINDS:
        raise ValidationError({"kind": "Choose technology, need or expert."})
    query = clean_query(query)
    with transaction.atomic():
        if SavedSearch.objects.filter(user=user).count() >= SavedSearch.MAX_PER_USER:
            raise ValidationError(f"You can keep at most {SavedSearch.MAX_PER_USER} saved searches; delete one first.")
        if SavedSearch.objects.filter(user=user, name=name).exists():
            raise ValidationError({"name": f"You already have a saved search named “{name}”."})
        if query.text and needs_reference(query.text):
            remember_text(text=query.text)
        from . import alerts

        saved = SavedSearch(
            user=user, name=name, kind=query.kind, text=query.text, mode=query.mode,
            filters=query.filters, frequency=frequency,
        )
        alerts.start_from(saved, now=timezone.now())
        try:
            with transaction.atomic():
                saved.save()
                return saved
        except IntegrityError:  # a double submit raced past the check
            raise ValidationError({"name": f"You already have a saved search named “{name}”."}) from None


def update_saved_search(*, saved_search, user, name=None, frequency=None, paused=None):
    """Rename, change how often it alerts, pause or resume; only its owner may."""
    if saved_search.user_id != user.pk:
        raise SavedSearch.DoesNotExist()
    changes = {}
    if name is not None:
        changes["name"] = _clean_name(name)
        if SavedSearch.objects.filter(user=user, name=changes["name"]).exclude(pk=saved_search.pk).exists():
            raise ValidationError({"name": f"You already have a saved search named “{changes['name']}”."})
    if frequency is not None:
        changes["frequency"] = _clean_frequency(frequency)
    if paused is not None:
        changes["paused"] = bool(paused)
        if saved_search.paused and not paused:
            # Resuming starts from now: what was published while paused is not sent in a burst.
            from . import alerts

            alerts.start_from(saved_search, now=timezone.now())
            changes["checked_until"], changes["recent_ids"] = saved_search.checked_until, saved_search.recent_ids
    try:
        with transaction.atomic():
            SavedSearch.objects.filter(pk=saved_search.pk).update(**changes)
    except IntegrityError:  # a rename raced another to the same name
        raise ValidationError({"name": f"You already have a saved search named “{changes.get('name')}”."}) from None
    saved_search.refresh_from_db()
    return saved_search


def delete_saved_search(*, saved_search, user):
    if saved_search.user_id != user.pk:
        raise SavedSearch.DoesNotExist()
    with transaction.atomic():
        saved_search.delete()


def erase_for_deleted_account(*, user):
    """Delete a leaving member's notifications, email preferences and saved searches (personal data)."""
    with transaction.atomic():
        Notification.objects.filter(recipient=user).delete()
        EmailPreference.objects.filter(user=user).delete()
        SavedSearch.objects.filter(user=user).delete()

