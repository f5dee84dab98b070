"""Copy a parsed uncertain date onto a model's EDTF fields."""

from inquiry.dates import parse_uncertain_date


def set_uncertain_date(obj, text: str | None, *, field: str = "date") -> None:
    parsed = parse_uncertain_date(text, field=field)
    obj.date_edtf = parsed.edtf if parsed else ""
    obj.date_earliest = parsed.earliest if parsed else None
    obj.date_latest = parsed.latest if parsed else None
