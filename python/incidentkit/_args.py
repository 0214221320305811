"""Argument coercion: every value handed to incidentkit is checked and converted here.

One module decides what counts as a missing value, a date, a column of texts,
of dates or of ids, and an incident frame, so that :func:`incidentkit.parse_many`,
the corpus readers, the statistics, the charts, the expression plugin and the
command line accept the same things and word their errors the same way: a
``TypeError`` for a value of the wrong kind, a ``ValueError`` for a value of the
right kind that is wrong, both naming the argument and what it accepts.

What analysts hold is accepted: lists and tuples, pandas and polars Series,
numpy and pyarrow arrays; dates as ``datetime.date``, ``datetime.datetime``,
``pandas.Timestamp``, ``numpy.datetime64`` or ISO strings; and every pandas
missing value (``None``, ``NaN``, ``pandas.NaT``, ``pandas.NA``, ``numpy.datetime64("NaT")``)
as missing. pandas is never imported here: a pandas value can only arrive when
the caller has imported it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Union, cast

import numpy as np
import polars as pl

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DateLike",
    "DateRule",
    "Every",
    "Frame",
    "Key",
    "Keys",
    "Value",
    "date",
    "date_expr",
    "dates",
    "day_number",
    "doc_ids",
    "frame",
    "is_missing",
    "key_names",
    "name",
    "period",
    "texts",
    "threads",
]

#: A date as incidentkit takes it: ``datetime.date`` (``datetime.datetime`` and
#: ``pandas.Timestamp`` too), an ISO string ``"YYYY-MM-DD"`` (or an ISO timestamp,
#: whose date part is used), ``numpy.datetime64``, or None.
DateLike = Union[dt.date, str, "np.datetime64[Any]", None]

#: An incident frame (or an aggregate): polars, lazy, or pandas.
Frame = Union[pl.DataFrame, pl.LazyFrame, "pd.DataFrame"]

#: The keys the statistics group by.
Key = Literal[
    "district",
    "province",
    "country",
    "nationality",
    "militant_group",
    "event_type",
    "day",
    "week",
    "month",
    "quarter",
    "year",
]
#: One key, several, or None.
Keys = Union[Key, Sequence[Key], None]

#: What a statistic counts: incidents, or the sum of a count column.
Value = Literal[
    "incidents",
    "killed_security",
    "killed_civilians",
    "killed_militants",
    "killed_unknown",
    "killed_total",
    "injured_security",
    "injured_civilians",
    "injured_militants",
    "injured_unknown",
    "injured_total",
    "arrested",
]

#: How an incident's date range must meet a date window.
DateRule = Literal["overlap", "start", "within"]

#: The period of a trend: a count and a unit (d, w, mo, q, y). The engine takes
#: any count; these are the ones a type checker accepts.
Every = Literal[
    "1d",
    "2d",
    "3d",
    "7d",
    "14d",
    "1w",
    "2w",
    "4w",
    "1mo",
    "2mo",
    "3mo",
    "4mo",
    "6mo",
    "12mo",
    "1q",
    "2q",
    "1y",
    "2y",
]

_DATE_KINDS = (
    "a datetime.date, an ISO date string 'YYYY-MM-DD', a numpy.datetime64 or a pandas.Timestamp"
)
# An ISO date, or the date part of an ISO timestamp ("2025-03-05T10:00", "2025-03-05 10:00:00").
_ISO = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?")
_ISO_PATTERN = r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ].*)?\s*$"
# Values kept in an error message.
_SHOWN = 5


def _pandas() -> Any:
    """The pandas module if the caller has imported it, else None."""
    return sys.modules.get("pandas")


def _pyarrow() -> Any:
    return sys.modules.get("pyarrow")


def is_missing(value: object) -> bool:
    """Whether ``value`` is a missing value: None, NaN, NaT, ``pandas.NA``.

    Examples
    --------
    >>> import numpy as np
    >>> from incidentkit._args import is_missing
    >>> [is_missing(v) for v in (None, float("nan"), np.datetime64("NaT"), "", 0)]
    [True, True, True, False, False]
    """
    if value is None:
        return True
    if isinstance(value, float):  # numpy.float64 too
        return math.isnan(value)
    if isinstance(value, np.floating):
        return bool(np.isnan(value))
    if isinstance(value, (np.datetime64, np.timedelta64)):
        return bool(np.isnat(value))
    pandas = _pandas()
    return pandas is not None and (value is pandas.NaT or value is pandas.NA)


def _iso(text: str) -> dt.date | None:
    match = _ISO.fullmatch(text.strip())
    if match is None:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:  # 2025-02-30
        return None


def date(value: object, argument: str, *, blank_is_missing: bool = False) -> dt.date | None:
    """One date, or None for a missing value.

    ``blank_is_missing``: an empty string is missing (a cell of a table)
    rather than an error (an argument).

    Examples
    --------
    >>> import datetime as dt
    >>> import numpy as np
    >>> from incidentkit._args import date
    >>> date("2025-03-05T10:00:00Z", "published"), date(np.datetime64("2025-03-05"), "start")
    (datetime.date(2025, 3, 5), datetime.date(2025, 3, 5))
    >>> date(dt.datetime(2025, 3, 5, 23, 59), "end"), date(float("nan"), "published")
    (datetime.date(2025, 3, 5), None)
    >>> date("March 5", "start")
    Traceback (most recent call last):
    ...
    ValueError: start: expected an ISO date 'YYYY-MM-DD', got 'March 5'
    """
    if is_missing(value):
        return None
    if isinstance(value, dt.datetime):  # pandas.Timestamp is one
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, np.datetime64):
        day = value.astype("datetime64[D]").item()
        if not isinstance(day, dt.date):
            raise ValueError(f"{argument}: {value!r} is outside the years 1-9999")
        return day
    if isinstance(value, str):
        if blank_is_missing and not value.strip():
            return None
        parsed = _iso(value)
        if parsed is None:
            raise ValueError(f"{argument}: expected an ISO date 'YYYY-MM-DD', got {value!r}")
        return parsed
    raise TypeError(f"{argument}: expected {_DATE_KINDS} or None, got {type(value).__name__}")


_EPOCH = dt.date(1970, 1, 1)


def day_number(value: object, argument: str, *, required: bool = False) -> int | None:
    """A date as days since 1970-01-01 (polars' ``Date``), None when missing
    (an error when ``required``)."""
    day = date(value, argument)
    if day is None:
        if required:
            raise TypeError(f"{argument}: expected {_DATE_KINDS}, got {value!r}")
        return None
    return (day - _EPOCH).days


def period(value: object, argument: str) -> tuple[int, int]:
    """A ``(start, end)`` pair of dates as day numbers."""
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise ValueError(f"{argument}: expected a (start, end) pair of dates, got {value!r}")
    start = day_number(value[0], f"{argument}[0]", required=True)
    end = day_number(value[1], f"{argument}[1]", required=True)
    assert start is not None and end is not None
    return (start, end)


def date_expr(column: pl.Expr, dtype: pl.DataType, argument: str) -> pl.Expr:
    """A column of publication dates as ``Date``: dates, datetimes (their
    day), and ISO strings by the rule of :func:`date` (a value that is not
    one becomes null: the caller reports it)."""
    if dtype == pl.Date:
        return column
    if isinstance(dtype, pl.Datetime):
        return column.dt.date()
    if dtype == pl.Null:
        return column.cast(pl.Date)
    if dtype in (pl.String, pl.Categorical) or isinstance(dtype, pl.Enum):
        head = column.cast(pl.String).str.extract(_ISO_PATTERN, 1)
        return head.str.to_date("%Y-%m-%d", strict=False)
    raise ValueError(f"{argument} holds {dtype}; expected dates, datetimes or ISO date strings")


# -- sequences: texts, dates and ids, one per document ---------------------------


def _series(value: object, argument: str) -> pl.Series | None:
    """A polars Series for a column-like value (a polars, pandas or pyarrow
    column, a numpy array); None for a list or tuple, or a column polars
    cannot hold (mixed objects, lone surrogates), to be read item by item; a
    TypeError for anything else."""
    if isinstance(value, pl.Series):
        return value
    pandas = _pandas()
    pyarrow = _pyarrow()
    if isinstance(value, np.ndarray):
        if value.ndim != 1:
            raise ValueError(f"{argument}: expected a 1-dimensional array, got shape {value.shape}")
    elif pandas is not None and isinstance(value, (pandas.Series, pandas.Index)):
        pass
    elif pyarrow is not None and isinstance(value, (pyarrow.Array, pyarrow.ChunkedArray)):
        converted = pl.from_arrow(value)
        assert isinstance(converted, pl.Series)
        return converted
    elif isinstance(value, (list, tuple)):
        return None
    else:
        raise TypeError(
            f"{argument}: expected a list, a tuple, a pandas or polars Series, a numpy or "
            f"pyarrow array, got {type(value).__name__}"
        )
    try:
        return pl.Series(argument, value)
    except (TypeError, ValueError, pl.exceptions.PolarsError):
        return None


def _values(value: object) -> list[object]:
    """The items of a list, tuple, Series or array as Python objects."""
    if isinstance(value, (list, tuple)):
        return list(value)
    tolist = getattr(value, "tolist", None) or getattr(value, "to_list", None)
    assert tolist is not None
    items: list[object] = tolist()
    return items


def _length(value: object, n: int, argument: str, what: str) -> None:
    length = len(value)  # type: ignore[arg-type]
    if length != n:
        raise ValueError(f"{argument}: expected one {what} per text ({n}), got {length}")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(items: list[object]) -> tuple[list[object], list[int]]:
    """Lone surrogates (not Unicode text, so not UTF-8 either) replaced by
    U+FFFD, one character for one, so offsets stay Python indices; and the
    positions of the texts that held any."""
    changed = []
    for i, item in enumerate(items):
        if isinstance(item, str) and not item.isascii() and _SURROGATE.search(item):
            items[i] = _SURROGATE.sub("\ufffd", item)
            changed.append(i)
    return items, changed


class Texts:
    """The texts of a batch as a polars String Series (null: missing), with
    the positions of the missing ones and of those whose lone surrogates were
    replaced."""

    def __init__(self, series: pl.Series, replaced: list[int]) -> None:
        self.series = series
        self.replaced = replaced
        self.missing: list[int] = (
            series.is_null().arg_true().to_list() if series.null_count() else []
        )

    def __len__(self) -> int:
        return self.series.len()


def texts(value: object, argument: str = "texts") -> Texts:
    """Documents: a list or tuple of str, a pandas or polars Series, a numpy
    or pyarrow array of strings. A missing text (None, NaN, pandas.NA) is kept
    as null; a text with lone surrogates gets U+FFFD in their place."""
    if isinstance(value, (str, bytes)):
        raise TypeError(
            f"{argument}: expected a sequence of texts (a list, tuple, Series or array), "
            f"got one {type(value).__name__}; for one document use ik.parse"
        )
    series = _series(value, argument)
    if series is None or series.dtype == pl.Object:
        items = _values(value)
        for i, item in enumerate(items):
            if not isinstance(item, str) and not is_missing(item):
                raise TypeError(f"{argument}[{i}]: expected str, got {type(item).__name__}")
        strings = [None if is_missing(item) else item for item in items]
        try:
            return Texts(pl.Series("text", strings, dtype=pl.String), [])
        except UnicodeEncodeError:
            cleaned, replaced = _without_surrogates(strings)
            return Texts(pl.Series("text", cleaned, dtype=pl.String), replaced)
    if series.dtype in (pl.Categorical, pl.Null) or isinstance(series.dtype, pl.Enum):
        series = series.cast(pl.String)
    elif series.dtype != pl.String:
        raise TypeError(f"{argument}: expected strings, got a column of {series.dtype}")
    return Texts(series.alias("text"), [])


def dates(value: object, n: int, argument: str = "published") -> pl.Series:
    """Publication dates as a ``Date`` Series of length ``n`` (or 1: one date
    for every document). A missing value or an empty string is null."""
    if value is None or isinstance(value, (str, dt.date, np.datetime64)) or is_missing(value):
        return pl.Series(argument, [date(value, argument, blank_is_missing=True)], dtype=pl.Date)
    series = _series(value, argument)
    _length(value, n, argument, "date")
    if series is not None and series.dtype != pl.Object:
        if series.dtype == pl.Date:
            return series.alias(argument)
        try:
            column = series.alias(argument).to_frame()
            parsed = column.select(date_expr(pl.col(argument), series.dtype, argument)).to_series()
        except ValueError:
            raise TypeError(
                f"{argument}: expected dates, datetimes or ISO date strings, "
                f"got a column of {series.dtype}"
            ) from None
        if series.dtype in (pl.String, pl.Categorical) or isinstance(series.dtype, pl.Enum):
            text = series.cast(pl.String)
            bad = parsed.is_null() & text.is_not_null() & (text.str.strip_chars() != "")
            if bad.any():
                i = int(bad.arg_true()[0])
                raise ValueError(
                    f"{argument}[{i}]: expected an ISO date 'YYYY-MM-DD', got {text[i]!r}"
                )
        return parsed.alias(argument)
    items = _values(value)
    days = [date(item, f"{argument}[{i}]", blank_is_missing=True) for i, item in enumerate(items)]
    return pl.Series(argument, days, dtype=pl.Date)


def _id_text(item: object, argument: str) -> str | None:
    if is_missing(item):
        return None
    if isinstance(item, str):
        return item
    if isinstance(item, (bool, np.bool_)):
        raise TypeError(f"{argument}: expected str or int, got {type(item).__name__}")
    if isinstance(item, (int, np.integer)):
        return str(int(item))
    if isinstance(item, (float, np.floating)) and float(item).is_integer():
        # An integer column with a missing value is float64 in pandas.
        return str(int(item))
    raise TypeError(f"{argument}: expected str or int, got {type(item).__name__}")


def doc_ids(value: object, n: int, argument: str = "doc_ids") -> pl.Series:
    """Document ids as a String Series of length ``n``: ``"0"``, ``"1"``, ...
    by default and where an id is missing; integers become their digits. Two
    documents with one id are a ValueError naming the ids."""
    positions = [str(i) for i in range(n)]
    if value is None:
        return pl.Series(argument, positions, dtype=pl.String)
    if isinstance(value, (str, bytes)):
        raise TypeError(
            f"{argument}: expected a sequence of ids, one per text, got one {type(value).__name__}"
        )
    series = _series(value, argument)
    _length(value, n, argument, "id")
    ids: pl.Series
    if series is not None and (series.dtype == pl.String or series.dtype.is_integer()):
        ids = series.cast(pl.String)
    else:
        items = _values(value)
        ids = pl.Series(
            argument,
            [_id_text(item, f"{argument}[{i}]") for i, item in enumerate(items)],
            dtype=pl.String,
        )
    if ids.null_count():
        ids = ids.fill_null(pl.Series(positions, dtype=pl.String))
    ids = ids.alias(argument)
    repeated = ids.filter(ids.is_duplicated()).unique(maintain_order=True)
    if repeated.len():
        shown = ", ".join(repr(d) for d in repeated.head(_SHOWN).to_list())
        more = f" and {repeated.len() - _SHOWN} more" if repeated.len() > _SHOWN else ""
        raise ValueError(
            f"{argument}: every document needs its own id (incident ids are "
            f"'{{doc_id}}:{{n}}'); given more than once: {shown}{more}"
        )
    return ids


# -- frames and names --------------------------------------------------------------


def frame(value: object, argument: str, schema: pl.Schema | None = None) -> pl.DataFrame:
    """An incident (or aggregate) frame: a polars DataFrame or LazyFrame, or a
    pandas DataFrame converted with ``pl.from_pandas``; with ``schema``, the
    columns it names get its dtypes back (pandas keeps dates as datetimes,
    counts with nulls as floats, enums as categories)."""
    if isinstance(value, pl.LazyFrame):
        return value.collect()
    if isinstance(value, pl.DataFrame):
        return value
    pandas = _pandas()
    if pandas is not None and isinstance(value, pandas.DataFrame):
        converted = pl.from_pandas(value)
        if schema is None:
            return converted
        casts = []
        for column, dtype in schema.items():
            if column in converted.columns and converted.schema[column] != dtype:
                casts.append(pl.col(column).cast(dtype))
        try:
            return converted.with_columns(casts)
        except pl.exceptions.PolarsError as error:
            raise ValueError(
                f"{argument}: the pandas DataFrame does not convert to the incident columns "
                f"({str(error).splitlines()[0]})"
            ) from None
    raise TypeError(
        f"{argument}: expected a polars DataFrame (or LazyFrame) or a pandas DataFrame, "
        f"got {type(value).__name__}; convert other tables with pl.from_pandas or "
        "pl.DataFrame"
    )


def key_names(value: Keys, argument: str) -> list[Key]:
    """Key names: one, a sequence, or None for none (the engine checks them)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Sequence) and all(isinstance(v, str) for v in value):
        return [cast(Key, v) for v in value]
    raise TypeError(f"{argument}: expected a key name or a list of key names, got {value!r}")


_Name = TypeVar("_Name")


def name(value: _Name, argument: str) -> _Name:
    """A name (of a key, a value, a rule): a str, of the Literal type the
    caller declared; the engine checks which names it takes."""
    if not isinstance(value, str):
        raise TypeError(f"{argument}: expected str, got {type(value).__name__}")
    return value


def threads(value: object) -> int | None:
    """A thread count: a positive integer, or None for one per core."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"threads: expected a positive integer or None, got {value!r}")
    return int(value)
