from django.db import models
from django.utils.translation import gettext_lazy as _


class EvidenceFile(models.Model):
    """An original, stored once under its SHA-256 and never modified (Berkeley Protocol)."""

    sha256 = models.CharField(max_length=64, unique=True)
    size = models.BigIntegerField()
    media_type = models.CharField(max_length=100, blank=True)
    label = models.CharField(_("label"), max_length=200, blank=True)
    source = models.ForeignKey("cases.Source", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="evidence")
    # Encrypted at rest with its own data key, wrapped like a witness key; a witness's files
    # are wrapped with the witness's key so that erasure shreds them too.
    wrapped_key = models.BinaryField(null=True)
    collected_at = models.DateTimeField(null=True, blank=True)
    tool = models.CharField(_("collection tool"), max_length=200, blank=True)
    url = models.URLField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-id"]


class WorkingCopy(models.Model):
    """A derived file (transcript, redacted copy, excerpt), kept apart from the original."""

    original = models.ForeignKey(EvidenceFile, on_delete=models.PROTECT, related_name="working_copies")
    sha256 = models.CharField(max_length=64)
    size = models.BigIntegerField()
    purpose = models.CharField(_("purpose"), max_length=200)
    wrapped_key = models.BinaryField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")


class CustodyEvent(models.Model):
    """One step in the chain of custody of an original."""

    evidence = models.ForeignKey(EvidenceFile, on_delete=models.PROTECT, related_name="custody")
    at = models.DateTimeField()
    actor = models.CharField(max_length=150)
    action = models.CharField(max_length=40)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
