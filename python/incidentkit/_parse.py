"""Parsing documents: arguments checked in Python (``_args``), the work in Rust."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Union

import polars as pl

from incidentkit import _args, _caller, _core
from incidentkit._args import DateLike
from incidentkit.io import CorpusWarning

#: What ``parse_many`` takes as texts, dates and ids: a list or tuple, a pandas
#: or polars Series, a numpy or pyarrow array.
Column = Union[Sequence[Any], pl.Series, Any]

#: The SPEC schema of the incident frame, column by column.
SCHEMA: pl.Schema = _core.empty_frame().schema


def parse(text: str, published: DateLike = None, doc_id: str = "doc") -> pl.DataFrame:
    """Parse one report into one row per incident.

    Parameters
    ----------
    text
        The document: a news report, press statement or analysis article.
        When ``published`` is None, the document's own publication date is
        used: a leading ``" date YYYY-MM-DD "`` header, a full date alone on
        the first line (``"2025-06-11"``, ``"Wednesday, June 11, 2025"``), or
        a publication line at the start or the end (``"DAWN | June 11,
        2025"``, ``"Published June 11, 2025 08:12am"``, ``"Published in Dawn,
        June 11th, 2025"``).
    published
        Publication date (``datetime.date``, ``datetime.datetime``,
        ``pandas.Timestamp``, ``numpy.datetime64`` or ISO string; None, NaN
        or NaT for none): relative dates ("yesterday", "on Sunday", "last
        month") resolve against it.
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
    if not isinstance(text, str):
        raise TypeError(f"text: expected str, got {type(text).__name__}")
    if not isinstance(doc_id, str):
        raise TypeError(f"doc_id: expected str, got {type(doc_id).__name__}")
    return _parse(
        _args.texts([text], "text"),
        pl.Series(
            "published", [_args.date(published, "published", blank_is_missing=True)], dtype=pl.Date
        ),
        _args.doc_ids([doc_id], 1, "doc_id"),
        None,
    )


def parse_many(
    texts: Column,
    published: DateLike | Column = None,
    doc_ids: Column | None = None,
    threads: int | None = None,
) -> pl.DataFrame:
    """Parse many documents in parallel (the GIL is released).

    Parameters
    ----------
    texts
        The documents: a list or tuple of str, a pandas or polars Series, a
        numpy or pyarrow array. A missing text (None, NaN, ``pandas.NA``)
        gives no incidents, with a warning. Lone surrogates (a ``str`` that
        is not Unicode text, ``"a\\udbda b"``) are replaced by U+FFFD, one
        character for one, so offsets still index the text, with a warning.
    published
        One publication date for all documents, or one per document in any
        of the forms ``texts`` takes: ``datetime.date``, ``datetime.datetime``,
        ``pandas.Timestamp``, ``numpy.datetime64`` or ISO strings; None, NaN,
        ``pandas.NaT``, ``pandas.NA`` or ``""`` for none (the document's own
        date is used, as in :func:`parse`).
    doc_ids
        Identifiers, one per document (str or int), in any of those forms;
        default (and where an id is missing) ``"0"``, ``"1"``, ... Two
        documents with one id are a ``ValueError`` naming it: incident ids
        must be unique.
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
    workers = _args.threads(threads)
    documents = _args.texts(texts, "texts")
    n = len(documents)
    dates = _args.dates(published, n, "published")
    ids = _args.doc_ids(doc_ids, n, "doc_ids")
    return _parse(documents, dates, ids, workers)


def _parse(
    documents: _args.Texts, dates: pl.Series, ids: pl.Series, workers: int | None
) -> pl.DataFrame:
    """Parse checked columns in Rust; warn about every document lost or changed."""
    for i in documents.replaced:
        _caller.warn(
            f"document {ids[i]!r}: lone surrogates (code points that are not Unicode "
            "text) replaced by U+FFFD",
            CorpusWarning,
        )
    if documents.missing:
        shown = ", ".join(repr(ids[i]) for i in documents.missing[:5])
        more = len(documents.missing) - 5
        _caller.warn(
            f"{len(documents.missing)} text(s) missing (None, NaN or NA), no incidents: "
            f"document(s) {shown}{f' and {more} more' if more > 0 else ''}",
            CorpusWarning,
        )
    frame, failures = _core.parse_series(documents.series, dates, ids, workers)
    for doc_id, message in failures:
        _caller.warn(f"document {doc_id!r} could not be parsed: {message}", CorpusWarning)
    return frame
