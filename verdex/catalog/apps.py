from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "verdex.catalog"
    label = "catalog"
