"""Type stubs for the Rust extension module ``incidentkit._core``."""

import numpy as np
import numpy.typing as npt
import polars as pl

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

def empty_frame() -> pl.DataFrame:
    """The SPEC schema as an empty frame."""

def aggregate(
    incidents: pl.DataFrame,
    by: list[str],
    start: int | None,
    end: int | None,
    date_rule: str,
    mention: str | None = None,
) -> pl.DataFrame:
    """Incidents and tolls per group; start/end are days since 1970-01-01."""

def crosstab(
    incidents: pl.DataFrame,
    rows: str,
    cols: str,
    value: str,
    start: int | None,
    end: int | None,
    date_rule: str,
    mention: str | None = None,
) -> tuple[npt.NDArray[np.int64], pl.Series, pl.Series, list[str]]:
    """The matrix of sums, its row labels, column labels and column names."""

def compare_periods(
    incidents: pl.DataFrame,
    a: tuple[int, int],
    b: tuple[int, int],
    by: list[str],
    value: str,
    date_rule: str,
    mention: str | None = None,
) -> pl.DataFrame:
    """Rate ratio of b over a per group; periods are (start, end) day numbers."""

def trend(
    incidents: pl.DataFrame,
    every: str,
    by: list[str],
    value: str,
    start: int | None,
    end: int | None,
    date_rule: str,
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

def published_from_text(text: str) -> str | None:
    """The publication date a document states, as ``YYYY-MM-DD``: a leading
    ``" date YYYY-MM-DD "`` header line, else a full date alone on its first
    line; None when it states none."""
