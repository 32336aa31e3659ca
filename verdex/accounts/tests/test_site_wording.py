"""allauth's account pages use the site's words: "Log in", "Join free", "Log out", never "Sign In/Sign Up"."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ALLAUTH_WORDS = re.compile(r"sign[ -]?(in|up|out)\b|signup", re.I)


def title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


@pytest.mark.parametrize("url_name, words", [
    ("account_login", "Log in"),
    ("account_signup", "Join free"),
    ("account_reset_password", None),
])
def test_entrance_pages(client, url_name, words):
    response = client.get(reverse(url_name))
    page = response.content.decode()

    assert response.status_code == 200
    if words:
        assert title(response).startswith(words)
        assert f">{words}<" in re.sub(r"\s+<", "<", re.sub(r">\s+", ">", page))  # heading or button
    assert not ALLAUTH_WORDS.search(re.sub(r'(name|id|class|for|href|action|autocomplete)="[^"]*"', "", page))


def test_logout_page_and_messages(client, member):
    client.force_login(member)
    response = client.get(reverse("account_logout"))
    assert title(response).startswith("Log out")
    assert not ALLAUTH_WORDS.search(re.sub(r'(name|id|class|for|href|action)="[^"]*"', "", response.content.decode()))

    logged_out = client.post(reverse("account_logout"), follow=True)
    assert "You have logged out." in logged_out.content.decode()
