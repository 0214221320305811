"""What analysts hold is accepted, the same way everywhere (incidentkit._args):
lists and tuples, pandas and polars Series, numpy and pyarrow arrays; dates
as datetime.date, datetime.datetime, pandas.Timestamp, numpy.datetime64 or ISO
strings; every pandas missing value as missing; pandas frames for every
statistic. Lone surrogates and duplicate ids are handled, not fatal or silent."""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Any, Callable

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from polars.testing import assert_frame_equal

import incidentkit as ik
from incidentkit import _args

TEXTS = [
    "Two soldiers were martyred in Bannu yesterday.",
    "A blast in Quetta killed 3 people on Monday.",
]
PUBLISHED = "2025-03-05"


@pytest.fixture(scope="module")
def expected() -> pl.DataFrame:
    frame = ik.parse_many(TEXTS, published=PUBLISHED)
    assert frame["date_start"].to_list() == [dt.date(2025, 3, 4), dt.date(2025, 3, 3)]
    return frame


# -- texts -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        pytest.param(tuple(TEXTS), id="tuple"),
        pytest.param(pd.Series(TEXTS), id="pandas"),
        pytest.param(pd.Series(TEXTS, dtype=object), id="pandas-object"),
        pytest.param(pd.Series(TEXTS, dtype="string"), id="pandas-string"),
        pytest.param(pd.Index(TEXTS), id="pandas-index"),
        pytest.param(pl.Series(TEXTS), id="polars"),
        pytest.param(pl.Series(TEXTS, dtype=pl.Categorical), id="polars-categorical"),
        pytest.param(np.array(TEXTS), id="numpy-unicode"),
        pytest.param(np.array(TEXTS, dtype=object), id="numpy-object"),
        pytest.param(pa.array(TEXTS), id="pyarrow"),
        pytest.param(pa.array(TEXTS, type=pa.large_string()), id="pyarrow-large"),
        pytest.param(pa.chunked_array([TEXTS[:1], TEXTS[1:]]), id="pyarrow-chunked"),
    ],
)
def test_texts_in_any_column_give_the_rows_of_a_list(texts: Any, expected: pl.DataFrame) -> None:
    assert_frame_equal(ik.parse_many(texts, published=PUBLISHED), expected)


def test_missing_texts_give_no_incidents_and_one_warning() -> None:
    texts = pd.Series([TEXTS[0], None, np.nan, TEXTS[1], pd.NA], dtype=object)
    with pytest.warns(
        ik.CorpusWarning, match=r"3 text\(s\) missing .*: document\(s\) '1', '2', '4'"
    ) as record:
        frame = ik.parse_many(texts, published=PUBLISHED)
    assert len(record) == 1
    assert frame["doc_id"].to_list() == ["0", "3"]


@pytest.mark.parametrize(
    ("texts", "error", "pattern"),
    [
        (pd.Series([1, 2]), TypeError, r"^texts: expected strings, got a column of Int64"),
        (np.array([TEXTS, TEXTS]), ValueError, r"^texts: expected a 1-dimensional array"),
        ({TEXTS[0]}, TypeError, r"^texts: expected a list, a tuple, a pandas or polars Series"),
        ([TEXTS[0], b"bytes"], TypeError, r"^texts\[1\]: expected str, got bytes"),
        (pd.Series([TEXTS[0], 5], dtype=object), TypeError, r"^texts\[1\]: expected str, got int"),
        (TEXTS[0], TypeError, r"^texts: expected a sequence of texts .* use ik.parse"),
    ],
)
def test_wrong_texts(texts: Any, error: type[Exception], pattern: str) -> None:
    with pytest.raises(error, match=pattern):
        ik.parse_many(texts)


# -- lone surrogates -----------------------------------------------------------------


def _pandas_objects(texts: list[str]) -> pd.Series:
    # pandas' default string dtype (Arrow) refuses surrogates; object columns hold them.
    return pd.Series(texts, dtype=object)


