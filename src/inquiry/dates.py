"""Uncertain historical dates as EDTF (ISO 8601-2) with computed bounds.

Users type what witnesses say ("spring 1997", "before 2004", "1990s"); we store the EDTF string
and its earliest/latest calendar bounds so queries can filter by overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import edtf
from edtf.parser.edtf_exceptions import EDTFParseException

from inquiry.errors import InvalidInput

__all__ = ["UncertainDate", "parse_uncertain_date"]

_SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24,
            "봄": 21, "여름": 22, "가을": 23, "겨울": 24, "春": 21, "夏": 22, "秋": 23, "冬": 24}
_Y = r"(\d{4})\s*(?:년|年)?"
_FRIENDLY = [
    (re.compile(r"^(\d{4})\s*(?:년|年)\s*(\d{1,2})\s*(?:월|月)\s*(\d{1,2})\s*(?:일|日)$"),
     lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"),
    (re.compile(r"^(\d{4})\s*(?:년|年)\s*(\d{1,2})\s*(?:월|月)$"), lambda m: f"{m[1]}-{int(m[2]):02d}"),
    (re.compile(r"^(\d{3})0\s*(?:년대|年代)$"), lambda m: f"{m[1]}X"),
    (re.compile(r"^" + _Y + r"\s*(?:이전|以前|まで)$"), lambda m: f"../{m[1]}"),
    (re.compile(r"^" + _Y + r"\s*(?:이후|以降|以後)$"), lambda m: f"{m[1]}/.."),
    (re.compile(r"^(?:before|until|by|이전|以前)\s*(\d{4}(?:-\d{2}){0,2})$", re.I), lambda m: f"../{m[1]}"),
    (re.compile(r"^(\d{4}(?:-\d{2}){0,2})\s*(?:이전|以前)$"), lambda m: f"../{m[1]}"),
    (re.compile(r"^(?:after|since|이후|以降)\s*(\d{4}(?:-\d{2}){0,2})$", re.I), lambda m: f"{m[1]}/.."),
    (re.compile(r"^(\d{4}(?:-\d{2}){0,2})\s*(?:이후|以降)$"), lambda m: f"{m[1]}/.."),
    (re.compile(r"^(?:about|circa|around|c\.|ca\.)\s*(\d{4}(?:-\d{2}){0,2})$", re.I), lambda m: f"{m[1]}~"),
    (re.compile(r"^(\d{4})(?:년경|년 경|年頃|頃)$"), lambda m: f"{m[1]}~"),
    (re.compile(r"^(\d{3})0s$"), lambda m: f"{m[1]}X"),
    (re.compile(r"^(\d{4})\s*(?:-|–|to)\s*(\d{4})$"), lambda m: f"{m[1]}/{m[2]}"),
    (re.compile(r"^(\d{4})년$"), lambda m: m[1]),
    (re.compile(r"^(\d{4})年$"), lambda m: m[1]),
]
_SEASON_RE = re.compile(r"^(spring|summer|autumn|fall|winter)\s+(\d{4})$|^(\d{4})(?:년|年)?\s*(봄|여름|가을|겨울|春|夏|秋|冬)$", re.I)
OPEN_MIN = date(1900, 1, 1)  # "before 2004" still needs a lower bound for range queries
OPEN_MAX = date(2100, 12, 31)


@dataclass(frozen=True)
class UncertainDate:
    edtf: str
    earliest: date
    latest: date


def to_edtf(text: str) -> str:
    """Turn friendly input into an EDTF string; EDTF input passes through unchanged."""
    raw = " ".join(text.strip().split())
    season = _SEASON_RE.match(raw)
    if season:
        name = (season[1] or season[4]).lower()
        year = season[2] or season[3]
        return f"{year}-{_SEASONS[name]}"
    for pattern, build in _FRIENDLY:
        match = pattern.match(raw)
        if match:
            return build(match)
    return raw


def _struct_to_date(value, *, upper: bool) -> date:
    if not hasattr(value, "tm_year"):  # open ends come back as +/- infinity
        return OPEN_MAX if upper else OPEN_MIN
    year, month, day = value.tm_year, value.tm_mon, value.tm_mday
    try:
        return date(year, month, day)
    except ValueError:
        return OPEN_MAX if upper else OPEN_MIN


def parse_uncertain_date(text: str | None, *, field: str = "date") -> UncertainDate | None:
    """Parse friendly or EDTF input. Empty means unknown (None); nonsense raises InvalidInput."""
    if text is None or not str(text).strip():
        return None
    value = to_edtf(str(text))
    try:
        parsed = edtf.parse_edtf(value)
    except (EDTFParseException, ValueError, TypeError):
        raise InvalidInput("“{value}” is not a date we understand. Try 1997, 1997-05, spring 1997, "
                           "before 2004 or 1997/1999.", field=field, value=str(text)) from None
    lower = parsed.lower_fuzzy() if hasattr(parsed, "lower_fuzzy") else parsed.lower_strict()
    upper = parsed.upper_fuzzy() if hasattr(parsed, "upper_fuzzy") else parsed.upper_strict()
    earliest = _struct_to_date(lower, upper=False) if lower else OPEN_MIN
    latest = _struct_to_date(upper, upper=True) if upper else OPEN_MAX
    if earliest > latest:
        raise InvalidInput("“{value}” ends before it begins.", field=field, value=str(text))
    return UncertainDate(edtf=str(parsed), earliest=earliest, latest=latest)
