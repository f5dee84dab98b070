"""Persons with names in several scripts; merges that can be undone."""

from __future__ import annotations

import pytest

from inquiry.audit.models import AuditEntry
from inquiry.errors import Conflict, InvalidInput, PermissionDenied
from inquiry.people import selectors, services

pytestmark = pytest.mark.django_db


def test_names_are_kept_as_written_with_their_script(users):
    person = services.person_create(actor=users["investigator"], names=["김영철", "金英哲", "Kim Yŏng-ch'ŏl",
                                                                         ("横田めぐみ", "ja")])
    scripts = {n.original: n.script for n in person.names.all()}
    assert scripts == {"김영철": "hangul", "金英哲": "han", "Kim Yŏng-ch'ŏl": "latin", "横田めぐみ": "mixed"}


def test_a_romanized_query_finds_a_hangul_name(users):
    person = services.person_create(actor=users["investigator"], names=["김영철"], birth_date="1960")
    services.person_create(actor=users["investigator"], names=["박순희"])
    found = list(selectors.person_list_for_user(users["analyst"], q="Kim Yong Chol"))
    assert person in found
    assert all("박순희" not in [n.original for n in p.names.all()] for p in found)


def test_a_person_needs_a_name(users):
    with pytest.raises(InvalidInput) as err:
        services.person_create(actor=users["investigator"], names=["  "])
    assert err.value.field == "names"


def test_merge_is_reversible_and_both_steps_are_audited(users):
    inv, analyst = users["investigator"], users["analyst"]
    a = services.person_create(actor=inv, names=["이순실"])
    b = services.person_create(actor=inv, names=["Ri Sun-sil"])
    services.person_merge(actor=analyst, survivor=a, merged=b, reason="same birth date and camp")
    b.refresh_from_db()
    assert b.merged_into == a
    assert b not in selectors.person_list_for_user(analyst)
    services.person_unmerge(actor=analyst, person=b)
    b.refresh_from_db()
    assert b.merged_into is None and b in selectors.person_list_for_user(analyst)
    assert list(AuditEntry.objects.filter(action__startswith="person.").values_list("action", flat=True))[-2:] == \
        ["person.merge", "person.unmerge"]


def test_only_analysts_merge_and_merges_do_not_chain(users):
    inv, analyst = users["investigator"], users["analyst"]
    a, b, c = (services.person_create(actor=inv, names=[n]) for n in ("가", "나", "다"))
    with pytest.raises(PermissionDenied):
        services.person_merge(actor=inv, survivor=a, merged=b)
    services.person_merge(actor=analyst, survivor=a, merged=b)
    with pytest.raises(Conflict):
        services.person_merge(actor=analyst, survivor=b, merged=c)
    with pytest.raises(InvalidInput):
        services.person_merge(actor=analyst, survivor=a, merged=a)


def test_partner_sees_only_its_own_persons(users):
    own = services.person_create(actor=users["partner"], names=["최허구"])
    other = services.person_create(actor=users["outsider"], names=["최가상"])
    assert list(selectors.person_list_for_user(users["partner"])) == [own]
    assert list(selectors.person_list_for_user(users["outsider"])) == [other]


@pytest.mark.parametrize("query", ["김영철", "Kim Yong Chol", "KIM, Yong-chol", "kim yŏng-ch'ŏl", "김"])
def test_name_search_finds_every_spelling_through_the_index(users, query):
    person = services.person_create(actor=users["investigator"], names=["김영철"], birth_date="1960")
    services.person_create(actor=users["investigator"], names=["박순희"])
    found = list(selectors.person_list_for_user(users["analyst"], q=query))
    assert person in found, query
    assert all("박순희" not in [n.original for n in p.names.all()] for p in found)


def test_name_search_sees_renamed_and_deleted_names(users):
    person = services.person_create(actor=users["investigator"], names=["최허구"])
    services.person_update(actor=users["investigator"], person=person, names=["한가상"])
    assert list(selectors.person_list_for_user(users["analyst"], q="최허구")) == []
    assert list(selectors.person_list_for_user(users["analyst"], q="한가상")) == [person]


def test_name_search_with_search_syntax_characters_does_not_fail(users):
    services.person_create(actor=users["investigator"], names=["김영철"])
    for query in ['"', "kim*", "a OR b", "%_\\", "NEAR(x y)"]:
        list(selectors.person_list_for_user(users["analyst"], q=query))
