"""incidentkit.plot: every chart renders to PNG with the Agg backend, draws the
artists it promises, honours ``ax=``, and labels an empty chart instead of
failing."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable

import matplotlib

matplotlib.use("Agg")  # no display: render to files only

import matplotlib.pyplot as plt
import numpy as np
import polars as pl
import pytest
from frames import day, frame, incident
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.image import AxesImage

import incidentkit as ik
from incidentkit import plot

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
EMPTY_NOTE = "No incidents to show"
SIDE_LABELS = ["Security forces", "Civilians", "Militants", "Unknown"]


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    """Each test starts and ends without open figures (pyplot warns past 20)."""
    plt.close("all")
    yield
    plt.close("all")


@pytest.fixture
def incidents() -> pl.DataFrame:
    """Five incidents in three districts over February to May 2025 (none in March)."""
    afghan = [{"nationality": "Afghan", "count": 4}]
    return frame(
        [
            incident(0, district="Bannu", date_start=day("2025-02-03"), killed_security=2),
            incident(
                1,
                district="Tank",
                date_start=day("2025-02-04"),
                killed_militants=6,
                militant_nationalities=afghan,
            ),
            incident(
                2,
                district="Bannu",
                date_start=day("2025-04-11"),
                killed_security=3,
                killed_civilians=1,
                injured_civilians=5,
            ),
            incident(
                3,
                district="Zhob",
                date_start=day("2025-05-20"),
                killed_militants=1,
                killed_unknown=2,
                militant_nationalities=[{"nationality": "Afghan", "count": None}],
            ),
            incident(
                4,
                district="Bannu",
                date_start=day("2025-05-21"),
                militant_nationalities=[{"nationality": "Tajik", "count": 1}],
            ),
            incident(5, district=None, date_start=None, killed_unknown=9),
        ]
    )


def png(ax: Axes) -> bytes:
    """Render the axes' figure to PNG in memory."""
    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png")
    data = buffer.getvalue()
    assert data.startswith(PNG_SIGNATURE)
    return data


def tick_texts(labels: list[Any]) -> list[str]:
    return [label.get_text() for label in labels]


def bars(ax: Axes) -> list[BarContainer]:
    return [c for c in ax.containers if isinstance(c, BarContainer)]


def texts(ax: Axes) -> list[str]:
    return [text.get_text() for text in ax.texts]


# Every chart, drawn from the fixture's incidents.
CHARTS: dict[str, Callable[..., Axes]] = {
    "monthly": lambda df, **kw: plot.monthly(df, **kw),
    "monthly-killed": lambda df, **kw: plot.monthly(df, "killed", **kw),
    "districts": lambda df, **kw: plot.districts(df, **kw),
    "districts-injured": lambda df, **kw: plot.districts(df, "injured", **kw),
    "heatmap": lambda df, **kw: plot.heatmap(ik.crosstab(df, "district", "month"), **kw),
    "nationalities": lambda df, **kw: plot.nationalities(df, **kw),
}


@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_renders_labelled_png(chart: str, incidents: pl.DataFrame, tmp_path: Path) -> None:
    ax = CHARTS[chart](incidents)
    assert isinstance(ax, Axes)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    png(ax)
    ax.figure.savefig(tmp_path / "chart.png")
    assert (tmp_path / "chart.png").read_bytes().startswith(PNG_SIGNATURE)


@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_draws_into_the_given_axes(chart: str, incidents: pl.DataFrame) -> None:
    figure, (left, right) = plt.subplots(1, 2)
    assert CHARTS[chart](incidents, ax=right) is right
    assert plt.get_fignums() == [figure.number]  # no other figure made
    assert right.get_title() and not left.get_title()
    assert not left.has_data()
    png(right)


@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_empty_frame_gives_a_labelled_empty_chart(chart: str) -> None:
    ax = CHARTS[chart](ik.SCHEMA.to_frame())
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert not ax.patches and not ax.images
    assert any(note.startswith("No ") for note in texts(ax))
    png(ax)


