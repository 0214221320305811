"""Type stubs for the Rust extension module ``incidentkit._core``."""

import numpy as np
import numpy.typing as npt
import polars as pl

from incidentkit._args import DateRule, Every, Key, Value

__version__: str

def parse_many(
    texts: list[str],
    published: list[str | None],
    doc_ids: list[str],
    threads: int | None = None,
) -> tuple[pl.DataFrame, list[tuple[str, str]]]:
    """Parse documents in parallel with the GIL released.

    ``published`` holds ISO dates (``YYYY-MM-DD``) or None, one per text.
    ``threads`` sets the size of the parser's thread pool (default: one per
    core). Returns the incident frame and ``(doc_id, reason)`` for every
    document that could not be parsed.
    """

def parse_series(
    texts: pl.Series,
    published: pl.Series,
    doc_ids: pl.Series,
    threads: int | None = None,
) -> tuple[pl.DataFrame, list[tuple[str, str]]]:
    """``parse_many`` for columns: texts (String; a null is no document),
    publication dates (Date, one per text or one for all) and ids (String),
    read by Rust where they are, without a Python string per text."""

def empty_frame() -> pl.DataFrame:
    """The SPEC schema as an empty frame."""

def aggregate(
    incidents: pl.DataFrame,
    by: list[Key],
    start: int | None,
    end: int | None,
    date_rule: DateRule,
    mention: str | None = None,
) -> pl.DataFrame:
    """Incidents and tolls per group; start/end are days since 1970-01-01."""

def crosstab(
    incidents: pl.DataFrame,
    rows: Key,
    cols: Key,
    value: Value,
    start: int | None,
    end: int | None,
    date_rule: DateRule,
    mention: str | None = None,
) -> tuple[npt.NDArray[np.int64], pl.Series, pl.Series, list[str]]:
    """The matrix of sums, its row labels, column labels and column names."""

def compare_periods(
    incidents: pl.DataFrame,
    a: tuple[int, int],
    b: tuple[int, int],
    by: list[Key],
    value: Value,
    date_rule: DateRule,
    mention: str | None = None,
) -> pl.DataFrame:
    """Rate ratio of b over a per group; periods are (start, end) day numbers."""

def trend(
    incidents: pl.DataFrame,
    every: Every,
    by: list[Key],
    value: Value,
    start: int | None,
    end: int | None,
    date_rule: DateRule,
    mention: str | None = None,
) -> pl.DataFrame:
    """Poisson trend per group."""

def rates(aggregated: pl.DataFrame, per: float) -> pl.DataFrame:
    """Rates per ``per`` people."""

def deduplicate(
    incidents: pl.DataFrame, window_days: int, mention: str | None = None
) -> pl.DataFrame:
    """One row per event reported by several documents."""

def evaluate(
    incidents: pl.DataFrame, gold: pl.DataFrame, docs: list[str]
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Score incidents against a gold frame over its documents and ``docs``:
    the summary, field, aggregate and match frames."""

def gazetteer() -> pl.DataFrame:
    """The place table."""

def literal_scan(texts: list[str], words: list[str]) -> int:
    """Every non-overlapping match of ``words`` in ``texts``, ASCII case
    ignored: the benchmarks' speed reference where ripgrep is absent."""

def published_from_text(text: str) -> str | None:
    """The publication date a document states, as ``YYYY-MM-DD``: a leading
    ``" date YYYY-MM-DD "`` header line, else a full date alone on its first
    line, else a publication line at its start or end ("DAWN | June 11,
    2025", "Published June 11, 2025 08:12am", "Published in Dawn, June 11th,
    2025"); None when it states none."""
