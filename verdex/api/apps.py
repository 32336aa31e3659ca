from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "verdex.api"
    label = "api"
