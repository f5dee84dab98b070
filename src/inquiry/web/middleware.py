"""Turn typed domain errors into a translated page or JSON answer with the right status, refuse
input that no database can hold, and give every answer the Content-Security-Policy."""

from __future__ import annotations

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render

from inquiry.errors import InquiryError, InvalidInput
from inquiry.web.messages import translate_error


def _null_character_error(request) -> InvalidInput | None:
    """A null character in a parameter or a JSON body. PostgreSQL cannot store or compare one, so
    a search for it was a server error; forms already refuse it, but searches read parameters
    directly. Checked once here rather than in every view and API endpoint."""
    if request.content_type == "application/json" and b"\\u0000" in request.body:  # JSON's escape for it
        return _null_character()
    params = [request.GET]
    if request.method == "POST" and request.content_type != "application/json":
        params.append(request.POST)
    for values in params:
        for key, items in values.lists():
            if "\x00" in key or any("\x00" in item for item in items):
                return _null_character(key.replace("\x00", ""))
    return None


def _null_character(field: str | None = None) -> InvalidInput:
    return InvalidInput("The text contains a null character, which cannot be stored or searched. "
                        "Remove it and try again.", field=field or None)


class DomainErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        error = _null_character_error(request)
        return self._answer(request, error) if error is not None else None

    def process_exception(self, request, exception):
        if not isinstance(exception, InquiryError):
            return None
        return self._answer(request, exception)

    @staticmethod
    def _answer(request, exception: InquiryError):
        message = translate_error(exception)
        if request.path.startswith("/api/") or request.headers.get("Accept", "").startswith("application/json"):
            body = {**exception.as_dict(), "message": message}
            return JsonResponse(body, status=exception.status)
        return render(request, "web/error.html", {"message": message}, status=exception.status)


class ContentSecurityPolicyMiddleware:
    """Scripts only from Inquiry's own static files: no inline script, no eval, nothing from
    elsewhere. A page that testimony or a partner's list managed to inject markup into still runs
    none of it. Styles may be inline (Leaflet, htmx and Vega set them); CSS cannot read the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.INQUIRY_CONTENT_SECURITY_POLICY)
        return response
