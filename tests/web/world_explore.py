"""Records for the explore pages: a province and a county with coordinates, a facility with a
location of its own and one without, and acts at each, so that every kind of marker is drawn."""

from __future__ import annotations


def extend(world: dict, users) -> None:
    from inquiry.cases import services as cases
    from inquiry.places.models import Place

    inv = users["investigator"]
    province = Place.objects.create(code="TEST-EXP-PROV", kind="province", name="Hamgyŏng-test", name_ko="함경시험도",
                                    lat=41.0, lon=129.0)
    county = Place.objects.create(code="TEST-EXP-COUNTY", kind="county", name="Hwasŏng-test", name_ko="화성시험군",
                                  parent=province, lat=41.2, lon=129.3)
    located = Place.objects.create(code="TEST-EXP-KLS-16", kind="facility", name="Camp 16 (test)", name_ko="제16호 시험",
                                   parent=county, facility_type="kwanliso", lat=41.3, lon=129.33, precision_km=18)
    unlocated = Place.objects.create(code="TEST-EXP-KLS-99", kind="facility", name="Camp 99 (test)", parent=county,
                                     facility_type="kwanliso")
    event = cases.event_create(actor=inv, title="Fictional transfer", date="1999/2001", place=located)
    for place, act_type, date in ((located, "ARBITRARY_ARREST", "1998"), (unlocated, "ARBITRARY_ARREST", "1990s"),
                                  (county, "ARBITRARY_ARREST", "")):
        cases.act_add(actor=inv, event=event, act_type=act_type, date=date, place=place)
    world.update({"explore_province": province, "explore_county": county, "explore_facility": located,
                  "explore_unlocated": unlocated, "explore_event": event})
