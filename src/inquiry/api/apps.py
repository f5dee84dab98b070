from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "inquiry.api"
    label = "api"
