"""Journey: an organisation's admin imports a CSV file of technologies and the statistics count them."""

import re

import pytest
from playwright.sync_api import expect

from verdex.browser_tests.conftest import assert_accessible, log_in
from verdex.catalog.models import Status, Technology

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CSV = (
    "external_id,title,summary,description,trl,developed_in,ip_status,fields\n"
    "SUN-1,Solar cold room for fish traders,Keeps the catch cold with solar power.,"
    "A container cold room on photovoltaic panels and ice batteries.,9,KE,open,Y02E10\n"
    "SUN-2,Solar fruit dryer,Dries mangoes with the sun's heat.,"
    "A tunnel dryer that halves drying time and keeps insects out.,8,TZ,open,Y02P60\n"
    "SUN-3,Broken row,The TRL is out of range.,No level 12 exists.,12,KE,open,Y02E10\n"
)


def _headline(page, noun):
    """The number in the statistics page's headline figure for ``noun`` (e.g. "technologies")."""
    figure = page.get_by_role("region", name="Headline figures").get_by_text(re.compile(rf"^\s*[\d,]+\s+{noun}\s*$"))
    return int(re.match(r"\s*([\d,]+)", figure.inner_text()).group(1).replace(",", ""))


def test_bulk_import_a_csv_file_and_see_the_new_counts(new_page, org_admin, organisation, tmp_path):
    organisation.publishes_without_review = True
    organisation.save()
    upload = tmp_path / "sunfield-technologies.csv"
    upload.write_text(CSV, encoding="utf-8")

    page = new_page()
    page.goto("/statistics/")
    assert _headline(page, "technologies") == 0
    assert_accessible(page)

    log_in(page, org_admin.email)
    page.goto("/imports/")
    page.get_by_role("link", name=f"Import listings for {organisation.name}").click()
    assert_accessible(page)
    page.get_by_label("What the file lists").select_option(label="Technologies")
    page.get_by_label("File format").select_option(label="CSV")
    page.get_by_label(re.compile(r"^File\W*$")).set_input_files(upload)
    page.get_by_role("button", name="Upload and continue").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Choose the columns")
    expect(page.get_by_label(re.compile(r"^Title"))).to_have_value("title")  # suggested from the column names
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("start the dry run")).click()

    status = page.get_by_role("status").filter(has_text="rows checked")
    expect(status).to_contain_text(re.compile(r"2\s+would be created"))
    expect(status).to_contain_text(re.compile(r"1\s+rejected"))
    expect(page.get_by_role("row", name=re.compile("Broken row"))).to_contain_text("Rejected")
    assert not Technology.objects.exists()  # a dry run writes nothing
    page.get_by_role("button", name="Import the good rows").click()

    expect(status).to_contain_text(re.compile(r"2\s+created"))
    expect(page.get_by_role("row", name=re.compile("Solar fruit dryer"))).to_contain_text("Created")
    assert_accessible(page)
    assert set(Technology.objects.values_list("title", "status")) == {
        ("Solar cold room for fish traders", Status.PUBLISHED), ("Solar fruit dryer", Status.PUBLISHED),
    }

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Statistics").click()
    assert _headline(page, "technologies") == 2
    by_country = page.get_by_role("region", name=re.compile("by country"))
    expect(by_country.get_by_role("row", name=re.compile("Kenya"))).to_be_visible()
    expect(by_country.get_by_role("row", name=re.compile("Tanzania"))).to_be_visible()
