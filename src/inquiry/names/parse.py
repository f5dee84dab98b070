"""parse_name: detect scripts, split surname and given name, build the match readings."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from functools import lru_cache

from inquiry.errors import InvalidInput
from inquiry.names.hangul import hangul_key
from inquiry.names.hanja import hanja_to_hangul, hanja_to_hangul_variants
from inquiry.names.japanese import read_japanese, romaji
from inquiry.names.katakana import is_katakana_text, korean_from_katakana
from inquiry.names.latin import collapse_long_vowels, latin_key
from inquiry.names.model import NameReading, PersonName
from inquiry.names.surnames import (
    TWO_SYLLABLE_SURNAMES,
    clusters_for_hangul,
    clusters_for_latin,
    surname_rank,
    surname_table,
)

__all__ = ["parse_name", "detect_scripts", "LANGS"]

LANGS = ("ko", "ja")
_SPACES = re.compile(r"\s+")
# Runs of one script inside a mixed string such as "김영철 (Kim Yong Chol)".
_RUN_SPLIT = re.compile(r"[()\[\]/;|]+")


_SCRIPT_PATTERNS = (
    ("hangul", re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")),
    ("han", re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\u3005\U00020000-\U0003134f]")),
    ("kana", re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")),
    ("latin", re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")),
)


def _char_script(ch: str) -> str | None:
    for script, pattern in _SCRIPT_PATTERNS:
        if pattern.match(ch):
            return script
    return "latin" if ch.isalpha() else None


def detect_scripts(text: str) -> frozenset[str]:
    """The scripts present in ``text``: hangul, han, kana, latin."""
    found = frozenset(script for script, pattern in _SCRIPT_PATTERNS if pattern.search(text))
    if not found and any(ch.isalpha() for ch in text):
        return frozenset({"latin"})
    return found


def _script_label(scripts: frozenset[str], lang: str | None) -> str:
    if scripts == {"han"}:
        return {"ko": "hanja", "ja": "kanji"}.get(lang or "", "han")
    if scripts == {"han", "kana"}:
        return "kanji+kana"
    if len(scripts) == 1:
        return next(iter(scripts))
    return "mixed"


def _display_key(key: str) -> str:
    return key.replace("N", "ng")


def _korean(original: str, surname: str, given: str, script: str, *, written: str | None = None) -> PersonName:
    """Build the name from a hangul surname and given name (``written`` = the original-script split)."""
    clusters = clusters_for_hangul(surname)
    reading = NameReading("ko", hangul_key(surname), hangul_key(given), clusters, "family-first")
    w_sur, w_giv = (written.split("\t") if written else (surname, given))
    return PersonName(
        original=original, script=script, lang="ko", surname=w_sur, given=w_giv,
        surname_norm=_display_key(reading.surname_key), given_norm=_display_key(reading.given_key),
        surname_cluster=min(clusters), hangul=f"{surname}{given}", readings=(reading,),
        hangul_parts=(surname, given),
    )


def _split_hangul(tokens: list[str]) -> tuple[str, str]:
    table = surname_table().by_hangul
    if len(tokens) >= 2:
        if tokens[-1] in table and tokens[0] not in table and len(tokens[0]) > 1:
            return tokens[-1], "".join(tokens[:-1])
        return tokens[0], "".join(tokens[1:])
    word = tokens[0]
    if len(word) >= 3 and word[:2] in TWO_SYLLABLE_SURNAMES:
        return word[:2], word[2:]
    if len(word) >= 2:
        return word[:1], word[1:]
    return word, ""


def _parse_hangul(original: str, text: str) -> PersonName:
    surname, given = _split_hangul(text.split(" "))
    return _korean(original, surname, given, "hangul")


def _split_hanja(tokens: list[str]) -> tuple[str, str]:
    if len(tokens) >= 2:
        return tokens[0], "".join(tokens[1:])
    word = tokens[0]
    if len(word) >= 3 and word[:2] in surname_table().two_syllable_hanja:
        return word[:2], word[2:]
    return (word[:1], word[1:]) if len(word) >= 2 else (word, "")


def _parse_hanja_korean(original: str, text: str, script: str) -> PersonName | None:
    sur_han, giv_han = _split_hanja(text.split(" "))
    sur = hanja_to_hangul(sur_han)
    givens = hanja_to_hangul_variants(giv_han) if giv_han else ("",)
    if not sur or not givens:
        return None
    name = _korean(original, sur, givens[0], script, written=f"{sur_han}\t{giv_han}")
    clusters = clusters_for_hangul(sur)
    extra = tuple(NameReading("ko", hangul_key(sur), hangul_key(g), clusters, "family-first") for g in givens[1:])
    return _with_readings(name, extra)


def _japanese_reading(family_romaji: str, given_romaji: str) -> NameReading:
    fam = collapse_long_vowels(family_romaji)
    giv = collapse_long_vowels(given_romaji)
    return NameReading("ja", latin_key(fam), latin_key(giv), clusters_for_latin(fam), "family-first")


def _parse_japanese(original: str, text: str, script: str) -> PersonName:
    tokens = text.split(" ")
    if len(tokens) >= 2:
        family, given = tokens[0], "".join(tokens[1:])
        fam_r, giv_r = romaji(family), romaji(given)
    else:
        family, given, fam_r, giv_r = read_japanese(text)
    reading = _japanese_reading(fam_r, giv_r)
    readings = [reading]
    # The in-context reading can go wrong (文雄 read Bun'yū inside 岸田文雄); the parts read alone
    # give a second opinion.
    alone = _japanese_reading(romaji(family), romaji(given))
    if alone != reading:
        readings.append(alone)
    # A part the dictionary cannot read (Korean hanja such as 洙墉) gives an empty key, which
    # would make every name with the same surname look alike.
    readable = [r for r in readings if (r.given_key or not given) and (r.surname_key or not family)]
    readings = readable or readings[:1]
    return PersonName(
        original=original, script=script, lang="ja", surname=family, given=given,
        surname_norm=_display_key(reading.surname_key), given_norm=_display_key(reading.given_key),
        surname_cluster=min(reading.clusters),
        other_romanizations=(("hepburn", f"{fam_r} {giv_r}".strip()),), readings=tuple(readings),
    )


def _latin_candidates(text: str, lang: str | None) -> list[tuple[str, str, str]]:
    """(surname, given, order) candidates for a Latin name, the most likely first."""
    if "," in text:
        head, _, tail = text.partition(",")
        head, tail = head.strip(), tail.strip().replace(",", " ")
        if head and tail:
            return [(head, tail, "family-first")]
        text = head or tail
    tokens = text.split(" ")
    if len(tokens) == 1:
        return [("", tokens[0], "given-only")]
    family_first = (tokens[0], " ".join(tokens[1:]), "family-first")
    given_first = (tokens[-1], " ".join(tokens[:-1]), "given-first")
    capitals = [i for i, t in enumerate(tokens) if t.isupper() and sum(c.isalpha() for c in t) > 1]
    if len(capitals) == 1 and len(tokens) > 1:
        # "KIM Yong Chol" / "Megumi YOKOTA": the capitalised word is the surname (UN, EU, Japanese lists).
        if capitals[0] == 0:
            return [family_first]
        if capitals[0] == len(tokens) - 1:
            return [given_first]
    first_rank = surname_rank(tokens[0])
    last_rank = surname_rank(tokens[-1])
    # A known Korean surname at one end and an unknown word at the other settles the order; the
    # other order would only invent surnames (Il in "Kim Pyong Il") and false matches.
    if first_rank is not None and last_rank is None:
        return [family_first]
    if last_rank is not None and first_rank is None:
        return [given_first]
    if first_rank is not None and last_rank is not None:
        # Both ends are surnames (Yong Chol Kim): the more common surname is more likely the surname.
        return [given_first, family_first] if last_rank < first_rank else [family_first, given_first]
    if lang in ("ko", "ja"):
        return [family_first, given_first]
    return [given_first, family_first]


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "jr", "sr", "ii", "iii", "mme", "mlle"})


def _clean_latin(text: str) -> str:
    """Drop words without letters (emoji, numbers) and honorifics (Mr, Dr, Jr)."""
    words = []
    for word in text.split(" "):
        bare = word.strip(".").lower().strip(",")
        if not any(ch.isalpha() for ch in word) or bare in _TITLES:
            if word.endswith(",") and words:
                words[-1] += ","
            continue
        words.append(word)
    return " ".join(words)


def _parse_latin(original: str, text: str, lang: str | None) -> PersonName:
    text = _clean_latin(text) or text
    readings = []
    candidates = _latin_candidates(text, lang)
    for surname, given, order in candidates:
        clusters = clusters_for_latin(surname) if surname else frozenset({"~"})
        reading_lang = lang or ("ko" if surname and not next(iter(clusters)).startswith("~") else None)
        readings.append(NameReading(reading_lang, latin_key(surname), latin_key(given), clusters, order))
    surname, given, _ = candidates[0]
    first = readings[0]
    return PersonName(
        original=original, script="latin", lang=lang, surname=surname, given=given,
        surname_norm=_display_key(first.surname_key), given_norm=_display_key(first.given_key),
        surname_cluster=min(first.clusters), other_romanizations=(("latin", text),), readings=tuple(readings),
    )


def _korean_katakana_readings(text: str) -> tuple[NameReading, ...]:
    """Korean readings of a katakana name (キム ヨンチョル) whose first word is a Korean surname."""
    tokens = text.split(" ")
    if len(tokens) < 2:
        return ()
    surnames = korean_from_katakana(tokens[0])
    clusters = frozenset(c for v in surnames for c in clusters_for_latin(v) if not c.startswith("~"))
    if not clusters:
        return ()
    surname_key = latin_key(surnames[0])
    givens = korean_from_katakana("".join(tokens[1:]))
    return tuple(NameReading("ko", surname_key, latin_key(g), clusters, "family-first") for g in givens)


def _parse_run(original: str, text: str, scripts: frozenset[str], lang: str | None) -> PersonName:
    if "hangul" in scripts:
        if "han" in scripts:  # hanja mixed into a hangul name (金영철): read them as Korean
            text = "".join(hanja_to_hangul(c) or c if _char_script(c) == "han" else c for c in text)
        return _parse_hangul(original, "".join(c for c in text if _char_script(c) == "hangul" or c == " ").strip())
    if "kana" in scripts or ("han" in scripts and lang == "ja"):
        japanese = _parse_japanese(original, text, _script_label(scripts, "ja"))
        korean = _korean_katakana_readings(text) if lang != "ja" and is_katakana_text(text) else ()
        if not korean:
            return japanese
        # Japanese documents write Korean names in katakana (キム ヨンチョル): the Korean reading
        # comes first, the Japanese one stays unless the language is given.
        readings = korean if lang == "ko" else korean + japanese.readings
        first = readings[0]
        return dataclasses.replace(
            japanese, lang=lang, readings=readings, surname_norm=_display_key(first.surname_key),
            given_norm=_display_key(first.given_key), surname_cluster=min(first.clusters))
    if "han" in scripts:
        korean = _parse_hanja_korean(original, text, _script_label(scripts, lang))
        if lang == "ko" and korean is not None:
            return korean
        japanese = _parse_japanese(original, text, _script_label(scripts, lang))
        if korean is None:
            return japanese
        # Unknown language: keep the Korean parse and add the Japanese reading (金英哲 / Kin Eitetsu).
        readable = tuple(r for r in japanese.readings if r.given_key or not japanese.given)
        both = _with_readings(korean, readable, extra_romanizations=japanese.other_romanizations)
        return dataclasses.replace(both, lang=None)
    return _parse_latin(original, text, lang)


def _with_readings(name: PersonName, readings: tuple[NameReading, ...],
                   extra_romanizations: tuple[tuple[str, str], ...] = ()) -> PersonName:
    seen = list(name.readings)
    seen += [r for r in readings if r not in seen]
    return PersonName(
        original=name.original, script=name.script, lang=name.lang, surname=name.surname, given=name.given,
        surname_norm=name.surname_norm, given_norm=name.given_norm, surname_cluster=name.surname_cluster,
        hangul=name.hangul, readings=tuple(seen), hangul_parts=name.hangul_parts,
        other_romanizations=name.other_romanizations + extra_romanizations,
    )


@lru_cache(maxsize=262144)
def _parse_cached(text: str, lang: str | None) -> PersonName:
    # The Japanese middle dot separates name parts like a space (キム・ヨンチョル).
    clean = _SPACES.sub(" ", unicodedata.normalize("NFKC", text).replace("・", " ")).strip()
    scripts = detect_scripts(clean)
    if not scripts:
        raise InvalidInput("The name {name!r} contains no letters.", field="name", name=text)
    if len(scripts) == 1 or scripts == {"han", "kana"}:
        return _parse_run(text, clean, scripts, lang)
    # Mixed scripts, e.g. "김영철 (金英哲, Kim Yong Chol)": parse each run, keep every reading.
    runs = [r.strip(" ,") for r in _RUN_SPLIT.split(clean)]
    runs = [r for part in runs for r in (part.split(",") if detect_scripts(part) != {"latin"} else [part])]
    runs = [r.strip() for r in runs if detect_scripts(r)]
    primary = _parse_run(text, runs[0], detect_scripts(runs[0]), lang)
    # The romanized part of "김영철 (Kim Yong Chol)" is in the language of the native-script part.
    names = [primary] + [_parse_run(text, r, detect_scripts(r), lang or primary.lang) for r in runs[1:]]
    for other in names[1:]:
        primary = _with_readings(primary, other.readings, other.other_romanizations)
    return PersonName(
        original=primary.original, script="mixed", lang=primary.lang, surname=primary.surname,
        given=primary.given, surname_norm=primary.surname_norm, given_norm=primary.given_norm,
        surname_cluster=primary.surname_cluster, hangul=primary.hangul, readings=primary.readings,
        hangul_parts=primary.hangul_parts, other_romanizations=primary.other_romanizations,
    )


def parse_name(text: str, *, lang: str | None = None) -> PersonName:
    """Parse a personal name written in hangul, hanja/kanji, kana or Latin script.

    ``lang`` ('ko' or 'ja') says which language a Han-character or Latin name is in; with
    ``lang=None`` a pure Han name gets both its Korean and its Japanese reading.
    """
    if not isinstance(text, str):
        raise InvalidInput("A name must be text, not {kind}.", field="name", kind=type(text).__name__)
    if lang not in (None, *LANGS):
        raise InvalidInput("The language {lang!r} is not supported; use 'ko' or 'ja'.", field="lang", lang=lang)
    return _parse_cached(text, lang)
