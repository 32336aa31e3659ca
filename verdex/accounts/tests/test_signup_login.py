import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from verdex.accounts.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "green-Tech-2030!"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # allauth counts logins and signups per IP in the cache, shared by the whole test run.
    cache.clear()


def _link_in(message, marker):
    match = re.search(rf"https?://[^/\s]+(/\S*{marker}\S*)", message.body)
    assert match, f"no {marker} link in: {message.body}"
    return match.group(1)


def _sign_up(client, email="new.member@example.org"):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def _log_in(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def _logged_in(client):
    return "_auth_user_id" in client.session


def test_auth_pages_use_the_site_layout(client):
    for name in ("account_login", "account_signup", "account_reset_password"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        html = response.content.decode()
        assert 'class="site-header"' in html, name
        assert 'class="field' in html, name  # fields rendered by includes/form.html


def test_signup_sends_a_verification_email(client):
    response = _sign_up(client)
    assert response.status_code == 302
    assert User.objects.filter(email="new.member@example.org").exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.member@example.org"]
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    assert not _logged_in(client)


def test_signup_with_bad_input_shows_field_errors(client, member):
    response = client.post(
        reverse("account_signup"),
        {"email": member.email, "password1": PASSWORD, "password2": "something-else-1"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "has-error" in html
    assert User.objects.filter(email=member.email).count() == 1
    assert mail.outbox == []


def test_two_people_can_sign_up(client):
    _sign_up(client, "first@example.org")
    client.cookies.clear()
    _sign_up(client, "second@example.org")
    assert User.objects.filter(email__in=["first@example.org", "second@example.org"]).count() == 2


def test_unverified_user_cannot_log_in_until_they_confirm(client):
    _sign_up(client)
    confirm_path = _link_in(mail.outbox[0], "confirm-email")
    client.cookies.clear()

    response = _log_in(client, "new.member@example.org")
    assert not _logged_in(client)
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")

    response = client.get(confirm_path)
    assert response.status_code == 200
    assert 'class="site-header"' in response.content.decode()
    client.post(confirm_path)
    assert EmailAddress.objects.get(email="new.member@example.org").verified

    client.post(reverse("account_logout"))
    response = _log_in(client, "new.member@example.org")
    assert _logged_in(client)
    assert response.url == reverse("accounts:dashboard")


def test_wrong_password_is_refused(client, member):
    response = _log_in(client, member.email, "not-the-password")
    assert response.status_code == 200
    assert not _logged_in(client)
    assert "form-errors" in response.content.decode()


def test_password_reset_sends_an_email_and_sets_a_new_password(client, member):
    response = client.post(reverse("account_reset_password"), {"email": member.email})
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member.email]

    reset_path = _link_in(mail.outbox[0], "password/reset/key")
    response = client.get(reset_path, follow=True)
    assert response.status_code == 200
    set_password_path = response.redirect_chain[-1][0] if response.redirect_chain else reset_path
    new_password = "brand-New-passw0rd"
    response = client.post(set_password_path, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302

    member.refresh_from_db()
    assert member.check_password(new_password)
    response = _log_in(client, member.email, new_password)
    assert _logged_in(client)


def test_logout_page_uses_the_site_layout(client, member):
    client.force_login(member)
    response = client.get(reverse("account_logout"))
    assert response.status_code == 200
    assert 'class="site-header"' in response.content.decode()
    client.post(reverse("account_logout"))
    assert not _logged_in(client)
