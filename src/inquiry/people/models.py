from django.db import models
from django.utils.translation import gettext_lazy as _

from inquiry.common_models import Stamped, UncertainDateFields


class Organisation(Stamped):
    """A perpetrator unit or other body. A renamed body stays one organisation with dated names."""

    class Kind(models.TextChoices):
        STATE = "state", _("State body")
        PARTY = "party", _("Party body")
        MILITARY = "military", _("Military unit")
        OTHER = "other", _("Other organisation")

    code = models.CharField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.STATE)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="units")
    notes = models.TextField(_("notes"), blank=True)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        first = self.names.order_by("-date_earliest").first()
        return first.name if first else self.code


class OrganisationName(UncertainDateFields):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(_("name"), max_length=200)
    lang = models.CharField(_("language"), max_length=8, blank=True)


class Person(Stamped, UncertainDateFields):
    """A victim, witness, perpetrator or relative. Witness identities live in the vault, not here.

    ``date_*`` fields hold the birth date. ``merged_into`` makes merges reversible: the merged
    record is kept, pointed at the survivor, and unmerging clears the pointer.
    """

    class Sex(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        OTHER = "other", _("Other")
        UNKNOWN = "unknown", _("Unknown")

    class Status(models.TextChoices):
        DETAINED = "detained", _("Detained")
        DISAPPEARED = "disappeared", _("Disappeared")
        DEAD = "dead", _("Dead")
        RELEASED = "released", _("Released")
        RETURNED = "returned", _("Returned")
        UNKNOWN = "unknown", _("Unknown")

    code = models.CharField(_("code"), max_length=20, unique=True)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    nationality = models.CharField(_("nationality"), max_length=2, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.UNKNOWN, db_index=True)
    birth_place = models.ForeignKey("places.Place", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("birth place"))
    last_seen_place = models.ForeignKey("places.Place", null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="+", verbose_name=_("last seen at"))
    notes = models.TextField(_("notes"), blank=True)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged")
    partner = models.ForeignKey("accounts.Partner", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class PersonName(models.Model):
    """One written form of a person's name, kept as written, with its script and romanization."""

    class Script(models.TextChoices):
        HANGUL = "hangul", _("Hangul")
        HAN = "han", _("Hanja or kanji")
        KANA = "kana", _("Kana")
        LATIN = "latin", _("Latin")
        MIXED = "mixed", _("Mixed scripts")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names")
    original = models.CharField(_("name as written"), max_length=200)
    script = models.CharField(_("script"), max_length=10, choices=Script.choices)
    romanization = models.CharField(_("romanization system"), max_length=20, blank=True)
    lang = models.CharField(_("language"), max_length=8, blank=True)
    # Space-separated folded forms and keys (other scripts and romanizations) for search.
    search_text = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original


class Relationship(models.Model):
    class Kind(models.TextChoices):
        PARENT = "parent", _("Parent")
        CHILD = "child", _("Child")
        SPOUSE = "spouse", _("Spouse")
        SIBLING = "sibling", _("Sibling")
        OTHER = "other", _("Other relative")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships")
    relative = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("relationship"), max_length=10, choices=Kind.choices)


class LinkageRun(models.Model):
    """One run of probabilistic record linkage over the persons in the store."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    actor = models.CharField(max_length=150)
    threshold = models.FloatField()
    n_records = models.PositiveIntegerField(default=0)
    n_pairs = models.PositiveIntegerField(default=0)
    n_review = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-id"]


class LinkCandidate(models.Model):
    """A pair the model was unsure about, waiting for a human judgement."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        SAME = "same", _("Same person")
        NOT_SAME = "not_same", _("Not the same person")
        UNSURE = "unsure", _("Unsure")

    run = models.ForeignKey(LinkageRun, on_delete=models.CASCADE, related_name="candidates")
    person_a = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    probability = models.FloatField()
    match_weight = models.FloatField(null=True)
    explanation = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)

    class Meta:
        ordering = ["-probability", "id"]


class LinkJudgement(models.Model):
    """A human's word on a pair. The latest judgement on a pair always overrides the model."""

    person_a = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    same = models.BooleanField(null=True)  # None: unsure
    note = models.CharField(max_length=300, blank=True)
    by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["-at", "-id"]
