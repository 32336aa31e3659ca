"""The keyword index follows committed writes, from this process or another, and rebuilds swap atomically."""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from verdex.catalog.models import Status, Technology
from verdex.catalog.services import transition
from verdex.search import keyword_index
from verdex.search.engine import search
from verdex.search.query import KEYWORD, SearchQuery

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the tantivy index is the SQLite default's"),
]

REPOSITORY = Path(__file__).resolve().parents[3]


def found(text):
    return keyword_index.search("technology", text.split())[0].tolist()


def test_a_write_committed_by_another_process_is_seen_by_the_next_query(make_technology, settings):
    turbine = make_technology(title="Tidal turbine")
    assert found("tidal") == [turbine.pk]  # this process has the index open
    assert found("wave") == []

    # Another process (a job worker, say) rewrites the listing's document and commits.
    snippet = (
        "import django; django.setup()\n"
        "from verdex.search import keyword_index\n"
        f"keyword_index.write('technology', [keyword_index.ListingDocument(id={turbine.pk}, "
        "title='Wave energy converter', body='Buoys on the swell.')])\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "verdex.settings",
           "SEARCH_INDEX_DIR": str(settings.SEARCH_INDEX_DIR)}
    subprocess.run([sys.executable, "-c", snippet], cwd=REPOSITORY, env=env, check=True, timeout=120)

    assert found("wave") == [turbine.pk]
    assert found("tidal") == []
    results = search(SearchQuery(kind="technology", text="swell buoys", mode=KEYWORD), None)
    assert [item.pk for item in results.items] == [turbine.pk]


@pytest.mark.keyword_jobs_on_commit
def test_the_index_is_written_on_commit_only(make_technology, moderator, committed):
    with committed():
        turbine = make_technology(title="Tidal turbine")
    assert found("tidal") == [turbine.pk]

    transition(listing=turbine, action="unpublish", by=moderator, reason="Out of date.")
    # Not committed yet: the index still holds it, but the search shows it no more
    # (the listing index knows at once that it is unpublished).
    assert found("tidal") == [turbine.pk]
    assert search(SearchQuery(kind="technology", text="tidal", mode=KEYWORD), None).total == 0

    with committed():
        Technology.objects.get(pk=turbine.pk).save()  # any later write: the job re-reads the row
    assert found("tidal") == []


def test_unpublishing_and_deleting_remove_the_listing(make_technology, moderator):
    turbine = make_technology(title="Tidal turbine")
    barrage = make_technology(title="Tidal barrage")
    assert found("tidal") == sorted([turbine.pk, barrage.pk])

    transition(listing=turbine, action="unpublish", by=moderator, reason="Out of date.")
    assert found("tidal") == [barrage.pk]

    barrage_pk = barrage.pk
    barrage.delete()
    assert found("tidal") == []
    assert not Technology.objects.filter(pk=barrage_pk).exists()


def test_an_edit_replaces_the_old_text(make_technology):
    turbine = make_technology(title="Tidal turbine")
    turbine.title = "Wave energy converter"
    turbine.save()  # e.g. a moderator's correction in the admin: still published

    assert found("tidal") == []
    assert found("wave") == [turbine.pk]


def test_a_missing_index_is_built_on_the_first_query(make_technology, settings):
    import shutil

    turbine = make_technology(title="Tidal turbine")
    shutil.rmtree(settings.SEARCH_INDEX_DIR)
    keyword_index.forget()

    assert found("tidal") == [turbine.pk]
    assert keyword_index.exists("technology")


def test_rebuild_command_swaps_in_a_fresh_generation(make_technology, settings, capsys):
    turbine = make_technology(title="Tidal turbine")
    # A change the index never heard of (no signal): only a rebuild picks it up.
    Technology.objects.filter(pk=turbine.pk).update(title="Wave energy converter")
    assert found("wave") == []

    call_command("rebuild_search_index", "--kind", "technology")
    assert found("wave") == [turbine.pk]
    call_command("rebuild_search_index")
    call_command("rebuild_search_index", "--kind", "technology")

    root = Path(settings.SEARCH_INDEX_DIR)
    generations = sorted(path.name for path in root.iterdir() if path.name.startswith("technology."))
    assert len(generations) == 2  # the current one and the previous, for readers still on it
    assert os.readlink(root / "technology") == generations[-1]
    assert "Technologies: indexed 1 published" in capsys.readouterr().out


def test_readers_keep_a_consistent_index_while_it_is_rebuilt(make_technology):
    listings = [make_technology(title=f"Tidal turbine {n}") for n in range(30)]
    expected = sorted(listing.pk for listing in listings)
    held = keyword_index.searcher("technology")  # a query in flight on the old generation
    errors, results = [], []
    stop = threading.Event()

    def read():
        # The engine's reads run in request threads; this one only touches the index.
        try:
            while not stop.is_set():
                results.append(found("tidal turbine"))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for _ in range(3):
            keyword_index.rebuild("technology", progress=False)
    finally:
        stop.set()
        reader.join()

    assert not errors
    assert results and all(result == expected for result in results)
    # The searcher taken before the rebuilds still answers from its own files.
    from tantivy import Query

    assert held.search(Query.all_query(), limit=100).count == 30
    assert Technology.objects.filter(status=Status.PUBLISHED).count() == 30
