from django.apps import AppConfig
from django.db.models.signals import post_save


class MatchingConfig(AppConfig):
    name = "verdex.matching"
    label = "matching"

    def ready(self):
        from verdex.catalog.models import LISTING_MODELS

        from . import signals

        for model in LISTING_MODELS.values():
            post_save.connect(signals.listing_saved, sender=model, dispatch_uid=f"match-{model.kind}")
