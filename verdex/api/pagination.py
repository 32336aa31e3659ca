"""Keyset pagination with opaque cursors.

A page is "the ``limit`` rows that sort after the last row of the previous
page", so rows added or removed between two requests never make a client see
a row twice or miss one that existed throughout. The cursor is the base64 of
the last row's sort key; clients must treat it as opaque.
"""

import base64
import binascii
import json
from datetime import datetime

from django.db.models import F, Q

from .errors import ApiError

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
_MAX_ID = 2**63 - 1  # the largest id SQLite and PostgreSQL can store
_BAD_CURSOR = "The cursor is not valid; use a next_cursor value from a previous page."


def encode_cursor(key):
    raw = json.dumps(key, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor, length):
    """The key list inside ``cursor``; a cursor that was not made by us answers 400."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError):
        key = None
    if not isinstance(key, list) or len(key) != length:
        _bad_cursor()
    return key


def _bad_cursor():
    raise ApiError(400, _BAD_CURSOR, field="cursor")


def _id(value):
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= _MAX_ID:
        _bad_cursor()
    return value


class NewestPublishedFirst:
    """Listings by publication time, newest first, ties broken by id.

    A published row should always have a publication time; one without (e.g.
    written straight to the database) sorts last rather than breaking paging.
    """

    ordering = (F("published_at").desc(nulls_last=True), "-pk")

    def key(self, row):
        return [row.published_at.isoformat() if row.published_at else None, row.pk]

    def after(self, key):
        published_at, pk = key
        pk = _id(pk)
        if published_at is None:
            return Q(published_at__isnull=True, pk__lt=pk)
        try:
            published_at = datetime.fromisoformat(published_at)
        except (TypeError, ValueError):
            _bad_cursor()
        if published_at.tzinfo is None:
            _bad_cursor()
        return (
            Q(published_at__lt=published_at)
            | Q(published_at=published_at, pk__lt=pk)
            | Q(published_at__isnull=True)
        )


class NewestIdFirst:
    """Rows by id, newest first: for rows without a publication time (drafts, organisations)."""

    ordering = ("-pk",)

    def key(self, row):
        return [row.pk]

    def after(self, key):
        return Q(pk__lt=_id(key[0]))


def keyset_page(queryset, order, *, cursor=None, limit=DEFAULT_LIMIT):
    """``(rows, next_cursor)``: one page of ``queryset`` in ``order``; next_cursor is None at the end."""
    queryset = queryset.order_by(*order.ordering)
    if cursor:
        queryset = queryset.filter(order.after(decode_cursor(cursor, len(order.ordering))))
    rows = list(queryset[: limit + 1])
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(order.key(rows[-1])) if has_more else None
    return rows, next_cursor
