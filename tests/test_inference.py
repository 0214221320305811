"""ik.compare_periods and ik.trend against SciPy and statsmodels, and by hand."""

from __future__ import annotations

import datetime as dt
import math
import warnings

import numpy as np
import polars as pl
import pytest
from frames import day, frame, incident
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from scipy.stats import binomtest

import incidentkit as ik

RELATIVE = 1e-6


def close(got: float, expected: float) -> bool:
    if math.isinf(expected) or math.isinf(got):
        return got == expected
    return math.isclose(got, expected, rel_tol=RELATIVE, abs_tol=1e-12)


def dated_incidents(counts: list[int], first: dt.date, step_days: int = 1) -> list[dict]:
    """counts[i] incidents dated first + i * step_days."""
    rows = []
    for i, n in enumerate(counts):
        for _ in range(n):
            rows.append(incident(len(rows), date_start=first + dt.timedelta(days=i * step_days)))
    return rows


A = (dt.date(2024, 1, 1), dt.date(2024, 6, 30))


@settings(max_examples=150, deadline=None)
@given(
    count_a=st.integers(0, 120),
    count_b=st.integers(0, 120),
    days_b=st.integers(1, 400),
)
def test_rate_ratio_matches_scipy_binomtest(count_a: int, count_b: int, days_b: int) -> None:
    b = (dt.date(2024, 7, 1), dt.date(2024, 7, 1) + dt.timedelta(days=days_b - 1))
    rows = [incident(i, date_start=A[0] + dt.timedelta(days=i % 180)) for i in range(count_a)]
    rows += [incident(count_a + i, date_start=b[0]) for i in range(count_b)]
    out = ik.compare_periods(frame(rows), a=A, b=b)
    assert out.height == 1
    got = out.row(0, named=True)
    days_a = (A[1] - A[0]).days + 1
    assert (got["count_a"], got["count_b"]) == (count_a, count_b)
    assert (got["days_a"], got["days_b"]) == (days_a, days_b)
    assert close(got["rate_a"], count_a / days_a)
    n = count_a + count_b
    if n == 0:
        assert got["rate_ratio"] is None
        assert (got["ci_low"], got["ci_high"], got["p_value"]) == (0.0, math.inf, 1.0)
        return
    p0 = days_b / (days_a + days_b)
    test = binomtest(count_b, n, p0)
    ci = test.proportion_ci(confidence_level=0.95, method="exact")

    def to_ratio(p: float) -> float:
        return math.inf if p >= 1.0 else p / (1 - p) * days_a / days_b

    assert close(got["p_value"], test.pvalue), (got["p_value"], test.pvalue)
    assert close(got["ci_low"], to_ratio(ci.low))
    assert close(got["ci_high"], to_ratio(ci.high))
    expected_ratio = math.inf if count_a == 0 else (count_b / days_b) / (count_a / days_a)
    assert close(got["rate_ratio"], expected_ratio)
    assert got["ci_low"] <= got["rate_ratio"] <= got["ci_high"]


def test_compare_periods_by_group_and_by_hand() -> None:
    rows = [
        incident(0, district="Bannu", date_start=day("2025-01-05")),
        incident(1, district="Bannu", date_start=day("2025-02-03")),
        incident(2, district="Bannu", date_start=day("2025-02-04")),
        incident(3, district="Kech", date_start=day("2025-01-20"), killed_militants=7),
        incident(4, district="Kech", date_start=day("2024-12-31")),
    ]
    out = ik.compare_periods(
        frame(rows), a=("2025-01-01", "2025-01-31"), b=("2025-02-01", "2025-02-28"), by="district"
    )
    assert out.select("district", "count_a", "count_b").rows() == [("Bannu", 1, 2), ("Kech", 1, 0)]
    bannu = out.row(0, named=True)
    assert close(bannu["rate_ratio"], (2 / 28) / (1 / 31))
    kech = out.row(1, named=True)
    assert kech["rate_ratio"] == 0.0 and kech["ci_low"] == 0.0
    deaths = ik.compare_periods(
        frame(rows),
        a=("2025-01-01", "2025-01-31"),
        b=("2025-02-01", "2025-02-28"),
        value="killed_total",
    )
    assert deaths.select("count_a", "count_b").row(0) == (7, 0)


