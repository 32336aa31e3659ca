"""Fixtures for the semantic and hybrid modes: listings that have their vectors."""

import pytest

from verdex.search import vector_index


@pytest.fixture(autouse=True)
def _fresh_vector_indexes():
    # The test database is rolled back between tests without signals, so an
    # index loaded by an earlier test must not be reused.
    vector_index.forget_all()
    yield
    vector_index.forget_all()


@pytest.fixture
def embedded(django_capture_on_commit_callbacks):
    """Run a block so that the embedding jobs queued on commit run at its end.

    Test transactions never commit; this runs the on-commit callbacks (the
    real signal -> job -> embedding path, with jobs inline under pytest).
    """
    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block
