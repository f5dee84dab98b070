"""Who may use the public site: everyone reads it; commissioners and administrators edit its
pages and questions; only commissioners publish and withdraw findings and statistics."""

from __future__ import annotations

from django.conf import settings

from tests.web.access import EVERYONE

ANYONE = EVERYONE | {"anonymous"}
EDITORS = {"commissioner", "admin"}
PUBLISHERS = {"commissioner"}

WEB = {
    "public_about": ("get", ANYONE, None, None),
    "public_faq": ("get", ANYONE, None, None),
    "public_submit": ("get", ANYONE, None, None),
    "public_statistics": ("get", ANYONE, None, None),
    "public_findings": ("get", ANYONE, None, None),
    "public_finding_detail": ("get", ANYONE, "publication", None),
    **{f"public_language_{code}": ("get", ANYONE, None, None) for code, _name in settings.LANGUAGES},
    "publicsite_manage": ("get", EDITORS, None, None),
    "publicsite_page_create": ("get", EDITORS, None, None),
    "publicsite_page_edit": ("get", EDITORS, "public_page", None),
    "publicsite_faq_create": ("get", EDITORS, None, None),
    "publicsite_faq_edit": ("get", EDITORS, "public_faq", None),
    "publicsite_finding_publish": ("get", PUBLISHERS, "approved_finding", None),
    "publicsite_publication_withdraw": ("post", PUBLISHERS, "publication",
                                        lambda w: {"reason": "Access matrix check of a fictional publication."}),
    "publicsite_statistics_publish": ("get", PUBLISHERS, None, None),
    "publicsite_statistics_withdraw": ("post", PUBLISHERS, "statistics_release",
                                       lambda w: {"reason": "Access matrix check of fictional statistics."}),
}
