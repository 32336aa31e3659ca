import pytest
from django.core import mail
from django.urls import reverse

from verdex.catalog.models import Status
from verdex.connections.models import Connection, Stage

pytestmark = pytest.mark.django_db

MESSAGE = "We run forty school kitchens in Kisumu and would like to pilot your kit next term."


def request_url(listing):
    return reverse("connections:request", args=[listing.kind, listing.pk])


@pytest.fixture
def technology(make_technology, other_member):
    listing = make_technology(owner=other_member, title="Clean cookstove")
    mail.outbox.clear()  # the owner was told it was published
    return listing


def test_visitors_must_log_in(client, technology):
    response = client.post(request_url(technology), {"message": MESSAGE})
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert not Connection.objects.exists()


def test_member_requests_a_connection_and_the_owner_is_emailed(client, member, other_member, technology):
    client.force_login(member)
    assert client.get(request_url(technology)).status_code == 200

    response = client.post(request_url(technology), {"message": MESSAGE})

    connection = Connection.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("connections:detail", args=[connection.pk])
    assert (connection.requester, connection.owner, connection.listing) == (member, other_member, technology)
    assert connection.listing_title == "Clean cookstove"
    assert connection.stage == Stage.REQUESTED
    assert connection.message == MESSAGE
    event = connection.events.get()
    assert (event.actor, event.from_stage, event.to_stage) == (member, "", Stage.REQUESTED)
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [other_member.email]
    assert "Clean cookstove" in email.subject
    assert reverse("connections:detail", args=[connection.pk]) in email.body
    assert member.email not in email.body  # contact details wait for acceptance


@pytest.mark.parametrize("message, error", [
    ("", "required"),
    ("Too short", "at least 20 characters"),
    ("x" * 4001, "at most 4000 characters"),
])
def test_message_length_is_checked(client, member, technology, message, error):
    client.force_login(member)
    response = client.post(request_url(technology), {"message": message})
    assert response.status_code == 200
    assert error in " ".join(response.context["form"].errors["message"])
    assert not Connection.objects.exists()
    assert not mail.outbox


def test_about_need_is_limited_to_the_requesters_needs(
    client, member, other_member, make_need, technology
):
    mine = make_need(owner=member, title="Cooking fuel for boarding schools", status=Status.DRAFT)
    theirs = make_need(owner=other_member, title="Someone else's need")
    client.force_login(member)

    choices = client.get(request_url(technology)).context["form"].fields["about_need"].queryset
    assert list(choices) == [mine]

    refused = client.post(request_url(technology), {"message": MESSAGE, "about_need": theirs.pk})
    assert "about_need" in refused.context["form"].errors
    assert not Connection.objects.exists()

    client.post(request_url(technology), {"message": MESSAGE, "about_need": mine.pk})
    assert Connection.objects.get().about_need == mine


@pytest.mark.parametrize("maker", ["make_technology", "make_need", "make_expert"])
def test_every_kind_of_published_listing_can_be_contacted(client, request, member, other_member, maker):
    listing = request.getfixturevalue(maker)(owner=other_member)
    client.force_login(member)
    client.post(request_url(listing), {"message": MESSAGE})
    assert Connection.objects.get().listing == listing


def test_requests_to_your_own_listing_are_refused(client, other_member, technology):
    client.force_login(other_member)
    page = client.get(request_url(technology))
    assert "your own listing" in page.content.decode()

    response = client.post(request_url(technology), {"message": MESSAGE})

    assert response.status_code == 200
    assert "your own listing" in response.content.decode()
    assert not Connection.objects.exists()


def test_organisation_admins_cannot_request_their_organisations_listing(
    client, make_technology, org_admin, organisation, make_user
):
    colleague = make_user()
    organisation.memberships.create(user=colleague, role="admin")
    listing = make_technology(owner=colleague, organisation=organisation)
    client.force_login(org_admin)
    client.post(request_url(listing), {"message": MESSAGE})
    assert not Connection.objects.exists()


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.REJECTED])
def test_unpublished_listings_answer_404(client, member, other_member, make_technology, status):
    listing = make_technology(owner=other_member, status=status)
    client.force_login(member)
    assert client.get(request_url(listing)).status_code == 404
    assert client.post(request_url(listing), {"message": MESSAGE}).status_code == 404
    assert not Connection.objects.exists()


def test_unknown_kind_answers_404(client, member, technology):
    client.force_login(member)
    url = reverse("connections:request", args=["gadget", technology.pk])
    assert client.post(url, {"message": MESSAGE}).status_code == 404


def test_a_second_open_request_for_the_same_listing_is_refused(client, member, technology):
    client.force_login(member)
    client.post(request_url(technology), {"message": MESSAGE})

    response = client.post(request_url(technology), {"message": MESSAGE + " Again."})

    assert "already have an open connection" in response.content.decode()
    assert Connection.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_new_request_is_allowed_once_the_old_one_is_closed(client, member, technology):
    client.force_login(member)
    client.post(request_url(technology), {"message": MESSAGE})
    Connection.objects.update(stage=Stage.DECLINED)
    client.post(request_url(technology), {"message": MESSAGE})
    assert Connection.objects.count() == 2


def test_requests_are_rate_limited(client, settings, member, other_member, make_technology):
    settings.CONTACT_RATE_LIMIT = "2/h"
    listings = [make_technology(owner=other_member, title=f"Stove {number}") for number in range(3)]
    mail.outbox.clear()
    client.force_login(member)

    assert client.post(request_url(listings[0]), {"message": MESSAGE}).status_code == 302
    assert client.post(request_url(listings[1]), {"message": MESSAGE}).status_code == 302
    blocked = client.post(request_url(listings[2]), {"message": MESSAGE})

    assert blocked.status_code == 429
    assert "too often" in blocked.content.decode()
    assert Connection.objects.count() == 2
    assert len(mail.outbox) == 2


def test_list_splits_received_and_sent(client, member, other_member, make_technology, make_need):
    mine = make_technology(owner=member, title="My heat pump")
    theirs = make_need(owner=other_member, title="Their cold storage need")
    client.force_login(other_member)
    client.post(request_url(mine), {"message": MESSAGE})
    client.force_login(member)
    client.post(request_url(theirs), {"message": MESSAGE})

    response = client.get(reverse("connections:list"))

    assert [c.listing_title for c in response.context["received"]] == ["My heat pump"]
    assert [c.listing_title for c in response.context["sent"]] == ["Their cold storage need"]
    assert "stage-requested" in response.content.decode()
