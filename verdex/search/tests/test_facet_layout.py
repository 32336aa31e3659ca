"""The browse page's shape on small screens and for keyboards: a skip link to the
results, the count and sort above them, the filters in collapsible <details> (closed
until search.js opens them on wide screens), and long facets cut to their top values."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from verdex.search.templatetags.search_facets import TOP_VALUES
from verdex.taxonomy.models import Country

pytestmark = pytest.mark.django_db

# Twelve countries, the first with most listings, so the "Developed in" facet is long.
COUNTRIES = ["KE", "DE", "TZ", "UG", "RW", "IN", "BR", "CL", "FR", "JP", "MX", "PE"]


@pytest.fixture
def twelve_countries(make_technology):
    for rank, code in enumerate(COUNTRIES):
        for n in range(len(COUNTRIES) - rank):  # KE has 12 listings, PE has 1
            make_technology(title=f"Pump {code} {n}", developed_in=Country.objects.get(code=code))


def browse(client, **params):
    return client.get(reverse("search:technologies"), params).content.decode()


def facet_block(html, name):
    return re.search(rf'<details class="facet" id="facet-{name}" open>.*?</fieldset>\s*</details>', html, re.S).group(0)


def test_skip_link_leads_past_the_filters_to_the_results(client, make_technology):
    make_technology()
    html = browse(client)

    assert '<a class="skip-to-results" href="#results">Skip to results</a>' in html
    assert html.index('class="skip-to-results"') < html.index('id="filters"')
    assert re.search(r'<section id="results" class="results" aria-labelledby="results-heading" tabindex="-1">', html)


def test_count_and_sort_come_before_the_first_result(client, make_technology):
    make_technology(title="Solar pump")
    make_technology(title="Wind pump")
    html = browse(client)

    results = html.index('id="results"')
    count = html.index("2 technologies")
    sort = html.index('<select id="search-sort" name="sort">')
    first_card = html.index("<article", results)
    assert results < count < first_card and results < sort < first_card
    assert html.count('name="sort"') == 1


def test_filters_are_collapsible_and_start_closed(client, make_technology):
    make_technology()
    html = browse(client)

    assert '<details class="facet-panel" id="filters" data-open-on-desktop>' in html  # no "open": phones see results
    assert '<summary id="filters-heading">Filters</summary>' in html
    assert re.search(r'<details class="facet" id="facet-country" open>\s*<summary>Developed in</summary>', html)
    assert f'src="{settings.STATIC_URL}js/search.js"' in html
    static_js = (settings.BASE_DIR / "verdex" / "static" / "js" / "search.js").read_text()
    assert "data-open-on-desktop" in static_js and "matchMedia" in static_js


def test_a_long_facet_shows_its_top_values_and_hides_the_rest_behind_more(client, twelve_countries):
    html = browse(client)
    country = facet_block(html, "country")

    shown, _, more = country.partition('<details class="facet-more"')
    assert more, "no 'more' toggle"
    assert f"Show {len(COUNTRIES) - TOP_VALUES} more" in more
    shown_values = re.findall(r'name="country" value="(\w+)"', shown)
    more_values = re.findall(r'name="country" value="(\w+)"', more)
    assert shown_values == COUNTRIES[:TOP_VALUES]  # most listings first
    assert more_values == COUNTRIES[TOP_VALUES:]
    assert "<details" not in more.split("</summary>", 1)[1]  # the extra values are plain options


def test_a_ticked_value_is_never_hidden_behind_more(client, twelve_countries):
    html = browse(client, country="PE")
    country = facet_block(html, "country")

    shown, _, more = country.partition('<details class="facet-more"')
    assert 'name="country" value="PE" checked' in shown
    assert 'value="PE"' not in more
    assert "(1 applied)" in html


def test_a_short_facet_shows_everything(client, make_technology):
    make_technology()
    html = browse(client)

    assert 'class="facet-more"' not in facet_block(html, "country")


def test_each_option_is_rendered_once_and_small(client, twelve_countries):
    html = browse(client)

    for code in COUNTRIES:
        assert html.count(f'name="country" value="{code}"') == 1
    options = re.findall(r'<label class="facet-option">.*?</label>', html)
    assert options and not any(" id=" in option for option in options)  # the label wraps its box: no ids needed
