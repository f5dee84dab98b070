"""Thin views of the public site (anonymous visitors) and of its staff pages (workbench)."""

from __future__ import annotations

import re

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from inquiry.accounts.guard import require
from inquiry.accounts.roles import Cap
from inquiry.errors import NotFound
from inquiry.publicsite import present, selectors, services
from inquiry.publicsite.forms import (
    FaqForm,
    PageForm,
    PublishFindingForm,
    PublishStatisticsForm,
    WithdrawPublicationForm,
)
from inquiry.publicsite.models import LANGS, FaqEntry, Page
from inquiry.web.boundary import call_service, login_required_or_404, post_only

# --- public pages ------------------------------------------------------------------------------


def _public(request, template: str, context: dict, *, status: int = 200):
    lang = present.current_language()
    prof = present._profile()
    context = {"site_title": present._label(prof.title, lang), **context}
    return render(request, f"publicsite/{template}", context, status=status)


def _page_rows(section: str) -> list[dict]:
    return [{"key": p.key, "title": present.text(p, "title"), "body": present.text(p, "body"),
             "lists_patterns": p.lists_patterns} for p in selectors.public_pages(section)]


def public_about(request):
    return _public(request, "about.html", {"nav": "about", "pages": _page_rows(Page.Section.ABOUT),
                                           "patterns": present.pattern_rows()})


def public_faq(request):
    groups: dict[str, list] = {value: [] for value in FaqEntry.Topic.values}
    for entry in selectors.public_faq():
        groups.setdefault(entry.topic, []).append(
            {"key": entry.key, "question": present.text(entry, "question"), "answer": present.text(entry, "answer")})
    labels = dict(FaqEntry.Topic.choices)
    topics = [{"key": key, "label": labels.get(key, key), "entries": entries}
              for key, entries in groups.items() if entries]
    return _public(request, "faq.html", {"nav": "faq", "topics": topics})


def public_submit(request):
    return _public(request, "submit.html", {"nav": "submit", "pages": _page_rows(Page.Section.SUBMIT)})


def public_statistics(request):
    releases = [{"pk": r.pk, "title": present.text(r, "title"), "note": present.text(r, "note"),
                 "published_at": r.published_at, "acts": r.data.get("acts", 0), "events": r.data.get("events", 0),
                 "rows": present.statistics_rows(r.data)} for r in selectors.public_statistics()]
    return _public(request, "statistics.html", {"nav": "statistics", "releases": releases})


def _finding_card(p) -> dict:
    return {"slug": p.slug, "title": present.text(p, "title"), "summary": present.text(p, "summary"),
            "patterns": [present.pattern_label(c) for c in p.pattern_codes],
            "crimes": present.crime_rows(p.crime_codes), "period": p.period, "published_at": p.published_at}


def public_findings(request):
    return _public(request, "findings.html", {"nav": "findings",
                                              "findings": [_finding_card(p) for p in selectors.public_findings()]})


def public_finding_detail(request, pk):
    # ``pk`` is the publication's slug (its primary key); nothing else can be addressed here.
    try:
        publication = selectors.public_finding_get(pk)
    except NotFound:
        return public_not_found(request)
    return _public(request, "finding_detail.html", {"nav": "findings", "finding": _finding_card(publication)})


def public_not_found(request):
    return _public(request, "not_found.html", {}, status=404)


_PUBLIC_PATHS = {"": "public_about", "about/": "public_about", "faq/": "public_faq",
                 "submit-information/": "public_submit", "statistics/": "public_statistics",
                 "published-findings/": "public_findings"}
_FINDING_PATH = re.compile(r"^published-findings/([-a-z0-9]+)/$")


def public_language(request, lang: str, rest: str | None = None):
    """``/ko/faq/`` and the like: remember the language and go to the unprefixed page."""
    rest = (rest or "").strip("/")
    rest = f"{rest}/" if rest else ""
    if rest in _PUBLIC_PATHS:
        target = reverse(_PUBLIC_PATHS[rest])
    elif (match := _FINDING_PATH.match(rest)) is not None:
        target = reverse("public_finding_detail", kwargs={"pk": match.group(1)})
    else:
        return public_not_found(request)
    response = redirect(target)
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, lang, max_age=settings.LANGUAGE_COOKIE_AGE,
                        path=settings.LANGUAGE_COOKIE_PATH, domain=settings.LANGUAGE_COOKIE_DOMAIN,
                        secure=settings.LANGUAGE_COOKIE_SECURE, httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                        samesite=settings.LANGUAGE_COOKIE_SAMESITE)
    return response


# --- staff pages (workbench) -------------------------------------------------------------------


def _missing(record, *names: str) -> list[str]:
    return [lang for lang in LANGS[1:] if not all((getattr(record, f"{n}_{lang}") or "").strip() for n in names)]


