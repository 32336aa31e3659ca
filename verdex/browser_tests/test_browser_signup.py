"""Journey: a visitor joins, confirms their address from the email, and reaches their dashboard."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from verdex.browser_tests.conftest import PASSWORD, assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

_CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/accounts/confirm-email/\S+)")


def test_join_confirm_email_and_reach_the_dashboard(new_page):
    page = new_page()
    page.goto("/")
    page.get_by_role("banner").get_by_role("link", name="Join free").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Join")
    assert_accessible(page)

    page.get_by_label("Email").fill("new.member@example.org")
    page.get_by_label(re.compile(r"^Password\W*$")).fill(PASSWORD)
    page.get_by_label(re.compile(r"Password \(again\)|Confirm", re.I)).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Join free").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("verify your email", re.I))
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["new.member@example.org"]
    confirm_path = _CONFIRM_LINK.search(mail.outbox[0].body).group(1)

    page.goto(confirm_path)
    page.get_by_role("main").get_by_role("button", name="Confirm").click()
    log_in(page, "new.member@example.org")
    expect(page.get_by_role("heading", level=1)).to_have_text("My dashboard")


def test_an_unconfirmed_address_cannot_log_in(new_page, make_user):
    make_user(email="waiting@example.org", verified=False)
    page = new_page()
    log_in(page, "waiting@example.org")
    expect(page.get_by_role("heading", level=1)).not_to_have_text("My dashboard")
    expect(page.get_by_role("main")).to_contain_text("waiting@example.org")
