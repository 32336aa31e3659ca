import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from verdex.accounts.models import User
from verdex.organisations.models import Membership
from verdex.taxonomy.models import Country

pytestmark = pytest.mark.django_db


def _valid_data(**changes):
    data = {
        "display_name": "Mira Mwangi",
        "job_title": "Technology transfer officer",
        "country": "KE",
        "languages": ["en", "sw"],
        "bio": "I help universities license their clean-energy inventions.",
    }
    data.update(changes)
    return data


def test_profile_needs_login(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_member_edits_their_profile(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:profile"), _valid_data())
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.display_name == "Mira Mwangi"
    assert member.job_title == "Technology transfer officer"
    assert member.country == Country.objects.get(code="KE")
    assert set(member.languages.values_list("code", flat=True)) == {"en", "sw"}
    assert member.bio.startswith("I help universities")


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"display_name": "   "}, "display_name"),
        ({"country": "XX"}, "country"),
        ({"languages": ["zz"]}, "languages"),
        ({"bio": "x" * 2001}, "bio"),
        ({"job_title": "t" * 121}, "job_title"),
    ],
)
def test_bad_input_shows_the_field_error_and_saves_nothing(client, member, changes, field):
    client.force_login(member)
    response = client.post(reverse("accounts:profile"), _valid_data(**changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert f'id="id_{field}_error"' in response.content.decode()
    stored = User.objects.get(pk=member.pk)
    assert stored.display_name == "Mira Member"
    assert stored.job_title == ""
    assert not stored.languages.exists()


def test_profile_lists_my_organisations_only(client, member, other_member, organisation, make_user):
    Membership.objects.create(organisation=organisation, user=member)
    client.force_login(other_member)
    assert "Sunfield Energy" not in client.get(reverse("accounts:profile")).content.decode()
    client.force_login(member)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert "Sunfield Energy" in html
    assert reverse("organisations:create") in html


def test_role_groups_carry_their_permissions(db):
    moderators = Group.objects.get(name="Moderators")
    managers = Group.objects.get(name="Programme managers")
    assert set(moderators.permissions.values_list("codename", flat=True)) == {"moderate_listings"}
    manager_permissions = set(managers.permissions.values_list("codename", flat=True))
    assert {"view_statistics", "view_technology", "view_need", "view_connection"} <= manager_permissions
    assert "moderate_listings" not in manager_permissions


def test_a_user_in_the_moderators_group_is_a_moderator(make_user):
    user = make_user()
    user.groups.add(Group.objects.get(name="Moderators"))
    assert User.objects.get(pk=user.pk).is_moderator


def test_staff_add_a_user_by_email_in_the_admin(client, make_user):
    admin_user = make_user(is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:accounts_user_add"),
        {"email": "added.by.staff@example.org", "usable_password": "true",
         "password1": "a-Long-passw0rd", "password2": "a-Long-passw0rd"},
    )
    assert response.status_code == 302
    user = User.objects.get(email="added.by.staff@example.org")
    assert user.check_password("a-Long-passw0rd")
    assert user.username

    response = client.post(
        reverse("admin:accounts_user_add"),
        {"email": "ADDED.by.staff@example.org", "usable_password": "true",
         "password1": "a-Long-passw0rd", "password2": "a-Long-passw0rd"},
    )
    assert response.status_code == 200
    assert "email" in response.context["adminform"].form.errors
    assert client.get(reverse("admin:accounts_user_change", args=[user.pk])).status_code == 200
    assert client.get(reverse("admin:accounts_user_changelist") + "?q=added").status_code == 200
