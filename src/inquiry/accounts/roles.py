"""Roles and what each may do. This table is the single source of truth for access.

Selectors and services ask ``can(user, capability)``; templates ask the same question only to
hide what a role may not use, never to enforce it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COMMISSIONER = "commissioner", _("Commissioner")
    INVESTIGATOR = "investigator", _("Investigator")
    ANALYST = "analyst", _("Analyst")
    PROTECTION = "protection", _("Protection officer")
    PARTNER = "partner", _("Partner organisation")
    PUBLIC = "public", _("Public")
    ADMIN = "admin", _("Administrator")


class Cap:
    """Capabilities. Names are stable: tests and the role matrix refer to them."""

    CASES_READ = "cases.read"              # sources, persons, events, acts (no identities)
    CASES_WRITE = "cases.write"            # record sources, code events and acts
    PERSONS_LINK = "persons.link"          # merge and unmerge persons
    PARTNER_SUBMIT = "partner.submit"      # a partner's own submissions
    IDENTITY_READ = "identity.read"        # decrypt a witness identity
    IDENTITY_WRITE = "identity.write"      # put an identity into the vault (write-only)
    IDENTITY_ERASE = "identity.erase"      # crypto-shred a witness
    CONSENT_MANAGE = "consent.manage"      # record, change or withdraw consent
    EVIDENCE_READ = "evidence.read"
    EVIDENCE_WRITE = "evidence.write"
    PLACES_WRITE = "places.write"
    FINDINGS_APPROVE = "findings.approve"
    USERS_MANAGE = "users.manage"
    AUDIT_READ = "audit.read"
    EXPORT = "export"
    PUBLIC_EDIT = "public.edit"            # edit the public site's pages and FAQ (publishing: FINDINGS_APPROVE)


ROLE_CAPS: dict[str, frozenset[str]] = {
    Role.COMMISSIONER: frozenset({Cap.CASES_READ, Cap.EVIDENCE_READ, Cap.FINDINGS_APPROVE, Cap.AUDIT_READ, Cap.EXPORT,
                                  Cap.PUBLIC_EDIT}),
    Role.INVESTIGATOR: frozenset({
        Cap.CASES_READ, Cap.CASES_WRITE, Cap.IDENTITY_WRITE, Cap.CONSENT_MANAGE,
        Cap.EVIDENCE_READ, Cap.EVIDENCE_WRITE,
    }),
    Role.ANALYST: frozenset({Cap.CASES_READ, Cap.CASES_WRITE, Cap.PERSONS_LINK, Cap.EVIDENCE_READ, Cap.PLACES_WRITE, Cap.EXPORT}),
    Role.PROTECTION: frozenset({
        Cap.CASES_READ, Cap.IDENTITY_READ, Cap.IDENTITY_WRITE, Cap.IDENTITY_ERASE, Cap.CONSENT_MANAGE,
        Cap.EVIDENCE_READ,
    }),
    Role.PARTNER: frozenset({Cap.PARTNER_SUBMIT}),
    Role.PUBLIC: frozenset(),
    Role.ADMIN: frozenset({Cap.USERS_MANAGE, Cap.AUDIT_READ, Cap.PLACES_WRITE, Cap.PUBLIC_EDIT}),
}


def can(user, capability: str) -> bool:
    """Whether an authenticated, active user's role grants ``capability``."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return capability in ROLE_CAPS.get(getattr(user, "role", ""), frozenset())
