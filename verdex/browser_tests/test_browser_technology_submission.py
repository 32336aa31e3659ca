"""Journey: a member lists a technology with a picture, submits it, and a moderator publishes it."""

import re

import pytest
from playwright.sync_api import expect

from verdex.browser_tests.conftest import assert_accessible, choose, log_in, png_file
from verdex.catalog.models import Status, Technology

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Biogas digester for dairy farms"
_IMAGE = re.compile(r"^Images?\W*$")


def _picture_field(page):
    return page.get_by_label(_IMAGE).and_(page.locator("input[type=file]"))


def _add_picture(page, tmp_path):
    _picture_field(page).set_input_files(png_file(tmp_path, "digester.png"))
    caption = page.get_by_label("Caption")
    if caption.count():
        caption.first.fill("The digester beside the barn")


def _expect_one_loaded_picture(page):
    picture = page.get_by_role("main").get_by_role("img")
    expect(picture).to_have_count(1)
    loaded = picture.evaluate("""img => img.complete ? img.naturalWidth > 0 : new Promise(done => {
        img.addEventListener("load", () => done(img.naturalWidth > 0));
        img.addEventListener("error", () => done(false));
    })""")  # waits for a picture still on its way
    assert loaded, "the picture did not load"


def test_list_a_technology_with_a_picture_and_have_it_published(
    new_page, member, other_member, moderator, tmp_path
):
    page = new_page()
    log_in(page, member.email)
    page.get_by_role("main").get_by_role("link", name="Add a technology").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New technology")
    assert_accessible(page)

    page.get_by_label("Title").first.fill(TITLE)
    page.get_by_label("Short summary").fill("Turns cow manure into cooking gas and fertiliser on the farm.")
    page.get_by_label("Description", exact=False).first.fill(
        "A sealed tank where manure from twenty cows ferments into methane for cooking and a liquid fertiliser."
    )
    choose(page, "Technology fields", re.compile(r"biofuels and waste-derived fuels"), search="biofuel")
    choose(page, "Technology readiness level", re.compile(r"^TRL 9"))
    choose(page, "Country where it was developed", "Kenya", search="Kenya")
    choose(page, "IP status", "Open / no IP protection")
    picture_in_first_flow = _picture_field(page).count() > 0
    if picture_in_first_flow:
        _add_picture(page, tmp_path)
    page.get_by_role("button", name="Save draft").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    if not picture_in_first_flow:  # pictures are added on the edit page of a saved draft
        page.get_by_role("link", name="Edit", exact=True).click()
        _add_picture(page, tmp_path)
        page.get_by_role("button", name="Upload image").click()
        page.goto(Technology.objects.get(title=TITLE).get_absolute_url())
    _expect_one_loaded_picture(page)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_role("main")).to_contain_text(re.compile("submitted", re.I))
    assert Technology.objects.get(title=TITLE).status == Status.SUBMITTED

    reviewer = new_page()
    log_in(reviewer, moderator.email)
    reviewer.goto("/moderation/")
    assert_accessible(reviewer)
    entry = reviewer.get_by_role("article").filter(has=reviewer.get_by_role("heading", name=TITLE))
    entry.get_by_role("button", name="Publish").click()
    expect(reviewer.get_by_role("article").filter(has=reviewer.get_by_role("heading", name=TITLE))).to_have_count(0)
    assert Technology.objects.get(title=TITLE).status == Status.PUBLISHED

    visitor = new_page()  # members see the pictures; visitors who are not logged in a summary
    log_in(visitor, other_member.email)
    visitor.goto("/search/technologies/")
    visitor.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    _expect_one_loaded_picture(visitor)
    assert_accessible(visitor)
