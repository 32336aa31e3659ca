import csv
import gzip
import json

import pytest
from django.core.management import call_command

from verdex.catalog.models import Status
from verdex.exports.records import PUBLIC, SHAPES
from verdex.organisations.models import Organisation
from verdex.taxonomy.models import Country, TechnologyField

pytestmark = pytest.mark.django_db


@pytest.fixture
def listings(make_technology, make_need, make_expert, organisation):
    make_technology(title="Solar pump", patent_numbers="US1234567")
    make_technology(title="=cmd|' /C calc'!A0")
    make_technology(title="Draft pump", status=Status.DRAFT)
    make_need(title="Water for schools")
    make_need(title="Need under review", status=Status.SUBMITTED)
    make_expert()
    Organisation.objects.create(
        name="Windfield", org_type=Organisation.Type.NGO, country=Country.objects.get(code="DE")
    )


def read_lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_dump_writes_every_published_row_in_both_formats(tmp_path, listings):
    call_command("export_public_dump", str(tmp_path / "dump"), verbosity=0, base_url="https://verdex.example")

    out = tmp_path / "dump"
    manifest = json.loads((out / "manifest.json").read_text())
    assert {name: kind["rows"] for name, kind in manifest["kinds"].items()} == {
        "technologies": 2, "needs": 1, "experts": 1, "organisations": 2,
    }
    assert manifest["licence"].startswith("Listings are provided by their owners")
    technologies = read_lines(out / "technologies.jsonl")
    assert [item["title"] for item in technologies] == ["Solar pump", "=cmd|' /C calc'!A0"]
    assert technologies[0]["url"].startswith("https://verdex.example/technologies/")
    with open(out / "needs.csv", encoding="utf-8", newline="") as handle:
        needs = list(csv.DictReader(handle))
    assert [row["title"] for row in needs] == ["Water for schools"]
    assert len(read_lines(out / "experts.jsonl")) == 1
    assert [item["name"] for item in read_lines(out / "organisations.jsonl")] == ["Sunfield Energy", "Windfield"]


def test_dump_has_public_fields_only_and_safe_csv(tmp_path, listings):
    call_command("export_public_dump", str(tmp_path), verbosity=0)

    technologies = read_lines(tmp_path / "technologies.jsonl")
    assert list(technologies[0]) == SHAPES["technology"].columns(PUBLIC)
    assert "US1234567" not in (tmp_path / "technologies.jsonl").read_text()
    with open(tmp_path / "technologies.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[1]["title"] == "'=cmd|' /C calc'!A0"


def test_dump_includes_the_taxonomy(tmp_path, db):
    call_command("export_public_dump", str(tmp_path), verbosity=0)

    taxonomy = json.loads((tmp_path / "taxonomy.json").read_text(encoding="utf-8"))
    assert len(taxonomy["technology_fields"]) == TechnologyField.objects.count()
    assert {"code": "KE", "name": "Kenya"}.items() <= next(
        country for country in taxonomy["countries"] if country["code"] == "KE"
    ).items()
    assert len(taxonomy["sdgs"]) == 17


def test_gzip_option_compresses_every_data_file(tmp_path, listings):
    call_command("export_public_dump", str(tmp_path), "--gzip", verbosity=0)

    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["kinds"]["technologies"]["files"] == ["technologies.jsonl.gz", "technologies.csv.gz"]
    assert manifest["taxonomy"] == "taxonomy.json.gz"
    with gzip.open(tmp_path / "technologies.jsonl.gz", "rt", encoding="utf-8") as handle:
        assert len(handle.read().splitlines()) == 2
    assert not (tmp_path / "technologies.jsonl").exists()


def test_dump_reports_what_it_wrote(tmp_path, listings, capsys):
    call_command("export_public_dump", str(tmp_path))

    captured = capsys.readouterr()
    assert "Wrote technologies: 2, needs: 1, experts: 1, organisations: 2" in captured.out
    assert "technologies" in captured.err  # the progress bar
