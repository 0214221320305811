"""Parsing documents: argument checks in Python, the work in Rust."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Sequence
from typing import Union

import polars as pl

from incidentkit import _core

DateLike = Union[dt.date, str, None]

#: The SPEC schema of the incident frame, column by column.
SCHEMA: pl.Schema = _core.empty_frame().schema


def _iso_date(value: object, argument: str) -> str | None:
    """Validate one publication date and return it as ISO text."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        # A date, or the date part of an ISO timestamp ("2025-03-05T10:00").
        head = text.split("T", 1)[0].split(" ", 1)[0]
        try:
            return dt.date.fromisoformat(head).isoformat()
        except ValueError:
            raise ValueError(
                f"{argument}: expected an ISO date 'YYYY-MM-DD', got {value!r}"
            ) from None
    raise TypeError(
        f"{argument}: expected a datetime.date, an ISO date string or None, "
        f"got {type(value).__name__}"
    )


def check_threads(threads: object) -> int | None:
    """A thread count: a positive integer, or None for one per core."""
    if threads is None:
        return None
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
        raise ValueError(f"threads: expected a positive integer or None, got {threads!r}")
    return threads


def _check_text(value: object, argument: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{argument}: expected str, got {type(value).__name__}")
    return value


def parse(text: str, published: DateLike = None, doc_id: str = "doc") -> pl.DataFrame:
    """Parse one report into one row per incident.

    Parameters
    ----------
    text
        The document: a news report, press statement or analysis article.
        A leading ``" date YYYY-MM-DD "`` header or a lone full date on the
        first line gives the publication date when ``published`` is None.
    published
        Publication date (``datetime.date`` or ISO string): relative dates
        ("yesterday", "on Sunday", "last month") resolve against it.
    doc_id
        Identifier of the document; incident ids are ``"{doc_id}:{n}"``.

    Returns
    -------
    polars.DataFrame
        One row per incident with the columns of :data:`SCHEMA` (SPEC.md).

    Examples
    --------
    >>> import incidentkit as ik
    >>> df = ik.parse("Security forces killed six khwarij in an IBO in Tank district on "
    ...               "Tuesday, the ISPR said.", published="2025-05-08", doc_id="ispr")
    >>> df.select("incident_id", "district", "event_type", "killed_militants").to_dicts()
    [{'incident_id': 'ispr:0', 'district': 'Tank', 'event_type': 'security_operation', 'killed_militants': 6}]
    """
    _check_text(text, "text")
    if not isinstance(doc_id, str):
        raise TypeError(f"doc_id: expected str, got {type(doc_id).__name__}")
    return parse_many([text], published=[_iso_date(published, "published")], doc_ids=[doc_id])


def parse_many(
    texts: Sequence[str],
    published: DateLike | Sequence[DateLike] = None,
    doc_ids: Sequence[str] | None = None,
    threads: int | None = None,
) -> pl.DataFrame:
    """Parse many documents in parallel (the GIL is released).

    Parameters
    ----------
    texts
        The documents.
    published
        One publication date for all documents, or a sequence with one per
        document (``datetime.date``, ISO string or None).
    doc_ids
        Identifiers, one per document; default ``"0"``, ``"1"``, ...
    threads
        How many parser threads to use; None uses one per core.

    Returns
    -------
    polars.DataFrame
        The incidents of all documents, in document order. A document that
        cannot be parsed is reported with a warning naming it; the others
        are kept.

    Examples
    --------
    >>> import incidentkit as ik
    >>> df = ik.parse_many(["A blast in Quetta killed 3 people on Monday.",
    ...                     "Two soldiers were martyred in Bannu yesterday."],
    ...                    published="2025-03-05")
    >>> df.select("doc_id", "district", "killed_total").to_dicts()
    [{'doc_id': '0', 'district': 'Quetta', 'killed_total': 3}, {'doc_id': '1', 'district': 'Bannu', 'killed_total': 2}]
    """
    if isinstance(texts, str) or not isinstance(texts, Sequence):
        raise TypeError(
            f"texts: expected a sequence of str (a list or tuple), got {type(texts).__name__}"
        )
    texts = [_check_text(t, f"texts[{i}]") for i, t in enumerate(texts)]
    n = len(texts)
    if isinstance(published, (str, dt.date)) or published is None:
        dates = [_iso_date(published, "published")] * n
    elif isinstance(published, Sequence):
        if len(published) != n:
            raise ValueError(f"published: expected one date per text ({n}), got {len(published)}")
        dates = [_iso_date(p, f"published[{i}]") for i, p in enumerate(published)]
    else:
        raise TypeError(
            "published: expected a date, an ISO string, None, or a sequence of them, "
            f"got {type(published).__name__}"
        )
    if doc_ids is None:
        ids = [str(i) for i in range(n)]
    else:
        if isinstance(doc_ids, str) or not isinstance(doc_ids, Sequence):
            raise TypeError(f"doc_ids: expected a sequence of str, got {type(doc_ids).__name__}")
        if len(doc_ids) != n:
            raise ValueError(f"doc_ids: expected one id per text ({n}), got {len(doc_ids)}")
        ids = [str(d) for d in doc_ids]
    frame, failures = _core.parse_many(texts, dates, ids, check_threads(threads))
    for doc_id, message in failures:
        warnings.warn(f"document {doc_id!r} could not be parsed: {message}", stacklevel=2)
    return frame
