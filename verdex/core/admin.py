"""Background jobs in the admin: status, attempts, the error, and a retry action."""

from django.contrib import admin, messages
from django.utils.translation import ngettext
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from verdex.core.jobs import requeue_failed

admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class JobAdmin(DBTaskResultAdmin):
    list_display = (
        "task_name", "status", "attempts", "exception_class_path",
        "enqueued_at", "finished_at", "run_after", "queue_name",
    )
    list_filter = ("status", "queue_name", "backend_name")
    search_fields = ("task_path", "exception_class_path")
    actions = ["retry_jobs"]

    @admin.display(description="attempts")
    def attempts(self, obj):
        return len(obj.worker_ids)

    def has_retry_permission(self, request):
        return request.user.has_perm("django_tasks_db.change_dbtaskresult")

    @admin.action(description="Retry the selected failed jobs", permissions=["retry"])
    def retry_jobs(self, request, queryset):
        count = requeue_failed(queryset)
        self.message_user(
            request,
            ngettext("%d failed job was put back in the queue.",
                     "%d failed jobs were put back in the queue.", count) % count,
            messages.SUCCESS if count else messages.WARNING,
        )
