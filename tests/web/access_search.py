"""Who may use the search pages. Saved searches belong to one user: everyone else gets 404."""

from tests.web.access import PARTNERS, READERS

WEB = {
    "search": ("get", READERS | PARTNERS, None, None),
    "saved_search_list": ("get", READERS | PARTNERS, None, None),
    "saved_search_create": ("post", READERS | PARTNERS, None, lambda w: {"name": "Kim", "q": "kim"}),
    "saved_search_run": ("get", {"analyst"}, "saved_search", None),
    "saved_search_delete": ("post", {"analyst"}, "saved_search", None),
}
