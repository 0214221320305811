"""Ready-made charts of incident frames, drawn with matplotlib.

matplotlib is an optional dependency: ``pip install 'incidentkit[plot]'``.
It is imported when a chart is drawn, not when this module is, so
``import incidentkit`` works without it; drawing without it raises an
``ImportError`` that names the extra.

Every function takes an incident frame (``ik.parse_many``,
``ik.parse_corpus``), or a :class:`~incidentkit.Crosstab` for
:func:`heatmap`, draws into ``ax`` (a new figure when ``ax`` is None) and
returns the ``Axes``, so titles, limits and labels can still be changed. The
numbers come from :func:`incidentkit.aggregate` and
:func:`incidentkit.crosstab`: tolls are sums of the counts the reports state
(unknown counts add nothing).

Nothing to draw (an empty frame, a window without incidents, no nationality
stated) is not an error: the chart keeps its title and axis labels and says
"No incidents to show" in the middle.

What a chart cannot place is never drawn as if it were a place or a period:
undated incidents are left out of the charts over time, incidents without a
district out of :func:`districts`, and a note under the x axis says how many
("Not shown: 2 undated incidents").

The charts drawn from an incident frame take ``mention=``, as the statistics
do: None (the default) draws every incident, ``"report"`` only the events the
documents bring news of, ``"background"`` only earlier events they recall. A
single background mention of an old attack stretches a chart over time back
to it; ``mention="report"`` draws the news alone. For :func:`heatmap`, pass
``mention=`` to :func:`incidentkit.crosstab`.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Literal

import polars as pl

from incidentkit import _args
from incidentkit._stats import Crosstab, DateLike, Mention, aggregate

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["SIDES", "Toll", "districts", "heatmap", "monthly", "nationalities"]

#: What :func:`monthly` and :func:`districts` count: incidents, or the
#: people killed or injured, stacked by side.
Toll = Literal["incidents", "killed", "injured"]

#: The sides of a toll in stacking order: (column suffix, legend label, colour).
#: The colours are from the Okabe-Ito palette, which stays legible to colour-blind readers.
SIDES: tuple[tuple[str, str, str], ...] = (
    ("security", "Security forces", "#0072B2"),
    ("civilians", "Civilians", "#E69F00"),
    ("militants", "Militants", "#D55E00"),
    ("unknown", "Unknown", "#999999"),
)

_INCIDENT_COLOUR = "#4C72B0"
_EMPTY = "No incidents to show"
_TOLLS = ("incidents", "killed", "injured")
# Axis labels for the values crosstab and aggregate give; others are spelled out.
_VALUE_LABELS = {
    "incidents": "Incidents",
    "killed": "People killed",
    "injured": "People injured",
    "killed_total": "People killed",
    "injured_total": "People injured",
    "arrested": "People arrested",
    "militants": "Militants",
}
_KEY_LABELS = {"militant_group": "Militant group", "event_type": "Event type"}
# The period keys of a crosstab: their null column holds the undated incidents.
_PERIOD_KEYS = ("day", "week", "month", "quarter", "year")
# At most this many tick labels along a time axis, so that they never overlap.
_MAX_TIME_LABELS = 16


def _require_matplotlib() -> None:
    """Import matplotlib, or say which extra installs it."""
    try:
        import matplotlib  # noqa: F401
    except ImportError as error:
        raise ImportError(
            "incidentkit.plot needs matplotlib: pip install 'incidentkit[plot]' "
            "(or pip install matplotlib)"
        ) from error


def _axes(ax: Axes | None, width: float, height: float) -> Axes:
    """``ax`` checked, or the axes of a new pyplot figure of this size (inches)."""
    _require_matplotlib()
    from matplotlib.axes import Axes

    if ax is None:
        import matplotlib.pyplot as plt

        _, new = plt.subplots(figsize=(width, height), layout="constrained")
        assert isinstance(new, Axes)
        return new
    if not isinstance(ax, Axes):
        raise TypeError(f"ax: expected a matplotlib Axes or None, got {type(ax).__name__}")
    return ax


def _check_toll(value: object) -> str:
    if value not in _TOLLS:
        raise ValueError(f"value: expected one of 'incidents', 'killed', 'injured', got {value!r}")
    return str(value)


def _check_top(top: object, allow_none: bool) -> int | None:
    if top is None and allow_none:
        return None
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValueError(f"top: expected a positive integer, got {top!r}")
    return top


def _value_label(value: str) -> str:
    if value in _VALUE_LABELS:
        return _VALUE_LABELS[value]
    head, _, side = value.partition("_")
    if head in ("killed", "injured") and side:
        names = {suffix: label for suffix, label, _ in SIDES}
        return f"{names.get(side, side.capitalize())} {head}"
    return value.replace("_", " ").capitalize()


def _key_label(key: str) -> str:
    return _KEY_LABELS.get(key, key.replace("_", " ").capitalize())


def _empty(ax: Axes, message: str = _EMPTY) -> None:
    """Say in the middle of the axes that there is nothing to draw."""
    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        color="0.4",
    )
    ax.set_xticks([])
    ax.set_yticks([])


def _fit_x_labels(ax: Axes, labels: list[str]) -> None:
    """Slant the x tick labels when, side by side, they would run into each other."""
    if not labels:
        return
    # Width per label, in inches, against the width of the longest label at
    # about 0.085 inch a character (the default 10 pt sans-serif).
    inches = ax.bbox.width / ax.figure.dpi / len(labels)
    if max(len(label) for label in labels) * 0.085 <= 0.9 * inches:
        return
    if len(labels) > 12:
        ax.tick_params(axis="x", labelrotation=90)
        return
    ax.tick_params(axis="x", labelrotation=45)
    for tick in ax.get_xticklabels():
        tick.set_horizontalalignment("right")
        tick.set_rotation_mode("anchor")


def _integer_ticks(ax: Axes, axis: Literal["x", "y"]) -> None:
    from matplotlib.ticker import MaxNLocator

    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(MaxNLocator(integer=True))


def _rank_axis(ax: Axes, names: list[str]) -> None:
    """Names down the y axis, the first at the top; with fewer than three,
    keep the bars as thick as with three rather than filling the axes."""
    ax.set_yticks(range(len(names)), names)
    pad = max(0.0, (3 - len(names)) / 2)
    ax.set_ylim(len(names) - 0.5 + pad, -0.5 - pad)  # inverted: the first at the top


def _first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _month_of(label: str) -> dt.date:
    """The first day of a month named ``"2025-03"``."""
    return dt.date.fromisoformat(f"{label}-01")


def _month_span(months: pl.Series, start: DateLike | None, end: DateLike | None) -> list[str]:
    """Every month (``"2025-03"``) from the first to the last, the window's ends when given."""
    known = [_month_of(m) for m in months.to_list() if m is not None]
    first = _first_of_month(_as_date(start)) if start is not None else min(known, default=None)
    last = _first_of_month(_as_date(end)) if end is not None else max(known, default=None)
    if first is None or last is None or first > last:
        return []
    span: list[str] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        span.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return span


