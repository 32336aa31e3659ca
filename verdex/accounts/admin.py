from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from .models import User


class UserCreationByEmailForm(AdminUserCreationForm):
    """Staff create accounts by email; the unused username is filled in on save."""

    class Meta:
        model = User
        fields = ["email"]
        field_classes = {"email": forms.EmailField}

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("A user with this email address already exists.")
        return email


class UserChangeByEmailForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"
        field_classes = {}


@admin.register(User)
class VerdexUserAdmin(UserAdmin):
    form = UserChangeByEmailForm
    add_form = UserCreationByEmailForm
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Profile", {"fields": ["display_name", "first_name", "last_name", "job_title",
                                "country", "languages", "bio"]}),
        ("Roles and permissions", {
            "fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"],
            "description": "Give moderators the “Moderators” group and programme managers "
                           "the “Programme managers” group.",
        }),
        ("Important dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "usable_password", "password1", "password2"]}),
    ]
    list_display = ["email", "display_name", "is_active", "is_staff", "date_joined"]
    list_filter = ["is_active", "is_staff", "is_superuser", "groups"]
    search_fields = ["email", "display_name", "first_name", "last_name"]
    ordering = ["email"]
    filter_horizontal = ["groups", "user_permissions", "languages"]
    readonly_fields = ["last_login", "date_joined"]
