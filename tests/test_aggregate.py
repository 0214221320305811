"""ik.aggregate and ik.crosstab: hand-worked cases, and agreement with a plain
Polars group-by on random frames."""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl
import pytest
from frames import COUNTS, day, frame, incident, random_frames
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

import incidentkit as ik

TIME_KEYS = {"day": None, "week": "1w", "month": "1mo", "quarter": "1q", "year": "1y"}
# Months, quarters and years are named; days and weeks are the Date they start.
LABELS = {
    "month": lambda d: d.dt.strftime("%Y-%m"),
    "quarter": lambda d: d.dt.strftime("%Y-Q") + d.dt.quarter().cast(pl.String),
    "year": lambda d: d.dt.strftime("%Y"),
}
COLUMN_KEYS = ["district", "province", "country", "militant_group", "event_type"]


def in_window(start: dt.date | None, end: dt.date | None, rule: str) -> pl.Expr:
    first = pl.col("date_start")
    last = pl.max_horizontal("date_start", "date_end")
    lo = pl.lit(start or dt.date.min)
    hi = pl.lit(end or dt.date.max)
    if rule == "overlap":
        return (first <= hi) & (last >= lo)
    if rule == "start":
        return (first >= lo) & (first <= hi)
    return (first >= lo) & (last <= hi)


def reference_aggregate(
    df: pl.DataFrame,
    by: list[str],
    start: dt.date | None = None,
    end: dt.date | None = None,
    rule: str = "overlap",
) -> pl.DataFrame:
    """What ik.aggregate should return, written with plain Polars."""
    if start is not None or end is not None:
        df = df.filter(in_window(start, end, rule))
    for key in by:
        if key in TIME_KEYS:
            every = TIME_KEYS[key]
            column = pl.col("date_start")
            period = column.dt.truncate(every) if every else column
            df = df.with_columns(LABELS.get(key, lambda d: d)(period).alias(key))
    metrics = [
        pl.len().cast(pl.UInt32).alias("incidents"),
        *[pl.col(c).cast(pl.UInt64).sum().alias(c) for c in COUNTS],
        pl.all_horizontal(pl.col(COUNTS).is_null()).sum().cast(pl.UInt32).alias("unknown_toll"),
        pl.col("approximate").sum().cast(pl.UInt32).alias("approximate_toll"),
    ]
    if "nationality" in by:
        # An incident naming no nationality forms the null group: explode a
        # null list (one null row) rather than an empty one (no row in Polars 2).
        listed = pl.col("militant_nationalities")
        df = df.with_columns(
            pl.when(listed.list.len() > 0).then(listed).alias(listed.meta.output_name())
        )
        df = df.explode("militant_nationalities").with_columns(
            pl.col("militant_nationalities").struct.field("nationality").alias("nationality"),
            pl.col("militant_nationalities").struct.field("count").alias("_count"),
        )
        metrics += [
            pl.col("_count").cast(pl.UInt64).sum().alias("militants"),
            (pl.col("nationality").is_not_null() & pl.col("_count").is_null())
            .sum()
            .cast(pl.UInt32)
            .alias("militants_uncounted"),
        ]
    out = df.group_by(by).agg(metrics) if by else df.select(metrics).filter(pl.col("incidents") > 0)
    return out.sort(by, nulls_last=True) if by else out


BANNU_MARCH = dict(district="Bannu", province="Khyber Pakhtunkhwa", date_start=day("2025-03-03"))


def test_hand_worked_aggregate_by_district() -> None:
    df = frame(
        [
            incident(0, **BANNU_MARCH, killed_security=2, killed_militants=3),
            incident(1, **BANNU_MARCH, injured_civilians=4, approximate=True),
            incident(2, **BANNU_MARCH),
            incident(3, district="Quetta", date_start=day("2025-03-09"), arrested=5),
            incident(4, date_start=day("2025-04-01"), killed_unknown=1),
        ]
    )
    out = ik.aggregate(df, by="district")
    assert out["district"].to_list() == ["Bannu", "Quetta", None]
    assert out["incidents"].to_list() == [3, 1, 1]
    assert out["killed_total"].to_list() == [5, 0, 1]
    assert out["killed_security"].to_list() == [2, 0, 0]
    assert out["injured_total"].to_list() == [4, 0, 0]
    assert out["arrested"].to_list() == [0, 5, 0]
    assert out["unknown_toll"].to_list() == [1, 0, 0]
    assert out["approximate_toll"].to_list() == [1, 0, 0]


