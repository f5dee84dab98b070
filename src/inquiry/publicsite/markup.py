"""A deliberately small, safe subset of Markdown for staff-edited public text.

Everything is HTML-escaped first, so no tag or attribute typed by an editor ever reaches the page.
Then only these are recognised:

* blank lines separate paragraphs; ``### Heading`` (h3) and ``#### Heading`` (h4);
* lists: lines starting with ``- `` or ``* `` (bulleted) or ``1. `` (numbered);
* ``**bold**`` and ``*emphasis*``;
* links ``[text](address)`` whose address starts with ``https://``, ``http://``, ``mailto:``,
  ``/`` (a page of this site) or ``#``; any other address is shown as plain text.
"""

from __future__ import annotations

import html
import re

from django.utils.safestring import SafeString, mark_safe

__all__ = ["render_markdown"]

_BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
_NUMBER = re.compile(r"^\s*\d{1,3}[.)]\s+(.*)$")
_HEADING = re.compile(r"^(#{3,4})\s+(.*)$")
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EM = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])")
_SAFE_ADDRESS = re.compile(r"^(?:https?://|mailto:|/(?!/)|#)")


def _link(match: re.Match) -> str:
    text, address = match.group(1), match.group(2)
    # ``address`` is already escaped: it cannot contain quotes or angle brackets.
    if not _SAFE_ADDRESS.match(html.unescape(address)):
        return match.group(0)
    external = address.startswith(("http://", "https://"))
    rel = ' rel="noopener noreferrer"' if external else ""
    return f'<a href="{address}"{rel}>{text}</a>'


def _inline(escaped: str) -> str:
    out = _LINK.sub(_link, escaped)
    out = _BOLD.sub(r"<strong>\1</strong>", out)
    return _EM.sub(r"<em>\1</em>", out)


def render_markdown(text: str) -> SafeString:
    """Render the subset above. The input is untrusted; the output is safe HTML."""
    lines = html.escape(text or "", quote=True).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    list_tag = ""

    def flush_paragraph() -> None:
        if paragraph:
            blocks.append("<p>" + "<br>".join(_inline(p) for p in paragraph) + "</p>")
            paragraph.clear()

    def flush_list() -> None:
        nonlocal list_tag
        if items:
            blocks.append(f"<{list_tag}>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + f"</{list_tag}>")
            items.clear()
        list_tag = ""

    for raw in lines:
        line = raw.rstrip()
        if not line.strip():
            flush_paragraph()
            flush_list()
            continue
        heading = _HEADING.match(line)
        bullet, number = _BULLET.match(line), _NUMBER.match(line)
        if heading:
            flush_paragraph()
            flush_list()
            level = len(heading.group(1))
            blocks.append(f"<h{level}>{_inline(heading.group(2).strip())}</h{level}>")
        elif bullet or number:
            flush_paragraph()
            tag = "ul" if bullet else "ol"
            if list_tag and list_tag != tag:
                flush_list()
            list_tag = tag
            items.append((bullet or number).group(1).strip())
        elif items and raw.startswith(("  ", "\t")):
            items[-1] += " " + line.strip()  # a wrapped list item
        else:
            flush_list()
            paragraph.append(line.strip())
    flush_paragraph()
    flush_list()
    return mark_safe("\n".join(blocks))  # noqa: S308 - built only from escaped text and fixed tags
