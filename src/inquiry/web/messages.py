"""Translate typed domain errors at the boundary.

Services raise English templates with named placeholders; the same templates are marked for
translation here, so the user reads a whole sentence in their language.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

# Every message template a service can raise, so makemessages collects them.
KNOWN_TEMPLATES = [
    N_("The input is not valid."),
    N_("Nothing was found here."),
    N_("Your role does not allow this action."),
    N_("This change conflicts with the current state of the record."),
    N_("There is no such record, or you may not see it."),
    N_("“{value}” is not a kind of source."),
    N_("“{value}” is not an act type of this profile."),
    N_("Choose an act type."),
    N_("Give the source a title."),
    N_("Record the witness's consent before saving an interview or hearing."),
    N_("Partner organisations send identities in a sealed package, not here."),
    N_("“{value}” cannot be changed here."),
    N_("“{value}” is not a consent scope."),
    N_("This source has no consent on record to withdraw."),
    N_("Give the event a title."),
    N_("Name a person or an organisation as perpetrator."),
    N_("“{value}” is not a kind of information."),
    N_("“{value}” is not a reliability grade."),
    N_("Give at least one name, as it is written in the source."),
    N_("A name may have at most 200 characters."),
    N_("“{value}” is not one of the allowed values."),
    N_("A person cannot be merged into itself."),
    N_("{code} was itself merged into another person; merge into that one."),
    N_("{code} is already merged."),
    N_("{code} is not merged into another person."),
    N_("“{value}” is not a date we understand. Try 1997, 1997-05, spring 1997, before 2004 or 1997/1999."),
    N_("“{value}” ends before it begins."),
    N_("No person has the code {code}."),
    N_("No organisation has the code {code}."),
    N_("No source has the code {code}."),
]


def translate_error(exc) -> str:
    """The error's sentence in the active language, with its placeholders filled."""
    return exc.render(_(exc.message))
