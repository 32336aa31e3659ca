from django.contrib import admin

from .models import Match, MatchFeedback


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    list_display = ("need", "technology", "expert", "need_score", "offer_score", "listed_for_need_at")
    list_select_related = ("need", "technology", "expert")
    raw_id_fields = ("need", "technology", "expert")
    search_fields = ("need__title", "technology__title", "expert__full_name")


@admin.register(MatchFeedback)
class MatchFeedbackAdmin(admin.ModelAdmin):
    list_display = ("user", "need", "technology", "expert", "useful", "source_kind", "score", "updated_at")
    list_filter = ("useful", "source_kind")
    list_select_related = ("user", "need", "technology", "expert")
    raw_id_fields = ("user", "need", "technology", "expert")
    date_hierarchy = "updated_at"
