"""Wrong arguments to the statistics: ValueError or TypeError naming the
argument and what it accepts."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

import pytest
from frames import day, frame, incident

import incidentkit as ik

DF = frame([incident(0, district="Bannu", date_start=day("2025-03-03"), killed_security=1)])
JAN = ("2025-01-01", "2025-01-31")
FEB = ("2025-02-01", "2025-02-28")


@pytest.mark.parametrize(
    ("call", "pattern"),
    [
        (lambda: ik.aggregate(DF, by="town"), r"^by: got 'town'; expected .*'district'.*'year'"),
        (lambda: ik.aggregate(DF, by=["district", "district"]), r"^by: .*given twice"),
        (lambda: ik.aggregate(DF, start="2025-03-01", end="2025-02-01"), r"^start: .*after end"),
        (lambda: ik.aggregate(DF, start="March"), r"^start: expected an ISO date"),
        (
            lambda: ik.aggregate(DF, date_rule="inside"),
            r"^date_rule: .*'overlap', 'start' or 'within'",
        ),
        (
            lambda: ik.aggregate(DF.drop("district"), by="district"),
            r"^incidents: missing column\(s\) district",
        ),
        (lambda: ik.aggregate(DF.drop("killed_total", "arrested")), r"killed_total, arrested"),
        (
            lambda: ik.aggregate(DF.with_columns(district=1)),
            r"^incidents: column district has dtype",
        ),
        (lambda: ik.crosstab(DF, rows="district", cols="district"), r"^cols: .*also the rows key"),
        (lambda: ik.crosstab(DF, value="dead"), r"^value: got 'dead'; expected .*'incidents'"),
        (lambda: ik.crosstab(DF, rows="town"), r"^rows: got 'town'"),
        (lambda: ik.compare_periods(DF, a=JAN, b=("2025-01-15", "2025-02-15")), r"^b: .*overlap"),
        (
            lambda: ik.compare_periods(DF, a=("2025-02-01", "2025-01-01"), b=FEB),
            r"^a: .*starts after",
        ),
        (lambda: ik.compare_periods(DF, a="2025", b=FEB), r"^a: expected a \(start, end\) pair"),
        (lambda: ik.compare_periods(DF, a=JAN, b=("x", "2025-02-02")), r"^b\[0\]: expected an ISO"),
        (lambda: ik.trend(DF, every="monthly"), r"^every: got 'monthly'; expected .*'1mo'"),
        (lambda: ik.trend(DF, by="month"), r"^by: time keys"),
        (lambda: ik.trend(DF, value="deaths"), r"^value: got 'deaths'"),
        (lambda: ik.rates(ik.aggregate(DF, by="month")), r"^aggregated: needs a district"),
        (lambda: ik.rates(ik.aggregate(DF), per=0), r"^per: got 0"),
        (lambda: ik.rates(ik.aggregate(DF), per="100k"), r"^per: expected a positive number"),
        (lambda: ik.deduplicate(DF, window_days=-1), r"^window_days: expected"),
        (lambda: ik.deduplicate(DF.drop("text")), r"^incidents: missing column\(s\) text"),
    ],
)
def test_value_errors_name_the_argument(call: Callable[[], Any], pattern: str) -> None:
    with pytest.raises(ValueError, match=pattern):
        call()


@pytest.mark.parametrize(
    ("call", "pattern"),
    [
        (lambda: ik.aggregate({"district": ["Bannu"]}), r"^incidents: expected a polars DataFrame"),
        (lambda: ik.aggregate(DF, by=3), r"^by: expected a key name"),
        # A wrong kind of value is a TypeError everywhere (incidentkit._args).
        (lambda: ik.aggregate(DF, end=20250301), r"^end: expected a datetime.date"),
        (lambda: ik.crosstab(DF, rows=None), r"^rows: expected str"),
        (lambda: ik.rates([1, 2]), r"^aggregated: expected a polars DataFrame"),
    ],
)
def test_type_errors_name_the_argument(call: Callable[[], Any], pattern: str) -> None:
    with pytest.raises(TypeError, match=pattern):
        call()


def test_dates_accept_dates_datetimes_and_iso_strings() -> None:
    for start in ("2025-03-01", dt.date(2025, 3, 1), dt.datetime(2025, 3, 1, 12, 30)):
        assert ik.aggregate(DF, start=start)["incidents"].to_list() == [1]
    assert ik.aggregate(DF, start="2025-03-04").height == 0
