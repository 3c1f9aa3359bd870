"""Progress lines for the CLI: on a terminal only, on stderr, one line rewritten in place.

Library functions take a ``progress(stage, done, total)`` callback and never
print; the commands pass :func:`tty_progress` (``None`` when stderr is not a
terminal, so CI logs and pipes stay clean).

Examples
--------
>>> import io
>>> tty_progress(io.StringIO()) is None  # not a terminal
True
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

Progress = Callable[[str, int, int], None]


class _Line:
    """Rewrites one stderr line; at most ten updates a second."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.last = 0.0
        self.stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if stage == self.stage and now - self.last < 0.1 and done != total:
            return
        self.stage, self.last = stage, now
        count = f" {done}/{total}" if total else ""
        self.stream.write(f"\r\x1b[K[{now - self.started:5.1f} s] {stage}{count}")
        self.stream.flush()

    def close(self) -> None:
        """Clear the line."""
        self.stream.write("\r\x1b[K")
        self.stream.flush()


def tty_progress(stream: TextIO | None = None) -> _Line | None:
    """A progress callback writing to ``stream`` (stderr), or None if it is not a terminal."""
    target = stream if stream is not None else sys.stderr
    isatty = getattr(target, "isatty", None)
    return _Line(target) if isatty is not None and isatty() else None


__all__ = ["Progress", "tty_progress"]
