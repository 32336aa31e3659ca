from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "verdex.accounts"
    label = "accounts"
