"""Statistics over incident frames: argument checks here, the work in Rust.

Every function takes the frame ``ik.parse``/``ik.parse_many`` return (or any
frame with the SPEC columns it reads) and returns Polars frames, or a numpy
matrix for :func:`crosstab`.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Optional

import polars as pl

from incidentkit import _args, _core
from incidentkit._args import DateLike, DateRule, Every, Frame, Key, Keys, Value
from incidentkit._args import key_names as _keys
from incidentkit._args import name as _name
from incidentkit._args import period as _period
from incidentkit._parse import SCHEMA

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

#: Which incidents a statistic counts by their ``mention`` column: None (every
#: incident), ``"report"`` (the documents' news) or ``"background"``.
Mention = Optional[Literal["report", "background"]]


class PopulationWarning(UserWarning):
    """A per-capita rate rests on a population that is not a 2023 census
    count: an older count or an estimate (see ``population_source``)."""


__all__ = [
    "DateLike",
    "DateRule",
    "Every",
    "Frame",
    "Key",
    "Keys",
    "Mention",
    "PopulationWarning",
    "Value",
]


def _frame(value: object, argument: str) -> pl.DataFrame:
    """A polars frame, or a pandas one with the SPEC dtypes restored."""
    return _args.frame(value, argument, SCHEMA)


def _optional_day(value: object, argument: str) -> int | None:
    return _args.day_number(value, argument)


def _mention(value: object) -> str | None:
    """``mention=``: None, or a name the engine checks ('report', 'background')."""
    if value is None or isinstance(value, str):
        return value
    raise TypeError(
        f"mention: expected 'report', 'background' or None (every incident), "
        f"got {type(value).__name__}"
    )


def aggregate(
    incidents: Frame,
    by: Keys = "district",
    start: DateLike | None = None,
    end: DateLike | None = None,
    date_rule: DateRule = "overlap",
    mention: Mention = None,
) -> pl.DataFrame:
    """Count incidents and sum their tolls per group.

    Parameters
    ----------
    incidents
        An incident frame (``ik.parse_many``): polars, lazy, or pandas
        (converted with ``pl.from_pandas``, the SPEC dtypes restored), as
        for every statistic.
    by
        One or several of ``district``, ``province``, ``country``,
        ``nationality``, ``militant_group``, ``event_type`` and the periods
        of ``date_start``: ``day`` and ``week`` (starting Monday) as the Date
        they start, ``month``, ``quarter`` and ``year`` by name (``"2025-03"``,
        ``"2025-Q1"``, ``"2025"``). None gives one row of totals. Null keys
        form their own group, sorted last.
        ``nationality`` explodes ``militant_nationalities``: an incident
        counts once for every nationality it names (and once under null when
        it names none).
    start, end
        Keep incidents dated within this window (``datetime.date`` or ISO
        strings, both ends included); undated incidents are then left out.
    date_rule
        How an incident's range ``date_start..date_end`` must meet the
        window: ``"overlap"`` (touches it), ``"start"`` (first day inside) or
        ``"within"`` (entirely inside).
    mention
        None (the default) counts every incident; ``"report"`` only the
        events the documents bring news of, ``"background"`` only earlier
        events they recall as context (the ``mention`` column). A frame
        without a ``mention`` column can only be counted whole.

    Returns
    -------
    polars.DataFrame
        The keys, then ``incidents``, the sums of ``killed_*``, ``killed_total``,
        ``injured_*``, ``injured_total`` and ``arrested`` (stated counts;
        unknown counts add nothing), ``unknown_toll`` (incidents with every
        count null) and ``approximate_toll`` (incidents whose counts are
        approximate). With ``nationality``: ``militants`` (the sum of the
        stated counts of that nationality) and ``militants_uncounted``
        (incidents naming it without a count).

    Examples
    --------
    >>> import incidentkit as ik
    >>> incidents = ik.parse_many(
    ...     ["BANNU: Two policemen were martyred in an attack in Domel on Monday.",
    ...      "Security forces killed six khwarij in an IBO in Tank district on Tuesday.",
    ...      "Three soldiers were martyred in a blast in Bannu on Friday."],
    ...     published=["2025-03-05", "2025-03-05", "2025-04-12"])
    >>> ik.aggregate(incidents, by=["district", "month"]).select(
    ...     "district", "month", "incidents", "killed_total", "killed_security").to_dicts()
    [{'district': 'Bannu', 'month': '2025-03', 'incidents': 1, 'killed_total': 2, 'killed_security': 2}, {'district': 'Bannu', 'month': '2025-04', 'incidents': 1, 'killed_total': 3, 'killed_security': 3}, {'district': 'Tank', 'month': '2025-03', 'incidents': 1, 'killed_total': 6, 'killed_security': 0}]
    """
    frame = _frame(incidents, "incidents")
    return _core.aggregate(
        frame,
        _keys(by, "by"),
        _optional_day(start, "start"),
        _optional_day(end, "end"),
        _name(date_rule, "date_rule"),
        _mention(mention),
    )


@dataclass(frozen=True)
class Crosstab:
    """A matrix of sums: ``values[i, j]`` for row label i and column label j.

    Attributes
    ----------
    values
        The sums, an ``int64`` numpy matrix.
    row_labels, col_labels
        The key values along each axis (Polars Series: strings; for periods,
        Dates for days and weeks, names such as ``"2025-03"`` for months,
        quarters and years).
    col_names
        Printable column names (``"2025-03"`` for a month, ``"null"``).
    rows, cols, value
        What was asked for.

    Examples
    --------
    >>> import incidentkit as ik
    >>> incidents = ik.parse_many(
    ...     ["Three soldiers were martyred in a blast in Bannu on Friday."],
    ...     published=["2025-04-12"])
    >>> table = ik.crosstab(incidents, rows="district", cols="month", value="incidents")
    >>> table
    Crosstab(rows='district', cols='month', value='incidents', shape=(1, 1))
    >>> table.row_labels.to_list(), table.values.tolist()
    (['Bannu'], [[1]])
    """

    values: npt.NDArray[np.int64]
    row_labels: pl.Series
    col_labels: pl.Series
    col_names: list[str]
    rows: str
    cols: str
    value: str

    @property
    def shape(self) -> tuple[int, int]:
        """(number of row labels, number of column labels)."""
        return (len(self.row_labels), len(self.col_labels))

    def to_polars(self) -> pl.DataFrame:
        """The matrix as a wide frame: the row key, then one column per label.

        Examples
        --------
        >>> import incidentkit as ik
        >>> incidents = ik.parse_many(
        ...     ["Three soldiers were martyred in a blast in Bannu on Friday."],
        ...     published=["2025-04-12"])
        >>> ik.crosstab(incidents, rows="district", cols="month").to_polars().to_dicts()
        [{'district': 'Bannu', '2025-04': 3}]
        """
        columns: dict[str, pl.Series] = {self.rows: self.row_labels.alias(self.rows)}
        for j, name in enumerate(self.col_names):
            columns[name] = pl.Series(name, self.values[:, j], dtype=pl.Int64)
        return pl.DataFrame(columns)

    def __repr__(self) -> str:
        return (
            f"Crosstab(rows={self.rows!r}, cols={self.cols!r}, value={self.value!r}, "
            f"shape={self.shape})"
        )


def crosstab(
    incidents: Frame,
    rows: Key = "district",
    cols: Key = "month",
    value: Value = "killed_total",
    start: DateLike | None = None,
    end: DateLike | None = None,
    date_rule: DateRule = "overlap",
    mention: Mention = None,
) -> Crosstab:
    """Sum a value over every pair of two keys, as a numpy matrix.

    Parameters
    ----------
    incidents
        An incident frame.
    rows, cols
        Keys as :func:`aggregate` accepts them (two different ones).
    value
        ``"incidents"`` or a count column (``killed_total``, ``killed_security``,
        ``injured_total``, ``arrested``, ...): unknown counts add nothing.
    start, end, date_rule
        The date window, as in :func:`aggregate`. For period keys the window
        also fixes the first and the last period.
    mention
        None counts every incident, ``"report"`` or ``"background"`` only
        those (see :func:`aggregate`).

    Returns
    -------
    Crosstab
        ``values`` (int64 matrix), ``row_labels``, ``col_labels`` and
        ``to_polars()``. Period axes have every period from the first to the
        last, empty ones as zeros; other axes have the values that occur,
        sorted, with null last.

    Examples
    --------
    >>> import incidentkit as ik
    >>> incidents = ik.parse_many(
    ...     ["BANNU: Two policemen were martyred in an attack in Domel on Monday.",
    ...      "Three soldiers were martyred in a blast in Bannu on Friday."],
    ...     published=["2025-02-05", "2025-04-12"])
    >>> table = ik.crosstab(incidents, rows="district", cols="month", value="killed_total")
    >>> table.col_names
    ['2025-02', '2025-03', '2025-04']
    >>> table.values.tolist()
    [[2, 0, 3]]
    """
    frame = _frame(incidents, "incidents")
    values, row_labels, col_labels, col_names = _core.crosstab(
        frame,
        _name(rows, "rows"),
        _name(cols, "cols"),
        _name(value, "value"),
        _optional_day(start, "start"),
        _optional_day(end, "end"),
        _name(date_rule, "date_rule"),
        _mention(mention),
    )
    return Crosstab(values, row_labels, col_labels, col_names, rows, cols, value)


def compare_periods(
    incidents: Frame,
    a: tuple[DateLike, DateLike],
    b: tuple[DateLike, DateLike],
    by: Keys = None,
    value: Value = "incidents",
    date_rule: DateRule = "start",
    mention: Mention = None,
) -> pl.DataFrame:
    """Compare the rate of period b with that of period a.

    The counts are treated as Poisson. Given their total n, the count in b is
    binomial with p = days_b / (days_a + days_b) when the daily rates are
    equal; the 95% interval of the rate ratio comes from the Clopper-Pearson
    interval for p, and the p-value is the exact two-sided binomial test
    (the same as ``scipy.stats.binomtest``).

    Parameters
    ----------
    incidents
        An incident frame.
    a, b
        ``(start, end)`` dates, both ends included; the periods must not
        overlap.
    by
        Keys as :func:`aggregate` accepts them, or None for one row.
    value
        ``"incidents"`` or a count column such as ``killed_total`` (deaths
        come in clusters, so their interval is too narrow: prefer incidents).
    date_rule
        Which incidents fall in a period (see :func:`aggregate`); the default
        ``"start"`` puts each in at most one.
    mention
        None counts every incident, ``"report"`` or ``"background"`` only
        those (see :func:`aggregate`).

    Returns
    -------
    polars.DataFrame
        The keys, ``count_a``, ``count_b``, ``days_a``, ``days_b``, ``rate_a``
        and ``rate_b`` (per day), ``rate_ratio`` (b over a: null when both
        counts are 0, inf when only a is), ``ci_low``, ``ci_high`` and
        ``p_value``.

    Examples
    --------
    >>> import incidentkit as ik
    >>> incidents = ik.parse_many(
    ...     ["BANNU: Two policemen were martyred in an attack in Domel on Monday.",
    ...      "Three soldiers were martyred in a blast in Bannu on Friday.",
    ...      "Two soldiers were martyred in a blast in Bannu on Thursday."],
    ...     published=["2025-02-05", "2025-04-12", "2025-04-25"])
    >>> ik.compare_periods(incidents, a=("2025-02-01", "2025-02-28"),
    ...     b=("2025-04-01", "2025-04-28")).select(
    ...     "count_a", "count_b", "rate_ratio", "p_value").to_dicts()
    [{'count_a': 1, 'count_b': 2, 'rate_ratio': 2.0, 'p_value': 1.0}]
    """
    frame = _frame(incidents, "incidents")
    return _core.compare_periods(
        frame,
        _period(a, "a"),
        _period(b, "b"),
        _keys(by, "by"),
        _name(value, "value"),
        _name(date_rule, "date_rule"),
        _mention(mention),
    )


def trend(
    incidents: Frame,
    every: Every = "1mo",
    by: Keys = None,
    value: Value = "incidents",
    start: DateLike | None = None,
    end: DateLike | None = None,
    date_rule: DateRule = "overlap",
    mention: Mention = None,
) -> pl.DataFrame:
    """Fit a Poisson trend: the percent change per period, with its 95% interval.

    The count per period (of ``date_start``) is modelled as Poisson with
    log(mean) = a + b t, fitted by iteratively reweighted least squares (the
    same fit as a statsmodels Poisson GLM). The periods run from the first
    incident (or ``start``) to the last (or ``end``); periods without
    incidents count as zeros. Undated incidents are left out.

    Parameters
    ----------
    incidents
        An incident frame.
    every
        The period: a count and a unit, ``"1d"``, ``"7d"``, ``"1w"``,
        ``"1mo"``, ``"3mo"``, ``"1q"``, ``"1y"``.
    by
        Keys to fit one trend per group (not periods), or None.
    value
        ``"incidents"`` or a count column such as ``killed_total``.
    start, end, date_rule
        The date window, as in :func:`aggregate`.
    mention
        None counts every incident, ``"report"`` or ``"background"`` only
        those (see :func:`aggregate`). One background mention of an old
        event stretches the periods back to it: ``mention="report"`` fits
        the trend of the news alone.

    Returns
    -------
    polars.DataFrame
        The keys, ``first_period`` and ``last_period`` (Dates), ``periods``,
        ``total``, ``percent_change`` per period (100 (e^b - 1)), ``ci_low``
        and ``ci_high`` (the 95% Wald interval of b, in percent) and
        ``p_value`` (Wald test of b = 0). The fit columns are null when the
        trend is not defined: fewer than two periods, no incidents, or all of
        them in the first or the last period.

    Examples
    --------
    >>> import incidentkit as ik
    >>> incidents = ik.parse_many(
    ...     ["Two soldiers were martyred in a blast in Bannu on Friday."] * 3
    ...     + ["Three soldiers were martyred in a blast in Bannu on Friday."],
    ...     published=["2025-01-11", "2025-02-15", "2025-02-22", "2025-03-15"])
    >>> fit = ik.trend(incidents, every="1mo")
    >>> fit.select("periods", "total").to_dicts()
    [{'periods': 3, 'total': 4}]
    >>> round(fit["percent_change"][0], 1)
    0.0
    """
    frame = _frame(incidents, "incidents")
    return _core.trend(
        frame,
        _name(every, "every"),
        _keys(by, "by"),
        _name(value, "value"),
        _optional_day(start, "start"),
        _optional_day(end, "end"),
        _name(date_rule, "date_rule"),
        _mention(mention),
    )


def rates(aggregated: Frame, per: float = 100_000) -> pl.DataFrame:
    """Add per-capita rates to an aggregate, from census populations.

    The populations are the gazetteer's (:func:`gazetteer`): the 2023 census
    for the districts and provinces it counted (districts split since then
    take the sum of the census's figures for their tehsils), the 2017 count
    for Azad Jammu and Kashmir and Gilgit-Baltistan, which the 2023 census
    did not cover, and a few estimates; ``population_source`` says which.
    A rate that rests on anything but a 2023 census count raises a
    :class:`PopulationWarning` naming the places.

    Parameters
    ----------
    aggregated
        A frame from :func:`aggregate` with a ``district``, ``province`` or
        ``country`` column (the first found, in that order, is used).
    per
        Rates per this many people.

    Returns
    -------
    polars.DataFrame
        The input with ``population``, ``population_source`` and, for every
        metric present among ``incidents``, ``killed_*``,
        ``injured_total``, ``arrested`` and ``militants``, a column
        ``{metric}_per_100k`` (``_per_1m`` for a million, ``_per_{per}``
        otherwise). Places without a population (null, Afghan districts,
        the districts of Gilgit-Baltistan) get null rates. The rates cover
        the whole window aggregated: divide by its length in years for
        annual rates.

    Examples
    --------
    >>> import incidentkit as ik
    >>> incidents = ik.parse_many(
    ...     ["Three soldiers were martyred in a blast in Bannu on Friday."],
    ...     published=["2025-04-12"])
    >>> rated = ik.rates(ik.aggregate(incidents, by="district"))
    >>> rated.select("district", "population", "population_source",
    ...     "killed_total_per_100k").to_dicts()
    [{'district': 'Bannu', 'population': 1357890, 'population_source': 'census 2023 (PBS)', 'killed_total_per_100k': 0.22093...}]
    """
    frame = _args.frame(aggregated, "aggregated")
    if isinstance(per, bool) or not isinstance(per, (int, float)):
        raise ValueError(f"per: expected a positive number such as 100000, got {per!r}")
    rated = _core.rates(frame, float(per))
    _warn_about_estimates(rated)
    return rated


def _warn_about_estimates(rated: pl.DataFrame) -> None:
    """Warn when a rate rests on a population that is not a 2023 census count."""
    place = next(c for c in ("district", "province", "country") if c in rated.columns)
    flagged = (
        rated.filter(
            pl.col("population").is_not_null()
            & ~pl.col("population_source").str.starts_with("census 2023")
        )
        .select(pl.col(place).cast(pl.String), "population_source")
        .unique(maintain_order=True)
    )
    if flagged.height == 0:
        return
    places = "; ".join(f"{name} ({source})" for name, source in flagged.rows())
    warnings.warn(
        f"rates: {flagged.height} rate(s) rest on a population that is not a 2023 census "
        f"count: {places}",
        PopulationWarning,
        stacklevel=3,
    )


def deduplicate(incidents: Frame, window_days: int = 2, mention: Mention = None) -> pl.DataFrame:
    """Merge rows of different documents that report the same real event.

    Two incidents are the same event when they come from different
    documents, happened in the same district (or, without a district, the
    same named place), started at most ``window_days`` apart, have compatible
    event types (attacks by militants never merge with security operations;
    ``other`` merges with either) and compatible tolls (``killed_total`` and
    ``injured_total`` unknown in one, or the larger at most twice the smaller
    plus 3). Every pair in a merged group must match, a group never holds two
    incidents of one document, and the result does not depend on the order
    of the rows.

    Parameters
    ----------
    incidents
        An incident frame with all the SPEC columns.
    window_days
        The largest gap between the date ranges of merged incidents. Ranges
        keep a date's precision: "March last year" (all of March) meets
        "March 26" with any window, while two reports dated to the day merge
        only when they are at most ``window_days`` apart.
    mention
        None merges every incident; ``"report"`` or ``"background"`` only
        those (see :func:`aggregate`). With a ``mention`` column, a merged
        event is ``"report"`` when any of its sources reports it.

    Returns
    -------
    polars.DataFrame
        One row per event with the SPEC columns, taken from the source with
        the most precise date (then the most counts, then the earliest
        publication) with missing places and groups filled from the others;
        every count is the largest exact count reported (else the largest
        approximate one, and ``approximate`` is true). Then ``n_sources``,
        ``sources`` (a list of ``{doc_id, incident_id}``) and, per count
        column, ``{column}_min`` and ``{column}_max``: the range the sources
        reported.

    Examples
    --------
    >>> import incidentkit as ik
    >>> incidents = ik.parse_many(
    ...     ["Three soldiers were martyred in a blast in Bannu on Friday.",
    ...      "Four soldiers were martyred in a blast in Bannu on Friday."],
    ...     published=["2025-04-12", "2025-04-12"], doc_ids=["dawn", "tribune"])
    >>> merged = ik.deduplicate(incidents)
    >>> merged.select("n_sources", "killed_total", "killed_total_min", "killed_total_max").to_dicts()
    [{'n_sources': 2, 'killed_total': 4, 'killed_total_min': 3, 'killed_total_max': 4}]
    """
    frame = _frame(incidents, "incidents")
    if isinstance(window_days, bool) or not isinstance(window_days, int) or window_days < 0:
        raise ValueError(f"window_days: expected a whole number of days >= 0, got {window_days!r}")
    return _core.deduplicate(frame, window_days, _mention(mention))


def gazetteer() -> pl.DataFrame:
    """The place table the parser and :func:`rates` use.

    Returns
    -------
    polars.DataFrame
        ``kind`` (province, district, city, locality, afghan_province,
        afghan_district), ``name``, ``district``, ``province``, ``country``,
        ``population`` with its ``population_source``, and the ``aliases``
        the parser recognises. Every province and district names the source
        of its population: ``"census 2023 (PBS)"`` (the Pakistan Bureau of
        Statistics' 7th Population and Housing Census); for a district split
        after the census, the census tehsils summed; the 2017 count for Azad
        Jammu and Kashmir and Gilgit-Baltistan, which the 2023 census did
        not cover; ``"estimate: ..."`` and how it was made; or ``"none: ..."``
        and why there is no figure.

    Examples
    --------
    >>> import incidentkit as ik
    >>> places = ik.gazetteer()
    >>> places.filter(name="Bannu").select(
    ...     "kind", "province", "population", "population_source").to_dicts()
    [{'kind': 'district', 'province': 'Khyber Pakhtunkhwa', 'population': 1357890, 'population_source': 'census 2023 (PBS)'}]
    """
    return _core.gazetteer()
