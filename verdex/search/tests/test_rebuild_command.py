"""manage.py rebuild_embeddings embeds what changed, per model and kind."""

import pytest
from django.core.management import CommandError, call_command

from verdex.search.embeddings import E5_SMALL, USE_MULTILINGUAL
from verdex.search.engine import search
from verdex.search.models import Embedding
from verdex.search.query import KEYWORD, SEMANTIC, SearchQuery

pytestmark = pytest.mark.django_db


@pytest.fixture
def listings(make_technology, make_need, make_expert):
    # Created without committing, so no vector was stored when they were saved.
    return [
        make_technology(title="Household biogas digester", summary="Kitchen waste into cooking gas."),
        make_technology(title="Evaporative clay cooler", summary="Keeps vegetables fresh without power."),
        make_need(),
        make_expert(),
    ]


def rebuild(*args):
    call_command("rebuild_embeddings", *args, verbosity=0)


def test_rebuild_embeds_every_listing_and_search_uses_them(listings):
    assert search(SearchQuery(kind="technology", text="food scraps to fuel", mode=SEMANTIC), None).mode_used \
        == KEYWORD

    rebuild()

    assert Embedding.objects.filter(model_name=USE_MULTILINGUAL).count() == 4
    results = search(SearchQuery(kind="technology", text="food scraps to fuel", mode=SEMANTIC), None)
    assert results.mode_used == SEMANTIC
    assert results.items[0] == listings[0]


def test_second_rebuild_skips_unchanged_texts(listings, capsys):
    rebuild()
    first = dict(Embedding.objects.values_list("object_id", "updated_at"))

    call_command("rebuild_embeddings", "--kind", "technology", "--batch", "1")

    output = capsys.readouterr().out
    assert "embedded 0, unchanged 2" in output
    assert dict(Embedding.objects.values_list("object_id", "updated_at")) == first


def test_force_embeds_again(listings, capsys):
    rebuild("--kind", "need")

    call_command("rebuild_embeddings", "--kind", "need", "--force")

    assert "embedded 1, unchanged 0" in capsys.readouterr().out


def test_kind_limits_what_is_embedded(listings):
    rebuild("--kind", "need", "--kind", "expert")

    assert Embedding.objects.count() == 2


def test_another_model_gets_its_own_vectors(listings):
    rebuild("--kind", "expert")
    rebuild("--kind", "expert", "--model", E5_SMALL)

    assert sorted(Embedding.objects.values_list("model_name", flat=True)) == [E5_SMALL, USE_MULTILINGUAL]


def test_search_follows_the_model_setting(listings, settings):
    rebuild("--kind", "technology", "--model", E5_SMALL)
    text = "kitchen waste into cooking gas"

    settings.SEARCH_EMBEDDING_MODEL = USE_MULTILINGUAL
    assert search(SearchQuery(kind="technology", text=text, mode=SEMANTIC), None).mode_used == KEYWORD

    settings.SEARCH_EMBEDDING_MODEL = E5_SMALL
    results = search(SearchQuery(kind="technology", text=text, mode=SEMANTIC), None)
    assert results.mode_used == SEMANTIC
    assert results.items[0] == listings[0]


@pytest.mark.parametrize("args", [["--batch", "0"], ["--kind", "spaceship"], ["--model", "gpt"]])
def test_bad_arguments_are_refused(db, args):
    with pytest.raises(CommandError):
        rebuild(*args)
