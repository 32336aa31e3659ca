"""Listings for matching tests, embedded and matched through the real jobs."""

import pytest

from verdex.catalog.models import TRLGroup
from verdex.taxonomy.models import Country


@pytest.fixture
def irrigation(make_need, make_technology, other_member, committed):
    """A need for drip irrigation in Tanzania, the technology answering it, and three that do not."""
    with committed():
        technologies = {
            "biogas": make_technology(
                owner=other_member, title="Household biogas digester", fields=("Y02E50",),
                summary="Turns kitchen waste and manure into biogas for cooking.",
                description="<p>Replaces firewood and charcoal in rural kitchens.</p>",
            ),
            "turbine": make_technology(
                owner=other_member, title="Small wind turbine for telecom towers", fields=("Y02E10",),
                summary="A 10 kW turbine that powers mobile network masts off the grid.",
                description="<p>Built for cold and windy sites.</p>",
            ),
            "cooler": make_technology(
                owner=other_member, title="Evaporative clay cooler", fields=("Y02A40",),
                summary="Keeps vegetables fresh for days without electricity.",
                description="<p>Two clay pots and wet sand.</p>",
            ),
            "drip": make_technology(
                owner=other_member, title="Solar-powered drip irrigation kit", fields=("Y02A40",),
                summary="A low-pressure drip irrigation kit driven by a small solar pump.",
                description="<p>Smallholder farms save water and diesel; each kit waters half a hectare.</p>",
                trl=8,
            ),
        }
        technologies["drip"].available_in.add(Country.objects.get(code="TZ"))
        need = make_need(
            title="Drip irrigation for smallholder vegetable farms",
            description="<p>Farmers in Dodoma lose their crops in the dry season. We are looking for "
                        "affordable drip irrigation that runs without grid power.</p>",
            fields=("Y02A40",), desired_trl_group=TRLGroup.DEMONSTRATION,
        )
    return {"need": need, **technologies}


