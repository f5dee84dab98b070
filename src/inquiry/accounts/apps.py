from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "inquiry.accounts"
    label = "accounts"
