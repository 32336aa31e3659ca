"""Every app tells members through notify(): moderation decisions, connections, invitations, imports."""

import pytest
from django.core import mail

from verdex.catalog import services as catalog_services
from verdex.catalog.models import Status
from verdex.connections import services as connection_services
from verdex.connections.models import Stage
from verdex.imports.models import ImportJob
from verdex.imports.tests.conftest import _imports_in_tmp, importer, technology_row, write_csv, write_file  # noqa: F401
from verdex.notifications.models import Kind, Notification
from verdex.organisations import services as organisation_services

pytestmark = pytest.mark.django_db


def _kinds(user):
    notifications = Notification.objects.filter(recipient=user, kind__startswith="connection")
    return list(notifications.order_by("pk").values_list("kind", flat=True))


def test_publish_and_reject_tell_the_owner_with_the_reason(make_technology, member, moderator):
    first = make_technology(owner=member, title="Solar cold room", status=Status.SUBMITTED)
    second = make_technology(owner=member, title="Wind pump", status=Status.SUBMITTED)
    mail.outbox.clear()

    catalog_services.transition(listing=first, action="publish", by=moderator)
    catalog_services.transition(listing=second, action="reject", by=moderator, reason="Add the pump's flow rate.")

    published, rejected = Notification.objects.filter(recipient=member).order_by("pk")
    assert published.kind == Kind.LISTING_PUBLISHED and "Solar cold room" in published.title
    assert published.url == first.get_absolute_url()
    assert rejected.kind == Kind.LISTING_REJECTED
    assert "Add the pump's flow rate." in rejected.body
    assert [email.to for email in mail.outbox] == [[member.email], [member.email]]
    assert "Add the pump's flow rate." in mail.outbox[1].body


def test_owners_own_moves_notify_nobody(make_technology, member):
    listing = make_technology(owner=member, status=Status.DRAFT)
    catalog_services.transition(listing=listing, action="submit", by=member)
    assert not Notification.objects.exists()


def test_connection_request_acceptance_and_message(make_technology, member, other_member):
    listing = make_technology(owner=other_member, title="Biogas kit")
    mail.outbox.clear()
    connection = connection_services.request_connection(
        requester=member, listing=listing, message="Could we pilot two kits next season?",
    )
    connection_services.move_connection(connection=connection, to_stage=Stage.ACCEPTED, by=other_member)
    connection_services.add_message(connection=connection, by=member, note="Great, when can we talk?")
    connection_services.move_connection(connection=connection, to_stage=Stage.IN_DISCUSSION, by=other_member)

    assert _kinds(other_member) == [Kind.CONNECTION_REQUEST, Kind.CONNECTION_MESSAGE]
    assert _kinds(member) == [Kind.CONNECTION_ACCEPTED, Kind.CONNECTION_STAGE]
    assert Notification.objects.filter(url=f"/connections/{connection.pk}/").count() == 4
    assert len(mail.outbox) == 4


def test_an_invitation_reaches_an_existing_member_in_app_and_anyone_by_email(organisation, org_admin, member):
    organisation_services.invite(organisation=organisation, email="Member@Example.org", role="member", by=org_admin)
    organisation_services.invite(organisation=organisation, email="stranger@example.org", role="member", by=org_admin)

    mine = Notification.objects.get(recipient=member)
    assert mine.kind == Kind.ORGANISATION_INVITATION and "Sunfield Energy" in mine.title
    assert mine.url.startswith("/organisations/invitations/")
    assert Notification.objects.get(recipient=None).email == "stranger@example.org"
    assert sorted(email.to[0] for email in mail.outbox) == ["member@example.org", "stranger@example.org"]


def test_import_finished(importer, write_csv, org_admin):
    job = importer(write_csv([technology_row(1), technology_row(2)]))
    assert job.status == ImportJob.Status.DONE
    finished = Notification.objects.get(recipient=org_admin, kind=Kind.IMPORT_FINISHED)
    assert "2 created" in finished.body and finished.url == job.get_absolute_url()
    assert not Notification.objects.filter(kind=Kind.IMPORT_FAILED).exists()  # the dry run tells nobody


def test_an_import_failing_tells_who_started_it(importer, write_csv, org_admin, organisation):
    job = importer(write_csv([technology_row(1)]), commit=False)
    # The person stopped being an administrator before confirming: the import step fails.
    organisation.memberships.filter(user=org_admin).update(role="member")
    from verdex.imports import services as import_services

    import_services.import_job(job)
    job.refresh_from_db()

    assert job.status == ImportJob.Status.FAILED
    failed = Notification.objects.get(recipient=org_admin, kind=Kind.IMPORT_FAILED)
    assert "import" in failed.title and "administrators" in failed.body
