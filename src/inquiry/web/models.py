from django.db import models
from django.utils.translation import gettext_lazy as _


class SavedSearch(models.Model):
    """A user's named search: the query and facets as a query string. Only its owner sees it."""

    owner = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="saved_searches")
    name = models.CharField(_("name"), max_length=100)
    query = models.CharField(_("search"), max_length=1000)  # url-encoded: q=…&pattern=…
    created = models.DateTimeField(_("saved"))

    class Meta:
        ordering = ["name", "id"]
        constraints = [models.UniqueConstraint(fields=["owner", "name"], name="saved_search_unique_name")]

    def __str__(self) -> str:
        return self.name
