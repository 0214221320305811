"""Reading corpora: folders of ``.txt`` files, JSON Lines, CSV and Parquet.

Every reader yields frames with the columns of :data:`CORPUS_SCHEMA`
(``doc_id``, ``published``, ``text``), a bounded number of rows at a time, so
that :func:`incidentkit.parse_corpus` never holds the whole corpus. A file or
row that cannot be read is reported with a :class:`CorpusWarning` naming it
and the reason, and skipped; the rest of the corpus is read.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Literal, Union

import polars as pl

from incidentkit import _args, _caller, _core
from incidentkit._args import DateLike

__all__ = ["CORPUS_SCHEMA", "CorpusPath", "CorpusWarning", "Errors", "PathLike", "read_corpus"]

#: The columns of a corpus frame.
CORPUS_SCHEMA: pl.Schema = pl.Schema({"doc_id": pl.String, "published": pl.Date, "text": pl.String})

PathLike = Union[str, "os.PathLike[str]"]
#: One path, or several: a folder of ``.txt`` files or a ``.txt``, ``.jsonl``,
#: ``.csv`` or ``.parquet`` file.
CorpusPath = Union[PathLike, Sequence[PathLike]]

_FILE_KINDS = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
}
_ACCEPTED = "a folder of .txt files, or a .txt, .jsonl (.ndjson), .csv or .parquet file"
_DEFAULT_PUBLISHED = "published"
_DEFAULT_ID = "doc_id"
# Documents per frame when the whole corpus is read.
_CHUNK_ROWS = 10_000
# The row numbers of a CSV or Parquet file, under a name no file uses.
_ROW = "__incidentkit_row__"


class CorpusWarning(UserWarning):
    """A file or document of a corpus that could not be read or parsed, or
    that was read with a loss: undecodable bytes replaced, no publication
    date to resolve its relative dates against.

    The message names the file (and the line, row or document) and the
    reason. The rest of the corpus is read and parsed.
    """


#: What to do with bytes a file's encoding cannot decode: skip the file
#: (``"strict"``) or put U+FFFD in their place (``"replace"``).
Errors = Literal["strict", "replace"]

# Byte order marks, longest first (the UTF-32 LE mark starts like UTF-16 LE's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass
class CorpusCounts:
    """What reading a corpus met: files found, read and skipped, and
    documents without a publication date (the command line prints them)."""

    files: int = 0
    read: int = 0
    skipped: int = 0
    undated: int = 0


@dataclass(frozen=True)
class _Options:
    """How to read: the encoding (None: UTF-8, or what a byte order mark
    says), what to do with undecodable bytes, the publication date of the
    documents that give none, and where to count."""

    encoding: str | None = None
    errors: Errors = "strict"
    published: dt.date | None = None
    counts: CorpusCounts = field(default_factory=CorpusCounts)

    def encoding_of(self, data: bytes) -> tuple[str, bool]:
        """The encoding of a file that starts with ``data``, and whether a
        byte order mark says so."""
        for bom, name in _BOMS:
            if data.startswith(bom):
                return name, True
        return self.encoding or "utf-8", False

    def decode(self, data: bytes, where: object) -> str | None:
        """The text of ``data``, or None (with a warning) if undecodable and
        ``errors`` is strict; replaced bytes are reported."""
        encoding, _ = self.encoding_of(data)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            label = _encoding_label(encoding)
            if self.errors == "strict":
                _warn(
                    f"{where}: not {label} text (invalid byte at offset {error.start}); "
                    "skipped (give its encoding with encoding=, or errors='replace')"
                )
                return None
            text = data.decode(encoding, "replace")
            replaced = text.count("\ufffd") - data.decode(encoding, "ignore").count("\ufffd")
            _warn(f"{where}: {replaced} undecodable byte sequence(s) of {label} replaced by U+FFFD")
        return text.removeprefix("\ufeff")

    def date_for(self, published: dt.date | None, text: str) -> dt.date | None:
        """The publication date of a document: the one given, else the one
        its text states, else the fallback."""
        if published is not None:
            return published
        stated = _core.published_from_text(text)
        return dt.date.fromisoformat(stated) if stated else self.published

    def undated(self) -> None:
        """Count a document without a publication date. The warning comes
        when it is parsed, if that leaves incidents undated (parse_corpus)."""
        self.counts.undated += 1


def _encoding_label(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}.get(
        name, name
    )


def _options(
    encoding: object, errors: object, published: object, counts: CorpusCounts | None
) -> _Options:
    """Check the reading arguments."""
    if encoding is not None:
        if not isinstance(encoding, str):
            raise TypeError(f"encoding: expected a codec name such as 'latin-1', got {encoding!r}")
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ValueError(
                f"encoding: {encoding!r} is not a codec Python knows; expected a name such as "
                "'utf-8', 'utf-16', 'latin-1' or 'cp1252'"
            ) from None
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors: expected 'strict' or 'replace', got {errors!r}")
    return _Options(
        encoding=encoding,
        errors=errors,
        published=_args.date(published, "published"),
        counts=CorpusCounts() if counts is None else counts,
    )


_DEFAULT_OPTIONS = _Options()


@dataclass(frozen=True)
class _Columns:
    """Where a tabular file keeps the text, the date and the id."""

    text: str
    published: str
    doc_id: str

    def missing(self, available: Sequence[str], path: Path) -> None:
        """Raise ValueError for a column that was asked for but is not there."""
        wanted = [("text_column", self.text, True)]
        # The default names are optional; a name the caller chose must exist.
        wanted.append(("published_column", self.published, self.published != _DEFAULT_PUBLISHED))
        wanted.append(("id_column", self.doc_id, self.doc_id != _DEFAULT_ID))
        for argument, name, required in wanted:
            if required and name not in available:
                listed = ", ".join(repr(c) for c in available) or "none"
                raise ValueError(
                    f"{argument}: {path} has no column {name!r}; its columns are: {listed}"
                )


@dataclass(frozen=True)
class _Source:
    path: Path
    kind: str  # "dir", "txt", "jsonl", "csv" or "parquet"


# Where the readers' warnings go: the warnings module, unless a Dask task
# reroutes them to the client (one context per thread, so tasks running side
# by side in a worker keep their own).
_reporter: ContextVar[Callable[[str], None] | None] = ContextVar(
    "incidentkit_corpus_reporter", default=None
)


@contextmanager
def reported_to(report: Callable[[str], None]) -> Iterator[None]:
    """Send the corpus warnings raised in this block to ``report`` instead."""
    token = _reporter.set(report)
    try:
        yield
    finally:
        _reporter.reset(token)


def _warn(message: str) -> None:
    report = _reporter.get()
    if report is None:
        _caller.warn(message, CorpusWarning)
    else:
        report(message)


def _sources(path_or_paths: CorpusPath, argument: str) -> list[_Source]:
    """Check the paths and tell what each one is."""
    if isinstance(path_or_paths, (str, os.PathLike)):
        paths: list[object] = [path_or_paths]
    elif isinstance(path_or_paths, Sequence):
        paths = list(path_or_paths)
        if not paths:
            raise ValueError(f"{argument}: expected at least one path to {_ACCEPTED}")
    else:
        raise TypeError(
            f"{argument}: expected a path or a list of paths, got {type(path_or_paths).__name__}"
        )
    sources = []
    for item in paths:
        if not isinstance(item, (str, os.PathLike)):
            raise TypeError(f"{argument}: expected a path (str or Path), got {type(item).__name__}")
        path = Path(item)
        if path.is_dir():
            sources.append(_Source(path, "dir"))
        elif not path.exists():
            raise ValueError(f"{argument}: {str(path)!r} does not exist; expected {_ACCEPTED}")
        elif path.suffix.lower() in _FILE_KINDS:
            sources.append(_Source(path, _FILE_KINDS[path.suffix.lower()]))
        else:
            raise ValueError(
                f"{argument}: {str(path)!r} is not a supported corpus format; expected {_ACCEPTED}"
            )
    return sources


def _iso_date(value: object) -> dt.date | None:
    """A date from a JSON value: an ISO date or the date part of a timestamp;
    null or "" for none. ValueError for anything else."""
    try:
        return _args.date(value, "published", blank_is_missing=True)
    except TypeError:
        raise ValueError("not a date") from None


def _frame(ids: list[str], published: list[dt.date | None], texts: list[str]) -> pl.DataFrame:
    return pl.DataFrame(
        {"doc_id": ids, "published": published, "text": texts}, schema=CORPUS_SCHEMA
    )


def _read_text_file(path: Path, options: _Options = _DEFAULT_OPTIONS) -> str | None:
    """The text of one ``.txt`` document, or None (with a warning) if unreadable."""
    options.counts.files += 1
    try:
        data = path.read_bytes()
    except OSError as error:
        _warn(f"{path}: cannot be read ({error.strerror or error}); skipped")
        options.counts.skipped += 1
        return None
    text = options.decode(data, path)
    if text is None:
        options.counts.skipped += 1
        return None
    if not text.strip():
        _warn(f"{path}: no text; skipped")
        options.counts.skipped += 1
        return None
    options.counts.read += 1
    return text


def _read_texts(
    files: Iterable[tuple[Path, str]], chunk: int, options: _Options = _DEFAULT_OPTIONS
) -> Iterator[pl.DataFrame]:
    """``.txt`` documents: doc_id as given, published from the document's header."""
    ids: list[str] = []
    dates: list[dt.date | None] = []
    texts: list[str] = []
    for path, doc_id in files:
        text = _read_text_file(path, options)
        if text is None:
            continue
        published = options.date_for(None, text)
        if published is None:
            options.undated()
        ids.append(doc_id)
        dates.append(published)
        texts.append(text)
        if len(texts) >= chunk:
            yield _frame(ids, dates, texts)
            ids, dates, texts = [], [], []
    if texts:
        yield _frame(ids, dates, texts)


