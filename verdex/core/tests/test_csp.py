"""The Content-Security-Policy: on every page type, strict, and nothing in our templates that it would block.

The policy forbids inline script and style, so a template with a <script>
block, an on*="" handler or a style="" attribute would break in browsers:
the scan below fails on the first one written. The policy itself was
measured in Chromium on every page type, Swagger UI included (docs/security.md).
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.urls import reverse

pytestmark = pytest.mark.django_db

STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def policy(response):
    header = response["Content-Security-Policy"]
    return dict(
        (directive.split(" ", 1) + [""])[:2] for directive in (part.strip() for part in header.split(";")) if directive
    )


def assert_strict(response, **extra):
    directives = policy(response)
    for name, value in {**STRICT, **extra}.items():
        assert directives.get(name) == value, (name, directives.get(name))
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


@pytest.fixture
def staff(make_user):
    user = make_user(email="staff@example.org", is_staff=True, is_superuser=True)
    return user


def test_public_pages(client, make_technology, make_need, make_expert):
    technology = make_technology()
    need = make_need()
    pages = [
        reverse("core:home"),
        reverse("search:technologies"),
        reverse("search:technologies") + "?q=solar+pump&country=KE",
        reverse("search:needs"),
        reverse("search:experts"),
        reverse("search:organisations"),
        reverse("catalog:technology_detail", args=[technology.pk]),
        reverse("catalog:need_detail", args=[need.pk]),
        reverse("stats:index"),
        reverse("account_login"),
        reverse("account_signup"),
        reverse("account_reset_password"),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict(response)


def test_htmx_partials_and_redirects(client):
    partial = client.get(reverse("search:technologies"), {"q": "solar"}, HTTP_HX_REQUEST="true")
    posted = client.post(reverse("search:technologies"), {"q": "solar"})

    assert_strict(partial)
    assert posted.status_code == 303
    assert_strict(posted)


def test_member_pages_and_forms(client, member):
    client.force_login(member)
    for url in [
        reverse("accounts:dashboard"),
        reverse("accounts:profile"),
        reverse("catalog:technology_create"),
        reverse("catalog:need_create"),
        reverse("account_logout"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict(response)


def test_admin_pages(client, staff):
    client.force_login(staff)
    for url in [reverse("admin:index"), reverse("admin:accounts_user_change", args=[staff.pk])]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict(response)


def test_api_docs_add_data_images_and_nothing_else(client):
    # ninja's docs_decorator wraps the Swagger page and its openapi.json alike.
    for url in ["/api/v1/docs", "/api/v1/openapi.json"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict(response, **{"img-src": "'self' data:"})  # Swagger UI's icons are data: SVGs
    other = client.get("/api/v1/taxonomy/sdgs")
    assert other.status_code == 200
    assert_strict(other)


def test_error_pages(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert_strict(response)


def test_htmx_is_told_not_to_inject_styles_or_eval(client):
    page = client.get(reverse("core:home")).content.decode()

    config = re.search(r'<meta name="htmx-config" content=\'([^\']*)\'', page)
    assert config and '"includeIndicatorStyles": false' in config.group(1)
    assert '"allowEval": false' in config.group(1)


def test_favicon_is_served_and_linked(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    page = client.get(reverse("core:home")).content.decode()
    assert 'rel="icon" href="/static/favicon.svg"' in page


# ---- Templates ---------------------------------------------------------------

TEMPLATE_ROOTS = [Path(settings.BASE_DIR) / "verdex"]
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[^>]*\sstyle\s*=", re.I)
STYLE_ELEMENT = re.compile(r"<style\b", re.I)
JS_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']\s*javascript:""", re.I)


def our_templates():
    for root in TEMPLATE_ROOTS:
        yield from sorted(root.glob("**/templates/**/*.html"))


def test_the_scan_finds_templates():
    names = {path.name for path in our_templates()}
    assert {"base.html", "browse.html", "login.html"} <= names


@pytest.mark.parametrize("pattern, sample", [
    (INLINE_SCRIPT, "<script>alert(1)</script>"),
    (INLINE_SCRIPT, '<script type="module">x()</script>'),
    (HANDLER, '<button onclick="go()">'),
    (HANDLER, '<body\n  onload="go()">'),
    (STYLE_ATTRIBUTE, '<span class="bar" style="width: 4%">'),
    (STYLE_ELEMENT, "<style>.x{}</style>"),
    (JS_URL, '<a href="javascript:void(0)">'),
])
def test_the_scan_recognises_what_the_policy_blocks(pattern, sample):
    assert pattern.search(sample)


@pytest.mark.parametrize("sample", [
    '<script src="/static/js/search-form.js" defer></script>',
    '<script type="application/json" id="data">{}</script>',
    '<input name="only" value="x">',
])
def test_the_scan_lets_allowed_markup_through(sample):
    assert not any(pattern.search(sample) for pattern in (INLINE_SCRIPT, HANDLER, STYLE_ATTRIBUTE, STYLE_ELEMENT))


def test_no_template_has_inline_script_style_or_handlers():
    found = []
    for path in our_templates():
        text = path.read_text()
        for label, pattern in [("inline <script>", INLINE_SCRIPT), ("on*= handler", HANDLER),
                               ("style= attribute", STYLE_ATTRIBUTE), ("<style> element", STYLE_ELEMENT),
                               ("javascript: URL", JS_URL)]:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(settings.BASE_DIR)}:{line}: {label}")
    assert not found, "\n".join(found)
