from django.db import models
from django.utils.translation import gettext_lazy as _

from inquiry.common_models import Stamped, UncertainDateFields


class Source(Stamped, UncertainDateFields):
    """Where information comes from. ``date_*`` is the date of the interview or document."""

    class Kind(models.TextChoices):
        INTERVIEW = "interview", _("Interview")
        PUBLIC_HEARING = "public_hearing", _("Public hearing")
        DOCUMENT = "document", _("Document")
        OPEN_SOURCE = "open_source", _("Open-source item")
        PARTNER = "partner_submission", _("Partner submission")

    code = models.CharField(_("code"), max_length=30, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(_("language"), max_length=8, blank=True, db_index=True)
    place = models.ForeignKey("places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("place of interview"))
    interviewer = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("interviewer"))
    interpreter = models.CharField(_("interpreter"), max_length=100, blank=True)
    hearing_session = models.CharField(_("hearing session"), max_length=200, blank=True)
    video_timecode = models.CharField(_("video timecode"), max_length=20, blank=True)
    url = models.URLField(_("address"), max_length=500, blank=True)
    text = models.TextField(_("text"), blank=True)
    confidential = models.BooleanField(_("confidential"), default=True)
    witness = models.ForeignKey("vault.Witness", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="sources", verbose_name=_("witness"))
    derived_from = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="derivatives",
                                          verbose_name=_("retells"))
    partner = models.ForeignKey("accounts.Partner", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="sources", verbose_name=_("submitted by"))
    reliability = models.CharField(_("reliability"), max_length=10, default="unknown")
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.code


class Consent(models.Model):
    """What the witness agreed to, per source. Exports check these scopes mechanically."""

    source = models.OneToOneField(Source, on_delete=models.CASCADE, related_name="consent")
    internal_use = models.BooleanField(_("internal use"), default=False)
    anonymous_quotation = models.BooleanField(_("anonymous quotation"), default=False)
    share_un = models.BooleanField(_("sharing with UN bodies"), default=False)
    share_prosecutors = models.BooleanField(_("sharing with prosecutors"), default=False)
    public_hearing = models.BooleanField(_("public hearing"), default=False)
    given_at = models.DateTimeField(_("consent given"))
    withdrawn_at = models.DateTimeField(_("consent withdrawn"), null=True, blank=True)
    recorded_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    SCOPES = ("internal_use", "anonymous_quotation", "share_un", "share_prosecutors", "public_hearing")

    def allows(self, scope: str) -> bool:
        if scope not in self.SCOPES:
            raise ValueError(scope)
        return self.withdrawn_at is None and bool(getattr(self, scope))


class Event(Stamped, UncertainDateFields):
    code = models.CharField(_("code"), max_length=30, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    place = models.ForeignKey("places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("place"))
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.code


class Act(Stamped, UncertainDateFields):
    """Who did what to whom, when and where (HURIDOCS Events Standard Formats)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="acts")
    act_type = models.CharField(_("act type"), max_length=60, db_index=True)
    place = models.ForeignKey("places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="acts",
                              verbose_name=_("place"))
    description = models.TextField(_("description"), blank=True)
    victims = models.ManyToManyField("people.Person", blank=True, related_name="acts_suffered",
                                     verbose_name=_("victims"))

    class Meta:
        ordering = ["id"]


class Perpetration(models.Model):
    class Involvement(models.TextChoices):
        DIRECT = "direct", _("Direct perpetrator")
        ORDERED = "ordered", _("Ordered it")
        COMMAND = "command", _("Command responsibility")
        ASSISTED = "assisted", _("Aided or assisted")
        UNKNOWN = "unknown", _("Unknown")

    act = models.ForeignKey(Act, on_delete=models.CASCADE, related_name="perpetrations")
    person = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey("people.Organisation", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    involvement = models.CharField(_("involvement"), max_length=10, choices=Involvement.choices,
                                   default=Involvement.UNKNOWN)


class InformationLink(models.Model):
    """Which source says what about which act."""

    class Mode(models.TextChoices):
        DIRECT = "direct", _("Direct witness")
        HEARSAY = "hearsay", _("Hearsay")
        DOCUMENTARY = "documentary", _("Documentary")

    class Reliability(models.TextChoices):
        HIGH = "high", _("High")
        MEDIUM = "medium", _("Medium")
        LOW = "low", _("Low")
        UNKNOWN = "unknown", _("Unknown")

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="links")
    act = models.ForeignKey(Act, on_delete=models.CASCADE, related_name="links")
    mode = models.CharField(_("kind of information"), max_length=12, choices=Mode.choices)
    reliability = models.CharField(_("reliability"), max_length=10, choices=Reliability.choices,
                                   default=Reliability.UNKNOWN)
    passage = models.TextField(_("supporting passage"), blank=True)
    informant = models.CharField(_("original informant"), max_length=40, blank=True)
    # Element references such as "7(1)(e):3" that this information speaks to, beyond what the act
    # type shows by itself; the findings matrix uses them.
    elements = models.JSONField(_("elements of crimes"), default=list, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "act"], name="one_link_per_source_act")]


class InterviewRecord(models.Model):
    """The structured record of an interview, after the Istanbul Protocol (2022).

    Stored like ``Source.text``: pseudonymous testimony, never identity. The identity is in the vault;
    ``Source.text`` holds the account in the witness's words, ``sections`` the structured parts.
    """

    SECTIONS = ("arrest", "detention_places", "detention_conditions", "methods", "injuries", "perpetrators",
                "other_witnesses")

    class Consistency(models.TextChoices):
        NOT_ASSESSED = "", _("Not assessed")
        NOT_CONSISTENT = "not_consistent", _("Not consistent")
        CONSISTENT = "consistent", _("Consistent")
        HIGHLY_CONSISTENT = "highly_consistent", _("Highly consistent")
        TYPICAL = "typical", _("Typical")
        DIAGNOSTIC = "diagnostic", _("Diagnostic")

    source = models.OneToOneField(Source, on_delete=models.CASCADE, related_name="interview")
    interpreter_language = models.CharField(_("interpreter's language"), max_length=8, blank=True)
    sections = models.JSONField(_("interview sections"), default=dict, blank=True)
    consistency = models.CharField(_("degree of consistency"), max_length=20, blank=True,
                                   choices=Consistency.choices, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    def ordered_sections(self) -> list[tuple[str, str]]:
        """The filled sections in the protocol's order (jsonb does not keep key order)."""
        return [(key, self.sections[key]) for key in self.SECTIONS if self.sections.get(key)]


class StoreVersion(models.Model):
    """A token that changes, in the writer's own transaction, whenever the acts' facets may have changed.

    Server processes keep the facet counts in memory (``inquiry.cases.facet_index``) and rebuild them
    when this token moves. A random token rather than a counter: a rolled-back or flushed counter
    could return to a value an old in-memory index was built at.
    """

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now=True)
