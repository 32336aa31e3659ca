from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "verdex.demo"
    label = "demo"
