"""The map, the timeline and the dashboards: what they show, in which language, and at what cost."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inquiry.cases import services as cases
from inquiry.cases.models import Act
from inquiry.places.models import Place

pytestmark = pytest.mark.django_db

STATIC = Path(__file__).resolve().parents[2] / "src" / "inquiry" / "web" / "static" / "web"
PAGES = ["/map/", "/map/data/", "/timeline/", "/dashboards/"]


@pytest.fixture
def camp():
    province = Place.objects.create(code="TX-PROV", kind="province", name="Hamgyŏng-namdo-test",
                                    name_ko="함경남도시험", lat=40.1, lon=127.9)
    county = Place.objects.create(code="TX-COUNTY", kind="county", name="Yodŏk-test", name_ko="요덕시험군",
                                  parent=province, lat=39.7, lon=127.3)
    located = Place.objects.create(code="TX-CAMP-14", kind="facility", name="Camp 14 (test)", name_ko="시험 제14호",
                                   parent=county, facility_type="kwanliso", lat=39.57, lon=126.05, precision_km=7)
    unlocated = Place.objects.create(code="TX-CAMP-15", kind="facility", name="Camp 15 (test)",
                                     name_ko="시험 제15호", parent=county, facility_type="kwanliso")
    return {"province": province, "county": county, "located": located, "unlocated": unlocated}


def _code(users, *, place, act_type="ARBITRARY_ARREST", date="1997", n=1, title="Fictional arrest"):
    inv = users["investigator"]
    event = cases.event_create(actor=inv, title=title, date=date, place=place)
    return [cases.act_add(actor=inv, event=event, act_type=act_type, date=date, place=place) for _ in range(n)]


def _map_json(response) -> dict:
    match = re.search(r'<script id="map-data" type="application/json">(.*?)</script>', response.content.decode(), re.S)
    assert match, "the map page embeds its data"
    return json.loads(match[1])


def test_investigator_sees_the_acts_they_coded_on_the_map(users, client_for, camp):
    _code(users, place=camp["located"], n=2)
    response = client_for("investigator").get("/map/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="map"' in body
    assert 'data-place-code="TX-CAMP-14"' in body and "Camp 14 (test)" in body
    feature = next(f for f in _map_json(response)["features"] if f["id"] == "TX-CAMP-14")
    assert feature["geometry"] == {"type": "Point", "coordinates": [126.05, 39.57]}
    assert feature["properties"]["acts"] == 2 and feature["properties"]["name"] == "Camp 14 (test)"
    assert feature["properties"]["place_url"] == f"/places/{camp['located'].pk}/"
    assert "facility=TX-CAMP-14" in feature["properties"]["search_url"]


def test_the_map_data_endpoint_answers_geojson_with_locations_marked_approximate(users, client_for, camp):
    _code(users, place=camp["located"])
    _code(users, place=camp["unlocated"], n=3)
    _code(users, place=None)
    response = client_for("analyst").get("/map/data/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/geo+json")
    data = response.json()
    assert data["type"] == "FeatureCollection"
    assert (data["total"], data["placed"], data["unplaced"]) == (5, 4, 1)
    by_code = {f["id"]: f["properties"] for f in data["features"]}
    assert by_code["TX-CAMP-14"]["approximate"] is False
    assert "7 km" in by_code["TX-CAMP-14"]["accuracy_text"]
    unlocated = by_code["TX-CAMP-15"]
    assert unlocated["approximate"] is True and unlocated["acts"] == 3
    assert "Yodŏk-test" in unlocated["accuracy_text"], "drawn at the county that holds it, and says so"
    assert next(f for f in data["features"] if f["id"] == "TX-CAMP-15")["geometry"]["coordinates"] == [127.3, 39.7]
    province = next(p for p in data["provinces"] if p["code"] == "TX-PROV")
    assert "4" in province["text"], "the province point gives the acts anywhere inside it"


def test_the_map_filters_with_the_search_facets(users, client_for, camp):
    _code(users, place=camp["located"], act_type="ARBITRARY_ARREST")
    _code(users, place=camp["unlocated"], act_type="PUBLIC_EXECUTION", date="2001")
    client = client_for("analyst")
    data = client.get("/map/data/", {"act_type": "PUBLIC_EXECUTION"}).json()
    assert [f["id"] for f in data["features"]] == ["TX-CAMP-15"] and data["total"] == 1
    data = client.get("/map/data/", {"period": "1990s"}).json()
    assert [f["id"] for f in data["features"]] == ["TX-CAMP-14"]
    data = client.get("/map/data/", {"facility": "TX-CAMP-14"}).json()
    assert data["total"] == 1
    page = client.get("/map/", {"act_type": "PUBLIC_EXECUTION"}).content.decode()
    assert 'data-place-code="TX-CAMP-15"' in page and 'data-place-code="TX-CAMP-14"' not in page
    assert '<option value="PUBLIC_EXECUTION" selected>' in page, "the form keeps the chosen filter"


def test_an_unknown_facet_is_refused_naming_the_field(client_for):
    client = client_for("analyst")
    response = client.get("/map/data/", {"act_type": "NOT_AN_ACT"})
    assert response.status_code == 400
    assert response.json()["field"] == "act_type" and "NOT_AN_ACT" in response.json()["message"]
    response = client.get("/timeline/", {"period": "sometime"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "sometime" in body and 'role="alert"' in body and 'aria-invalid="true"' in body
    assert "Traceback" not in body
    partial = client.get("/dashboards/", {"pattern": "FLYING"}, HTTP_HX_REQUEST="true")
    assert partial.status_code == 200, "htmx swaps only 2xx answers"
    assert "FLYING" in partial.content.decode() and partial.context["total"] == 0


@pytest.mark.parametrize("role", ["partner", "public", "admin", "outsider"])
def test_roles_without_case_read_get_404_even_with_bad_filters(client_for, role):
    client = client_for(role)
    for path in PAGES:
        assert client.get(path, {"act_type": "NOT_AN_ACT"}).status_code == 404, path


def test_map_timeline_and_dashboards_count_the_same_acts(users, client_for, camp):
    _code(users, place=camp["located"], date="1997", n=2)
    _code(users, place=camp["unlocated"], act_type="PUBLIC_EXECUTION", date="1997/1999")
    _code(users, place=None, date="")
    client = client_for("commissioner")
    for query in ({}, {"pattern": "ARB_DET"}, {"province": "TX-PROV"}):
        on_map = client.get("/map/", query).context["data"]["total"]
        timeline = client.get("/timeline/", query).context["timeline"]["total"]
        dashboards = client.get("/dashboards/", query).context["total"]
        assert on_map == timeline == dashboards, query
    assert client.get("/dashboards/").context["total"] == 4
    assert client.get("/map/", {"province": "TX-PROV"}).context["data"]["total"] == 3


def test_timeline_shows_dates_spanning_years_as_ranges_and_events_in_date_order(users, client_for, camp):
    _code(users, place=camp["located"], date="1997/1999", title="Fictional transfer")
    _code(users, place=camp["located"], date="before 2004", title="Fictional disappearance")
    _code(users, place=camp["located"], date="1988", title="Fictional arrest")
    response = client_for("protection").get("/timeline/")
    assert response.status_code == 200
    timeline = response.context["timeline"]
    assert {r["label"] for r in timeline["ranges"]} == {"1997–1999", "before 2004"}
    assert {row[0]: row[1] for row in timeline["rows"]}[1988] == 1
    assert timeline["chart"] and timeline["range_chart"], "both charts are drawn"
    titles = [e.title for e in response.context["events"]]
    assert titles == ["Fictional arrest", "Fictional transfer", "Fictional disappearance"], \
        "ordered by the latest date each can have: 1988, 1999, 2004"
    body = response.content.decode()
    assert "1997–1999" in body and "before 2004" in body


def test_dashboards_chart_the_same_rows_as_their_tables(users, client_for, camp):
    _code(users, place=camp["located"], n=3)
    _code(users, place=camp["unlocated"], act_type="PUBLIC_EXECUTION")
    response = client_for("analyst").get("/dashboards/")
    context = response.context
    for name, rows in (("act_type", context["act_types"]), ("pattern", context["patterns"]),
                       ("facility", context["facilities"])):
        chart = context["charts"][name]
        assert [(v["label"], v["n"]) for v in chart["data"]["values"]] == [(r["label"], r["n"]) for r in rows]
    assert [(r["code"], r["n"]) for r in context["facilities"]] == [("TX-CAMP-14", 3), ("TX-CAMP-15", 1)]
    body = response.content.decode()
    for chart_id in ("chart-pattern", "chart-act-type", "chart-years", "chart-facility"):
        assert f'data-vega-spec="{chart_id}"' in body and f'<script id="{chart_id}"' in body


@pytest.mark.parametrize("lang", ["ko", "ja"])
def test_dashboards_speak_the_users_language(users, client_for, camp, lang):
    from inquiry.web.labels import act_type_label, pattern_label

    _code(users, place=camp["located"])
    client = client_for("analyst")
    client.post("/i18n/setlang/", {"language": lang})
    response = client.get("/dashboards/")
    body = response.content.decode()
    assert f'lang="{lang}"' in body
    from django.utils import translation

    with translation.override(lang):
        label, pattern = act_type_label("ARBITRARY_ARREST"), pattern_label("ARB_DET")
    assert label != "arbitrary arrest" and label in body and pattern in body
    spec = response.context["charts"]["act_type"]
    assert spec["data"]["values"][0]["label"] == label, "chart labels come from the profile in the user's language"
    assert "시험 제14호" in body, "facilities are named in hangul for Korean and Japanese readers"


def test_numbers_are_grouped_by_thousands(users, client_for, camp):
    event = _code(users, place=camp["located"])[0].event
    Act.objects.bulk_create([Act(event=event, act_type="ARBITRARY_ARREST", place=camp["located"],
                                 date_edtf="1997", date_earliest=event.date_earliest, date_latest=event.date_latest)
                             for _ in range(1233)])
    cases.event_update(actor=users["investigator"], event=event, title="Fictional arrest, renamed",
                       description="", date="1997", place=camp["located"])  # a write: fresh counts
    body = client_for("analyst").get("/dashboards/").content.decode()
    assert "1,234" in body


def test_pages_use_only_assets_served_by_inquiry(client_for):
    client = client_for("analyst")
    for path in ("/map/", "/timeline/", "/dashboards/"):
        body = client.get(path).content.decode()
        for url in re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', body):
            assert url.startswith("/static/"), f"{path} loads {url}"
        assert "//" not in "".join(re.findall(r'(?:src|href)="(/static/[^"]+)"', body))
    for folder in ("leaflet", "vega", "vega-lite", "natural-earth"):
        files = {p.name for p in (STATIC / "vendor" / folder).iterdir()}
        assert "README.md" in files and ("LICENSE" in files or folder == "natural-earth"), folder
    basemap = json.loads((STATIC / "vendor" / "natural-earth" / "korea-region.json").read_text())
    names = {f["properties"]["name"] for f in basemap["features"]}
    assert {"North Korea", "South Korea", "China", "Japan", "Russia"} <= names
    script = (STATIC / "explore.js").read_text()
    assert "http://" not in script and "https://" not in script


def test_the_map_table_offers_keyboard_access_to_every_marker(users, client_for, camp):
    _code(users, place=camp["located"])
    body = client_for("analyst").get("/map/").content.decode()
    assert '<button type="button" class="link-button" data-show-on-map="TX-CAMP-14">' in body
    assert re.search(r'<tr data-place-code="TX-CAMP-14" data-place-name="Camp 14 \(test\)"', body)


def _add_variety(users, n: int, start: int) -> None:
    """Rows of every kind the pages group by: places, act types, years, events."""
    from inquiry.cases.vocabulary import known_act_types

    types = sorted(known_act_types())
    for i in range(start, start + n):
        place = Place.objects.create(code=f"TX-QC-{i}", kind="facility", name=f"Test facility {i}",
                                     facility_type="kyohwaso", lat=39 + i / 100, lon=126 + i / 100, precision_km=1)
        _code(users, place=place, act_type=types[i % len(types)], date=str(1980 + i))
        _code(users, place=place, act_type=types[(i + 1) % len(types)], date=f"{1980 + i}/{1982 + i}")


def _count(client, path: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(ctx.captured_queries)


@pytest.mark.parametrize("path", PAGES + ["/dashboards/?pattern=ARB_DET", "/map/?facility=TX-QC-1&period=1990s"])
def test_explore_pages_make_a_fixed_number_of_queries_however_many_rows_they_show(path, users, client_for):
    client = client_for("analyst")
    _add_variety(users, 3, 0)
    few = _count(client, path)
    _add_variety(users, 9, 3)
    many = _count(client, path)
    assert many == few, f"{path}: {few} queries for 3 places but {many} for 12"


def test_dashboards_count_from_the_facet_index_and_follow_a_write(users, client_for):
    client = client_for("analyst")
    _add_variety(users, 3, 0)
    client.get("/dashboards/")
    with CaptureQueriesContext(connection) as ctx:
        before = client.get("/dashboards/").context["total"]
    grouped = [q["sql"] for q in ctx.captured_queries if "GROUP BY" in q["sql"] and "cases_act" in q["sql"]]
    assert grouped == [], "act types, places and years come from the in-memory index"
    assert before == Act.objects.count()
    _add_variety(users, 1, 3)
    assert client.get("/dashboards/").context["total"] == Act.objects.count() > before
