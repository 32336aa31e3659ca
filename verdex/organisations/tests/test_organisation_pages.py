import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from verdex.catalog.models import Status
from verdex.organisations.models import Membership, Organisation

pytestmark = pytest.mark.django_db


def _image(image_format="PNG", name="logo.png", size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format.lower()}")


def _form_data(**changes):
    data = {
        "name": "Blue River Water Labs",
        "org_type": Organisation.Type.RESEARCH,
        "country": "TZ",
        "website": "https://blueriver.example",
        "description": "<p>We test <strong>low-cost</strong> filters.</p><script>alert(1)</script>",
    }
    data.update(changes)
    return data


# --- Creating ---------------------------------------------------------------

def test_visitor_must_log_in_to_register_an_organisation(client):
    response = client.get(reverse("organisations:create"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_member_registers_an_organisation_and_becomes_its_admin(client, member):
    client.force_login(member)
    response = client.post(
        reverse("organisations:create"),
        _form_data(logo=_image(), is_partner="on", publishes_without_review="on"),
    )
    organisation = Organisation.objects.get(name="Blue River Water Labs")
    assert response.status_code == 302
    assert response.url == organisation.get_absolute_url()
    assert Membership.objects.get(organisation=organisation, user=member).role == Membership.Role.ADMIN
    assert organisation.description == "<p>We test <strong>low-cost</strong> filters.</p>"
    assert organisation.logo.name.startswith("logos/")
    assert not organisation.is_partner
    assert not organisation.publishes_without_review


def test_name_that_would_shadow_a_page_gets_another_slug(client, member):
    client.force_login(member)
    client.post(reverse("organisations:create"), _form_data(name="New"))
    organisation = Organisation.objects.get(name="New")
    assert organisation.slug not in ("new", "invitations")
    assert client.get(organisation.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"name": ""}, "name"),
        ({"name": "sunfield energy"}, "name"),  # duplicate of the fixture, ignoring case
        ({"country": ""}, "country"),
        ({"org_type": "pirate"}, "org_type"),
        ({"website": "not a web address"}, "website"),
        ({"logo": SimpleUploadedFile("logo.png", b"not an image", content_type="image/png")}, "logo"),
        ({"logo": "gif"}, "logo"),
    ],
)
def test_bad_input_names_the_field_and_creates_nothing(client, member, organisation, changes, field):
    if changes.get("logo") == "gif":
        changes["logo"] = _image("GIF", "logo.gif")
    client.force_login(member)
    response = client.post(reverse("organisations:create"), _form_data(**changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert f'id="id_{field}_error"' in response.content.decode()
    assert Organisation.objects.count() == 1
    assert not Membership.objects.filter(user=member).exists()


def test_logo_larger_than_the_limit_is_refused(client, member, settings):
    settings.MAX_IMAGE_BYTES = 100
    client.force_login(member)
    response = client.post(reverse("organisations:create"), _form_data(logo=_image(size=(64, 64))))
    assert "largest allowed" in response.context["form"].errors["logo"][0]
    assert not Organisation.objects.filter(name="Blue River Water Labs").exists()


def test_webp_and_jpeg_logos_are_accepted(client, member):
    client.force_login(member)
    client.post(reverse("organisations:create"), _form_data(logo=_image("WEBP", "logo.webp")))
    client.post(reverse("organisations:create"),
                _form_data(name="Second Lab", logo=_image("JPEG", "logo.jpg")))
    assert Organisation.objects.exclude(logo="").count() == 2


# --- The public page ---------------------------------------------------------

def test_detail_is_public_and_shows_published_listings_only(
    client, organisation, org_admin, make_technology, make_need, make_expert
):
    organisation.is_partner = True
    organisation.website = "https://sunfield.example"
    organisation.save()
    make_technology(owner=org_admin, organisation=organisation, title="Sunfield solar mill")
    make_need(owner=org_admin, organisation=organisation, title="Battery recycling partner")
    make_expert(owner=org_admin, organisation=organisation, full_name="Sam Sunfield")
    make_technology(owner=org_admin, organisation=organisation, title="Unreleased inverter",
                    status=Status.DRAFT)

    response = client.get(organisation.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Sunfield Energy", "Verdex partner", "SME", "Kenya", "https://sunfield.example",
                 "Sunfield solar mill", "Battery recycling partner", "Sam Sunfield"):
        assert text in html
    assert "Unreleased inverter" not in html


def test_members_list_is_shown_to_members_only(client, organisation, org_admin, member, other_member):
    Membership.objects.create(organisation=organisation, user=member)
    assert "<h2>Members</h2>" not in client.get(organisation.get_absolute_url()).content.decode()
    client.force_login(other_member)
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "<h2>Members</h2>" not in html and "Mira Member" not in html
    client.force_login(member)
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "<h2>Members</h2>" in html and "Mira Member" in html
    assert "Change role" not in html  # management controls are for admins


def test_unknown_organisation_is_404(client):
    assert client.get(reverse("organisations:detail", args=["no-such-org"])).status_code == 404


# --- Editing -----------------------------------------------------------------

def test_admin_edits_the_profile_but_not_the_staff_flags(client, organisation, org_admin):
    client.force_login(org_admin)
    url = reverse("organisations:edit", args=[organisation.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, _form_data(
        name="Sunfield Energy Ltd", country="KE", is_partner="on", publishes_without_review="on",
        description='<p onclick="steal()">Solar for farms.</p>',
    ))
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Sunfield Energy Ltd"
    assert organisation.description == "<p>Solar for farms.</p>"
    assert organisation.slug == "sunfield-energy"
    assert not organisation.is_partner
    assert not organisation.publishes_without_review


def test_staff_flags_survive_an_admin_edit(client, organisation, org_admin):
    Organisation.objects.filter(pk=organisation.pk).update(is_partner=True, publishes_without_review=True)
    client.force_login(org_admin)
    client.post(reverse("organisations:edit", args=[organisation.slug]), _form_data(name="Sunfield"))
    organisation.refresh_from_db()
    assert organisation.name == "Sunfield"
    assert organisation.is_partner and organisation.publishes_without_review


def test_edit_with_bad_input_changes_nothing(client, organisation, org_admin):
    client.force_login(org_admin)
    response = client.post(reverse("organisations:edit", args=[organisation.slug]),
                           _form_data(name="", website="ftp:/broken"))
    assert response.status_code == 200
    assert {"name", "website"} <= set(response.context["form"].errors)
    organisation.refresh_from_db()
    assert organisation.name == "Sunfield Energy"


@pytest.mark.parametrize("role", [None, Membership.Role.MEMBER])
def test_non_admins_cannot_edit(client, organisation, org_admin, other_member, role):
    if role:
        Membership.objects.create(organisation=organisation, user=other_member, role=role)
    client.force_login(other_member)
    url = reverse("organisations:edit", args=[organisation.slug])
    assert client.get(url).status_code == 403
    assert client.post(url, _form_data(name="Hijacked")).status_code == 403
    organisation.refresh_from_db()
    assert organisation.name == "Sunfield Energy"


# --- Members -----------------------------------------------------------------

def test_admin_changes_roles_and_removes_members(client, organisation, org_admin, member):
    membership = Membership.objects.create(organisation=organisation, user=member)
    client.force_login(org_admin)
    client.post(reverse("organisations:change_role", args=[organisation.slug, membership.pk]),
                {"role": "admin"})
    membership.refresh_from_db()
    assert membership.role == Membership.Role.ADMIN
    client.post(reverse("organisations:remove_member", args=[organisation.slug, membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_the_last_admin_can_be_neither_demoted_nor_removed(client, organisation, org_admin):
    own = Membership.objects.get(organisation=organisation, user=org_admin)
    client.force_login(org_admin)
    response = client.post(
        reverse("organisations:change_role", args=[organisation.slug, own.pk]), {"role": "member"},
        follow=True,
    )
    assert "at least one administrator" in response.content.decode()
    client.post(reverse("organisations:remove_member", args=[organisation.slug, own.pk]))
    own.refresh_from_db()
    assert own.role == Membership.Role.ADMIN


def test_an_admin_may_step_down_once_there_is_another_admin(client, organisation, org_admin, member):
    Membership.objects.create(organisation=organisation, user=member, role=Membership.Role.ADMIN)
    own = Membership.objects.get(organisation=organisation, user=org_admin)
    client.force_login(org_admin)
    client.post(reverse("organisations:change_role", args=[organisation.slug, own.pk]), {"role": "member"})
    own.refresh_from_db()
    assert own.role == Membership.Role.MEMBER


def test_members_cannot_manage_other_members(client, organisation, org_admin, member):
    Membership.objects.create(organisation=organisation, user=member)
    admin_membership = Membership.objects.get(organisation=organisation, user=org_admin)
    client.force_login(member)
    assert client.post(reverse("organisations:change_role", args=[organisation.slug, admin_membership.pk]),
                       {"role": "member"}).status_code == 403
    assert client.post(reverse("organisations:remove_member",
                               args=[organisation.slug, admin_membership.pk])).status_code == 403
    admin_membership.refresh_from_db()
    assert admin_membership.role == Membership.Role.ADMIN


def test_a_member_may_leave(client, organisation, org_admin, member):
    membership = Membership.objects.create(organisation=organisation, user=member)
    client.force_login(member)
    client.post(reverse("organisations:remove_member", args=[organisation.slug, membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_member_management_needs_post(client, organisation, org_admin):
    own = Membership.objects.get(organisation=organisation, user=org_admin)
    client.force_login(org_admin)
    url = reverse("organisations:remove_member", args=[organisation.slug, own.pk])
    assert client.get(url).status_code == 405


# --- Listings of the organisation --------------------------------------------

def test_org_admin_can_open_the_edit_page_of_the_organisations_listing(
    client, organisation, org_admin, member, other_member, make_technology
):
    Membership.objects.create(organisation=organisation, user=member)
    tech = make_technology(owner=member, organisation=organisation, status=Status.DRAFT)
    url = reverse("catalog:technology_edit", args=[tech.pk])
    client.force_login(org_admin)
    assert client.get(url).status_code == 200
    client.force_login(other_member)
    assert client.get(url).status_code == 404