def statsmodels_fit(counts: list[int]) -> tuple[float, float, float]:
    sm = pytest.importorskip("statsmodels.api")
    t = np.arange(len(counts), dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = sm.GLM(
            np.array(counts, dtype=float), sm.add_constant(t), family=sm.families.Poisson()
        )
        result = model.fit(tol=1e-13, maxiter=200)
        # statsmodels takes the standard errors from the weights of its last
        # step; a second fit started at the estimate evaluates them at it.
        result = model.fit(start_params=result.params, tol=1e-13, maxiter=200)
    return float(result.params[1]), float(result.bse[1]), float(result.pvalues[1])


@settings(max_examples=120, deadline=None)
@given(counts=st.lists(st.integers(0, 25), min_size=2, max_size=24))
@example(counts=[1, 1, 1, 6])  # an interval bound near 0 shows any error in the fit
def test_trend_matches_a_statsmodels_poisson_glm(counts: list[int]) -> None:
    total = sum(counts)
    # The maximum-likelihood slope is infinite when every event falls in the
    # first or the last period (or there are none): ik reports null then.
    defined = total > 0 and counts[0] != total and counts[-1] != total
    first = dt.date(2023, 1, 1)
    rows = []
    for i, n in enumerate(counts):
        month = dt.date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 9)
        rows += [incident(len(rows) + k, date_start=month) for k in range(n)]
    last = dt.date(first.year + (len(counts) - 1) // 12, (len(counts) - 1) % 12 + 1, 28)
    out = ik.trend(frame(rows), every="1mo", start=first, end=last)
    got = out.row(0, named=True)
    assert got["periods"] == len(counts)
    assert got["total"] == total
    if not defined:
        assert got["percent_change"] is None and got["p_value"] is None
        return
    slope, se, p_value = statsmodels_fit(counts)
    assume(abs(slope) < 20)
    assert close(got["percent_change"], 100 * math.expm1(slope))
    assert close(got["ci_low"], 100 * math.expm1(slope - 1.959963984540054 * se))
    assert close(got["ci_high"], 100 * math.expm1(slope + 1.959963984540054 * se))
    assert math.isclose(got["p_value"], p_value, rel_tol=RELATIVE, abs_tol=1e-300)


def test_trend_counts_empty_periods_as_zeros() -> None:
    # 4 incidents in January, none in February, 1 in March: the zeros matter.
    rows = dated_incidents([4], day("2025-01-10")) + dated_incidents([1], day("2025-03-10"))
    out = ik.trend(frame(rows), every="1mo")
    slope, _, _ = statsmodels_fit([4, 0, 1])
    got = out.row(0, named=True)
    assert got["periods"] == 3
    assert (got["first_period"], got["last_period"]) == (day("2025-01-01"), day("2025-03-01"))
    assert close(got["percent_change"], 100 * math.expm1(slope))


def test_trend_by_group_and_weekly_periods() -> None:
    rows = [
        *[incident(i, district="Bannu", date_start=day("2025-03-03")) for i in range(2)],
        *[incident(10 + i, district="Bannu", date_start=day("2025-03-12")) for i in range(4)],
        incident(20, district="Kech", date_start=day("2025-03-20")),
    ]
    out = ik.trend(frame(rows), every="1w", by="district")
    assert out["district"].to_list() == ["Bannu", "Kech"]
    assert out["periods"].to_list() == [3, 3]
    bannu, kech = out.rows(named=True)
    slope, _, _ = statsmodels_fit([2, 4, 0])
    assert close(bannu["percent_change"], 100 * math.expm1(slope))
    # Kech has its only incident in the last week: no finite slope.
    assert kech["percent_change"] is None


def test_trend_of_an_empty_frame() -> None:
    out = ik.trend(ik.parse_many([]), every="1mo")
    assert out.row(0, named=True)["periods"] == 0
    assert out["percent_change"].to_list() == [None]
    by = ik.trend(ik.parse_many([]), every="1mo", by="district")
    assert by.height == 0 and by.columns[0] == "district"


def test_trend_and_compare_accept_lazy_frames() -> None:
    rows = dated_incidents([1, 2, 3], day("2025-01-01"), step_days=31)
    lazy = frame(rows).lazy()
    assert ik.trend(lazy, every="1mo")["total"].to_list() == [6]
    out = ik.compare_periods(lazy, a=("2025-01-01", "2025-01-31"), b=("2025-02-01", "2025-03-31"))
    assert isinstance(out, pl.DataFrame)
