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


@pytest.fixture
def catalogue(make_technology, embedded):
    """Four embedded technologies on unrelated problems, keyed by a short name."""
    with embedded():
        return {
            "drip": make_technology(
                title="Solar-powered drip irrigation kit",
                summary="A low-pressure drip irrigation kit driven by a small solar pump.",
                description="<p>Smallholder farms save water and diesel.</p>",
            ),
            "biogas": make_technology(
                title="Household biogas digester",
                summary="Turns kitchen waste and manure into biogas for cooking.",
                description="<p>Replaces firewood and charcoal.</p>",
            ),
            "cooler": make_technology(
                title="Evaporative clay cooler",
                summary="Keeps vegetables fresh for days without electricity.",
                description="<p>Two clay pots and wet sand.</p>",
            ),
            "turbine": make_technology(
                title="Small wind turbine for telecom towers",
                summary="A 10 kW turbine that powers mobile network masts off the grid.",
                description="<p>Built for cold and windy sites.</p>",
            ),
        }
