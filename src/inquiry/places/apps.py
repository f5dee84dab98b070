from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "inquiry.places"
    label = "places"