def _folder_files(root: Path) -> Iterator[tuple[Path, str]]:
    files = sorted(
        (p.relative_to(root).as_posix(), p)
        for p in root.rglob("*")
        if p.suffix.lower() == ".txt" and p.is_file()
    )
    if not files:
        _warn(f"{root}: no .txt files in this folder")
    for doc_id, path in files:
        yield path, doc_id


@dataclass(frozen=True)
class _Where:
    """``"{path}, line {n}"``, formatted only when a warning needs it."""

    path: Path
    line_number: Callable[[int], int]
    index: int

    def __str__(self) -> str:
        return f"{self.path}, line {self.line_number(self.index)}"


def _newlines_before(path: Path, offset: int) -> int:
    """How many line breaks the first ``offset`` bytes of a file hold."""
    count = 0
    with path.open("rb") as handle:
        while offset > 0:
            block = handle.read(min(offset, 1 << 24))
            if not block:
                break
            count += block.count(b"\n")
            offset -= len(block)
    return count


class _LineNumbers:
    """The line numbers of lines read from byte ``offset`` of a file on.

    Counting the lines before ``offset`` reads the file up to it, so it is
    done only when a number is needed: for a warning, or an id made from
    the line number. Reading a file whole (offset 0) never counts.
    """

    def __init__(self, path: Path, offset: int) -> None:
        self.path = path
        self.offset = offset
        self.first: int | None = 1 if offset == 0 else None

    def __call__(self, index: int) -> int:
        """The number (from 1) of the line ``index`` lines after the offset."""
        if self.first is None:
            self.first = 1 + _newlines_before(self.path, self.offset)
        return self.first + index


