"""Suggested matches on detail pages: the htmx fragment, its fallback page and who sees what."""

import pytest
from django.urls import reverse

from verdex.catalog.models import Status, Technology
from verdex.matching.models import Match

HTMX = {"HTTP_HX_REQUEST": "true"}


def _url(listing):
    return reverse("matching:suggestions", args=[listing.kind, listing.pk])


def test_detail_page_loads_suggestions_with_htmx_and_links_to_them(client, other_member, irrigation):
    need = irrigation["need"]
    client.force_login(other_member)

    page = client.get(need.get_absolute_url()).content.decode()

    assert "Suggested matches" in page
    assert f'hx-get="{_url(need)}"' in page and 'hx-trigger="load"' in page
    assert f'<a href="{_url(need)}">' in page  # the way in without JavaScript


def test_fragment_lists_ranked_technologies_with_their_reasons(client, other_member, irrigation):
    client.force_login(other_member)

    response = client.get(_url(irrigation["need"]), **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html  # a fragment for htmx to swap in
    assert html.index("Solar-powered drip irrigation kit") < html.index("Evaporative clay cooler")
    assert "Both mention “drip irrigation”" in html
    assert "Available in Tanzania, where the need is" in html
    assert "% similar in meaning" in html


def test_fallback_page_is_a_full_page(client, other_member, irrigation):
    client.force_login(other_member)

    html = client.get(_url(irrigation["drip"])).content.decode()

    assert "<h1>Solar-powered drip irrigation kit</h1>" in html
    assert "Drip irrigation for smallholder vegetable farms" in html


def test_visitors_are_asked_to_log_in(client, irrigation):
    detail = client.get(irrigation["need"].get_absolute_url()).content.decode()
    fragment = client.get(_url(irrigation["need"]), **HTMX).content.decode()

    assert "hx-get" not in detail.split("Suggested matches", 1)[1]
    for html in (detail, fragment):
        assert "to see which listings match this need" in html
        assert "Solar-powered drip irrigation kit" not in html.split("Suggested matches")[-1]


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED])
def test_others_unpublished_listings_answer_404(client, other_member, make_need, status):
    need = make_need(status=status)
    client.force_login(other_member)

    assert client.get(_url(need)).status_code == 404
    assert client.get(_url(need), **HTMX).status_code == 404


def test_owner_of_a_draft_is_told_suggestions_come_after_publishing(client, member, make_need):
    need = make_need(status=Status.DRAFT)
    client.force_login(member)

    detail = client.get(need.get_absolute_url()).content.decode()
    fragment = client.get(_url(need), **HTMX).content.decode()

    assert "Suggested matches appear once this need is published." in detail
    assert "Suggestions appear once this need is published" in fragment


def test_a_draft_technology_never_appears_in_anyones_suggestions(
    client, other_member, irrigation, make_technology, committed
):
    with committed():
        make_technology(owner=other_member, title="Secret drip irrigation prototype", status=Status.DRAFT,
                        fields=("Y02A40",))
    client.force_login(other_member)  # even its own owner

    html = client.get(_url(irrigation["need"]), **HTMX).content.decode()

    assert "Secret drip irrigation prototype" not in html
    assert not Match.objects.filter(technology__title="Secret drip irrigation prototype").exists()


def test_a_withdrawn_suggestion_disappears_at_once(client, other_member, irrigation):
    Technology.objects.filter(pk=irrigation["drip"].pk).update(status=Status.UNPUBLISHED)  # as if the job lagged
    client.force_login(other_member)

    html = client.get(_url(irrigation["need"]), **HTMX).content.decode()

    assert "Solar-powered drip irrigation kit" not in html
    assert "Evaporative clay cooler" in html


def test_unknown_kind_answers_404(client, member):
    client.force_login(member)
    assert client.get("/matches/organisation/1/").status_code == 404
