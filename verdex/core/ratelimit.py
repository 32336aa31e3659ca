"""A small fixed-window rate limiter counted in the database.

It stops one account or address from flooding owners, moderators or the API;
it is not a defence against distributed abuse, which belongs in front of Django.
A rate reads like "20/h": at most 20 hits per clock hour. Units are s, m, h
and d, optionally with a multiplier ("10/5m": ten per five minutes).

Each hit is one atomic upsert (INSERT ... ON CONFLICT DO UPDATE ... RETURNING,
on SQLite and PostgreSQL alike) on a row per key and window, so the limit holds
across every server process and machine that share the database, and no
process can read a stale count. Windows that have ended are pruned whenever a
new window row is started.
"""

import hashlib
import re
import time

from django.conf import settings
from django.db import connection

from verdex.core.models import RateLimitWindow

_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


class RateLimited(Exception):
    """Raised by ``check`` when the caller has used up the current window."""

    def __init__(self, retry_after):
        self.retry_after = retry_after
        super().__init__(
            "You have done this too often in a short time. "
            f"Please try again in {_describe_wait(retry_after)}."
        )


def parse_rate(rate):
    """``"20/h"`` -> ``(20, 3600)``: the number of hits and the window in seconds."""
    match = _RATE.match(rate or "")
    if not match:
        raise ValueError(f"A rate looks like '20/h' or '5/m', not {rate!r}.")
    count, multiplier, unit = match.groups()
    return int(count), int(multiplier or 1) * _UNIT_SECONDS[unit]


def hit(key, rate):
    """Count one hit for ``key``; True while the hits in this window stay within ``rate``."""
    return _hit(key, rate)[0]


def check(user, scope, rate=None):
    """Count one ``scope`` action by ``user``; raise ``RateLimited`` when over the limit.

    ``rate`` defaults to settings.CONTACT_RATE_LIMIT, the limit for actions
    that reach other people (connection requests, reports).
    """
    allowed, retry_after = _hit(f"{scope}:user:{user.pk}", rate or settings.CONTACT_RATE_LIMIT)
    if not allowed:
        raise RateLimited(retry_after)


def _hit(key, rate):
    limit, window = parse_rate(rate)
    now = time.time()
    window_number = int(now // window)
    window_end = (window_number + 1) * window
    count = _count_hit(_bucket(key, window, window_number), expires_at=window_end, now=now)
    retry_after = int(window_end - now) + 1
    return count <= limit, retry_after


def _bucket(key, window, window_number):
    bucket = f"{key}:{window}:{window_number}"
    if len(bucket) > RateLimitWindow._meta.get_field("bucket").max_length:
        bucket = f"sha256:{hashlib.sha256(bucket.encode()).hexdigest()}"
    return bucket


def _count_hit(bucket, *, expires_at, now):
    """Add one hit to ``bucket`` in a single statement and return its new total."""
    table = connection.ops.quote_name(RateLimitWindow._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (bucket, hits, expires_at) VALUES (%s, 1, %s) "
            f"ON CONFLICT (bucket) DO UPDATE SET hits = {table}.hits + 1 RETURNING hits",
            [bucket, expires_at],
        )
        (count,) = cursor.fetchone()
        if count == 1:  # a new window row: drop the ones whose window has ended
            cursor.execute(f"DELETE FROM {table} WHERE expires_at <= %s", [now])
    return count


def _describe_wait(seconds):
    if seconds < 60:
        return "a minute"
    minutes = -(-seconds // 60)
    if minutes < 60:
        return f"{minutes} minutes" if minutes > 1 else "a minute"
    hours = -(-minutes // 60)
    return f"{hours} hours" if hours > 1 else "an hour"
