"""Writes of the imports app: jobs through upload, mapping, dry run and import.

Only administrators of an organisation import for it. The dry run and the
import run as background tasks (see tasks.py); the command line calls
``check_job`` and ``import_job`` directly, so both follow the same path.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from verdex.notifications.models import Kind as NotificationKind
from verdex.notifications.services import notify
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
        _queue(locked, ImportJob.Status.IMPORTING)
    return locked


def resume_job(*, job, user):
    """Run a failed job's step again: the dry run, or the import, which skips rows already written.

    Rows are matched on (source, external id), so the rows a dead worker
    committed come out "unchanged" and nothing is written twice.
    """
    require_admin(organisation=job.organisation, user=user)
    with transaction.atomic():
        locked = ImportJob.objects.select_for_update().get(pk=job.pk)
        if locked.status != ImportJob.Status.FAILED:
            raise ValidationError("Only a failed import can be resumed.")
        importing = locked.failed_step == ImportJob.Status.IMPORTING
        _queue(locked, ImportJob.Status.IMPORTING if importing else ImportJob.Status.MAPPED)
    return locked


def _queue(job, status):
    """Mark ``job`` as waiting for a worker and enqueue its step once this transaction commits."""
    from .tasks import check_import, run_import

    job.status, job.error, job.failed_step, job.heartbeat_at = status, "", "", None
    job.save(update_fields=["status", "error", "failed_step", "heartbeat_at"])
    task = run_import if status == ImportJob.Status.IMPORTING else check_import
    transaction.on_commit(lambda: task.enqueue(job.pk))


DEAD_WORKER_MESSAGE = (
    "The {step} stopped: its background worker has not reported since {at:%Y-%m-%d %H:%M} UTC "
    "(it was stopped or crashed). The rows written before are kept; resume to finish it."
)


def fail_dead_jobs():
    """Mark every job whose worker's lease expired as failed; returns how many.

    Called by the job pages (for the job shown) and before every task a worker
    runs, so a killed worker's job does not stay "importing" for ever.
    """
    cutoff = timezone.now() - timedelta(seconds=settings.IMPORT_LEASE_SECONDS)
    dead = list(ImportJob.objects.filter(status__in=ImportJob.WORKING, heartbeat_at__lt=cutoff)
                .only("pk", "status", "heartbeat_at", "runs"))
    return sum(_fail_dead(job) for job in dead)


def fail_if_dead(job):
    """Mark ``job`` failed if its worker's lease expired; True if it did (``job`` is updated)."""
    if not job.lease_expired or not _fail_dead(job):
        return False
    job.refresh_from_db()
    return True


def _fail_dead(job):
    step = "dry run" if job.status == ImportJob.Status.CHECKING else "import"
    # Only if nothing moved since it was read: a worker that beats meanwhile keeps its job.
    failed = ImportJob.objects.filter(
        pk=job.pk, status=job.status, runs=job.runs, heartbeat_at=job.heartbeat_at
    ).update(
        status=ImportJob.Status.FAILED, failed_step=job.status, finished_at=timezone.now(),
        error=DEAD_WORKER_MESSAGE.format(step=step, at=job.heartbeat_at),
    )
    if failed:
        logger.warning("Import job %s: worker lost (last heartbeat %s), marked failed", job.pk, job.heartbeat_at)
        _tell_outcome(ImportJob.objects.select_related("started_by").get(pk=job.pk))
    return bool(failed)


def fail_dead_jobs_before_task(sender, task_result, **kwargs):
    """``task_started`` receiver: a worker on the database queue sweeps for dead imports first."""
    if getattr(task_result, "db_result", None) is not None:
        fail_dead_jobs()


def check_job(job, *, on_batch=None):
    """The dry run: what would be created, updated or rejected, row by row."""
    return _run(job, commit=False, running=ImportJob.Status.CHECKING, finished=ImportJob.Status.DRY_RUN_DONE,
                on_batch=on_batch)


