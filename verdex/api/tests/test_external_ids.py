"""A partner gets back its own ids: a bulk import, then the API read."""

import csv

import pytest
from django.core.files import File

from verdex.catalog.models import Source, Technology
from verdex.imports import services as import_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(tmp_path, settings, organisation, org_admin):
    """Two technologies imported from a real CSV file through the import service, published at once."""
    settings.IMPORTS_ROOT = tmp_path / "imports"
    organisation.publishes_without_review = True
    organisation.save()
    path = tmp_path / "partner.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["external_id", "title", "summary", "description", "trl", "developed_in", "fields",
                         "ip_status"])
        for external_id, title in [("WG-00017", "Biogas digester for dairy farms"),
                                   ("sku:42/b", "Hydraulic ram pump for hill villages")]:
            writer.writerow([external_id, title, f"{title}, built and run by the village.",
                             "Farmers run it daily.", "8", "Kenya", "Y02E50", "Open / no IP protection"])
    with path.open("rb") as handle:
        job = import_services.create_job(organisation=organisation, user=org_admin, kind="technology",
                                         file_format="csv", uploaded_file=File(handle, name=path.name))
    import_services.save_mapping(job=job, user=org_admin, mapping=job.mapping, enqueue=False)
    import_services.check_job(job)
    import_services.import_job(job)
    return {row.title: row for row in Technology.objects.filter(source=Source.PARTNER)}


def test_the_api_returns_the_partners_own_external_ids(client, imported):
    items = client.get("/api/v1/technologies").json()["items"]

    assert {item["title"]: item["external_id"] for item in items} == {
        "Biogas digester for dairy farms": "WG-00017",
        "Hydraulic ram pump for hill villages": "sku:42/b",
    }
    assert {item["source"] for item in items} == {"partner"}
    detail = client.get(f"/api/v1/technologies/{imported['Biogas digester for dairy farms'].pk}").json()
    assert detail["external_id"] == "WG-00017"


def test_listings_made_on_the_site_have_no_external_id(client, make_technology):
    technology = make_technology()

    data = client.get(f"/api/v1/technologies/{technology.pk}").json()

    assert (data["source"], data["external_id"]) == ("user", None)
