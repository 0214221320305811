"""Cutting a corpus into the partitions of a Dask DataFrame, and reading one.

The client only plans: it lists the files and cuts them into pieces of about
``blocksize`` bytes. Each piece is read by a task on a worker with the
readers of :mod:`incidentkit.io`, so a partition holds exactly the rows
``ik.read_corpus`` gives for that part of the corpus, with the same ids and
the same warnings.

- a run of ``.txt`` documents (a folder, read recursively, or files), in
  path order, is cut between files;
- a JSON Lines file is cut into byte ranges; a line belongs to the range its
  first byte is in;
- a CSV or Parquet file is cut into ranges of rows.
"""

from __future__ import annotations

import contextlib
import glob
import json
import math
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Union

import polars as pl

from incidentkit import io
from incidentkit._dask_tasks import report, to_pandas

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["JsonlRange", "Piece", "TableRows", "TextFiles", "plan", "read_piece"]

_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True)
class TextFiles:
    """``.txt`` documents: (path, doc_id) pairs."""

    files: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class JsonlRange:
    """The lines of a JSON Lines file that start in ``[start, end)``."""

    path: str
    start: int
    end: int


@dataclass(frozen=True)
class TableRows:
    """Rows ``offset .. offset + length`` of a CSV or Parquet file (all: None)."""

    path: str
    kind: str
    rows: tuple[int, int] | None


Piece = Union[TextFiles, JsonlRange, TableRows]


def _is_glob(item: object) -> bool:
    return isinstance(item, str) and any(c in _GLOB_CHARACTERS for c in item)


