"""The synthetic generator: counts, searchability, idempotence and --clear."""

import pytest
from django.core.management import CommandError, call_command
from modelsearch.models import IndexEntry

from verdex.catalog.models import Expert, Need, Source, Status, Technology

pytestmark = pytest.mark.django_db


def synthetic(model):
    return model.objects.filter(source=Source.PARTNER, external_id__startswith="synthetic-")


def test_generates_published_searchable_rows_and_clears_them():
    call_command("generate_demo", technologies=200, needs=20, experts=10, batch=64, verbosity=0)
    assert synthetic(Technology).count() == 200
    assert synthetic(Technology).filter(status=Status.PUBLISHED).count() == 200
    assert synthetic(Need).count() == 20 and synthetic(Expert).count() == 10
    assert len(set(synthetic(Technology).values_list("external_id", flat=True))) == 200
    technology = synthetic(Technology).get(external_id="synthetic-1")
    assert technology.fields.exists() and technology.available_in.exists()
    assert technology.trl_group

    word = technology.title.split()[-1]
    found = Technology.objects.filter(status="published", source="partner").search(word)
    assert technology in list(found)
    assert IndexEntry.objects.count() == 230

    call_command("generate_demo", clear=True, verbosity=0)
    assert not synthetic(Technology).exists()
    assert not synthetic(Need).exists() and not synthetic(Expert).exists()
    assert IndexEntry.objects.count() == 0


def test_running_again_only_adds_missing_ids():
    call_command("generate_demo", technologies=30, verbosity=0)
    first = dict(synthetic(Technology).values_list("external_id", "title"))
    call_command("generate_demo", technologies=50, batch=7, verbosity=0)
    assert synthetic(Technology).count() == 50
    again = dict(synthetic(Technology).values_list("external_id", "title"))
    assert {key: again[key] for key in first} == first


def test_no_index_skips_the_search_index():
    call_command("generate_demo", technologies=20, no_index=True, verbosity=0)
    assert synthetic(Technology).count() == 20
    assert IndexEntry.objects.count() == 0


def test_clear_keeps_other_listings(make_technology):
    own = make_technology(title="Biogas digester for a school kitchen")
    call_command("generate_demo", technologies=10, verbosity=0)
    call_command("generate_demo", clear=True, verbosity=0)
    assert Technology.objects.filter(pk=own.pk).exists()
    assert list(Technology.objects.filter(status="published").search("school kitchen")) == [own]


@pytest.mark.parametrize("arguments", [[], ["--technologies", "-5"], ["--technologies", "5", "--batch", "0"]])
def test_bad_arguments_are_refused(arguments):
    with pytest.raises(CommandError):
        call_command("generate_demo", *arguments, verbosity=0)
