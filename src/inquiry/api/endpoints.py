"""The JSON API. Same selectors and services as the web pages, so the same permissions."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import NinjaAPI, Query, Status
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import django_auth

from inquiry.api.schemas import (
    EventDetailOut,
    EventOut,
    PersonIn,
    PersonOut,
    PlaceOut,
    SourceDetailOut,
    SourceIn,
    SourceOut,
)
from inquiry.cases import exports
from inquiry.cases import selectors as case_selectors
from inquiry.cases import services as case_services
from inquiry.errors import InquiryError
from inquiry.people import selectors as people_selectors
from inquiry.people import services as people_services
from inquiry.places import selectors as place_selectors
from inquiry.web.messages import translate_error

api = NinjaAPI(title="Inquiry API", version="1", auth=django_auth, urls_namespace="api")


@api.exception_handler(InquiryError)
def domain_error(request: HttpRequest, exc: InquiryError):
    return api.create_response(request, {**exc.as_dict(), "message": translate_error(exc)}, status=exc.status)


@api.get("/sources", response=list[SourceOut], tags=["sources"])
@paginate(LimitOffsetPagination)
def list_sources(request, kind: str = "", language: str = "", q: str = "", period: str = ""):
    qs = case_selectors.source_list_for_user(request.auth, kind=kind, language=language, q=q, period=period)
    return qs


@api.get("/sources/{source_id}", response=SourceDetailOut, tags=["sources"])
def get_source(request, source_id: int):
    s = case_selectors.source_get_for_user(request.auth, source_id)
    return s


@api.post("/sources", response={201: SourceOut}, tags=["sources"])
def create_source(request, payload: SourceIn):
    data = payload.dict()
    consent = data.pop("consent")
    source = case_services.source_record(actor=request.auth, consent=consent, **data)
    return Status(201, source)


@api.get("/persons", response=list[PersonOut], tags=["persons"])
@paginate(LimitOffsetPagination)
def list_persons(request, q: str = "", status: str = ""):
    return people_selectors.person_list_for_user(request.auth, q=q, status=status).select_related("merged_into")


@api.get("/persons/{person_id}", response=PersonOut, tags=["persons"])
def get_person(request, person_id: int):
    return people_selectors.person_get_for_user(request.auth, person_id)


@api.post("/persons", response={201: PersonOut}, tags=["persons"])
def create_person(request, payload: PersonIn):
    person = people_services.person_create(actor=request.auth, **payload.dict())
    return Status(201, person)


@api.get("/events", response=list[EventOut], tags=["events"])
@paginate(LimitOffsetPagination)
def list_events(request, q: str = "", act_type: str = "", period: str = ""):
    qs = case_selectors.event_list_for_user(request.auth, q=q, act_type=act_type, period=period)
    return qs


@api.get("/events/{event_id}", response=EventDetailOut, tags=["events"])
def get_event(request, event_id: int):
    return case_selectors.event_get_for_user(request.auth, event_id)


@api.get("/places", response=list[PlaceOut], tags=["places"])
@paginate(LimitOffsetPagination)
def list_places(request, q: str = "", kind: str = ""):
    return place_selectors.place_list_for_user(request.auth, q=q, kind=kind)


@api.get("/exports/sources", tags=["exports"])
def export_sources(request, scope: str = Query(...)):
    return exports.sources_export(actor=request.auth, scope=scope)
