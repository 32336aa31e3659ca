"""Background jobs: embeddings, imports, alerts and emails run outside requests.

Declare a job with ``@job`` and start it with ``my_job.enqueue(...)``; arguments
must be JSON values (ids, strings), never model instances. Jobs go to the "jobs"
task backend (settings.TASKS): a queue in the database that
``manage.py db_worker --backend jobs`` works through.

django-tasks has no retries of its own. A job that raises is recorded as failed
and, while it has been attempted fewer than JOBS_MAX_ATTEMPTS times, put back in
the queue after a growing delay (``retry_if_attempts_left`` runs when a task
finishes). Jobs that used up their attempts stay failed, with their traceback,
in the admin ("Task results"), where staff can retry them; so can
``manage.py retry_failed_jobs``.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import DEFAULT_TASK_QUEUE_NAME, TaskResultStatus, task
from django_tasks.base import DEFAULT_TASK_PRIORITY
from django_tasks_db.models import DBTaskResult, get_date_max

JOBS_BACKEND = "jobs"

logger = logging.getLogger(__name__)


def job(function=None, *, priority=DEFAULT_TASK_PRIORITY, queue_name=DEFAULT_TASK_QUEUE_NAME):
    """``@job`` or ``@job(priority=10)``: a task on Verdex's job queue."""
    return task(function, backend=JOBS_BACKEND, priority=priority, queue_name=queue_name)


def retry_delay(attempts):
    """How long to wait before attempt ``attempts + 1``: doubles each time."""
    return timedelta(seconds=settings.JOBS_RETRY_DELAY * 2 ** max(attempts - 1, 0))


def retry_if_attempts_left(sender, task_result, **kwargs):
    """``task_finished`` receiver: requeue a failed database job that may try again."""
    db_result = getattr(task_result, "db_result", None)
    if db_result is None or task_result.status != TaskResultStatus.FAILED:
        return
    attempts = len(db_result.worker_ids)
    if attempts >= settings.JOBS_MAX_ATTEMPTS:
        logger.error(
            "job %s failed for good after %d attempts", db_result.task_path, attempts,
            extra={"job_id": str(db_result.pk), "exception": db_result.exception_class_path},
        )
        return
    run_after = timezone.now() + retry_delay(attempts)
    # The last traceback stays on the row, so staff can see why it is being retried.
    DBTaskResult.objects.filter(pk=db_result.pk, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=run_after, finished_at=None
    )
    logger.warning(
        "job %s failed (attempt %d of %d), retrying at %s",
        db_result.task_path, attempts, settings.JOBS_MAX_ATTEMPTS, run_after.isoformat(),
        extra={"job_id": str(db_result.pk), "exception": db_result.exception_class_path},
    )


def requeue_failed(queryset):
    """Put failed jobs back in the queue to run as soon as a worker is free.

    Each gets one more attempt; if that fails too it stays failed. Returns how
    many were requeued.
    """
    return queryset.filter(status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=get_date_max(), finished_at=None
    )
