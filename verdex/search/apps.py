from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class SearchConfig(AppConfig):
    name = "verdex.search"
    label = "search"

    def ready(self):
        from verdex.catalog.models import LISTING_MODELS
        from verdex.organisations.models import Organisation

        from . import signals

        for model in LISTING_MODELS.values():
            post_save.connect(signals.listing_saved, sender=model, dispatch_uid=f"embed-{model.kind}")
            post_delete.connect(signals.listing_deleted, sender=model, dispatch_uid=f"unembed-{model.kind}")
            for field in model._meta.many_to_many:
                m2m_changed.connect(signals.listing_values_changed, sender=field.remote_field.through,
                                    dispatch_uid=f"facets-{model.kind}-{field.name}")
        post_save.connect(signals.organisation_saved, sender=Organisation, dispatch_uid="facets-organisation")
