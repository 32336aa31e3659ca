import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from verdex.connections import services
from verdex.connections.models import AgreementType, Connection, DeclineReason, Stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def connection(make_technology, member, other_member):
    """member asked other_member (the owner) to connect."""
    listing = make_technology(owner=other_member, title="Solar milk chiller")
    return services.request_connection(
        requester=member, listing=listing,
        message="Our dairy cooperative loses a third of its evening milk; can we talk?",
    )


def move(client, connection, to_stage, **extra):
    data = {"move-to_stage": to_stage, **{f"move-{key}": value for key, value in extra.items()}}
    return client.post(reverse("connections:move", args=[connection.pk]), data)


def test_connection_moves_through_every_stage(client, connection, member, other_member):
    client.force_login(other_member)
    assert move(client, connection, Stage.ACCEPTED, note="Happy to talk.").status_code == 302

    client.force_login(member)
    move(client, connection, Stage.IN_DISCUSSION)
    move(client, connection, Stage.AGREEMENT, agreement_type=AgreementType.PILOT)

    client.force_login(other_member)
    move(client, connection, Stage.DEPLOYED, note="Installed at two collection centres.")

    connection.refresh_from_db()
    assert connection.stage == Stage.DEPLOYED
    assert connection.agreement_type == AgreementType.PILOT
    steps = list(connection.events.values_list("actor__email", "from_stage", "to_stage"))
    assert steps == [
        (member.email, "", Stage.REQUESTED),
        (other_member.email, Stage.REQUESTED, Stage.ACCEPTED),
        (member.email, Stage.ACCEPTED, Stage.IN_DISCUSSION),
        (member.email, Stage.IN_DISCUSSION, Stage.AGREEMENT),
        (other_member.email, Stage.AGREEMENT, Stage.DEPLOYED),
    ]
    assert connection.events.get(to_stage=Stage.ACCEPTED).note == "Happy to talk."
    page = client.get(reverse("connections:detail", args=[connection.pk])).content.decode()
    assert "Installed at two collection centres." in page
    assert "Pilot project" in page
    assert "Update stage" not in page  # deployed is final


def test_each_move_emails_the_other_party(client, connection, member, other_member):
    mail.outbox.clear()
    client.force_login(other_member)
    move(client, connection, Stage.ACCEPTED)
    assert [email.to for email in mail.outbox] == [[member.email]]
    assert "accepted" in mail.outbox[0].subject


def test_declining_needs_a_reason(client, connection, other_member):
    client.force_login(other_member)

    response = move(client, connection, Stage.DECLINED)

    assert response.status_code == 400
    assert "Choose why you decline" in response.content.decode()
    connection.refresh_from_db()
    assert connection.stage == Stage.REQUESTED

    move(client, connection, Stage.DECLINED, decline_reason=DeclineReason.NO_CAPACITY)
    connection.refresh_from_db()
    assert (connection.stage, connection.decline_reason) == (Stage.DECLINED, DeclineReason.NO_CAPACITY)


def test_the_service_also_insists_on_a_decline_reason(connection, other_member):
    with pytest.raises(ValidationError):
        services.move_connection(connection=connection, to_stage=Stage.DECLINED, by=other_member)
    connection.refresh_from_db()
    assert connection.stage == Stage.REQUESTED


def test_agreement_needs_a_type(client, connection, member, other_member):
    services.move_connection(connection=connection, to_stage=Stage.ACCEPTED, by=other_member)
    client.force_login(member)

    response = move(client, connection, Stage.AGREEMENT)

    assert response.status_code == 400
    assert "kind of agreement" in response.content.decode()
    connection.refresh_from_db()
    assert connection.stage == Stage.ACCEPTED
    with pytest.raises(ValidationError):
        services.move_connection(connection=connection, to_stage=Stage.AGREEMENT, by=member, agreement_type="gift")


def test_requester_cannot_accept(client, connection, member):
    client.force_login(member)

    response = move(client, connection, Stage.ACCEPTED)

    assert response.status_code == 400
    assert "cannot move this connection to that stage" in response.content.decode()
    connection.refresh_from_db()
    assert connection.stage == Stage.REQUESTED
    with pytest.raises(services.StageChangeNotAllowed, match="Only the listing owner"):
        services.move_connection(connection=connection, to_stage=Stage.ACCEPTED, by=member)


