"""Reads of connections; only the two parties (and moderators, read-only) see one."""

from django.db.models import Q
from django.http import Http404

from .models import Connection


def connections_for(user):
    """Every connection ``user`` requested or received, most recently active first."""
    return (
        Connection.objects.filter(Q(requester=user) | Q(owner=user))
        .select_related("requester", "owner", "content_type", "about_need")
        .order_by("-updated_at", "-pk")
    )


def get_connection_for(user, pk):
    """The connection if ``user`` is a party to it or a moderator; 404 otherwise."""
    connection = (
        Connection.objects.select_related("requester", "owner", "content_type", "about_need")
        .filter(pk=pk)
        .first()
    )
    if connection is None or not user.is_authenticated:
        raise Http404("No such connection.")
    if user.pk not in (connection.requester_id, connection.owner_id) and not user.is_moderator:
        raise Http404("No such connection.")
    return connection


def role_in(user, connection):
    """"owner", "requester", or "" for a read-only viewer."""
    if user.pk == connection.owner_id:
        return "owner"
    if user.pk == connection.requester_id:
        return "requester"
    return ""


def next_stages(user, connection):
    """The stages ``user`` may move ``connection`` to now, in the model's order."""
    role = role_in(user, connection)
    if not role:
        return []
    return [
        stage
        for stage, who_may in Connection.TRANSITIONS[connection.stage].items()
        if who_may in (role, "both")
    ]


def organisations_of(user):
    return list(user.organisations.order_by("name"))
