"""The vector reads other apps use: a listing's own vector and its nearest published listings."""

import pytest

from verdex.catalog.models import Status, Technology
from verdex.search import selectors

pytestmark = pytest.mark.django_db


def test_a_listing_is_nearest_to_its_own_vector(catalogue):
    drip = catalogue["drip"]
    vector = selectors.listing_vector(model=Technology, pk=drip.pk)

    nearest = selectors.nearest_published(model=Technology, vector=vector, limit=3)

    assert nearest[0][0] == drip.pk
    assert nearest[0][1] == pytest.approx(1.0, abs=1e-3)
    assert len(nearest) == 3
    assert [score for _, score in nearest] == sorted((score for _, score in nearest), reverse=True)


def test_excluded_and_unpublished_listings_are_left_out(catalogue):
    drip, biogas = catalogue["drip"], catalogue["biogas"]
    Technology.objects.filter(pk=biogas.pk).update(status=Status.DRAFT)
    vector = selectors.listing_vector(model=Technology, pk=drip.pk)

    found = [pk for pk, _ in selectors.nearest_published(
        model=Technology, vector=vector, limit=10, exclude_ids=[drip.pk])]

    assert drip.pk not in found
    assert biogas.pk not in found
    assert len(found) == len(catalogue) - 2


def test_a_listing_without_a_vector_has_none(make_technology):
    technology = make_technology()  # no on-commit callbacks run: no embedding job

    assert selectors.listing_vector(model=Technology, pk=technology.pk) is None
