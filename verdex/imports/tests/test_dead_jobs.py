"""A worker killed mid-import: its job is found dead by its stale heartbeat, failed, and resumed
to completion without a row written twice."""

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from verdex.catalog.models import Technology
from verdex.imports import services
from verdex.imports.models import ImportJob
from verdex.moderation.models import AuditEntry

from .conftest import technology_row

# The worker is another process, so the rows it reads must be committed; the
# database is reloaded from its migrated state around each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[3]
ROWS = 7

# Starts the import like the page does and runs it like the worker does, in
# batches of two; after the first batch it reports and waits to be killed.
WORKER = textwrap.dedent("""
    import sys, time, django
    django.setup()
    from django.conf import settings
    settings.IMPORTS_ROOT = sys.argv[2]
    from verdex.imports import services
    from verdex.imports.models import ImportJob

    def wait_after_first_batch(outcomes):
        print("batch written", flush=True)
        time.sleep(300)

    job = ImportJob.objects.select_related("organisation", "started_by").get(pk=int(sys.argv[1]))
    services.start_import(job=job, user=job.started_by)
    services.import_job(ImportJob.objects.select_related("organisation", "started_by").get(pk=job.pk),
                        on_batch=wait_after_first_batch)
""")


def _copy_database(source, target):
    with source:
        source.backup(target)


def _database_url_for_another_process(tmp_path):
    """A DATABASE_URL another process can use to write where this test reads.

    PostgreSQL: the test database itself (this test commits). SQLite: the test
    database is in memory, so a file copy of it, to be copied back afterwards.
    """
    if connection.vendor == "sqlite":
        file_db = tmp_path / "worker.sqlite3"
        connection.ensure_connection()
        _copy_database(connection.connection, sqlite3.connect(file_db))
        return f"sqlite:///{file_db}"
    db = connection.settings_dict
    credentials = quote(db["USER"], safe="") + (f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else "")
    host = db["HOST"] or db["OPTIONS"].get("host", "")
    if host.startswith("/"):  # a Unix socket directory goes in the query
        return f"postgres://{credentials}@/{db['NAME']}?host={quote(host, safe='/')}"
    return f"postgres://{credentials}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def checked_job(importer, write_csv):
    return importer(write_csv([technology_row(n) for n in range(1, ROWS + 1)]), commit=False)


def _kill_worker_after_first_batch(job, settings, tmp_path):
    """Run the import in a real process on this database (SQLite: a copy of it, taken back
    afterwards) and SIGKILL it after one batch."""
    database_url = _database_url_for_another_process(tmp_path)
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "verdex.settings",
           "DATABASE_URL": database_url, "IMPORT_BATCH_SIZE": "2", "SECRET_KEY": "test",
           "SEARCH_INDEX_DIR": str(settings.SEARCH_INDEX_DIR)}
    worker = subprocess.Popen([sys.executable, "-c", WORKER, str(job.pk), str(settings.IMPORTS_ROOT)],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert worker.stdout.readline().strip() == "batch written", worker.stderr.read()
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL
    if connection.vendor == "sqlite":
        _copy_database(sqlite3.connect(database_url.removeprefix("sqlite:///")), connection.connection)


def test_a_killed_import_is_marked_failed_and_resumes_without_duplicates(
    checked_job, settings, tmp_path, client, org_admin
):
    _kill_worker_after_first_batch(checked_job, settings, tmp_path)
    job = ImportJob.objects.get(pk=checked_job.pk)
    assert (job.status, job.processed, Technology.objects.count()) == (ImportJob.Status.IMPORTING, 2, 2)
    client.force_login(org_admin)

    status_url = reverse("imports:status", args=[job.pk])
    assert 'hx-trigger="every 2s"' in client.get(status_url).content.decode()  # fresh heartbeat: alive

    settings.IMPORT_LEASE_SECONDS = 1
    time.sleep(1.1)
    polled = client.get(status_url, headers={"HX-Request": "true"})
    assert polled["HX-Refresh"] == "true" and "hx-trigger" not in polled.content.decode()  # polling stops
    job.refresh_from_db()
    assert (job.status, job.failed_step) == (ImportJob.Status.FAILED, ImportJob.Status.IMPORTING)
    page = client.get(job.get_absolute_url()).content.decode()
    assert "its background worker has not reported since" in page
    assert "Resume the import" in page

    response = client.post(reverse("imports:resume", args=[job.pk]))  # the task runs inline in tests

    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.status, job.error, job.total) == (ImportJob.Status.DONE, "", ROWS)
    assert (job.created, job.unchanged, job.rejected) == (ROWS - 2, 2, 0)
    external_ids = list(Technology.objects.values_list("external_id", flat=True))
    assert len(external_ids) == len(set(external_ids)) == ROWS
    assert AuditEntry.objects.filter(action="import").count() == ROWS  # one per listing, none twice


