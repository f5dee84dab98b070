"""Rebuild hanja_hangul.tsv from Unicode Unihan (Debian package unicode-data).

Run: python src/inquiry/names/data/build_hanja_table.py [/usr/share/unicode]
Not imported by the package; kept so the derived table can be reproduced and audited.
"""

from __future__ import annotations

import bz2
import sys
from pathlib import Path

HEADER = ("# Han character -> hangul readings, name reading first. MODIFIED from Unicode Unihan 15.0.0 "
          "(Unihan_Readings.txt kHangul, Unihan_Variants.txt; Debian unicode-data 15.0.0-1): readings flagged "
          "N (name use) moved first, source flags dropped; characters without kHangul take the readings of "
          "their traditional/semantic/Z variant, or of the hand-listed Japanese form below. "
          "Unicode licence: see README.md.")
VARIANT_FIELDS = ("kTraditionalVariant", "kSemanticVariant", "kZVariant", "kSpecializedSemanticVariant")
# Japanese shinjitai forms used in names whose Unihan entry names no variant (added by hand).
JAPANESE_FORMS = {"沢": "澤", "辺": "邊", "斎": "齋", "桜": "櫻", "滝": "瀧", "売": "賣", "読": "讀",
                  "図": "圖", "剣": "劍", "伝": "傳", "戦": "戰", "穂": "穗", "犠": "犧"}


def _readings(path: Path) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    with bz2.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or "\tkHangul\t" not in line:
                continue
            cp, _, value = line.rstrip("\n").split("\t")
            ranked = sorted((0 if "N" in flags else 1, i, h)
                            for i, (h, _, flags) in enumerate(item.partition(":") for item in value.split()))
            out: list[str] = []
            for _, _, h in ranked:
                if h not in out:
                    out.append(h)
            table[chr(int(cp[2:], 16))] = out
    return table


def _variants(path: Path) -> dict[str, dict[str, list[str]]]:
    variants: dict[str, dict[str, list[str]]] = {}
    with bz2.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cp, field, value = line.rstrip("\n").split("\t")
            if field in VARIANT_FIELDS:
                targets = [chr(int(item.split("<")[0][2:], 16)) for item in value.split()]
                variants.setdefault(chr(int(cp[2:], 16)), {})[field] = targets
    return variants


def build(unicode_dir: Path) -> list[str]:
    readings = _readings(unicode_dir / "Unihan_Readings.txt.bz2")
    variants = _variants(unicode_dir / "Unihan_Variants.txt.bz2")
    lines = [f"{ch}\t{' '.join(r)}" for ch, r in readings.items()]
    for ch, fields in variants.items():
        if ch in readings:
            continue
        for field in VARIANT_FIELDS:
            hit = next((t for t in fields.get(field, []) if t in readings), None)
            if hit:
                lines.append(f"{ch}\t{' '.join(readings[hit])}")
                break
    for ch, old in JAPANESE_FORMS.items():
        if ch not in readings and ch not in variants and old in readings:
            lines.append(f"{ch}\t{' '.join(readings[old])}")
    return lines


def main() -> None:
    unicode_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode")
    lines = build(unicode_dir)
    out = Path(__file__).with_name("hanja_hangul.tsv")
    out.write_text(HEADER + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} characters to {out}")


if __name__ == "__main__":
    main()
