"""Parsing a corpus batch by batch, into a frame or straight to a file."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, overload

import polars as pl

from incidentkit import _args, _caller, _core
from incidentkit._args import DateLike
from incidentkit._parse import SCHEMA
from incidentkit._progress import Progress, ProgressOption, progress_enabled
from incidentkit.io import CorpusCounts, CorpusPath, CorpusWarning, Errors, PathLike, _iter_corpus

__all__ = ["OUTPUT_FORMATS", "from_flat", "parse_corpus", "to_flat"]

#: File formats ``parse_corpus(out=...)`` writes, by suffix.
OUTPUT_FORMATS = {".parquet": "parquet", ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def to_flat(incidents: pl.DataFrame) -> pl.DataFrame:
    """The incident frame with ``militant_nationalities`` as text, for CSV.

    Each nationality is written ``"Afghan: 4"``, or ``"Afghan"`` when the
    count is not given, joined by ``"; "``; no nationality gives ``""``.

    Examples
    --------
    >>> import incidentkit as ik
    >>> from incidentkit._corpus import to_flat
    >>> df = ik.parse("Four of the khwarij killed in Zhob were Afghan nationals.",
    ...               published="2025-04-27")
    >>> to_flat(df)["militant_nationalities"].to_list()
    ['Afghan: 4']
    """
    item = pl.element().struct
    text = (
        pl.when(item.field("count").is_null())
        .then(item.field("nationality"))
        .otherwise(pl.format("{}: {}", item.field("nationality"), item.field("count")))
    )
    return incidents.with_columns(pl.col("militant_nationalities").list.eval(text).list.join("; "))


def from_flat(flat: pl.DataFrame) -> pl.DataFrame:
    """Undo :func:`to_flat`: ``militant_nationalities`` text back to its list.

    Examples
    --------
    >>> import polars as pl
    >>> from incidentkit._corpus import from_flat
    >>> flat = pl.DataFrame({"militant_nationalities": ["Afghan: 4; Tajik", "", None]})
    >>> from_flat(flat)["militant_nationalities"].to_list()
    [[{'nationality': 'Afghan', 'count': 4}, {'nationality': 'Tajik', 'count': None}], [], []]
    """
    item = r"^(.+?)(?:: (\d+))?$"
    entry = pl.struct(
        nationality=pl.element().str.extract(item, 1),
        count=pl.element().str.extract(item, 2).cast(pl.UInt32),
    )
    return flat.with_columns(
        pl.col("militant_nationalities")
        .fill_null("")
        .str.split("; ")
        .list.eval(pl.element().filter(pl.element() != ""))
        .list.eval(entry)
        .cast(SCHEMA["militant_nationalities"])
    )


class _Writer:
    """Writes batches of incidents to ``out`` through a temporary file that
    replaces ``out`` only when everything was written."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.kind = OUTPUT_FORMATS[out.suffix.lower()]
        self.scratch = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
        self.parts: list[Path] = []
        self.handle: BinaryIO | None = None
        if self.kind != "parquet":
            self.handle = (self.scratch / out.name).open("wb")

    def write(self, incidents: pl.DataFrame) -> None:
        if self.kind == "parquet":
            if incidents.height:
                # One small file per batch; close() streams them into one.
                part = self.scratch / f"part-{len(self.parts):06d}.parquet"
                incidents.write_parquet(part)
                self.parts.append(part)
        elif self.kind == "csv":
            assert self.handle is not None
            header = self.handle.tell() == 0
            if incidents.height or header:
                to_flat(incidents).write_csv(self.handle, include_header=header)
        else:
            assert self.handle is not None
            incidents.write_ndjson(self.handle)

    def close(self) -> None:
        target = self.scratch / self.out.name
        if self.handle is not None:
            self.handle.close()
        elif self.parts:
            pl.scan_parquet(self.parts).sink_parquet(target)
        else:
            _core.empty_frame().write_parquet(target)
        os.replace(target, self.out)
        shutil.rmtree(self.scratch, ignore_errors=True)

    def abort(self) -> None:
        if self.handle is not None:
            self.handle.close()
        shutil.rmtree(self.scratch, ignore_errors=True)


