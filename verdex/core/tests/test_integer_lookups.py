"""Numbers no column can hold are refused with a form error, never an OverflowError (HTTP 500)."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, strategies
from hypothesis import settings as hypothesis_settings

from verdex.catalog.forms import ExpertForm, NeedForm, TechnologyForm
from verdex.taxonomy.models import SDG, TechnologyField

pytestmark = pytest.mark.django_db

HUGE = 18315845946671867904  # the number an outside probe sent; over 2**63


def test_in_lookup_ignores_numbers_out_of_the_columns_range():
    seven = SDG.objects.get(number=7)

    assert list(SDG.objects.filter(number__in=[HUGE])) == []
    assert list(SDG.objects.filter(number__in=[7, HUGE, -HUGE])) == [seven]
    assert list(TechnologyField.objects.filter(pk__in=[2**64])) == []


@pytest.mark.parametrize("form_class", [TechnologyForm, NeedForm, ExpertForm])
@pytest.mark.parametrize("field", ["sdgs", "fields"])
def test_listing_forms_refuse_a_huge_choice(form_class, field, member):
    form = form_class(data={"title": "Solar water pump", field: [str(HUGE)]}, user=member)

    assert not form.is_valid()
    assert "not one of the available choices" in form.errors[field][0]


@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(number=strategies.one_of(strategies.integers(min_value=2**63), strategies.integers(max_value=-(2**63) - 1)))
def test_any_out_of_range_sdg_is_a_form_error(number, member):
    form = TechnologyForm(data={"title": "Solar water pump", "sdgs": [str(number)]}, user=member)

    assert not form.is_valid() and "sdgs" in form.errors


def test_the_technology_page_answers_a_form_error(client, member):
    client.force_login(member)

    response = client.post(reverse("catalog:technology_create"), {
        "title": "Solar water pump", "summary": "Pumps water with sunlight.", "sdgs": [str(HUGE)],
        "fields": ["99999999999999999999"], "developed_in": "99999999999999999999",
    })

    assert response.status_code == 200
    form = response.context["form"]
    assert {"sdgs", "fields", "developed_in"} <= set(form.errors)
