"""Reads of organisations, their people and their public listings."""

from django.shortcuts import get_object_or_404

from verdex.catalog.models import LISTING_MODELS

from .models import Invitation, Membership, Organisation


def get_organisation(*, slug):
    return get_object_or_404(Organisation.objects.select_related("country"), slug=slug)


def membership_of(*, organisation, user):
    """The user's membership of the organisation, or None."""
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(organisation=organisation, user=user).first()


def is_admin(*, organisation, user):
    membership = membership_of(organisation=organisation, user=user)
    return membership is not None and membership.role == Membership.Role.ADMIN


def members(*, organisation):
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("role", "user__display_name", "user__email")
    )


def open_invitations(*, organisation):
    """Invitations not yet accepted; expired ones are shown too so admins can re-send."""
    return Invitation.objects.filter(organisation=organisation, accepted_at__isnull=True).order_by(
        "-created_at"
    )


def published_listings(*, organisation):
    """The organisation's published technologies, needs and experts, by kind."""
    return {
        kind: list(model.objects.published().filter(organisation=organisation))
        for kind, model in LISTING_MODELS.items()
    }


def get_invitation(*, token):
    return get_object_or_404(Invitation.objects.select_related("organisation"), token=token)
