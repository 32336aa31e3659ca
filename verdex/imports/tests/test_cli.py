"""manage.py import_listings: same checks as the page, a summary, non-zero exit on unreadable files."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from verdex.catalog.models import Technology
from verdex.imports.models import ImportJob

from .conftest import technology_row

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_listings", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_example_file_with_mapping_imports(organisation, org_admin):
    out, _ = _run(EXAMPLES / "technologies.csv", "--organisation", organisation.slug, "--format", "csv",
                  "--mapping", EXAMPLES / "technologies-mapping.json")

    assert "2 were created, 0 were updated, 0 unchanged, 0 rejected" in out
    cold_room = Technology.objects.get(external_id=f"{organisation.pk}:SF-001")
    assert cold_room.owner == org_admin
    assert sorted(cold_room.availability.values_list("slug", flat=True)) == ["licence", "sale"]
    biogas = Technology.objects.get(external_id=f"{organisation.pk}:SF-002")
    assert sorted(biogas.fields.values_list("code", flat=True)) == ["GI-AEP-BIO", "Y02E50"]


def test_dry_run_writes_nothing_and_lists_errors(organisation, org_admin, write_csv):
    path = write_csv([technology_row(1), technology_row(2, developed_in="Narnia")])

    out, err = _run(path, "--organisation", organisation.slug, "--format", "csv", "--dry-run",
                    "--user", org_admin.email)

    assert "1 would be created" in out and "1 rejected" in out
    assert "row 3, developed_in: unknown country 'Narnia'" in err
    assert not Technology.objects.exists()
    assert ImportJob.objects.get().status == ImportJob.Status.DRY_RUN_DONE


def test_patents_format(organisation, org_admin):
    out, _ = _run(EXAMPLES / "patents.csv", "--organisation", organisation.slug, "--format", "patents")
    assert "3 were created" in out
    assert Technology.objects.filter(source="patent").count() == 3


@pytest.mark.parametrize("content, message", [
    (b"", "The file is empty."),
    (b"\x00\x01binary", "not a CSV text file"),
])
def test_unreadable_file_exits_non_zero(organisation, org_admin, write_file, content, message):
    path = write_file("bad.csv", content)
    with pytest.raises(CommandError, match=message):
        _run(path, "--organisation", organisation.slug, "--format", "csv")


def test_missing_file_unknown_organisation_and_non_admin(organisation, org_admin, member, write_csv):
    with pytest.raises(CommandError, match="no such file"):
        _run("/nonexistent/file.csv", "--organisation", organisation.slug, "--format", "csv")
    with pytest.raises(CommandError, match="No organisation"):
        _run(write_csv([technology_row(1)]), "--organisation", "nope", "--format", "csv")
    with pytest.raises(CommandError, match="is not an administrator"):
        _run(write_csv([technology_row(1)]), "--organisation", organisation.slug, "--format", "csv",
             "--user", member.email)


def test_wrong_columns_exit_non_zero(organisation, org_admin, write_csv):
    path = write_csv([{"a": 1}], header=["a", "b"])
    with pytest.raises(CommandError, match="title: choose the column"):
        _run(path, "--organisation", organisation.slug, "--format", "csv")
