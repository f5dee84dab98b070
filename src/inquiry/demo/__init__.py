"""A clearly labelled, entirely fictional demo dataset to click through (not a Django app).

``load_demo()`` fills an empty or gazetteer-only database once; ``demo_loaded()`` tells the web
layer to show its "fictional demo data" banner. The names are imported lazily, so that
``inquiry.demo.texts`` can be used before Django is configured.
"""

from __future__ import annotations

__all__ = ["MARKER_CODE", "PREFIX", "demo_counts", "demo_loaded", "load_demo"]


def __getattr__(name: str):
    if name in __all__:
        from inquiry.demo import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'inquiry.demo' has no attribute {name!r}")
