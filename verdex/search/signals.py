"""Keep vectors and this process's vector indexes in step with listings."""

from functools import partial

from django.db import transaction

from . import services, vector_index
from .tasks import embed_listing


def listing_saved(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: the fixture's rows are embedded by rebuild_embeddings
        return
    vector_index.invalidate(sender)
    # After commit, so the job sees the saved row and its many-to-many values;
    # the job embeds only if the text changed.
    transaction.on_commit(partial(embed_listing.enqueue, sender.kind, instance.pk))


def listing_deleted(sender, instance, **kwargs):
    services.delete_embeddings(model=sender, pk=instance.pk)
