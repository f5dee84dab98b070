from django.db import models
from django.utils.translation import gettext_lazy as _


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
    SEVERE = "severe", _("Severe")


class Witness(models.Model):
    """A witness known to everyone by ``code``; the identity is ciphertext only.

    ``wrapped_key`` is the witness's own data key, wrapped by the master key, which never sits in
    the database. Erasure deletes the wrapped key (crypto-shredding) and rotates the master key,
    so that no earlier backup can unwrap it either.
    """

    code = models.CharField(_("pseudonymous code"), max_length=20, unique=True)
    wrapped_key = models.BinaryField(null=True)
    key_version = models.PositiveIntegerField(default=1)
    nonce = models.BinaryField(null=True)
    ciphertext = models.BinaryField(null=True)
    risk_level = models.CharField(_("risk level"), max_length=10, choices=RiskLevel.choices, default=RiskLevel.HIGH)
    relatives_inside = models.BooleanField(_("relatives inside the country"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    shredded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code

    @property
    def is_shredded(self) -> bool:
        return self.shredded_at is not None
