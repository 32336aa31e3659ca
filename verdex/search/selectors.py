"""Reads of stored vectors for other apps (matching): a listing's vector, and its nearest listings.

Callers never know which vector store runs; both functions work with the
search model of the settings.
"""

import numpy as np
from django.contrib.contenttypes.models import ContentType

from . import vector_index
from .embeddings import get_embedder
from .models import Embedding


def listing_vector(*, model, pk):
    """The stored vector of listing ``pk`` under the search model, or None if it has none yet."""
    embedder = get_embedder()
    stored = (
        Embedding.objects.filter(
            content_type=ContentType.objects.get_for_model(model), model_name=embedder.name, object_id=pk
        )
        .values_list("vector", flat=True)
        .first()
    )
    if stored is None or len(stored) != embedder.dim * 4:
        return None
    return np.frombuffer(bytes(stored), dtype=np.float32)


def nearest_published(*, model, vector, limit, exclude_ids=()):
    """The ``limit`` published listings of ``model`` most similar to ``vector``: [(pk, cosine)], best first."""
    index = vector_index.get_index(model, get_embedder())
    rows = index.published_rows
    if not len(rows):
        return []
    excluded = np.asarray(list(exclude_ids), dtype=np.int64)
    if len(excluded):
        rows = rows[~np.isin(index.ids[rows], excluded)]
    scores = index.scores(vector)[rows]
    if len(rows) > limit:
        best = np.argpartition(-scores, limit - 1)[:limit]
        rows, scores = rows[best], scores[best]
    order = np.lexsort((index.ids[rows], -scores))
    return [(int(pk), float(score)) for pk, score in zip(index.ids[rows[order]], scores[order], strict=True)]
