"""Writes to a member's own account: the profile, and deleting the account."""

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from verdex.api import services as api_services
from verdex.catalog import services as catalog_services
from verdex.notifications import services as notification_services
from verdex.organisations import services as organisation_services
from verdex.organisations.models import Membership

DELETED_NAME = "Deleted member"


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


def delete_account(*, user, password):
    """Erase ``user``'s personal data, confirmed with their password; returns what became of the listings.

    The account row stays as an anonymous, inactive "Deleted member", so what
    others keep still reads sensibly: connection messages (shown to the other
    side under that name), the audit log, reports and imports. Listings are
    handed to the organisation or archived (catalog), organisation roles are
    passed on or left (organisations), API tokens revoked (api); bookmarks,
    email addresses, notifications, saved searches and the profile are erased. The password becomes unusable,
    which ends every session of the account at its next request.
    """
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied("Log in to delete your account.")
    if not password or not user.check_password(password):
        raise ValidationError({"password": "That is not your password. Enter it to confirm."})
    with transaction.atomic():
        listings = catalog_services.release_listings_of_deleted_account(user=user)
        _leave_organisations(user)
        for token in user.api_tokens.filter(revoked_at__isnull=True):
            api_services.revoke_token(user=user, token_id=token.pk)
        EmailAddress.objects.filter(user=user).delete()
        notification_services.erase_for_deleted_account(user=user)
        _anonymise(user)
    return listings


def _leave_organisations(user):
    """Leave every organisation; a sole administrator first hands the role to the longest member.

    An organisation with nobody else keeps the anonymous account as its
    administrator, so staff can still hand it to someone.
    """
    for membership in Membership.objects.filter(user=user).select_related("organisation"):
        others = Membership.objects.filter(organisation=membership.organisation, user__is_active=True).exclude(
            user=user
        )
        if membership.role == Membership.Role.ADMIN and not others.filter(role=Membership.Role.ADMIN).exists():
            successor = others.order_by("joined_at", "pk").first()
            if successor is None:
                continue
            organisation_services.change_role(membership=successor, role=Membership.Role.ADMIN, by=user)
        organisation_services.remove_member(membership=membership, by=user)


def _anonymise(user):
    placeholder = f"deleted-{user.pk}@deleted.invalid"
    user.email = user.username = placeholder
    user.display_name = DELETED_NAME
    user.first_name = user.last_name = user.job_title = user.bio = ""
    user.country = None
    user.is_active = user.is_staff = user.is_superuser = False
    user.deleted_at = timezone.now()
    user.set_unusable_password()
    user.save()
    user.languages.clear()
    user.groups.clear()
    user.user_permissions.clear()
