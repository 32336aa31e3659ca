from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "verdex.imports"
    label = "imports"
