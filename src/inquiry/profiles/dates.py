"""EDTF bounds as comparable (year, month, day) tuples; ``None`` is an open or unknown end.

Handles the EDTF (ISO 8601-2) forms that reference data uses: ``1998``, ``2016-06``, ``2020-05-24``,
qualifiers ``~ ? %``, unspecified digits (``199X``, ``2004-XX``), seasons (``1997-21`` = spring) and
intervals with open or unknown ends (``2016-06~/..``, ``../2000``, ``1973/``).

Why not the ``edtf`` package: it imports ``django.conf`` at import time when Django is installed,
and this module belongs to the Django-free library. The forms above are parsed here in a few lines;
anything else is refused with a clear message.
"""

from __future__ import annotations

import calendar
import re

from inquiry.errors import InvalidInput

__all__ = ["Bound", "date_bounds", "overlaps"]

Bound = tuple[int, int, int] | None

_DATE = re.compile(r"^(?P<y>-?[0-9X]{4})(?:-(?P<m>[0-9X]{2})(?:-(?P<d>[0-9X]{2}))?)?(?P<q>[~?%])?$")
# Northern-hemisphere seasons, as the edtf package maps them by default.
_SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 12)}


def _fail(text: str) -> InvalidInput:
    return InvalidInput("{value!r} is not an EDTF date or interval.", code="bad_edtf", value=text)


def _single(text: str, whole: str) -> tuple[Bound, Bound]:
    match = _DATE.match(text)
    if not match:
        raise _fail(whole)
    y, m, d = match.group("y"), match.group("m"), match.group("d")
    y_lo, y_hi = int(y.replace("X", "0")), int(y.replace("X", "9"))
    if m is None:
        return (y_lo, 1, 1), (y_hi, 12, 31)
    if "X" in m:
        m_lo, m_hi = 1, 12
    else:
        month = int(m)
        if month in _SEASONS and d is None:
            m_lo, m_hi = _SEASONS[month]
        elif 1 <= month <= 12:
            m_lo = m_hi = month
        else:
            raise _fail(whole)
    last = calendar.monthrange(y_hi, m_hi)[1]
    if d is None or "X" in d:
        return (y_lo, m_lo, 1), (y_hi, m_hi, last)
    day = int(d)
    if not 1 <= day <= calendar.monthrange(y_lo, m_lo)[1]:
        raise _fail(whole)
    return (y_lo, m_lo, day), (y_hi, m_hi, day)


def date_bounds(text: str) -> tuple[Bound, Bound]:
    """Earliest and latest day covered by an EDTF date or interval."""
    value = str(text).strip()
    if "/" not in value:
        if value in ("", ".."):
            raise _fail(value)
        return _single(value, value)
    start_text, _, end_text = value.partition("/")
    if "/" in end_text:
        raise _fail(value)
    start = None if start_text in ("", "..") else _single(start_text, value)[0]
    end = None if end_text in ("", "..") else _single(end_text, value)[1]
    if start is not None and end is not None and end < start:
        raise _fail(value)
    return start, end


def overlaps(a_start: Bound, a_end: Bound, b_start: Bound, b_end: Bound) -> bool:
    if a_end is not None and b_start is not None and a_end < b_start:
        return False
    if b_end is not None and a_start is not None and b_end < a_start:
        return False
    return True
