import pytest
from django.urls import reverse

from verdex.catalog.models import Expert, Need, Status, Technology
from verdex.organisations.models import Membership, Organisation
from verdex.taxonomy.models import Arrangement, Benefit, Country, Region, TechnologyField

pytestmark = pytest.mark.django_db


def pks(queryset):
    return [str(pk) for pk in queryset.values_list("pk", flat=True)]


@pytest.fixture
def technology_data(organisation, member):
    Membership.objects.create(organisation=organisation, user=member)
    return {
        "title": "Solar cold room for fruit growers",
        "organisation": str(organisation.pk),
        "summary": "A walk-in cold room powered by rooftop solar panels.",
        "description": "<p>Keeps harvests fresh for two weeks without grid power.</p>",
        "record_type": Technology.RecordType.PRODUCT,
        "fields": pks(TechnologyField.objects.filter(code__in=["Y02E10", "Y02P60"])),
        "sdgs": ["2", "7"],
        "benefits": pks(Benefit.objects.filter(slug__in=["energy", "waste"])),
        "benefits_other": "Less food loss",
        "trl": "9",
        "developed_in": "KE",
        "available_in": ["KE", "UG", "TZ"],
        "available_regions": pks(Region.objects.filter(kind=Region.Kind.REGION)[:1]),
        "ip_status": Technology.IPStatus.PATENTED,
        "patent_numbers": "KE1234, WO2020123456",
        "availability": pks(Arrangement.objects.filter(slug__in=["licence", "sale"])),
        "website": "https://coldroom.example.org",
    }


def test_member_creates_technology_through_the_form(client, member, organisation, technology_data):
    client.force_login(member)
    response = client.post(reverse("catalog:technology_create"), technology_data)
    technology = Technology.objects.get()
    assert response.status_code == 302
    assert response["Location"] == technology.get_absolute_url()
    assert technology.owner == member
    assert technology.status == Status.DRAFT
    assert technology.organisation == organisation
    assert technology.trl == 9 and technology.trl_group == "commercial"
    assert {f.code for f in technology.fields.all()} == {"Y02E10", "Y02P60"}
    assert set(technology.sdgs.values_list("number", flat=True)) == {2, 7}
    assert set(technology.benefits.values_list("slug", flat=True)) == {"energy", "waste"}
    assert set(technology.availability.values_list("slug", flat=True)) == {"licence", "sale"}
    assert set(technology.available_in.values_list("code", flat=True)) == {"KE", "UG", "TZ"}
    assert technology.available_regions.count() == 1
    assert technology.patent_numbers == "KE1234, WO2020123456"


def test_member_creates_need_through_the_form(client, member):
    client.force_login(member)
    region = Region.objects.get(code=Country.objects.get(code="TZ").region.code)
    response = client.post(reverse("catalog:need_create"), {
        "title": "Cooling for a vaccine store",
        "description": "<p>Our clinic loses power for hours every day.</p>",
        "fields": pks(TechnologyField.objects.filter(code="Y02A50")),
        "sdgs": ["3"],
        "country": "TZ",
        "region": str(region.pk),
        "location": "Dodoma",
        "desired_trl_group": "commercial",
        "desired_arrangements": pks(Arrangement.objects.filter(slug="sale")),
        "budget": "Up to USD 20,000",
        "timeline": "Within a year",
    })
    assert response.status_code == 302
    need = Need.objects.get()
    assert (need.owner, need.status, need.country_id, need.region) == (member, Status.DRAFT, "TZ", region)
    assert list(need.fields.values_list("code", flat=True)) == ["Y02A50"]
    assert list(need.sdgs.values_list("number", flat=True)) == [3]
    assert list(need.desired_arrangements.values_list("slug", flat=True)) == ["sale"]
    assert need.budget == "Up to USD 20,000"


def test_member_creates_expert_profile_through_the_form(client, member):
    client.force_login(member)
    response = client.post(reverse("catalog:expert_create"), {
        "full_name": "Grace Wanjiru",
        "title": "Biogas digester designer",
        "description": "<p>Built 40 farm digesters.</p>",
        "fields": pks(TechnologyField.objects.filter(code="Y02E50")),
        "country": "KE",
        "countries_served": ["KE", "RW"],
        "languages": ["en", "sw"],
        "availability": Expert.Availability.PAID,
    })
    assert response.status_code == 302
    expert = Expert.objects.get()
    assert (expert.owner, expert.status, expert.full_name) == (member, Status.DRAFT, "Grace Wanjiru")
    assert set(expert.languages.values_list("code", flat=True)) == {"en", "sw"}
    assert set(expert.countries_served.values_list("code", flat=True)) == {"KE", "RW"}


@pytest.mark.parametrize("change, field", [
    ({"title": ""}, "title"),
    ({"title": "Kit"}, "title"),
    ({"trl": "12"}, "trl"),
    ({"patent_numbers": ""}, "patent_numbers"),
    ({"ip_status": Technology.IPStatus.PENDING, "patent_numbers": "  "}, "patent_numbers"),
    ({"summary": "x" * 1001}, "summary"),
    ({"description": "<script>alert('hi')</script>"}, "description"),
    ({"developed_in": "XX"}, "developed_in"),
    ({"website": "not a web address"}, "website"),
])
def test_bad_technology_input_gives_a_field_error_and_saves_nothing(
    client, member, technology_data, change, field
):
    client.force_login(member)
    response = client.post(reverse("catalog:technology_create"), {**technology_data, **change})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Technology.objects.count() == 0


