"""Keep vectors, the keyword index and this process's vector and listing indexes in step with listings."""

from functools import partial

from django.db import transaction

from . import keyword_index, listing_index, services, vector_index
from .tasks import embed_listing, index_listings


def on_commit(callback):
    """Run ``callback`` once the current transaction commits (tests run the keyword job at once)."""
    transaction.on_commit(callback)


def listing_saved(sender, instance, raw=False, **kwargs):
    listing_index.changed(sender, instance.pk)
    if raw:  # loaddata: the fixture's rows are indexed by rebuild_search_index and rebuild_embeddings
        return
    vector_index.invalidate(sender)
    # After commit, so the jobs see the saved row and its many-to-many values;
    # the embedding job embeds only if the text changed. The keyword index is
    # never written inside a transaction: its writer lock would be held while
    # SQLite's write lock is.
    if keyword_index.in_use():
        on_commit(partial(index_listings.enqueue, sender.kind, [instance.pk]))
    transaction.on_commit(partial(embed_listing.enqueue, sender.kind, instance.pk))


def listing_deleted(sender, instance, **kwargs):
    listing_index.changed(sender)
    if keyword_index.in_use():
        on_commit(partial(index_listings.enqueue, sender.kind, [instance.pk]))
    services.delete_embeddings(model=sender, pk=instance.pk)


def listing_values_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """A listing's many-to-many values (fields, SDGs, ...) changed: they are facets."""
    if not action.startswith("post_"):
        return
    if reverse:  # e.g. an SDG's technologies changed: ``model`` is the listing model
        listing_index.changed(model)
    else:
        listing_index.changed(type(instance), instance.pk)


def organisation_saved(sender, **kwargs):
    # The organisation type is a facet of every listing kind.
    for model in _listing_models():
        listing_index.changed(model)


def _listing_models():
    from verdex.catalog.models import LISTING_MODELS

    return LISTING_MODELS.values()
