"""Admin for listings, their files and bookmarks.

Status is read-only here: publishing, rejecting and unpublishing go through
the moderation pages so every decision lands in the audit log.
"""

from django import forms
from django.contrib import admin
from django.db import models

from verdex.core.html import sanitize_html

from . import uploads
from .models import Bookmark, Expert, Need, Technology, TechnologyAttachment, TechnologyImage

LISTING_READONLY = ["status", "rejection_reason", "created_at", "updated_at", "published_at"]


class ListingAdmin(admin.ModelAdmin):
    list_select_related = ["owner", "organisation"]
    list_per_page = 50
    date_hierarchy = "created_at"
    autocomplete_fields = ["owner", "organisation"]
    readonly_fields = LISTING_READONLY
    filter_horizontal = ["fields", "sdgs"]
    search_fields = ["title", "description", "owner__email", "organisation__name", "external_id"]

    def save_model(self, request, obj, form, change):
        # Descriptions are shown unescaped on the site; admin edits must be clean too.
        obj.description = sanitize_html(obj.description)
        super().save_model(request, obj, form, change)


class TechnologyImageForm(forms.ModelForm):
    """Staff uploads pass the same content checks as the site's."""

    class Meta:
        model = TechnologyImage
        fields = "__all__"

    def clean_image(self):
        image = self.cleaned_data["image"]
        if "image" in self.changed_data:
            image = uploads.reencoded_image(image)
        return image


class TechnologyAttachmentForm(forms.ModelForm):
    class Meta:
        model = TechnologyAttachment
        fields = "__all__"

    def clean_file(self):
        file = self.cleaned_data["file"]
        if "file" in self.changed_data:
            uploads.validate_attachment(file)
        return file


class TechnologyImageInline(admin.TabularInline):
    model = TechnologyImage
    form = TechnologyImageForm
    extra = 0
    readonly_fields = ["uploaded_at"]


class TechnologyAttachmentInline(admin.TabularInline):
    model = TechnologyAttachment
    form = TechnologyAttachmentForm
    extra = 0
    readonly_fields = ["uploaded_at"]


@admin.register(Technology)
class TechnologyAdmin(ListingAdmin):
    list_display = [
        "title", "status", "trl", "trl_group", "developed_in", "ip_status", "organisation",
        "owner", "source", "published_at", "updated_at",
    ]
    list_filter = ["status", "trl_group", "ip_status", "record_type", "source", "developed_in__region"]
    search_fields = ListingAdmin.search_fields + ["summary", "patent_numbers"]
    readonly_fields = LISTING_READONLY + ["trl_group"]
    filter_horizontal = ListingAdmin.filter_horizontal + [
        "benefits", "available_in", "available_regions", "availability",
    ]
    inlines = [TechnologyImageInline, TechnologyAttachmentInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Need)
class NeedAdmin(ListingAdmin):
    list_display = [
        "title", "status", "country", "desired_trl_group", "organisation", "owner", "source",
        "published_at", "updated_at",
    ]
    list_filter = ["status", "desired_trl_group", "source", "country__region"]
    search_fields = ListingAdmin.search_fields + ["location", "budget"]
    filter_horizontal = ListingAdmin.filter_horizontal + ["desired_arrangements"]


@admin.register(Expert)
class ExpertAdmin(ListingAdmin):
    list_display = [
        "full_name", "title", "status", "country", "availability", "organisation", "owner",
        "source", "published_at", "updated_at",
    ]
    list_filter = ["status", "availability", "source", "country__region"]
    search_fields = ListingAdmin.search_fields + ["full_name"]
    filter_horizontal = ListingAdmin.filter_horizontal + ["languages", "countries_served"]


@admin.register(TechnologyImage)
class TechnologyImageAdmin(admin.ModelAdmin):
    form = TechnologyImageForm
    list_display = ["technology", "caption", "uploaded_at"]
    list_select_related = ["technology"]
    search_fields = ["technology__title", "caption"]
    date_hierarchy = "uploaded_at"
    autocomplete_fields = ["technology"]


@admin.register(TechnologyAttachment)
class TechnologyAttachmentAdmin(admin.ModelAdmin):
    form = TechnologyAttachmentForm
    list_display = ["title", "technology", "uploaded_at"]
    list_select_related = ["technology"]
    search_fields = ["title", "technology__title"]
    date_hierarchy = "uploaded_at"
    autocomplete_fields = ["technology"]


@admin.register(Bookmark)
class BookmarkAdmin(admin.ModelAdmin):
    list_display = ["user", "content_type", "object_id", "listing", "created_at"]
    list_filter = ["content_type"]
    list_select_related = ["user", "content_type"]
    search_fields = ["user__email"]
    date_hierarchy = "created_at"
    raw_id_fields = ["user"]
