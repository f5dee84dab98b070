from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "inquiry.people"
    label = "people"