def _lines_from(handle: BinaryIO, span: tuple[int, int] | None) -> tuple[int, Iterator[bytes]]:
    """The lines of a file that start in the byte range ``span`` (all when None),
    and the offset of the first one.

    A line belongs to the range its first byte is in, so ranges cut anywhere
    in a file share its lines out exactly once.
    """
    if span is None:
        return 0, iter(handle)
    start, end = span
    if start > 0:
        handle.seek(start - 1)
        if handle.read(1) != b"\n":
            handle.readline()  # the end of a line that began in the previous range
    first = handle.tell()

    def lines() -> Iterator[bytes]:
        while handle.tell() < end:
            raw = handle.readline()
            if not raw:
                return
            yield raw

    return first, lines()


# Encodings whose line breaks are not the byte b"\n": read whole, not line by line.
_WIDE = {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}


def _jsonl_lines(
    path: Path, handle: BinaryIO, span: tuple[int, int] | None, options: _Options
) -> tuple[_LineNumbers, Iterator[tuple[int, bytes | str]]]:
    """The lines of a JSON Lines file (those that start in ``span``), as raw
    bytes; as text when its encoding is UTF-16 or UTF-32, which is read whole."""
    head = handle.read(4)
    handle.seek(0)
    encoding, _ = options.encoding_of(head)
    if codecs.lookup(encoding).name in _WIDE:
        if span is not None and span[0] > 0:
            return _LineNumbers(path, 0), iter(())  # the first piece reads it all
        text = options.decode(handle.read(), path)
        lines = [] if text is None else text.split("\n")
        return _LineNumbers(path, 0), iter(enumerate(lines))
    first, raw = _lines_from(handle, span)
    return _LineNumbers(path, first), enumerate(raw)