def test_monthly_incidents(incidents: pl.DataFrame) -> None:
    ax = plot.monthly(incidents)
    assert ax.get_title() == "Incidents per month"
    assert ax.get_ylabel() == "Incidents"
    # Every month from the first to the last, March empty; the undated one left out.
    assert tick_texts(ax.get_xticklabels()) == ["2025-02", "2025-03", "2025-04", "2025-05"]
    (container,) = bars(ax)
    assert [int(bar.get_height()) for bar in container] == [2, 0, 1, 2]


def test_monthly_deaths_stacked_by_side(incidents: pl.DataFrame) -> None:
    ax = plot.monthly(incidents, value="killed")
    assert ax.get_title() == "People killed per month, by side"
    sides = bars(ax)
    assert [c.get_label() for c in sides] == SIDE_LABELS
    heights = np.array([[bar.get_height() for bar in c] for c in sides])
    assert heights.tolist() == [[2, 0, 3, 0], [0, 0, 1, 0], [6, 0, 0, 1], [0, 0, 0, 2]]
    # Each side sits on the ones below it.
    bottoms = np.array([[bar.get_y() for bar in c] for c in sides])
    assert (bottoms[1:] == np.cumsum(heights, axis=0)[:-1]).all()
    legend = ax.get_legend()
    assert legend is not None
    assert tick_texts(legend.get_texts()) == SIDE_LABELS


def test_monthly_window_fixes_the_months(incidents: pl.DataFrame) -> None:
    ax = plot.monthly(incidents, start="2025-01-15", end="2025-03-31")
    assert tick_texts(ax.get_xticklabels()) == ["2025-01", "2025-02", "2025-03"]
    assert [int(bar.get_height()) for bar in bars(ax)[0]] == [0, 2, 0]


def test_monthly_thins_labels_of_long_series() -> None:
    rows = [incident(i, date_start=day(f"{2023 + i // 12}-{i % 12 + 1:02d}-10")) for i in range(30)]
    ax = plot.monthly(frame(rows))
    assert len(ax.patches) == 30
    labels = tick_texts(ax.get_xticklabels())
    # Every other month, from a January: at most sixteen labels.
    assert labels[:3] == ["2023-01", "2023-03", "2023-05"] and len(labels) == 15


def test_districts_ranked(incidents: pl.DataFrame) -> None:
    ax = plot.districts(incidents)
    assert ax.get_title() == "Districts by incidents"
    assert ax.get_xlabel() == "Incidents\nNot shown: 1 incident without a district"
    assert ax.get_ylabel() == "District"
    assert tick_texts(ax.get_yticklabels()) == ["Bannu", "Tank", "Zhob"]  # ties alphabetical
    assert [int(bar.get_width()) for bar in ax.patches] == [3, 1, 1]
    assert ax.yaxis_inverted()  # the first (largest) at the top
    assert texts(ax) == [" 3", " 1", " 1"]


def test_districts_top_by_deaths(incidents: pl.DataFrame) -> None:
    ax = plot.districts(incidents, value="killed", top=2)
    assert ax.get_title() == "Top 2 districts by people killed"
    assert tick_texts(ax.get_yticklabels()) == ["Bannu", "Tank"]
    sides = bars(ax)
    assert len(sides) == 4
    assert [int(bar.get_width()) for bar in sides[0]] == [5, 0]  # security forces
    assert texts(ax) == [" 6", " 6"]


def test_heatmap(incidents: pl.DataFrame) -> None:
    table = ik.crosstab(incidents, rows="district", cols="month", value="killed_total")
    ax = plot.heatmap(table, annotate=True)
    assert ax.get_title() == "People killed by district and month"
    assert ax.get_ylabel() == "District"
    (image,) = ax.images
    assert isinstance(image, AxesImage)
    colorbar = image.colorbar
    assert colorbar is not None and colorbar.ax.get_ylabel() == "People killed"
    # The undated incident is no month: its column is left out, with the
    # row that held nothing else, and the x axis says what it held.
    assert table.col_names[-1] == "null" and table.row_labels.to_list()[-1] is None
    assert tick_texts(ax.get_xticklabels()) == table.col_names[:-1]
    assert tick_texts(ax.get_yticklabels()) == ["Bannu", "Tank", "Zhob"]
    assert np.array_equal(image.get_array(), table.values[:-1, :-1])
    assert ax.get_xlabel() == "Month\nNot shown: 9 people killed in undated incidents"
    assert len(ax.texts) == 3 * 4
    png(ax)


