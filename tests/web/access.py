"""Who may use each URL. Each app's expectations live in an ``access_<app>.py`` module beside this one.

name: (method, roles allowed, world key for <pk>, POST data factory or None)
"""

from __future__ import annotations

import importlib
import pkgutil

from django.core.files.uploadedfile import SimpleUploadedFile

READERS = {"commissioner", "investigator", "analyst", "protection"}
PARTNERS = {"partner", "outsider"}
EVERYONE = READERS | PARTNERS | {"public", "admin"}
ALL_CLIENTS = sorted(EVERYONE) + ["anonymous"]

# name: (method, roles allowed, object key for <pk>, POST data factory)
WEB = {
    "home": ("get", EVERYONE | {"anonymous"}, None, None),  # visitors are sent to the public site
    "login": ("get", EVERYONE | {"anonymous"}, None, None),
    "logout": ("post", EVERYONE | {"anonymous"}, None, None),
    "set_language": ("post", EVERYONE | {"anonymous"}, None, lambda w: {"language": "ko"}),
    "search": ("get", READERS | PARTNERS, None, None),
    "source_list": ("get", READERS | PARTNERS, None, None),
    "source_create": ("get", {"investigator", "analyst"} | PARTNERS, None, None),
    "source_detail": ("get", READERS | {"partner"}, "partner_source", None),
    "source_edit": ("get", {"investigator", "analyst", "partner"}, "partner_source", None),
    "source_consent": ("get", {"investigator", "protection"}, "interview", None),
    "source_consent_withdraw": ("post", {"investigator", "protection"}, "interview", None),
    "evidence_upload": ("post", {"investigator"}, "interview",
                        lambda w: {"file": SimpleUploadedFile("note.txt", b"fictional note"), "label": "x"}),
    "evidence_download": ("get", READERS, "evidence", None),
    "person_list": ("get", READERS | PARTNERS, None, None),
    "person_create": ("get", {"investigator", "analyst"} | PARTNERS, None, None),
    "person_detail": ("get", READERS | {"partner"}, "partner_person", None),
    "person_edit": ("get", {"investigator", "analyst", "partner"}, "partner_person", None),
    "person_merge": ("post", {"analyst"}, "victim", lambda w: {"other": w["partner_person"].code}),
    "person_unmerge": ("post", {"analyst"}, "duplicate", None),
    "organisation_list": ("get", READERS, None, None),
    "organisation_detail": ("get", READERS, "organisation", None),
    "place_create": ("get", {"analyst", "admin"}, None, None),
    "place_edit": ("get", {"analyst", "admin"}, "place", None),
    "organisation_create": ("get", {"investigator", "analyst"}, None, None),
    "organisation_edit": ("get", {"investigator", "analyst"}, "organisation", None),
    "event_list": ("get", READERS, None, None),
    "event_create": ("get", {"investigator", "analyst"}, None, None),
    "event_detail": ("get", READERS, "event", None),
    "event_edit": ("get", {"investigator", "analyst"}, "event", None),
    "act_create": ("get", {"investigator", "analyst"}, "event", None),
    "act_link_create": ("get", {"investigator", "analyst"}, "act", None),
    "place_list": ("get", READERS | PARTNERS | {"admin"}, None, None),
    "place_detail": ("get", READERS | PARTNERS | {"admin"}, "place", None),
    "witness_list": ("get", {"protection"}, None, None),
    "witness_detail": ("get", {"protection"}, "witness", None),
    "witness_erase": ("post", {"protection"}, "witness", lambda w: {"reason": "witness_request"}),
    "audit_log": ("get", {"commissioner", "admin"}, None, None),
    "export_sources": ("get", {"commissioner", "analyst"}, None, None),
}
API = {
    "/api/sources": ("get", READERS | PARTNERS),
    "/api/sources/{partner_source}": ("get", READERS | {"partner"}),
    "/api/persons": ("get", READERS | PARTNERS),
    "/api/persons/{partner_person}": ("get", READERS | {"partner"}),
    "/api/events": ("get", READERS),
    "/api/events/{event}": ("get", READERS),
    "/api/places": ("get", READERS | PARTNERS | {"admin"}),
    "/api/exports/sources?scope=share_un": ("get", {"commissioner", "analyst"}),
    "/api/openapi.json": ("get", EVERYONE),
    "/api/docs": ("get", EVERYONE),
}
API_POSTS = {
    "/api/sources": ({"investigator", "analyst"} | PARTNERS,
                     {"kind": "document", "title": "Fictional document", "language": "en"}),
    "/api/persons": ({"investigator", "analyst"} | PARTNERS, {"names": ["박허구"], "birth_date": "1970"}),
}




def _merge_app_modules() -> None:
    """Add the expectations of every ``access_*`` module in this package."""
    import tests.web as package

    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("access_"):
            module = importlib.import_module(f"tests.web.{info.name}")
            WEB.update(getattr(module, "WEB", {}))
            API.update(getattr(module, "API", {}))
            API_POSTS.update(getattr(module, "API_POSTS", {}))


_merge_app_modules()
