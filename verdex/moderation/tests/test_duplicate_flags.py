"""The review queue flags submitted listings that look like an existing one."""

import pytest
from django.urls import reverse

from verdex.catalog.models import Status

pytestmark = pytest.mark.django_db

FLAG = "Possible duplicate of"


def test_queue_flags_a_near_copy_with_a_link_to_the_original(
    client, moderator, member, other_member, make_technology
):
    original = make_technology(owner=member, status=Status.DRAFT)
    copy = make_technology(owner=other_member, status=Status.SUBMITTED,
                           title="Solar-powered drip irrigation set")
    client.force_login(moderator)

    content = client.get(reverse("moderation:queue")).content.decode()

    assert content.count(FLAG) == 1
    flag_at = content.index(FLAG)
    assert content.index(copy.get_absolute_url()) < flag_at
    assert f'href="{original.get_absolute_url()}"' in content[flag_at:]


def test_queue_does_not_flag_unrelated_listings(client, moderator, make_technology, make_need):
    make_technology(status=Status.SUBMITTED)
    make_technology(status=Status.SUBMITTED, title="Evaporative clay cooler",
                    summary="Keeps vegetables fresh for days without electricity.")
    make_need(status=Status.SUBMITTED)
    client.force_login(moderator)

    content = client.get(reverse("moderation:queue")).content.decode()

    assert FLAG not in content
