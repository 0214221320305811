"""The work of one Dask task: parse a partition, aggregate it, write it.

Everything here runs on the workers and takes or returns plain pandas and
Polars frames, so it can be tested without a cluster. Dask partitions are
pandas frames with Arrow-backed columns (``pd.ArrowDtype``); the work itself
happens on Polars frames with the exact SPEC dtypes, converted without a
Python loop over the rows.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import polars as pl

from incidentkit import _core
from incidentkit._args import DateRule, Key
from incidentkit._parse import SCHEMA
from incidentkit.io import CorpusWarning, _published_expr

if TYPE_CHECKING:
    import pandas as pd

#: The column of a packed partition that holds why a document failed
#: (null on incident rows).
FAILURE = "__incidentkit_failure__"

#: The columns of the failures frame.
FAILURES_SCHEMA = pl.Schema({"doc_id": pl.String, "reason": pl.String})

#: One row per partition written by :func:`write_partition`.
WRITTEN_SCHEMA = pl.Schema(
    {
        "part": pl.String(),
        "documents": pl.Int64(),
        "bytes": pl.Int64(),
        "incidents": pl.Int64(),
        "failures": pl.List(pl.Struct(FAILURES_SCHEMA)),
    }
)


@dataclass(frozen=True)
class DocumentColumns:
    """Where a Dask DataFrame of documents keeps the text, the date and the id."""

    text: str
    published: str | None  # None: no publication dates
    doc_id: str


# -- Polars <-> pandas ---------------------------------------------------


def to_pandas(frame: pl.DataFrame) -> pd.DataFrame:
    """A Polars frame as the pandas partition Dask holds (Arrow-backed columns)."""
    return frame.to_pandas(use_pyarrow_extension_array=True)


def to_polars(partition: pd.DataFrame) -> pl.DataFrame:
    """A pandas partition as a Polars frame; SPEC columns get their SPEC dtype.

    Arrow has no Enum, so ``event_type`` and ``date_precision`` travel as
    dictionaries and come back as Categorical: the cast restores them.
    """
    frame = pl.from_pandas(partition, include_index=False)
    return frame.cast({name: SCHEMA[name] for name in frame.columns if name in SCHEMA})


def packed_meta() -> pl.DataFrame:
    """The empty packed partition: the SPEC columns, then :data:`FAILURE`."""
    return _core.empty_frame().with_columns(pl.lit(None, dtype=pl.String).alias(FAILURE))


# -- reporting -----------------------------------------------------------


def report(message: str) -> None:
    """Warn with a :class:`CorpusWarning` where the user will see it.

    On a Dask worker, ``distributed.warn`` also sends the warning to every
    client of the scheduler, which re-emits it; elsewhere (a local Dask
    scheduler, no Dask at all) it is an ordinary warning.
    """
    try:
        from distributed import warn
    except ImportError:  # pragma: no cover - the dask extra installs distributed
        warnings.warn(message, CorpusWarning, stacklevel=2)
    else:
        warn(message, CorpusWarning, stacklevel=2)


def failure_message(doc_id: str | None, reason: str) -> str:
    """The words ``ik.parse_many`` and ``ik.parse_corpus`` use for a failed document."""
    return f"document {doc_id!r} could not be parsed: {reason}"


# -- parsing -------------------------------------------------------------


def _documents(
    partition: pd.DataFrame, columns: DocumentColumns, where: str
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The partition's documents (doc_id, published, text) that can be parsed,
    and the failures of those that cannot (no text, no id)."""
    wanted = [columns.text, columns.doc_id]
    if columns.published is not None:
        wanted.append(columns.published)
    raw = pl.from_pandas(partition[wanted], include_index=False)
    if columns.published is None:
        published = stated = pl.lit(None, dtype=pl.String)
    else:
        published = _published_expr(columns.published, raw.schema[columns.published], where)
        stated = pl.col(columns.published).cast(pl.String)
    docs = raw.with_row_index("row").select(
        "row",
        pl.col(columns.doc_id).cast(pl.String).alias("doc_id"),
        published.cast(pl.Date).alias("published"),
        pl.col(columns.text).cast(pl.String).alias("text"),
        stated.alias("published_raw"),
    )
    _warn_bad_dates(docs, where)
    unusable = pl.col("doc_id").is_null() | pl.col("text").is_null()
    failures = docs.filter(unusable).select(
        "doc_id",
        reason=pl.when(pl.col("doc_id").is_null())
        .then(pl.format("no doc_id ({}, row {})", pl.lit(where), pl.col("row")))
        .otherwise(pl.lit("no text")),
    )
    return docs.filter(~unusable).select("doc_id", "published", "text"), failures


def _warn_bad_dates(docs: pl.DataFrame, where: str) -> None:
    """A publication date that is not one is left empty, with a warning (as
    ``ik.read_corpus`` does), rather than failing a whole partition."""
    bad = docs.filter(
        pl.col("published").is_null()
        & pl.col("published_raw").is_not_null()
        & (pl.col("published_raw").str.strip_chars() != "")
    )
    for doc_id, raw in bad.select("doc_id", "published_raw").iter_rows():
        report(f"{where} (doc_id {doc_id!r}): published {raw!r} is not an ISO date; left empty")


def parse_documents(
    docs: pl.DataFrame, threads: int | None
) -> tuple[pl.DataFrame, list[tuple[str, str]]]:
    """Parse a frame of documents with the Rust engine (GIL released); the
    columns go as they are, without a Python string per text."""
    return _core.parse_series(docs["text"], docs["published"], docs["doc_id"], threads)