def test_nationality_explodes_and_counts_unstated_numbers() -> None:
    afghan3 = {"nationality": "Afghan", "count": 3}
    df = frame(
        [
            incident(0, militant_nationalities=[afghan3, {"nationality": "Tajik", "count": 1}]),
            incident(1, militant_nationalities=[{"nationality": "Afghan", "count": None}]),
            incident(2, militant_nationalities=[]),
        ]
    )
    out = ik.aggregate(df, by="nationality")
    assert out.select("nationality", "incidents", "militants", "militants_uncounted").rows() == [
        ("Afghan", 2, 3, 1),
        ("Tajik", 1, 1, 0),
        (None, 1, 0, 0),
    ]


def test_time_buckets_use_date_start_and_print_as_named() -> None:
    df = frame(
        [
            incident(0, date_start=day("2025-03-05"), date_end=day("2025-04-02")),
            incident(1, date_start=day("2025-03-31")),
            incident(2, date_start=day("2025-04-01")),
        ]
    )
    months = ik.aggregate(df, by="month")
    assert months["month"].to_list() == ["2025-03", "2025-04"]
    assert months["incidents"].to_list() == [2, 1]
    # A month prints as it is named, not as the date it starts.
    assert "2025-03-01" not in str(months) and "2025-03" in str(months)
    weeks = ik.aggregate(df, by="week")
    assert weeks["week"].to_list() == [day("2025-03-03"), day("2025-03-31")]
    quarters = ik.aggregate(df, by=["quarter", "year"])
    assert quarters.select("quarter", "year", "incidents").rows() == [
        ("2025-Q1", "2025", 2),
        ("2025-Q2", "2025", 1),
    ]
    quarters_april = ik.aggregate(df, by="quarter", start="2025-04-01")
    assert quarters_april["quarter"].to_list() == ["2025-Q1", "2025-Q2"]


@pytest.mark.parametrize(
    ("rule", "expected"),
    [("overlap", ["a", "b", "c"]), ("start", ["b", "c"]), ("within", ["b"])],
)
def test_date_rules(rule: str, expected: list[str]) -> None:
    df = frame(
        [
            incident(0, doc_id="a", date_start=day("2025-02-25"), date_end=day("2025-03-02")),
            incident(1, doc_id="b", date_start=day("2025-03-10")),
            incident(2, doc_id="c", date_start=day("2025-03-30"), date_end=day("2025-04-03")),
            incident(3, doc_id="d", date_start=day("2025-04-05")),
            incident(4, doc_id="e"),
        ]
    )
    kept = df.filter(pl.col("doc_id").is_in(expected))
    out = ik.aggregate(df, by=None, start="2025-03-01", end=dt.date(2025, 3, 31), date_rule=rule)
    assert out["incidents"].to_list() == [len(kept)]


def test_enum_keys_keep_their_dtype() -> None:
    df = frame([incident(0, event_type="bombing"), incident(1, event_type="militant_attack")])
    out = ik.aggregate(df, by="event_type")
    assert out.schema["event_type"] == ik.SCHEMA["event_type"]
    # Enum order is the SPEC's order.
    assert out["event_type"].to_list() == ["militant_attack", "bombing"]


