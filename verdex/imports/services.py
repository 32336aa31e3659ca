"""Writes of the imports app: jobs through upload, mapping, dry run and import.

Only administrators of an organisation import for it. The dry run and the
import run as background tasks (see tasks.py); the command line calls
``check_job`` and ``import_job`` directly, so both follow the same path.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from verdex.organisations.selectors import is_admin

from . import patents
from .models import ColumnMapping, Format, ImportJob, Kind
from .parsing import FileError, read_table
from .processing import Importer
from .targets import mapping_errors, suggest_mapping

logger = logging.getLogger(__name__)


def require_admin(*, organisation, user):
    if not (user.is_authenticated and user.is_active and is_admin(organisation=organisation, user=user)):
        raise PermissionDenied("Only administrators of the organisation can import listings for it.")


def _table_format(job):
    if job.format != Format.PATENTS:
        return job.format
    return "json" if job.original_name.lower().endswith(".json") else "csv"


def open_table(job):
    return read_table(job.file.path, _table_format(job))


def create_job(*, organisation, user, kind, file_format, uploaded_file):
    """Store an uploaded file and read its column names; ValidationError if it cannot be read."""
    require_admin(organisation=organisation, user=user)
    if file_format == Format.PATENTS:
        kind = Kind.TECHNOLOGY
    job = ImportJob(
        organisation=organisation, started_by=user, kind=kind, format=file_format,
        original_name=uploaded_file.name.rsplit("/", 1)[-1][:200],
    )
    job.file.save(job.original_name, uploaded_file, save=False)
    try:
        table = open_table(job)
        if file_format == Format.PATENTS and (missing := patents.missing_columns(table.headers)):
            raise FileError(f"A patent list needs the columns {', '.join(missing)}; see the documented format.")
    except FileError as exc:
        job.file.delete(save=False)
        raise ValidationError({"file": str(exc)}) from None
    job.headers = table.headers
    job.total = table.total
    if file_format == Format.PATENTS:
        job.status = ImportJob.Status.MAPPED
    else:
        saved = ColumnMapping.objects.filter(organisation=organisation, kind=kind, format=file_format).first()
        job.mapping = suggest_mapping(kind, table.headers, saved.mapping if saved else None)
    job.save()
    if job.status == ImportJob.Status.MAPPED:
        enqueue_check(job)
    return job


def save_mapping(*, job, user, mapping, enqueue=True):
    """Keep the chosen columns (also for the organisation's next import) and start the dry run."""
    require_admin(organisation=job.organisation, user=user)
    if job.status not in (ImportJob.Status.UPLOADED, ImportJob.Status.MAPPED, ImportJob.Status.DRY_RUN_DONE):
        raise ValidationError("The columns of this import can no longer be changed.")
    mapping = {name: column for name, column in mapping.items() if column}
    errors = mapping_errors(job.kind, mapping, job.headers)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        job.mapping = mapping
        job.status = ImportJob.Status.MAPPED
        job.save(update_fields=["mapping", "status"])
        ColumnMapping.objects.update_or_create(
            organisation=job.organisation, kind=job.kind, format=job.format, defaults={"mapping": mapping}
        )
        if enqueue:
            enqueue_check(job)
    return job


def enqueue_check(job):
    from .tasks import check_import

    transaction.on_commit(lambda: check_import.enqueue(job.pk))


def start_import(*, job, user):
    """Confirm a checked import; it then runs in the background."""
    require_admin(organisation=job.organisation, user=user)
    with transaction.atomic():
        locked = ImportJob.objects.select_for_update().get(pk=job.pk)
        if locked.status != ImportJob.Status.DRY_RUN_DONE:
            raise ValidationError("Only an import whose dry run is done can be started.")
        locked.status = ImportJob.Status.IMPORTING
        locked.save(update_fields=["status"])

        from .tasks import run_import

        transaction.on_commit(lambda: run_import.enqueue(locked.pk))
    return locked


def check_job(job, *, on_batch=None):
    """The dry run: what would be created, updated or rejected, row by row."""
    return _run(job, commit=False, running=ImportJob.Status.CHECKING, finished=ImportJob.Status.DRY_RUN_DONE,
                on_batch=on_batch)


def import_job(job, *, on_batch=None):
    """Write the good rows; the report then says what was created, updated or rejected."""
    return _run(job, commit=True, running=ImportJob.Status.IMPORTING, finished=ImportJob.Status.DONE,
                on_batch=on_batch)


_COUNTERS = {"create": "created", "update": "updated", "unchanged": "unchanged", "reject": "rejected"}


def _run(job, *, commit, running, finished, on_batch):
    job.status = running
    job.processed = job.created = job.updated = job.unchanged = job.rejected = job.duplicates = 0
    job.error = ""
    job.finished_at = None
    job.save()
    try:
        # Checked again here: the person may have stopped being an administrator since the upload.
        require_admin(organisation=job.organisation, user=job.started_by)
        table = open_table(job)
        job.total = table.total
        importer = Importer(
            organisation=job.organisation, user=job.started_by, kind=job.kind, file_format=job.format,
            mapping=job.mapping, job_id=job.pk,
        )

        def progress(outcomes):
            job.processed += len(outcomes)
            for outcome in outcomes:
                counter = _COUNTERS[outcome.action]
                setattr(job, counter, getattr(job, counter) + 1)
                job.duplicates += bool(outcome.duplicate)
            ImportJob.objects.filter(pk=job.pk).update(
                total=job.total, processed=job.processed, created=job.created, updated=job.updated,
                unchanged=job.unchanged, rejected=job.rejected, duplicates=job.duplicates,
            )
            if on_batch:
                on_batch(outcomes)

        job.report = importer.process(table.rows(), commit=commit, on_batch=progress)
        job.status = finished
    except (FileError, PermissionDenied) as exc:
        job.status, job.error = ImportJob.Status.FAILED, str(exc)
    except Exception:
        logger.exception("Import job %s failed", job.pk)
        job.status = ImportJob.Status.FAILED
        job.error = "The import stopped because of an unexpected error; the rows written so far are kept."
        raise
    finally:
        job.finished_at = timezone.now()
        job.save()
    return job
