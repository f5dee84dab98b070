"""Public pages (no prefix, language from the browser or the switcher) and the staff pages.

``/en/…``, ``/ko/…`` and ``/ja/…`` set the language and redirect to the unprefixed page. Each of
the three has an optional tail, so the route table can reverse it without arguments.
"""

from django.conf import settings
from django.urls import path, re_path

from inquiry.publicsite import views

urlpatterns = [
    path("about/", views.public_about, name="public_about"),
    path("faq/", views.public_faq, name="public_faq"),
    path("submit-information/", views.public_submit, name="public_submit"),
    path("statistics/", views.public_statistics, name="public_statistics"),
    path("published-findings/", views.public_findings, name="public_findings"),
    path("published-findings/<slug:pk>/", views.public_finding_detail, name="public_finding_detail"),
    path("public-site/", views.manage, name="publicsite_manage"),
    path("public-site/pages/new/", views.page_create, name="publicsite_page_create"),
    path("public-site/pages/<int:pk>/", views.page_edit, name="publicsite_page_edit"),
    path("public-site/faq/new/", views.faq_create, name="publicsite_faq_create"),
    path("public-site/faq/<int:pk>/", views.faq_edit, name="publicsite_faq_edit"),
    path("public-site/findings/<int:pk>/publish/", views.finding_publish, name="publicsite_finding_publish"),
    path("public-site/published-findings/<slug:pk>/withdraw/", views.publication_withdraw,
         name="publicsite_publication_withdraw"),
    path("public-site/statistics/new/", views.statistics_publish, name="publicsite_statistics_publish"),
    path("public-site/statistics/<int:pk>/withdraw/", views.statistics_withdraw,
         name="publicsite_statistics_withdraw"),
] + [
    re_path(rf"^{code}/(?:(?P<rest>[-a-z0-9/]+))?$", views.public_language, {"lang": code},
            name=f"public_language_{code}")
    for code, _name in settings.LANGUAGES
]
