import hashlib

import pytest
from django.urls import reverse

from verdex.api.models import ApiToken

from .conftest import bearer

pytestmark = pytest.mark.django_db


def test_token_pages_need_login(client):
    response = client.get(reverse("api:tokens"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_create_token_shows_key_once_and_stores_only_its_hash(client, member):
    client.force_login(member)

    response = client.post(reverse("api:tokens"), {"name": "Nightly sync"})

    assert response.status_code == 200
    key = response.context["new_key"]
    assert key.startswith("vdx_")
    assert key in response.content.decode()
    token = ApiToken.objects.get(user=member)
    assert token.name == "Nightly sync"
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in [token.prefix, token.key_hash, token.name]
    assert key.startswith(token.prefix)

    listing_page = client.get(reverse("api:tokens")).content.decode()
    assert key not in listing_page
    assert token.prefix in listing_page
    assert "Nightly sync" in listing_page


def test_create_token_without_a_name_is_refused(client, member):
    client.force_login(member)

    response = client.post(reverse("api:tokens"), {"name": "   "})

    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert not ApiToken.objects.exists()


def test_token_list_shows_only_own_tokens(client, member, other_member, make_key):
    make_key(other_member, name="Otto's robot")
    make_key(member, name="Mira's robot")
    client.force_login(member)

    page = client.get(reverse("api:tokens")).content.decode()

    assert "Mira&#x27;s robot" in page
    assert "Otto" not in page


def test_bearer_token_authenticates_and_records_use(client, member, member_key):
    response = client.get("/api/v1/me", **bearer(member_key))

    assert response.status_code == 200
    assert response.json()["id"] == member.pk
    assert ApiToken.objects.get(user=member).last_used_at is not None


def test_revoked_token_is_refused(client, member, member_key):
    client.force_login(member)
    token = ApiToken.objects.get(user=member)

    response = client.post(reverse("api:token_revoke", args=[token.pk]))

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    client.logout()
    refused = client.get("/api/v1/me", **bearer(member_key))
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"].startswith("Bearer")
    assert refused.json()["detail"]


def test_revoked_token_is_refused_on_public_reads_too(client, member, member_key):
    from verdex.api import services

    services.revoke_token(user=member, token_id=ApiToken.objects.get(user=member).pk)

    assert client.get("/api/v1/technologies", **bearer(member_key)).status_code == 401


def test_cannot_revoke_someone_elses_token(client, member, other_member, make_key):
    other_key = make_key(other_member)
    token = ApiToken.objects.get(user=other_member)
    client.force_login(member)

    assert client.post(reverse("api:token_revoke", args=[token.pk])).status_code == 404
    assert client.get("/api/v1/me", **bearer(other_key)).status_code == 200


def test_revoke_needs_post(client, member, member_key):
    client.force_login(member)
    token = ApiToken.objects.get(user=member)

    assert client.get(reverse("api:token_revoke", args=[token.pk])).status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None


def test_wrong_keys_and_schemes_are_refused(client, member_key):
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer vdx_not-a-real-key").status_code == 401
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Token {member_key}").status_code == 401
    assert client.get("/api/v1/me").status_code == 401


def test_inactive_users_tokens_are_refused(client, member, member_key):
    member.is_active = False
    member.save()

    assert client.get("/api/v1/me", **bearer(member_key)).status_code == 401


def test_session_login_does_not_authenticate_the_api(client, member):
    client.force_login(member)

    assert client.get("/api/v1/me").status_code == 401


def test_profile_page_links_to_token_page(client, member):
    client.force_login(member)

    page = client.get(reverse("accounts:profile")).content.decode()

    assert reverse("api:tokens") in page
