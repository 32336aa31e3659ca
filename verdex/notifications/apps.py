from django.apps import AppConfig
from django.db.models.signals import post_save


class NotificationsConfig(AppConfig):
    name = "verdex.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self):
        from verdex.catalog.models import LISTING_MODELS

        from . import signals

        for model in LISTING_MODELS.values():
            post_save.connect(signals.listing_saved, sender=model, dispatch_uid=f"alerts-{model.kind}")
