"""Exports enforce consent scopes and retaliation risk; identities never leave."""

from __future__ import annotations

import json

import pytest

from inquiry.audit.models import AuditEntry
from inquiry.cases import services
from inquiry.cases.exports import sources_export
from inquiry.errors import InvalidInput, PermissionDenied

pytestmark = pytest.mark.django_db


@pytest.fixture
def sources(users):
    inv = users["investigator"]

    def interview(title, consent, risk="high"):
        return services.source_record(actor=inv, kind="interview", title=title, consent=consent,
                                      witness_identity={"real_name": f"비밀 {title}", "contacts": "010-9999"},
                                      risk_level=risk)

    return {
        "un_ok": interview("un ok", {"internal_use": True, "share_un": True}),
        "internal_only": interview("internal only", {"internal_use": True}),
        "withdrawn": interview("withdrawn", {"share_un": True}),
        "severe": interview("severe", {"share_un": True, "public_hearing": True}, risk="severe"),
        "public_doc": services.source_record(actor=inv, kind="open_source", title="public doc", confidential=False),
    }


def test_export_contains_only_sources_whose_consent_covers_the_scope(users, sources):
    services.consent_withdraw(actor=users["protection"], source=sources["withdrawn"])
    data = sources_export(actor=users["analyst"], scope="share_un")
    titles = {row["title"] for row in data["sources"]}
    assert titles == {"un ok", "public doc"}
    assert data["withheld"] == 3


def test_severe_risk_never_leaves_the_commission_even_with_consent(users, sources):
    for scope in ("share_un", "public_hearing"):
        titles = {row["title"] for row in sources_export(actor=users["analyst"], scope=scope)["sources"]}
        assert "severe" not in titles


def test_quotation_exports_drop_the_witness_code(users, sources):
    services.consent_record(actor=users["protection"], source=sources["un_ok"],
                            scopes={"anonymous_quotation": True, "share_un": True})
    rows = sources_export(actor=users["analyst"], scope="anonymous_quotation")["sources"]
    row = next(r for r in rows if r["title"] == "un ok")
    assert row["witness"] is None
    un_row = next(r for r in sources_export(actor=users["analyst"], scope="share_un")["sources"]
                  if r["title"] == "un ok")
    assert un_row["witness"].startswith("W-")


def test_export_never_contains_identity_plaintext_and_is_audited(users, sources):
    data = sources_export(actor=users["commissioner"], scope="internal_use")
    text = json.dumps(data, ensure_ascii=False)
    assert "비밀" not in text and "010-9999" not in text
    entry = AuditEntry.objects.filter(action="export.sources").latest("seq")
    assert json.loads(entry.detail)["exported"] == len(data["sources"])


def test_export_refuses_unknown_scope_and_roles_without_export(users, sources):
    with pytest.raises(InvalidInput):
        sources_export(actor=users["analyst"], scope="everything")
    for role in ("investigator", "protection", "partner", "public", "admin"):
        with pytest.raises(PermissionDenied):
            sources_export(actor=users[role], scope="internal_use")
