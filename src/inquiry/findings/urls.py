from django.urls import path

from inquiry.findings import views

urlpatterns = [
    path("", views.finding_list, name="findings_list"),
    path("new/", views.finding_create, name="findings_create"),
    path("patterns/", views.pattern_summary, name="findings_patterns"),
    path("<int:pk>/", views.finding_detail, name="findings_detail"),
    path("<int:pk>/edit/", views.finding_edit, name="findings_edit"),
    path("<int:pk>/acts/", views.finding_acts, name="findings_acts"),
    path("<int:pk>/collect/", views.finding_collect, name="findings_collect"),
    path("<int:pk>/approve/", views.finding_approve, name="findings_approve"),
    path("<int:pk>/withdraw/", views.finding_withdraw, name="findings_withdraw"),
]
