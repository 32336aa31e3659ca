"""System checks for the settings Verdex relies on (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

# Cache backends whose contents each server process keeps to itself (or never keeps).
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache": "keeps its entries in each server process",
    "django.core.cache.backends.dummy.DummyCache": "keeps nothing at all",
}


@register(Tags.security, Tags.caches, deploy=True)
def rate_limit_cache_is_shared(app_configs=None, **kwargs):
    """allauth counts login, signup and password-reset attempts in the default cache.

    With a per-process cache each gunicorn worker counts on its own, so every
    limit is multiplied by the number of workers (or, with the dummy cache,
    gone). Verdex's own limits are counted in the database and need no check.
    """
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    reason = PER_PROCESS_CACHES.get(backend)
    if reason is None:
        return []
    return [Warning(
        f"The default cache ({backend}) {reason}, so the login, signup and password-reset "
        "limits do not hold across server processes.",
        hint="Leave CACHE_URL unset (a table in the database, created by migrate) or set it to "
             "redis://host:6379/0.",
        id="verdex.W001",
    )]
