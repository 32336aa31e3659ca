from django.contrib import admin

from .models import Connection, ConnectionEvent


class ConnectionEventInline(admin.TabularInline):
    model = ConnectionEvent
    fields = ["at", "actor", "from_stage", "to_stage", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Connection)
class ConnectionAdmin(admin.ModelAdmin):
    """Read-only: stages change through the site so both parties see every step."""

    list_display = ["listing_title", "requester", "owner", "stage", "created_at", "updated_at"]
    list_filter = ["stage", "content_type", "decline_reason", "agreement_type"]
    search_fields = ["listing_title", "requester__email", "owner__email", "message"]
    date_hierarchy = "created_at"
    list_select_related = ["requester", "owner"]
    inlines = [ConnectionEventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
