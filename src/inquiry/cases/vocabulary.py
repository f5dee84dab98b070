"""The active profile's act types."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=4)
def _load(profile: str) -> dict:
    from inquiry.profiles import load_profile

    return dict(load_profile(profile).act_types)


def known_act_types() -> dict:
    """Act type code -> profile ActType (with ``label`` per language, patterns and crimes)."""
    return _load(settings.INQUIRY_PROFILE)
