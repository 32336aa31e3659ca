"""Who may see and change a listing. Every view and API call asks here."""

from django.db.models import Q

from verdex.organisations.models import Membership

from .models import Status


def admin_organisation_ids(user):
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.filter(user=user, role=Membership.Role.ADMIN).values_list(
            "organisation_id", flat=True
        )
    )


def can_edit(user, listing):
    """Owners and admins of the listing's organisation edit; moderators do not; nobody edits a deleted one."""
    if not user.is_authenticated or not user.is_active or listing.status == Status.DELETED:
        return False
    if listing.owner_id == user.pk:
        return True
    return listing.organisation_id is not None and listing.organisation_id in admin_organisation_ids(user)


def can_view(user, listing):
    if listing.status == Status.PUBLISHED:
        return True
    return can_edit(user, listing) or (user.is_authenticated and user.is_moderator)  # deleted: moderators


def can_see_full_details(user, listing):
    """Visitors see a public summary; members see everything of a published listing."""
    return user.is_authenticated and can_view(user, listing)


def visible_filter(user):
    """A Q selecting the listings ``user`` may open (not what browsing lists)."""
    published = Q(status=Status.PUBLISHED)
    if not user.is_authenticated:
        return published
    if user.is_moderator:
        return Q()
    return published | editable_filter(user)


def editable_filter(user):
    if not user.is_authenticated:
        return Q(pk__in=[])
    return (Q(owner=user) | Q(organisation_id__in=admin_organisation_ids(user))) & ~Q(status=Status.DELETED)
