import pytest

from verdex.catalog.models import Status
from verdex.organisations.models import Organisation
from verdex.taxonomy.models import Country

from .conftest import bearer

pytestmark = pytest.mark.django_db


def test_anonymous_list_shows_published_public_summary_only(client, make_technology):
    published = make_technology(title="Solar water pump for farms")
    make_technology(title="Secret draft technology", status=Status.DRAFT)
    make_technology(title="Waiting for review", status=Status.SUBMITTED)

    response = client.get("/api/v1/technologies")

    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["id"] for item in items] == [published.pk]
    item = items[0]
    assert item["title"] == "Solar water pump for farms"
    assert item["summary"] == published.summary
    assert item["developed_in"] == {"code": "KE", "name": "Kenya"}
    assert item["fields"][0]["code"] == "Y02E10"
    assert item["full_details"] is False
    # Member-only facts stay hidden, as on the web detail page.
    assert item["description"] is None
    assert item["trl"] is None
    assert item["ip_status"] is None
    assert item["patent_numbers"] is None


def test_token_user_gets_full_details_of_published_listings(client, make_technology, other_member, make_key):
    technology = make_technology(patent_numbers="WO2020123456")

    response = client.get(f"/api/v1/technologies/{technology.pk}", **bearer(make_key(other_member)))

    assert response.status_code == 200
    data = response.json()
    assert data["full_details"] is True
    assert data["description"] == "<p>Smallholder farms save water and diesel.</p>"
    assert data["trl"] == 8
    assert data["ip_status"] == "patented"
    assert data["patent_numbers"] == "WO2020123456"
    assert data["status"] == "published"
    assert data["rejection_reason"] is None


def test_expert_name_is_hidden_from_anonymous_callers(client, make_expert, member_key):
    expert = make_expert()

    anonymous = client.get(f"/api/v1/experts/{expert.pk}").json()
    member = client.get(f"/api/v1/experts/{expert.pk}", **bearer(member_key)).json()

    assert anonymous["full_name"] is None
    assert anonymous["excerpt"].startswith("Twelve years designing mini-grids")
    assert member["full_name"] == "Amina Otieno"


def test_need_detail_public_and_full(client, make_need, member_key):
    need = make_need(budget="Up to USD 50,000")

    anonymous = client.get(f"/api/v1/needs/{need.pk}").json()
    member = client.get(f"/api/v1/needs/{need.pk}", **bearer(member_key)).json()

    assert anonymous["country"]["code"] == "TZ"
    assert anonymous["budget"] is None
    assert member["budget"] == "Up to USD 50,000"


def test_drafts_answer_404_to_others_and_show_to_their_owner(client, make_technology, member, other_member,
                                                           make_key):
    draft = make_technology(status=Status.DRAFT)

    assert client.get(f"/api/v1/technologies/{draft.pk}").status_code == 404
    assert client.get(f"/api/v1/technologies/{draft.pk}", **bearer(make_key(other_member))).status_code == 404
    own = client.get(f"/api/v1/technologies/{draft.pk}", **bearer(make_key(member)))
    assert own.status_code == 200
    assert own.json()["status"] == "draft"


def test_mine_lists_own_drafts_only_and_needs_a_token(client, make_technology, member, other_member, make_key):
    mine = make_technology(title="My own draft pump", status=Status.DRAFT)
    make_technology(title="Somebody else's draft", owner=other_member, status=Status.DRAFT)

    assert client.get("/api/v1/me/technologies").status_code == 401
    response = client.get("/api/v1/me/technologies", **bearer(make_key(member)))

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [mine.pk]


def test_organisations_list_and_detail(client, organisation):
    listing = client.get("/api/v1/organisations").json()
    detail = client.get(f"/api/v1/organisations/{organisation.pk}").json()

    assert [item["slug"] for item in listing["items"]] == ["sunfield-energy"]
    assert detail["name"] == "Sunfield Energy"
    assert detail["country"]["code"] == "KE"
    assert client.get("/api/v1/organisations/999999").status_code == 404


