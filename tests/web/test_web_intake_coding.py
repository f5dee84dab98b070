"""Coding acts from a source: events, acts, victims, perpetrators, gazetteer type-ahead, EDTF preview,
and the passage of the source that supports each act."""

from __future__ import annotations

import re

import pytest

from inquiry.cases import services
from inquiry.cases.models import Act, Event, InformationLink
from inquiry.people.models import Person
from inquiry.places.services import place_create

pytestmark = pytest.mark.django_db

PASSAGE_ARREST = "In the spring of 1997 agents took my uncle 김영철 from our house in Yodŏk"
PASSAGE_BEATING = "in the county station they beat him every night"
ACCOUNT = (f"Fictional account. {PASSAGE_ARREST}.\nLater, {PASSAGE_BEATING} for a month.\n"
           "None of this is real testimony.")


@pytest.fixture
def yodok(users):
    return place_create(actor=users["admin"], code="TEST-YODOK", kind="county", name="Yodŏk-kun",
                        name_ko="요덕군", name_rr="Yodeok-gun")


@pytest.fixture
def interview(users, yodok):
    source = services.interview_intake_open(
        actor=users["investigator"], consent={"internal_use": True}, risk_level="high", relatives_inside=False,
        identity={"real_name": "가상 증인"}, title="Fictional interview for coding", language="en")
    services.interview_record_update(actor=users["investigator"], source=source, account=ACCOUNT,
                                     sections={"methods": "Fictional: beaten with sticks."})
    return source


def _field_error(body: str, field: str) -> str:
    match = re.search(rf'id="field-{field}".*?<span class="error" role="alert"[^>]*>(.*?)</span>', body, re.S)
    return match.group(1) if match else ""


@pytest.mark.parametrize("typed", ["yodok", "요덕", "Yodŏk", "Yodeok", "YODOK-KUN", "TEST-YODOK"])
def test_place_type_ahead_finds_a_place_by_any_spelling(client_for, yodok, typed):
    response = client_for("investigator").get("/coding/places/", {"q": typed})
    assert response.status_code == 200
    assert '<option value="TEST-YODOK">' in response.content.decode()


def test_place_type_ahead_finds_a_place_without_hangul_by_a_hangul_query(client_for, users):
    place_create(actor=users["admin"], code="TEST-HOERYONG", kind="city", name="Hoeryŏng-si")
    body = client_for("analyst").get("/coding/places/", {"place": "회령"}).content.decode()
    assert '<option value="TEST-HOERYONG">' in body


def test_place_type_ahead_with_nothing_typed_or_no_match_answers_an_empty_list(client_for, yodok):
    client = client_for("investigator")
    for q in ("", "zzqx"):
        response = client.get("/coding/places/", {"q": q})
        assert response.status_code == 200 and "<option" not in response.content.decode()


def test_date_preview_shows_how_a_friendly_date_was_understood(client_for):
    client = client_for("investigator")
    spring = client.get("/coding/date-preview/", {"date": "spring 1997"}).content.decode()
    assert "1997-21" in spring and "March 1, 1997" in spring and "May 31, 1997" in spring
    before = client.get("/coding/date-preview/", {"date": "before 2004"}).content.decode()
    assert "../2004" in before and "on or before" in before and "1900" not in before
    bad = client.get("/coding/date-preview/", {"date": "yesterday-ish"})
    assert bad.status_code == 200 and 'class="error"' in bad.content.decode()
    assert "yesterday-ish" in bad.content.decode()


def test_date_preview_writes_dates_in_the_users_language(client_for):
    client = client_for("investigator")
    client.post("/i18n/setlang/", {"language": "ko"})
    body = client.get("/coding/date-preview/", {"date": "1997년 봄"}).content.decode()
    assert "1997-21" in body and "1997년 3월 1일" in body and "1997년 5월 31일" in body


def test_investigator_codes_two_acts_linked_to_passages_and_finds_them_by_a_romanized_name(
        client_for, interview, yodok):
    client = client_for("investigator")
    page = client.get(f"/sources/{interview.pk}/code/").content.decode()
    assert PASSAGE_ARREST in page and 'id="use-selection"' in page and 'for="id_passage"' in page
    first = client.post(f"/sources/{interview.pk}/code/", {
        "new_event_title": "Fictional arrest in Yodŏk", "act_type": "ARBITRARY_ARREST", "date": "spring 1997",
        "place": "yodok", "new_victims": "김영철", "perpetrator_org": "", "involvement": "direct",
        "mode": "direct", "reliability": "medium", "passage": PASSAGE_ARREST})
    assert first.status_code == 302, _field_error(first.content.decode(), "place")
    event = Event.objects.get()
    assert first["Location"] == f"/sources/{interview.pk}/code/?event={event.code}"
    victim = Person.objects.get(names__original="김영철")
    second = client.post(first["Location"], {
        "event": event.code, "act_type": "BEATING", "date": "1997", "place": "TEST-YODOK",
        "victims": victim.code, "involvement": "unknown", "mode": "direct", "reliability": "medium",
        "passage": PASSAGE_BEATING.upper()})
    assert second.status_code == 302
    acts = list(Act.objects.filter(event=event).order_by("id"))
    assert [a.act_type for a in acts] == ["ARBITRARY_ARREST", "BEATING"]
    assert acts[0].date_edtf == "1997-21" and acts[0].place == yodok
    links = [InformationLink.objects.get(act=a, source=interview) for a in acts]
    assert links[0].passage == PASSAGE_ARREST and links[1].passage == PASSAGE_BEATING.upper()
    assert all(list(a.victims.all()) == [victim] for a in acts)
    coded = client.get(second["Location"]).content.decode()
    assert coded.count(f"{event.code}</a>") >= 2
    found = client.get("/persons/", {"q": "Kim Yong-chol"}).content.decode()
    assert victim.code in found
    person_page = client.get(f"/persons/{victim.pk}/").content.decode()
    assert person_page.count(event.code) >= 2


