import pytest
from django.urls import reverse

from verdex.catalog.models import Status
from verdex.organisations.models import Organisation
from verdex.taxonomy.models import Country

pytestmark = pytest.mark.django_db


def test_technologies_page_lists_published_with_count_and_facets(client, make_technology):
    make_technology(title="Solar pump")
    make_technology(title="Wind pump", developed_in=Country.objects.get(code="DE"))
    make_technology(title="Hidden draft", status=Status.DRAFT)

    response = client.get(reverse("search:technologies"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Technologies</h1>" in html
    assert "2 technologies" in html
    assert "Solar pump" in html and "Wind pump" in html
    assert "Hidden draft" not in html
    assert 'name="country" value="DE"' in html
    assert response.context["results"].facets["country"]
    assert 'name="q"' in html and 'name="sort"' in html


def test_search_text_narrows_and_is_echoed(client, make_technology):
    make_technology(title="Solar pump")
    make_technology(title="Wind turbine", summary="Turns wind into power.", description="<p>Tall.</p>")

    response = client.get(reverse("search:technologies"), {"q": "turbine"})

    html = response.content.decode()
    assert "1 technology matching “turbine”" in html
    assert "Wind turbine" in html and "Solar pump" not in html
    assert 'value="turbine"' in html


def test_ticked_facet_filters_and_stays_ticked(client, make_technology):
    make_technology(title="Solar pump")
    make_technology(title="Wind pump", developed_in=Country.objects.get(code="DE"))

    response = client.get(reverse("search:technologies"), {"country": "DE"})

    html = response.content.decode()
    assert "Wind pump" in html and "Solar pump" not in html
    assert 'name="country" value="DE" checked' in html
    assert "Clear all filters" in html


def test_listing_card_shows_summary_facts(client, make_technology, org_admin, organisation):
    tech = make_technology(title="Company dryer", owner=org_admin, organisation=organisation,
                           summary="Dries mangoes with waste heat.")

    html = client.get(reverse("search:technologies")).content.decode()

    assert f'href="{tech.get_absolute_url()}"' in html
    assert "Sunfield Energy" in html
    assert "Developed in Kenya" in html
    assert "Demonstration (TRL 7–8)" in html
    assert "Renewable energy: solar, wind, hydro, ocean, geothermal" in html
    assert "Dries mangoes with waste heat." in html


def test_pagination_keeps_the_query_without_page(client, make_need):
    for n in range(3):
        make_need(title=f"Water need {n}")

    response = client.get(reverse("search:needs"), {"q": "water", "per_page": 2, "country": "TZ", "page": 1})

    assert response.context["query_string"] == "q=water&per_page=2&country=TZ"
    assert response.context["page_obj"].paginator.num_pages == 2
    html = response.content.decode()
    assert 'href="?q=water&amp;per_page=2&amp;country=TZ&amp;page=2"' in html
    second = client.get(reverse("search:needs"), {"q": "water", "per_page": 2, "country": "TZ", "page": 2})
    assert len(second.context["results"].items) == 1


def test_htmx_request_gets_only_the_search_area(client, make_technology):
    make_technology(title="Solar pump")

    response = client.get(reverse("search:technologies"), {"q": "solar"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert '<div id="search-area">' in html
    assert "<html" not in html
    assert "Solar pump" in html
    assert "HX-Request" in response["Vary"]


def test_needs_and_experts_pages(client, make_need, make_expert):
    make_need(title="Clean water for clinics")
    make_expert(full_name="Amina Otieno", title="Mini-grid engineer")

    needs = client.get(reverse("search:needs")).content.decode()
    experts = client.get(reverse("search:experts")).content.decode()

    assert "Clean water for clinics" in needs and "1 need" in needs
    assert "Amina Otieno" in experts and "Mini-grid engineer" in experts and "Based in Kenya" in experts


def test_organisations_page_searches_and_filters(client, db):
    kenya = Country.objects.get(code="KE")
    Organisation.objects.create(name="Biogas Kenya Ltd", org_type="sme", country=kenya, is_partner=True)
    Organisation.objects.create(name="Windworks", org_type="startup", country=kenya)

    found = client.get(reverse("search:organisations"), {"q": "biogas"}).content.decode()
    partners = client.get(reverse("search:organisations"), {"partner": "yes"}).content.decode()

    assert "Biogas Kenya Ltd" in found and "Windworks" not in found
    assert "1 organisation matching “biogas”" in found
    assert "Biogas Kenya Ltd" in partners and "Windworks" not in partners
    assert "Partner" in partners


def test_empty_results_explain_what_to_do(client, make_technology):
    make_technology()

    html = client.get(reverse("search:technologies"), {"q": "hydrogen"}).content.decode()

    assert "0 technologies matching “hydrogen”" in html
    assert "Try fewer or more general words" in html


def test_sort_select_marks_current_order(client, make_technology):
    make_technology()

    html = client.get(reverse("search:technologies"), {"q": "solar", "sort": "updated"}).content.decode()

    assert '<option value="updated" selected>Recently updated</option>' in html


def test_user_text_is_escaped(client, make_technology):
    make_technology()

    html = client.get(reverse("search:technologies"), {"q": "<script>alert(1)</script>"}).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