@dataclass
class Summary:
    """What a run of :func:`run` read and found."""

    documents: int
    incidents: int
    bytes: int
    failures: int
    seconds: float
    frame: pl.DataFrame | None
    #: Files found, read and skipped, and documents without a publication date.
    counts: CorpusCounts
    #: Incidents left without a date for want of a publication date.
    undated: int = 0


def warn_undated(incidents: pl.DataFrame) -> int:
    """Warn about every document whose incidents lost their dates for want of
    a publication date (with one, every incident has a date: the text's, or
    the publication date itself); return how many incidents are undated."""
    undated = incidents.filter(pl.col("date_start").is_null() & pl.col("published").is_null())
    if undated.height == 0:
        return 0
    per_document = undated.group_by("doc_id", maintain_order=True).len()
    for doc_id, count in per_document.iter_rows():
        _caller.warn(
            f"document {doc_id!r} has no publication date, given or stated in its text: "
            f"{count} of its incidents have no date (relative dates such as 'yesterday' or "
            "'on Monday' cannot be resolved) and drop out of every date window; give the "
            "date with published= (--published)",
            CorpusWarning,
        )
    return undated.height


def _output_path(out: PathLike) -> Path:
    if not isinstance(out, (str, os.PathLike)):
        raise TypeError(f"out: expected a file path or None, got {type(out).__name__}")
    path = Path(out)
    if path.suffix.lower() not in OUTPUT_FORMATS:
        raise ValueError(
            f"out: {str(path)!r}: expected a file name ending in .parquet, .csv or .jsonl"
        )
    if not path.parent.is_dir():
        raise ValueError(f"out: the folder {str(path.parent)!r} does not exist")
    if path.is_dir():
        raise ValueError(f"out: {str(path)!r} is a folder; expected a file name")
    return path


def run(
    path: CorpusPath,
    *,
    batch_size: int = 500,
    progress: ProgressOption = True,
    out: PathLike | None = None,
    threads: int | None = None,
    text_column: str = "text",
    published_column: str = "published",
    id_column: str = "doc_id",
    published: DateLike = None,
    encoding: str | None = None,
    errors: Errors = "strict",
) -> Summary:
    """:func:`parse_corpus`, returning what it did (the command line uses it)."""
    workers = _args.threads(threads)
    shown = progress_enabled(progress, sys.stderr)
    target = None if out is None else _output_path(out)
    counts = CorpusCounts()
    batches = _iter_corpus(
        path,
        batch_size=batch_size,
        text_column=text_column,
        published_column=published_column,
        id_column=id_column,
        published=published,
        encoding=encoding,
        errors=errors,
        argument="path",
        counts=counts,
    )
    writer = None if target is None else _Writer(target)
    frames: list[pl.DataFrame] = []
    failures = 0
    undated = 0
    meter = Progress(shown)
    try:
        with meter.shown():
            for batch in batches:
                # The columns go to Rust as they are: no Python string per text.
                incidents, failed = _core.parse_series(
                    batch["text"], batch["published"], batch["doc_id"], workers
                )
                for doc_id, reason in failed:
                    _caller.warn(
                        f"document {doc_id!r} could not be parsed: {reason}", CorpusWarning
                    )
                failures += len(failed)
                undated += warn_undated(incidents)
                if writer is None:
                    frames.append(incidents)
                else:
                    writer.write(incidents)
                nbytes = int(batch.select(pl.col("text").str.len_bytes().sum()).item())
                meter.update(batch.height, nbytes, incidents.height)
        if writer is not None:
            writer.close()
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    finally:
        meter.close()
    frame = None
    if writer is None:
        frame = pl.concat(frames, rechunk=True) if frames else _core.empty_frame()
    return Summary(
        documents=meter.documents,
        incidents=meter.incidents,
        bytes=meter.bytes,
        failures=failures,
        seconds=meter.elapsed(),
        frame=frame,
        counts=counts,
        undated=undated,
    )


@overload
def parse_corpus(
    path: CorpusPath,
    *,
    batch_size: int = ...,
    progress: ProgressOption = ...,
    out: None = ...,
    threads: int | None = ...,
    text_column: str = ...,
    published_column: str = ...,
    id_column: str = ...,
    published: DateLike = ...,
    encoding: str | None = ...,
    errors: Errors = ...,
) -> pl.DataFrame: ...