def test_a_worker_that_lost_its_lease_stops_and_leaves_the_job_failed(checked_job, settings):
    settings.IMPORT_BATCH_SIZE = 2
    job = ImportJob.objects.select_related("organisation", "started_by").get(pk=checked_job.pk)
    batches = []

    def declared_dead_after_first_batch(outcomes):
        batches.append(len(outcomes))
        if len(batches) == 1:  # what the sweep does when the heartbeat is older than the lease
            ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(hours=1))
            assert services.fail_dead_jobs() == 1

    services.import_job(job, on_batch=declared_dead_after_first_batch)

    assert batches == [2]  # the next heartbeat found the job taken away and stopped the run
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert Technology.objects.count() == 4  # the batch in flight committed; nothing after it

    services.resume_job(job=job, user=job.started_by)

    job.refresh_from_db()
    assert (job.status, job.created, job.unchanged) == (ImportJob.Status.DONE, ROWS - 4, 4)
    assert Technology.objects.count() == ROWS


def test_queued_and_live_jobs_are_not_failed(checked_job, settings):
    settings.IMPORT_LEASE_SECONDS = 60
    queued = ImportJob.objects.filter(pk=checked_job.pk)
    queued.update(status=ImportJob.Status.IMPORTING, heartbeat_at=None)
    assert services.fail_dead_jobs() == 0  # waiting for a worker is not dead
    queued.update(heartbeat_at=timezone.now() - timedelta(seconds=30))
    assert services.fail_dead_jobs() == 0  # within the lease
    queued.update(heartbeat_at=timezone.now() - timedelta(seconds=61))
    assert services.fail_dead_jobs() == 1
    assert queued.get().status == ImportJob.Status.FAILED


def test_the_worker_sweeps_dead_imports_before_each_task(checked_job, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "jobs": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    dead = ImportJob.objects.filter(pk=checked_job.pk)
    dead.update(status=ImportJob.Status.CHECKING, heartbeat_at=timezone.now() - timedelta(days=1))
    from verdex.imports.tasks import check_import

    another = ImportJob.objects.create(
        organisation=checked_job.organisation, started_by=checked_job.started_by, kind=checked_job.kind,
        format=checked_job.format, file=checked_job.file.name, original_name="again.csv",
        mapping=checked_job.mapping, status=ImportJob.Status.MAPPED,
    )
    check_import.enqueue(another.pk)
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", "--backend", "jobs", "--queue-name", "*", "--batch", "--no-reload",
                     "--no-startup-delay", "--interval", "0", verbosity=0)
    finally:
        for sig, handler in handlers.items():  # the worker installs its own
            signal.signal(sig, handler)

    failed = dead.get()
    assert (failed.status, failed.failed_step) == (ImportJob.Status.FAILED, ImportJob.Status.CHECKING)
    assert "dry run stopped" in failed.error
    assert ImportJob.objects.get(pk=another.pk).status == ImportJob.Status.DRY_RUN_DONE
