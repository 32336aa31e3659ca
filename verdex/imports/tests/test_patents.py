"""Patent lists: bibliographic data → technologies, classification codes → fields."""

from pathlib import Path

import pytest

from verdex.catalog.models import Source, Technology
from verdex.imports import concordance

from .conftest import errors_of

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize("code, fields", [
    ("H01L 31/042", {"GI-AEP-SOL"}),
    ("H01L31/078", {"GI-AEP-SOL"}),
    ("H01L 31/18", set()),
    ("F03D 3/06", {"GI-AEP-WND"}),
    ("H01M 8/04029", {"GI-AEP-FC"}),
    ("C10L 5/44", {"GI-AEP-BIO"}),
    ("C10L 5/48", {"GI-AEP-BIO", "GI-AEP-WTE"}),
    ("B60L 53/10", {"GI-TRA-VEH"}),
    ("H02J 7/35", {"GI-ECO-EST"}),
    ("E04B 1/80", {"GI-ECO-INS"}),
    ("E04B 1/50", set()),
    ("B09B 3/00", {"GI-WM-DISP"}),
    ("A01G 25/02", {"GI-AF-IRR"}),
    ("G21C 3/00", {"GI-NPG-ENG"}),
    ("H04L 9/32", set()),
    ("not a code", set()),
])
def test_green_inventory_concordance(code, fields):
    assert concordance.green_inventory_fields(code) == fields


def test_cpc_y_codes_map_to_main_groups_or_their_subclass():
    known = {"Y02E", "Y02E10", "Y04S", "Y04S10"}
    assert concordance.cpc_y_field("Y02E 10/50", known) == "Y02E10"
    assert concordance.cpc_y_field("Y02E 99/00", known) == "Y02E"
    assert concordance.cpc_y_field("Y04S 10/123", known) == "Y04S10"
    assert concordance.cpc_y_field("H01L 31/0468", known) is None


def test_example_patent_csv_becomes_patented_technologies(importer, organisation):
    job = importer(EXAMPLES / "patents.csv", file_format="patents")

    assert (job.created, job.rejected) == (3, 0), errors_of(job)
    module = Technology.objects.get(external_id="EP3456789A1")
    assert module.source == Source.PATENT
    assert (module.record_type, module.ip_status) == ("patent", "patented")
    assert module.patent_numbers == "EP3456789A1, US2020123456A1, CN111234567A, KE2019000123"
    assert module.summary.startswith("A photovoltaic module whose back sheet")
    assert "Applicants: Sunfield Energy Ltd; University of Nairobi" in module.description
    assert "Priority date: 2019-03-14" in module.description
    assert sorted(module.fields.values_list("code", flat=True)) == ["GI-AEP-SOL", "Y02E10"]
    assert module.developed_in_id == organisation.country_id  # EP is an office, not a country
    assert module.trl == 3
    turbine = Technology.objects.get(external_id="US11223344B2")
    assert turbine.developed_in_id == "US"
    assert sorted(turbine.fields.values_list("code", flat=True)) == ["GI-AEP-WND", "Y02E10"]
    cooling = Technology.objects.get(external_id="WO2021555666A1")
    assert list(cooling.fields.values_list("code", flat=True)) == ["GI-AEP-FC"]


def test_patent_json_and_reimport_updates(importer):
    importer(EXAMPLES / "patents.json", file_format="patents")
    again = importer(EXAMPLES / "patents.csv", file_format="patents")

    assert (again.created, again.unchanged + again.updated) == (2, 1)
    assert Technology.objects.filter(external_id="EP3456789A1").count() == 1


def test_bad_patent_rows_are_named_in_patent_terms(importer, write_file):
    path = write_file("patents.csv", (
        "publication_number,title,abstract,priority_date,ipc_codes\n"
        "EP1111111A1,Heat pump dryer,A heat pump dryer for grain.,14 March 2019,F26B 23/00\n"
        "!!,Tidal kite,A kite that flies in tidal currents.,2019-01-01,F03B 13/26\n"
        ",No number,An abstract.,,\n"
        "EP2222222A1,No abstract,,2019-01-01,\n"
    ))

    job = importer(path, file_format="patents")
    errors = errors_of(job)

    assert job.created == 0 and job.rejected == 4
    assert "row 2, priority_date: '14 March 2019' is not a date (write it as YYYY-MM-DD)" in errors
    assert "row 3, publication_number: '!!' is not a publication number (for example EP3123456A1)" in errors
    assert "row 4, publication_number: this field is required" in errors
    assert "row 5, abstract: This field is required." in errors


def test_a_patent_list_needs_its_columns(importer, write_file):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="needs the columns abstract"):
        importer(write_file("p.csv", "publication_number,title\nEP1,x\n"), file_format="patents")
