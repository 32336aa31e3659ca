"""Fixtures for the semantic and hybrid modes: listings that have their vectors."""

import pytest


@pytest.fixture
def catalogue(make_technology, committed):
    """Four embedded technologies on unrelated problems, keyed by a short name."""
    with committed():
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
