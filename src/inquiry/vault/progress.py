"""Progress lines on standard error for long CLI steps, at most a few per second."""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, prefix: str, *, stream=None, every: float = 1.0) -> None:
        self.prefix, self.stream, self.every = prefix, stream or sys.stderr, every
        self._last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done not in (0, total) and now - self._last < self.every:
            return
        self._last = now
        print(f"{self.prefix}: {stage}: {done}/{total}", file=self.stream, flush=True)