def test_organisation_the_user_does_not_belong_to_is_refused(client, member, technology_data):
    stranger_org = Organisation.objects.create(
        name="Someone Else Ltd", org_type=Organisation.Type.SME, country=Country.objects.get(code="DE")
    )
    client.force_login(member)
    page = client.get(reverse("catalog:technology_create"))
    assert "Sunfield Energy" in page.content.decode()
    assert "Someone Else Ltd" not in page.content.decode()
    response = client.post(
        reverse("catalog:technology_create"), {**technology_data, "organisation": str(stranger_org.pk)}
    )
    assert "organisation" in response.context["form"].errors
    assert Technology.objects.count() == 0


def test_open_technology_needs_no_patent_numbers(client, member, technology_data):
    client.force_login(member)
    data = {**technology_data, "ip_status": Technology.IPStatus.OPEN, "patent_numbers": ""}
    response = client.post(reverse("catalog:technology_create"), data)
    assert response.status_code == 302
    assert Technology.objects.get().ip_status == Technology.IPStatus.OPEN


def test_bad_need_and_expert_input_saves_nothing(client, member):
    client.force_login(member)
    need = client.post(reverse("catalog:need_create"), {"title": "", "description": "<p>Water</p>"})
    assert {"title", "country"} <= set(need.context["form"].errors)
    expert = client.post(reverse("catalog:expert_create"), {
        "full_name": "", "title": "Solar engineer", "description": "<p>Ten years.</p>",
        "country": "KE", "availability": "sometimes",
    })
    assert {"full_name", "availability"} <= set(expert.context["form"].errors)
    assert Need.objects.count() == 0 and Expert.objects.count() == 0


def test_script_tags_are_stripped_from_the_description(client, member, technology_data):
    client.force_login(member)
    data = {**technology_data, "description": '<p onclick="steal()">Safe text</p><script>alert(1)</script>'}
    client.post(reverse("catalog:technology_create"), data)
    description = Technology.objects.get().description
    assert "Safe text" in description
    assert "<script" not in description and "onclick" not in description


def test_create_page_requires_login(client):
    response = client.get(reverse("catalog:need_create"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_create_form_shows_fields_grouped_by_root_and_trl_groups(client, member):
    client.force_login(member)
    page = client.get(reverse("catalog:technology_create")).content.decode()
    assert '<optgroup label="Y02E Energy generation, transmission and distribution">' in page
    assert "All of Energy generation, transmission and distribution (Y02E)" in page
    assert "Research (TRL 1–3)" in page


def test_owner_edits_own_listing(client, member, make_need):
    need = make_need(status=Status.DRAFT)
    client.force_login(member)
    page = client.get(reverse("catalog:need_edit", args=[need.pk]))
    assert page.status_code == 200
    response = client.post(reverse("catalog:need_edit", args=[need.pk]), {
        "title": "Safe water for twelve rural schools",
        "description": "<p>Updated.</p>",
        "fields": pks(TechnologyField.objects.filter(code="Y02A20")),
        "sdgs": ["6"],
        "country": "TZ",
    })
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.title == "Safe water for twelve rural schools"
    assert need.owner == member and need.status == Status.DRAFT
    assert list(need.sdgs.values_list("number", flat=True)) == [6]


def test_editing_a_published_technology_sends_it_back_to_review(client, member, make_technology):
    technology = make_technology(status=Status.PUBLISHED)
    client.force_login(member)
    form = client.get(reverse("catalog:technology_edit", args=[technology.pk])).context["form"]
    data = {
        name: (value if value is not None else "")
        for name, value in ((name, form[name].value()) for name in form.fields)
    }
    data["title"] = "Solar drip irrigation kit, second edition"
    data["patent_numbers"] = "KE9876"
    data["fields"] = [str(pk) for pk in data["fields"]]
    response = client.post(reverse("catalog:technology_edit", args=[technology.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    technology.refresh_from_db()
    assert technology.title == "Solar drip irrigation kit, second edition"
    assert technology.status == Status.SUBMITTED


def test_org_admin_may_edit_a_members_organisation_listing(client, member, org_admin, organisation, make_expert):
    Membership.objects.create(organisation=organisation, user=member)
    expert = make_expert(organisation=organisation, status=Status.DRAFT)
    client.force_login(org_admin)
    assert client.get(reverse("catalog:expert_edit", args=[expert.pk])).status_code == 200


@pytest.mark.parametrize("kind", ["technology", "need", "expert"])
def test_editing_someone_elses_listing_is_404_and_changes_nothing(
    client, other_member, kind, make_technology, make_need, make_expert
):
    maker = {"technology": make_technology, "need": make_need, "expert": make_expert}[kind]
    listing = maker(status=Status.PUBLISHED)
    url = reverse(f"catalog:{kind}_edit", args=[listing.pk])
    client.force_login(other_member)
    assert client.get(url).status_code == 404
    response = client.post(url, {
        "title": "Hijacked title", "full_name": "Someone", "description": "<p>Mine now</p>",
        "summary": "Mine", "trl": "5", "developed_in": "KE", "country": "KE",
        "ip_status": "open", "record_type": "product", "availability": "paid",
    })
    assert response.status_code == 404
    listing.refresh_from_db()
    assert listing.title != "Hijacked title"
    assert listing.owner != other_member


def test_editing_requires_login(client, make_technology):
    technology = make_technology()
    response = client.get(reverse("catalog:technology_edit", args=[technology.pk]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
