"""Bulk-imported listings get their vectors and suggested matches, one job each per committed batch."""

from django.contrib.contenttypes.models import ContentType

from verdex.catalog.models import Status, Technology
from verdex.matching.models import Match
from verdex.search.models import Embedding
from verdex.search.tasks import embed_listing_batch

from .conftest import technology_row


def _embedded_pks():
    return set(
        Embedding.objects.filter(content_type=ContentType.objects.get_for_model(Technology))
        .values_list("object_id", flat=True)
    )


def test_imported_listings_are_embedded_after_their_batch_commits(
    importer, write_csv, django_capture_on_commit_callbacks
):
    path = write_csv([technology_row(n) for n in range(1, 4)])

    # Test transactions never commit; this runs the on-commit callbacks, so the
    # real batch job runs (inline under pytest).
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        importer(path)

    imported = set(Technology.objects.values_list("pk", flat=True))
    assert len(imported) == 3
    assert _embedded_pks() == imported
    batch_jobs = [c for c in callbacks if getattr(c, "func", None) == embed_listing_batch.enqueue]
    assert len(batch_jobs) == 1 and sorted(batch_jobs[0].args[1]) == sorted(imported)


def test_a_dry_run_queues_no_embedding(importer, write_csv, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        importer(write_csv([technology_row(1)]), commit=False)

    assert _embedded_pks() == set()


def test_published_imports_are_matched_to_needs(
    importer, write_csv, organisation, make_need, django_capture_on_commit_callbacks
):
    organisation.publishes_without_review = True
    organisation.save()
    with django_capture_on_commit_callbacks(execute=True):
        need = make_need(
            title="Biogas digesters for dairy farms in Kenya", status=Status.PUBLISHED,
            description="<p>Dairy farms need a digester that turns manure into cooking gas.</p>",
        )
    with django_capture_on_commit_callbacks(execute=True):
        importer(write_csv([technology_row(1), technology_row(2)]))

    imported = set(Technology.objects.published().values_list("pk", flat=True))
    assert len(imported) == 2
    # Both sides: the technologies list the need, and the need (recomputed once) lists them.
    assert set(Match.objects.filter(need=need, offer_score__isnull=False).values_list("technology", flat=True)) == imported
    assert set(Match.objects.filter(need=need, need_score__isnull=False).values_list("technology", flat=True)) == imported
