"""Fixtures for the real-browser tests: Debian's Chromium driven by Playwright against a live server.

The server is pytest-django's ``live_server`` (a threaded server in the test
process). Browser tests use a transactional database with serialized rollback:
the server's threads must see what the test writes and the reference data
loaded by migrations (fields, countries) must be back for the tests after them.

Chromium is never downloaded: it is the distribution's package
(``apt-get install chromium``). Without it these tests fail in CI (``CI`` set)
and are skipped elsewhere, with a message saying how to install it.
"""

import json
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections

from verdex.browser_tests.chromium import LAUNCH_ARGS, chromium_path

# Each journey runs on a desktop screen and on a phone-sized one.
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
PASSWORD = "a-Long-passw0rd"

_AXE = next((Path(settings.BASE_DIR) / "verdex" / "static" / "vendor").glob("axe-core-*/axe.min.js"))
# Findings at these impact levels fail a test; "minor" and "moderate" ones are left to review.
_BLOCKING_IMPACTS = ("serious", "critical")


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: runs in a real browser (Chromium) against a live server")


@pytest.fixture(scope="module")
def browser(django_db_setup):
    """Chromium for one test module.

    Playwright's sync API keeps an event loop running in the test's thread while
    it is started, so Django's async-safety check would refuse the tests' own ORM
    calls: the check is lifted while the browser runs, and the browser stops at
    the end of the module so tests after it run as before. Django also looks
    its connections up per async context while a loop runs; the test's own are
    put back there, so serialized rollback and the live server use the same ones.
    """
    executable = chromium_path()
    if executable is None:
        message = "Chromium not found: install it with `apt-get install -y chromium` or set CHROMIUM_PATH."
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    test_connections = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        # With a loop running, Django looks connections up per async context and would open
        # new ones, without the test database's saved contents: keep the test's own.
        for alias, connection in test_connections.items():
            connections[alias] = connection
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True,
            args=LAUNCH_ARGS,
        )
        yield launched
        launched.close()


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def screen(request):
    """The name of the screen a test runs on: "desktop" (1280 px) or "phone" (390 px)."""
    return request.param


@pytest.fixture
def new_page(browser, live_server, screen):
    """A function opening a fresh browser session (own cookies) on the live server.

    Every page fails the test on a script error or a Content-Security-Policy
    violation, so the browser tests also prove the pages work under the policy.
    The cache (a database table the test flush leaves alone) is emptied first:
    rate-limit counters of one test must not throttle the next.
    """
    cache.clear()
    contexts = []
    problems = []

    def open_page():
        context = browser.new_context(base_url=live_server.url, locale="en-GB", **VIEWPORTS[screen])
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
        page.on("console", lambda message: (
            problems.append(f"{page.url}: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text else None
        ))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not problems, "Script errors or CSP violations:\n" + "\n".join(problems)


def log_in(page, email, password=PASSWORD):
    """Log in through the login form, as a person would."""
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def axe_violations(page):
    """Serious and critical accessibility violations axe-core finds on the current page."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, so the page's CSP does not block it.
        page.evaluate(_AXE.read_text(encoding="utf-8"))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"][:5]],
        }
        for violation in results["violations"]
        if violation["impact"] in _BLOCKING_IMPACTS
    ]


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, f"axe-core on {page.url}:\n" + json.dumps(violations, indent=1)


def choose(page, label, option, search=None):
    """Pick ``option`` for the form field called ``label``, whatever widget shows it.

    A plain <select>, a searchable combobox (type ``search``, pick the option)
    or a list of checkboxes named by their options: the test says what a person
    chooses, not how the widget is built.
    """
    field = page.get_by_label(label, exact=False)
    if field.count() == 0:
        page.get_by_role("checkbox", name=option).check()
        return
    field = field.first
    if field.evaluate("element => element.tagName") == "SELECT":
        if isinstance(option, re.Pattern):
            texts = field.evaluate("select => Array.from(select.options, item => item.text)")
            option = next(text for text in texts if option.search(text))
        field.select_option(label=option)
        return
    field.click()
    field.press_sequentially(search or option)
    page.get_by_role("option", name=option).first.click()
    field.press("Escape")


def png_file(directory, name="picture.png"):
    """A small real PNG picture on disk, for upload fields."""
    from PIL import Image

    path = directory / name
    Image.new("RGB", (64, 48), (46, 125, 50)).save(path, "PNG")
    return path


def replaced_after(page, element, action):
    """Do ``action`` and wait until ``element`` has been replaced: a new page, or an htmx swap of its part."""
    handle = element.element_handle()
    action()
    handle.wait_for_element_state("hidden")
    page.wait_for_load_state()


def search_for(page, text):
    """Type ``text`` in the page's search box and submit it (Enter), waiting for the new results."""
    box = page.get_by_role("main").get_by_role("searchbox").first
    box.fill(text)
    replaced_after(page, box, lambda: box.press("Enter"))


def filter_by(page, facet, value):
    """Tick ``value`` in the search page's ``facet`` filter, opening the filter panel if it is closed."""
    option = page.get_by_role("group", name=facet).get_by_role("checkbox", name=re.compile(rf"^{re.escape(value)}\b"))
    for opener in (re.compile(r"^Filters?\b", re.I), re.compile(rf"^{re.escape(facet)}\b")):
        if option.is_visible():
            break
        toggle = page.get_by_role("main").get_by_text(opener).first
        if toggle.count():
            toggle.click()
    replaced_after(page, option, option.check)


def sort_by(page, order):
    """Choose ``order`` in the results' "Sort by" list, waiting for the results in that order."""
    choice = page.get_by_label("Sort by")
    replaced_after(page, choice, lambda: choice.select_option(label=order))
