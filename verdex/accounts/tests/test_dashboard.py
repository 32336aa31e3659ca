import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from verdex.catalog import services as catalog_services
from verdex.catalog.models import Status
from verdex.connections.models import Connection, Stage
from verdex.organisations.models import Membership

pytestmark = pytest.mark.django_db


def _dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def _connect(requester, listing, stage=Stage.REQUESTED):
    return Connection.objects.create(
        requester=requester, owner=listing.owner,
        content_type=ContentType.objects.get_for_model(listing), object_id=listing.pk,
        listing_title=listing.title, message="We would like to pilot this.", stage=stage,
    )


def test_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_dashboard_lists_my_listings_with_their_status(
    client, member, make_technology, make_need, make_expert
):
    make_technology(title="Solar dryer for mangoes", status=Status.DRAFT)
    make_need(title="Cold storage for a fish market", status=Status.SUBMITTED)
    make_expert(title="Biogas digester engineer", full_name="Mira Member")
    html = _dashboard(client, member)
    assert "Solar dryer for mangoes" in html
    assert 'class="badge draft"' in html
    assert "Cold storage for a fish market" in html
    assert 'class="badge submitted"' in html
    assert "Biogas digester engineer" in html
    assert 'class="badge published"' in html


def test_dashboard_never_shows_other_peoples_listings(client, member, other_member, make_technology):
    make_technology(owner=other_member, title="Someone else's secret draft", status=Status.DRAFT)
    make_technology(owner=other_member, title="Someone else's published kit")
    html = _dashboard(client, member)
    assert "Someone else&#x27;s secret draft" not in html
    assert "Someone else&#x27;s published kit" not in html


def test_rejected_listing_shows_the_moderators_reason(client, member, moderator, make_technology):
    tech = make_technology(title="Perpetual motion pump", status=Status.SUBMITTED)
    catalog_services.transition(
        listing=tech, action="reject", by=moderator, reason="Please add evidence from field trials."
    )
    html = _dashboard(client, member)
    assert 'class="badge rejected"' in html
    assert "Please add evidence from field trials." in html


def test_org_admin_sees_colleagues_listings_of_the_organisation(
    client, org_admin, organisation, make_user, make_technology
):
    colleague = make_user(display_name="Carla Colleague")
    Membership.objects.create(organisation=organisation, user=colleague)
    make_technology(owner=colleague, organisation=organisation, title="Sunfield micro-grid controller",
                    status=Status.DRAFT)
    make_technology(owner=colleague, title="Carla's private side project", status=Status.DRAFT)
    html = _dashboard(client, org_admin)
    assert "Organisations I administer" in html
    assert "Sunfield Energy" in html
    assert "Sunfield micro-grid controller" in html
    assert "Carla&#x27;s private side project" not in html


def test_bookmarks_show_mine_only_and_skip_listings_no_longer_visible(
    client, member, other_member, moderator, make_technology, make_need
):
    kept = make_technology(owner=other_member, title="Wind pump for cattle troughs")
    withdrawn = make_need(owner=other_member, title="Flood warning for river towns")
    someone_elses = make_technology(owner=other_member, title="Bookmarked by another member")
    catalog_services.toggle_bookmark(user=member, listing=kept)
    catalog_services.toggle_bookmark(user=member, listing=withdrawn)
    catalog_services.toggle_bookmark(user=other_member, listing=someone_elses)
    catalog_services.transition(listing=withdrawn, action="unpublish", by=moderator, reason="Outdated.")

    html = _dashboard(client, member)
    bookmarks = html.split('id="section-bookmarks"')[1]
    assert "Wind pump for cattle troughs" in bookmarks
    assert "Flood warning for river towns" not in bookmarks
    assert "Bookmarked by another member" not in bookmarks


def test_connections_received_and_sent_are_listed(
    client, member, other_member, make_user, make_technology, make_need
):
    my_tech = make_technology(title="Solar milk chiller")
    their_need = make_need(owner=other_member, title="Irrigation for a hillside orchard")
    _connect(other_member, my_tech)
    _connect(member, their_need, stage=Stage.ACCEPTED)
    stranger = make_user()
    _connect(stranger, make_technology(owner=other_member, title="Unrelated connection"))

    html = _dashboard(client, member)
    connections = html.split('id="section-connections"')[1].split('id="section-bookmarks"')[0]
    received, sent = connections.split("Requests I sent")
    assert "Solar milk chiller" in received and "Otto Other" in received
    assert "Irrigation for a hillside orchard" in sent and "Accepted" in sent
    assert "Unrelated connection" not in connections
    assert reverse("connections:list") in connections
