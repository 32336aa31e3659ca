"""Reads of notifications, preferences and saved searches; each member sees only their own."""

from django.shortcuts import get_object_or_404

from .models import DEFAULT_FREQUENCY, EmailPreference, Kind, Notification, SavedSearch


def unread_count(*, user):
    """The bell's number: one count over the partial index of unread rows."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications_for(*, user):
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def notification_of(*, user, pk):
    """The member's own notification, else 404 (someone else's does not exist for them)."""
    return get_object_or_404(Notification, pk=pk, recipient=user)


def preferences_for(*, user):
    """kind -> frequency for every kind, the defaults filled in."""
    chosen = dict(EmailPreference.objects.filter(user=user).values_list("kind", "frequency"))
    return {kind: chosen.get(kind, DEFAULT_FREQUENCY[kind]) for kind in Kind.values}


def email_frequency(*, user, kind):
    chosen = EmailPreference.objects.filter(user=user, kind=kind).values_list("frequency", flat=True).first()
    return chosen or DEFAULT_FREQUENCY[kind]


def saved_searches_of(*, user):
    return SavedSearch.objects.filter(user=user).order_by("name", "pk")


def saved_search_of(*, user, pk):
    """The member's own saved search, else 404."""
    return get_object_or_404(SavedSearch, pk=pk, user=user)
