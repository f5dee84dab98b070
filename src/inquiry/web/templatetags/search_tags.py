"""Template helpers of the search, person and linkage pages: uncertain dates in the reader's language."""

from __future__ import annotations

import re
from datetime import date

from django import template
from django.utils import formats
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

register = template.Library()

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_SEASON = re.compile(r"^(\d{4})-(2[1-4])$")
_DECADE = re.compile(r"^(\d{3})X$")
_QUALIFIED = re.compile(r"^(.+?)([~?%])$")


def _season(year: str, code: str) -> str:
    if code == "21":
        return _("spring %(year)s") % {"year": year}
    if code == "22":
        return _("summer %(year)s") % {"year": year}
    if code == "23":
        return _("autumn %(year)s") % {"year": year}
    return _("winter %(year)s") % {"year": year}


def _simple(value: str) -> str | None:
    """A single EDTF date (no interval) in words, or None when it is not one we know."""
    if m := _YEAR.match(value):
        return pgettext("a year on its own", "%(year)s") % {"year": m[1]}
    if m := _SEASON.match(value):
        return _season(m[1], m[2])
    if m := _MONTH.match(value):
        month = int(m[2])
        if 1 <= month <= 12:
            return pgettext("month and year", "%(month)s %(year)s") % {"month": MONTHS[month], "year": m[1]}
        return None
    if m := _DAY.match(value):
        try:
            return formats.date_format(date(int(m[1]), int(m[2]), int(m[3])), "DATE_FORMAT")
        except ValueError:
            return None
    if m := _DECADE.match(value):
        return _("%(decade)ss") % {"decade": m[1] + "0"}
    if m := _QUALIFIED.match(value):
        inner = _simple(m[1])
        if inner is None:
            return None
        if m[2] == "~":
            return _("about %(date)s") % {"date": inner}
        return _("%(date)s (uncertain)") % {"date": inner}
    return None


def edtf_label(value: str | None) -> str:
    """``1997-21`` → "spring 1997" / "1997년 봄" / "1997年春"; unknown forms come back unchanged."""
    text = str(value or "").strip()
    if not text:
        return ""
    if "/" in text:
        start, _sep, end = text.partition("/")
        if start in ("", "..") and end not in ("", ".."):
            inner = _simple(end)
            return _("before %(date)s") % {"date": inner} if inner else text
        if end in ("", "..") and start not in ("", ".."):
            inner = _simple(start)
            return _("after %(date)s") % {"date": inner} if inner else text
        a, b = _simple(start), _simple(end)
        return _("%(start)s–%(end)s") % {"start": a, "end": b} if a and b else text
    return _simple(text) or text


@register.filter(name="edtf")
def edtf_filter(value) -> str:
    return edtf_label(value)


@register.filter(name="language_name")
def language_name(code: str | None) -> str:
    """A language code as its name in the reader's language (the codes the forms offer), else the code."""
    from inquiry.web.forms import LANGUAGES

    if not code:
        return ""
    return str(dict(LANGUAGES).get(code, code))