@pytest.mark.parametrize(
    "column", [list, _pandas_objects, np.array], ids=["list", "pandas-object", "numpy"]
)
def test_lone_surrogates_become_u_fffd_and_the_batch_goes_on(
    column: Callable[[list[str]], Any], expected: pl.DataFrame
) -> None:
    broken = "a\udbda b\udc00 " + TEXTS[0]
    with pytest.warns(ik.CorpusWarning, match=r"document '0': lone surrogates") as record:
        frame = ik.parse_many(column([broken, TEXTS[1]]), published=PUBLISHED)
    assert len(record) == 1
    assert frame["district"].to_list() == ["Bannu", "Quetta"]
    # One character for one: offsets still index the caller's string.
    row = frame.row(0, named=True)
    replaced = broken.replace("\udbda", "\ufffd").replace("\udc00", "\ufffd")
    assert replaced[row["start"] : row["end"]] == row["text"]
    assert row["text"].endswith(TEXTS[0])
    assert_frame_equal(frame[1:], expected[1:])


# -- publication dates -------------------------------------------------------------


@pytest.mark.parametrize(
    "published",
    [
        pytest.param(dt.date(2025, 3, 5), id="date"),
        pytest.param(dt.datetime(2025, 3, 5, 23, 59), id="datetime"),
        pytest.param(pd.Timestamp("2025-03-05 08:12"), id="pandas-timestamp"),
        pytest.param(pd.Timestamp("2025-03-05", tz="Asia/Karachi"), id="pandas-timestamp-tz"),
        pytest.param(np.datetime64("2025-03-05"), id="numpy-day"),
        pytest.param(np.datetime64("2025-03-05T08:12:00"), id="numpy-seconds"),
        pytest.param("2025-03-05T08:12:00Z", id="iso-timestamp"),
        pytest.param(" 2025-03-05 ", id="iso-spaces"),
    ],
)
def test_one_date_for_all_in_any_form(published: Any, expected: pl.DataFrame) -> None:
    assert_frame_equal(ik.parse_many(TEXTS, published=published), expected)


@pytest.mark.parametrize(
    "missing",
    [None, float("nan"), np.nan, np.float64("nan"), pd.NaT, pd.NA, np.datetime64("NaT"), ""],
    ids=["None", "nan", "np.nan", "float64-nan", "NaT", "NA", "datetime64-NaT", "empty"],
)
def test_every_missing_value_is_no_date(missing: Any) -> None:
    frame = ik.parse_many(TEXTS, published=missing)
    assert frame["published"].to_list() == [None, None]
    assert ik.parse(TEXTS[0], published=missing)["published"].to_list() == [None]


@pytest.mark.parametrize(
    "published",
    [
        pytest.param(pd.Series([pd.Timestamp("2025-03-05"), pd.NaT]), id="pandas-timestamps"),
        pytest.param(pd.to_datetime(pd.Series(["2025-03-05", None])), id="pandas-datetime64"),
        pytest.param(pd.Series(["2025-03-05", None]), id="pandas-strings"),
        pytest.param(pd.Series(["2025-03-05", np.nan], dtype=object), id="pandas-object-nan"),
        pytest.param(pd.Series([dt.date(2025, 3, 5), pd.NA], dtype=object), id="pandas-dates-NA"),
        pytest.param(pl.Series([dt.date(2025, 3, 5), None]), id="polars-date"),
        pytest.param(pl.Series([dt.datetime(2025, 3, 5, 9), None]), id="polars-datetime"),
        pytest.param(pl.Series(["2025-03-05T09:00", ""]), id="polars-strings"),
        pytest.param(np.array(["2025-03-05", "NaT"], dtype="datetime64[D]"), id="numpy"),
        pytest.param(pa.array([dt.date(2025, 3, 5), None]), id="pyarrow-date32"),
        pytest.param([np.datetime64("2025-03-05"), float("nan")], id="list-mixed"),
        pytest.param((pd.Timestamp("2025-03-05"), pd.NaT), id="tuple-pandas"),
    ],
)
def test_one_date_per_document_in_any_column(published: Any) -> None:
    expected = ik.parse_many(TEXTS, published=[PUBLISHED, None])
    assert_frame_equal(ik.parse_many(TEXTS, published=published), expected)


