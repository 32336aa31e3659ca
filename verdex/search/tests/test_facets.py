import pytest

from verdex.catalog.models import Expert, Source, Status, Technology
from verdex.organisations.models import Organisation
from verdex.search.engine import search
from verdex.search.query import SearchQuery
from verdex.taxonomy.models import SDG, Arrangement, Country, Language

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(make_technology, org_admin, organisation):
    """Six published technologies spread over the facets, plus two unpublished ones."""
    country = Country.objects.get
    solar = make_technology(title="Solar pump", fields=("Y02E10",), trl=9)
    wind = make_technology(title="Wind pump", fields=("Y02E",), trl=5, developed_in=country(code="DE"),
                           ip_status=Technology.IPStatus.OPEN, record_type=Technology.RecordType.PROCESS)
    water = make_technology(title="Rain tank", fields=("Y02A20",), trl=2, developed_in=country(code="TZ"),
                            ip_status=Technology.IPStatus.PENDING)
    both = make_technology(title="Solar still", fields=("Y02A20", "Y02E10"), trl=7,
                           developed_in=country(code="BR"), source=Source.PARTNER)
    owned = make_technology(title="Company dryer", owner=org_admin, organisation=organisation,
                            fields=("Y02E10",), trl=8)
    plain = make_technology(title="Clay cooler", fields=(), trl=3, developed_in=country(code="DE"))
    make_technology(title="Draft kiln", status=Status.DRAFT, fields=("Y02E10",), developed_in=country(code="FR"))
    make_technology(title="Submitted kiln", status=Status.SUBMITTED, fields=("Y02A20",),
                    developed_in=country(code="FR"))
    licence, sale = Arrangement.objects.order_by("slug")[:2]
    solar.availability.set([licence, sale])
    wind.availability.set([licence])
    solar.sdgs.set(SDG.objects.filter(number__in=[6, 7]))
    both.sdgs.set(SDG.objects.filter(number__in=[7]))
    return {"solar": solar, "wind": wind, "water": water, "both": both, "owned": owned, "plain": plain,
            "licence": licence, "sale": sale}


def run(kind="technology", **filters):
    return search(SearchQuery(kind=kind, filters=filters), None)


def pks(results):
    return {item.pk for item in results.items}


def options(results, facet):
    return {option.value: option.count for option in results.facets[facet]}


# ORM lookup that each technology facet counts, for checking counts independently.
TECHNOLOGY_LOOKUPS = {
    "field": "fields__root__code",
    "country": "developed_in",
    "region": "developed_in__region__code",
    "trl": "trl_group",
    "availability": "availability__slug",
    "ip": "ip_status",
    "record_type": "record_type",
    "source": "source",
    "org_type": "organisation__org_type",
    "sdg": "sdgs__number",
}


def test_each_facet_count_equals_orm_count_of_published_rows(catalogue):
    results = run()

    assert set(results.facets) == set(TECHNOLOGY_LOOKUPS) | {"confirmed"}  # confirmed: test_confirmed_facet.py
    published = Technology.objects.filter(status=Status.PUBLISHED)
    for facet, lookup in TECHNOLOGY_LOOKUPS.items():
        assert results.facets[facet], facet
        for option in results.facets[facet]:
            expected = published.filter(**{lookup: option.value}).distinct().count()
            assert option.count == expected, (facet, option)
        values = set(published.exclude(**{f"{lookup}__isnull": True}).values_list(lookup, flat=True))
        assert {option.value for option in results.facets[facet]} == {str(v) for v in values}, facet


def test_drafts_and_submitted_are_not_counted(catalogue):
    results = run()

    assert "FR" not in options(results, "country")
    assert options(results, "field") == {"Y02E": 4, "Y02A": 2}
    assert results.total == 6


def test_counts_cover_the_whole_matched_set_not_the_page(catalogue):
    results = search(SearchQuery(kind="technology", per_page=1), None)

    assert len(results.items) == 1
    assert sum(options(results, "trl").values()) == 6


