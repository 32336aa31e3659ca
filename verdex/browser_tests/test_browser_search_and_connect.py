"""Journey: a seeker searches three ways, filters, asks the owner for a connection, and they talk."""

import re

import pytest
from playwright.sync_api import expect

from verdex.browser_tests.conftest import assert_accessible, filter_by, log_in, search_for, sort_by
from verdex.connections.models import Connection
from verdex.taxonomy.models import Country

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SOLAR_KIT = "Solar-powered drip irrigation kit"
WIND_PUMP = "Wind-driven water pump for cattle troughs"
KILN = "Cement kiln heat recovery"
PASTED_NEED = (
    "Our cooperative has four hundred smallholder farmers in a semi-arid district. The dry season lasts six "
    "months and the nearest power line is thirty kilometres away, so the farmers carry water by hand or run "
    "old diesel pumps that are expensive to fuel and often break down. We are looking for an affordable way "
    "to bring water from shallow wells to vegetable plots without grid electricity or fuel, ideally something "
    "local technicians can maintain, and that saves water compared with flooding the furrows."
)


@pytest.fixture
def listings(make_technology, member):
    return {
        SOLAR_KIT: make_technology(owner=member),
        WIND_PUMP: make_technology(
            owner=member, title=WIND_PUMP, fields=("Y02E10",),
            summary="A multi-blade windmill lifts borehole water into troughs for livestock.",
            description="<p>Ranches pump water for cattle with the wind, no fuel needed.</p>",
            developed_in=Country.objects.get(code="IN"),
        ),
        KILN: make_technology(
            owner=member, title=KILN, fields=("Y02P40",),
            summary="Waste heat from clinker coolers generates electricity for the cement plant.",
            description="<p>An organic Rankine cycle unit on the kiln exhaust.</p>",
            developed_in=Country.objects.get(code="DE"),
        ),
    }


def _first_result(page):
    return page.get_by_role("main").get_by_role("article").first.get_by_role("heading")


def _result(page, title):
    """The search result called ``title``, if it is listed."""
    return page.get_by_role("main").get_by_role("article").get_by_role("heading", name=title)


def test_search_filter_connect_and_exchange_messages(new_page, listings, member, other_member):
    seeker = new_page()
    log_in(seeker, other_member.email)
    seeker.get_by_role("navigation", name="Main").get_by_role("link", name="Technologies").click()

    search_for(seeker, "solar pump")
    expect(_result(seeker, SOLAR_KIT)).to_be_visible()
    expect(_result(seeker, KILN)).to_have_count(0)
    sort_by(seeker, "Best match")  # kept for the next searches
    expect(_first_result(seeker)).to_have_text(SOLAR_KIT)

    search_for(seeker, PASTED_NEED)
    expect(_first_result(seeker)).to_have_text(SOLAR_KIT)

    search_for(seeker, "太阳能灌溉")  # "solar irrigation", in Chinese: found by meaning across languages
    expect(_first_result(seeker)).to_have_text(SOLAR_KIT)
    assert_accessible(seeker)

    search_for(seeker, "water pump")
    expect(_result(seeker, WIND_PUMP)).to_be_visible()
    filter_by(seeker, "Developed in", "Kenya")
    expect(_result(seeker, WIND_PUMP)).to_have_count(0)
    expect(_result(seeker, SOLAR_KIT)).to_be_visible()
    expect(seeker.get_by_role("checkbox", name=re.compile(r"^Kenya\b"))).to_be_checked()
    seeker.get_by_role("link", name=SOLAR_KIT).click()
    expect(seeker.get_by_role("heading", level=1)).to_have_text(SOLAR_KIT)

    seeker.get_by_role("link", name="Ask for a connection").click()
    seeker.get_by_label("Message").fill(
        "Hello, our cooperative would like to pilot ten kits next season. Could we talk about prices?"
    )
    assert_accessible(seeker)
    seeker.get_by_role("button", name="Send request").click()
    expect(seeker.get_by_role("main")).to_contain_text("pilot ten kits")
    connection = Connection.objects.get()

    owner = new_page()
    log_in(owner, member.email)
    owner.goto("/connections/")
    owner.get_by_role("link", name=SOLAR_KIT).click()
    expect(owner.get_by_role("main")).to_contain_text("pilot ten kits")
    owner.get_by_label("Move to").select_option(label="Accepted")
    owner.get_by_role("button", name="Update stage").click()
    expect(owner.get_by_role("main").get_by_role("link", name=other_member.email)).to_be_visible()
    owner.get_by_label("Message").fill("Glad to hear it. I can send a quote for ten kits this week.")
    owner.get_by_role("button", name="Send message").click()
    expect(owner.get_by_role("main")).to_contain_text("send a quote for ten kits")
    assert_accessible(owner)

    seeker.goto(f"/connections/{connection.pk}/")
    expect(seeker.get_by_role("main")).to_contain_text("send a quote for ten kits")
    expect(seeker.get_by_role("main").get_by_role("link", name=member.email)).to_be_visible()
    seeker.get_by_label("Message").fill("Thank you, the quote is welcome. We can meet on Monday.")
    seeker.get_by_role("button", name="Send message").click()
    expect(seeker.get_by_role("main")).to_contain_text("meet on Monday")
    connection.refresh_from_db()
    assert connection.stage == "accepted"
    assert connection.events.filter(note__contains="meet on Monday").exists()
