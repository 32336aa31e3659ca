"""Writing embeddings: one listing after a save, or many in a rebuild."""

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from . import vector_index
from .embeddings import get_embedder, listing_text, text_hash
from .models import Embedding


def embed_listings(*, model, listings, model_name=None, force=False):
    """Store vectors for ``listings`` (instances of ``model``) whose text changed.

    Returns how many were embedded; listings whose stored vector came from the
    same text are skipped unless ``force``. Technologies should come with
    their benefits prefetched.
    """
    embedder = get_embedder(model_name)
    content_type = ContentType.objects.get_for_model(model)
    texts = {listing.pk: listing_text(listing) for listing in listings}
    hashes = {pk: text_hash(text) for pk, text in texts.items()}
    stored = dict(
        Embedding.objects.filter(
            content_type=content_type, model_name=embedder.name, object_id__in=list(texts)
        ).values_list("object_id", "text_hash")
    )
    stale = [pk for pk in texts if force or stored.get(pk) != hashes[pk]]
    if not stale:
        return 0
    vectors = embedder.embed_documents([texts[pk] for pk in stale]).astype(np.float32)
    rows = [
        Embedding(content_type=content_type, object_id=pk, model_name=embedder.name,
                  vector=vector.tobytes(), text_hash=hashes[pk])
        for pk, vector in zip(stale, vectors, strict=True)
    ]
    with transaction.atomic():
        Embedding.objects.bulk_create(
            rows, update_conflicts=True,
            unique_fields=["content_type", "model_name", "object_id"],
            update_fields=["vector", "text_hash", "updated_at"],
        )
    vector_index.invalidate(model)
    return len(stale)


def embed_listing(*, model, pk, model_name=None):
    """Embed one listing by id if it still exists; returns 1 if a vector was written."""
    queryset = model.objects.filter(pk=pk)
    if model.kind == "technology":
        queryset = queryset.prefetch_related("benefits")
    listing = queryset.first()
    if listing is None:
        return 0
    return embed_listings(model=model, listings=[listing], model_name=model_name)


def delete_embeddings(*, model, pk):
    Embedding.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id=pk).delete()
    vector_index.invalidate(model)