def _manage(request, *, status: int = 200, withdraw_error: str = ""):
    user = request.user
    pages = [{"page": p, "missing": _missing(p, "title", "body")} for p in selectors.page_list_for_user(user)]
    faq = [{"entry": e, "missing": _missing(e, "question", "answer")} for e in selectors.faq_list_for_user(user)]
    context = {"pages": pages, "faq": faq, "can_publish": selectors.can_publish(user),
               "withdraw_error": withdraw_error}
    if context["can_publish"]:
        context.update({"publishable": selectors.publishable_findings_for_user(user),
                        "publications": selectors.publication_list_for_user(user),
                        "releases": selectors.statistics_list_for_user(user)})
    return render(request, "publicsite/manage.html", context, status=status)


@login_required_or_404
def manage(request):
    return _manage(request)


def _edit(request, *, form_class, record, create, update, record_kw: str, template_heading: str, done: str):
    form = form_class(request.POST or None, initial=form_class.initial_for(record) if record else None)
    if request.method == "POST" and form.is_valid():
        if record is None:
            saved = call_service(form, create, actor=request.user, **form.cleaned_data)
        else:
            saved = call_service(form, update, actor=request.user, **{record_kw: record}, **form.cleaned_data)
        if saved:
            messages.success(request, done)
            return redirect("publicsite_manage")
    status = 400 if request.method == "POST" else 200
    return render(request, "publicsite/edit_form.html",
                  {"form": form, "record": record, "heading": template_heading}, status=status)


@login_required_or_404
def page_create(request):
    require(request.user, Cap.PUBLIC_EDIT)
    return _edit(request, form_class=PageForm, record=None, create=services.page_create, update=None,
                 record_kw="page", template_heading="page_new", done=_("The page was saved."))


@login_required_or_404
def page_edit(request, pk):
    page = selectors.page_get_for_user(request.user, pk)
    return _edit(request, form_class=PageForm, record=page, create=None, update=services.page_update,
                 record_kw="page", template_heading="page_edit", done=_("The page was saved."))


@login_required_or_404
def faq_create(request):
    require(request.user, Cap.PUBLIC_EDIT)
    return _edit(request, form_class=FaqForm, record=None, create=services.faq_create, update=None,
                 record_kw="entry", template_heading="faq_new", done=_("The question was saved."))


@login_required_or_404
def faq_edit(request, pk):
    entry = selectors.faq_get_for_user(request.user, pk)
    return _edit(request, form_class=FaqForm, record=entry, create=None, update=services.faq_update,
                 record_kw="entry", template_heading="faq_edit", done=_("The question was saved."))


@login_required_or_404
def finding_publish(request, pk):
    finding = selectors.finding_for_publishing_for_user(request.user, pk)
    form = PublishFindingForm(request.POST or None, initial={"title_en": finding.title})
    if request.method == "POST" and form.is_valid():
        publication = call_service(form, services.published_finding_create, actor=request.user, finding=finding,
                                   **form.cleaned_data)
        if publication:
            messages.success(request, _("The finding is now on the public site."))
            return redirect("publicsite_manage")
    return render(request, "publicsite/publish_finding.html",
                  {"form": form, "finding": finding, "patterns": [present.pattern_label(c) for c in finding.patterns],
                   "crimes": present.crime_rows(finding.crimes)},
                  status=400 if request.method == "POST" else 200)


@login_required_or_404
@post_only
def publication_withdraw(request, pk):
    publication = selectors.publication_get_for_user(request.user, pk)
    form = WithdrawPublicationForm(request.POST)
    if form.is_valid() and call_service(form, services.published_finding_withdraw, actor=request.user,
                                        publication=publication, reason=form.cleaned_data["reason"]):
        messages.success(request, _("The publication was withdrawn from the public site."))
        return redirect("publicsite_manage")
    return _manage(request, status=400, withdraw_error=_first_error(form))


@login_required_or_404
def statistics_publish(request):
    preview = selectors.statistics_preview_for_user(request.user)
    form = PublishStatisticsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.statistics_release_create, actor=request.user, **form.cleaned_data):
            messages.success(request, _("The statistics are now on the public site."))
            return redirect("publicsite_manage")
    return render(request, "publicsite/publish_statistics.html",
                  {"form": form, "preview": preview, "rows": present.statistics_rows(preview)},
                  status=400 if request.method == "POST" else 200)


@login_required_or_404
@post_only
def statistics_withdraw(request, pk):
    release = selectors.statistics_get_for_user(request.user, pk)
    form = WithdrawPublicationForm(request.POST)
    if form.is_valid() and call_service(form, services.statistics_release_withdraw, actor=request.user,
                                        release=release, reason=form.cleaned_data["reason"]):
        messages.success(request, _("The publication was withdrawn from the public site."))
        return redirect("publicsite_manage")
    return _manage(request, status=400, withdraw_error=_first_error(form))


def _first_error(form) -> str:
    for errors in form.errors.values():
        for error in errors:
            return str(error)
    return ""
