from django.apps import AppConfig


class ConnectionsConfig(AppConfig):
    name = "verdex.connections"
    label = "connections"
