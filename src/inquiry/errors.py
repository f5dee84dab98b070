"""Typed domain errors shared by the pure library and the Django apps.

Every error carries a stable ``code`` and a message template with named placeholders.
The boundary (web view, API, CLI) turns it into a translated sentence and a status; no
caller ever shows a traceback. This module imports nothing from Django on purpose.
"""

from __future__ import annotations

__all__ = [
    "InquiryError",
    "InvalidInput",
    "NotFound",
    "PermissionDenied",
    "Conflict",
    "ConfigurationError",
]


class InquiryError(Exception):
    """Base class. ``message`` is an English template; ``params`` fill its placeholders."""

    code = "error"
    status = 400
    message = "The request could not be completed."

    def __init__(self, message: str | None = None, *, field: str | None = None, row: int | None = None,
                 code: str | None = None, **params: object) -> None:
        if message is not None:
            self.message = message
        if code is not None:
            self.code = code
        self.field = field
        self.row = row
        self.params = params
        super().__init__(self.render())

    def render(self, template: str | None = None) -> str:
        """Fill the (possibly translated) template with the error's parameters."""
        text = template or self.message
        try:
            return text.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return text

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"code": self.code, "message": self.render()}
        if self.field:
            out["field"] = self.field
        if self.row is not None:
            out["row"] = self.row
        return out


class InvalidInput(InquiryError):
    code = "invalid_input"
    status = 400
    message = "The input is not valid."


class NotFound(InquiryError):
    code = "not_found"
    status = 404
    message = "Nothing was found here."


class PermissionDenied(InquiryError):
    code = "permission_denied"
    status = 403
    message = "Your role does not allow this action."


class Conflict(InquiryError):
    code = "conflict"
    status = 409
    message = "This change conflicts with the current state of the record."


class ConfigurationError(InquiryError):
    code = "configuration"
    status = 500
    message = "The deployment is misconfigured: {detail}"
