from django.contrib import admin

from .models import AuditEntry, Report


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log is evidence: staff may read it, nobody edits or deletes it."""

    list_display = ["at", "actor", "action", "object_repr", "content_type", "from_status", "to_status"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_repr", "reason", "actor__email"]
    date_hierarchy = "at"
    list_select_related = ["actor", "content_type"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "reporter", "reason", "content_type", "object_id", "state", "handled_by"]
    list_filter = ["state", "reason", "content_type"]
    search_fields = ["details", "resolution_note", "reporter__email"]
    date_hierarchy = "created_at"
    list_select_related = ["reporter", "handled_by", "content_type"]
    # Decisions go through the moderation pages so they are audited; here they are only shown.
    readonly_fields = [
        "reporter", "content_type", "object_id", "reason", "details", "state",
        "handled_by", "handled_at", "resolution_note", "created_at",
    ]

    def has_add_permission(self, request):
        return False
