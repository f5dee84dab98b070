from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "inquiry.audit"
    label = "audit"