def test_field_filter_includes_child_fields(catalogue):
    results = run(field=["Y02E"])

    expected = {catalogue[name].pk for name in ("solar", "wind", "both", "owned")}
    assert pks(results) == expected
    assert pks(results) == set(
        Technology.objects.published().filter(fields__root__code="Y02E").values_list("pk", flat=True)
    )


def test_child_field_codes_are_not_facet_values(catalogue):
    results = run(field=["Y02E10"])

    assert results.query.filters == {}
    assert results.total == 6


@pytest.mark.parametrize(
    "facet, values, expected",
    [
        ("country", ["DE"], {"wind", "plain"}),
        ("country", ["DE", "TZ"], {"wind", "plain", "water"}),
        ("region", ["150"], {"wind", "plain"}),  # Europe
        ("region", ["019"], {"both"}),  # Americas
        ("trl", ["commercial"], {"solar"}),
        ("trl", ["research", "development"], {"water", "wind", "plain"}),
        ("ip", ["open"], {"wind"}),
        ("ip", ["pending"], {"water"}),
        ("record_type", ["process"], {"wind"}),
        ("source", ["partner"], {"both"}),
        ("org_type", ["sme"], {"owned"}),
        ("sdg", ["7"], {"solar", "both"}),
        ("sdg", ["6"], {"solar"}),
    ],
)
def test_each_filter_narrows(catalogue, facet, values, expected):
    results = run(**{facet: values})

    assert pks(results) == {catalogue[name].pk for name in expected}
    assert results.total == len(expected)


def test_availability_filter(catalogue):
    assert pks(run(availability=[catalogue["licence"].slug])) == {catalogue["solar"].pk, catalogue["wind"].pk}
    assert pks(run(availability=[catalogue["sale"].slug])) == {catalogue["solar"].pk}


def test_filters_on_different_facets_combine_with_and(catalogue):
    results = run(field=["Y02E"], country=["KE"])

    assert pks(results) == {catalogue["solar"].pk, catalogue["owned"].pk}


def test_filters_apply_inside_keyword_search(catalogue):
    # Every catalogue summary mentions a pump; only two listings come from Germany.
    results = search(SearchQuery(kind="technology", text="pump", filters={"country": ["DE"]}), None)
    nothing = search(SearchQuery(kind="technology", text="clay", filters={"country": ["KE"]}), None)

    assert pks(results) == {catalogue["wind"].pk, catalogue["plain"].pk}
    assert results.total == 2
    assert options(results, "country") == {"KE": 2, "DE": 2, "TZ": 1, "BR": 1}
    assert options(results, "ip") == {"open": 1, "patented": 1}
    assert nothing.total == 0 and nothing.items == []


def test_facet_counts_are_disjunctive(catalogue):
    results = run(country=["DE"])

    # Its own facet ignores its own selection, so other countries still show what they would add.
    assert options(results, "country") == {"KE": 2, "DE": 2, "TZ": 1, "BR": 1}
    country_de = [option for option in results.facets["country"] if option.value == "DE"][0]
    assert country_de.selected and country_de.label == "Germany"
    # Other facets count only the rows the selection keeps.
    assert options(results, "trl") == {"development": 1, "research": 1}
    published_de = Technology.objects.published().filter(developed_in="DE")
    for option in results.facets["ip"]:
        assert option.count == published_de.filter(ip_status=option.value).count()


def test_selected_value_without_rows_stays_visible(catalogue):
    results = run(country=["DE"], trl=["commercial"])

    assert results.total == 0
    trl = {option.value: option for option in results.facets["trl"]}
    assert trl["commercial"].selected and trl["commercial"].count == 0
    country = {option.value: option for option in results.facets["country"]}
    assert country["DE"].selected and country["DE"].count == 0


