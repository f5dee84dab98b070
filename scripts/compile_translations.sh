#!/bin/sh
# Compile the Korean and Japanese gettext catalogues into django.mo next to each django.po.
# msgfmt --check verifies the header, placeholders (python-format, python-brace-format) and
# plural forms; any error stops the script with a non-zero exit status.
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
locale_dir="$here/../src/inquiry/locale"

if ! command -v msgfmt >/dev/null 2>&1; then
    echo "compile_translations: msgfmt (GNU gettext) is not installed" >&2
    exit 1
fi

status=0
for lang in ko ja; do
    po="$locale_dir/$lang/LC_MESSAGES/django.po"
    mo="$locale_dir/$lang/LC_MESSAGES/django.mo"
    if [ ! -f "$po" ]; then
        echo "compile_translations: $po is missing" >&2
        status=1
        continue
    fi
    # Write to a temporary file first so that a failed compilation never leaves a broken .mo.
    if msgfmt --check --statistics -o "$mo.tmp" "$po"; then
        mv "$mo.tmp" "$mo"
        echo "compile_translations: $lang compiled"
    else
        rm -f "$mo.tmp"
        echo "compile_translations: $lang failed" >&2
        status=1
    fi
done
exit $status
