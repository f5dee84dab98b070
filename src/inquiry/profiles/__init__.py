"""Deployment profiles: vocabularies, gazetteer, organisations and legal framework as package data.

A profile is a folder under ``inquiry/profiles/`` with a ``profile.yaml`` manifest; adding one
needs no code. ``load_profile`` validates every file and caches the result.
"""

from inquiry.profiles.gazetteer import Facility, FacilityStatus, Gazetteer, Place, PlaceMatch, aliases_for
from inquiry.profiles.loader import Profile, list_profiles, load_profile, place_lookup
from inquiry.profiles.model import ActType, Chapter, FacilityType, Organisation, OrgName, Pattern
from inquiry.profiles.text import fold_latin, rok_spelling

__all__ = [
    "ActType",
    "Chapter",
    "Facility",
    "FacilityStatus",
    "FacilityType",
    "Gazetteer",
    "OrgName",
    "Organisation",
    "Pattern",
    "Place",
    "PlaceMatch",
    "Profile",
    "aliases_for",
    "fold_latin",
    "list_profiles",
    "load_profile",
    "place_lookup",
    "rok_spelling",
]
