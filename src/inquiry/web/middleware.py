"""Turn typed domain errors into a translated page or JSON answer with the right status, and give
every answer the Content-Security-Policy."""

from __future__ import annotations

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render

from inquiry.errors import InquiryError
from inquiry.web.messages import translate_error


class DomainErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, InquiryError):
            return None
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