def test_heatmap_top_rows_ranked_by_value() -> None:
    rows = [
        incident(i, district=district, date_start=day("2025-03-02"), killed_security=killed)
        for i, (district, killed) in enumerate([("Bannu", 1), ("Kech", 5), ("Zhob", 10)])
    ]
    table = ik.crosstab(frame(rows), rows="district", cols="month", value="killed_total")
    ax = plot.heatmap(table, top=2)
    assert tick_texts(ax.get_yticklabels()) == ["Zhob", "Kech"]  # largest first
    assert ax.images[0].get_array().tolist() == [[10], [5]]
    # Without top, the table's order.
    assert tick_texts(plot.heatmap(table).get_yticklabels()) == ["Bannu", "Kech", "Zhob"]


def test_heatmap_of_an_empty_table_has_no_colorbar() -> None:
    ax = plot.heatmap(ik.crosstab(ik.SCHEMA.to_frame(), "district", "month"))
    assert not ax.images and len(ax.figure.axes) == 1
    assert EMPTY_NOTE in texts(ax)


def test_nationalities(incidents: pl.DataFrame) -> None:
    ax = plot.nationalities(incidents)
    assert ax.get_title() == "Militants by stated nationality"
    assert tick_texts(ax.get_yticklabels()) == ["Afghan", "Tajik"]
    militants, named = bars(ax)
    assert militants.get_label() == "Militants (stated counts)"
    assert named.get_label() == "Incidents naming it"
    assert [int(bar.get_width()) for bar in militants] == [4, 1]
    assert [int(bar.get_width()) for bar in named] == [2, 1]
    assert texts(ax) == [" 4", " 1", " 2 (1 without a count)", " 1"]
    assert tick_texts(plot.nationalities(incidents, top=1).get_yticklabels()) == ["Afghan"]


def test_nationalities_none_stated() -> None:
    ax = plot.nationalities(frame([incident(0, district="Bannu", killed_security=1)]))
    assert texts(ax) == ["No militant nationality stated"]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda df: plot.monthly(df, value="deaths"), ValueError, "value: expected one of"),
        (lambda df: plot.districts(df, value="arrested"), ValueError, "value: expected one of"),
        (lambda df: plot.districts(df, top=0), ValueError, "top: expected a positive integer"),
        (lambda df: plot.nationalities(df, top=True), ValueError, "top: expected a positive"),
        (lambda df: plot.heatmap(df), TypeError, "table: expected an incidentkit.Crosstab"),
        (lambda df: plot.monthly(df, ax="left"), TypeError, "ax: expected a matplotlib Axes"),
        (lambda df: plot.monthly(df.to_dicts()), TypeError, "incidents: expected a polars"),
        (lambda df: plot.monthly(df, start="March"), ValueError, "start: expected an ISO date"),
    ],
)
def test_argument_errors(
    call: Callable[[pl.DataFrame], Axes], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call(ik.SCHEMA.to_frame())


def test_missing_matplotlib_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, incidents: pl.DataFrame
) -> None:
    # A None entry in sys.modules makes `import matplotlib` raise ImportError.
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=r"pip install 'incidentkit\[plot\]'"):
        plot.monthly(incidents)


