from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "inquiry.evidence"
    label = "evidence"
