"""Turn linkage records into the flat table Splink compares.

Every column here is computed once per record in Python (names through ``inquiry.names``, places
through the gazetteer, dates through EDTF), so that the comparisons themselves are plain SQL and
run unchanged on DuckDB and Spark.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from functools import lru_cache

import pandas as pd

from inquiry.dates import parse_uncertain_date
from inquiry.errors import InvalidInput
from inquiry.folding import without_marks
from inquiry.linkage.names_adapter import name_features
from inquiry.linkage.places import fold_place, gazetteer_facility, place_key
from inquiry.linkage.records import LinkageRecord, normalise_sex

__all__ = ["build_feature_table", "date_bounds", "FEATURE_COLUMNS"]

FEATURE_COLUMNS = [
    "unique_id", "source", "name_canon", "name_forms", "name_keys", "block_keys", "birth_lo", "birth_hi",
    "birth_key", "birth_year", "birth_day", "birth_month", "birth_md", "surname", "sex", "birth_place", "birth_province", "last_seen_place", "last_seen_province",
    "facility", "nationality", "relative_forms", "block_year_lo", "block_year_hi",
]
_NATIONALITY = {
    "KP": ("kp", "prk", "dprk", "northkorea", "northkorean", "조선", "북한", "朝鮮", "북조선"),
    "KR": ("kr", "kor", "rok", "southkorea", "southkorean", "korea", "한국", "대한민국", "韓国", "南韓"),
    "JP": ("jp", "jpn", "japan", "japanese", "일본", "日本"),
    "CN": ("cn", "chn", "china", "chinese", "중국", "中国", "中國"),
}
_NATIONALITY_LOOKUP = {alias: code for code, aliases in _NATIONALITY.items() for alias in aliases}
_DIGITS = re.compile(r"\d+")
_YEAR_DAYS = 366
_MAX_BLOCKING_SPAN = 5
# A name key carried by at most this many records blocks every pair that shares it, whatever the
# dates say: a rare name is evidence enough to look at the pair.
RARE_KEY_FREQUENCY = 10
# Tiers of a blocking key, as a prefix of the key itself (one exploded array, one rule: Splink
# does not remove pairs that two exploding rules both generate, so the tiers cannot be two rules).
# The tier is in the key so that the rule needs no other text column: DuckDB's join then carries
# only the key and two integers per exploded row (with the place names it ran out of its 4 GB).
KEY_TIERS = {"rare": "r:", "mid": "m:", "mid_birth_place": "q:", "common": "c:", "birth_place": "p:",
             "last_seen_place": "s:"}
# The per-record columns in the order build_feature_table collects them; surname, block_keys and
# the blocking years are derived from the whole input afterwards.
_DERIVED = ("surname", "block_keys", "block_year_lo", "block_year_hi")
_ROW_COLUMNS = [c for c in FEATURE_COLUMNS if c not in _DERIVED]


_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEARS = re.compile(r"^(\d{4})/(\d{4})$")
_ABOUT = re.compile(r"^(?:(?:about|circa|around|c\.|ca\.)\s*(\d{4})|(\d{4})[~?])$", re.I)


def _fast_bounds(text: str) -> tuple[int, int] | None:
    """The plain forms of most lists, without the EDTF grammar (pyparsing costs ~10 ms a date).

    Same bounds as ``inquiry.dates.parse_uncertain_date``; anything else goes to it.
    """
    try:
        if match := _YEAR.match(text):
            year = int(match[1])
            return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        if match := _DAY.match(text):
            day = date(int(match[1]), int(match[2]), int(match[3])).toordinal()
            return day, day
        if match := _MONTH.match(text):
            year, month = int(match[1]), int(match[2])
            last = (date(year + month // 12, month % 12 + 1, 1).toordinal() - 1)
            return date(year, month, 1).toordinal(), last
        if match := _YEARS.match(text):
            first, last = int(match[1]), int(match[2])
            if first <= last:
                return date(first, 1, 1).toordinal(), date(last, 12, 31).toordinal()
        if match := _ABOUT.match(text):
            year = int(match[1] or match[2])
            return date(year - 1, 1, 1).toordinal(), date(year + 1, 12, 31).toordinal()
    except ValueError:
        return None  # e.g. month 13: let the full parser produce the error
    return None


@lru_cache(maxsize=100_000)
def _parse_date(text: str) -> tuple[int, int] | None:
    fast = _fast_bounds(text)
    if fast is not None:
        return fast
    parsed = parse_uncertain_date(text, field="birth_date")
    if parsed is None:
        return None
    return parsed.earliest.toordinal(), parsed.latest.toordinal()


def date_bounds(text: str | None) -> tuple[int, int] | None:
    """Earliest and latest day (proleptic ordinals) of an EDTF date; None when unknown.

    Raises InvalidInput for text that is not a date.
    """
    if text is None or not str(text).strip():
        return None
    return _parse_date(str(text).strip())


def _fold(text: str | None) -> str | None:
    if text is None:
        return None
    plain = without_marks(str(text)).lower()
    plain = re.sub(r"[\W_]+", "", plain)
    return plain or None


@lru_cache(maxsize=10_000)
def _nationality(text: str) -> str | None:
    folded = _fold(text)
    if folded is None:
        return None
    return _NATIONALITY_LOOKUP.get(folded, folded)


@lru_cache(maxsize=10_000)
def _facility(text: str) -> str | None:
    if not text.strip():
        return None
    known = gazetteer_facility(text)
    if known:
        return known
    # Camps are known by number in every language ("Camp 15", "제15호 관리소", "Kwanliso No. 15").
    numbers = _DIGITS.findall(text)
    if numbers:
        return f"no{int(numbers[0])}"
    key = place_key(text)
    return key.place if key else fold_place(text) or None


def _place(text: str | None) -> tuple[str | None, str | None]:
    if text is None:
        return None, None
    key = place_key(str(text))
    if key is None:
        return None, None
    return key.place, key.province


def _month_day(day: int) -> int:
    when = date.fromordinal(day)
    return when.month * 100 + when.day


def _year_of(lo: int, hi: int) -> int | None:
    if hi - lo > _YEAR_DAYS:
        return None
    return date.fromordinal((lo + hi) // 2).year


def build_feature_table(
    records: Iterable[LinkageRecord],
    *,
    max_key_frequency: int = 1000,
    progress: Callable[[str], None] | None = None,
) -> pd.DataFrame:
    """One row per record with the columns in FEATURE_COLUMNS.

    ``block_keys`` are the name keys used for blocking, each prefixed with its tier (see
    ``inquiry.linkage.model.prediction_blocking_rules``): "r:" for keys at most
    RARE_KEY_FREQUENCY records carry (every pair sharing one is compared), "m:" up to
    ``max_key_frequency`` (a record without a usable birth date is compared with every record of
    the key), with "q:KEY|birth place" beside it; a key beyond that (a very common name) becomes "c:KEY|year" for each year of the
    date and one either side, "p:KEY|birth place" and "s:KEY|last-seen place", so that its pairs
    meet only with birth years within two or a place in common. ``block_year_lo``/``block_year_hi`` are the first and
    last calendar year of the birth date, empty when it is unknown or spans more than five years.
    """
    # Rows as tuples in _ROW_COLUMNS order (a dict per record cost a gigabyte at a million).
    rows: list[tuple[object, ...]] = []
    seen: dict[str, int] = {}
    for position, record in enumerate(records, start=1):
        if not record.record_id.strip():
            raise InvalidInput("The record has no record_id.", field="record_id", row=position)
        if record.record_id in seen:
            raise InvalidInput("record_id “{record_id}” repeats row {first}.", field="record_id",
                               row=position, record_id=record.record_id, first=seen[record.record_id])
        seen[record.record_id] = position
        keys: set[str] = set()
        forms: list[str] = []
        for written in record.names:
            if written and written.strip():
                features = name_features(written.strip(), record.lang)
                keys |= features.keys
                forms.extend(features.forms)
        forms = list(dict.fromkeys(forms))
        if not keys and not forms:
            raise InvalidInput("The record has no name.", field="name", row=position)
        try:
            bounds = date_bounds(record.birth_date)
        except InvalidInput as exc:
            raise InvalidInput(exc.message, field="birth_date", row=position, **exc.params) from None
        relative_forms: set[str] = set()
        for relative in record.relatives:
            if relative and relative.strip():
                relative_forms.update(name_features(relative.strip(), record.lang).forms)
        birth_place, birth_province = _place(record.birth_place)
        seen_place, seen_province = _place(record.last_seen_place)
        rows.append((
            record.record_id,  # unique_id
            _fold(record.source) if record.source else None,  # source
            forms[0] if forms else None,  # name_canon
            sorted(forms) or None,  # name_forms
            sorted(keys) or None,  # name_keys
            bounds[0] if bounds else None,  # birth_lo
            bounds[1] if bounds else None,  # birth_hi
            f"{bounds[0]}/{bounds[1]}" if bounds else None,  # birth_key
            _year_of(*bounds) if bounds else None,  # birth_year
            bounds[0] if bounds and bounds[1] - bounds[0] <= 31 else None,  # birth_day
            # Month, and month and day, of dates known that precisely: a year slip (1960-05-03
            # written 1961-05-03) keeps them, and one person in 336 shares a birthday.
            date.fromordinal(bounds[0]).month if bounds and bounds[1] - bounds[0] <= 31 else None,  # birth_month
            _month_day(bounds[0]) if bounds and bounds[1] == bounds[0] else None,  # birth_md
            normalise_sex(record.sex),  # sex
            birth_place,  # birth_place
            birth_province,  # birth_province
            seen_place,  # last_seen_place
            seen_province,  # last_seen_province
            _facility(record.facility) if record.facility else None,  # facility
            _nationality(record.nationality) if record.nationality else None,  # nationality
            sorted(relative_forms) or None,  # relative_forms
        ))
        if progress and position % 100_000 == 0:
            progress(f"prepared {position:,} records")
    if not rows:
        raise InvalidInput("There are no records to link.", field="records")
    columns: dict[str, list[object]] = {
        name: list(values) for name, values in zip(_ROW_COLUMNS, zip(*rows, strict=True), strict=True)}
    del rows
    _choose_canonical_names(columns)
    _add_block_keys(columns, max_key_frequency)
    frame = pd.DataFrame({name: columns.pop(name) for name in FEATURE_COLUMNS})
    for column in ("birth_lo", "birth_hi", "birth_year", "birth_day", "birth_month", "birth_md", "block_year_lo",
                   "block_year_hi"):
        frame[column] = frame[column].astype("Int64")
    return frame[FEATURE_COLUMNS]


def _surname_of(form: str) -> str | None:
    head = form.split(" ", 1)[0]
    return None if head.startswith("~") else head


def _choose_canonical_names(columns: dict[str, list[object]]) -> None:
    """Pick the reading whose surname is commonest in the whole input as the name to compare.

    "Yong Chol Kim" reads as YONG+colkim or KIM+yongcol; in a list where Kim is frequent and
    Yong is rare as a surname, KIM yongcol is the likely reading, and it is the one that equals
    the hangul 김영철's. Choosing it keeps exact comparison and term frequencies meaningful.
    """
    counts: Counter[str] = Counter()
    all_forms, canon = columns["name_forms"], columns["name_canon"]
    for forms in all_forms:
        for form in forms or ():
            surname = _surname_of(form)
            if surname:
                counts[surname] += 1
    for i, forms in enumerate(all_forms):
        if forms and len(forms) > 1:
            first = canon[i]
            canon[i] = max(forms, key=lambda f: (counts.get(_surname_of(f) or "", -1), f == first))
    columns["surname"] = [_surname_of(name) if name else None for name in canon]


def _add_block_keys(columns: dict[str, list[object]], max_key_frequency: int) -> None:
    frequency: Counter[str] = Counter()
    for keys in columns["name_keys"]:
        frequency.update(keys or ())
    out: list[object] = []
    year_lo: list[int | None] = []
    year_hi: list[int | None] = []
    for keys, lo, hi, birth_place, seen_place in zip(
            columns["name_keys"], columns["birth_lo"], columns["birth_hi"], columns["birth_place"],
            columns["last_seen_place"], strict=True):
        years = _blocking_years(lo, hi)
        block: set[str] = set()
        for key in keys or ():
            count = frequency[key]
            if count <= RARE_KEY_FREQUENCY:
                block.add(KEY_TIERS["rare"] + key)
            elif count <= max_key_frequency:
                block.add(KEY_TIERS["mid"] + key)
                if birth_place:  # the key with the birth place: dates up to four years apart meet
                    block.add(f"{KEY_TIERS['mid_birth_place']}{key}|{birth_place}")
            else:
                # A very common key is never joined whole (its block would hold millions of
                # pairs): every year of the date's interval and one either side, so that two
                # dates at most two years apart meet, and the key with each place, so that
                # records without a date still meet a namesake from the same town.
                if years:
                    block.update(f"{KEY_TIERS['common']}{key}|{year}"
                                 for year in range(years[0] - 1, years[1] + 2))
                if birth_place:
                    block.add(f"{KEY_TIERS['birth_place']}{key}|{birth_place}")
                if seen_place:
                    block.add(f"{KEY_TIERS['last_seen_place']}{key}|{seen_place}")
        out.append(sorted(block) or None)
        year_lo.append(years[0] if years else None)
        year_hi.append(years[1] if years else None)
    columns["block_keys"] = out
    columns["block_year_lo"] = year_lo
    columns["block_year_hi"] = year_hi


def _blocking_years(lo: int | None, hi: int | None) -> tuple[int, int] | None:
    """First and last calendar year of a birth date precise enough to narrow a block."""
    if lo is None or hi is None:
        return None
    first, last = date.fromordinal(lo).year, date.fromordinal(hi).year
    if last - first > _MAX_BLOCKING_SPAN:  # "before 2004": too vague to narrow a block
        return None
    return first, last
