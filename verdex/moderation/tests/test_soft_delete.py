"""Moderators soft-delete a listing (hidden everywhere, search included) and restore it; both audited."""

import pytest
from django.urls import reverse

from verdex.catalog.models import Status, Technology
from verdex.catalog.services import TransitionNotAllowed, allowed_actions, transition
from verdex.moderation.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def turbine(make_technology, committed):
    with committed():
        return make_technology(title="Small wind turbine for telecom towers",
                               summary="A 10 kW turbine that powers mobile network masts off the grid.")


def _delete(client, listing, reason="Copied from a competitor's brochure"):
    return client.post(reverse("catalog:transition", args=["technology", listing.pk, "delete"]), {"reason": reason})


def test_a_deleted_listing_is_hidden_from_everyone_but_moderators(
    client, turbine, moderator, member, other_member, committed
):
    client.force_login(moderator)
    with committed():
        _delete(client, turbine)
    turbine.refresh_from_db()
    assert turbine.status == Status.DELETED

    found = client.get(reverse("search:technologies"), {"q": "turbine"}).content.decode()
    assert "Small wind turbine" not in found
    assert client.get(turbine.get_absolute_url()).status_code == 200  # moderators still open it
    assert "Small wind turbine" in client.get(reverse("moderation:deleted")).content.decode()

    for viewer in (other_member, member):  # member owns it
        client.force_login(viewer)
        assert client.get(turbine.get_absolute_url()).status_code == 404
        assert "Small wind turbine" not in client.get(reverse("search:technologies"), {"q": "turbine"}).content.decode()
    assert "Small wind turbine" not in client.get(reverse("accounts:dashboard")).content.decode()
    assert client.get(reverse("catalog:technology_edit", args=[turbine.pk])).status_code == 404
    client.logout()
    assert client.get(turbine.get_absolute_url()).status_code == 404
    assert "Small wind turbine" not in client.get(reverse("search:technologies"), {"q": "turbine"}).content.decode()


def test_restore_brings_back_the_previous_status_and_both_steps_are_audited(client, turbine, moderator, committed):
    client.force_login(moderator)
    with committed():
        _delete(client, turbine)
        client.post(reverse("catalog:transition", args=["technology", turbine.pk, "restore"]),
                    {"next": reverse("moderation:deleted")})
    turbine.refresh_from_db()
    assert turbine.status == Status.PUBLISHED
    assert "Small wind turbine" in client.get(reverse("search:technologies"), {"q": "turbine"}).content.decode()

    entries = AuditEntry.objects.filter(object_id=turbine.pk, action__in=["delete", "restore"]).order_by("at", "pk")
    assert [(e.action, e.from_status, e.to_status, e.actor) for e in entries] == [
        ("delete", Status.PUBLISHED, Status.DELETED, moderator),
        ("restore", Status.DELETED, Status.PUBLISHED, moderator),
    ]
    assert entries[0].reason == "Copied from a competitor's brochure"


def test_a_restored_draft_is_a_draft_again(make_technology, moderator):
    draft = make_technology(status=Status.DRAFT)
    transition(listing=draft, action="delete", by=moderator, reason="Spam")

    restored = transition(listing=draft, action="restore", by=moderator)

    assert restored.status == Status.DRAFT


def test_only_moderators_delete_and_a_reason_is_required(client, turbine, member, moderator):
    assert "delete" not in allowed_actions(listing=turbine, user=member)
    client.force_login(member)
    _delete(client, turbine)
    assert Technology.objects.get(pk=turbine.pk).status == Status.PUBLISHED

    client.force_login(moderator)
    response = _delete(client, turbine, reason="  ")
    assert Technology.objects.get(pk=turbine.pk).status == Status.PUBLISHED
    assert response.status_code == 302
    with pytest.raises(TransitionNotAllowed):
        transition(listing=turbine, action="restore", by=moderator)  # not deleted


def test_the_owner_cannot_act_on_a_deleted_listing(turbine, member, moderator):
    transition(listing=turbine, action="delete", by=moderator, reason="Spam")
    turbine.refresh_from_db()

    assert allowed_actions(listing=turbine, user=member) == []
    assert allowed_actions(listing=turbine, user=moderator) == ["restore"]
