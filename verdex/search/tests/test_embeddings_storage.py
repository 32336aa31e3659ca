"""Vectors are stored when a listing is saved, and only when its text changed."""

import numpy as np
import pytest
from django.contrib.contenttypes.models import ContentType

from verdex.catalog import services as catalog_services
from verdex.catalog.models import Technology
from verdex.search.embeddings import (
    E5_SMALL,
    MAX_DOCUMENT_CHARS,
    USE_MULTILINGUAL,
    get_embedder,
    listing_text,
)
from verdex.search.models import Embedding
from verdex.search.services import embed_listings

pytestmark = pytest.mark.django_db


def stored(listing):
    return Embedding.objects.get(
        content_type=ContentType.objects.get_for_model(listing), object_id=listing.pk,
        model_name=USE_MULTILINGUAL,
    )


@pytest.mark.parametrize("name", [USE_MULTILINGUAL, E5_SMALL])
def test_each_model_returns_normalised_float32_vectors(name):
    embedder = get_embedder(name)

    documents = embedder.embed_documents(["Solar pump for irrigation", "Biogas from manure"])
    query = embedder.embed_query("bomba solar")

    assert documents.shape == (2, embedder.dim)
    assert query.shape == (embedder.dim,)
    assert documents.dtype == query.dtype == np.float32
    assert np.allclose(np.linalg.norm(documents, axis=1), 1, atol=1e-4)
    assert float(documents[0] @ query) > float(documents[1] @ query)


def test_the_model_is_loaded_once_per_process():
    assert get_embedder(USE_MULTILINGUAL) is get_embedder(USE_MULTILINGUAL)


def test_text_joins_fields_without_html_and_is_cut(make_technology, member):
    technology = make_technology(
        title="Clay cooler", summary="Keeps food fresh.", description="<p>Two pots</p><ul><li>wet sand</li></ul>",
        benefits_other="Less food waste",
    )

    text = listing_text(technology)

    assert text.startswith("Clay cooler. Keeps food fresh. Two pots wet sand")
    assert "<" not in text
    assert "Less food waste" in text
    technology.description = "<p>" + "word " * 2000 + "</p>"
    assert len(listing_text(technology)) <= MAX_DOCUMENT_CHARS


def test_saving_a_listing_stores_its_vector(make_technology, committed):
    with committed():
        technology = make_technology(title="Clay cooler")

    vector = stored(technology).as_array()
    assert vector.shape == (512,)
    assert np.isclose(np.linalg.norm(vector), 1, atol=1e-4)


def test_resaving_unchanged_text_does_not_embed_again(make_technology, member, committed):
    with committed():
        technology = make_technology(title="Clay cooler")
    before = stored(technology)

    with committed():
        technology.trl = 5  # not part of the embedded text
        catalog_services.save_listing(listing=technology, by=member)

    after = stored(technology)
    assert after.updated_at == before.updated_at
    assert bytes(after.vector) == bytes(before.vector)
    assert embed_listings(model=Technology, listings=[technology]) == 0


def test_changing_the_text_embeds_again(make_technology, member, committed):
    with committed():
        technology = make_technology(title="Clay cooler")
    before = stored(technology)

    with committed():
        technology.summary = "A biogas digester for household kitchen waste."
        catalog_services.save_listing(listing=technology, by=member)

    after = stored(technology)
    assert after.text_hash != before.text_hash
    assert bytes(after.vector) != bytes(before.vector)
    assert Embedding.objects.filter(object_id=technology.pk).count() == 1


def test_needs_and_experts_are_embedded_too(make_need, make_expert, committed):
    with committed():
        need = make_need()
        expert = make_expert()

    assert stored(need).as_array().shape == (512,)
    assert stored(expert).as_array().shape == (512,)


def test_deleting_a_listing_deletes_its_vector(make_technology, committed):
    with committed():
        technology = make_technology(title="Clay cooler")
    stored(technology)

    Technology.objects.filter(pk=technology.pk).get().delete()

    assert not Embedding.objects.filter(object_id=technology.pk).exists()


def test_vectors_wait_for_the_commit(make_technology):
    # Without a commit (test transactions never commit) nothing is embedded:
    # the job must not run before the listing and its relations are saved.
    technology = make_technology(title="Clay cooler")

    assert not Embedding.objects.filter(object_id=technology.pk).exists()
