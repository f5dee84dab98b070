"""Titles of the article 7 crimes in the reader's language.

The English titles are the ICC's (Elements of Crimes, 2011) and they are the authority: pages in
Korean or Japanese show them beside the translated title, and the elements themselves are quoted
in English only. The translations follow the glossary and the wording of the official Korean and
Japanese texts of the Rome Statute, article 7(1).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

CRIME_TITLES = {
    "7(1)(a)": _("Crime against humanity of murder"),
    "7(1)(b)": _("Crime against humanity of extermination"),
    "7(1)(c)": _("Crime against humanity of enslavement"),
    "7(1)(d)": _("Crime against humanity of deportation or forcible transfer of population"),
    "7(1)(e)": _("Crime against humanity of imprisonment or other severe deprivation of physical liberty"),
    "7(1)(f)": _("Crime against humanity of torture"),
    "7(1)(g)-1": _("Crime against humanity of rape"),
    "7(1)(g)-2": _("Crime against humanity of sexual slavery"),
    "7(1)(g)-3": _("Crime against humanity of enforced prostitution"),
    "7(1)(g)-4": _("Crime against humanity of forced pregnancy"),
    "7(1)(g)-5": _("Crime against humanity of enforced sterilization"),
    "7(1)(g)-6": _("Crime against humanity of sexual violence"),
    "7(1)(h)": _("Crime against humanity of persecution"),
    "7(1)(i)": _("Crime against humanity of enforced disappearance of persons"),
    "7(1)(j)": _("Crime against humanity of apartheid"),
    "7(1)(k)": _("Crime against humanity of other inhumane acts"),
}


def crime_title(code: str, english: str) -> str:
    """The title of crime ``code`` in the active language; ``english`` (the ICC's) for a crime
    this table does not know, such as one a later profile adds."""
    title = CRIME_TITLES.get(code)
    return str(title) if title is not None else english
