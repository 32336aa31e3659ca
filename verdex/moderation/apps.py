from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "verdex.moderation"
    label = "moderation"
