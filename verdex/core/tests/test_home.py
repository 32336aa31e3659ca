import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from verdex.catalog.models import Need, Status, Technology
from verdex.connections.models import Connection
from verdex.organisations.models import Organisation
from verdex.taxonomy.models import Country

pytestmark = pytest.mark.django_db


@pytest.fixture
def exchange(make_technology, make_need, make_expert, organisation, other_member):
    technologies = [make_technology(title=f"Published technology {n}") for n in range(7)]
    make_technology(title="Draft technology", status=Status.DRAFT)
    make_technology(title="Submitted technology", status=Status.SUBMITTED)
    needs = [make_need(title=f"Published need {n}") for n in range(2)]
    make_need(title="Draft need", status=Status.DRAFT)
    make_expert()
    make_expert(status=Status.DRAFT)
    Organisation.objects.create(
        name="Partner Org", org_type="ngo", country=Country.objects.get(code="DE"), is_partner=True
    )
    Connection.objects.create(
        requester=other_member, owner=technologies[0].owner,
        content_type=ContentType.objects.get_for_model(Technology), object_id=technologies[0].pk,
        listing_title=technologies[0].title, message="We would like to license this kit.",
    )
    now = timezone.now()
    for age, technology in enumerate(technologies):
        Technology.objects.filter(pk=technology.pk).update(published_at=now - datetime.timedelta(days=age))
    return {"technologies": technologies, "needs": needs}


def test_home_counts_match_the_data(client, exchange):
    response = client.get(reverse("core:home"))

    assert response.status_code == 200
    assert response.context["counts"] == {
        "technologies": 7, "needs": 2, "experts": 1, "organisations": 2, "partners": 1, "connections": 1,
    }
    html = response.content.decode()
    assert '<span class="value">7</span> technologies' in html
    assert '<span class="value">2</span> needs' in html
    assert '<span class="value">1</span> partners' in html


def test_home_shows_newest_six_published_technologies_and_needs(client, exchange):
    html = client.get(reverse("core:home")).content.decode()

    for n in range(6):
        assert f"Published technology {n}<" in html
    assert "Published technology 6<" not in html  # the oldest of seven
    assert "Published need 0" in html and "Published need 1" in html
    assert "Draft technology" not in html and "Submitted technology" not in html
    assert "Draft need" not in html
    newest = list(
        Technology.objects.published().order_by("-published_at").values_list("title", flat=True)[:6]
    )
    positions = [html.index(f"{title}<") for title in newest]
    assert positions == sorted(positions)


def test_home_explains_and_offers_search_and_actions(client, db):
    response = client.get(reverse("core:home"))

    html = response.content.decode()
    assert "free, open exchange" in html
    assert f'action="{reverse("search:technologies")}"' in html and 'name="q"' in html
    assert reverse("account_signup") in html
    assert reverse("catalog:technology_create") in html
    assert reverse("catalog:need_create") in html
    assert "No technologies are published yet" in html


def test_members_are_not_asked_to_join(client, member):
    client.force_login(member)

    html = client.get(reverse("core:home")).content.decode()

    assert ">Join free<" not in html
    assert "Add a technology" in html


def test_home_counts_change_when_a_listing_is_unpublished(client, exchange, moderator):
    from verdex.catalog.services import transition

    transition(listing=exchange["needs"][0], action="unpublish", by=moderator, reason="Duplicate.")

    assert client.get(reverse("core:home")).context["counts"]["needs"] == Need.objects.published().count() == 1
