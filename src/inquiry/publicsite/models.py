"""Content of the public site, and what the commission has published.

Public views read only these tables. A finding or a set of statistics reaches the public as a
*snapshot* written at publication time (``PublishedFinding``, ``StatisticsRelease``); nothing on
the public side reads draft findings, acts or sources.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

LANGS = ("en", "ko", "ja")


class Translated(models.Model):
    """Helpers for fields named ``<name>_en``, ``<name>_ko`` and ``<name>_ja``."""

    class Meta:
        abstract = True

    def text(self, name: str, lang: str) -> tuple[str, str]:
        """The text in ``lang``, or the English with ``"en"`` when that translation is missing."""
        value = getattr(self, f"{name}_{lang}", "") if lang in LANGS else ""
        if value and value.strip():
            return value, lang
        return getattr(self, f"{name}_en", ""), "en"


class Page(Translated):
    """A section of the public site's text (about, mandate, patterns, guidance), edited by staff."""

    class Section(models.TextChoices):
        ABOUT = "about", _("About the commission")
        SUBMIT = "submit", _("Submitting information safely")

    key = models.SlugField(_("key"), max_length=60, unique=True,
                           help_text=_("Short name used as the anchor of the section, for example mandate."))
    section = models.CharField(_("section"), max_length=10, choices=Section.choices, default=Section.ABOUT)
    order = models.PositiveIntegerField(_("order"), default=100)
    published = models.BooleanField(_("published"), default=False)
    lists_patterns = models.BooleanField(_("list the mandate's patterns after the text"), default=False)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_ko = models.CharField(_("title (Korean)"), max_length=200, blank=True)
    title_ja = models.CharField(_("title (Japanese)"), max_length=200, blank=True)
    body_en = models.TextField(_("text (English)"))
    body_ko = models.TextField(_("text (Korean)"), blank=True)
    body_ja = models.TextField(_("text (Japanese)"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["section", "order", "id"]

    def __str__(self) -> str:
        return self.key


class FaqEntry(Translated):
    """One question and its answer, in three languages."""

    class Topic(models.TextChoices):
        COMMISSION = "commission", _("What the commission does")
        WORK = "work", _("How the commission works")
        TESTIFY = "testify", _("Who can testify")
        PROTECTION = "protection", _("How witnesses are protected")
        INFORMATION = "information", _("What happens to the information")

    key = models.SlugField(_("key"), max_length=60, unique=True)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, default=Topic.COMMISSION)
    order = models.PositiveIntegerField(_("order"), default=100)
    published = models.BooleanField(_("published"), default=False)
    question_en = models.CharField(_("question (English)"), max_length=300)
    question_ko = models.CharField(_("question (Korean)"), max_length=300, blank=True)
    question_ja = models.CharField(_("question (Japanese)"), max_length=300, blank=True)
    answer_en = models.TextField(_("answer (English)"))
    answer_ko = models.TextField(_("answer (Korean)"), blank=True)
    answer_ja = models.TextField(_("answer (Japanese)"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.key


class PublicationStatus(models.TextChoices):
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PublishedFinding(Translated):
    """The public summary of an approved finding, frozen when a commissioner publishes it.

    The slug is the primary key: public URLs address only this record, and a withdrawn
    publication keeps its slug so that the address is never reused for something else.
    """

    slug = models.SlugField(_("address"), max_length=80, primary_key=True)
    finding = models.ForeignKey("findings.Finding", on_delete=models.PROTECT, related_name="publications")
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_ko = models.CharField(_("title (Korean)"), max_length=300, blank=True)
    title_ja = models.CharField(_("title (Japanese)"), max_length=300, blank=True)
    summary_en = models.TextField(_("summary (English)"))
    summary_ko = models.TextField(_("summary (Korean)"), blank=True)
    summary_ja = models.TextField(_("summary (Japanese)"), blank=True)
    pattern_codes = models.JSONField(default=list, blank=True)
    crime_codes = models.JSONField(default=list, blank=True)
    period = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=10, choices=PublicationStatus.choices, default=PublicationStatus.PUBLISHED,
                              db_index=True)
    published_at = models.DateTimeField()
    published_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    withdrawn_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-published_at"]

    def __str__(self) -> str:
        return self.slug


class StatisticsRelease(Translated):
    """Counts frozen at publication: acts by pattern, totals, and an optional estimate text."""

    title_en = models.CharField(_("title (English)"), max_length=300)
    title_ko = models.CharField(_("title (Korean)"), max_length=300, blank=True)
    title_ja = models.CharField(_("title (Japanese)"), max_length=300, blank=True)
    note_en = models.TextField(_("note or estimate (English)"), blank=True)
    note_ko = models.TextField(_("note or estimate (Korean)"), blank=True)
    note_ja = models.TextField(_("note or estimate (Japanese)"), blank=True)
    data = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=PublicationStatus.choices, default=PublicationStatus.PUBLISHED,
                              db_index=True)
    published_at = models.DateTimeField()
    published_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    withdrawn_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return f"statistics {self.pk}"
