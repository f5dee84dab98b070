"""Helpers that keep views thin: run a service, turn its typed error into a form error."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed

from inquiry.errors import InquiryError, NotFound, PermissionDenied
from inquiry.web.messages import translate_error


def call_service(form, service, /, **kwargs):
    """Run ``service``; on a domain error attach the message to the form and return None."""
    try:
        return service(**kwargs)
    except (PermissionDenied, NotFound):
        raise
    except InquiryError as exc:
        field = exc.field if exc.field in form.fields else None
        form.add_error(field, translate_error(exc))
        return None


def login_required_or_404(view):
    """Anonymous users go to the login page; signed-in users are checked by the selectors."""

    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def post_only(view):
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    return wrapper
