"""Reads for the public site.

Two kinds, kept apart on purpose:

* ``public_*``: what anonymous visitors see. They read only the public site's own tables and
  only published rows; a published finding disappears as soon as its finding is no longer
  approved (withdrawn in the workbench). They never read acts, sources or draft findings.
* ``*_for_user``: the staff pages. Editing content needs ``Cap.PUBLIC_EDIT``; publishing also
  ``Cap.FINDINGS_APPROVE``. Anyone else gets 404, as everywhere in the workbench.
"""

from __future__ import annotations

from django.db.models import QuerySet

from inquiry.accounts.guard import not_found
from inquiry.accounts.roles import Cap, can
from inquiry.findings.models import Finding
from inquiry.publicsite.models import FaqEntry, Page, PublicationStatus, PublishedFinding, StatisticsRelease

# --- public ------------------------------------------------------------------------------------


def public_pages(section: str) -> QuerySet[Page]:
    return Page.objects.filter(section=section, published=True).order_by("order", "id")


def public_faq() -> QuerySet[FaqEntry]:
    return FaqEntry.objects.filter(published=True).order_by("order", "id")


def _published_findings() -> QuerySet[PublishedFinding]:
    return PublishedFinding.objects.filter(status=PublicationStatus.PUBLISHED,
                                           finding__status=Finding.Status.APPROVED)


def public_findings() -> QuerySet[PublishedFinding]:
    return _published_findings().order_by("-published_at")


def public_finding_get(slug: str) -> PublishedFinding:
    publication = _published_findings().filter(slug=slug).first()
    if publication is None:
        raise not_found()
    return publication


def public_statistics() -> QuerySet[StatisticsRelease]:
    return StatisticsRelease.objects.filter(status=PublicationStatus.PUBLISHED).order_by("-published_at", "-id")


# --- staff -------------------------------------------------------------------------------------


def _require(user, *caps: str) -> None:
    if not all(can(user, cap) for cap in caps):
        raise not_found()


def can_publish(user) -> bool:
    return can(user, Cap.PUBLIC_EDIT) and can(user, Cap.FINDINGS_APPROVE)


def page_list_for_user(user) -> QuerySet[Page]:
    _require(user, Cap.PUBLIC_EDIT)
    return Page.objects.select_related("updated_by").order_by("section", "order", "id")


def page_get_for_user(user, pk) -> Page:
    _require(user, Cap.PUBLIC_EDIT)
    page = Page.objects.filter(pk=pk).first()
    if page is None:
        raise not_found()
    return page


def faq_list_for_user(user) -> QuerySet[FaqEntry]:
    _require(user, Cap.PUBLIC_EDIT)
    return FaqEntry.objects.select_related("updated_by").order_by("order", "id")


def faq_get_for_user(user, pk) -> FaqEntry:
    _require(user, Cap.PUBLIC_EDIT)
    entry = FaqEntry.objects.filter(pk=pk).first()
    if entry is None:
        raise not_found()
    return entry


def publishable_findings_for_user(user) -> QuerySet[Finding]:
    """Approved findings that have no current publication."""
    _require(user, Cap.PUBLIC_EDIT, Cap.FINDINGS_APPROVE, Cap.CASES_READ)
    published = PublishedFinding.objects.filter(status=PublicationStatus.PUBLISHED).values("finding_id")
    return Finding.objects.filter(status=Finding.Status.APPROVED).exclude(pk__in=published).order_by("-approved_at")


def finding_for_publishing_for_user(user, pk) -> Finding:
    """An approved finding, for the publication form; drafts and withdrawn findings are 404."""
    _require(user, Cap.PUBLIC_EDIT, Cap.FINDINGS_APPROVE, Cap.CASES_READ)
    finding = Finding.objects.filter(pk=pk, status=Finding.Status.APPROVED).first()
    if finding is None:
        raise not_found()
    return finding


def publication_list_for_user(user) -> QuerySet[PublishedFinding]:
    _require(user, Cap.PUBLIC_EDIT, Cap.FINDINGS_APPROVE)
    return PublishedFinding.objects.select_related("finding", "published_by", "withdrawn_by").order_by(
        "-published_at")


def publication_get_for_user(user, pk) -> PublishedFinding:
    _require(user, Cap.PUBLIC_EDIT, Cap.FINDINGS_APPROVE)
    publication = PublishedFinding.objects.select_related("finding").filter(pk=pk).first()
    if publication is None:
        raise not_found()
    return publication


def statistics_list_for_user(user) -> QuerySet[StatisticsRelease]:
    _require(user, Cap.PUBLIC_EDIT, Cap.FINDINGS_APPROVE)
    return StatisticsRelease.objects.select_related("published_by", "withdrawn_by").order_by("-published_at", "-id")


def statistics_get_for_user(user, pk) -> StatisticsRelease:
    _require(user, Cap.PUBLIC_EDIT, Cap.FINDINGS_APPROVE)
    release = StatisticsRelease.objects.filter(pk=pk).first()
    if release is None:
        raise not_found()
    return release


def statistics_preview_for_user(user) -> dict:
    """The counts a release would freeze now."""
    from inquiry.publicsite.services import current_counts

    _require(user, Cap.PUBLIC_EDIT, Cap.FINDINGS_APPROVE, Cap.CASES_READ)
    return current_counts()
