import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from verdex.catalog.models import Status
from verdex.catalog.services import TransitionNotAllowed, allowed_actions, transition
from verdex.moderation.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_owner_submits_and_moderator_publishes(make_technology, member, moderator):
    tech = make_technology(status=Status.DRAFT)
    tech = transition(listing=tech, action="submit", by=member)
    assert tech.status == Status.SUBMITTED
    tech = transition(listing=tech, action="publish", by=moderator)
    assert tech.status == Status.PUBLISHED
    assert tech.published_at is not None
    actions = list(AuditEntry.objects.filter(object_id=tech.pk).values_list("action", flat=True))
    assert actions == ["publish", "submit", "create"]


def test_owner_cannot_publish_own_listing(make_technology, member):
    tech = make_technology(status=Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        transition(listing=tech, action="publish", by=member)
    tech.refresh_from_db()
    assert tech.status == Status.SUBMITTED


def test_other_member_cannot_submit(make_technology, other_member):
    tech = make_technology(status=Status.DRAFT)
    with pytest.raises(PermissionDenied):
        transition(listing=tech, action="submit", by=other_member)


def test_illegal_transitions_are_refused(make_technology, moderator, member):
    draft = make_technology(status=Status.DRAFT)
    with pytest.raises(TransitionNotAllowed):
        transition(listing=draft, action="publish", by=moderator)
    published = make_technology(status=Status.PUBLISHED)
    with pytest.raises(TransitionNotAllowed):
        transition(listing=published, action="submit", by=member)
    with pytest.raises(TransitionNotAllowed):
        transition(listing=published, action="reject", by=moderator, reason="late")
    with pytest.raises(TransitionNotAllowed):
        transition(listing=published, action="fly", by=moderator)


def test_reject_needs_reason_and_keeps_it(make_technology, moderator):
    tech = make_technology(status=Status.SUBMITTED)
    with pytest.raises(ValidationError):
        transition(listing=tech, action="reject", by=moderator, reason="  ")
    tech = transition(listing=tech, action="reject", by=moderator, reason="Add the TRL evidence.")
    assert tech.status == Status.REJECTED
    assert tech.rejection_reason == "Add the TRL evidence."


def test_withdraw_and_reopen(make_technology, member):
    tech = make_technology(status=Status.PUBLISHED)
    tech = transition(listing=tech, action="withdraw", by=member)
    assert tech.status == Status.ARCHIVED
    tech = transition(listing=tech, action="reopen", by=member)
    assert tech.status == Status.DRAFT


def test_allowed_actions_depend_on_role(make_technology, member, moderator, other_member):
    tech = make_technology(status=Status.SUBMITTED)
    assert allowed_actions(listing=tech, user=member) == ["withdraw"]
    assert set(allowed_actions(listing=tech, user=moderator)) == {"publish", "reject", "delete"}
    assert allowed_actions(listing=tech, user=other_member) == []
