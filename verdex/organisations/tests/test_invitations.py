import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from verdex.organisations.models import Invitation, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def _invite(client, organisation, email="new.colleague@example.org", role="member"):
    return client.post(
        reverse("organisations:invite", args=[organisation.slug]), {"email": email, "role": role}
    )


def _accept_path(message):
    match = re.search(r"https?://[^/\s]+(/organisations/invitations/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_admin_invites_and_the_invited_person_joins(client, organisation, org_admin, make_user):
    client.force_login(org_admin)
    response = _invite(client, organisation, role="admin")
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.colleague@example.org"]
    assert "Sunfield Energy" in mail.outbox[0].subject
    path = _accept_path(mail.outbox[0])

    invitee = make_user(email="New.Colleague@Example.org")
    client.force_login(invitee)
    page = client.get(path)
    assert page.status_code == 200 and "Accept and join" in page.content.decode()
    response = client.post(path)
    assert response.status_code == 302
    assert response.url == organisation.get_absolute_url()
    assert Membership.objects.get(organisation=organisation, user=invitee).role == Membership.Role.ADMIN
    assert Invitation.objects.get().accepted_at is not None


def test_accepting_needs_login(client, organisation, org_admin):
    client.force_login(org_admin)
    _invite(client, organisation)
    path = _accept_path(mail.outbox[0])
    client.logout()
    response = client.get(path)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_invitation_accepted_by_the_wrong_email_is_refused(client, organisation, org_admin, other_member):
    client.force_login(org_admin)
    _invite(client, organisation)
    path = _accept_path(mail.outbox[0])
    client.force_login(other_member)
    page = client.get(path).content.decode()
    assert "sent to another email address" in page and "Accept and join" not in page
    response = client.post(path, follow=True)
    assert "sent to another email address" in response.content.decode()
    assert not Membership.objects.filter(user=other_member).exists()
    assert Invitation.objects.get().accepted_at is None


def test_used_invitation_cannot_be_used_again(client, organisation, org_admin, make_user):
    client.force_login(org_admin)
    _invite(client, organisation)
    path = _accept_path(mail.outbox[0])
    invitee = make_user(email="new.colleague@example.org")
    client.force_login(invitee)
    client.post(path)
    Membership.objects.filter(user=invitee).delete()
    response = client.post(path, follow=True)
    assert "already been used" in response.content.decode()
    assert not Membership.objects.filter(user=invitee).exists()


def test_expired_invitation_is_refused(client, organisation, org_admin, make_user):
    invitation = Invitation.objects.create(
        organisation=organisation, email="late@example.org", invited_by=org_admin
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=Invitation.VALID_DAYS + 1)
    )
    client.force_login(make_user(email="late@example.org"))
    path = reverse("organisations:accept_invite", args=[invitation.token])
    assert "has expired" in client.get(path).content.decode()
    response = client.post(path, follow=True)
    assert "has expired" in response.content.decode()
    assert not Membership.objects.filter(user__email="late@example.org").exists()


def test_unknown_token_is_404(client, member):
    client.force_login(member)
    assert client.get(reverse("organisations:accept_invite", args=["not-a-token"])).status_code == 404


@pytest.mark.parametrize("role", [None, Membership.Role.MEMBER])
def test_non_admins_cannot_invite(client, organisation, org_admin, other_member, role):
    if role:
        Membership.objects.create(organisation=organisation, user=other_member, role=role)
    client.force_login(other_member)
    assert client.get(reverse("organisations:invite", args=[organisation.slug])).status_code == 403
    assert _invite(client, organisation).status_code == 403
    assert not Invitation.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "data, field",
    [
        ({"email": "not-an-address", "role": "member"}, "email"),
        ({"email": "", "role": "member"}, "email"),
        ({"email": "someone@example.org", "role": "owner"}, "role"),
    ],
)
def test_invitation_form_bad_input(client, organisation, org_admin, data, field):
    client.force_login(org_admin)
    response = client.post(reverse("organisations:invite", args=[organisation.slug]), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_inviting_an_existing_member_is_refused(client, organisation, org_admin, member):
    Membership.objects.create(organisation=organisation, user=member)
    client.force_login(org_admin)
    response = _invite(client, organisation, email="MEMBER@example.org")
    assert response.status_code == 200
    assert "already a member" in response.context["form"].errors["email"][0]
    assert not Invitation.objects.exists()