def _as_date(value: DateLike) -> dt.date:
    # aggregate() has already checked the window, so this only converts it.
    day = _args.date(value, "start")
    assert day is not None
    return day


def _time_ticks(labels: list[str]) -> list[int]:
    """The positions of the labels to show along a time axis: all of them
    when few, else every k-th, k chosen so that at most ``_MAX_TIME_LABELS``
    show; for months a whole number of months that divides a year or a
    whole number of years, starting at a quarter or a January."""
    n = len(labels)
    if n <= _MAX_TIME_LABELS:
        return list(range(n))
    need = math.ceil(n / _MAX_TIME_LABELS)
    months = all(len(label) == 7 and label[4] == "-" for label in labels)
    if not months:
        return list(range(0, n, need))
    step = next((k for k in (2, 3, 4, 6, 12) if k >= need), 12 * math.ceil(need / 12))
    # Start where the calendar does: the first month whose number fits the step.
    first = next(
        (i for i, label in enumerate(labels) if (int(label[5:]) - 1) % min(step, 12) == 0), 0
    )
    return list(range(first, n, step))


def _headroom(ax: Axes, tallest: float) -> None:
    """Room above the tallest bar: a tenth of its height, at least one unit."""
    ax.set_ylim(0, tallest + max(1.0, 0.1 * tallest))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _note_left_out(ax: Axes, note: str | None) -> None:
    """Say under the x axis label what the chart leaves out."""
    if note:
        ax.set_xlabel(f"{ax.get_xlabel()}\nNot shown: {note}")


