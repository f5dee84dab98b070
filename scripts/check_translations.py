"""Fail when a Korean or Japanese catalogue misses, fuzzies or has a stale compiled entry.

It also extracts the messages anew (makemessages) so that a string added to the code but not to
the catalogues is caught, not just an empty entry.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "inquiry" / "locale"
LANGS = ("ko", "ja")


def extracted_messages() -> set[tuple[str, str]]:
    """Every msgid (with context) that makemessages finds in the code and templates now."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "INQUIRY_DATA_DIR": tmp}
        target = Path(tmp) / "locale"
        subprocess.run(
            [sys.executable, "-m", "django", "makemessages", "-l", "xx", "--no-location", "--no-obsolete",
             "--ignore", "tests/*", "--ignore", "benchmarks/*"],
            cwd=ROOT / "src" / "inquiry", check=True, capture_output=True,
            env={**env, "DJANGO_SETTINGS_MODULE": "inquiry.settings"},
        )
        # makemessages writes into LOCALE_PATHS; read the xx catalogue, then remove it
        po_path = LOCALE / "xx" / "LC_MESSAGES" / "django.po"
        try:
            po = polib.pofile(str(po_path))
            return {(e.msgctxt or "", e.msgid) for e in po if not e.obsolete}
        finally:
            for p in (LOCALE / "xx" / "LC_MESSAGES").glob("*"):
                p.unlink()
            (LOCALE / "xx" / "LC_MESSAGES").rmdir()
            (LOCALE / "xx").rmdir()
            del target


def main() -> int:
    problems: list[str] = []
    wanted = extracted_messages()
    for lang in LANGS:
        po_path = LOCALE / lang / "LC_MESSAGES" / "django.po"
        mo_path = po_path.with_suffix(".mo")
        if not po_path.exists():
            problems.append(f"{lang}: {po_path} is missing")
            continue
        po = polib.pofile(str(po_path))
        have = {(e.msgctxt or "", e.msgid): e for e in po if not e.obsolete}
        for key in sorted(wanted - set(have)):
            problems.append(f"{lang}: not in the catalogue: {key[1]!r}")
        for entry in have.values():
            if "fuzzy" in entry.flags:
                problems.append(f"{lang}: fuzzy: {entry.msgid!r}")
            elif entry.msgid_plural:
                if not entry.msgstr_plural or not all(entry.msgstr_plural.values()):
                    problems.append(f"{lang}: untranslated plural: {entry.msgid!r}")
            elif not entry.msgstr:
                problems.append(f"{lang}: untranslated: {entry.msgid!r}")
        if not mo_path.exists():
            problems.append(f"{lang}: {mo_path} is missing; run scripts/compile_translations.sh")
        else:
            compiled = polib.mofile(str(mo_path))
            compiled_map = {(e.msgctxt or "", e.msgid): e.msgstr for e in compiled}
            for key, entry in have.items():
                if not entry.msgid_plural and entry.msgstr and compiled_map.get(key) != entry.msgstr:
                    problems.append(f"{lang}: the compiled catalogue is stale for {entry.msgid!r}")
                    break
    for line in problems[:200]:
        print(line)
    if problems:
        print(f"{len(problems)} translation problem(s)")
        return 1
    print(f"translations complete: {len(wanted)} messages in {', '.join(LANGS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
