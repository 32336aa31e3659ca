"""Ranking and explanations of suggested matches, on embedded listings."""

from verdex.catalog.models import Status
from verdex.matching import engine, explain
from verdex.matching.models import Match
from verdex.matching.selectors import matches_for
from verdex.search.models import Embedding
from verdex.taxonomy.models import Country, Region


def _technologies(need):
    return [shown.listing for shown in matches_for(need)["technology"]]


def test_reasons_name_the_shared_phrase_field_maturity_country_and_similarity(irrigation):
    need, drip = irrigation["need"], irrigation["drip"]

    reasons = Match.objects.get(need=need, technology=drip).reasons

    assert reasons["phrases"][0] == "drip irrigation"
    # The pair is shown, not its words again.
    assert "drip" not in reasons["phrases"] and "irrigation" not in reasons["phrases"]
    assert {"code": "Y02A40", "name": "Adaptation in agriculture, forestry, livestock and food production",
            "match": "exact"} in reasons["fields"]
    assert reasons["maturity"]["group"] == "demonstration"
    assert reasons["country"] == {"code": "TZ", "name": "Tanzania", "how": "available"}
    assert 0 < reasons["similarity"] <= 1
    lines = explain.reason_lines(reasons)
    assert lines[0].startswith("Both mention “drip irrigation”")
    assert "Available in Tanzania, where the need is" in lines
    assert any(line.startswith("Same technology field:") for line in lines)


def test_stop_words_and_common_words_are_never_reasons(irrigation):
    for match in Match.objects.all():
        for phrase in match.reasons["phrases"]:
            assert not set(phrase.split()) & explain.EXPLANATION_STOP_WORDS, phrase


def test_the_relevant_technology_ranks_above_unrelated_ones(irrigation):
    ranked = _technologies(irrigation["need"])

    assert ranked[0] == irrigation["drip"]
    assert irrigation["biogas"] not in ranked[:1] and irrigation["turbine"] not in ranked[:1]
    assert [shown.listing for shown in matches_for(irrigation["drip"])["need"]] == [irrigation["need"]]


def test_broad_field_and_region_are_named_when_nothing_closer_is_shared(irrigation, make_need, committed):
    with committed():
        irrigation["drip"].available_regions.add(Region.objects.get(code="014"))
        need = make_need(
            title="Drip irrigation for school gardens",
            description="<p>School gardens need drip irrigation to grow vegetables.</p>",
            fields=("Y02A20",), country=Country.objects.get(code="KE"),
        )

    reasons = Match.objects.get(need=need, technology=irrigation["drip"]).reasons

    assert reasons["fields"] == [{"code": "Y02A", "name": "Adaptation to climate change", "match": "root"}]
    assert reasons["country"] == {"code": "KE", "name": "Kenya", "how": "region", "region": "Eastern Africa"}
    assert reasons["maturity"] is None  # this need asks for no particular maturity
    assert "Available in Eastern Africa, which includes Kenya" in explain.reason_lines(reasons)


def test_only_published_listings_are_suggested(irrigation, make_technology, other_member, committed):
    with committed():
        draft = make_technology(owner=other_member, title="Drip irrigation tape, draft", status=Status.DRAFT,
                                fields=("Y02A40",))
        submitted = make_technology(owner=other_member, title="Drip irrigation pump under review",
                                    status=Status.SUBMITTED, fields=("Y02A40",))

    suggested = {suggestion.listing.pk for suggestion in engine.rank(irrigation["need"], "technology")}
    assert irrigation["drip"].pk in suggested
    assert draft.pk not in suggested and submitted.pk not in suggested
    assert not Match.objects.filter(technology__in=[draft, submitted]).exists()


def test_a_listing_without_a_vector_is_matched_by_keywords(irrigation):
    need = irrigation["need"]
    Embedding.objects.filter(object_id=need.pk, content_type__model="need").delete()

    suggestions = engine.rank(need, "technology")

    assert suggestions[0].listing == irrigation["drip"]
    assert suggestions[0].reasons["similarity"] is None