@pytest.mark.parametrize(
    ("published", "error", "pattern"),
    [
        (pd.Series(["2025-03-05", "yesterday"]), ValueError, r"^published\[1\]: expected an ISO"),
        (pd.Series([1, 2]), TypeError, r"^published: expected dates, datetimes or ISO date"),
        ([dt.date(2025, 3, 5), 7], TypeError, r"^published\[1\]: expected a datetime.date"),
        (pd.Series(["2025-03-05"]), ValueError, r"^published: expected one date per text \(2\)"),
        ({"a": 1}, TypeError, r"^published: expected a list, a tuple, a pandas or polars"),
        ("2025-3-5", ValueError, r"^published: expected an ISO date 'YYYY-MM-DD'"),
        (np.datetime64("12025-01-01"), ValueError, r"^published: .* outside the years"),
    ],
)
def test_wrong_dates(published: Any, error: type[Exception], pattern: str) -> None:
    with pytest.raises(error, match=pattern):
        ik.parse_many(TEXTS, published=published)


# -- document ids ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("doc_ids", "expected"),
    [
        (pd.Series(["a", "b"]), ["a", "b"]),
        (pd.Series([10, 11]), ["10", "11"]),
        (np.array([10, 11]), ["10", "11"]),
        # An integer column with a missing value: float64 in pandas.
        (pd.Series([10, None]), ["10", "1"]),
        (pl.Series(["a", None]), ["a", "1"]),
        (pa.array(["a", "b"]), ["a", "b"]),
        (("a", pd.NA), ["a", "1"]),
    ],
)
def test_ids_in_any_column(doc_ids: Any, expected: list[str]) -> None:
    frame = ik.parse_many(TEXTS, published=PUBLISHED, doc_ids=doc_ids)
    assert frame["doc_id"].to_list() == expected


@pytest.mark.parametrize(
    ("doc_ids", "pattern"),
    [
        (["a", "a"], r"given more than once: 'a'$"),
        (pd.Series([1, 1]), r"given more than once: '1'$"),
        # A missing id is the row's position, which another id may already be.
        (["1", None], r"given more than once: '1'$"),
    ],
)
def test_duplicate_ids_are_a_value_error_naming_them(doc_ids: Any, pattern: str) -> None:
    with pytest.raises(ValueError, match=r"^doc_ids: every document needs its own id.*" + pattern):
        ik.parse_many(TEXTS, doc_ids=doc_ids)


def test_many_duplicate_ids_are_listed_in_part() -> None:
    ids = [str(i // 2) for i in range(16)]
    with pytest.raises(
        ValueError, match=r"given more than once: '0', '1', '2', '3', '4' and 3 more"
    ):
        ik.parse_many(["Quiet day."] * 16, doc_ids=ids)


def test_wrong_ids() -> None:
    with pytest.raises(TypeError, match=r"^doc_ids\[1\]: expected str or int, got bool"):
        ik.parse_many(TEXTS, doc_ids=["a", True])
    with pytest.raises(TypeError, match=r"^doc_ids\[0\]: expected str or int, got float"):
        ik.parse_many(TEXTS, doc_ids=[1.5, 2.5])


# -- one coercion for every argument ----------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2025-03-05",
        "2025-03-05T10:00:00Z",
        "2025-03-05 10:00",
        dt.date(2025, 3, 5),
        dt.datetime(2025, 3, 5, 10),
        pd.Timestamp("2025-03-05 10:00"),
        np.datetime64("2025-03-05T10:00"),
    ],
)
def test_one_rule_for_dates_everywhere(value: Any) -> None:
    """parse, the statistics' windows, the plugin and the corpus readers take the same dates."""
    day = dt.date(2025, 3, 5)
    assert _args.date(value, "x") == day
    assert ik.parse(TEXTS[0], published=value)["published"].to_list() == [day]
    incidents = ik.parse_many(TEXTS, published=PUBLISHED)
    assert ik.aggregate(incidents, by=None, end=value)["incidents"].to_list() == [2]
    docs = pl.DataFrame({"text": [TEXTS[0]], "published": [str(value)]})
    # In the plugin a str names a column; a column of ISO strings is read by the same rule.
    published = "published" if isinstance(value, str) else value
    found = docs.select(pl.col("text").incidents.parse(published=published)).explode("incidents")
    assert found.unnest("incidents")["published"].to_list() == [day]
    if isinstance(value, str):
        assert ik.io._iso_date(value) == day


