"""Reads of stored vectors for other apps (matching): a listing's vector, and its nearest listings.

Callers never know which vector store runs (pgvector on PostgreSQL, the
in-process index elsewhere: vector_store.py); both functions work with the
search model of the settings.
"""

import numpy as np
from django.contrib.contenttypes.models import ContentType

from . import vector_store
from .embeddings import get_embedder
from .models import Embedding


def listing_vector(*, model, pk):
    """The stored vector of listing ``pk`` under the search model, or None if it has none yet."""
    # The float32 bytes are the copy every database has (pgvector's column is generated from them).
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
    store = vector_store.get_store(model, get_embedder())
    return store.query(vector).nearest(limit=limit, exclude_ids=exclude_ids)