def _side_columns(value: str) -> list[str]:
    return [f"{value}_{suffix}" for suffix, _, _ in SIDES]


def monthly(
    incidents: pl.DataFrame,
    value: Toll = "incidents",
    *,
    start: DateLike | None = None,
    end: DateLike | None = None,
    mention: Mention = None,
    ax: Axes | None = None,
) -> Axes:
    """Bars per month: incidents, or the people killed or injured by side.

    Parameters
    ----------
    incidents
        An incident frame.
    value
        ``"incidents"`` (one bar per month), or ``"killed"`` / ``"injured"``:
        the stated dead or wounded, stacked by side (security forces,
        civilians, militants, unknown).
    start, end
        A date window, as in :func:`incidentkit.aggregate` (incidents that
        overlap it); it also fixes the first and the last month shown.
    mention
        None draws every incident, ``"report"`` or ``"background"`` only
        those (see :func:`incidentkit.aggregate`).
    ax
        The matplotlib axes to draw into; None makes a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        The axes: one bar per month from the first to the last (months
        without incidents are zero), labelled ``"YYYY-MM"`` (over a long
        span every few months, at most sixteen labels). Incidents are placed
        in the month of ``date_start``; undated ones are left out, and the
        x axis label says how many. The y axis leaves room above the
        tallest bar.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import incidentkit as ik
    >>> from incidentkit import plot
    >>> incidents = ik.parse_many(
    ...     ["BANNU: Two policemen were martyred in an attack in Domel on Monday.",
    ...      "Security forces killed six khwarij in an IBO in Tank district on Tuesday.",
    ...      "Three soldiers were martyred in a blast in Bannu on Friday."],
    ...     published=["2025-02-05", "2025-02-05", "2025-04-12"])
    >>> ax = plot.monthly(incidents, value="killed")
    >>> ax.get_title(), ax.get_ylabel()
    ('People killed per month, by side', 'People killed')
    >>> [label.get_text() for label in ax.get_xticklabels()]
    ['2025-02', '2025-03', '2025-04']
    >>> [container.get_label() for container in ax.containers]
    ['Security forces', 'Civilians', 'Militants', 'Unknown']
    >>> [int(bar.get_height()) for bar in ax.containers[0]]  # security forces
    [2, 0, 3]
    >>> plt.close(ax.figure)
    """
    toll = _check_toll(value)
    table = aggregate(incidents, by="month", start=start, end=end, mention=mention)
    months = _month_span(table["month"], start, end)
    ax = _axes(ax, max(6.0, min(14.0, 0.35 * len(months) + 3.0)), 4.0)
    ylabel = _value_label(toll)
    ax.set_title(f"{ylabel} per month" + ("" if toll == "incidents" else ", by side"))
    ax.set_xlabel("Month")
    ax.set_ylabel(ylabel)
    _note_left_out(ax, _undated_note(table.filter(pl.col("month").is_null()), toll))
    if not months:
        _empty(ax)
        return ax
    columns = ["incidents"] if toll == "incidents" else _side_columns(toll)
    filled = (
        pl.DataFrame({"month": months}, schema={"month": pl.String})
        .join(table.select("month", *columns), on="month", how="left")
        .with_columns(pl.col(columns).fill_null(0))
    )
    positions = list(range(filled.height))
    if toll == "incidents":
        ax.bar(positions, filled["incidents"].to_list(), color=_INCIDENT_COLOUR, label="Incidents")
    else:
        bottom = [0.0] * filled.height
        for column, (_, label, colour) in zip(columns, SIDES):
            heights = [float(v) for v in filled[column].to_list()]
            ax.bar(positions, heights, bottom=bottom, color=colour, label=label)
            bottom = [b + h for b, h in zip(bottom, heights)]
        ax.legend(title="Side", frameon=False)
    ticks = _time_ticks(months)
    ax.set_xticks(ticks, [months[i] for i in ticks])
    _fit_x_labels(ax, [months[i] for i in ticks])
    _integer_ticks(ax, "y")
    tallest = filled.select(pl.sum_horizontal(columns).max()).item()
    _headroom(ax, float(tallest or 0))
    return ax


