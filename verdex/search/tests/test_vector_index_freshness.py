"""Other processes' writes reach this process's vector index: changes at once, deletions by count."""

import numpy as np
import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from verdex.catalog.models import Status, Technology
from verdex.search import vector_index
from verdex.search.embeddings import get_embedder
from verdex.search.models import Embedding

pytestmark = pytest.mark.django_db


def _published_ids(index):
    return set(index.ids[index.published_rows].tolist())


def test_a_vector_written_elsewhere_is_seen_at_the_next_check(catalogue, monkeypatch):
    embedder = get_embedder()
    index = vector_index.get_index(Technology, embedder)
    drip = catalogue["drip"]
    replacement = np.zeros(embedder.dim, dtype=np.float32)
    replacement[0] = 1.0
    monkeypatch.setattr(vector_index, "CHECK_INTERVAL", 0.0)
    monkeypatch.setattr(vector_index, "COUNT_INTERVAL", 1e9)

    # As another process would: a plain UPDATE, no signal, no invalidate() here.
    Embedding.objects.filter(
        content_type=ContentType.objects.get_for_model(Technology), object_id=drip.pk
    ).update(vector=replacement.tobytes(), updated_at=timezone.now())

    index = vector_index.get_index(Technology, embedder)
    assert np.allclose(index.vectors()[index.rows_for([drip.pk])[0]], replacement, atol=0.005)


def test_new_vectors_written_elsewhere_join_the_published_set_only_for_published_listings(
        catalogue, monkeypatch, make_technology):
    """Only vectors changed: the published set grows by their published listings, no full re-read."""
    embedder = get_embedder()
    monkeypatch.setattr(vector_index, "CHECK_INTERVAL", 0.0)
    monkeypatch.setattr(vector_index, "COUNT_INTERVAL", 1e9)
    published = make_technology(title="Published, vector later")
    draft = make_technology(title="Draft, vector later", status=Status.DRAFT)
    content_type = ContentType.objects.get_for_model(Technology)
    Embedding.objects.filter(content_type=content_type, object_id__in=[published.pk, draft.pk]).delete()
    vector_index.forget_all()
    before = _published_ids(vector_index.get_index(Technology, embedder))
    assert published.pk not in before and draft.pk not in before

    # As the job worker would, in another process: new rows, no signal here.
    vector = np.full(embedder.dim, 1 / embedder.dim ** 0.5, dtype=np.float32)
    Embedding.objects.bulk_create([
        Embedding(content_type=content_type, object_id=listing.pk, model_name=embedder.name,
                  vector=vector.tobytes(), text_hash="x") for listing in (published, draft)])
    monkeypatch.setattr(vector_index.VectorIndex, "set_published",
                        lambda *args: pytest.fail("the whole published set was read again"))

    index = vector_index.get_index(Technology, embedder)
    assert _published_ids(index) == before | {published.pk}
    assert index.rows_for([draft.pk])[0] >= 0  # held, not searchable


def test_a_status_change_that_keeps_updated_at_is_seen_when_counts_are_due(catalogue, monkeypatch):
    embedder = get_embedder()
    assert _published_ids(vector_index.get_index(Technology, embedder)) == {t.pk for t in catalogue.values()}
    monkeypatch.setattr(vector_index, "CHECK_INTERVAL", 0.0)
    monkeypatch.setattr(vector_index, "COUNT_INTERVAL", 1e9)
    biogas = catalogue["biogas"]
    Technology.objects.filter(pk=biogas.pk).update(status=Status.DRAFT)  # updated_at unchanged

    assert biogas.pk in _published_ids(vector_index.get_index(Technology, embedder))  # latest change did not move

    monkeypatch.setattr(vector_index, "COUNT_INTERVAL", 0.0)
    assert biogas.pk not in _published_ids(vector_index.get_index(Technology, embedder))


def test_a_first_load_leaves_room_so_a_new_vector_is_not_a_copy_of_the_matrix(
        catalogue, make_technology, monkeypatch):
    """Copying the matrix would turn a preloaded worker's shared pages into its own (decision 30)."""
    embedder = get_embedder()
    index = vector_index.get_index(Technology, embedder)
    assert index.size == len(catalogue)
    assert len(index.matrix) == vector_index.with_headroom(len(catalogue))
    matrix = index.matrix
    monkeypatch.setattr(vector_index, "CHECK_INTERVAL", 0.0)

    listing = make_technology(title="A new listing with its vector")
    Embedding.objects.filter(object_id=listing.pk).delete()
    Embedding.objects.create(content_type=ContentType.objects.get_for_model(Technology), object_id=listing.pk,
                             model_name=embedder.name, text_hash="x",
                             vector=np.full(embedder.dim, 1 / embedder.dim ** 0.5, dtype=np.float32).tobytes())

    index = vector_index.get_index(Technology, embedder)
    assert index.size == len(catalogue) + 1
    assert index.matrix is matrix



class _Index:
    def __init__(self, name):
        self.name = name

    def view(self):
        return self.name


@pytest.mark.parametrize("uptime", [5.0, 1e6])
def test_a_new_holder_checks_and_counts_on_first_use_however_long_the_machine_is_up(uptime, monkeypatch):
    # time.monotonic() counts from boot: on a machine up for seconds, a "never
    # checked" of 0.0 looked recent and the first search got an empty index.
    monkeypatch.setattr(vector_index.time, "monotonic", lambda: uptime)
    counted = []

    def refresh(index, pending, count):
        counted.append(count)
        return _Index("loaded")

    holder = vector_index.Holder(_Index("empty"))

    assert holder.get(refresh, 3600, 3600) == "loaded"
    assert counted == [True]
    assert holder.get(refresh, 3600, 3600) == "loaded"
    assert counted == [True], "no second check within the interval"
