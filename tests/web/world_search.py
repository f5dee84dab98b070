"""Records the search pages need in the access matrix: one saved search owned by the analyst."""

from datetime import UTC, datetime


def extend(world: dict, users) -> None:
    from inquiry.web.models import SavedSearch

    world["saved_search"] = SavedSearch.objects.create(owner=users["analyst"], name="Arrests in 1997",
                                                       query="act_type=ARBITRARY_ARREST&period=1997",
                                                       created=datetime.now(UTC))
