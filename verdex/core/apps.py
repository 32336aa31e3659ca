from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "verdex.core"
    label = "core"

    def ready(self):
        from django_tasks.signals import task_finished

        from verdex.core import checks, lookups  # noqa: F401  (they register themselves)
        from verdex.core.jobs import retry_if_attempts_left

        task_finished.connect(retry_if_attempts_left, dispatch_uid="verdex.core.jobs.retry")
