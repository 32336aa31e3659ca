"""Real import files written to a temporary folder, and a helper to import them."""

import csv
import io
import json

import pytest
from django.core.files import File
from openpyxl import Workbook

from verdex.imports import services

HEADER = [
    "external_id", "title", "summary", "description", "trl", "developed_in", "available_in",
    "fields", "sdgs", "ip_status", "patent_numbers", "website",
]


def technology_row(n, **values):
    row = {
        "external_id": f"T-{n}",
        "title": f"Biogas digester model {n} for dairy farms",
        "summary": f"A compact anaerobic digester number {n} that turns manure into cooking gas and fertiliser.",
        "description": "Farmers feed manure daily.\n\nThe gas runs a two-ring stove.",
        "trl": "8",
        "developed_in": "Kenya",
        "available_in": "KE; TZ; Uganda",
        "fields": "Y02E50, GI-AEP-BIO",
        "sdgs": "7; 13",
        "ip_status": "Open / no IP protection",
        "patent_numbers": "",
        "website": "https://example.org/digester",
    }
    row.update(values)
    return row


@pytest.fixture(autouse=True)
def _imports_in_tmp(settings, tmp_path):
    settings.IMPORTS_ROOT = tmp_path / "imports"


@pytest.fixture
def write_file(tmp_path):
    def write(name, content):
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path

    return write


@pytest.fixture
def write_csv(write_file):
    def write(rows, name="listings.csv", header=HEADER, encoding="utf-8"):
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return write_file(name, buffer.getvalue().encode(encoding))

    return write


@pytest.fixture
def write_xlsx(tmp_path):
    def write(rows, name="listings.xlsx", header=HEADER):
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(header)
        for row in rows:
            sheet.append([row.get(column) for column in header])
        path = tmp_path / name
        workbook.save(path)
        return path

    return write


@pytest.fixture
def write_json(write_file):
    def write(records, name="listings.json"):
        return write_file(name, json.dumps(records))

    return write


@pytest.fixture
def importer(organisation, org_admin):
    """Upload ``path`` as the org admin, map by column names, dry-run and optionally import."""

    def run(path, *, file_format="csv", kind="technology", mapping=None, commit=True, user=None):
        user = user or org_admin
        with open(path, "rb") as handle:
            job = services.create_job(
                organisation=organisation, user=user, kind=kind, file_format=file_format,
                uploaded_file=File(handle, name=path.name),
            )
        if file_format != "patents":
            services.save_mapping(job=job, user=user, mapping=mapping or job.mapping, enqueue=False)
        services.check_job(job)
        if commit:
            services.import_job(job)
        job.refresh_from_db()
        return job

    return run


def errors_of(job):
    return [error for entry in job.report for error in entry.get("errors", [])]
