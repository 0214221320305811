"""A progress line on stderr: documents, incidents, MB, and their rates."""

from __future__ import annotations

import contextlib
import sys
import time
import warnings
from collections.abc import Iterator
from typing import Literal, TextIO, Union

#: ``True``: a progress line when stderr is a terminal; ``"always"``: also
#: when it is not (one line per update); ``False``: none.
ProgressOption = Union[bool, Literal["always"]]


def progress_enabled(progress: object, stream: TextIO) -> bool:
    """Whether to show progress on ``stream``; checks the argument."""
    if progress == "always":
        return True
    if isinstance(progress, bool):
        return progress and _is_terminal(stream)
    raise ValueError(f"progress: expected True, False or 'always', got {progress!r}")


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


class Progress:
    """Counts what was parsed and shows it on one line.

    On a terminal the line is redrawn in place (at most ten times a second);
    elsewhere, when forced, one line is written per update, at most one a
    second. Warnings shown while the line is up are printed above it.
    """

    def __init__(self, enabled: bool, stream: TextIO | None = None) -> None:
        self.enabled = enabled
        self.stream = stream if stream is not None else sys.stderr
        self.terminal = _is_terminal(self.stream)
        self.documents = 0
        self.incidents = 0
        self.bytes = 0
        self.started = time.perf_counter()
        self._last_draw = 0.0
        self._drawn = False

    def update(self, documents: int, nbytes: int, incidents: int) -> None:
        """Add one parsed batch and redraw if it is time to."""
        self.documents += documents
        self.bytes += nbytes
        self.incidents += incidents
        now = time.perf_counter()
        if self.enabled and now - self._last_draw >= (0.1 if self.terminal else 1.0):
            self._draw(now)

    def elapsed(self) -> float:
        """Seconds since the start."""
        return time.perf_counter() - self.started

    def line(self, now: float | None = None) -> str:
        """The progress line: totals and rates since the start."""
        elapsed = (now if now is not None else time.perf_counter()) - self.started
        rate = max(elapsed, 1e-9)
        megabytes = self.bytes / 1e6
        size = f"{megabytes:,.1f}" if megabytes >= 10 else f"{megabytes:.2f}"
        return (
            f"{self.documents:,} docs, {self.incidents:,} incidents | {size} MB | "
            f"{self.documents / rate:,.0f} docs/s | {megabytes / rate:,.2f} MB/s | "
            f"{_duration(elapsed)}"
        )

    def _draw(self, now: float) -> None:
        self._last_draw = now
        if self.terminal:
            self.stream.write("\r\x1b[K" + self.line(now))
            self._drawn = True
        else:
            self.stream.write(self.line(now) + "\n")
        self.stream.flush()

    def _clear(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False

    def close(self) -> None:
        """Draw the final line and end it."""
        if not self.enabled:
            return
        self._draw(time.perf_counter())
        if self.terminal:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False

    @contextlib.contextmanager
    def shown(self) -> Iterator[Progress]:
        """While the line is up, print warnings above it, not into it."""
        if not (self.enabled and self.terminal):
            yield self
            return
        show = warnings.showwarning

        def above(
            message: Warning | str,
            category: type[Warning],
            filename: str,
            lineno: int,
            file: TextIO | None = None,
            line: str | None = None,
        ) -> None:
            self._clear()
            show(message, category, filename, lineno, file, line)
            self._draw(time.perf_counter())

        warnings.showwarning = above
        try:
            yield self
        finally:
            warnings.showwarning = show