def test_search_with_text_facets_and_counts(client, make_technology):
    kenyan = make_technology(title="Solar dryer for mangoes")
    make_technology(title="Solar cooker for schools", developed_in=Country.objects.get(code="IN"))
    make_technology(title="Wind pump for wells", summary="A wind-driven pump for deep wells.",
                    developed_in=Country.objects.get(code="IN"))

    response = client.get("/api/v1/search/technologies", {"q": "solar", "country": "KE"})

    assert response.status_code == 200
    data = response.json()
    assert data["total"] == 1
    assert [item["id"] for item in data["items"]] == [kenyan.pk]
    assert data["query"]["filters"] == {"country": ["KE"]}
    countries = {facet["name"]: facet for facet in data["facets"]}["country"]["options"]
    # Disjunctive counts: India still shows how many "solar" rows it would add.
    assert {option["value"]: option["count"] for option in countries} == {"KE": 1, "IN": 1}
    assert {"value": "newest", "label": "Newest"} in data["sorts"]


def test_search_several_values_of_one_facet_are_ored(client, make_technology):
    make_technology(title="Solar dryer for mangoes")
    make_technology(title="Solar cooker for schools", developed_in=Country.objects.get(code="IN"))

    data = client.get("/api/v1/search/technologies?country=KE&country=IN").json()

    assert data["total"] == 2


def test_search_never_finds_drafts(client, make_need):
    make_need(title="Draft need about desalination", status=Status.DRAFT)

    data = client.get("/api/v1/search/needs", {"q": "desalination"}).json()

    assert data["total"] == 0


def test_search_experts_and_organisations(client, make_expert, organisation):
    make_expert()
    organisation.is_partner = True
    organisation.save()
    Organisation.objects.create(name="Delta Water", org_type=Organisation.Type.NGO,
                                country=Country.objects.get(code="IN"))

    experts = client.get("/api/v1/search/experts", {"q": "mini-grids"}).json()
    partners = client.get("/api/v1/search/organisations", {"partner": "yes"}).json()

    assert experts["total"] == 1
    assert [item["slug"] for item in partners["items"]] == ["sunfield-energy"]


def test_search_modes_are_validated(client):
    for mode in ("keyword", "semantic", "hybrid"):
        assert client.get("/api/v1/search/needs", {"q": "water", "mode": mode}).status_code == 200
    assert client.get("/api/v1/search/needs").json()["query"]["mode"] == "hybrid"
    response = client.get("/api/v1/search/needs", {"mode": "fuzzy"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "mode"


def test_taxonomy_endpoints(client):
    fields = client.get("/api/v1/taxonomy/fields").json()
    y02e = next(node for node in fields if node["code"] == "Y02E")
    assert any(child["code"] == "Y02E10" for child in y02e["children"])

    sdgs = client.get("/api/v1/taxonomy/sdgs").json()
    assert [sdg["number"] for sdg in sdgs] == list(range(1, 18))

    countries = {row["code"]: row for row in client.get("/api/v1/taxonomy/countries").json()}
    assert countries["KE"]["region"]["name"] == "Africa"

    for path in ("regions", "benefits", "arrangements", "languages"):
        response = client.get(f"/api/v1/taxonomy/{path}")
        assert response.status_code == 200
        assert response.json(), path


def test_statistics_count_published_only(client, make_technology):
    make_technology()
    make_technology(status=Status.DRAFT)

    data = client.get("/api/v1/statistics").json()

    assert data["headline"]["technologies"] == 1
    assert data["countries"][0]["code"] == "KE"


def test_programme_statistics_need_the_permission(client, member_key, make_user, make_key):
    from django.contrib.auth.models import Permission

    manager = make_user()
    manager.user_permissions.add(Permission.objects.get(codename="view_statistics"))

    assert client.get("/api/v1/statistics/programme", **bearer(member_key)).status_code == 403
    response = client.get("/api/v1/statistics/programme", **bearer(make_key(manager)))
    assert response.status_code == 200
    assert response.json()["statuses"][0]["status"] == "draft"


def test_me_describes_the_token_owner(client, member_key, org_admin, make_key):
    assert client.get("/api/v1/me", **bearer(member_key)).json()["email"] == "member@example.org"
    organisations = client.get("/api/v1/me", **bearer(make_key(org_admin))).json()["organisations"]
    assert [org["slug"] for org in organisations] == ["sunfield-energy"]


def test_docs_are_served_without_a_cdn(client):
    response = client.get("/api/docs", follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/api/v1/docs"
    page = response.content.decode()
    assert "swagger" in page.lower()
    assert "cdn" not in page.lower()
    assert "https://" not in page
