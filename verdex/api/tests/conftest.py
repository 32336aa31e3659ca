import pytest
from django.core.cache import cache

from verdex.api import services


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Rate-limit counters live in the cache, which outlives a test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_key(db):
    def make(user, name="Test script"):
        _, key = services.create_token(user=user, name=name)
        return key

    return make


@pytest.fixture
def member_key(make_key, member):
    return make_key(member)


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}
