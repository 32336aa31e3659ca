"""SDG and technology-field suggestions from a listing's text."""

import json
from pathlib import Path

import pytest

from verdex.matching import classify
from verdex.search.embeddings import MODELS

WATER = ("A community water purification unit that filters and disinfects river water with "
         "ultraviolet light, giving villages safe drinking water and reducing diarrhoea in children.")
SOLAR = ("Rooftop solar panels with a battery that supply clean, affordable electricity to homes "
         "that are not connected to the grid.")


def goals(text):
    return [goal for goal, _score in classify.suggest_sdgs(text)]


def test_a_water_purification_text_suggests_clean_water():
    assert 6 in goals(WATER)


def test_a_solar_power_text_suggests_clean_energy_and_not_clean_water():
    suggested = goals(SOLAR)
    assert 7 in suggested
    assert 6 not in suggested


def test_suggestions_are_ordered_best_first_and_blank_text_gets_none():
    scores = [score for _goal, score in classify.suggest_sdgs(WATER)]
    assert scores == sorted(scores, reverse=True)
    assert classify.suggest_sdgs("   ") == []


def test_scores_have_one_column_per_goal():
    assert classify.sdg_scores([WATER, SOLAR]).shape == (2, 17)


def test_shipped_thresholds_cover_every_goal_for_a_packaged_model():
    data = json.loads(classify.THRESHOLDS_FILE.read_text())
    assert data["model"] in MODELS
    assert sorted(int(goal) for goal in data["thresholds"]) == list(range(1, 18))


def test_the_runtime_classifier_does_not_depend_on_the_benchmark_package():
    source = Path(classify.__file__).read_text()
    assert "import sdgclassification" not in source and "from sdgclassification" not in source


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "code"), [
    ("Solar pump with drip lines that waters vegetable plots and saves water", "GI-AF-IRR"),
    ("A wind turbine that generates electricity for remote telecom towers", "GI-AEP-WND"),
    ("Treating sewage from towns before it reaches rivers", "Y02W10"),
])
def test_field_suggestions_include_the_obvious_field(text, code):
    suggested = [field.code for field, _score in classify.suggest_fields(text)]
    assert code in suggested


@pytest.mark.django_db
def test_field_suggestions_give_three_per_scheme_and_none_for_blank_text():
    suggestions = classify.suggest_fields("Recycling lithium batteries")
    schemes = [field.scheme for field, _score in suggestions]
    assert sorted(set(schemes)) == ["cpc", "gi"] and len(suggestions) == 6
    assert all(field.depth > 0 for field, _score in suggestions)
    assert classify.suggest_fields("") == []