def test_requester_may_withdraw_a_request(client, connection, member):
    client.force_login(member)
    move(client, connection, Stage.CLOSED, note="We found another supplier.")
    connection.refresh_from_db()
    assert connection.stage == Stage.CLOSED


def test_illegal_transitions_are_refused(connection, member, other_member):
    with pytest.raises(services.StageChangeNotAllowed, match="cannot move to"):
        services.move_connection(connection=connection, to_stage=Stage.DEPLOYED, by=other_member)
    services.move_connection(
        connection=connection, to_stage=Stage.DECLINED, by=other_member, decline_reason=DeclineReason.OTHER
    )
    with pytest.raises(services.StageChangeNotAllowed):
        services.move_connection(connection=connection, to_stage=Stage.ACCEPTED, by=other_member)
    with pytest.raises(services.StageChangeNotAllowed):
        services.move_connection(connection=connection, to_stage="teleported", by=member)
    connection.refresh_from_db()
    assert connection.stage == Stage.DECLINED


def test_final_stages_offer_no_moves(client, connection, member, other_member):
    services.move_connection(
        connection=connection, to_stage=Stage.DECLINED, by=other_member, decline_reason=DeclineReason.TOO_EARLY
    )
    client.force_login(member)
    response = move(client, connection, Stage.CLOSED)
    assert response.status_code == 302
    connection.refresh_from_db()
    assert connection.stage == Stage.DECLINED


def test_both_sides_add_messages_without_changing_the_stage(client, connection, member, other_member):
    client.force_login(other_member)
    url = reverse("connections:message", args=[connection.pk])
    client.post(url, {"message-note": "Which voltage do your centres have?"})
    client.force_login(member)
    client.post(url, {"message-note": "230 V, but unreliable."})

    connection.refresh_from_db()
    assert connection.stage == Stage.REQUESTED
    notes = list(connection.events.filter(to_stage="").values_list("note", flat=True))
    assert notes == ["Which voltage do your centres have?", "230 V, but unreliable."]
    assert "230 V, but unreliable." in client.get(reverse("connections:detail", args=[connection.pk])).content.decode()


def test_an_empty_message_is_refused(client, connection, member):
    client.force_login(member)
    response = client.post(reverse("connections:message", args=[connection.pk]), {"message-note": " "})
    assert response.status_code == 400
    assert response.context["message_form"].errors["note"]
    assert connection.events.count() == 1


def test_no_messages_after_a_connection_is_closed(client, connection, member):
    services.move_connection(connection=connection, to_stage=Stage.CLOSED, by=member)
    with pytest.raises(services.StageChangeNotAllowed):
        services.add_message(connection=connection, by=member, note="Hello?")
    client.force_login(member)
    client.post(reverse("connections:message", args=[connection.pk]), {"message-note": "Hello?"})
    assert connection.events.filter(to_stage="").count() == 0


def test_moderators_read_but_do_not_act(client, connection, moderator):
    client.force_login(moderator)
    page = client.get(reverse("connections:detail", args=[connection.pk]))
    assert page.status_code == 200
    assert "reading this connection as a moderator" in page.content.decode()

    move(client, connection, Stage.ACCEPTED)
    client.post(reverse("connections:message", args=[connection.pk]), {"message-note": "Moderator here."})

    connection.refresh_from_db()
    assert connection.stage == Stage.REQUESTED
    assert connection.events.count() == 1
    with pytest.raises(PermissionDenied):
        services.move_connection(connection=connection, to_stage=Stage.ACCEPTED, by=moderator)


def test_stage_changes_only_accept_post(client, connection, other_member):
    client.force_login(other_member)
    assert client.get(reverse("connections:move", args=[connection.pk])).status_code == 405
    assert Connection.objects.get().stage == Stage.REQUESTED


def test_admin_lists_connections_read_only(client, connection, make_user):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    assert client.get(reverse("admin:connections_connection_changelist")).status_code == 200
    page = client.get(reverse("admin:connections_connection_change", args=[connection.pk])).content.decode()
    assert "Solar milk chiller" in page and 'name="_save"' not in page
