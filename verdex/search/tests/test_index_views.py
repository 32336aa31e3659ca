"""A search holds a view of the in-process indexes that a refresh on another thread leaves alone.

gunicorn runs each worker with several threads (gunicorn.conf.py): one thread
may refresh an index after a write while another is halfway through a query.
"""

import numpy as np
import pytest

from verdex.catalog.models import Status, Technology
from verdex.search import listing_index
from verdex.search.vector_index import VectorIndex


def _vectors(rows, dim=8, seed=0):
    vectors = np.random.default_rng(seed).standard_normal((rows, dim)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_a_vector_index_view_keeps_its_rows_while_the_index_grows():
    index = VectorIndex(8)
    index.upsert(np.array([5, 3], dtype=np.int64), _vectors(2))
    index.set_published([3, 5])
    view = index.view()
    query = _vectors(1, seed=1)[0]
    scores_before = view.scores(query)

    # Enough new rows to grow the matrix and re-sort the ids; one listing unpublished.
    index.upsert(np.arange(100, 400, dtype=np.int64), _vectors(300, seed=2))
    index.set_published([3])

    assert view.size == 2
    assert view.rows_for([3, 5, 100]).tolist() == [1, 0, -1]
    assert sorted(view.ids[view.published_rows].tolist()) == [3, 5]
    assert np.array_equal(view.scores(query), scores_before)
    assert index.size == 302 and index.rows_for([100]).tolist() == [2]


@pytest.mark.django_db
def test_a_listing_index_view_is_unchanged_by_a_refresh(make_technology):
    pumps = [make_technology(title=f"Solar pump {n}", trl=9) for n in range(3)]
    before = listing_index.get_index(Technology)
    published_before = sorted(before.ids_of(before.published_rows()).tolist())

    pumps[0].status = Status.DRAFT
    pumps[0].save()  # in this process: the next get_index reloads it
    make_technology(title="Wind pump", trl=4)
    after = listing_index.get_index(Technology)

    assert published_before == sorted(p.pk for p in pumps)
    assert sorted(before.ids_of(before.published_rows()).tolist()) == published_before
    assert before.counts("trl", before.published_rows()) == {"commercial": 3}
    assert pumps[0].pk not in after.ids_of(after.published_rows()).tolist()
    trl_after = after.counts("trl", after.published_rows())
    assert trl_after["commercial"] == 2 and sum(trl_after.values()) == 3
