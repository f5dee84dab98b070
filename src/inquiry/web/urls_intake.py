"""Interview intake (four steps) and coding acts from a source, with their type-ahead endpoints."""

from django.urls import path

from inquiry.web import views_intake

urlpatterns = [
    path("intake/", views_intake.intake_start, name="intake_start"),
    path("intake/identity/", views_intake.intake_identity, name="intake_identity"),
    path("intake/<int:pk>/account/", views_intake.intake_account, name="intake_account"),
    path("intake/<int:pk>/attachments/", views_intake.intake_attachments, name="intake_attachments"),
    path("sources/<int:pk>/code/", views_intake.source_code_acts, name="source_code_acts"),
    path("coding/places/", views_intake.coding_place_suggest, name="coding_place_suggest"),
    path("coding/persons/", views_intake.coding_person_suggest, name="coding_person_suggest"),
    path("coding/organisations/", views_intake.coding_organisation_suggest, name="coding_organisation_suggest"),
    path("coding/date-preview/", views_intake.coding_date_preview, name="coding_date_preview"),
]