def test_unknown_facets_and_bad_values_are_ignored(catalogue):
    results = run(colour=["green"], country=["XX", "DE", "'; DROP TABLE x;--"], trl=["ancient"],
                  sdg=["abc", "-1", "99999999999999999999999", "7"], field=["Y02E" * 20])

    assert results.query.filters == {"country": ["DE"], "sdg": ["7"]}
    assert results.total == 0  # no German technology serves SDG 7


def test_region_facet_accepts_only_un_regions(catalogue):
    results = run(region=["LDC"])

    assert results.query.filters == {}


def test_need_facets(make_need):
    kenya_need = make_need(title="Kenya need", country=Country.objects.get(code="KE"),
                           desired_trl_group="commercial")
    tz_need = make_need(title="Tanzania need", fields=("Y02E10",))
    make_need(title="Draft need", status=Status.DRAFT, desired_trl_group="commercial")
    arrangement = Arrangement.objects.first()
    tz_need.desired_arrangements.set([arrangement])

    results = search(SearchQuery(kind="need"), None)

    assert set(results.facets) == {"field", "country", "region", "trl", "arrangement", "source", "org_type", "sdg",
                                   "confirmed"}
    assert options(results, "country") == {"KE": 1, "TZ": 1}
    assert options(results, "trl") == {"commercial": 1}
    assert options(results, "field") == {"Y02A": 1, "Y02E": 1}
    assert pks(search(SearchQuery(kind="need", filters={"trl": ["commercial"]}), None)) == {kenya_need.pk}
    assert pks(search(SearchQuery(kind="need", filters={"arrangement": [arrangement.slug]}), None)) == {tz_need.pk}
    assert pks(search(SearchQuery(kind="need", filters={"region": ["002"]}), None)) == {kenya_need.pk, tz_need.pk}


def test_expert_facets(make_expert):
    speaks = make_expert(full_name="Ana", availability=Expert.Availability.PRO_BONO)
    other = make_expert(full_name="Ben", country=Country.objects.get(code="IN"))
    speaks.languages.set(Language.objects.filter(code__in=["sw", "en"]))
    other.languages.set(Language.objects.filter(code="en"))

    results = search(SearchQuery(kind="expert"), None)

    assert set(results.facets) == {"field", "country", "region", "availability", "language", "sdg", "confirmed"}
    assert options(results, "language") == {"en": 2, "sw": 1}
    assert options(results, "availability") == {"pro_bono": 1, "both": 1}
    assert pks(search(SearchQuery(kind="expert", filters={"language": ["sw"]}), None)) == {speaks.pk}
    assert pks(search(SearchQuery(kind="expert", filters={"availability": ["pro_bono"]}), None)) == {speaks.pk}
    assert pks(search(SearchQuery(kind="expert", filters={"country": ["IN"]}), None)) == {other.pk}


def test_organisation_facets(db):
    kenya, germany = Country.objects.get(code="KE"), Country.objects.get(code="DE")
    partner = Organisation.objects.create(name="Partner", org_type="ngo", country=kenya, is_partner=True)
    sme = Organisation.objects.create(name="Plain SME", org_type="sme", country=germany)

    results = search(SearchQuery(kind="organisation"), None)

    assert options(results, "partner") == {"yes": 1, "no": 1}
    assert options(results, "org_type") == {"ngo": 1, "sme": 1}
    assert options(results, "region") == {"002": 1, "150": 1}
    assert pks(search(SearchQuery(kind="organisation", filters={"partner": ["yes"]}), None)) == {partner.pk}
    assert pks(search(SearchQuery(kind="organisation", filters={"partner": ["no"]}), None)) == {sme.pk}
    assert pks(search(SearchQuery(kind="organisation", filters={"country": ["DE"]}), None)) == {sme.pk}
    assert pks(search(SearchQuery(kind="organisation", filters={"org_type": ["ngo"]}), None)) == {partner.pk}
