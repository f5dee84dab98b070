from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "inquiry.cases"
    label = "cases"
