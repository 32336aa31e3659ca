from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "verdex.stats"
    label = "stats"