@pytest.mark.parametrize("value", ["2025-3-5", "20250305", "March 5, 2025", "2025-02-30"])
def test_what_is_no_iso_date_is_refused_everywhere(value: str) -> None:
    with pytest.raises(ValueError, match="expected an ISO date"):
        _args.date(value, "x")
    with pytest.raises(ValueError, match=r"^published: expected an ISO date"):
        ik.parse(TEXTS[0], published=value)
    with pytest.raises(ValueError, match=r"^start: expected an ISO date"):
        ik.aggregate(ik.parse(TEXTS[0]), start=value)


# -- pandas frames in the statistics -------------------------------------------------------


@pytest.fixture(scope="module")
def incidents() -> pl.DataFrame:
    return ik.parse_many(
        [
            "The suicide bomber who struck a convoy in Mir Ali on Sunday was an Afghan "
            "national. Four soldiers were martyred.",
            "Two soldiers were martyred in Bannu yesterday.",
            "Three soldiers were martyred in a blast in Bannu on Friday.",
            "Three soldiers were martyred in a blast in Bannu on Friday.",
        ],
        published=["2025-06-10", "2025-06-11", "2025-04-12", "2025-04-12"],
        doc_ids=["a", "b", "c", "d"],
    )


GOLD = [{"doc_id": "b", "published": "2025-06-11", "incidents": [{"district": "Bannu"}]}]
APRIL = ("2025-04-01", "2025-04-30")
JUNE = ("2025-06-01", "2025-06-30")


@pytest.mark.parametrize(
    "statistic",
    [
        pytest.param(lambda f: ik.aggregate(f, by=["district", "month"]), id="aggregate"),
        pytest.param(lambda f: ik.aggregate(f, by="nationality"), id="aggregate-nationality"),
        pytest.param(lambda f: ik.crosstab(f).to_polars(), id="crosstab"),
        pytest.param(lambda f: ik.compare_periods(f, a=APRIL, b=JUNE), id="compare_periods"),
        pytest.param(lambda f: ik.trend(f, every="1mo"), id="trend"),
        pytest.param(lambda f: ik.rates(ik.aggregate(f)), id="rates"),
        pytest.param(ik.deduplicate, id="deduplicate"),
        pytest.param(lambda f: ik.evaluate(f, GOLD).summary, id="evaluate"),
    ],
)
def test_statistics_take_pandas_frames(
    statistic: Callable[[Any], pl.DataFrame], incidents: pl.DataFrame
) -> None:
    assert_frame_equal(statistic(incidents.to_pandas()), statistic(incidents))


def test_rates_take_a_pandas_aggregate(incidents: pl.DataFrame) -> None:
    aggregated = ik.aggregate(incidents)
    assert_frame_equal(ik.rates(aggregated.to_pandas()), ik.rates(aggregated))


def test_evaluate_takes_a_pandas_gold_frame(incidents: pl.DataFrame) -> None:
    gold = ik.read_gold(GOLD)
    expected = ik.evaluate(incidents, gold).summary
    assert_frame_equal(ik.evaluate(incidents, gold.to_pandas()).summary, expected)


@pytest.mark.parametrize(
    "call",
    [
        lambda: ik.aggregate({"district": ["Bannu"]}),
        lambda: ik.crosstab([1, 2]),
        lambda: ik.trend(np.zeros(3)),
        lambda: ik.rates(pa.table({"district": ["Bannu"]})),
        lambda: ik.deduplicate("incidents.parquet"),
    ],
)
def test_other_tables_are_a_type_error_naming_from_pandas(call: Callable[[], Any]) -> None:
    with pytest.raises(TypeError, match=r"expected a polars DataFrame .* pl\.from_pandas"):
        call()


def test_window_dates_take_pandas_and_numpy_values(incidents: pl.DataFrame) -> None:
    expected = ik.aggregate(incidents, start="2025-06-01", end="2025-06-30")
    for start, end in [
        (pd.Timestamp("2025-06-01"), np.datetime64("2025-06-30")),
        (np.datetime64("2025-06-01T00:00"), pd.Timestamp("2025-06-30 23:00")),
    ]:
        assert_frame_equal(ik.aggregate(incidents, start=start, end=end), expected)
    assert_frame_equal(ik.aggregate(incidents, start=pd.NaT), ik.aggregate(incidents))


def test_no_warning_for_clean_input(incidents: pl.DataFrame) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ik.parse_many(pd.Series(TEXTS), published=pd.Series([PUBLISHED, PUBLISHED]))
        ik.aggregate(incidents.to_pandas())
