import pytest
from django.urls import reverse

from verdex.catalog.models import Bookmark, Status

pytestmark = pytest.mark.django_db


def url(listing):
    return reverse("catalog:bookmark", args=[listing.kind, listing.pk])


def test_member_toggles_a_bookmark(client, other_member, make_technology):
    technology = make_technology()
    client.force_login(other_member)
    response = client.post(url(technology))
    assert response.status_code == 302
    assert response["Location"] == technology.get_absolute_url()
    bookmark = Bookmark.objects.get(user=other_member)
    assert bookmark.listing == technology
    assert "★ Bookmarked" in client.get(technology.get_absolute_url()).content.decode()
    client.post(url(technology))
    assert not Bookmark.objects.filter(user=other_member).exists()


def test_htmx_request_gets_the_button_back(client, other_member, make_need):
    need = make_need()
    client.force_login(other_member)
    response = client.post(url(need), {"next": "/search/needs/?q=water"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith("<form")
    assert 'aria-pressed="true"' in html and "★ Bookmarked" in html
    assert 'value="/search/needs/?q=water"' in html
    response = client.post(url(need), HTTP_HX_REQUEST="true")
    assert 'aria-pressed="false"' in response.content.decode()
    assert not Bookmark.objects.exists()


def test_bookmarking_someone_elses_draft_is_404(client, other_member, make_expert):
    draft = make_expert(status=Status.DRAFT)
    client.force_login(other_member)
    assert client.post(url(draft)).status_code == 404
    assert not Bookmark.objects.exists()


def test_bookmark_needs_login_and_post(client, member, make_technology):
    technology = make_technology()
    response = client.post(url(technology))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    client.force_login(member)
    assert client.get(url(technology)).status_code == 405
    assert not Bookmark.objects.exists()
