from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "verdex.core"
    label = "core"
