"""A small fixed-window rate limiter kept in the default cache.

It stops one account from flooding owners or moderators with messages; it is
not a defence against distributed abuse, which belongs in front of Django.
A rate reads like "20/h": at most 20 hits per clock hour. Units are s, m, h
and d, optionally with a multiplier ("10/5m": ten per five minutes).
"""

import re
import time

from django.conf import settings
from django.core.cache import cache

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
    cache_key = f"ratelimit:{key}:{window}:{window_number}"
    # add() is a no-op when the key exists, so concurrent first hits share one counter.
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # the key expired between add() and incr()
        cache.set(cache_key, 1, timeout=window + 1)
        count = 1
    retry_after = int((window_number + 1) * window - now) + 1
    return count <= limit, retry_after


def _describe_wait(seconds):
    if seconds < 60:
        return "a minute"
    minutes = -(-seconds // 60)
    if minutes < 60:
        return f"{minutes} minutes" if minutes > 1 else "a minute"
    hours = -(-minutes // 60)
    return f"{hours} hours" if hours > 1 else "an hour"