def _parse_packed(
    partition: pd.DataFrame, columns: DocumentColumns, threads: int | None, where: str
) -> pl.DataFrame:
    """The incidents and the failures of a partition, packed in one frame
    (see :func:`parse_partition`); every failure is reported as a warning."""
    docs, failures = _documents(partition, columns, where)
    incidents, engine_failures = parse_documents(docs, threads)
    failures = pl.concat(
        [failures, pl.DataFrame(engine_failures, schema=FAILURES_SCHEMA, orient="row")]
    )
    for doc_id, reason in failures.iter_rows():
        report(failure_message(doc_id, reason))
    packed = pl.concat(
        [
            incidents.with_columns(pl.lit(None, dtype=pl.String).alias(FAILURE)),
            failures.rename({"reason": FAILURE}),
        ],
        how="diagonal",
    )
    return packed.select(packed_meta().columns)


def parse_partition(
    partition: pd.DataFrame,
    columns: DocumentColumns,
    threads: int | None,
    partition_info: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """Parse one partition of documents into a packed partition.

    The packed partition holds the incident rows (``FAILURE`` null) and one
    row per failed document (``doc_id`` and ``FAILURE`` set, the rest null),
    so that the incidents and the failures of a corpus come from one parse.
    Every failure is also reported as a warning.
    """
    return to_pandas(_parse_packed(partition, columns, threads, _partition_name(partition_info)))


def _partition_name(partition_info: dict[str, Any] | None) -> str:
    if partition_info is None:
        return "partition"
    return f"partition {partition_info['number']}"


def incident_rows(packed: pd.DataFrame) -> pd.DataFrame:
    """The incidents of a packed partition, with exactly the SPEC columns."""
    rows = packed[packed[FAILURE].isna()].drop(columns=[FAILURE])
    return rows.reset_index(drop=True)


def failure_rows(packed: pd.DataFrame) -> pd.DataFrame:
    """The failed documents of a packed partition: ``doc_id``, ``reason``."""
    rows = packed.loc[packed[FAILURE].notna(), ["doc_id", FAILURE]]
    return rows.rename(columns={FAILURE: "reason"}).reset_index(drop=True)


# -- writing -------------------------------------------------------------


def write_partition(
    partition: pd.DataFrame,
    directory: str,
    columns: DocumentColumns,
    threads: int | None,
    partition_info: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """Parse one partition and write its incidents to ``part-NNNNN.parquet``.

    Returns one row: the part's name, documents, bytes of text, incidents
    and failures. The part is written under a temporary name and renamed,
    so a part file that exists is complete.
    """
    number = 0 if partition_info is None else int(partition_info["number"])
    packed = _parse_packed(partition, columns, threads, _partition_name(partition_info))
    incidents = packed.filter(pl.col(FAILURE).is_null()).drop(FAILURE)
    failures = packed.filter(pl.col(FAILURE).is_not_null()).select(
        "doc_id", pl.col(FAILURE).alias("reason")
    )
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"part-{number:05d}.parquet"
    scratch = folder / f".{name}.{os.getpid()}.tmp"
    incidents.write_parquet(scratch)
    os.replace(scratch, folder / name)
    texts = partition[columns.text]
    summary = pl.DataFrame(
        {
            "part": [name],
            "documents": [len(partition)],
            "bytes": [_text_bytes(texts)],
            "incidents": [incidents.height],
            "failures": [failures.to_dicts()],
        },
        schema=WRITTEN_SCHEMA,
    )
    return to_pandas(summary)


def _text_bytes(texts: pd.Series) -> int:
    lengths = cast("pl.Series", pl.from_pandas(texts)).cast(pl.String).str.len_bytes()
    return int(lengths.sum() or 0)


# -- aggregating ---------------------------------------------------------


@dataclass(frozen=True)
class AggregateArguments:
    """``ik.aggregate``'s arguments, checked, as the Rust engine takes them."""

    by: list[Key]
    start: int | None
    end: int | None
    date_rule: DateRule
    mention: str | None = None


def partial_aggregate(partition: pd.DataFrame, arguments: AggregateArguments) -> pl.DataFrame:
    """``ik.aggregate`` of one partition: every metric of it is a sum."""
    return _core.aggregate(
        to_polars(partition),
        arguments.by,
        arguments.start,
        arguments.end,
        arguments.date_rule,
        arguments.mention,
    )


def combine_partials(partials: Sequence[pl.DataFrame], keys: Sequence[str]) -> pl.DataFrame:
    """Add up partial aggregates of disjoint sets of incidents, group by group.

    Every metric ``ik.aggregate`` returns is a count or a sum (incidents,
    tolls, ``unknown_toll``, ``approximate_toll``, ``militants``,
    ``militants_uncounted``), so the sums of the partials are the aggregate
    of the whole. Null keys are a group like any other.
    """
    stacked = pl.concat(partials, how="vertical")
    if stacked.height == 0:
        return stacked
    metrics = [name for name in stacked.columns if name not in keys]
    if keys:
        summed = stacked.group_by(list(keys), maintain_order=True).agg(pl.col(metrics).sum())
    else:
        summed = stacked.select(pl.col(metrics).sum())
    return summed.cast(stacked.schema)


def finish_aggregate(combined: pl.DataFrame, template: pl.DataFrame) -> pl.DataFrame:
    """Order and type the combined sums as ``ik.aggregate`` does: the columns
    of ``template`` (its result on no rows), rows sorted by the keys, nulls
    last."""
    keys = template.columns[: template.columns.index("incidents")]
    frame = combined.select(template.columns).cast(template.schema)
    if keys and frame.height > 1:
        frame = frame.sort(keys, nulls_last=True, maintain_order=True)
    return frame
