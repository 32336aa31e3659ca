from django.contrib import admin

from .models import EmailPreference, Notification, SavedSearch


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("title", "recipient", "email", "kind", "created_at", "read_at", "email_frequency", "emailed_at")
    list_filter = ("kind", "email_frequency")
    search_fields = ("title", "recipient__email", "email")
    raw_id_fields = ("recipient",)


@admin.register(EmailPreference)
class EmailPreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "frequency")
    list_filter = ("kind", "frequency")
    raw_id_fields = ("user",)


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "kind", "frequency", "paused", "last_sent_at")
    list_filter = ("kind", "frequency", "paused")
    raw_id_fields = ("user",)
