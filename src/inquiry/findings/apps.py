from django.apps import AppConfig


class FindingsConfig(AppConfig):
    name = "inquiry.findings"
    label = "findings"
