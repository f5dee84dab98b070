"""A clearly labelled, entirely fictional demo dataset to click through (not a Django app).

``load_demo()`` fills an empty or gazetteer-only database once; ``demo_loaded()`` tells the web
layer to show its "fictional demo data" banner.
"""

from inquiry.demo.loader import MARKER_CODE, PREFIX, demo_counts, demo_loaded, load_demo

__all__ = ["MARKER_CODE", "PREFIX", "demo_counts", "demo_loaded", "load_demo"]
