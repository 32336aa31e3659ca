"""The import pages: only organisation admins, upload → columns → dry run → import."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from verdex.catalog.models import Technology
from verdex.imports.models import ColumnMapping, ImportJob
from verdex.organisations.models import Membership

from .conftest import HEADER, technology_row


def _csv_upload(rows, name="partner.csv"):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HEADER)
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode(), content_type="text/csv")


@pytest.fixture
def admin_client(client, org_admin):
    client.force_login(org_admin)
    return client


def test_full_flow_through_the_pages(admin_client, organisation, django_capture_on_commit_callbacks):
    upload_url = reverse("imports:upload", args=[organisation.slug])
    response = admin_client.post(upload_url, {
        "kind": "technology", "format": "csv",
        "file": _csv_upload([technology_row(1), technology_row(2, developed_in="Narnia")]),
    })
    job = ImportJob.objects.get()
    assert response.url == reverse("imports:mapping", args=[job.pk])

    page = admin_client.get(response.url)
    assert page.status_code == 200
    assert page.context["form"]["developed_in"].initial == "developed_in"  # suggested from the header

    mapping = {name: name for name in HEADER}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("imports:mapping", args=[job.pk]), mapping)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DRY_RUN_DONE
    assert ColumnMapping.objects.get(organisation=organisation).mapping == mapping

    page = admin_client.get(job.get_absolute_url())
    assert "Would create" in page.content.decode()
    assert "row 3, developed_in: unknown country &#x27;Narnia&#x27;" in page.content.decode()
    assert not Technology.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("imports:start", args=[job.pk]))
    job.refresh_from_db()
    assert (job.status, job.created, job.rejected) == (ImportJob.Status.DONE, 1, 1)
    assert Technology.objects.count() == 1

    status = admin_client.get(reverse("imports:status", args=[job.pk]), headers={"HX-Request": "true"})
    assert status["HX-Refresh"] == "true"
    assert "rejected" in status.content.decode()


def test_status_partial_polls_while_running(admin_client, organisation, org_admin):
    job = ImportJob.objects.create(organisation=organisation, started_by=org_admin, kind="technology",
                                   format="csv", original_name="x.csv", status=ImportJob.Status.IMPORTING,
                                   total=10, processed=4, created=3, rejected=1)

    response = admin_client.get(reverse("imports:status", args=[job.pk]), headers={"HX-Request": "true"})

    body = response.content.decode()
    assert 'hx-trigger="every 2s"' in body and "4 of 10 rows (40%)" in body
    assert "HX-Refresh" not in response


def test_saved_mapping_is_offered_next_time(admin_client, organisation):
    ColumnMapping.objects.create(organisation=organisation, kind="technology", format="csv",
                                 mapping={"title": "summary"})
    admin_client.post(reverse("imports:upload", args=[organisation.slug]), {
        "kind": "technology", "format": "csv", "file": _csv_upload([technology_row(1)]),
    })

    assert ImportJob.objects.get().mapping["title"] == "summary"


@pytest.mark.parametrize("content, message", [
    (b"", "The submitted file is empty."),
    (b"external_id,title\n", "The file has column names but no rows to import."),
])
def test_unreadable_upload_is_refused_with_the_reason(admin_client, organisation, content, message):
    response = admin_client.post(reverse("imports:upload", args=[organisation.slug]), {
        "kind": "technology", "format": "csv", "file": SimpleUploadedFile("empty.csv", content),
    })

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportJob.objects.exists()


def test_wrong_extension_for_format(admin_client, organisation):
    response = admin_client.post(reverse("imports:upload", args=[organisation.slug]), {
        "kind": "technology", "format": "xlsx", "file": _csv_upload([technology_row(1)]),
    })

    assert "should end in .xlsx" in response.content.decode()


def test_mapping_without_required_columns_is_refused(admin_client, organisation):
    admin_client.post(reverse("imports:upload", args=[organisation.slug]), {
        "kind": "technology", "format": "csv", "file": _csv_upload([technology_row(1)]),
    })
    job = ImportJob.objects.get()

    response = admin_client.post(reverse("imports:mapping", args=[job.pk]), {"title": "title"})

    assert "summary: choose the column for short summary; it is required." in response.content.decode()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.UPLOADED


def test_members_who_are_not_admins_cannot_import(client, member, organisation, org_admin):
    Membership.objects.create(organisation=organisation, user=member, role=Membership.Role.MEMBER)
    job = ImportJob.objects.create(organisation=organisation, started_by=org_admin, kind="technology",
                                   format="csv", original_name="x.csv", status=ImportJob.Status.DRY_RUN_DONE)
    client.force_login(member)

    assert client.get(reverse("imports:upload", args=[organisation.slug])).status_code == 403
    assert client.post(reverse("imports:upload", args=[organisation.slug]), {
        "kind": "technology", "format": "csv", "file": _csv_upload([technology_row(1)]),
    }).status_code == 403
    for name in ("detail", "mapping", "status", "rejected"):
        assert client.get(reverse(f"imports:{name}", args=[job.pk])).status_code == 404
    assert client.post(reverse("imports:start", args=[job.pk])).status_code == 404
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DRY_RUN_DONE
    assert "x.csv" not in client.get(reverse("imports:index")).content.decode()


def test_visitors_are_sent_to_log_in(client, organisation):
    response = client.get(reverse("imports:upload", args=[organisation.slug]))
    assert response.status_code == 302 and "login" in response.url


def test_start_needs_post_and_a_finished_dry_run(admin_client, organisation, org_admin):
    job = ImportJob.objects.create(organisation=organisation, started_by=org_admin, kind="technology",
                                   format="csv", original_name="x.csv", status=ImportJob.Status.UPLOADED)

    assert admin_client.get(reverse("imports:start", args=[job.pk])).status_code == 405
    admin_client.post(reverse("imports:start", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.UPLOADED


def test_rejected_rows_download_escapes_formulas(admin_client, organisation, importer, write_csv):
    job = importer(write_csv([
        technology_row(1),
        technology_row(2, title="=HYPERLINK(\"http://evil.example\")", developed_in="Narnia"),
        technology_row(3, summary="+cmd|' /C calc'!A0", trl="@SUM(1)", website="-2+3"),
    ]))

    response = admin_client.get(reverse("imports:rejected", args=[job.pk]))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["row", "errors", "external_id"]
    assert len(rows) == 3
    by_column = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert by_column[0]["row"] == "3"
    assert by_column[0]["title"] == "'=HYPERLINK(\"http://evil.example\")"
    assert "developed_in: unknown country 'Narnia'" in by_column[0]["errors"]
    assert by_column[1]["summary"] == "'+cmd|' /C calc'!A0"
    assert by_column[1]["trl"] == "'@SUM(1)"
    assert by_column[1]["website"] == "'-2+3"


def test_organisation_page_links_admins_to_imports(admin_client, organisation):
    page = admin_client.get(organisation.get_absolute_url())
    assert reverse("imports:upload", args=[organisation.slug]) in page.content.decode()
