"""The gazetteer and organisations in the store: profile data loaded once, edits checked and audited."""

from __future__ import annotations

import pytest

from inquiry.errors import InvalidInput, PermissionDenied
from inquiry.people import services as people
from inquiry.people.models import Organisation
from inquiry.places import services
from inquiry.places.models import Place
from inquiry.places.selectors import place_list_for_user

pytestmark = pytest.mark.django_db


def test_reference_data_loads_the_gazetteer_once_with_sources(users):
    first = services.reference_data_load(actor="system")
    assert first["places"] == 13 + 203 + 12 and first["organisations"] >= 2
    assert services.reference_data_load(actor="system") == {}
    camp = Place.objects.get(code="KWANLISO-14")
    assert camp.kind == "facility" and camp.facility_type == "kwanliso" and camp.precision_km
    assert camp.source and camp.parent is not None and camp.operator_code == "ORG-MSS"
    assert Place.objects.get(code="KWANLISO-15").lat is None, "no licensed source gives Camp 15's position"


def test_place_search_tolerates_dprk_and_rok_spellings(users):
    services.reference_data_load(actor="system")
    for query in ("영변", "녕변", "Yŏngbyŏn", "yongbyon"):
        codes = {p.code for p in place_list_for_user(users["analyst"], q=query)}
        assert any(Place.objects.get(code=c).name_ko in {"녕변군", "영변군"} for c in codes), query


def test_renamed_ministry_stays_one_organisation_with_dated_names(users):
    services.reference_data_load(actor="system")
    mss = Organisation.objects.get(code="ORG-MSS")
    names = {n.name for n in mss.names.all()}
    assert {"국가안전보위부", "국가보위성"} <= names


def test_organisation_names_need_valid_periods_and_nothing_is_half_written(users):
    inv = users["investigator"]
    with pytest.raises(InvalidInput) as err:
        people.organisation_create(actor=inv, code="ORG-X", kind="state",
                                   names=["Old name | en | 1990/2000", "New name | en | sometime"])
    assert err.value.field == "names"
    assert not Organisation.objects.filter(code="ORG-X").exists()
    org = people.organisation_create(actor=inv, code="ORG-X", kind="state",
                                     names=["Old name | en | 1990/2000", "New name | en | 2000/.."])
    assert org.names.count() == 2


def test_place_coordinates_need_a_source_and_only_some_roles_edit(users):
    with pytest.raises(InvalidInput) as err:
        services.place_create(actor=users["analyst"], code="X-1", kind="facility", name="Fictional site",
                              lat=40.0, lon=127.0)
    assert err.value.field == "source"
    with pytest.raises(PermissionDenied):
        services.place_create(actor=users["investigator"], code="X-1", kind="facility", name="x")
    place = services.place_create(actor=users["admin"], code="X-1", kind="facility", name="Fictional site",
                                  lat=40.0, lon=127.0, source="fictional test", precision_km=5)
    assert place.names.filter(folded="fictional site").exists()
