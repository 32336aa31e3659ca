import pytest
from django.core.cache import cache

from verdex.core import ratelimit


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    "rate, expected",
    [("20/h", (20, 3600)), ("5/m", (5, 60)), ("3/s", (3, 1)), ("10/5m", (10, 300)), ("1/d", (1, 86400))],
)
def test_parse_rate(rate, expected):
    assert ratelimit.parse_rate(rate) == expected


@pytest.mark.parametrize("rate", ["", "20", "h/20", "20/week", "-1/h"])
def test_parse_rate_refuses_nonsense(rate):
    with pytest.raises(ValueError):
        ratelimit.parse_rate(rate)


def test_hit_allows_up_to_the_limit_then_blocks():
    results = [ratelimit.hit("test:alice", "3/h") for _ in range(5)]
    assert results == [True, True, True, False, False]


def test_keys_are_counted_separately():
    assert ratelimit.hit("test:alice", "1/h")
    assert not ratelimit.hit("test:alice", "1/h")
    assert ratelimit.hit("test:bob", "1/h")


def test_a_new_window_starts_afresh(monkeypatch):
    clock = [7200.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: clock[0])
    assert ratelimit.hit("test:carol", "1/h")
    assert not ratelimit.hit("test:carol", "1/h")
    clock[0] += 3600
    assert ratelimit.hit("test:carol", "1/h")


def test_check_uses_the_contact_limit_and_explains(settings, member):
    settings.CONTACT_RATE_LIMIT = "2/h"
    ratelimit.check(member, "report")
    ratelimit.check(member, "report")
    with pytest.raises(ratelimit.RateLimited) as excinfo:
        ratelimit.check(member, "report")
    assert "try again in" in str(excinfo.value)
    assert 0 < excinfo.value.retry_after <= 3601
