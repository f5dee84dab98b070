"""The shape of a witness identity, checked before it is encrypted.

Error messages name the field and the problem, never the value: the value is identifying.
"""

from __future__ import annotations

from inquiry.errors import InvalidInput

__all__ = ["IDENTITY_FIELDS", "clean_identity"]

_TEXT = ("real_name", "date_of_birth", "place_of_origin", "notes")
_TEXT_LISTS = ("other_names", "contacts")
IDENTITY_FIELDS = (*_TEXT, *_TEXT_LISTS, "relatives_inside")
_RELATIVE_FIELDS = ("name", "relation", "place")
_MAX_TEXT = 20_000


def _text(value, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidInput("{field} must be text.", field=field)
    if len(value) > _MAX_TEXT:
        raise InvalidInput("{field} is longer than {limit} characters.", field=field, limit=_MAX_TEXT)
    return value.strip()


def _text_list(value, field: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        raise InvalidInput("{field} must be a list of texts.", field=field)
    return [t for i, v in enumerate(value) if (t := _text(v, f"{field}[{i}]"))]


def clean_identity(identity: dict) -> dict:
    """A normalised copy with every field present; raises InvalidInput naming the bad field."""
    if not isinstance(identity, dict):
        raise InvalidInput("The identity must be a mapping of fields.", field="identity")
    unknown = sorted(set(identity) - set(IDENTITY_FIELDS))
    if unknown:
        raise InvalidInput(
            "{field} is not an identity field; allowed: {allowed}.",
            field=str(unknown[0]),
            allowed=", ".join(IDENTITY_FIELDS),
        )
    out: dict = {f: _text(identity.get(f), f) for f in _TEXT}
    out.update({f: _text_list(identity.get(f), f) for f in _TEXT_LISTS})
    relatives = identity.get("relatives_inside") or []
    if not isinstance(relatives, list | tuple):
        raise InvalidInput(
            "relatives_inside must be a list of {{name, relation, place}}.", field="relatives_inside"
        )
    cleaned = []
    for i, rel in enumerate(relatives):
        where = f"relatives_inside[{i}]"
        if not isinstance(rel, dict):
            raise InvalidInput("{field} must be a mapping with name, relation and place.", field=where)
        extra = sorted(set(rel) - set(_RELATIVE_FIELDS))
        if extra:
            raise InvalidInput("{field} has an unknown field {name}.", field=where, name=str(extra[0]))
        cleaned.append({k: _text(rel.get(k), f"{where}.{k}") for k in _RELATIVE_FIELDS})
    out["relatives_inside"] = cleaned
    if not out["real_name"]:
        raise InvalidInput("real_name is required.", field="real_name")
    return out
