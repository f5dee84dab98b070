from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("inquiry.api.urls")),
    path("findings/", include("inquiry.findings.urls")),
    path("", include("inquiry.publicsite.urls")),
    path("", include("inquiry.web.urls")),
]
