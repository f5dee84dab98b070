from django.db import models
from django.utils.translation import gettext_lazy as _

from inquiry.common_models import Stamped, UncertainDateFields

SEP = "|"


def join_codes(codes) -> str:
    """Codes stored as ``|A|B|`` so that a filter on ``|A|`` works the same on SQLite and PostgreSQL."""
    codes = [c for c in dict.fromkeys(codes) if c]
    return f"{SEP}{SEP.join(codes)}{SEP}" if codes else ""


def split_codes(text: str) -> list[str]:
    return [c for c in text.split(SEP) if c]


class Finding(Stamped, UncertainDateFields):
    """A draft or approved finding: acts grouped by pattern, candidate crime, place and period.

    ``date_*`` hold the period the finding covers. ``approval`` keeps the evaluation the
    commissioner saw when approving (the same snapshot goes into the audit log).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    code = models.CharField(_("code"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    pattern_codes = models.CharField(_("patterns"), max_length=300, blank=True, db_index=True)
    crime_codes = models.CharField(_("candidate crimes"), max_length=300, blank=True, db_index=True)
    place = models.ForeignKey("places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("place"))
    acts = models.ManyToManyField("cases.Act", blank=True, related_name="findings", verbose_name=_("acts"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT,
                              db_index=True)
    approved_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("approved by"))
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    override_reason = models.TextField(_("reason for approving below the standard"), blank=True)
    approval = models.JSONField(default=dict, blank=True)
    withdrawn_reason = models.TextField(_("reason for withdrawal"), blank=True)
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.code

    @property
    def patterns(self) -> list[str]:
        return split_codes(self.pattern_codes)

    @property
    def crimes(self) -> list[str]:
        return split_codes(self.crime_codes)
