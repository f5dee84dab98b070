"""Script detection and search keys for stored names, through ``inquiry.names`` when present."""

from __future__ import annotations

import unicodedata

from inquiry.folding import without_marks


def detect_script(text: str) -> str:
    scripts = set()
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("HANGUL"):
            scripts.add("hangul")
        elif name.startswith("CJK"):
            scripts.add("han")
        elif name.startswith(("HIRAGANA", "KATAKANA")):
            scripts.add("kana")
        else:
            scripts.add("latin")
    if len(scripts) == 1:
        return scripts.pop()
    return "mixed" if scripts else "latin"


def fold(text: str) -> str:
    """Lower-case, strip accents, apostrophes and hyphens: 'Kim Yŏng-ch'ŏl' -> 'kim yongchol'."""
    kept = "".join(c for c in without_marks(text) if c not in "'’‘`-ʼ")
    return " ".join(kept.lower().split())


def search_text(original: str, lang: str = "") -> str:
    """Folded original plus romanized forms and keys, so a romanized query finds a hangul name."""
    parts = [fold(original), fold(original).replace(" ", "")]
    try:
        from inquiry import names
    except ImportError:
        return " ".join(dict.fromkeys(parts))
    try:
        parsed = names.parse_name(original, lang=lang or None)
        forms = list(getattr(names, "canonical_forms", lambda n: [])(parsed))
        parts += [fold(f) for f in forms] + [fold(f).replace(" ", "") for f in forms]
        parts += sorted(names.name_keys(parsed))
    except Exception:  # a name the parser cannot read is still stored and found by its folded form
        pass
    return " ".join(dict.fromkeys(p for p in parts if p))
