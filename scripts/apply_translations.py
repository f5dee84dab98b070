"""Fill the Korean and Japanese catalogues from translators' JSON files.

    python scripts/apply_translations.py FILE.json [FILE.json ...] [--overwrite]

Each file maps an English msgid to its translations: ``{"msgid": {"ko": "…", "ja": "…"}}``; an
entry may add ``"msgctxt"`` (the translation context) and ``"msgid_plural"`` (then ko and ja
are used for every plural form: neither language inflects for number).
Run ``makemessages`` first so that every msgid exists in the catalogues; an entry the
catalogue does not have is reported, not added (it would be stale at the next makemessages).
Existing translations are kept unless ``--overwrite``; fuzzy flags on filled entries are cleared.
Then run ``scripts/compile_translations.sh`` and ``scripts/check_translations.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[1] / "src" / "inquiry" / "locale"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--overwrite", action="store_true")
    args = ap.parse_args(argv)
    wanted: dict[str, dict[str, str]] = {}
    for path in args.files:
        for msgid, langs in json.loads(path.read_text(encoding="utf-8")).items():
            wanted.setdefault((langs.get("msgctxt") or "", msgid), {}).update(langs)
    for lang in ("ko", "ja"):
        po_path = LOCALE / lang / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(po_path), wrapwidth=0)
        by_id = {(e.msgctxt or "", e.msgid): e for e in catalogue if not e.obsolete}
        filled = unknown = 0
        for key, langs in wanted.items():
            text = langs.get(lang)
            entry = by_id.get(key)
            msgid = key[1]
            if not text:
                continue
            if entry is None:
                unknown += 1
                print(f"{lang}: not in the catalogue (run makemessages?): {msgid!r}", file=sys.stderr)
                continue
            current = entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
            if current and current != text and not args.overwrite and "fuzzy" not in entry.flags:
                continue
            if entry.msgid_plural:
                entry.msgstr_plural = {i: text for i in (entry.msgstr_plural or {0: ""})}
            else:
                entry.msgstr = text
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            filled += 1
        for entry in catalogue:
            if "fuzzy" not in entry.flags:  # a "#| previous" note without the fuzzy flag breaks msgfmt
                entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        catalogue.save(str(po_path))
        print(f"{lang}: {filled} entries filled, {unknown} not in the catalogue")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
