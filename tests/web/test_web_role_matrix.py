"""Every URL and API endpoint, for every role, an anonymous user and an outsider.

The matrix is generated from the URL configuration: a URL without an expectation here fails
the test, so a new page cannot escape it. "outsider" is a partner user of another organisation.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver

from tests.web.world import build_world

READERS = {"commissioner", "investigator", "analyst", "protection"}
PARTNERS = {"partner", "outsider"}
EVERYONE = READERS | PARTNERS | {"public", "admin"}
ALL_CLIENTS = sorted(EVERYONE) + ["anonymous"]

# name: (method, roles allowed, object key for <pk>, POST data factory)
WEB = {
    "home": ("get", EVERYONE, None, None),
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


def _named_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "api":
                continue  # the API is covered by API below, from its own route table
            yield from _named_patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.name:
            yield entry.name


def test_every_named_url_has_an_access_expectation():
    names = set(_named_patterns())
    assert names, "no URL patterns were found"
    assert names - set(WEB) == set(), f"URLs with no role expectation: {sorted(names - set(WEB))}"
    assert set(WEB) - names == set(), f"expectations for URLs that do not exist: {sorted(set(WEB) - names)}"


def test_every_api_route_has_an_access_expectation():
    from inquiry.api.endpoints import api

    schema = api.get_openapi_schema()
    declared = {p.split("?")[0] for p in API} | set(API_POSTS)
    for path, ops in schema["paths"].items():
        generic = path.replace("/api", "/api", 1)
        template = generic
        for key in ("source_id", "person_id", "event_id"):
            template = template.replace("{" + key + "}", "{x}")
        normalised = {p.split("?")[0].replace("{partner_source}", "{x}").replace("{partner_person}", "{x}")
                      .replace("{event}", "{x}") for p in declared}
        assert template in normalised, f"API route {path} has no role expectation"
        for method in ops:
            if method == "post":
                assert generic in API_POSTS, f"POST {path} has no role expectation"


def _client(client_for, who):
    return client_for(None if who == "anonymous" else who)


def _assert_allowed_or_denied(response, who, allowed, *, api=False):
    status = response.status_code
    if who in allowed:
        assert status in (200, 201, 302), f"{who} should be allowed, got {status}"
        if status == 302 and not api and not response.wsgi_request.path.startswith("/logout/"):
            assert "/login/" not in response["Location"] or who == "anonymous", f"{who} was sent to log in"
    elif who == "anonymous":
        expected = (401,) if api else (302,)
        assert status in expected, f"anonymous should be refused, got {status}"
        if not api:
            assert "/login/" in response["Location"]
    else:
        assert status in (403, 404), f"{who} should be refused, got {status}"
        if who == "outsider":
            assert status == 404 or status == 403, status


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(WEB))
@pytest.mark.parametrize("who", ALL_CLIENTS)
def test_web_url_answers_each_role_as_declared(name, who, users, client_for):
    from django.urls import reverse

    world = build_world(users)
    method, allowed, key, data = WEB[name]
    url = reverse(name, kwargs={"pk": world[key].pk}) if key else reverse(name)
    client = _client(client_for, who)
    response = getattr(client, method)(url, data(world) if data else {})
    _assert_allowed_or_denied(response, who, allowed)
    if who == "outsider" and key and name not in {"place_detail"}:
        assert response.status_code in (403, 404)
        if key in {"partner_source", "partner_person"}:
            assert response.status_code == 404, "an outsider must not learn that another partner's record exists"


@pytest.mark.django_db
@pytest.mark.parametrize("path", sorted(API))
@pytest.mark.parametrize("who", ALL_CLIENTS)
def test_api_endpoint_answers_each_role_as_declared(path, who, users, client_for):
    world = build_world(users)
    method, allowed = API[path]
    url = path.format(**{k: v.pk for k, v in world.items() if hasattr(v, "pk")})
    response = getattr(_client(client_for, who), method)(url)
    public_docs = path in {"/api/openapi.json", "/api/docs"}
    if public_docs:
        assert response.status_code == 200
        return
    _assert_allowed_or_denied(response, who, allowed, api=True)
    if who == "outsider" and "{" in path:
        assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("path", sorted(API_POSTS))
@pytest.mark.parametrize("who", ALL_CLIENTS)
def test_api_writes_answer_each_role_as_declared(path, who, users, client_for):
    build_world(users)
    allowed, payload = API_POSTS[path]
    response = _client(client_for, who).post(path, payload, content_type="application/json")
    _assert_allowed_or_denied(response, who, allowed, api=True)
