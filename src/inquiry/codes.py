"""Human-readable record codes (S-000123) that reveal nothing but a sequence."""

from __future__ import annotations


def next_code(model, prefix: str, *, width: int = 6) -> str:
    last = model.objects.filter(code__startswith=prefix).order_by("-id").values_list("code", flat=True).first()
    number = 0
    if last:
        try:
            number = int(last[len(prefix):])
        except ValueError:
            number = model.objects.count()
    candidate = number + 1
    while model.objects.filter(code=f"{prefix}{candidate:0{width}d}").exists():
        candidate += 1
    return f"{prefix}{candidate:0{width}d}"
