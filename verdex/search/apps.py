from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class SearchConfig(AppConfig):
    name = "verdex.search"
    label = "search"

    def ready(self):
        from verdex.catalog.models import LISTING_MODELS

        from . import signals

        for model in LISTING_MODELS.values():
            post_save.connect(signals.listing_saved, sender=model, dispatch_uid=f"embed-{model.kind}")
            post_delete.connect(signals.listing_deleted, sender=model, dispatch_uid=f"unembed-{model.kind}")
