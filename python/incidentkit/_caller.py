"""Warnings that point at the caller's line, not at incidentkit's.

A fixed ``stacklevel`` is right for one call path only: ``read_corpus`` warns
from a generator several calls deep, ``parse`` through ``parse_many``. This
walks up to the first frame outside the package instead.
"""

from __future__ import annotations

import os
import sys
import threading
import warnings
from types import FrameType

__all__ = ["warn"]

_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _polars_package() -> str:
    import polars

    return os.path.dirname(os.path.abspath(polars.__file__)) + os.sep


def _outside_level(packages: tuple[str, ...]) -> int:
    """The ``stacklevel`` of the innermost frame outside ``packages``,
    counted from the caller of :func:`warn`."""
    try:
        frame: FrameType | None = sys._getframe(2)  # the caller of warn()
    except ValueError:  # called from no Python code: a thread of Polars' pool
        return 2
    level = 2
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(packages):
        frame = frame.f_back
        level += 1
    return level if frame is not None else 2


def warn(message: str, category: type[Warning] = UserWarning) -> None:
    """``warnings.warn`` attributed to the user's code that called incidentkit."""
    warnings.warn(message, category, stacklevel=_outside_level((_PACKAGE,)))


def warn_from_query(message: str, category: type[Warning]) -> None:
    """:func:`warn` for the expression plugin, which Polars calls: the user's
    line is the one that ran the query. Polars may call the plugin on a
    thread of its pool, where no Python code runs: the line is then taken
    from the thread that waits for the query."""
    packages = (_PACKAGE, _polars_package())
    try:
        sys._getframe(1)
    except ValueError:  # no Python caller on this thread
        frame = _waiting_query(packages)
        if frame is None:
            warnings.warn(message, category, stacklevel=1)
        else:
            warnings.warn_explicit(
                message,
                category,
                frame.f_code.co_filename,
                frame.f_lineno,
                module=frame.f_globals.get("__name__"),
                registry=frame.f_globals.setdefault("__warningregistry__", {}),
                module_globals=frame.f_globals,
            )
        return
    warnings.warn(message, category, stacklevel=_outside_level(packages))


def _waiting_query(packages: tuple[str, ...]) -> FrameType | None:
    """The user's frame on another thread that is in a Polars call."""
    here = threading.get_ident()
    for thread, top in sys._current_frames().items():
        if thread == here:
            continue
        frame: FrameType | None = top
        in_polars = False
        while frame is not None:
            inside = os.path.abspath(frame.f_code.co_filename).startswith(packages)
            if inside:
                in_polars = True
            elif in_polars:
                return frame
            else:
                break  # this thread is not running a query
            frame = frame.f_back
    return None
