"""Every URL and API endpoint, for every role, an anonymous user and an outsider.

The matrix is generated from the URL configuration: a URL without an expectation here fails
the test, so a new page cannot escape it. "outsider" is a partner user of another organisation.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.web.access import ALL_CLIENTS, API, API_POSTS, WEB
from tests.web.world import build_world


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


def _each_client(client_for, build, check):
    """Run ``check(who, world)`` for every client; each inside a savepoint that is rolled back.

    One world per URL instead of one per (URL, role) keeps the matrix fast; the rollback keeps a
    POST by one role from changing what the next role sees.
    """
    from django.db import transaction

    failures = []
    world = build()
    for who in ALL_CLIENTS:
        with transaction.atomic():
            try:
                check(who, world, _client(client_for, who))
            except AssertionError as exc:
                failures.append(f"{who}: {exc}")
            transaction.set_rollback(True)
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(WEB))
def test_web_url_answers_each_role_as_declared(name, users, client_for):
    from django.urls import reverse

    method, allowed, key, data = WEB[name]

    def check(who, world, client):
        url = reverse(name, kwargs={"pk": world[key].pk}) if key else reverse(name)
        response = getattr(client, method)(url, data(world) if data else {})
        _assert_allowed_or_denied(response, who, allowed)
        if who == "outsider" and key in {"partner_source", "partner_person"}:
            assert response.status_code == 404, "an outsider must not learn that another partner's record exists"

    _each_client(client_for, lambda: build_world(users), check)


@pytest.mark.django_db
@pytest.mark.parametrize("path", sorted(API))
def test_api_endpoint_answers_each_role_as_declared(path, users, client_for):
    method, allowed = API[path]

    def check(who, world, client):
        url = path.format(**{k: v.pk for k, v in world.items() if hasattr(v, "pk")})
        response = getattr(client, method)(url)
        if path in {"/api/openapi.json", "/api/docs"}:
            assert response.status_code == 200
            return
        _assert_allowed_or_denied(response, who, allowed, api=True)
        if who == "outsider" and "{" in path:
            assert response.status_code == 404

    _each_client(client_for, lambda: build_world(users), check)


@pytest.mark.django_db
@pytest.mark.parametrize("path", sorted(API_POSTS))
def test_api_writes_answer_each_role_as_declared(path, users, client_for):
    allowed, payload = API_POSTS[path]

    def check(who, world, client):
        response = client.post(path, payload, content_type="application/json")
        _assert_allowed_or_denied(response, who, allowed, api=True)

    _each_client(client_for, lambda: build_world(users), check)
