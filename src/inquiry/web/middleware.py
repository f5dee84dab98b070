"""Turn typed domain errors into a translated page or JSON answer with the right status."""

from __future__ import annotations

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