def test_a_passage_that_is_not_in_the_source_is_refused_naming_the_field(client_for, interview):
    response = client_for("analyst").post(f"/sources/{interview.pk}/code/", {
        "new_event_title": "Fictional", "act_type": "ARBITRARY_ARREST", "involvement": "unknown",
        "mode": "direct", "reliability": "unknown", "passage": "words the witness never said"})
    assert response.status_code == 200
    assert interview.code in _field_error(response.content.decode(), "passage")
    assert Event.objects.count() == 0 and Act.objects.count() == 0


def test_coding_errors_name_each_field_and_save_nothing(client_for, interview):
    response = client_for("investigator").post(f"/sources/{interview.pk}/code/", {
        "event": "E-999999", "act_type": "", "date": "someday", "place": "Atlantis", "victims": "P-999999",
        "involvement": "unknown", "mode": "direct", "reliability": "unknown", "passage": ""})
    body = response.content.decode()
    assert response.status_code == 200
    for field in ("act_type", "date", "place", "passage"):
        assert _field_error(body, field), f"no error at {field}"
    assert "Atlantis" in _field_error(body, "place") and "someday" in _field_error(body, "date")
    assert Event.objects.count() == 0 and Person.objects.count() == 0


def test_unknown_event_and_person_codes_are_named(client_for, interview):
    response = client_for("investigator").post(f"/sources/{interview.pk}/code/", {
        "event": "E-999999", "act_type": "BEATING", "victims": "P-999999", "involvement": "unknown",
        "mode": "direct", "reliability": "unknown", "passage": PASSAGE_BEATING})
    body = response.content.decode()
    assert "E-999999" in _field_error(body, "event") and "P-999999" in _field_error(body, "victims")
    assert Act.objects.count() == 0


def test_neither_event_nor_title_is_refused_naming_the_event_field(client_for, interview):
    response = client_for("investigator").post(f"/sources/{interview.pk}/code/", {
        "act_type": "BEATING", "involvement": "unknown", "mode": "direct", "reliability": "unknown",
        "passage": PASSAGE_BEATING})
    assert _field_error(response.content.decode(), "event") and Act.objects.count() == 0


def test_act_types_are_offered_with_labels_in_the_users_language(client_for, interview):
    client = client_for("investigator")
    client.post("/i18n/setlang/", {"language": "ko"})
    body = client.get(f"/sources/{interview.pk}/code/").content.decode()
    assert '<option value="ARBITRARY_ARREST">' in body
    label = re.search(r'<option value="ARBITRARY_ARREST">([^<]+)<', body).group(1)
    assert re.search(r"[\uac00-\ud7a3]", label), "the act type label must be in Korean"


def test_person_type_ahead_finds_a_hangul_name_by_romanized_spelling(client_for, users):
    from inquiry.people.services import person_create

    person = person_create(actor=users["investigator"], names=["박가상"])
    body = client_for("analyst").get("/coding/persons/", {"person_q": "Pak Ka-sang"}).content.decode()
    assert person.code in body and f'data-add-code="{person.code}"' in body


@pytest.mark.parametrize("role", ["commissioner", "protection", "admin", "public"])
def test_roles_that_may_not_code_see_no_coding_link_and_are_refused(client_for, interview, role):
    client = client_for(role)
    detail = client.get(f"/sources/{interview.pk}/")
    assert f"/sources/{interview.pk}/code/" not in detail.content.decode()
    assert client.get(f"/sources/{interview.pk}/code/").status_code in (403, 404)
    assert client.post(f"/sources/{interview.pk}/code/", {"act_type": "BEATING"}).status_code in (403, 404)
    assert client.get("/coding/places/", {"q": "yodok"}).status_code in (403, 404)


def test_coders_see_the_coding_link_on_the_source_page(client_for, interview):
    for role in ("investigator", "analyst"):
        assert f"/sources/{interview.pk}/code/" in client_for(role).get(f"/sources/{interview.pk}/").content.decode()


def test_the_older_act_and_link_forms_name_the_unknown_code(client_for, interview):
    event = services.event_create(actor=interview.created_by, title="Fictional event")
    client = client_for("investigator")
    body = client.post(f"/events/{event.pk}/acts/new/", {"act_type": "BEATING", "victims": "P-999999",
                                                         "involvement": "unknown"}).content.decode()
    assert "P-999999" in body and "{value}" not in body and "{code}" not in body
    act = services.act_add(actor=interview.created_by, event=event, act_type="BEATING")
    body = client.post(f"/acts/{act.pk}/links/new/", {"source": "S-999999", "mode": "direct",
                                                      "reliability": "unknown"}).content.decode()
    assert "S-999999" in body and "{value}" not in body
