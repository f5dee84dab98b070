"""A null character anywhere in the input gets a clear 400, never a database error (PostgreSQL
cannot hold one), on every page that searches and through the API."""

from __future__ import annotations

import json

import pytest

from inquiry.people.models import Person

pytestmark = pytest.mark.django_db

SEARCHES = ["/search/", "/persons/", "/events/", "/sources/", "/places/", "/api/persons", "/api/events"]


@pytest.mark.parametrize("path", SEARCHES)
@pytest.mark.parametrize("q", ["\x00요", "요덕\x00", "a\x00bc"])
def test_a_search_with_a_null_character_is_refused_with_a_message(client_for, path, q):
    response = client_for("analyst").get(path, {"q": q})
    assert response.status_code == 400
    assert "null character" in response.content.decode()


def test_the_message_is_in_the_readers_language(client_for):
    client = client_for("analyst")
    client.cookies["django_language"] = "ko"
    response = client.get("/search/", {"q": "평양\x00"}, HTTP_ACCEPT_LANGUAGE="ko")
    assert response.status_code == 400
    assert "널 문자" in response.content.decode()


def test_a_json_body_with_a_null_character_writes_nothing(client_for):
    before = Person.objects.count()
    response = client_for("investigator").post(
        "/api/persons", json.dumps({"names": ["박허구\u0000"]}), content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_input"
    assert Person.objects.count() == before


def test_a_form_field_with_a_null_character_is_named(client_for):
    response = client_for("analyst").post("/search/saved/new/", {"name": "허구\x00", "q": "요덕"})
    assert response.status_code == 400
    assert "null character" in response.content.decode()


def test_ordinary_searches_still_pass(client_for):
    for path in SEARCHES:
        assert client_for("analyst").get(path, {"q": "요덕"}).status_code == 200, path
