from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "inquiry.web"
    label = "web"
