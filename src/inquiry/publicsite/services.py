"""Writes to the public site. Atomic, permission-checked and audited; views only call these.

Editing pages and questions needs ``Cap.PUBLIC_EDIT`` (commissioner, administrator). Publishing
or withdrawing a finding or a statistics release is the commission's decision: it needs
``Cap.FINDINGS_APPROVE`` as well (commissioner).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from django.conf import settings
from django.db import transaction

from inquiry.accounts.guard import require
from inquiry.accounts.roles import Cap
from inquiry.audit.services import audit_record
from inquiry.errors import Conflict, InvalidInput
from inquiry.findings.models import Finding
from inquiry.publicsite.models import (
    LANGS,
    FaqEntry,
    Page,
    PublicationStatus,
    PublishedFinding,
    StatisticsRelease,
)

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Internal record codes: sources S-000123, persons P-000123, events E-000123, witnesses W-7KQ2MX.
# ASCII boundaries, because Korean and Japanese particles follow a code without a space.
_INTERNAL_CODE = re.compile(r"(?<![A-Za-z0-9-])[SPEW]-[0-9A-Z]{6}(?![A-Za-z0-9-])")
_TOKEN = re.compile(r"[A-Za-z]{1,6}-?[0-9A-Za-z]{2,12}")


def _check_public_text(fields: dict[str, str]) -> None:
    """Refuse text that quotes an internal record code or any witness's code (witness codes may
    also follow older schemes such as TSH024): public pages never carry them."""
    from inquiry.cases.models import Source
    from inquiry.vault.models import Witness

    for name, value in fields.items():
        found = _INTERNAL_CODE.search(value or "")
        if found is None:
            tokens = {t.upper() for t in _TOKEN.findall(value or "")}
            known = tokens and (list(Witness.objects.filter(code__in=tokens).values_list("code", flat=True)[:1])
                                or list(Source.objects.filter(code__in=tokens).values_list("code", flat=True)[:1]))
            found_code = known[0] if known else None
        else:
            found_code = found.group(0)
        if found_code:
            raise InvalidInput("Public text must not quote a record or witness code such as “{value}”.",
                               field=name, value=found_code)


def _check_slug(value: str, *, field: str) -> str:
    value = (value or "").strip()
    if not _SLUG.match(value):
        raise InvalidInput("Use only lower-case letters, digits and single hyphens here.", field=field)
    return value


def _texts(prefix: str, values: dict[str, str | None]) -> dict[str, str]:
    return {f"{prefix}_{lang}": (values.get(f"{prefix}_{lang}") or "").strip() for lang in LANGS}


def _changed(obj, values: dict) -> list[str]:
    return sorted(name for name, value in values.items() if getattr(obj, name) != value)


# --- pages -------------------------------------------------------------------------------------

def _page_values(*, key, section, order, published, lists_patterns, **texts) -> dict:
    key = _check_slug(key, field="key")
    if section not in Page.Section.values:
        raise InvalidInput("“{value}” is not a section of the public site.", field="section", value=section)
    values = {"key": key, "section": section, "order": int(order or 0), "published": bool(published),
              "lists_patterns": bool(lists_patterns), **_texts("title", texts), **_texts("body", texts)}
    if not values["title_en"]:
        raise InvalidInput("Write the title in English; the other languages fall back to it.", field="title_en")
    if not values["body_en"]:
        raise InvalidInput("Write the text in English; the other languages fall back to it.", field="body_en")
    _check_public_text({k: v for k, v in values.items() if k.startswith(("title_", "body_"))})
    return values


@transaction.atomic
def page_create(*, actor, key: str, section: str, order: int = 100, published: bool = False,
                lists_patterns: bool = False, **texts: str) -> Page:
    require(actor, Cap.PUBLIC_EDIT)
    values = _page_values(key=key, section=section, order=order, published=published,
                          lists_patterns=lists_patterns, **texts)
    if Page.objects.filter(key=values["key"]).exists():
        raise InvalidInput("Another page already uses the key “{value}”.", field="key", value=values["key"])
    page = Page.objects.create(updated_by=actor, **values)
    audit_record(actor=actor, action="publicsite.page.create", object_type="public_page", object_id=page.pk,
                 detail={"key": page.key, "section": page.section, "published": page.published})
    return page


@transaction.atomic
def page_update(*, actor, page: Page, key: str, section: str, order: int = 100, published: bool = False,
                lists_patterns: bool = False, **texts: str) -> Page:
    require(actor, Cap.PUBLIC_EDIT)
    page = Page.objects.select_for_update().get(pk=page.pk)
    values = _page_values(key=key, section=section, order=order, published=published,
                          lists_patterns=lists_patterns, **texts)
    if Page.objects.filter(key=values["key"]).exclude(pk=page.pk).exists():
        raise InvalidInput("Another page already uses the key “{value}”.", field="key", value=values["key"])
    changed = _changed(page, values)
    for name, value in values.items():
        setattr(page, name, value)
    page.updated_by = actor
    page.save()
    audit_record(actor=actor, action="publicsite.page.update", object_type="public_page", object_id=page.pk,
                 detail={"key": page.key, "changed": changed, "published": page.published})
    return page


# --- frequently asked questions ----------------------------------------------------------------

def _faq_values(*, key, topic, order, published, **texts) -> dict:
    key = _check_slug(key, field="key")
    if topic not in FaqEntry.Topic.values:
        raise InvalidInput("“{value}” is not a topic of the questions.", field="topic", value=topic)
    values = {"key": key, "topic": topic, "order": int(order or 0), "published": bool(published),
              **_texts("question", texts), **_texts("answer", texts)}
    if not values["question_en"]:
        raise InvalidInput("Write the question in English; the other languages fall back to it.",
                           field="question_en")
    if not values["answer_en"]:
        raise InvalidInput("Write the answer in English; the other languages fall back to it.", field="answer_en")
    _check_public_text({k: v for k, v in values.items() if k.startswith(("question_", "answer_"))})
    return values


@transaction.atomic
def faq_create(*, actor, key: str, topic: str, order: int = 100, published: bool = False, **texts: str) -> FaqEntry:
    require(actor, Cap.PUBLIC_EDIT)
    values = _faq_values(key=key, topic=topic, order=order, published=published, **texts)
    if FaqEntry.objects.filter(key=values["key"]).exists():
        raise InvalidInput("Another question already uses the key “{value}”.", field="key", value=values["key"])
    entry = FaqEntry.objects.create(updated_by=actor, **values)
    audit_record(actor=actor, action="publicsite.faq.create", object_type="public_faq", object_id=entry.pk,
                 detail={"key": entry.key, "topic": entry.topic, "published": entry.published})
    return entry


@transaction.atomic
def faq_update(*, actor, entry: FaqEntry, key: str, topic: str, order: int = 100, published: bool = False,
               **texts: str) -> FaqEntry:
    require(actor, Cap.PUBLIC_EDIT)
    entry = FaqEntry.objects.select_for_update().get(pk=entry.pk)
    values = _faq_values(key=key, topic=topic, order=order, published=published, **texts)
    if FaqEntry.objects.filter(key=values["key"]).exclude(pk=entry.pk).exists():
        raise InvalidInput("Another question already uses the key “{value}”.", field="key", value=values["key"])
    changed = _changed(entry, values)
    for name, value in values.items():
        setattr(entry, name, value)
    entry.updated_by = actor
    entry.save()
    audit_record(actor=actor, action="publicsite.faq.update", object_type="public_faq", object_id=entry.pk,
                 detail={"key": entry.key, "changed": changed, "published": entry.published})
    return entry


# --- publishing findings -----------------------------------------------------------------------

def _require_publisher(actor) -> None:
    require(actor, Cap.PUBLIC_EDIT)
    require(actor, Cap.FINDINGS_APPROVE)


@transaction.atomic
def published_finding_create(*, actor, finding: Finding, slug: str, **texts: str) -> PublishedFinding:
    """Publish an approved finding as a frozen public summary in three languages."""
    _require_publisher(actor)
    finding = Finding.objects.select_for_update().get(pk=finding.pk)
    if finding.status != Finding.Status.APPROVED:
        raise Conflict("Only an approved finding can be published.")
    current = finding.publications.filter(status=PublicationStatus.PUBLISHED).first()
    if current:
        raise Conflict("This finding is already published at “{value}”; withdraw that publication first.",
                       value=current.slug)
    slug = _check_slug(slug, field="slug")
    if PublishedFinding.objects.filter(slug=slug).exists():
        raise InvalidInput("The address “{value}” is already taken.", field="slug", value=slug)
    values = {**_texts("title", texts), **_texts("summary", texts)}
    if not values["title_en"]:
        raise InvalidInput("Write the title in English; the other languages fall back to it.", field="title_en")
    if not values["summary_en"]:
        raise InvalidInput("Write the summary in English; the other languages fall back to it.",
                           field="summary_en")
    _check_public_text(values)
    publication = PublishedFinding.objects.create(
        slug=slug, finding=finding, pattern_codes=finding.patterns, crime_codes=finding.crimes,
        period=finding.date_edtf or "", published_at=datetime.now(UTC), published_by=actor, **values)
    audit_record(actor=actor, action="publicsite.finding.publish", object_type="published_finding",
                 object_id=publication.slug,
                 detail={"finding": finding.code, "slug": slug, "patterns": publication.pattern_codes,
                         "crimes": publication.crime_codes, "period": publication.period,
                         "languages": [lang for lang in LANGS if values[f"summary_{lang}"]]})
    return publication


def _withdraw(actor, record, reason: str, *, action: str, object_type: str, object_id, detail: dict):
    if record.status == PublicationStatus.WITHDRAWN:
        raise Conflict("This publication is already withdrawn.")
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("Say why the publication is withdrawn.", field="reason")
    record.status = PublicationStatus.WITHDRAWN
    record.withdrawn_at, record.withdrawn_by, record.withdrawn_reason = datetime.now(UTC), actor, reason
    record.save()
    audit_record(actor=actor, action=action, object_type=object_type, object_id=object_id,
                 detail={**detail, "reason": reason})
    return record


@transaction.atomic
def published_finding_withdraw(*, actor, publication: PublishedFinding, reason: str) -> PublishedFinding:
    """Take a finding off the public site. The address stays reserved and answers 404."""
    _require_publisher(actor)
    publication = PublishedFinding.objects.select_for_update().select_related("finding").get(pk=publication.pk)
    return _withdraw(actor, publication, reason, action="publicsite.finding.withdraw",
                     object_type="published_finding", object_id=publication.slug,
                     detail={"finding": publication.finding.code, "slug": publication.slug})


# --- statistics --------------------------------------------------------------------------------

def current_counts() -> dict:
    """Acts by pattern of the mandate and the totals, as they stand now (two grouped queries)."""
    from inquiry.cases.models import Act, Event
    from inquiry.cases.stats import act_type_counts, pattern_counts
    from inquiry.profiles import load_profile

    by_type = act_type_counts(Act.objects.all())
    by_pattern = pattern_counts(by_type)
    ordered = sorted(load_profile(settings.INQUIRY_PROFILE).patterns.values(), key=lambda p: p.order)
    return {"acts": sum(by_type.values()), "events": Event.objects.count(),
            "by_pattern": [{"code": p.code, "acts": by_pattern.get(p.code, 0)} for p in ordered]}


@transaction.atomic
def statistics_release_create(*, actor, **texts: str) -> StatisticsRelease:
    """Freeze the current counts, with a title and an optional note (an estimate, a caveat)."""
    _require_publisher(actor)
    values = {**_texts("title", texts), **_texts("note", texts)}
    if not values["title_en"]:
        raise InvalidInput("Write the title in English; the other languages fall back to it.", field="title_en")
    _check_public_text(values)
    release = StatisticsRelease.objects.create(data=current_counts(), published_at=datetime.now(UTC),
                                               published_by=actor, **values)
    audit_record(actor=actor, action="publicsite.statistics.publish", object_type="statistics_release",
                 object_id=release.pk, detail={"data": release.data})
    return release


@transaction.atomic
def statistics_release_withdraw(*, actor, release: StatisticsRelease, reason: str) -> StatisticsRelease:
    _require_publisher(actor)
    release = StatisticsRelease.objects.select_for_update().get(pk=release.pk)
    return _withdraw(actor, release, reason, action="publicsite.statistics.withdraw",
                     object_type="statistics_release", object_id=release.pk, detail={})


# --- initial content ---------------------------------------------------------------------------

@transaction.atomic
def publicsite_seed(*, actor="system") -> dict[str, int]:
    """Add the initial pages and questions that are missing (matched by key). Idempotent.

    The migration ``0002_initial_content`` runs the same seed on a new database; call this to
    restore deleted initial content, or in tests that flush the database.
    """
    from inquiry.publicsite.seed import seed_content

    counts = seed_content(Page, FaqEntry)
    if any(counts.values()):
        audit_record(actor=actor, action="publicsite.seed", object_type="public_page", detail=counts)
    return counts
