"""Display labels for profile vocabularies, in the active language."""

from __future__ import annotations

from django.utils.translation import get_language

from inquiry.cases.vocabulary import known_act_types


def _label(item, lang: str) -> str:
    labels = getattr(item, "label", None) or {}
    return labels.get(lang) or labels.get("en") or ""


def act_type_label(code: str) -> str:
    item = known_act_types().get(code)
    lang = (get_language() or "en")[:2]
    return (_label(item, lang) if item else "") or code.replace("_", " ")


def act_type_choices() -> list[tuple[str, str]]:
    return sorted(((code, act_type_label(code)) for code in known_act_types()), key=lambda c: c[1])


def pattern_label(code: str) -> str:
    """A mandate pattern's label in the active language; empty when ``code`` is not a pattern."""
    from django.conf import settings

    from inquiry.profiles import load_profile

    pattern = load_profile(settings.INQUIRY_PROFILE).patterns.get(code)
    return _label(pattern, (get_language() or "en")[:2]) if pattern else ""
