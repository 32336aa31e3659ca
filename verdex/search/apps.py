from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "verdex.search"
    label = "search"
