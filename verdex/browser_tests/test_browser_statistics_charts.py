"""The statistics charts draw in the browser (ECharts canvases), the map switches measure, downloads work."""

import re

import pytest
from playwright.sync_api import expect

from verdex.browser_tests.conftest import assert_accessible
from verdex.connections import services as connection_services
from verdex.taxonomy.models import Country

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CHARTS = ("growth", "fields", "maturity", "regions", "countries", "funnel", "outcomes", "declines", "map")


@pytest.fixture
def listings(make_technology, make_need, other_member):
    technology = make_technology()
    make_technology(title="Tanzanian kiln", developed_in=Country.objects.get(code="TZ"), fields=("Y02P",))
    make_need()
    connection_services.request_connection(
        requester=other_member, listing=technology, message="Could we pilot two kits next season?")


def test_charts_render_and_the_map_switches(new_page, listings):
    page = new_page()
    page.goto("/statistics/?period=24m")
    for name in CHARTS:
        chart = page.locator(f"#chart-{name}")
        expect(chart).to_have_attribute("data-drawn", "true")
        expect(chart.locator("canvas").first).to_be_attached()
    assert_accessible(page)

    chart = page.locator("#chart-map")
    expect(chart).to_have_attribute("data-measure", "technologies")
    switch = page.get_by_role("group", name="Colour the map by")
    switch.get_by_label("Connections").check()
    expect(chart).to_have_attribute("data-measure", "connections")
    expect(chart).to_have_attribute("aria-label", re.compile("connections per country"))
    switch.get_by_label("Needs").check()
    expect(chart).to_have_attribute("data-measure", "needs")

    # Small countries are reachable through the table beside the map.
    table = page.get_by_role("region", name=re.compile("Listings and connections per country"))
    expect(table.get_by_role("row", name=re.compile("Kenya"))).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("button", name="Download PNG of technologies by maturity").click()
    assert download.value.suggested_filename == "verdex-maturity.png"

    page.get_by_text("Technologies by maturity as a table").click()
    expect(page.locator("#table-maturity")).to_be_visible()


def test_filters_live_in_the_url(new_page, listings):
    page = new_page()
    page.goto("/statistics/")
    page.get_by_label("Country", exact=True).select_option(label="Tanzania")
    page.get_by_role("button", name="Show figures").click()
    expect(page).to_have_url(re.compile(r"country=TZ"))
    expect(page.locator("#filters-in-use")).to_contain_text("country: Tanzania")
    page.goto("/statistics/?country=ZZ")
    expect(page.get_by_role("alert")).to_contain_text("Unknown country")