@settings(max_examples=60, deadline=None)
@given(
    df=random_frames(),
    by=st.lists(
        st.sampled_from([*COLUMN_KEYS, *TIME_KEYS, "nationality"]), max_size=3, unique=True
    ),
    window=st.tuples(
        st.one_of(st.none(), st.dates(dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
        st.one_of(st.none(), st.dates(dt.date(2025, 1, 1), dt.date(2025, 3, 31))),
    ),
    rule=st.sampled_from(["overlap", "start", "within"]),
)
def test_aggregate_agrees_with_a_plain_polars_group_by(
    df: pl.DataFrame, by: list[str], window: tuple[dt.date | None, dt.date | None], rule: str
) -> None:
    start, end = window
    got = ik.aggregate(df, by=by, start=start, end=end, date_rule=rule)
    expected = reference_aggregate(df, by, start, end, rule)
    assert_frame_equal(got, expected, check_dtypes=False)
    for key in by:
        if key in COLUMN_KEYS:
            assert got.schema[key] == ik.SCHEMA[key]


def test_empty_frame_gives_empty_result_with_schema() -> None:
    empty = ik.parse_many([])
    full = frame([incident(0, district="Bannu", date_start=day("2025-01-02"))])
    for by in (["district", "month"], ["nationality", "event_type"], []):
        got = ik.aggregate(empty, by=by)
        assert got.height == 0
        assert got.schema == ik.aggregate(full, by=by).schema


def test_crosstab_hand_worked_with_empty_months() -> None:
    df = frame(
        [
            incident(0, district="Bannu", date_start=day("2025-01-10"), killed_security=2),
            incident(1, district="Bannu", date_start=day("2025-03-02"), killed_civilians=1),
            incident(2, district="Kech", date_start=day("2025-03-20"), killed_militants=4),
            incident(3, district="Kech", date_start=day("2025-03-21")),
        ]
    )
    table = ik.crosstab(df, rows="district", cols="month", value="killed_total")
    assert table.row_labels.to_list() == ["Bannu", "Kech"]
    assert table.col_labels.to_list() == ["2025-01", "2025-02", "2025-03"]
    assert table.col_names == ["2025-01", "2025-02", "2025-03"]
    assert table.values.dtype == np.int64
    assert table.values.tolist() == [[2, 0, 1], [0, 0, 4]]
    assert table.shape == (2, 3)
    wide = table.to_polars()
    assert wide.columns == ["district", "2025-01", "2025-02", "2025-03"]
    assert wide.row(1) == ("Kech", 0, 0, 4)
    incidents = ik.crosstab(df, rows="month", cols="district", value="incidents")
    assert incidents.values.tolist() == [[1, 0], [0, 0], [1, 2]]


def test_crosstab_window_fixes_the_period_range_and_nulls_come_last() -> None:
    df = frame(
        [
            incident(0, district="Bannu", date_start=day("2025-02-10")),
            incident(1, date_start=day("2025-02-11")),
        ]
    )
    table = ik.crosstab(
        df, rows="district", cols="month", value="incidents", start="2025-01-01", end="2025-04-30"
    )
    assert table.col_names == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert table.row_labels.to_list() == ["Bannu", None]
    assert table.values.tolist() == [[0, 1, 0, 0], [0, 1, 0, 0]]


@settings(max_examples=40, deadline=None)
@given(df=random_frames(), value=st.sampled_from(["incidents", "killed_total", "arrested"]))
def test_crosstab_cells_equal_the_aggregate(df: pl.DataFrame, value: str) -> None:
    table = ik.crosstab(df, rows="district", cols="month", value=value)
    agg = ik.aggregate(df, by=["district", "month"])
    assert int(table.values.sum()) == int(agg[value].sum())
    rows = table.row_labels.to_list()
    cols = table.col_labels.to_list()
    for district, month, total in agg.select("district", "month", value).iter_rows():
        assert table.values[rows.index(district), cols.index(month)] == total
    # Months run without gaps.
    dated = [dt.date.fromisoformat(f"{c}-01") for c in cols if c is not None]
    assert all(
        (b.year * 12 + b.month) - (a.year * 12 + a.month) == 1 for a, b in zip(dated, dated[1:])
    )
