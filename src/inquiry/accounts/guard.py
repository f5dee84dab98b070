"""Permission checks shared by services and selectors."""

from __future__ import annotations

from inquiry.accounts.roles import can
from inquiry.errors import NotFound, PermissionDenied


def require(user, capability: str) -> None:
    """Refuse with a typed error unless the user's role grants ``capability``."""
    if not can(user, capability):
        raise PermissionDenied("Your role does not allow this action.", capability=capability)


def not_found() -> NotFound:
    # Outsiders get the same answer for "exists but not yours" as for "does not exist".
    return NotFound("There is no such record, or you may not see it.")
