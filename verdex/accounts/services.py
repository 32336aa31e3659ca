"""Writes to a member's own account."""

from django.core.exceptions import PermissionDenied
from django.db import transaction


@transaction.atomic
def update_profile(*, user, by, values, languages):
    """Save the public profile fields of ``user``; only the user may change them."""
    if not by.is_authenticated or by.pk != user.pk:
        raise PermissionDenied("You can only edit your own profile.")
    for name in ("display_name", "job_title", "country", "bio"):
        setattr(user, name, values[name])
    user.save(update_fields=["display_name", "job_title", "country", "bio"])
    user.languages.set(languages)
    return user
