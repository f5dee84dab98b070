"""Saved searches: a user's named query and facets. Each user sees and changes only their own."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlencode

from django.db import transaction
from django.db.models import QuerySet

from inquiry.accounts.guard import not_found
from inquiry.accounts.roles import Cap, can
from inquiry.audit.services import audit_record
from inquiry.cases.facets import Facets
from inquiry.errors import Conflict, InvalidInput
from inquiry.web.models import SavedSearch

MAX_PER_USER = 200
MAX_NAME = 100
MAX_QUERY = 200


def require_search(user) -> None:
    """Search is for case readers and partners (who search their own submissions)."""
    if not (can(user, Cap.CASES_READ) or can(user, Cap.PARTNER_SUBMIT)):
        raise not_found()


def search_query_string(q: str, facets: Facets) -> str:
    """The canonical query string of a search: the text first, then the facets that are set."""
    params = {"q": q} if q else {}
    params.update(facets.active())
    return urlencode(params)


def saved_search_list_for_user(user) -> QuerySet[SavedSearch]:
    require_search(user)
    return SavedSearch.objects.filter(owner_id=user.pk).only("id", "name", "query", "created", "owner_id")


def saved_search_get_for_user(user, pk) -> SavedSearch:
    saved = saved_search_list_for_user(user).filter(pk=pk).first()
    if saved is None:
        raise not_found()
    return saved


@transaction.atomic
def saved_search_create(*, actor, name: str, q: str, params) -> SavedSearch:
    """Save ``q`` and the facets in ``params`` under ``name``; invalid facets are refused, not saved."""
    require_search(actor)
    name = " ".join(str(name or "").split())
    if not name:
        raise InvalidInput("Give the search a name.", field="name")
    if len(name) > MAX_NAME:
        raise InvalidInput("A name may have at most {max} characters.", field="name", max=MAX_NAME)
    q = " ".join(str(q or "").split())
    if len(q) > MAX_QUERY:
        raise InvalidInput("A search may have at most {max} characters.", field="q", max=MAX_QUERY)
    facets = Facets.from_params(params) if can(actor, Cap.CASES_READ) else Facets()
    if not q and not facets:
        raise InvalidInput("There is nothing to save: type a search or choose a filter first.", field="q")
    mine = SavedSearch.objects.select_for_update().filter(owner_id=actor.pk)
    if mine.filter(name=name).exists():
        raise Conflict("You already have a saved search called “{name}”.", field="name", name=name)
    if mine.count() >= MAX_PER_USER:
        raise InvalidInput("You have {max} saved searches; delete some before saving more.", field="name",
                           max=MAX_PER_USER)
    saved = SavedSearch.objects.create(owner=actor, name=name, query=search_query_string(q, facets),
                                       created=datetime.now(UTC))
    audit_record(actor=actor, action="saved_search.create", object_type="saved_search", object_id=saved.pk,
                 detail={"name": name, "query": saved.query})
    return saved


@transaction.atomic
def saved_search_delete(*, actor, saved: SavedSearch) -> None:
    if saved.owner_id != actor.pk:
        raise not_found()
    audit_record(actor=actor, action="saved_search.delete", object_type="saved_search", object_id=saved.pk,
                 detail={"name": saved.name, "query": saved.query})
    saved.delete()
