"""Query vectors are remembered: the pages, facet clicks and sorts of one search embed its text once."""

import numpy as np
import pytest

from verdex.search.embeddings import get_embedder


def test_the_same_text_is_embedded_once_and_shared_read_only():
    embedder = get_embedder()
    first = embedder.embed_query("solar water pump for smallholder farms")

    again = embedder.embed_query("  solar water pump   for smallholder farms ")  # the same text once spaced

    assert again is first
    assert not first.flags.writeable
    with pytest.raises(ValueError):
        first[0] = 1.0
    assert np.isclose(np.linalg.norm(first), 1.0)


def test_other_texts_get_their_own_vector_and_old_ones_make_room(monkeypatch):
    embedder = get_embedder()
    monkeypatch.setattr(embedder, "QUERY_CACHE_SIZE", 2)
    pump = embedder.embed_query("water pump")
    embedder.embed_query("biogas digester")
    embedder.embed_query("cement kiln heat recovery")  # the third pushes the oldest out

    assert len(embedder._queries) <= 2
    recomputed = embedder.embed_query("water pump")
    assert recomputed is not pump
    assert np.allclose(recomputed, pump)
    assert not np.allclose(embedder.embed_query("biogas digester"), pump)
