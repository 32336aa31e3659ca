from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "verdex.organisations"
    label = "organisations"
