from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "verdex.imports"
    label = "imports"

    def ready(self):
        from django_tasks.signals import task_started

        from .services import fail_dead_jobs_before_task

        task_started.connect(fail_dead_jobs_before_task, dispatch_uid="verdex.imports.fail_dead_jobs")
