"""incidentkit on Dask: parse and aggregate corpora larger than one machine.

Install the extra: ``pip install 'incidentkit[dask]'`` (``dask[dataframe]``
and ``distributed``). Dask schedules the work; each task parses a partition
of documents with the Rust engine, as ``ik.parse_many`` does in one process,
so the rows are the same::

    from dask.distributed import Client
    import incidentkit.dask as ikd

    client = Client("tcp://scheduler:8786")       # or Client() for a local cluster
    docs = ikd.read_corpus("news/*.jsonl")        # doc_id, published, text
    incidents = ikd.parse(docs)                   # one row per incident, the SPEC columns
    table = ikd.aggregate(incidents, by=["district", "month"])   # a polars DataFrame

Partitions are pandas frames with Arrow-backed columns, whose dtypes map the
SPEC schema (``ik.SCHEMA``) one to one; :func:`to_polars` turns a computed
result back into a Polars frame with exactly ``ik.SCHEMA``.

Documents that cannot be parsed are never fatal: each is reported as an
``ik.CorpusWarning`` (which ``distributed`` forwards from the workers to the
client), and :func:`parse_with_failures` also returns them as a frame.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Union

import polars as pl

try:
    import dask.dataframe as dd
    from dask.base import compute
    from dask.delayed import delayed
    from dask.utils import parse_bytes
except ImportError as error:  # pragma: no cover - exercised without the extra
    raise ImportError("incidentkit.dask needs Dask: pip install 'incidentkit[dask]'") from error

from incidentkit import _core, _dask_corpus, _dask_tasks, io
from incidentkit._args import DateLike, DateRule, Keys
from incidentkit._args import day_number as _optional_day
from incidentkit._args import key_names as _keys
from incidentkit._args import name as _name
from incidentkit._args import threads as check_threads
from incidentkit._dask_tasks import FAILURES_SCHEMA, AggregateArguments, DocumentColumns, to_pandas
from incidentkit._stats import Mention, _mention
from incidentkit.io import _published_expr

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Parsed",
    "Written",
    "aggregate",
    "parse",
    "parse_to_parquet",
    "parse_with_failures",
    "read_corpus",
    "to_polars",
]

#: The default size of a partition of documents, in bytes of input.
BLOCKSIZE = "32MB"

Size = Union[int, str]


class Parsed(NamedTuple):
    """The incidents of a corpus and the documents that could not be parsed."""

    #: One row per incident: the SPEC columns (``ik.SCHEMA``).
    incidents: dd.DataFrame
    #: One row per failed document: ``doc_id`` and ``reason``.
    failures: dd.DataFrame


@dataclass(frozen=True)
class Written:
    """What :func:`parse_to_parquet` wrote."""

    #: The part files, one per partition of documents, in corpus order.
    parts: list[Path]
    documents: int
    #: Bytes of text parsed.
    bytes: int
    incidents: int
    #: ``doc_id`` and ``reason`` of every document that could not be parsed.
    failures: pl.DataFrame


# -- checks ----------------------------------------------------------------


def _dask_frame(value: object, argument: str) -> dd.DataFrame:
    if not isinstance(value, dd.DataFrame):
        raise TypeError(f"{argument}: expected a Dask DataFrame, got {type(value).__name__}")
    return value


def _column_name(value: object, argument: str) -> str:
    if not isinstance(value, str) or not value:
        raise TypeError(f"{argument}: expected a column name (str), got {value!r}")
    return value


def _blocksize(value: object) -> int:
    try:
        size = parse_bytes(value) if isinstance(value, str) else value
    except ValueError:
        size = None
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ValueError(
            f"blocksize: expected a positive number of bytes or a size such as '64MB', got {value!r}"
        )
    return size


def _listed(columns: Sequence[object]) -> str:
    return ", ".join(repr(c) for c in columns) or "none"


def _document_columns(
    docs: dd.DataFrame, text_column: object, published_column: object, id_column: object
) -> DocumentColumns:
    """Check the column names against the frame; as in ``ik.read_corpus``, the
    default ``published`` may be absent, a name the caller chose may not."""
    text = _column_name(text_column, "text_column")
    published = _column_name(published_column, "published_column")
    doc_id = _column_name(id_column, "id_column")
    available = list(docs.columns)
    for argument, name in (("text_column", text), ("id_column", doc_id)):
        if name not in available:
            raise ValueError(
                f"{argument}: the Dask DataFrame has no column {name!r}; "
                f"its columns are: {_listed(available)}"
            )
    if published not in available:
        if published != "published":
            raise ValueError(
                f"published_column: the Dask DataFrame has no column {published!r}; "
                f"its columns are: {_listed(available)}"
            )
        return DocumentColumns(text, None, doc_id)
    # Dates, datetimes or strings; the check the workers make, made now on
    # the empty partition (a column of Python objects passes: its values tell).
    dates = pl.from_pandas(docs._meta[[published]], include_index=False)
    _published_expr(published, dates.schema[published], "the Dask DataFrame")
    return DocumentColumns(text, published, doc_id)


# -- reading -----------------------------------------------------------------


def read_corpus(
    path_or_glob: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    text_column: str = "text",
    published_column: str = "published",
    id_column: str = "doc_id",
    blocksize: Size = BLOCKSIZE,
) -> dd.DataFrame:
    """Read a corpus of many files into a Dask DataFrame of documents.

    The files are listed and cut into partitions of about ``blocksize``
    bytes now; they are read when the frame is computed, on the workers.

    Parameters
    ----------
    path_or_glob
        A folder of ``.txt`` files (read recursively), a ``.txt``, ``.jsonl``,
        ``.csv`` or ``.parquet`` file, a glob pattern such as
        ``"news/**/*.jsonl"`` (``**`` crosses folders), or a list of them.
        The ids of ``.txt`` files a pattern matches are their paths below
        the pattern's fixed folder.
    text_column, published_column, id_column
        As in ``ik.read_corpus``.
    blocksize
        The size of a partition: bytes, or a string such as ``"64MB"``.
        Runs of ``.txt`` files are cut between files, JSON Lines files
        between lines, CSV and Parquet files between rows.

    Returns
    -------
    dask.dataframe.DataFrame
        ``doc_id``, ``published`` and ``text``: the rows ``ik.read_corpus``
        returns, in the same order, partition after partition. What cannot be
        read is reported as an ``ik.CorpusWarning`` and skipped.

    Raises
    ------
    ValueError
        A path that does not exist or has an unsupported format, a pattern
        that matches nothing, or a column a file does not have.

    Examples
    --------
    >>> import incidentkit.dask as ikd
    >>> docs = ikd.read_corpus("examples/corpus", blocksize="8kB")
    >>> docs.npartitions > 1, list(docs.columns)
    (True, ['doc_id', 'published', 'text'])
    """
    for argument, value in (
        ("text_column", text_column),
        ("published_column", published_column),
        ("id_column", id_column),
    ):
        _column_name(value, argument)
    columns = io._Columns(text_column, published_column, id_column)
    pieces = _dask_corpus.plan(path_or_glob, columns, _blocksize(blocksize), "path_or_glob")
    docs: dd.DataFrame = dd.from_map(
        _dask_corpus.read_piece,
        pieces,
        args=[columns],
        meta=_dask_corpus.corpus_meta(),
        label="incidentkit-read",
        enforce_metadata=False,
    )
    return docs


# -- parsing -----------------------------------------------------------------


def _packed(
    docs: object,
    text_column: object,
    published_column: object,
    id_column: object,
    threads: object,
) -> dd.DataFrame:
    frame = _dask_frame(docs, "docs")
    columns = _document_columns(frame, text_column, published_column, id_column)
    packed: dd.DataFrame = frame.map_partitions(
        _dask_tasks.parse_partition,
        columns,
        check_threads(threads),
        meta=to_pandas(_dask_tasks.packed_meta()),
        enforce_metadata=False,
    )
    return packed


def parse_with_failures(
    docs: dd.DataFrame,
    text_column: str = "text",
    published_column: str = "published",
    id_column: str = "doc_id",
    threads: int | None = None,
) -> Parsed:
    """Parse every partition of documents; the incidents and the failures.

    Both frames come from one parse per partition: compute them together
    (``dask.compute(parsed.incidents, parsed.failures)``), or persist them,
    rather than one after the other, which parses twice.

    Parameters
    ----------
    docs, text_column, published_column, id_column, threads
        As in :func:`parse`.

    Returns
    -------
    Parsed
        ``incidents`` (the SPEC columns) and ``failures`` (``doc_id``,
        ``reason``: one row per document that could not be parsed, including
        rows without a text or an id).

    Examples
    --------
    >>> import warnings
    >>> import dask
    >>> import dask.dataframe as dd
    >>> import pandas as pd
    >>> import incidentkit.dask as ikd
    >>> docs = dd.from_pandas(pd.DataFrame({
    ...     "doc_id": ["a", "b"],
    ...     "text": ["Two soldiers were martyred in Bannu on Monday.", None]}), npartitions=1)
    >>> parsed = ikd.parse_with_failures(docs)
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     incidents, failures = dask.compute(*parsed, scheduler="sync")
    >>> len(incidents), failures.to_dict("records")
    (1, [{'doc_id': 'b', 'reason': 'no text'}])
    >>> [str(w.message) for w in caught]
    ["document 'b' could not be parsed: no text"]
    """
    packed = _packed(docs, text_column, published_column, id_column, threads)
    incidents = packed.map_partitions(
        _dask_tasks.incident_rows, meta=to_pandas(_core.empty_frame()), enforce_metadata=False
    )
    failures = packed.map_partitions(
        _dask_tasks.failure_rows,
        meta=to_pandas(pl.DataFrame(schema=FAILURES_SCHEMA)),
        enforce_metadata=False,
    )
    return Parsed(incidents, failures)


def parse(
    docs: dd.DataFrame,
    text_column: str = "text",
    published_column: str = "published",
    id_column: str = "doc_id",
    threads: int | None = None,
) -> dd.DataFrame:
    """Parse a Dask DataFrame of documents into a Dask DataFrame of incidents.

    Each partition is parsed by the Rust engine in one call, as
    ``ik.parse_many`` parses a list: the rows are the ones ``ik.parse_many``
    gives for the same documents, in the same order.

    Parameters
    ----------
    docs
        One row per document, e.g. from :func:`read_corpus`.
    text_column
        The column with the text.
    published_column
        The column with the publication date (a date, a datetime or an ISO
        string); the default ``"published"`` may be absent. A value that is
        not a date is left empty, with a warning.
    id_column
        The column with the document ids (required: incident ids are
        ``"{doc_id}:{n}"``).
    threads
        Parser threads per task; None uses the worker process's pool (one
        thread per core). With several single-threaded workers per machine,
        ``threads=1`` avoids running more threads than cores.

    Returns
    -------
    dask.dataframe.DataFrame
        One row per incident with the SPEC columns (``ik.SCHEMA``, as
        Arrow-backed pandas dtypes). A document that cannot be parsed (the
        engine failed, or its text or id is null) is reported with an
        ``ik.CorpusWarning`` naming it and the reason; the rest are parsed.
        :func:`parse_with_failures` also returns them as a frame.

    Raises
    ------
    TypeError, ValueError
        ``docs`` is not a Dask DataFrame, a column is missing, or ``threads``
        is not a positive integer.

    Examples
    --------
    >>> import dask.dataframe as dd
    >>> import pandas as pd
    >>> import incidentkit.dask as ikd
    >>> docs = dd.from_pandas(pd.DataFrame({
    ...     "doc_id": ["dawn-1"], "published": ["2025-06-11"],
    ...     "text": ["Two soldiers were martyred in an IED blast in Mir Ali yesterday."]}),
    ...     npartitions=1)
    >>> incidents = ikd.to_polars(ikd.parse(docs).compute(scheduler="sync"))
    >>> incidents.select("incident_id", "date_start", "district", "killed_security").rows()
    [('dawn-1:0', datetime.date(2025, 6, 10), 'North Waziristan', 2)]
    """
    return parse_with_failures(docs, text_column, published_column, id_column, threads).incidents


def parse_to_parquet(
    docs: dd.DataFrame,
    directory: str | os.PathLike[str],
    text_column: str = "text",
    published_column: str = "published",
    id_column: str = "doc_id",
    threads: int | None = None,
) -> Written:
    """Parse every partition and write its incidents as a Parquet part file.

    Each task writes ``part-NNNNN.parquet`` (partition N, exactly
    ``ik.SCHEMA``; empty partitions give empty parts) into ``directory``,
    which must be reachable by every worker at the same path (a shared file
    system). Read the dataset back with ``pl.scan_parquet(directory)`` or
    ``dd.read_parquet(directory, dtype_backend="pyarrow")`` (for :func:`aggregate`).

    Returns
    -------
    Written
        The parts, the numbers of documents, bytes and incidents, and the
        failed documents (also reported as warnings).
    """
    frame = _dask_frame(docs, "docs")
    columns = _document_columns(frame, text_column, published_column, id_column)
    if not isinstance(directory, (str, os.PathLike)):
        raise TypeError(f"directory: expected a folder path, got {type(directory).__name__}")
    folder = Path(directory)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ValueError(
            f"directory: {str(folder)!r} exists and is not an empty folder; "
            "expected a new or empty folder for the part files"
        )
    written = frame.map_partitions(
        _dask_tasks.write_partition,
        str(folder.resolve()),
        columns,
        check_threads(threads),
        meta=to_pandas(pl.DataFrame(schema=_dask_tasks.WRITTEN_SCHEMA)),
        enforce_metadata=False,
    )
    summary = _dask_tasks.to_polars(written.compute())
    failures = summary.select(pl.col("failures").explode()).unnest("failures").drop_nulls("reason")
    return Written(
        parts=[folder / name for name in summary["part"]],
        documents=int(summary["documents"].sum()),
        bytes=int(summary["bytes"].sum()),
        incidents=int(summary["incidents"].sum()),
        failures=failures.cast(FAILURES_SCHEMA),
    )


# -- aggregating -------------------------------------------------------------


def aggregate(
    incidents: dd.DataFrame,
    by: Keys = "district",
    start: DateLike | None = None,
    end: DateLike | None = None,
    date_rule: DateRule = "overlap",
    split_every: int = 8,
    mention: Mention = None,
) -> pl.DataFrame:
    """``ik.aggregate`` over a Dask DataFrame of incidents, computed.

    Every partition is aggregated by the Rust engine; the partial results are
    added up group by group, ``split_every`` at a time, on the workers. Every
    metric is a count or a sum, so the result equals ``ik.aggregate`` on all
    the incidents in one frame: the same rows, order and dtypes.

    Parameters
    ----------
    incidents
        From :func:`parse` (or any Dask DataFrame with the SPEC columns
        ``ik.aggregate`` reads).
    by, start, end, date_rule
        As in ``ik.aggregate``; wrong ones raise the same errors, before any
        work is sent to the cluster.
    split_every
        How many partial aggregates a task adds up.
    mention
        As in ``ik.aggregate``: None counts every incident, ``"report"`` or
        ``"background"`` only those.

    Returns
    -------
    polars.DataFrame
        As ``ik.aggregate`` returns it.

    Examples
    --------
    >>> import dask
    >>> import dask.dataframe as dd
    >>> import pandas as pd
    >>> import incidentkit.dask as ikd
    >>> docs = dd.from_pandas(pd.DataFrame({
    ...     "doc_id": ["a", "b", "c"],
    ...     "published": ["2025-02-05", "2025-04-12", "2025-04-16"],
    ...     "text": ["BANNU: Two policemen were martyred in an attack in Domel on Monday.",
    ...              "Three soldiers were martyred in a blast in Bannu on Friday.",
    ...              "Security forces killed six khwarij in an IBO in Tank district on Tuesday."]}),
    ...     npartitions=2)
    >>> with dask.config.set(scheduler="sync"):
    ...     table = ikd.aggregate(ikd.parse(docs), by="district")
    >>> table.select("district", "incidents", "killed_total").rows()
    [('Bannu', 2, 5), ('Tank', 1, 6)]
    """
    frame = _dask_frame(incidents, "incidents")
    if isinstance(split_every, bool) or not isinstance(split_every, int) or split_every < 2:
        raise ValueError(f"split_every: expected an integer of at least 2, got {split_every!r}")
    arguments = AggregateArguments(
        by=_keys(by, "by"),
        start=_optional_day(start, "start"),
        end=_optional_day(end, "end"),
        date_rule=_name(date_rule, "date_rule"),
        mention=_mention(mention),
    )
    # The same call on the empty partition checks the arguments and the
    # columns now, and gives the columns and dtypes of the result.
    template = _dask_tasks.partial_aggregate(frame._meta, arguments)
    partials = [
        delayed(_dask_tasks.partial_aggregate)(part, arguments) for part in frame.to_delayed()
    ]
    while len(partials) > 1:
        partials = [
            delayed(_dask_tasks.combine_partials)(partials[i : i + split_every], arguments.by)
            for i in range(0, len(partials), split_every)
        ]
    (combined,) = compute(partials[0])
    return _dask_tasks.finish_aggregate(combined, template)


# -- results -------------------------------------------------------------------


def to_polars(frame: pd.DataFrame | dd.DataFrame) -> pl.DataFrame:
    """A computed result (pandas) as Polars; SPEC columns get their SPEC dtype.

    A Dask DataFrame is computed first.

    Examples
    --------
    >>> import pandas as pd
    >>> import incidentkit.dask as ikd
    >>> ikd.to_polars(pd.DataFrame({"doc_id": ["a"], "killed_total": [3]})).schema
    Schema([('doc_id', String), ('killed_total', UInt32)])
    """
    if isinstance(frame, dd.DataFrame):
        frame = frame.compute()
    return _dask_tasks.to_polars(frame)
