from django.db import models
from django.utils.translation import gettext_lazy as _


class Place(models.Model):
    """A gazetteer entry: an administrative unit or a facility such as a kwanliso."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country")
        PROVINCE = "province", _("Province")
        CITY = "city", _("City")
        COUNTY = "county", _("County")
        DISTRICT = "district", _("District")
        FACILITY = "facility", _("Facility")
        OTHER = "other", _("Other place")

    code = models.CharField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children",
                               verbose_name=_("part of"))
    name = models.CharField(_("name"), max_length=200)  # display name (McCune–Reischauer)
    name_ko = models.CharField(_("Korean name"), max_length=200, blank=True)
    name_ko_rok = models.CharField(_("Korean name (ROK spelling)"), max_length=200, blank=True)
    name_rr = models.CharField(_("Revised Romanization"), max_length=200, blank=True)
    facility_type = models.CharField(_("facility type"), max_length=40, blank=True, db_index=True)
    operator_code = models.CharField(_("operator"), max_length=40, blank=True)
    status = models.CharField(_("status"), max_length=200, blank=True)
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    precision_km = models.FloatField(_("precision (km)"), null=True, blank=True)
    source = models.TextField(_("source"), blank=True)
    profile = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.name_ko})" if self.name_ko else self.name


class PlaceName(models.Model):
    """Every spelling a place is known by, folded for search (DPRK/ROK hangul, MR, RR, OCHA)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=200)
    folded = models.CharField(max_length=200, db_index=True)
    system = models.CharField(max_length=20, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["place", "folded"], name="place_name_unique_folded")]
