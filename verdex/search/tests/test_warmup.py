"""Workers load the in-process search indexes ahead of the first search."""

from pathlib import Path

import pytest
from django.db import connection

from verdex.catalog.models import Technology
from verdex.search import listing_index, term_index, vector_index, warmup

pytestmark = pytest.mark.django_db


def test_warm_loads_the_indexes_a_search_would(make_technology):
    technology = make_technology(title="Solar pump")
    listing_index.forget_all()

    warmup.warm()

    assert technology.pk in listing_index._entries[Technology].index.rows.ids
    loaded_vectors = {model for model, _ in vector_index._entries}
    assert (Technology in loaded_vectors) == (connection.vendor == "sqlite")  # pgvector needs none
    assert (term_index._holder.index is not None) == (connection.vendor == "sqlite")


def test_gunicorn_starts_the_warm_up_in_each_worker(monkeypatch):
    started = []
    monkeypatch.setattr(warmup, "warm_in_background", lambda: started.append(True))
    namespace = {}
    config = Path(__file__).resolve().parents[3] / "gunicorn.conf.py"
    exec(compile(config.read_text(), str(config), "exec"), namespace)  # noqa: S102 - our own config

    namespace["post_worker_init"](worker=None)

    assert started == [True]
