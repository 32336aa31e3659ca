"""A published listing starts the instant saved-search alerts once its transaction commits."""

from django.db import transaction

from .models import SavedSearch


def listing_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.is_published:
        return
    if SavedSearch.objects.filter(frequency=SavedSearch.AlertFrequency.INSTANT, paused=False).exists():
        from .tasks import run_instant_alerts

        transaction.on_commit(run_instant_alerts.enqueue)
