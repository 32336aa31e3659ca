"""Recompute suggestions when a listing is published, changed or withdrawn."""

from functools import partial

from django.db import transaction

from .models import Match
from .tasks import refresh_listing_matches


def listing_saved(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: run refresh_matches afterwards
        return
    # Drafts have nothing to match until published; a listing leaving
    # publication still has stored matches, which the job removes.
    pair = {"need": instance} if sender.kind == "need" else {sender.kind: instance}
    if instance.is_published or Match.objects.filter(**pair).exists():
        transaction.on_commit(partial(refresh_listing_matches.enqueue, sender.kind, instance.pk))
