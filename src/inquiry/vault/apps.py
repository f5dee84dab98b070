from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "inquiry.vault"
    label = "vault"
