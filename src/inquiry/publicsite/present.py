"""Turn public-site records into what a template shows, in the reader's language.

A missing translation falls back to the English, and the template marks it ``lang="en"``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language

from inquiry.findings.crime_titles import crime_title
from inquiry.publicsite.markup import render_markdown


def current_language() -> str:
    lang = (get_language() or "en")[:2]
    return lang if lang in {code for code, _n in settings.LANGUAGES} else "en"


@dataclass
class Text:
    """A piece of text and the language it is actually in (``fallback``: not the reader's)."""

    value: str
    lang: str
    fallback: bool

    def __str__(self) -> str:
        return self.value

    @property
    def html(self):
        return render_markdown(self.value)


def text(record, name: str, lang: str | None = None) -> Text:
    lang = lang or current_language()
    value, used = record.text(name, lang)
    return Text(value=value, lang=used, fallback=used != lang)


def _profile():
    from inquiry.profiles import load_profile

    return load_profile(settings.INQUIRY_PROFILE)


def _label(labels, lang: str) -> Text:
    value = labels.get(lang) or ""
    if value:
        return Text(value, lang, False)
    return Text(labels.get("en", ""), "en", lang != "en")


def pattern_rows(lang: str | None = None) -> list[dict]:
    """The mandate's patterns with the report chapters that address them, from the profile."""
    lang = lang or current_language()
    prof = _profile()
    rows = []
    for pattern in sorted(prof.patterns.values(), key=lambda p: p.order):
        chapters = [_label(prof.chapters[c].label, lang) for c in pattern.chapters if c in prof.chapters]
        rows.append({"code": pattern.code, "label": _label(pattern.label, lang), "chapters": chapters})
    return rows


def pattern_label(code: str, lang: str | None = None) -> Text:
    pattern = _profile().patterns.get(code)
    if pattern is None:
        return Text(code, "en", False)
    return _label(pattern.label, lang or current_language())


def crime_rows(codes) -> list[dict]:
    """Article 7 crimes: the code, the title in the reader's language and the English title of
    the ICC's Elements of Crimes, which is the authority."""
    framework = _profile().framework
    known = set(framework.crime_codes)
    rows = []
    for code in codes:
        english = framework.crime(code).title if code in known else ""
        rows.append({"code": code, "title": crime_title(code, english) if english else "", "title_en": english})
    return rows


def statistics_rows(data: dict, lang: str | None = None) -> list[dict]:
    lang = lang or current_language()
    return [{"code": row["code"], "label": pattern_label(row["code"], lang), "acts": row["acts"]}
            for row in data.get("by_pattern", [])]
