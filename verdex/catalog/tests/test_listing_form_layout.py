"""The listing forms as people meet them: sections, marked required fields, an error
summary linked to the fields, searchable selects (Tom Select over plain selects), the
suggester next to the description, a picture in the create flow, and no inline code."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from verdex.catalog.models import Technology, TechnologyImage

from .conftest import image_bytes, upload

pytestmark = pytest.mark.django_db

TOM_SELECT = "vendor/tom-select-2.6.2/"


def technology_post(**changes):
    data = {
        "title": "Solar cold room for fruit growers",
        "summary": "A walk-in cold room powered by rooftop solar panels.",
        "description": "<p>Keeps harvests fresh for two weeks without grid power.</p>",
        "record_type": Technology.RecordType.PRODUCT,
        "trl": "9",
        "developed_in": "KE",
        "available_in": ["KE", "UG"],
        "ip_status": Technology.IPStatus.OPEN,
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def page_of(client, name):
    return client.get(reverse(f"catalog:{name}_create")).content.decode()


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.mark.parametrize("kind, headings", [
    ("technology", ["About the technology", "Fields, goals and benefits",
                    "Maturity and intellectual property", "Where and how it is offered", "Picture"]),
    ("need", ["About the need", "Fields and goals", "Where", "What would help"]),
    ("expert", ["About you", "Fields and goals", "Where and how you work"]),
])
def test_each_form_is_laid_out_in_titled_sections(member_client, kind, headings):
    html = page_of(member_client, kind)

    found = re.findall(r'<section class="form-section" aria-labelledby="([^"]+)">\s*<h2 id="\1">([^<]+)</h2>', html)
    assert [heading for _, heading in found] == headings


def test_required_fields_are_marked_for_eyes_and_for_screen_readers(member_client):
    html = page_of(member_client, "technology")

    assert "Fields marked * are required." in html
    marker = '<span class="required-mark" aria-hidden="true"> *</span>'
    required = [("title", "Title"), ("summary", "Short summary"), ("developed_in", "Country where it was developed")]
    for name, label in required:
        assert f'<label class="field-label" for="id_{name}">{label}{marker}</label>' in html
        tag = re.search(rf'<(?:input|textarea|select)[^>]*\bid="id_{name}"[^>]*>', html).group(0)
        assert 'aria-required="true"' in tag and "required" in tag
    optional = re.search(r'<label class="field-label" for="id_website">[^<]*</label>', html)
    assert optional, "an optional field has no marker"
    assert 'aria-required' not in re.search(r'<input[^>]*id="id_website"[^>]*>', html).group(0)


def test_an_invalid_form_starts_with_an_error_summary_linking_to_each_field(member_client):
    response = member_client.post(reverse("catalog:technology_create"),
                                  technology_post(title="", developed_in="XX", trl=None))

    assert response.status_code == 200
    html = response.content.decode()
    summary = re.search(
        r'<div class="error-summary" id="error-summary" role="alert" tabindex="-1".*?</div>', html, re.S
    )
    assert summary, "no error summary"
    assert html.index('id="error-summary"') < html.index('id="id_title"')  # at the top of the form
    links = dict(re.findall(r'<a href="#(id_\w+)">([^<]+)</a>', summary.group(0)))
    assert set(links) == {"id_title", "id_developed_in", "id_trl"}
    assert links["id_title"].startswith("Title: ")
    for field_id in links:  # every link lands on an element of the page
        assert f'id="{field_id}"' in html
    title = re.search(r'<input[^>]*id="id_title"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in title and "id_title_error" in title
    assert 'id="id_title_error"' in html
    assert not Technology.objects.exists()


def test_a_valid_form_has_no_error_summary(member_client):
    assert 'id="error-summary"' not in page_of(member_client, "technology")


def test_long_lists_are_searchable_selects_with_tom_select_vendored(member_client):
    html = page_of(member_client, "technology")

    for name in ("fields", "available_in", "available_regions"):
        assert re.search(rf'<select name="{name}"[^>]*data-searchable[^>]*multiple', html), name
    assert re.search(r'<select name="developed_in"[^>]*data-searchable', html)
    assert 'type="checkbox" name="fields"' not in html  # no wall of field checkboxes any more
    assert f'src="{settings.STATIC_URL}{TOM_SELECT}tom-select.complete.min.js"' in html
    assert f'href="{settings.STATIC_URL}{TOM_SELECT}tom-select.default.min.css"' in html
    assert f'src="{settings.STATIC_URL}js/listing_form.js"' in html
    for asset in ("tom-select.complete.min.js", "tom-select.default.min.css", "LICENSE"):
        assert finders.find(TOM_SELECT + asset), asset
    need = page_of(member_client, "need")
    expert = page_of(member_client, "expert")
    assert re.search(r'<select name="country"[^>]*data-searchable', need)
    assert re.search(r'<select name="countries_served"[^>]*data-searchable[^>]*multiple', expert)
    assert re.search(r'<select name="languages"[^>]*data-searchable[^>]*multiple', expert)


def test_the_suggester_sits_right_under_the_description(member_client):
    for kind in ("technology", "need", "expert"):
        html = page_of(member_client, kind)
        description = html.index('id="id_description"')
        button = html.index(">Suggest fields and SDGs</button>")
        fields = html.index('<select name="fields"')
        assert description < button < fields, kind
        assert 'hx-post="/listings/' in html and 'hx-target="#classification-suggestions"' in html


def test_the_form_pages_carry_no_inline_script_style_or_handler(member_client, make_technology, member):
    technology = make_technology(owner=member)
    pages = [page_of(member_client, kind) for kind in ("technology", "need", "expert")]
    pages.append(member_client.get(reverse("catalog:technology_edit", args=[technology.pk])).content.decode())
    for html in pages:
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
        assert not re.search(r"\son[a-z]+=", html)
        assert " style=" not in html and "<style" not in html


def test_a_picture_can_come_with_the_new_technology(member_client):
    data = technology_post(**{"image-image": upload("pump.png", image_bytes()), "image-caption": "The cold room"})

    response = member_client.post(reverse("catalog:technology_create"), data)

    technology = Technology.objects.get()
    assert response.status_code == 302 and response["Location"] == technology.get_absolute_url()
    image = TechnologyImage.objects.get(technology=technology)
    assert image.caption == "The cold room"
    assert image.image.name.endswith(".png")


def test_the_create_form_is_multipart_and_the_picture_is_optional(member_client):
    html = page_of(member_client, "technology")
    assert re.search(r'<form method="post" class="card listing-form" novalidate enctype="multipart/form-data">', html)
    assert 'name="image-image"' in html
    assert 'enctype="multipart/form-data"' not in page_of(member_client, "need")

    member_client.post(reverse("catalog:technology_create"), technology_post())
    assert Technology.objects.count() == 1 and not TechnologyImage.objects.exists()


def test_a_refused_picture_saves_nothing_and_is_in_the_summary(member_client):
    disguised = upload("pump.png", b"<html><script>alert(1)</script></html>")

    response = member_client.post(reverse("catalog:technology_create"),
                                  technology_post(**{"image-image": disguised}))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="#id_image-image">Picture: This file is not a valid image.' in html
    assert "choose the picture again" in html
    assert not Technology.objects.exists() and not TechnologyImage.objects.exists()


def test_a_picture_with_an_invalid_listing_saves_nothing(member_client):
    data = technology_post(title="", **{"image-image": upload("pump.png", image_bytes())})

    response = member_client.post(reverse("catalog:technology_create"), data)

    assert response.status_code == 200
    assert not Technology.objects.exists() and not TechnologyImage.objects.exists()