@overload
def parse_corpus(
    path: CorpusPath,
    *,
    batch_size: int = ...,
    progress: ProgressOption = ...,
    out: PathLike,
    threads: int | None = ...,
    text_column: str = ...,
    published_column: str = ...,
    id_column: str = ...,
    published: DateLike = ...,
    encoding: str | None = ...,
    errors: Errors = ...,
) -> None: ...


def parse_corpus(
    path: CorpusPath,
    *,
    batch_size: int = 500,
    progress: ProgressOption = True,
    out: PathLike | None = None,
    threads: int | None = None,
    text_column: str = "text",
    published_column: str = "published",
    id_column: str = "doc_id",
    published: DateLike = None,
    encoding: str | None = None,
    errors: Errors = "strict",
) -> pl.DataFrame | None:
    """Parse a corpus batch by batch, into a frame or straight to a file.

    The corpus is read lazily (:func:`read_corpus` describes the formats):
    ``batch_size`` documents at a time are read, parsed in parallel with
    the GIL released, and written out, so memory stays bounded by the batch
    size when ``out`` is given, however large the corpus.

    Parameters
    ----------
    path
        A folder of ``.txt`` files, a ``.txt``, ``.jsonl``, ``.csv`` or
        ``.parquet`` file, or a list of them.
    batch_size
        Documents read and parsed at a time.
    progress
        ``True``: a progress line on stderr (documents, incidents, MB,
        documents/s, MB/s) when stderr is a terminal; ``"always"``: also when
        it is not, one line per update; ``False``: none.
    out
        None to return the incidents; else a file to write them to, by its
        suffix: ``.parquet`` (the exact :data:`SCHEMA`), ``.jsonl`` (one JSON
        object per incident) or ``.csv`` (``militant_nationalities`` as text,
        ``"Afghan: 4; Tajik"``). The file appears only when the whole corpus
        was parsed.
    threads
        Parser threads; default one per core.
    text_column, published_column, id_column, published, encoding, errors
        As in :func:`read_corpus`: ``published`` is the publication date of
        the documents that give none (each one left without is reported),
        ``encoding`` and ``errors`` say how to decode the files.

    Returns
    -------
    polars.DataFrame or None
        The incidents (:data:`SCHEMA`), in corpus order, when ``out`` is None.

    Raises
    ------
    ValueError
        A wrong path, column, output file name, batch size or thread count.

    Warns
    -----
    CorpusWarning
        For every file, row or document that could not be read or parsed,
        naming it and the reason, and for every document whose incidents
        have no date because it has no publication date (none given, none
        stated in the text, no ``published=``); the rest is parsed.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> import polars as pl
    >>> import incidentkit as ik
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text(
    ...     " date 2025-03-05 \\nBANNU: Two policemen were martyred in Domel on Monday.")
    >>> _ = (folder / "b.txt").write_text("The weather in Quetta was mild.")
    >>> ik.parse_corpus(folder, progress=False).select(
    ...     "incident_id", "date_start", "district", "killed_security")
    shape: (1, 4)
    ┌─────────────┬────────────┬──────────┬─────────────────┐
    │ incident_id ┆ date_start ┆ district ┆ killed_security │
    │ ---         ┆ ---        ┆ ---      ┆ ---             │
    │ str         ┆ date       ┆ str      ┆ u32             │
    ╞═════════════╪════════════╪══════════╪═════════════════╡
    │ a.txt:0     ┆ 2025-03-03 ┆ Bannu    ┆ 2               │
    └─────────────┴────────────┴──────────┴─────────────────┘
    >>> ik.parse_corpus(folder, progress=False, out=folder / "incidents.parquet")
    >>> pl.read_parquet(folder / "incidents.parquet").schema == ik.SCHEMA
    True
    """
    summary = run(
        path,
        batch_size=batch_size,
        progress=progress,
        out=out,
        threads=threads,
        text_column=text_column,
        published_column=published_column,
        id_column=id_column,
        published=published,
        encoding=encoding,
        errors=errors,
    )
    return summary.frame