def _undated_note(undated: pl.DataFrame, value: str) -> str | None:
    """What the undated row of an aggregate holds, for a note: its incidents,
    and the toll drawn when it is not incidents."""
    if undated.height == 0 or not undated["incidents"][0]:
        return None
    note = _plural(int(undated["incidents"][0]), "undated incident")
    if value != "incidents":
        toll = int(undated[f"{value}_total"][0])
        note += f" ({toll} {_value_label(value).lower()})"
    return note


def districts(
    incidents: pl.DataFrame,
    value: Toll = "incidents",
    *,
    top: int = 10,
    start: DateLike | None = None,
    end: DateLike | None = None,
    mention: Mention = None,
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars of the districts with the most incidents or casualties.

    Parameters
    ----------
    incidents
        An incident frame.
    value
        ``"incidents"``, or ``"killed"`` / ``"injured"``: districts are
        ranked by ``killed_total`` (``injured_total``) and each bar is
        stacked by side.
    top
        How many districts to show, the largest at the top (ties in
        alphabetical order).
    start, end
        A date window, as in :func:`incidentkit.aggregate`.
    mention
        None draws every incident, ``"report"`` or ``"background"`` only
        those (see :func:`incidentkit.aggregate`).
    ax
        The matplotlib axes to draw into; None makes a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        The axes, with each bar's total written at its end. Incidents
        without a district (several districts, or none named) are left out,
        and the x axis label says how many.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import incidentkit as ik
    >>> from incidentkit import plot
    >>> incidents = ik.parse_many(
    ...     ["BANNU: Two policemen were martyred in an attack in Domel on Monday.",
    ...      "Security forces killed six khwarij in an IBO in Tank district on Tuesday.",
    ...      "Three soldiers were martyred in a blast in Bannu on Friday."],
    ...     published=["2025-02-05", "2025-02-05", "2025-04-12"])
    >>> ax = plot.districts(incidents, top=5)
    >>> ax.get_title()
    'Districts by incidents'
    >>> [label.get_text() for label in ax.get_yticklabels()]
    ['Bannu', 'Tank']
    >>> [int(bar.get_width()) for bar in ax.patches]
    [2, 1]
    >>> plt.close(ax.figure)
    """
    toll = _check_toll(value)
    n = _check_top(top, allow_none=False)
    assert n is not None
    every = aggregate(incidents, by="district", start=start, end=end, mention=mention)
    table = every.filter(pl.col("district").is_not_null())
    unplaced = every.filter(pl.col("district").is_null())
    rank = "incidents" if toll == "incidents" else f"{toll}_total"
    ranked = table.sort([rank, "district"], descending=[True, False]).head(n)
    ax = _axes(ax, 7.0, max(3.0, 0.4 * ranked.height + 1.5))
    label = _value_label(toll)
    shown = "Districts" if table.height <= n else f"Top {n} districts"
    ax.set_title(f"{shown} by {label[0].lower()}{label[1:]}")
    ax.set_xlabel(label)
    ax.set_ylabel("District")
    if unplaced.height and unplaced["incidents"][0]:
        note = _plural(int(unplaced["incidents"][0]), "incident") + " without a district"
        if toll != "incidents":
            note += f" ({int(unplaced[rank][0])} {label.lower()})"
        _note_left_out(ax, note)
    if ranked.height == 0:
        _empty(ax)
        return ax
    positions = list(range(ranked.height))
    if toll == "incidents":
        ax.barh(positions, ranked["incidents"].to_list(), color=_INCIDENT_COLOUR)
    else:
        left = [0.0] * ranked.height
        for column, (_, side, colour) in zip(_side_columns(toll), SIDES):
            widths = [float(v) for v in ranked[column].to_list()]
            ax.barh(positions, widths, left=left, color=colour, label=side)
            left = [a + w for a, w in zip(left, widths)]
        ax.legend(title="Side", frameon=False, loc="lower right")
    totals = ranked[rank].to_list()
    for y, total in zip(positions, totals):
        ax.text(total, y, f" {total}", va="center", fontsize="small")
    _rank_axis(ax, ranked["district"].to_list())
    ax.set_xlim(0, max(1, max(totals)) * 1.12)
    _integer_ticks(ax, "x")
    return ax


def _undated_cells_note(held: int, value: str) -> str | None:
    """A note for what a crosstab's undated cells hold: incidents, or a toll."""
    if not held:
        return None
    if value == "incidents":
        return _plural(held, "undated incident")
    return f"{held} {_value_label(value).lower()} in undated incidents"


def heatmap(
    table: Crosstab,
    *,
    top: int | None = None,
    cmap: str = "Reds",
    annotate: bool = False,
    ax: Axes | None = None,
) -> Axes:
    """A colour-coded matrix of a crosstab, with a colour bar.

    Parameters
    ----------
    table
        A :class:`~incidentkit.Crosstab` from :func:`incidentkit.crosstab`,
        such as districts by month (pass ``mention="report"`` there to leave
        out background mentions of old events).
    top
        Keep only the rows with the largest totals, largest first (ties in
        the table's order); None keeps every row, in the table's order.
    cmap
        A matplotlib colour map name; the scale starts at zero.
    annotate
        Write each cell's number in it (for small tables).
    ax
        The matplotlib axes to draw into; None makes a new figure. The colour
        bar takes its room from these axes.

    Returns
    -------
    matplotlib.axes.Axes
        The axes, with the column names (``"2025-03"`` for months) along x
        and the row labels along y (a null key shown as ``"unknown"``). Over a
        long span the x axis labels every few periods (at most sixteen
        labels). Undated incidents (the null column of a period) are not
        drawn; the x axis label says what they hold. The colour bar is
        ``ax.images[0].colorbar``; an empty table gives no colour bar.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import incidentkit as ik
    >>> from incidentkit import plot
    >>> incidents = ik.parse_many(
    ...     ["BANNU: Two policemen were martyred in an attack in Domel on Monday.",
    ...      "Security forces killed six khwarij in an IBO in Tank district on Tuesday.",
    ...      "Three soldiers were martyred in a blast in Bannu on Friday."],
    ...     published=["2025-02-05", "2025-02-05", "2025-04-12"])
    >>> table = ik.crosstab(incidents, rows="district", cols="month", value="killed_total")
    >>> ax = plot.heatmap(table)
    >>> ax.get_title()
    'People killed by district and month'
    >>> [label.get_text() for label in ax.get_xticklabels()]
    ['2025-02', '2025-03', '2025-04']
    >>> [label.get_text() for label in ax.get_yticklabels()]
    ['Bannu', 'Tank']
    >>> ax.images[0].colorbar.ax.get_ylabel()
    'People killed'
    >>> plt.close(ax.figure)
    """
    if not isinstance(table, Crosstab):
        raise TypeError(
            f"table: expected an incidentkit.Crosstab (from ik.crosstab), got {type(table).__name__}"
        )
    n = _check_top(top, allow_none=True)
    values = table.values
    rows = ["unknown" if v is None else str(v) for v in table.row_labels.to_list()]
    # A null key that is not a period (no district named) shows as "unknown".
    cols = [
        "unknown" if v is None else name
        for v, name in zip(table.col_labels.to_list(), table.col_names)
    ]
    label = _value_label(table.value)
    note = None
    undated = [j for j, v in enumerate(table.col_labels.to_list()) if v is None]
    undated_row = [i for i, v in enumerate(table.row_labels.to_list()) if v is None]
    if table.rows in _PERIOD_KEYS and undated_row:
        # A period down the side: the undated row is left out the same way,
        # with the columns that held nothing else.
        held = int(values[undated_row, :].sum())
        keep_rows = [i for i in range(len(rows)) if i not in undated_row]
        before = values.sum(axis=0)
        values = values[keep_rows, :]
        rows = [rows[i] for i in keep_rows]
        kept = [j for j in range(len(cols)) if values[:, j].sum() > 0 or before[j] == 0]
        values = values[:, kept]
        cols = [cols[j] for j in kept]
        note = _undated_cells_note(held, table.value)
    if table.cols in _PERIOD_KEYS and undated:
        # Undated incidents are no period: leave their column out, and the
        # rows that hold nothing else, and say what they held.
        held = int(values[:, undated].sum())
        dated = [j for j in range(len(cols)) if j not in undated]
        before = values.sum(axis=1)
        values = values[:, dated]
        cols = [cols[j] for j in dated]
        kept = [i for i in range(len(rows)) if values[i].sum() > 0 or before[i] == 0]
        values = values[kept, :]
        rows = [rows[i] for i in kept]
        note = _undated_cells_note(held, table.value)
    if n is not None:
        totals = values.sum(axis=1)
        # The n largest totals, largest first; ties keep the table's order.
        keep = sorted(range(len(rows)), key=lambda i: (-int(totals[i]), i))[:n]
        values = values[keep, :]
        rows = [rows[i] for i in keep]
    # Periods down the side are labelled every few, so their rows may be thin.
    tall = 10.0 if table.rows in _PERIOD_KEYS else 16.0
    ax = _axes(
        ax,
        max(6.0, min(16.0, 0.45 * len(cols) + 4.0)),
        max(3.0, min(tall, 0.35 * len(rows) + 1.8)),
    )
    ax.set_title(
        f"{label} by {_key_label(table.rows).lower()} and {_key_label(table.cols).lower()}"
    )
    ax.set_xlabel(_key_label(table.cols))
    ax.set_ylabel(_key_label(table.rows))
    _note_left_out(ax, note)
    if values.size == 0:
        _empty(ax)
        return ax
    image = ax.imshow(values, aspect="auto", cmap=cmap, interpolation="nearest", vmin=0)
    colorbar = ax.figure.colorbar(image, ax=ax, label=label)
    _integer_ticks(colorbar.ax, "y")  # the values are counts
    ticks = _time_ticks(cols) if table.cols in _PERIOD_KEYS else list(range(len(cols)))
    ax.set_xticks(ticks, [cols[j] for j in ticks])
    row_ticks = _time_ticks(rows) if table.rows in _PERIOD_KEYS else list(range(len(rows)))
    ax.set_yticks(row_ticks, [rows[i] for i in row_ticks])
    _fit_x_labels(ax, [cols[j] for j in ticks])
    # Thin white lines between the cells, while the cells are wide enough to show them.
    if len(cols) <= 60:
        ax.set_xticks([j - 0.5 for j in range(1, len(cols))], minor=True)
    if len(rows) <= 60:
        ax.set_yticks([i - 0.5 for i in range(1, len(rows))], minor=True)
    ax.grid(which="minor", color="white", linewidth=0.6)
    ax.tick_params(which="minor", length=0)
    if annotate:
        high = float(values.max()) or 1.0
        for i in range(values.shape[0]):
            for j in range(values.shape[1]):
                cell = int(values[i, j])
                colour = "white" if cell > 0.6 * high else "black"
                ax.text(j, i, str(cell), ha="center", va="center", color=colour, fontsize="small")
    return ax


def nationalities(
    incidents: pl.DataFrame,
    *,
    top: int | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
    mention: Mention = None,
    ax: Axes | None = None,
) -> Axes:
    """Bars per stated nationality: the militants counted, and the incidents naming it.

    Parameters
    ----------
    incidents
        An incident frame.
    top
        Show only this many nationalities, the most militants first; None
        shows all.
    start, end
        A date window, as in :func:`incidentkit.aggregate`.
    mention
        None draws every incident, ``"report"`` or ``"background"`` only
        those (see :func:`incidentkit.aggregate`).
    ax
        The matplotlib axes to draw into; None makes a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        The axes: per nationality (``ik.aggregate(by="nationality")``), most
        militants first, two bars: the militants the reports count
        (``militants``) and the incidents that name the nationality
        (``incidents``), the latter noting how many give no count
        (``"5 (4 without a count)"``): "Afghan nationals were among the
        dead" names a nationality without counting. Incidents that state no
        nationality are left out.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import incidentkit as ik
    >>> from incidentkit import plot
    >>> incidents = ik.parse_many(
    ...     ["The suicide bomber who struck a convoy in Mir Ali on Sunday was an Afghan "
    ...      "national, officials said.",
    ...      "Security forces killed nine khwarij in Zhob on Monday, Afghan nationals "
    ...      "among them, the ISPR said."],
    ...     published=["2025-06-10", "2025-04-29"])
    >>> ax = plot.nationalities(incidents)
    >>> ax.get_title()
    'Militants by stated nationality'
    >>> [label.get_text() for label in ax.get_yticklabels()]
    ['Afghan']
    >>> [container.get_label() for container in ax.containers]
    ['Militants (stated counts)', 'Incidents naming it']
    >>> [text.get_text() for text in ax.texts]
    [' 1', ' 2 (1 without a count)']
    >>> plt.close(ax.figure)
    """
    n = _check_top(top, allow_none=True)
    table = (
        aggregate(incidents, by="nationality", start=start, end=end, mention=mention)
        .filter(pl.col("nationality").is_not_null())
        .sort(["militants", "incidents", "nationality"], descending=[True, True, False])
    )
    shown = table if n is None else table.head(n)
    ax = _axes(ax, 7.0, max(3.0, 0.6 * shown.height + 1.5))
    ax.set_title("Militants by stated nationality")
    ax.set_xlabel("Militants, incidents")
    ax.set_ylabel("Nationality")
    if shown.height == 0:
        _empty(ax, "No militant nationality stated")
        return ax
    militants = shown["militants"].to_list()
    named = shown["incidents"].to_list()
    uncounted = shown["militants_uncounted"].to_list()
    ax.barh(
        [y - 0.2 for y in range(shown.height)],
        militants,
        height=0.4,
        color=SIDES[2][2],
        label="Militants (stated counts)",
    )
    ax.barh(
        [y + 0.2 for y in range(shown.height)],
        named,
        height=0.4,
        color=_INCIDENT_COLOUR,
        label="Incidents naming it",
    )
    for y, count in enumerate(militants):
        ax.text(count, y - 0.2, f" {count}", va="center", fontsize="small")
    for y, (count, without) in enumerate(zip(named, uncounted)):
        note = f" {count}" + (f" ({without} without a count)" if without else "")
        ax.text(count, y + 0.2, note, va="center", fontsize="small")
    _rank_axis(ax, shown["nationality"].to_list())
    # Room on the right for the notes.
    ax.set_xlim(0, max(1, *militants, *named) * 1.5)
    ax.legend(frameon=False, loc="best")
    _integer_ticks(ax, "x")
    return ax
