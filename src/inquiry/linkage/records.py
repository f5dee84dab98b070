"""The input of linkage: one person as one source list describes them."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["LinkageRecord", "normalise_sex"]

_SEX = {
    "m": "m", "male": "m", "man": "m", "남": "m", "남자": "m", "남성": "m", "男": "m", "男性": "m",
    "f": "f", "female": "f", "woman": "f", "여": "f", "여자": "f", "여성": "f", "女": "f", "女性": "f",
}
_UNKNOWN = {"", "u", "unknown", "?", "-", "n/a", "na", "불명", "不明"}


@dataclass(frozen=True)
class LinkageRecord:
    """A person record from one list.

    ``names`` holds every written variant the list gives (hangul, hanja, romanizations, aliases);
    ``birth_date`` is EDTF or friendly text ("1960", "1959/1961", "about 1960"); ``relatives`` are
    the names of relatives the list mentions; ``source`` identifies the list.
    """

    record_id: str
    names: tuple[str, ...]
    birth_date: str | None = None
    sex: str | None = None
    birth_place: str | None = None
    last_seen_place: str | None = None
    facility: str | None = None
    nationality: str | None = None
    relatives: tuple[str, ...] = field(default_factory=tuple)
    source: str | None = None
    lang: str | None = None

    def __post_init__(self) -> None:
        # Accept a single string or any iterable for the tuple fields; dataclass(frozen) needs setattr.
        if isinstance(self.names, str):
            object.__setattr__(self, "names", (self.names,))
        else:
            object.__setattr__(self, "names", tuple(self.names))
        if isinstance(self.relatives, str):
            object.__setattr__(self, "relatives", (self.relatives,))
        else:
            object.__setattr__(self, "relatives", tuple(self.relatives or ()))
        object.__setattr__(self, "record_id", str(self.record_id))


def normalise_sex(value: str | None) -> str | None:
    """'m', 'f', None for unknown; any other code is kept (folded) so it still compares exactly."""
    if value is None:
        return None
    text = str(value).strip().lower()
    if text in _UNKNOWN:
        return None
    return _SEX.get(text, text)
