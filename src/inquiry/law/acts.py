"""Acts and draft findings as plain inputs (built from database rows or JSON)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from inquiry.errors import InvalidInput
from inquiry.law.corroboration import InfoLink

__all__ = ["Act", "DraftFinding", "attach_links"]


def _str_tuple(value: Any, *, field_name: str, row: int | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, Sequence):
        raise InvalidInput(
            "{field_name} must be a list.",
            field=field_name,
            row=row,
            code="not_a_list",
            field_name=field_name,
        )
    return tuple(str(v) for v in value)


@dataclass(frozen=True)
class Act:
    """One act (who did what to whom, when and where) with the information linked to it.

    ``perpetrator_org`` is an organisation id from the profile (``ORG-MSS``) when the perpetrator's
    unit is identified; the elements matrix uses it for the knowledge element.
    """

    id: str
    act_type: str
    links: tuple[InfoLink, ...] = ()
    perpetrator_org: str | None = None
    date: str | None = None  # EDTF
    place: str | None = None  # gazetteer key or facility id

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, row: int | None = None) -> Act:
        if not isinstance(data, Mapping):
            raise InvalidInput("An act must be an object.", row=row, code="not_an_object")
        act_id = data.get("id")
        if not act_id:
            raise InvalidInput("An act needs an id.", field="id", row=row, code="missing_field")
        if not data.get("act_type"):
            raise InvalidInput(
                "Act {act} needs an act_type.", field="act_type", row=row, code="missing_field", act=act_id
            )
        raw_links = data.get("links") or ()
        if not isinstance(raw_links, Sequence) or isinstance(raw_links, str):
            raise InvalidInput("links must be a list.", field="links", row=row, code="not_a_list")
        links = tuple(InfoLink.from_mapping(link, act_id=str(act_id), row=row) for link in raw_links)
        if data.get("date"):
            from inquiry.profiles.dates import date_bounds  # pure helper; imported late to avoid a cycle

            try:
                date_bounds(str(data["date"]))
            except InvalidInput:
                raise InvalidInput(
                    "Act {act}: {value!r} is not an EDTF date or interval.",
                    field="date",
                    row=row,
                    code="bad_edtf",
                    act=act_id,
                    value=data["date"],
                ) from None
        return cls(
            id=str(act_id),
            act_type=str(data["act_type"]),
            links=links,
            perpetrator_org=data.get("perpetrator_org") or None,
            date=data.get("date") or None,
            place=data.get("place") or None,
        )


@dataclass(frozen=True)
class DraftFinding:
    """A finding under construction: candidate crimes and the acts it groups.

    ``patterns`` names the mandate patterns whose evidence is offered for the contextual elements
    (a widespread or systematic attack); when empty, the patterns of the acts' types are used.
    """

    id: str
    title: str
    crimes: tuple[str, ...]
    acts: tuple[Act, ...]
    patterns: tuple[str, ...] = ()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> DraftFinding:
        if not isinstance(data, Mapping):
            raise InvalidInput("The finding must be an object.", code="not_an_object")
        crimes = _str_tuple(data.get("crimes"), field_name="crimes", row=None)
        if not crimes:
            raise InvalidInput(
                "A finding needs at least one candidate crime.", field="crimes", code="missing_field"
            )
        raw_acts = data.get("acts") or ()
        if not isinstance(raw_acts, Sequence) or isinstance(raw_acts, str):
            raise InvalidInput("acts must be a list.", field="acts", code="not_a_list")
        acts = tuple(Act.from_mapping(a, row=i) for i, a in enumerate(raw_acts, start=1))
        return cls(
            id=str(data.get("id") or "finding"),
            title=str(data.get("title") or ""),
            crimes=crimes,
            acts=acts,
            patterns=_str_tuple(data.get("patterns"), field_name="patterns", row=None),
        )


def attach_links(acts: Iterable[Act], links: Iterable[InfoLink]) -> tuple[Act, ...]:
    """Give each act the links whose ``act_id`` is its id (rows from a link table, in any order).

    Links to acts not in ``acts`` are refused, so a typo cannot silently drop information.
    """
    acts = tuple(acts)
    by_act: dict[str, list[InfoLink]] = {a.id: list(a.links) for a in acts}
    for row, link in enumerate(links, start=1):
        if link.act_id not in by_act:
            raise InvalidInput(
                "Link {row} refers to unknown act {act}.",
                field="act_id",
                row=row,
                code="unknown_act",
                act=link.act_id,
            )
        by_act[link.act_id].append(link)
    return tuple(replace(a, links=tuple(by_act[a.id])) for a in acts)
