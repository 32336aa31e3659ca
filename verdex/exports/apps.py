from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "verdex.exports"
    label = "exports"
