"""List pages make a fixed number of queries, however many rows they show."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inquiry.cases import services as cases
from inquiry.people import services as people

pytestmark = pytest.mark.django_db

PAGES = ["/sources/", "/persons/", "/events/", "/places/", "/search/?q=kim", "/linkage/", "/api/sources",
         "/api/persons", "/api/events"]


def _add_rows(users, n: int, start: int) -> None:
    inv = users["investigator"]
    for i in range(start, start + n):
        cases.source_record(actor=inv, kind="document", title=f"kim document {i}", date="1997")
        person = people.person_create(actor=inv, names=[f"김허구{i}", f"Kim Hŏ-gu {i}"], birth_date="1960")
        event = cases.event_create(actor=inv, title=f"kim event {i}", date="1997")
        cases.act_add(actor=inv, event=event, act_type="ARBITRARY_ARREST", victims=[person])


def _count(client, path: str) -> int:
    from django.core.cache import cache

    cache.clear()  # count the page's own queries, not whether a cached count was still fresh
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(ctx.captured_queries)


@pytest.mark.parametrize("path", PAGES)
def test_list_page_query_count_does_not_grow_with_rows(path, users, client_for):
    client = client_for("analyst")
    _add_rows(users, 3, 0)
    few = _count(client, path)
    _add_rows(users, 9, 3)
    many = _count(client, path)
    assert many == few, f"{path}: {few} queries for 3 rows but {many} for 12"
