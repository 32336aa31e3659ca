from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "verdex.taxonomy"
    label = "taxonomy"
