import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache(db):
    """The statistics snapshot lives in the default cache, a database table that transactional
    tests elsewhere (browser, gunicorn) commit to and nothing empties: start and end without it."""
    cache.clear()
    yield
    cache.clear()
