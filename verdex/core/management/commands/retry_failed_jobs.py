from django.core.management.base import BaseCommand
from django.db.models import Q
from django_tasks_db.models import DBTaskResult

from verdex.core.jobs import JOBS_BACKEND, requeue_failed


class Command(BaseCommand):
    help = (
        "Put background jobs that failed for good back in the queue, e.g. after fixing "
        "the cause. Each gets one more attempt."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", help="ids of the jobs to retry (default: every failed job)")
        parser.add_argument("--task", help="only jobs of this task, by its dotted path or function name")

    def handle(self, *, ids, task, **options):
        failed = DBTaskResult.objects.failed().filter(backend_name=JOBS_BACKEND)
        if ids:
            failed = failed.filter(pk__in=ids)
        if task:
            failed = failed.filter(Q(task_path=task) | Q(task_path__endswith=f".{task}"))
        count = requeue_failed(failed)
        self.stdout.write(f"{count} failed job{'s' if count != 1 else ''} put back in the queue.")