def _read_jsonl(
    path: Path,
    columns: _Columns,
    chunk: int,
    span: tuple[int, int] | None = None,
    options: _Options = _DEFAULT_OPTIONS,
) -> Iterator[pl.DataFrame]:
    """JSON Lines, one object per line, read line by line; with ``span``, only
    the lines that start in that byte range."""
    ids: list[str] = []
    dates: list[dt.date | None] = []
    texts: list[str] = []
    checked = False
    whole = span is None or span[0] == 0
    options.counts.files += whole
    try:
        handle = path.open("rb")
    except OSError as error:
        _warn(f"{path}: cannot be read ({error.strerror or error}); skipped")
        options.counts.skipped += whole
        return
    options.counts.read += whole
    with handle:
        line_number, lines = _jsonl_lines(path, handle, span, options)
        for index, raw in lines:
            if not raw.strip():
                continue
            where = _Where(path, line_number, index)
            line = options.decode(raw, where) if isinstance(raw, bytes) else raw
            if line is None:
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                _warn(f"{where}: malformed JSON ({error.msg} at column {error.colno}); skipped")
                continue
            if not isinstance(record, dict):
                _warn(f"{where}: expected a JSON object, got {type(record).__name__}; skipped")
                continue
            if not checked:
                # The first object shows which columns the file has.
                columns.missing(list(record), path)
                checked = True
            raw_id = record.get(columns.doc_id)
            doc_id = f"{path.name}#{line_number(index)}" if raw_id is None else str(raw_id)
            text = record.get(columns.text)
            if not isinstance(text, str) or not text.strip():
                reason = (
                    "no text" if text is None or isinstance(text, str) else "text is not a string"
                )
                _warn(f"{where} (doc_id {doc_id!r}): {reason}; skipped")
                continue
            raw_date = record.get(columns.published)
            try:
                published = _iso_date(raw_date)
            except ValueError:
                _warn(
                    f"{where} (doc_id {doc_id!r}): published {raw_date!r} is not an ISO date; left empty"
                )
                published = None
            published = options.date_for(published, text)
            if published is None:
                options.undated()
            ids.append(doc_id)
            dates.append(published)
            texts.append(text)
            if len(texts) >= chunk:
                yield _frame(ids, dates, texts)
                ids, dates, texts = [], [], []
    if texts:
        yield _frame(ids, dates, texts)


def _published_expr(name: str, dtype: pl.DataType, path: Path | str) -> pl.Expr:
    """The publication date column of a CSV or Parquet file (or of a Dask
    partition) as ``Date``, by the rule of ``incidentkit._args``."""
    return _args.date_expr(pl.col(name), dtype, f"published_column: column {name!r} of {path}")


def _tabular_chunks(lazy: pl.LazyFrame, size: int) -> Iterator[pl.DataFrame]:
    """A lazy frame in chunks, streamed when polars can (LazyFrame.collect_batches)."""
    if hasattr(lazy, "collect_batches"):
        yield from lazy.collect_batches(chunk_size=size)
    else:  # pragma: no cover - polars without collect_batches reads the file whole
        yield lazy.collect()


