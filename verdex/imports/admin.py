from django.contrib import admin

from .models import ColumnMapping, ImportJob


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["pk", "organisation", "kind", "format", "status", "total", "created", "updated", "rejected",
                    "created_at"]
    list_filter = ["status", "kind", "format"]
    search_fields = ["organisation__name", "original_name", "started_by__email"]
    # The report can hold 100,000 rows; the import page shows it page by page.
    readonly_fields = [field.name for field in ImportJob._meta.fields if field.name != "report"]
    exclude = ["report"]


@admin.register(ColumnMapping)
class ColumnMappingAdmin(admin.ModelAdmin):
    list_display = ["organisation", "kind", "format", "updated_at"]

