"""Every main page, as the person who would open it, passes axe-core and fits a phone's width.

The journeys check the pages they pass through; this sweep covers the rest of
the README's table of main pages (visitors, members and moderators), so a new
page or a changed template cannot drop below the accessibility bar unnoticed.
"""

import pytest
from playwright.sync_api import expect

from verdex.browser_tests.conftest import assert_accessible, log_in
from verdex.connections import services as connection_services
from verdex.moderation import services as moderation_services
from verdex.notifications import services as notification_services
from verdex.notifications import tokens
from verdex.notifications.models import Kind
from verdex.search.query import SearchQuery

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PUBLIC_PAGES = (
    "/",
    "/search/technologies/?q=solar",
    "/search/needs/",
    "/search/experts/",
    "/search/organisations/",
    "/statistics/",
    "/statistics/?period=12m&country=KE&from=bad",
    "/statistics/impact/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
)
MEMBER_PAGES = (
    "/me/",
    "/me/profile/",
    "/technologies/new/",
    "/needs/new/",
    "/experts/new/",
    "/organisations/new/",
    "/connections/",
    "/imports/",
    "/api/tokens/",
    "/notifications/",
    "/notifications/preferences/",
    "/saved-searches/",
    "/search/technologies/?q=solar",  # with "Save this search"
)
MODERATOR_PAGES = ("/moderation/", "/moderation/reports/", "/moderation/audit/", "/moderation/deleted/",
                   "/moderation/freshness/")
MANAGER_PAGES = ("/statistics/staff/",)


@pytest.fixture
def catalogue(make_technology, make_need, make_expert, member, other_member, organisation):
    technology = make_technology(owner=member)
    need = make_need(owner=other_member)
    expert = make_expert(owner=member)
    connection = connection_services.request_connection(
        requester=other_member, listing=technology, message="Could we pilot two kits next season?",
    )
    moderation_services.report_listing(
        listing=need, reporter=member, reason="spam", details="Looks like an advert, not a need.",
    )
    notification_services.notify(
        recipient=other_member, kind=Kind.LISTING_REJECTED, url=need.get_absolute_url(),
        title="Your need “Clean drinking water for rural schools with a rather long title” was not published",
        body="Reason given by the moderator: https://example.org/a-very-long-link-that-must-wrap-on-a-phone-screen-too",
    )
    notification_services.save_search(
        user=other_member, name="Solar irrigation kits for smallholder farms in East Africa", frequency="weekly",
        query=SearchQuery(kind="technology", text="solar irrigation", mode="keyword", filters={"field": ["Y02E"]}),
    )
    unsubscribe = f"/notifications/unsubscribe/{tokens.make(user=other_member, kinds=[Kind.CONNECTION_MESSAGE])}/"
    return {
        "unsubscribe": unsubscribe,
        "listings": [technology.get_absolute_url(), need.get_absolute_url(), expert.get_absolute_url()],
        "connection": f"/connections/{connection.pk}/",
        "organisation": organisation.get_absolute_url(),
    }


def _check(page, path):
    response = page.goto(path)
    assert response.ok, f"{path} answered {response.status}"
    expect(page.get_by_role("main")).to_be_visible()
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{path} is {overflow} px wider than the screen: {_overflowing(page)}"


def _overflowing(page):
    """The innermost elements that stick out past the right edge, for the failure message."""
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        return Array.from(document.querySelectorAll("main *"))
            .filter(element => element.getBoundingClientRect().right > width + 1)
            .filter(element => !Array.from(element.children).some(
                child => child.getBoundingClientRect().right > width + 1))
            .slice(0, 5)
            .map(element => `${element.tagName.toLowerCase()}.${element.className} ` +
                            `(${Math.round(element.getBoundingClientRect().right)} px)`);
    }""")


def test_public_pages(new_page, catalogue):
    page = new_page()
    for path in (*PUBLIC_PAGES, *catalogue["listings"], catalogue["organisation"], catalogue["unsubscribe"]):
        _check(page, path)


def test_member_pages(new_page, catalogue, other_member):
    page = new_page()
    log_in(page, other_member.email)
    for path in (*MEMBER_PAGES, *catalogue["listings"], catalogue["connection"]):
        _check(page, path)


def test_moderator_pages(new_page, catalogue, moderator):
    page = new_page()
    log_in(page, moderator.email)
    for path in MODERATOR_PAGES:
        _check(page, path)


def test_programme_manager_pages(new_page, catalogue, make_user):
    from django.contrib.auth.models import Group

    manager = make_user(email="manager@example.org")
    manager.groups.add(Group.objects.get(name="Programme managers"))
    page = new_page()
    log_in(page, manager.email)
    for path in MANAGER_PAGES:
        _check(page, path)
