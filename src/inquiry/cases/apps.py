from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "inquiry.cases"
    label = "cases"

    def ready(self) -> None:
        from inquiry.cases import signals

        signals.connect()
