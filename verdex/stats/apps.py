from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class StatsConfig(AppConfig):
    name = "verdex.stats"
    label = "stats"

    def ready(self):
        from verdex.catalog.models import LISTING_MODELS
        from verdex.connections.models import Connection

        from . import signals

        for model in LISTING_MODELS.values():
            post_save.connect(signals.listing_saved, sender=model, dispatch_uid=f"stats-{model.kind}")
            post_delete.connect(signals.listing_deleted, sender=model, dispatch_uid=f"stats-delete-{model.kind}")
        post_save.connect(signals.connection_changed, sender=Connection, dispatch_uid="stats-connection")
        post_delete.connect(signals.connection_changed, sender=Connection, dispatch_uid="stats-connection-delete")
