from django.apps import AppConfig


class PublicSiteConfig(AppConfig):
    name = "inquiry.publicsite"
    label = "publicsite"
