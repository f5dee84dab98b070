"""Who may use the interview intake and the coding pages.

Intake records consent and sends identities to the vault, so only a role holding cases.write,
consent.manage and identity.write (the investigator) may use it; coding needs cases.write.
"""

from __future__ import annotations

INTAKE = {"investigator"}
CODERS = {"investigator", "analyst"}

WEB = {
    "intake_start": ("get", INTAKE, None, None),
    "intake_identity": ("get", INTAKE, None, None),
    "intake_account": ("get", INTAKE, "intake_interview", None),
    "intake_attachments": ("get", INTAKE, "intake_interview", None),
    "source_code_acts": ("get", CODERS, "intake_interview", None),
    "coding_place_suggest": ("get", CODERS, None, lambda w: {"q": "yodok"}),
    "coding_person_suggest": ("get", CODERS, None, lambda w: {"q": "Ri Ka-sang"}),
    "coding_organisation_suggest": ("get", CODERS, None, lambda w: {"q": "TEST"}),
    "coding_date_preview": ("get", CODERS, None, lambda w: {"date": "spring 1997"}),
}
