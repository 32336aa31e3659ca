"""Stored sentence embeddings of listings, one row per listing and model."""

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Embedding(models.Model):
    """The vector of one listing under one model, and a hash of the text it came from.

    The hash lets a re-save or a rebuild skip listings whose text has not
    changed. Vectors are L2-normalised float32 bytes, the portable copy: on
    SQLite the in-process index (vector_index.py) loads them per kind and
    model; on PostgreSQL the database derives a pgvector column from them
    (migration 0002, read by pgvector_store.py).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    model_name = models.CharField(max_length=64)
    vector = models.BinaryField()
    text_hash = models.CharField(max_length=64)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            # Each process's vector index checks "how many vectors, last written when"
            # every few seconds; this index answers it without reading the vectors.
            models.Index(fields=["content_type", "model_name", "updated_at"], name="embedding_freshness"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "model_name", "object_id"], name="unique_embedding"
            )
        ]

    def __str__(self):
        return f"{self.model_name} vector of {self.content_type.model} {self.object_id}"

    def as_array(self):
        return np.frombuffer(bytes(self.vector), dtype=np.float32)


class StoredQueryText(models.Model):
    """A search text too long for a URL, kept under a hash of its content.

    The search form posts such a text; the results page is then the short
    address ``?qref=<key>``, which paginates, filters, exports and bookmarks
    like ``?q=``. One row per distinct text, shared by everyone who searched it.
    """

    key = models.CharField(primary_key=True, max_length=32)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.key
