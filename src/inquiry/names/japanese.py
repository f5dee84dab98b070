"""Japanese readings through cutlet (MIT; MeCab/UniDic via fugashi). Loaded lazily: it is slow to start."""

from __future__ import annotations

from functools import cache, lru_cache

__all__ = ["is_kana", "read_japanese", "romaji"]


def is_kana(ch: str) -> bool:
    code = ord(ch)
    return 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9F


@cache
def _cutlet():  # type: ignore[no-untyped-def]
    import cutlet

    return cutlet.Cutlet()


@lru_cache(maxsize=65536)
def romaji(text: str) -> str:
    """Hepburn romaji of one name part, long vowels as typed by converters (Shuuichi), no spaces."""
    if not text:
        return ""
    out = _cutlet().romaji(text)
    if "?" in out:  # cutlet's mark for a character it cannot read: a partial reading would mislead
        return ""
    return "".join(ch for ch in out if ch.isalpha()).capitalize()


def _romaji_words(words: list) -> str:  # type: ignore[type-arg]
    cut = _cutlet()
    out = "".join(cut.romaji_word(w) for w in words)
    if "?" in out or any(w.is_unk and w.feature.kana is None for w in words):
        return ""
    return "".join(ch for ch in out if ch.isalpha()).capitalize()


@lru_cache(maxsize=65536)
def read_japanese(text: str) -> tuple[str, str, str, str]:
    """Split a family-first Japanese name written without a space and read it.

    Returns (family, given, family_romaji, given_romaji). UniDic tags person-name morphemes as
    姓 (family) or 名 (given); the whole name is read in one pass so that context picks the
    reading (田中実 is Tanaka Minoru, not Jitsu). Without a tagged family name a length rule
    takes over (most family names are two characters).
    """
    words = list(_cutlet().tagger(text))
    n_family = 0
    while n_family < len(words) - 1 and getattr(words[n_family].feature, "pos4", None) == "姓":
        n_family += 1
    if n_family:
        family = "".join(w.surface for w in words[:n_family])
        if text.startswith(family):
            return (family, text[len(family):], _romaji_words(words[:n_family]),
                    _romaji_words(words[n_family:]))
    if len(text) < 2:
        return "", text, "", romaji(text)
    cut = 1 if len(text) <= 3 else 2
    return text[:cut], text[cut:], romaji(text[:cut]), romaji(text[cut:])
