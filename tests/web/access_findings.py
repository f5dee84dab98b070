"""Who may use the findings pages: readers read, drafters draft, commissioners approve."""

from __future__ import annotations

from tests.web.access import READERS

DRAFTERS = {"analyst", "investigator"}

WEB = {
    "findings_list": ("get", READERS, None, None),
    "findings_create": ("get", DRAFTERS, None, None),
    "findings_patterns": ("get", READERS, None, None),
    "findings_detail": ("get", READERS, "finding", None),
    "findings_edit": ("get", DRAFTERS, "finding", None),
    "findings_acts": ("post", DRAFTERS, "finding", lambda w: {"add": f"A-{w['act'].pk}"}),
    "findings_collect": ("post", DRAFTERS, "finding", None),
    "findings_approve": ("post", {"commissioner"}, "finding",
                        lambda w: {"override_reason": "Access matrix check of a fictional finding."}),
    "findings_withdraw": ("post", DRAFTERS | {"commissioner"}, "finding", lambda w: {"reason": "Fictional."}),
}
