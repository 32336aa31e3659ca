"""Background jobs on the database queue: run by the worker, retried, visible to staff."""

import signal
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from verdex.accounts.models import User
from verdex.catalog.models import Technology
from verdex.core.jobs import job

# The worker checks for stale connections between tasks, which would abort the
# transaction a plain test runs in: these tests commit, and the database is
# reloaded from its migrated state around each one.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "jobs": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


@job
def send_welcome(email):
    user = User.objects.get(email=email)  # fails until the account exists
    mail.send_mail("Welcome to Verdex", "Your account is ready.", None, [user.email])
    return user.email


@pytest.fixture
def database_queue(settings):
    settings.TASKS = QUEUE
    settings.JOBS_MAX_ATTEMPTS = 3
    settings.JOBS_RETRY_DELAY = 60


@pytest.fixture
def run_worker():
    """Work through every job that is due, as `manage.py db_worker --batch` does."""
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}

    def run():
        call_command("db_worker", "--backend", "jobs", "--queue-name", "*", "--batch",
                     "--no-reload", "--no-startup-delay", "--interval", "0", verbosity=0)

    yield run
    for sig, handler in handlers.items():  # the worker installs its own for graceful shutdown
        signal.signal(sig, handler)


def test_a_job_waits_in_the_database_until_the_worker_runs_it(database_queue, run_worker, member):
    result = send_welcome.enqueue(member.email)

    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.READY
    assert mail.outbox == []

    run_worker()

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == "member@example.org"
    assert [message.to for message in mail.outbox] == [["member@example.org"]]


def test_a_failed_job_is_recorded_and_retried_after_a_delay(database_queue, run_worker, make_user):
    result = send_welcome.enqueue("late@example.org")

    run_worker()

    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.READY  # back in the queue for a second attempt
    assert len(row.worker_ids) == 1
    assert row.exception_class_path.endswith("DoesNotExist")
    assert "User matching query does not exist" in row.traceback
    assert row.run_after > timezone.now() + timedelta(seconds=50)

    run_worker()  # not due yet: nothing happens
    assert len(DBTaskResult.objects.get(pk=result.id).worker_ids) == 1

    make_user(email="late@example.org")
    DBTaskResult.objects.filter(pk=result.id).update(run_after=timezone.now())  # the delay has passed
    run_worker()

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.attempts == 2
    assert len(mail.outbox) == 1


def test_a_job_that_keeps_failing_stops_after_the_maximum_attempts(database_queue, settings, run_worker):
    settings.JOBS_RETRY_DELAY = 0
    result = send_welcome.enqueue("nobody@example.org")

    run_worker()

    result.refresh()
    assert result.status == TaskResultStatus.FAILED
    assert result.attempts == 3
    assert result.errors[0].exception_class_path == "verdex.accounts.models.User.DoesNotExist"


def test_retry_failed_jobs_gives_each_failed_job_one_more_attempt(database_queue, settings, run_worker, make_user):
    settings.JOBS_MAX_ATTEMPTS = 1
    failed = send_welcome.enqueue("late@example.org")
    run_worker()
    failed.refresh()
    assert failed.status == TaskResultStatus.FAILED
    make_user(email="late@example.org")

    call_command("retry_failed_jobs", "--task", "send_welcome", verbosity=0)
    assert DBTaskResult.objects.get(pk=failed.id).status == TaskResultStatus.READY
    run_worker()

    failed.refresh()
    assert failed.status == TaskResultStatus.SUCCESSFUL
    assert failed.attempts == 2


def test_retry_failed_jobs_leaves_other_tasks_alone(database_queue, settings, run_worker):
    settings.JOBS_MAX_ATTEMPTS = 1
    failed = send_welcome.enqueue("nobody@example.org")
    run_worker()

    call_command("retry_failed_jobs", "--task", "some_other_task", verbosity=0)

    assert DBTaskResult.objects.get(pk=failed.id).status == TaskResultStatus.FAILED


def _failed_job(settings, run_worker):
    settings.JOBS_MAX_ATTEMPTS = 1
    result = send_welcome.enqueue("nobody@example.org")
    run_worker()
    return DBTaskResult.objects.get(pk=result.id)


def test_staff_see_failed_jobs_with_their_error_and_can_retry_them(
    database_queue, settings, run_worker, client, make_user
):
    row = _failed_job(settings, run_worker)
    admin = make_user(is_staff=True, is_superuser=True)
    client.force_login(admin)
    changelist = reverse("admin:django_tasks_database_dbtaskresult_changelist")

    page = client.get(changelist, {"status__exact": "FAILED"})
    assert page.status_code == 200
    assert "send_welcome" in page.text
    assert "User.DoesNotExist" in page.text
    detail = client.get(reverse("admin:django_tasks_database_dbtaskresult_change", args=[row.pk]))
    assert "User matching query does not exist" in detail.text

    response = client.post(changelist, {"action": "retry_jobs", "_selected_action": [str(row.pk)]}, follow=True)

    assert "1 failed job was put back in the queue." in response.text
    assert DBTaskResult.objects.get(pk=row.pk).status == TaskResultStatus.READY


def test_staff_who_may_only_view_jobs_cannot_retry_them(database_queue, settings, run_worker, client, make_user):
    row = _failed_job(settings, run_worker)
    viewer = make_user(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_dbtaskresult"))
    client.force_login(viewer)
    changelist = reverse("admin:django_tasks_database_dbtaskresult_changelist")

    assert client.get(changelist).status_code == 200
    client.post(changelist, {"action": "retry_jobs", "_selected_action": [str(row.pk)]})

    assert DBTaskResult.objects.get(pk=row.pk).status == TaskResultStatus.FAILED


def test_members_cannot_see_jobs(database_queue, client, member):
    client.force_login(member)
    response = client.get(reverse("admin:django_tasks_database_dbtaskresult_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_saving_a_listing_updates_the_search_index_without_a_worker(database_queue, make_technology):
    technology = make_technology(title="Biogas digester for dairy farms")

    found = Technology.objects.search("biogas").get_queryset()

    assert list(found.values_list("pk", flat=True)) == [technology.pk]
    assert not DBTaskResult.objects.filter(task_path__startswith="modelsearch.").exists()
