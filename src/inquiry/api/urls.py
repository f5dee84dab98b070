from django.urls import path

from inquiry.api.endpoints import api

urlpatterns = [path("", api.urls)]
