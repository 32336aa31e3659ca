import pytest
from django.urls import reverse

from verdex.connections import services
from verdex.connections.models import Stage
from verdex.organisations.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def connection(make_technology, member, org_admin, organisation):
    """member asked org_admin, who lists for Sunfield Energy, to connect."""
    listing = make_technology(owner=org_admin, organisation=organisation, title="Micro hydro turbine")
    return services.request_connection(
        requester=member, listing=listing,
        message="Our valley co-op has a 12 m head stream and 300 homes to power.",
    )


def detail(client, connection):
    return client.get(reverse("connections:detail", args=[connection.pk]))


def test_third_parties_get_404(client, connection, make_user):
    client.force_login(make_user())
    assert detail(client, connection).status_code == 404
    url = reverse("connections:move", args=[connection.pk])
    assert client.post(url, {"move-to_stage": Stage.ACCEPTED}).status_code == 404
    url = reverse("connections:message", args=[connection.pk])
    assert client.post(url, {"message-note": "Let me in"}).status_code == 404
    connection.refresh_from_db()
    assert connection.stage == Stage.REQUESTED
    assert connection.events.count() == 1


def test_visitors_are_sent_to_login(client, connection):
    response = detail(client, connection)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_unknown_connections_are_404(client, member):
    client.force_login(member)
    assert client.get(reverse("connections:detail", args=[999999])).status_code == 404


def test_others_do_not_see_connections_in_their_list(client, connection, make_user):
    client.force_login(make_user())
    response = client.get(reverse("connections:list"))
    assert response.context["received"] == [] and response.context["sent"] == []
    assert "Micro hydro turbine" not in response.content.decode()


def test_contact_details_are_hidden_until_accepted(client, connection, member, org_admin, organisation):
    Membership.objects.create(organisation=organisation, user=member)  # so both have an organisation
    client.force_login(member)
    page = detail(client, connection).content.decode()
    assert org_admin.email not in page
    assert "Contact details are shared once the owner accepts" in page

    client.force_login(org_admin)
    page = detail(client, connection).content.decode()
    assert member.email not in page
    assert "Sunfield Energy" not in page.split("<h2>Requester</h2>")[1]


def test_contact_details_are_shown_after_acceptance(client, connection, member, org_admin, organisation):
    services.move_connection(connection=connection, to_stage=Stage.ACCEPTED, by=org_admin)

    client.force_login(member)
    page = detail(client, connection).content.decode()
    assert f"mailto:{org_admin.email}" in page
    assert "Sunfield Energy" in page.split("<h2>Listing owner</h2>")[1]

    client.force_login(org_admin)
    assert f"mailto:{member.email}" in detail(client, connection).content.decode()


def test_contact_details_are_hidden_again_after_a_decline(client, connection, member, org_admin):
    services.move_connection(
        connection=connection, to_stage=Stage.DECLINED, by=org_admin, decline_reason="not_a_fit"
    )
    client.force_login(member)
    page = detail(client, connection).content.decode()
    assert org_admin.email not in page
    assert "Not a fit for the need" in page