def import_job(job, *, on_batch=None):
    """Write the good rows; the report then says what was created, updated or rejected."""
    return _run(job, commit=True, running=ImportJob.Status.IMPORTING, finished=ImportJob.Status.DONE,
                on_batch=on_batch)


_COUNTERS = {"create": "created", "update": "updated", "unchanged": "unchanged", "reject": "rejected"}
_PROGRESS = ["total", "processed", "created", "updated", "unchanged", "rejected", "duplicates"]
_RESULT = _PROGRESS + ["status", "error", "failed_step", "report", "finished_at", "heartbeat_at"]


class LeaseLost(Exception):
    """This run's job was marked dead or started again elsewhere: stop without touching it."""


def _run(job, *, commit, running, finished, on_batch):
    job.status = running
    job.processed = job.created = job.updated = job.unchanged = job.rejected = job.duplicates = 0
    job.error = job.failed_step = ""
    job.finished_at = None
    job.heartbeat_at = timezone.now()
    job.runs += 1
    job.save()

    def beat(**fields):
        """Record progress and the heartbeat, if this run still holds the job."""
        job.heartbeat_at = timezone.now()
        held = ImportJob.objects.filter(pk=job.pk, runs=job.runs, status=running).update(
            heartbeat_at=job.heartbeat_at, **fields
        )
        if not held:
            raise LeaseLost()

    try:
        # Checked again here: the person may have stopped being an administrator since the upload.
        require_admin(organisation=job.organisation, user=job.started_by)
        table = open_table(job)
        job.total = table.total
        importer = Importer(
            organisation=job.organisation, user=job.started_by, kind=job.kind, file_format=job.format,
            mapping=job.mapping, job_id=job.pk, batch_size=settings.IMPORT_BATCH_SIZE,
        )
        beat(total=job.total)

        def progress(outcomes):
            job.processed += len(outcomes)
            for outcome in outcomes:
                counter = _COUNTERS[outcome.action]
                setattr(job, counter, getattr(job, counter) + 1)
                job.duplicates += bool(outcome.duplicate)
            beat(**{name: getattr(job, name) for name in _PROGRESS})
            if on_batch:
                on_batch(outcomes)

        job.report = importer.process(table.rows(), commit=commit, on_batch=progress)
        job.status = finished
    except LeaseLost:
        logger.warning("Import job %s: run %s lost its lease and stopped", job.pk, job.runs)
        return job
    except (FileError, PermissionDenied) as exc:
        job.status, job.error, job.failed_step = ImportJob.Status.FAILED, str(exc), running
    except Exception:
        logger.exception("Import job %s failed", job.pk)
        job.status, job.failed_step = ImportJob.Status.FAILED, running
        job.error = "The import stopped because of an unexpected error; the rows written so far are kept."
        _save_result(job)
        _tell_outcome(job)
        raise
    _save_result(job)
    _tell_outcome(job)
    return job


def _tell_outcome(job):
    """Tell whoever started the job that the import finished or that a step failed."""
    if job.status == ImportJob.Status.DONE:
        notify(
            recipient=job.started_by, kind=NotificationKind.IMPORT_FINISHED,
            title=f"Your import of “{job.original_name}” finished",
            body=(f"{job.created} created, {job.updated} updated, {job.unchanged} unchanged, "
                  f"{job.rejected} rejected of {job.total} rows."),
            url=job.get_absolute_url(),
        )
    elif job.status == ImportJob.Status.FAILED:
        step = "dry run" if job.failed_step == ImportJob.Status.CHECKING else "import"
        notify(
            recipient=job.started_by, kind=NotificationKind.IMPORT_FAILED,
            title=f"The {step} of “{job.original_name}” failed",
            body=f"{job.error}\n\nOpen the import to see what happened and resume it.".strip(),
            url=job.get_absolute_url(),
        )


def _save_result(job):
    """Write the run's outcome, unless a later run has started meanwhile."""
    job.finished_at = timezone.now()
    ImportJob.objects.filter(pk=job.pk, runs=job.runs).update(
        **{name: getattr(job, name) for name in _RESULT}
    )