def _glob_root(pattern: str) -> Path:
    """The folder a pattern's wildcards start below: ids of the ``.txt``
    files it matches are paths relative to it, as for a folder."""
    fixed: list[str] = []
    for part in Path(pattern).parts:
        if any(c in _GLOB_CHARACTERS for c in part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def _text_files(items: Sequence[object], argument: str) -> Iterator[tuple[str, object]]:
    """Expand globs: ("files", [(path, doc_id)]) for the ``.txt`` files a
    pattern matches, ("path", item) for anything else."""
    for item in items:
        if not _is_glob(item):
            yield "path", item
            continue
        pattern = str(item)
        matches = sorted(glob.glob(pattern, recursive=True))
        if not matches:
            raise ValueError(f"{argument}: {pattern!r} matches no file or folder")
        root = _glob_root(pattern)
        for match in matches:
            path = Path(match)
            if path.is_file() and path.suffix.lower() == ".txt":
                yield "files", [(match, path.relative_to(root).as_posix())]
            else:
                yield "path", match


def _sources(path_or_glob: object, argument: str) -> list[tuple[str, object]]:
    """The corpus as a list of ("files", [(path, doc_id)]) and ("source", io._Source)."""
    if isinstance(path_or_glob, (str, os.PathLike)):
        items: list[object] = [path_or_glob]
    elif isinstance(path_or_glob, Sequence):
        items = list(path_or_glob)
    else:
        raise TypeError(
            f"{argument}: expected a path, a glob pattern or a list of them, "
            f"got {type(path_or_glob).__name__}"
        )
    sources: list[tuple[str, object]] = []
    for kind, value in _text_files(items, argument):
        if kind == "files":
            sources.append((kind, value))
            continue
        # One path at a time through io's checks: the same messages as ik.read_corpus.
        (source,) = io._sources([value], argument)  # type: ignore[list-item]
        if source.kind == "dir":
            sources.append(("files", [(str(p), i) for p, i in io._folder_files(source.path)]))
        elif source.kind == "txt":
            sources.append(("files", [(str(source.path), source.path.name)]))
        else:
            sources.append(("source", source))
    if not sources:
        raise ValueError(f"{argument}: expected at least one path or pattern")
    return sources


def _text_pieces(files: list[tuple[str, str]], blocksize: int) -> Iterator[TextFiles]:
    """Consecutive files, about ``blocksize`` bytes at a time."""
    batch: list[tuple[str, str]] = []
    size = 0
    for path, doc_id in files:
        with contextlib.suppress(OSError):  # the reader reports it
            size += os.stat(path).st_size
        batch.append((path, doc_id))
        if size >= blocksize:
            yield TextFiles(tuple(batch))
            batch, size = [], 0
    if batch:
        yield TextFiles(tuple(batch))


def _jsonl_pieces(path: Path, blocksize: int) -> Iterator[JsonlRange]:
    size = path.stat().st_size
    if size <= blocksize:
        yield JsonlRange(str(path), 0, size)
        return
    step = math.ceil(size / math.ceil(size / blocksize))
    for start in range(0, size, step):
        yield JsonlRange(str(path), start, min(start + step, size))


def _csv_size(path: Path, blocksize: int) -> tuple[int, int | None]:
    """Bytes and rows of a CSV file; rows only when it must be cut (a fast
    pass over the file), None if it cannot be read (the reader says why)."""
    size = path.stat().st_size
    if size <= blocksize:
        return size, None
    try:
        return size, int(pl.scan_csv(path, infer_schema=False).select(pl.len()).collect().item())
    except (pl.exceptions.PolarsError, OSError):
        return size, None


def _parquet_size(path: Path) -> tuple[int, int | None]:
    """Uncompressed bytes and rows of a Parquet file, from its footer: text
    compresses well, and a partition is sized by what the parser reads."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        metadata = pq.ParquetFile(path).metadata
    except (OSError, pa.ArrowException):
        return path.stat().st_size, None
    size = sum(metadata.row_group(i).total_byte_size for i in range(metadata.num_row_groups))
    return size, metadata.num_rows


def _table_pieces(path: Path, kind: str, blocksize: int) -> Iterator[TableRows]:
    size, rows = _csv_size(path, blocksize) if kind == "csv" else _parquet_size(path)
    if not rows or size <= blocksize:
        yield TableRows(str(path), kind, None)
        return
    cuts = math.ceil(size / blocksize)
    step = math.ceil(rows / cuts)
    for offset in range(0, rows, step):
        yield TableRows(str(path), kind, (offset, min(step, rows - offset)))


def _check_columns(source: io._Source, columns: io._Columns) -> None:
    """Raise ValueError now for a column a file lacks, not later on a worker."""
    if source.kind == "jsonl":
        names = _first_json_keys(source.path)
    else:
        try:
            scan = (
                pl.scan_csv(source.path, infer_schema=False)
                if source.kind == "csv"
                else pl.scan_parquet(source.path)
            )
            names = scan.collect_schema().names()
        except (pl.exceptions.PolarsError, OSError):
            return  # unreadable: the reader warns and skips it
    if names is not None:
        columns.missing(names, source.path)


def _first_json_keys(path: Path) -> list[str] | None:
    """The keys of the first JSON object of a file, as ``ik.read_corpus`` checks them."""
    try:
        with path.open("rb") as handle:
            for raw in handle:
                if not raw.strip():
                    continue
                try:
                    record = json.loads(raw.decode("utf-8"))
                except (UnicodeDecodeError, json.JSONDecodeError):
                    continue
                if isinstance(record, dict):
                    return list(record)
    except OSError:
        pass
    return None


def plan(path_or_glob: object, columns: io._Columns, blocksize: int, argument: str) -> list[Piece]:
    """Cut a corpus into pieces of about ``blocksize`` bytes, in corpus order."""
    pieces: list[Piece] = []
    for kind, value in _sources(path_or_glob, argument):
        if kind == "files":
            assert isinstance(value, list)
            pieces.extend(_text_pieces(value, blocksize))
            continue
        assert isinstance(value, io._Source)
        _check_columns(value, columns)
        if value.kind == "jsonl":
            pieces.extend(_jsonl_pieces(value.path, blocksize))
        else:
            pieces.extend(_table_pieces(value.path, value.kind, blocksize))
    return pieces


def _read(piece: Piece, columns: io._Columns) -> Iterator[pl.DataFrame]:
    # The whole piece in one frame: a partition is the unit of work.
    everything = 1 << 62
    if isinstance(piece, TextFiles):
        yield from io._read_texts(((Path(p), i) for p, i in piece.files), everything)
    elif isinstance(piece, JsonlRange):
        span = (piece.start, piece.end)
        yield from io._read_jsonl(Path(piece.path), columns, everything, span)
    else:
        yield from io._read_tabular(Path(piece.path), piece.kind, columns, everything, piece.rows)


def read_piece(piece: Piece, names: io._Columns) -> pd.DataFrame:
    """The documents of one piece as a partition (``doc_id``, ``published``,
    ``text``) read with the file columns ``names``; what cannot be read is
    reported as a warning and skipped.

    (Not ``columns``: ``dd.from_map`` passes that to a function that takes it.)
    """
    with io.reported_to(report):
        frames = list(_read(piece, names))
    frame = pl.concat(frames) if frames else pl.DataFrame(schema=io.CORPUS_SCHEMA)
    return to_pandas(frame)


def corpus_meta() -> pd.DataFrame:
    """The empty partition of a corpus."""
    return to_pandas(pl.DataFrame(schema=io.CORPUS_SCHEMA))
