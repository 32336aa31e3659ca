import os

import pytest
from django.core.management import call_command

from verdex.core import checks, ratelimit
from verdex.core.models import RateLimitWindow


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


@pytest.mark.django_db
def test_hit_allows_up_to_the_limit_then_blocks():
    results = [ratelimit.hit("test:alice", "3/h") for _ in range(5)]
    assert results == [True, True, True, False, False]


@pytest.mark.django_db
def test_keys_are_counted_separately():
    assert ratelimit.hit("test:alice", "1/h")
    assert not ratelimit.hit("test:alice", "1/h")
    assert ratelimit.hit("test:bob", "1/h")


@pytest.mark.django_db
def test_a_new_window_starts_afresh(monkeypatch):
    clock = [7200.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: clock[0])
    assert ratelimit.hit("test:carol", "1/h")
    assert not ratelimit.hit("test:carol", "1/h")
    clock[0] += 3600
    assert ratelimit.hit("test:carol", "1/h")


@pytest.mark.django_db
def test_check_uses_the_contact_limit_and_explains(settings, member):
    settings.CONTACT_RATE_LIMIT = "2/h"
    ratelimit.check(member, "report")
    ratelimit.check(member, "report")
    with pytest.raises(ratelimit.RateLimited) as excinfo:
        ratelimit.check(member, "report")
    assert "try again in" in str(excinfo.value)
    assert 0 < excinfo.value.retry_after <= 3601


@pytest.mark.django_db
def test_ended_windows_are_pruned_when_a_new_window_starts(monkeypatch):
    clock = [7200.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: clock[0])
    ratelimit.hit("test:dave", "5/m")
    ratelimit.hit("test:erin", "5/h")
    clock[0] += 60

    ratelimit.hit("test:dave", "5/m")

    # Dave's first minute has ended and is gone; Erin's hour is still running.
    assert sorted(RateLimitWindow.objects.values_list("bucket", "hits")) == [
        ("test:dave:60:121", 1), ("test:erin:3600:2", 1),
    ]


@pytest.mark.django_db
def test_very_long_keys_are_hashed_to_fit():
    key = "test:" + "x" * 400

    assert [ratelimit.hit(key, "1/h"), ratelimit.hit(key, "1/h")] == [True, False]
    assert RateLimitWindow.objects.get().bucket.startswith("sha256:")


@pytest.mark.parametrize("backend", [
    "django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache",
])
def test_deploy_check_warns_about_a_per_process_cache(settings, backend):
    settings.CACHES = {"default": {"BACKEND": backend}}

    warnings = checks.rate_limit_cache_is_shared()

    assert [warning.id for warning in warnings] == ["verdex.W001"]
    assert "do not hold across server processes" in warnings[0].msg


@pytest.mark.parametrize("backend", [
    "django.core.cache.backends.db.DatabaseCache", "django.core.cache.backends.redis.RedisCache",
])
def test_deploy_check_accepts_a_shared_cache(settings, backend):
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": "verdex_cache"}}

    assert checks.rate_limit_cache_is_shared() == []


@pytest.mark.skipif(bool(os.environ.get("CACHE_URL")), reason="CACHE_URL chooses another cache")
def test_default_settings_back_the_limits_with_a_shared_cache():
    from django.conf import settings

    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert checks.rate_limit_cache_is_shared() == []


def test_check_deploy_shows_the_warning(settings, capsys):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

    call_command("check", "--deploy", "--tag", "caches")

    assert "verdex.W001" in capsys.readouterr().err
