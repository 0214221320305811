"""``mention=`` in every statistic and chart: both kinds of mention by default,
one kind on request, and a clear error for a frame without the column.

The frames are built by hand with a ``mention`` column, so these tests hold
whether or not the parser fills it yet.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Callable

import matplotlib

matplotlib.use("Agg")  # no display: render to files only

import matplotlib.pyplot as plt
import polars as pl
import pytest
from frames import day, frame, incident

import incidentkit as ik
from incidentkit import plot

MENTIONS = pl.Enum(["report", "background"])


def with_mention(df: pl.DataFrame, values: list[str | None]) -> pl.DataFrame:
    """``df`` with a ``mention`` column after ``operation``, as the SPEC places it."""
    column = pl.Series("mention", values, dtype=MENTIONS)
    if "mention" in df.columns:
        return df.with_columns(column)
    return df.insert_column(df.columns.index("operation") + 1, column)


def without_mention(df: pl.DataFrame) -> pl.DataFrame:
    return df.drop("mention", strict=False)


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    plt.close("all")
    yield
    plt.close("all")


@pytest.fixture
def incidents() -> pl.DataFrame:
    """Four reports from 2024-25 and one background mention of an attack in
    December 2014, recalled by one of them."""
    rows = [
        incident(
            0,
            district="Peshawar",
            province="Khyber Pakhtunkhwa",
            date_start=day("2014-12-16"),
            date_precision="day",
            event_type="militant_attack",
            killed_civilians=140,
        ),
        incident(1, district="Bannu", date_start=day("2024-11-03"), killed_security=3),
        incident(2, district="Bannu", date_start=day("2025-01-10"), killed_security=2),
        incident(
            3,
            district="Kech",
            date_start=day("2025-02-14"),
            killed_civilians=4,
            militant_nationalities=[{"nationality": "Afghan", "count": 2}],
        ),
        incident(4, district="Kech", date_start=day("2025-02-20"), killed_militants=5),
    ]
    return with_mention(frame(rows), ["background", "report", "report", "report", "report"])


def test_aggregate_keeps_both_by_default_and_filters_on_request(
    incidents: pl.DataFrame,
) -> None:
    assert ik.aggregate(incidents, by=None)["incidents"].to_list() == [5]
    assert ik.aggregate(incidents, by=None, mention="report")["incidents"].to_list() == [4]
    background = ik.aggregate(incidents, by="district", mention="background")
    assert background.select("district", "killed_total").rows() == [("Peshawar", 140)]


def test_one_background_mention_no_longer_stretches_a_crosstab_or_a_trend(
    incidents: pl.DataFrame,
) -> None:
    # December 2014 to February 2025: 123 months, all but five empty.
    whole = ik.crosstab(incidents, rows="district", cols="month", value="incidents")
    assert whole.shape == (3, 123) and whole.col_names[0] == "2014-12"
    news = ik.crosstab(incidents, rows="district", cols="month", mention="report")
    assert news.col_names == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert news.row_labels.to_list() == ["Bannu", "Kech"]
    assert ik.trend(incidents)["periods"].to_list() == [123]
    assert ik.trend(incidents, mention="report")["periods"].to_list() == [4]


def test_compare_periods_and_deduplicate_take_mention(incidents: pl.DataFrame) -> None:
    a, b = ("2014-01-01", "2014-12-31"), ("2025-01-01", "2025-12-31")
    assert ik.compare_periods(incidents, a=a, b=b)["count_a"].to_list() == [1]
    assert ik.compare_periods(incidents, a=a, b=b, mention="report")["count_a"].to_list() == [0]
    merged = ik.deduplicate(incidents, mention="report")
    assert merged.height == 4
    assert merged["mention"].dtype == MENTIONS
    assert merged.columns.index("mention") == merged.columns.index("operation") + 1


def test_deduplicate_reports_an_event_any_source_reports() -> None:
    # The same attack: news in one document, recalled in another.
    attack = dict(district="Bannu", date_start=day("2025-03-03"), killed_security=3)
    df = with_mention(
        frame(
            [
                incident(0, doc_id="a", incident_id="a:0", **attack),
                incident(1, doc_id="b", incident_id="b:0", **attack),
            ]
        ),
        ["background", "report"],
    )
    merged = ik.deduplicate(df)
    assert merged.select("n_sources", "mention").rows() == [(2, "report")]


STATISTICS: dict[str, Callable[..., Any]] = {
    "aggregate": lambda df, **kw: ik.aggregate(df, **kw),
    "crosstab": lambda df, **kw: ik.crosstab(df, **kw),
    "trend": lambda df, **kw: ik.trend(df, **kw),
    "compare_periods": lambda df, **kw: ik.compare_periods(
        df, a=("2024-01-01", "2024-12-31"), b=("2025-01-01", "2025-12-31"), **kw
    ),
    "deduplicate": lambda df, **kw: ik.deduplicate(df, **kw),
    "plot.monthly": lambda df, **kw: plot.monthly(df, **kw),
    "plot.districts": lambda df, **kw: plot.districts(df, **kw),
    "plot.nationalities": lambda df, **kw: plot.nationalities(df, **kw),
}


@pytest.mark.parametrize("name", sorted(STATISTICS))
def test_a_frame_without_the_column_counts_whole_and_cannot_be_filtered(
    name: str, incidents: pl.DataFrame
) -> None:
    call = STATISTICS[name]
    bare = without_mention(incidents)
    call(bare)  # the default needs no mention column
    with pytest.raises(ValueError, match=r"^mention: the incidents have no mention column"):
        call(bare, mention="report")


@pytest.mark.parametrize("name", sorted(STATISTICS))
@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        ("news", ValueError, r"^mention: got 'news'; expected 'report', 'background' or None"),
        ("Report", ValueError, r"^mention: got 'Report'; expected 'report', 'background'"),
        (True, TypeError, r"^mention: expected 'report', 'background' or None .*got bool"),
        (["report"], TypeError, r"^mention: expected 'report', 'background' or None .*got list"),
    ],
)
def test_wrong_mentions_name_the_argument_and_the_accepted_values(
    name: str, value: object, error: type[Exception], message: str, incidents: pl.DataFrame
) -> None:
    with pytest.raises(error, match=message):
        STATISTICS[name](incidents, mention=value)


def test_charts_draw_both_by_default_and_the_news_on_request(incidents: pl.DataFrame) -> None:
    every = plot.monthly(incidents)
    assert every.get_xticklabels()[0].get_text() == "2015-01"
    news = plot.monthly(incidents, mention="report")
    labels = [t.get_text() for t in news.get_xticklabels()]
    assert labels == ["2024-11", "2024-12", "2025-01", "2025-02"]
    districts = plot.districts(incidents, mention="report")
    assert [t.get_text() for t in districts.get_yticklabels()] == ["Bannu", "Kech"]
    table = ik.crosstab(incidents, rows="district", cols="month", mention="report")
    assert [t.get_text() for t in plot.heatmap(table).get_xticklabels()] == labels
    afghans = plot.nationalities(incidents, mention="background")
    assert [t.get_text() for t in afghans.texts] == ["No militant nationality stated"]
