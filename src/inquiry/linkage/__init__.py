"""Probabilistic record linkage of person records across coalition lists (Splink).

Pure library: no Django, no file I/O. The CLI (``inquiry link``) lives in ``inquiry.linkage.cli``.
"""

from inquiry.linkage.clusters import cluster_with_judgements
from inquiry.linkage.features import date_bounds
from inquiry.linkage.link import DEFAULT_MIN_RECORDS_FOR_TRAINING, DEFAULT_THRESHOLD, link_records
from inquiry.linkage.records import LinkageRecord
from inquiry.linkage.result import LinkageResult, ScoredPair

__all__ = [
    "LinkageRecord",
    "LinkageResult",
    "ScoredPair",
    "link_records",
    "cluster_with_judgements",
    "date_bounds",
    "dates_overlap",
    "DEFAULT_MIN_RECORDS_FOR_TRAINING",
    "DEFAULT_THRESHOLD",
]


def dates_overlap(a: str | None, b: str | None) -> bool | None:
    """Do two EDTF dates' uncertainty intervals overlap? None when either is unknown."""
    bounds_a, bounds_b = date_bounds(a), date_bounds(b)
    if bounds_a is None or bounds_b is None:
        return None
    return bounds_a[0] <= bounds_b[1] and bounds_b[0] <= bounds_a[1]