def _scan_csv(path: Path, options: _Options) -> pl.LazyFrame | None:
    """A CSV file as a lazy frame of text columns. UTF-8 (with or without a
    byte order mark) is scanned in place; another encoding, or
    ``errors="replace"``, is decoded in Python first (the file is then read
    whole). None (with a warning) when it cannot be decoded."""
    with path.open("rb") as handle:
        head = handle.read(4)
    encoding, _ = options.encoding_of(head)
    if codecs.lookup(encoding).name in ("utf-8", "utf-8-sig") and options.errors == "strict":
        return pl.scan_csv(path, infer_schema=False)
    text = options.decode(path.read_bytes(), path)
    if text is None:
        return None
    return pl.read_csv(io.BytesIO(text.encode("utf-8")), infer_schema=False).lazy()


def _read_tabular(
    path: Path,
    kind: str,
    columns: _Columns,
    chunk: int,
    rows: tuple[int, int] | None = None,
    options: _Options = _DEFAULT_OPTIONS,
) -> Iterator[pl.DataFrame]:
    """CSV (all columns read as text) or Parquet, scanned lazily in chunks;
    with ``rows`` (offset, length), only those rows."""
    whole = rows is None or rows[0] == 0
    options.counts.files += whole
    try:
        lazy = _scan_csv(path, options) if kind == "csv" else pl.scan_parquet(path)
        if lazy is None:
            options.counts.skipped += whole
            return
        schema = lazy.collect_schema()
    except (pl.exceptions.PolarsError, OSError) as error:
        _warn(f"{path}: cannot be read ({_reason(error)}); skipped")
        options.counts.skipped += whole
        return
    options.counts.read += whole
    columns.missing(schema.names(), path)
    text_dtype = schema[columns.text]
    if text_dtype not in (pl.String, pl.Categorical) and not isinstance(text_dtype, pl.Enum):
        raise ValueError(
            f"text_column: column {columns.text!r} of {path} holds {text_dtype}; expected text"
        )
    selected = [pl.col(_ROW).alias("row"), pl.col(columns.text).cast(pl.String).alias("text")]
    if columns.published in schema:
        published = _published_expr(columns.published, schema[columns.published], path)
        selected += [published.alias("published"), pl.col(columns.published).alias("published_raw")]
    else:
        selected += [
            pl.lit(None, dtype=pl.Date).alias("published"),
            pl.lit(None).alias("published_raw"),
        ]
    fallback_id = pl.format("{}#{}", pl.lit(path.name), pl.col(_ROW))
    if columns.doc_id in schema:
        selected.append(
            pl.col(columns.doc_id).cast(pl.String).fill_null(fallback_id).alias("doc_id")
        )
    else:
        selected.append(fallback_id.alias("doc_id"))
    lazy = lazy.with_row_index(_ROW, offset=1)
    first = 0
    if rows is not None:
        first = rows[0]
        lazy = lazy.slice(*rows)
    done = 0
    try:
        for frame in _tabular_chunks(lazy.select(selected), chunk):
            done += frame.height
            yield _checked_rows(frame, path, options)
    except (pl.exceptions.PolarsError, OSError) as error:
        after = f" after row {first + done}" if first + done else ""
        _warn(f"{path}: cannot be read{after} ({_reason(error)}); the rest of the file is skipped")


