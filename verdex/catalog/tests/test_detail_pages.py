import pytest
from django.urls import reverse

from verdex.catalog.models import Status
from verdex.catalog.services import transition
from verdex.organisations.models import Membership

pytestmark = pytest.mark.django_db

DESCRIPTION = "<p>Smallholder farms save water and diesel with the <strong>kit</strong>.</p>"


def page(client, listing):
    response = client.get(listing.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_visitor_sees_public_summary_only(client, make_technology):
    technology = make_technology(description=DESCRIPTION, patent_numbers="KE5555")
    html = page(client, technology)
    assert technology.title in html
    assert technology.summary in html
    assert "Demonstration (TRL 7–8)" in html
    assert "Kenya" in html
    assert "Renewable energy: solar, wind, hydro, ocean, geothermal" in html
    assert "Log in or join free to see full details and contact the owner." in html
    assert "Smallholder farms save water" not in html
    assert "KE5555" not in html
    assert "Ask for a connection" not in html


def test_visitor_sees_an_excerpt_of_a_need_without_html(client, make_need):
    need = make_need(description="<p>" + "Water &amp; sanitation for schools. " * 30 + "</p>")
    html = page(client, need)
    assert "Water &amp; sanitation for schools." in html
    assert "&amp;amp;" not in html
    assert html.count("Water &amp; sanitation") < 30


def test_visitor_does_not_see_an_experts_full_name(client, make_expert):
    expert = make_expert()
    html = page(client, expert)
    assert expert.title in html
    assert "Amina Otieno" not in html


def test_member_sees_full_details(client, other_member, make_technology):
    technology = make_technology(description=DESCRIPTION, patent_numbers="KE5555", website="https://kit.example.org")
    client.force_login(other_member)
    html = page(client, technology)
    assert "<strong>kit</strong>" in html
    assert "KE5555" in html
    assert "Patented" in html
    assert "TRL 8" in html
    assert "https://kit.example.org" in html
    assert "Log in or join free" not in html
    assert "Ask for a connection" in html
    assert reverse("connections:request", args=["technology", technology.pk]) in html
    assert reverse("moderation:report", args=["technology", technology.pk]) in html
    assert "☆ Bookmark" in html
    assert "Manage this listing" not in html


def test_member_sees_need_and_expert_details(client, other_member, make_need, make_expert):
    need = make_need(budget="About EUR 10,000")
    expert = make_expert()
    client.force_login(other_member)
    assert "About EUR 10,000" in page(client, need)
    assert "Amina Otieno" in page(client, expert)


@pytest.mark.parametrize("kind", ["technology", "need", "expert"])
def test_others_drafts_are_404(client, other_member, kind, make_technology, make_need, make_expert):
    maker = {"technology": make_technology, "need": make_need, "expert": make_expert}[kind]
    draft = maker(status=Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(other_member)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_owner_sees_own_draft_with_status_edit_link_and_submit(client, member, make_technology):
    draft = make_technology(status=Status.DRAFT)
    client.force_login(member)
    html = page(client, draft)
    assert '<span class="badge draft">Draft</span>' in html
    assert reverse("catalog:technology_edit", args=[draft.pk]) in html
    assert reverse("catalog:transition", args=["technology", draft.pk, "submit"]) in html
    assert "Ask for a connection" not in html


def test_moderator_gets_publish_and_reject_with_reason(client, moderator, make_need):
    need = make_need(status=Status.SUBMITTED)
    client.force_login(moderator)
    html = page(client, need)
    assert reverse("catalog:transition", args=["need", need.pk, "publish"]) in html
    assert reverse("catalog:transition", args=["need", need.pk, "reject"]) in html
    assert 'name="reason"' in html
    assert reverse("catalog:need_edit", args=[need.pk]) not in html


def test_rejection_reason_is_shown_only_to_owner_editors_and_moderators(
    client, member, other_member, moderator, org_admin, organisation, make_technology
):
    Membership.objects.create(organisation=organisation, user=member)
    technology = make_technology(status=Status.SUBMITTED, organisation=organisation)
    transition(listing=technology, action="reject", by=moderator, reason="Add evidence for TRL 8.")
    for viewer in (member, org_admin, moderator):
        client.force_login(viewer)
        assert "Add evidence for TRL 8." in page(client, technology)
    client.force_login(other_member)
    assert client.get(technology.get_absolute_url()).status_code == 404
    client.logout()
    assert client.get(technology.get_absolute_url()).status_code == 404


def test_unpublish_reason_is_not_shown_to_members_after_republishing(client, member, other_member, moderator, make_need):
    need = make_need(status=Status.PUBLISHED)
    transition(listing=need, action="unpublish", by=moderator, reason="Contact details inside the text.")
    client.force_login(member)
    assert "Contact details inside the text." in page(client, need)
    transition(listing=need, action="publish", by=moderator)
    client.force_login(other_member)
    assert "Contact details inside the text." not in page(client, need)


def test_unknown_listing_is_404(client):
    assert client.get(reverse("catalog:expert_detail", args=[999999])).status_code == 404
