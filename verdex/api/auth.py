"""Bearer-token authentication and rate limits for every API call.

Anonymous calls are limited per IP address (settings.API_RATE_LIMIT_ANON),
calls with a token per token (settings.API_RATE_LIMIT_TOKEN). A call with a
wrong or revoked token is refused with 401 and counts against its IP, so
guessing keys is rate limited too. The IP is REMOTE_ADDR: a proxy in front
of the site must set it to the client's address.
"""

import time

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from ninja.security import HttpBearer

from verdex.core import ratelimit

from . import selectors, services
from .errors import RateLimitExceeded


def anon_rate():
    return settings.API_RATE_LIMIT_ANON


def token_rate():
    return settings.API_RATE_LIMIT_TOKEN


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <key>``; with ``optional`` a call without the header is anonymous.

    Returns the token's user (or AnonymousUser), which ninja puts on ``request.auth``.
    """

    def __init__(self, *, optional=False):
        self.optional = optional
        super().__init__()

    def __call__(self, request):
        header = request.headers.get("Authorization", "").strip()
        if not header:
            _limit(f"api:ip:{_client_ip(request)}", anon_rate())
            return AnonymousUser() if self.optional else None
        scheme, _, key = header.partition(" ")
        if scheme.lower() != "bearer":
            _limit(f"api:ip:{_client_ip(request)}", anon_rate())
            return None
        return self.authenticate(request, key.strip())

    def authenticate(self, request, token):
        api_token = selectors.active_token(token)
        if api_token is None:
            _limit(f"api:ip:{_client_ip(request)}", anon_rate())
            return None
        _limit(f"api:token:{api_token.pk}", token_rate())
        services.note_token_use(token=api_token)
        request.api_token = api_token
        return api_token.user


def _client_ip(request):
    return request.META.get("REMOTE_ADDR") or "unknown"


def _limit(key, rate):
    if not ratelimit.hit(key, rate):
        _, window = ratelimit.parse_rate(rate)
        raise RateLimitExceeded(int(window - time.time() % window) + 1)


token_required = TokenAuth()
token_optional = TokenAuth(optional=True)