def test_import_does_not_need_matplotlib() -> None:
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "import incidentkit, incidentkit.plot\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.fixture
def long_span() -> pl.DataFrame:
    """A corpus of 2024-25 with one mention of an attack in December 2014 and
    two undated incidents: 133 months from the first to the last."""
    districts = ["Bannu", "Khyber", "Kech", "Quetta", "Tank", "Zhob"]
    rows = [
        incident(0, district="Peshawar", date_start=day("2014-12-16"), killed_civilians=140),
        *(
            incident(
                i,
                district=districts[i % len(districts)],
                date_start=day(f"{2024 + (i // 12) % 2}-{i % 12 + 1:02d}-{i % 27 + 1:02d}"),
                killed_security=i % 4,
                killed_militants=i % 7,
            )
            for i in range(1, 41)
        ),
        incident(41, district="Bannu", killed_unknown=4),
        incident(42, killed_unknown=2),
    ]
    return frame(rows)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG, from its IHDR chunk."""
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def overlapping(ax: Axes) -> list[tuple[str, str]]:
    """Pairs of neighbouring tick labels, along either axis, whose drawn boxes overlap."""
    ax.figure.canvas.draw()
    pairs = []
    for ticks in (ax.get_xticklabels(), ax.get_yticklabels()):
        labels = [t for t in ticks if t.get_text()]
        boxes = [t.get_window_extent() for t in labels]
        pairs += [
            (a.get_text(), b.get_text())
            for (a, box_a), (b, box_b) in zip(zip(labels, boxes), zip(labels[1:], boxes[1:]))
            if box_a.overlaps(box_b)
        ]
    return pairs


LONG_CHARTS: dict[str, Callable[[pl.DataFrame], Axes]] = {
    "heatmap": lambda df: plot.heatmap(ik.crosstab(df, "district", "month")),
    "heatmap-incidents": lambda df: plot.heatmap(
        ik.crosstab(df, "district", "month", value="incidents"), top=3
    ),
    "heatmap-months-down": lambda df: plot.heatmap(
        ik.crosstab(df, "month", "district", value="incidents")
    ),
    "monthly": lambda df: plot.monthly(df),
    "monthly-killed": lambda df: plot.monthly(df, "killed"),
    "districts": lambda df: plot.districts(df, "killed", top=4),
    "nationalities": lambda df: plot.nationalities(df),
}


@pytest.mark.parametrize("chart", sorted(LONG_CHARTS))
def test_charts_over_a_long_span_stay_readable(
    chart: str, long_span: pl.DataFrame, tmp_path: Path
) -> None:
    ax = LONG_CHARTS[chart](long_span)
    path = tmp_path / f"{chart}.png"
    ax.figure.savefig(path, dpi=100)
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    width, height = png_size(data)
    assert 500 <= width <= 1700 and 250 <= height <= 1700, (width, height)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    labels = tick_texts(ax.get_xticklabels()) + tick_texts(ax.get_yticklabels())
    # Undated incidents are never a period of their own.
    assert "null" not in labels and "None" not in labels
    assert len(tick_texts(ax.get_xticklabels())) <= 16
    if chart == "heatmap-months-down":
        assert len(tick_texts(ax.get_yticklabels())) <= 16
    assert overlapping(ax) == []


def test_long_heatmap_labels_years_and_notes_the_undated(long_span: pl.DataFrame) -> None:
    table = ik.crosstab(long_span, "district", "month")
    assert table.shape[1] == 134 and table.col_names[-1] == "null"  # 133 months and undated
    ax = plot.heatmap(table)
    assert tick_texts(ax.get_xticklabels())[:3] == ["2015-01", "2016-01", "2017-01"]
    assert ax.images[0].get_array().shape == (6 + 1, 133)  # and Peshawar; no undated column
    assert ax.get_xlabel() == "Month\nNot shown: 6 people killed in undated incidents"
    months_down = plot.heatmap(ik.crosstab(long_span, "month", "district", value="incidents"))
    # No undated row, and no "unknown" district column: it held only the undated.
    assert "unknown" not in tick_texts(months_down.get_xticklabels())
    assert tick_texts(months_down.get_yticklabels())[:2] == ["2015-01", "2016-01"]
    assert months_down.get_xlabel() == "District\nNot shown: 2 undated incidents"


def test_monthly_leaves_headroom_and_notes_the_undated(long_span: pl.DataFrame) -> None:
    ax = plot.monthly(long_span, "killed")
    tallest = max(bar.get_y() + bar.get_height() for bar in ax.patches)
    assert tallest == 140
    low, high = ax.get_ylim()
    assert low == 0 and high >= tallest * 1.1
    assert ax.get_xlabel() == "Month\nNot shown: 2 undated incidents (6 people killed)"
    small = plot.monthly(frame([incident(0, district="Bannu", date_start=day("2025-03-02"))]))
    assert small.get_ylim()[1] >= 2  # one incident: the bar stops below the top