def _reason(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _checked_rows(
    chunk: pl.DataFrame, path: Path, options: _Options = _DEFAULT_OPTIONS
) -> pl.DataFrame:
    """Warn about rows without text or with a date that is not one; drop the
    former; date the undated from their text or the fallback, and count those
    still undated."""
    no_text = pl.col("text").is_null() | (pl.col("text").str.strip_chars() == "")
    for row, doc_id in chunk.filter(no_text).select("row", "doc_id").iter_rows():
        _warn(f"{path}, row {row} (doc_id {doc_id!r}): no text; skipped")
    bad_date = pl.col("published").is_null() & pl.col("published_raw").is_not_null()
    bad = chunk.filter(bad_date & ~no_text)
    for row, doc_id, raw in bad.select(
        "row", "doc_id", pl.col("published_raw").cast(pl.String)
    ).iter_rows():
        if raw is not None and raw.strip():
            _warn(
                f"{path}, row {row} (doc_id {doc_id!r}): published {raw!r} is not an ISO date; left empty"
            )
    kept = chunk.filter(~no_text)
    undated = kept["published"].is_null()
    if not undated.any():
        return kept.select(CORPUS_SCHEMA.names())
    dates = kept["published"].to_list()
    texts = kept["text"]
    for i in undated.arg_true().to_list():
        dates[i] = options.date_for(None, texts[i])
        if dates[i] is None:
            options.undated()
    return kept.with_columns(pl.Series("published", dates, dtype=pl.Date)).select(
        CORPUS_SCHEMA.names()
    )


def _read_source(
    source: _Source, columns: _Columns, chunk: int, options: _Options = _DEFAULT_OPTIONS
) -> Iterator[pl.DataFrame]:
    """The documents of one path, at most ``chunk`` at a time."""
    if source.kind == "dir":
        yield from _read_texts(_folder_files(source.path), chunk, options)
    elif source.kind == "txt":
        yield from _read_texts([(source.path, source.path.name)], chunk, options)
    elif source.kind == "jsonl":
        yield from _read_jsonl(source.path, columns, chunk, options=options)
    else:
        yield from _read_tabular(source.path, source.kind, columns, chunk, options=options)


def _rebatch(frames: Iterable[pl.DataFrame], size: int) -> Iterator[pl.DataFrame]:
    """Frames of exactly ``size`` rows (the last one may be shorter)."""
    pending: list[pl.DataFrame] = []
    held = 0
    for frame in frames:
        while frame.height:
            take = min(size - held, frame.height)
            pending.append(frame.slice(0, take))
            held += take
            frame = frame.slice(take)
            if held == size:
                yield pl.concat(pending, rechunk=True)
                pending, held = [], 0
    if held:
        yield pl.concat(pending, rechunk=True)


def _iter_corpus(
    path_or_paths: CorpusPath,
    *,
    batch_size: int = 1000,
    text_column: str = "text",
    published_column: str = _DEFAULT_PUBLISHED,
    id_column: str = _DEFAULT_ID,
    published: DateLike = None,
    encoding: str | None = None,
    errors: Errors = "strict",
    argument: str = "path_or_paths",
    counts: CorpusCounts | None = None,
) -> Iterator[pl.DataFrame]:
    """Read a corpus lazily, ``batch_size`` documents at a time.

    Takes the arguments of :func:`read_corpus` and yields frames of
    :data:`CORPUS_SCHEMA`. The paths are checked at once, the columns of a
    file when it is opened; a wrong one raises ``ValueError``. ``counts``,
    when given, counts the files found, read and skipped and the documents
    without a publication date.
    """
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise ValueError(f"batch_size: expected a positive integer, got {batch_size!r}")
    for name, value in (
        ("text_column", text_column),
        ("published_column", published_column),
        ("id_column", id_column),
    ):
        if not isinstance(value, str) or not value:
            raise TypeError(f"{name}: expected a column name (str), got {value!r}")
    options = _options(encoding, errors, published, counts)
    sources = _sources(path_or_paths, argument)
    columns = _Columns(text_column, published_column, id_column)
    frames = (
        frame for source in sources for frame in _read_source(source, columns, batch_size, options)
    )
    return _rebatch(frames, batch_size)


def read_corpus(
    path_or_paths: CorpusPath,
    text_column: str = "text",
    published_column: str = _DEFAULT_PUBLISHED,
    id_column: str = _DEFAULT_ID,
    *,
    published: DateLike = None,
    encoding: str | None = None,
    errors: Errors = "strict",
) -> pl.DataFrame:
    """Read a corpus of documents into one frame.

    Parameters
    ----------
    path_or_paths
        A folder (read recursively) of ``.txt`` files, one document each; a
        single ``.txt`` document; a ``.jsonl`` file with one JSON object per
        line; a ``.csv`` or ``.parquet`` file with one document per row; or a
        list of any of these.
    text_column
        The column (or JSON key) with the text of each document.
    published_column
        The column with the publication date (a date, a datetime or an ISO
        string ``YYYY-MM-DD``); the default ``"published"`` may be absent.
    id_column
        The column with the document's id. When the default ``"doc_id"`` is
        absent, or an id is null, the id is ``"{file name}#{n}"``, n counting
        rows from 1 (for JSON Lines, the line number).
    published
        The publication date of the documents that give none (a date or an
        ISO string; None for none): neither in their column nor in their
        text. :func:`incidentkit.parse_corpus` warns about every document
        left without one whose incidents are then undated.
    encoding
        The encoding of ``.txt``, ``.jsonl`` and ``.csv`` files: None for
        UTF-8; any codec Python knows (``"latin-1"``, ``"cp1252"``,
        ``"utf-16"``). A byte order mark (UTF-8, UTF-16, UTF-32) wins.
    errors
        ``"strict"``: a file (or JSON line) with bytes the encoding cannot
        decode is skipped with a warning; ``"replace"``: they become U+FFFD
        and the file is read, with a warning saying how many.

    Returns
    -------
    polars.DataFrame
        Columns ``doc_id`` (String), ``published`` (Date) and ``text``
        (String), one row per document, in file order; the files of a folder
        are sorted by path. For ``.txt`` documents ``doc_id`` is the path
        relative to the folder (with ``/``), or the file name for a single
        file. ``published`` is the file's date, else the date the document
        states (a ``" date YYYY-MM-DD "`` header line, a date alone on its
        first line, a publication line such as ``"DAWN | June 11, 2025"``,
        ``"Published June 11, 2025 08:12am"`` or a closing ``"Published in
        Dawn, June 11th, 2025"``), else ``published=``.

    Raises
    ------
    ValueError
        A path that does not exist or is not one of the formats above; a
        column name that is not in a file (the message lists its columns).

    Warns
    -----
    CorpusWarning
        For a file that cannot be read (not in its encoding, corrupt,
        unreadable), a malformed JSON line, a row without text (skipped), a
        publication date that is not a date (left null), a document without
        a publication date, or undecodable bytes replaced. The rest is read.

    Examples
    --------
    >>> import json, tempfile
    >>> from pathlib import Path
    >>> import polars as pl
    >>> import incidentkit as ik
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "ispr").mkdir()
    >>> _ = (folder / "ispr" / "0312.txt").write_text(
    ...     " date 2025-03-12 \\nSecurity forces killed four khwarij in Tank.")
    >>> _ = (folder / "ispr" / "0313.txt").write_text(
    ...     "DAWN | March 13, 2025\\nA blast hit a market in Quetta.")
    >>> corpus = ik.read_corpus(folder)
    >>> corpus.select("doc_id", "published", chars=pl.col("text").str.len_chars())
    shape: (2, 3)
    ┌───────────────┬────────────┬───────┐
    │ doc_id        ┆ published  ┆ chars │
    │ ---           ┆ ---        ┆ ---   │
    │ str           ┆ date       ┆ u32   │
    ╞═══════════════╪════════════╪═══════╡
    │ ispr/0312.txt ┆ 2025-03-12 ┆ 62    │
    │ ispr/0313.txt ┆ 2025-03-13 ┆ 53    │
    └───────────────┴────────────┴───────┘
    >>> lines = [{"id": 7, "date": "2025-05-02", "body": "A blast hit Quetta."},
    ...          {"id": 8, "body": "Two soldiers were martyred in Bannu."}]
    >>> _ = (folder / "news.jsonl").write_text("\\n".join(json.dumps(x) for x in lines))
    >>> ik.read_corpus(folder / "news.jsonl", text_column="body", published_column="date",
    ...                id_column="id", published="2025-05-03").rows()
    [('7', datetime.date(2025, 5, 2), 'A blast hit Quetta.'), ('8', datetime.date(2025, 5, 3), 'Two soldiers were martyred in Bannu.')]
    """
    frames = list(
        _iter_corpus(
            path_or_paths,
            batch_size=_CHUNK_ROWS,
            text_column=text_column,
            published_column=published_column,
            id_column=id_column,
            published=published,
            encoding=encoding,
            errors=errors,
        )
    )
    if not frames:
        return pl.DataFrame(schema=CORPUS_SCHEMA)
    return pl.concat(frames, rechunk=True)


def __dir__() -> list[str]:
    # The public names only, not the modules this one imports (os, json, ...).
    return sorted(__all__)
