from django.urls import path

from inquiry.findings import views

urlpatterns = [
    path("", views.finding_list, name="finding_list"),
    path("new/", views.finding_create, name="finding_create"),
    path("patterns/", views.pattern_summary, name="pattern_summary"),
    path("<int:pk>/", views.finding_detail, name="finding_detail"),
    path("<int:pk>/edit/", views.finding_edit, name="finding_edit"),
    path("<int:pk>/acts/", views.finding_acts, name="finding_acts"),
    path("<int:pk>/collect/", views.finding_collect, name="finding_collect"),
    path("<int:pk>/approve/", views.finding_approve, name="finding_approve"),
    path("<int:pk>/withdraw/", views.finding_withdraw, name="finding_withdraw"),
]
