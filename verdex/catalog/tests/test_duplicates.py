"""Possible duplicates: shown to a listing's editors and to moderators, never leaking drafts."""

import pytest
from django.urls import reverse

from verdex.catalog.duplicates import likely_duplicate
from verdex.catalog.models import Status

pytestmark = pytest.mark.django_db

AUTHOR_NOTICE = "This looks like an existing listing:"
MODERATOR_FLAG = "Possible duplicate of"
# The fixture's summary with one title word changed: word sets 12/13 alike, above the 0.9 rule.
NEAR_COPY_TITLE = "Solar-powered drip irrigation set"


@pytest.fixture
def original(make_technology, member):
    return make_technology(owner=member, status=Status.PUBLISHED)


@pytest.fixture
def near_copy(make_technology, other_member):
    return make_technology(owner=other_member, status=Status.DRAFT, title=NEAR_COPY_TITLE)


def page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_rule_finds_the_near_copy_of_the_same_kind_only(original, near_copy, make_need, make_technology):
    cooler = make_technology(title="Evaporative clay cooler",
                             summary="Keeps vegetables fresh for days without electricity.")
    need = make_need(title=original.title, description=original.summary)

    assert likely_duplicate(near_copy) == original
    assert likely_duplicate(original) == near_copy
    assert likely_duplicate(cooler) is None
    assert likely_duplicate(need) is None


def test_author_of_the_copy_sees_a_link_to_the_published_original(client, original, near_copy, other_member):
    edit_page = page(client, other_member, reverse("catalog:technology_edit", args=[near_copy.pk]))
    detail_page = page(client, other_member, near_copy.get_absolute_url())

    for content in (edit_page, detail_page):
        assert AUTHOR_NOTICE in content
        assert f'href="{original.get_absolute_url()}"' in content


def test_others_draft_is_not_leaked_to_the_author_of_the_original(client, original, near_copy, member):
    content = page(client, member, reverse("catalog:technology_edit", args=[original.pk]))

    assert AUTHOR_NOTICE in content
    assert "an unpublished listing of someone else" in content
    assert near_copy.get_absolute_url() not in content
    assert NEAR_COPY_TITLE not in content


def test_moderator_sees_the_flag_on_the_detail_page(client, original, near_copy, moderator):
    content = page(client, moderator, near_copy.get_absolute_url())

    assert MODERATOR_FLAG in content
    assert f'href="{original.get_absolute_url()}"' in content


def test_other_members_and_visitors_see_no_flag(client, original, near_copy, make_user):
    third = make_user()
    assert MODERATOR_FLAG not in page(client, third, original.get_absolute_url())
    assert AUTHOR_NOTICE not in page(client, third, original.get_absolute_url())
    client.logout()
    content = client.get(original.get_absolute_url()).content.decode()
    assert MODERATOR_FLAG not in content and AUTHOR_NOTICE not in content


def test_unrelated_listing_is_not_flagged(client, original, member, make_technology):
    cooler = make_technology(owner=member, status=Status.DRAFT, title="Evaporative clay cooler",
                             summary="Keeps vegetables fresh for days without electricity.")

    content = page(client, member, reverse("catalog:technology_edit", args=[cooler.pk]))

    assert AUTHOR_NOTICE not in content


def test_a_need_saved_through_the_form_is_flagged_against_needs_only(
    client, original, make_need, member, other_member
):
    existing_need = make_need(owner=member, status=Status.PUBLISHED)
    client.force_login(other_member)

    response = client.post(reverse("catalog:need_create"), {
        "title": "Clean drinking water for rural schools",
        "description": "<p>Schools in arid districts need safe water without any grid power.</p>",
        "country": "KE",
    }, follow=True)

    assert response.redirect_chain and response.status_code == 200
    content = response.content.decode()
    assert AUTHOR_NOTICE in content
    assert f'href="{existing_need.get_absolute_url()}"' in content
    assert f'href="{original.get_absolute_url()}"' not in content
