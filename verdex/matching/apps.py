from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "verdex.matching"
    label = "matching"
