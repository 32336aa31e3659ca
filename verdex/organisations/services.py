"""Every write to organisations, memberships and invitations.

Organisation admins manage their organisation's profile and people; staff set
the partner and publishes-without-review flags in the admin. An organisation
always keeps at least one admin.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from verdex.core import ratelimit
from verdex.core.html import sanitize_html
from verdex.notifications.models import Kind, absolute
from verdex.notifications.services import notify

from . import selectors
from .models import Invitation, Membership, Organisation, _unique_slug

# Slugs that would shadow other pages under /organisations/.
RESERVED_SLUGS = {"new", "invitations"}

LAST_ADMIN_MESSAGE = (
    "An organisation must keep at least one administrator. Make someone else an administrator first."
)


class InvitationError(Exception):
    """An invitation that cannot be accepted; the message is shown to the person."""


def _require_admin(organisation, user):
    if not selectors.is_admin(organisation=organisation, user=user):
        raise PermissionDenied("Only administrators of this organisation can do that.")


def create_organisation(*, organisation, by):
    """Save a new organisation from validated form data; its creator becomes its admin."""
    if not by.is_authenticated:
        raise PermissionDenied("Log in to register an organisation.")
    organisation.description = sanitize_html(organisation.description)
    organisation.is_partner = False
    organisation.publishes_without_review = False
    if slugify(organisation.name) in RESERVED_SLUGS:
        organisation.slug = _unique_slug(f"{organisation.name} organisation")
    with transaction.atomic():
        organisation.save()
        Membership.objects.create(organisation=organisation, user=by, role=Membership.Role.ADMIN)
    return organisation


def update_organisation(*, organisation, by):
    """Save an admin's changes; the staff-only flags keep their stored values."""
    _require_admin(organisation, by)
    with transaction.atomic():
        stored = Organisation.objects.select_for_update().get(pk=organisation.pk)
        organisation.is_partner = stored.is_partner
        organisation.publishes_without_review = stored.publishes_without_review
        organisation.slug = stored.slug
        organisation.description = sanitize_html(organisation.description)
        organisation.save()
    return organisation


def invite(*, organisation, email, role, by):
    """Create an invitation and send its link to ``email``: a member with that address also sees it in-app."""
    _require_admin(organisation, by)
    email = email.strip()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ValidationError({"email": "This person is already a member of the organisation."})
    ratelimit.check(by, "organisation-invitation")
    with transaction.atomic():
        invitation = Invitation.objects.create(
            organisation=organisation, email=email, role=role, invited_by=by
        )
        accept_path = reverse("organisations:accept_invite", args=[invitation.token])
        context = {"invitation": invitation, "accept_url": absolute(accept_path), "site_name": settings.SITE_NAME}
        member = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        notify(
            recipient=member, email=email, kind=Kind.ORGANISATION_INVITATION,
            title=f"{by.name} invites you to join {organisation.name}",
            body=render_to_string("organisations/email/invitation.txt", context).strip(),
            url=accept_path,
        )
    return invitation


def invited_address_belongs_to(user, email):
    if user.email.lower() == email.lower():
        return True
    return user.emailaddress_set.filter(email__iexact=email, verified=True).exists()


def accept_invitation(*, invitation, user):
    """Join the organisation with the invited role; returns the membership."""
    if not user.is_authenticated:
        raise PermissionDenied("Log in to accept an invitation.")
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at is not None:
            raise InvitationError("This invitation has already been used.")
        if not invitation.is_open:
            raise InvitationError(
                "This invitation has expired. Ask an administrator of the organisation for a new one."
            )
        if not invited_address_belongs_to(user, invitation.email):
            raise InvitationError(
                f"This invitation was sent to another email address. Log in with the account "
                f"for that address to accept it (you are logged in as {user.email})."
            )
        membership, created = Membership.objects.get_or_create(
            organisation=invitation.organisation, user=user, defaults={"role": invitation.role}
        )
        if not created and invitation.role == Membership.Role.ADMIN:
            membership.role = Membership.Role.ADMIN
            membership.save(update_fields=["role"])
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
    return membership


def _lock_admins(organisation):
    """Lock the admin rows so two concurrent changes cannot remove the last admin."""
    return list(
        Membership.objects.select_for_update().filter(
            organisation=organisation, role=Membership.Role.ADMIN
        )
    )


def change_role(*, membership, role, by):
    _require_admin(membership.organisation, by)
    if role not in Membership.Role.values:
        raise ValidationError({"role": "Choose administrator or member."})
    with transaction.atomic():
        admins = _lock_admins(membership.organisation)
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        demoting_last_admin = (
            membership.role == Membership.Role.ADMIN and role != Membership.Role.ADMIN and len(admins) == 1
        )
        if demoting_last_admin:
            raise ValidationError(LAST_ADMIN_MESSAGE)
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


def remove_member(*, membership, by):
    """Admins remove anyone; members may also leave by removing themselves."""
    if membership.user_id != by.pk:
        _require_admin(membership.organisation, by)
    with transaction.atomic():
        admins = _lock_admins(membership.organisation)
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if membership.role == Membership.Role.ADMIN and len(admins) == 1:
            raise ValidationError(LAST_ADMIN_MESSAGE)
        membership.delete()
