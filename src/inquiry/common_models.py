"""Field groups shared by several models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UncertainDateFields(models.Model):
    """An EDTF string with its computed bounds, so queries can filter by overlap."""

    date_edtf = models.CharField(_("date (EDTF)"), max_length=64, blank=True)
    date_earliest = models.DateField(null=True, blank=True, db_index=True)
    date_latest = models.DateField(null=True, blank=True, db_index=True)

    class Meta:
        abstract = True


class Stamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
