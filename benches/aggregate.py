"""Benchmark: ik.aggregate on synthetic incident rows, by district x month.

    python benches/aggregate.py [--rows 10000000] [--repeat 5]

Prints the best and median wall time of ik.aggregate and, for reference, of
the same group-by written in plain Polars. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np
import polars as pl

import incidentkit as ik

COUNTS = [
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


def synthetic_incidents(rows: int, seed: int = 7) -> pl.DataFrame:
    """Rows with the columns aggregate reads: 160 districts, 2015-2025,
    counts that are null two times in three."""
    rng = np.random.default_rng(seed)
    districts = ik.gazetteer().filter(kind="district")["name"].to_list()[:160]
    first = np.datetime64("2015-01-01")
    start = first + rng.integers(0, 11 * 365, rows).astype("timedelta64[D]")
    columns: dict[str, pl.Series] = {
        "district": pl.Series(
            np.array(districts, dtype=object)[rng.integers(0, len(districts), rows)]
        ),
        "date_start": pl.Series(start).cast(pl.Date),
        "date_end": pl.Series(start + rng.integers(0, 3, rows).astype("timedelta64[D]")).cast(
            pl.Date
        ),
        "approximate": pl.Series(rng.random(rows) < 0.1),
    }
    for name in COUNTS:
        values = pl.Series(name, rng.poisson(2, rows).astype(np.uint32))
        mask = pl.Series(rng.random(rows) < 0.66)
        columns[name] = pl.when(mask).then(None).otherwise(values).alias(name)
    return pl.select(**columns)


def plain_polars(df: pl.DataFrame) -> pl.DataFrame:
    return (
        df.with_columns(month=pl.col("date_start").dt.truncate("1mo"))
        .group_by("district", "month")
        .agg(
            pl.len().alias("incidents"),
            *[pl.col(c).sum() for c in COUNTS],
            pl.all_horizontal(pl.col(COUNTS).is_null()).sum().alias("unknown_toll"),
            pl.col("approximate").sum().alias("approximate_toll"),
        )
        .sort("district", "month")
    )


def timed(label: str, run: Callable[[], pl.DataFrame], repeat: int) -> pl.DataFrame:
    times = []
    result = run()  # warm-up
    for _ in range(repeat):
        began = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - began)
    print(
        f"{label:<28} best {min(times):.3f} s   median {statistics.median(times):.3f} s"
        f"   ({result.height} groups)"
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    began = time.perf_counter()
    df = synthetic_incidents(args.rows)
    print(f"{args.rows:,} synthetic rows built in {time.perf_counter() - began:.1f} s")
    ours = timed(
        "ik.aggregate district x month",
        lambda: ik.aggregate(df, by=["district", "month"]),
        args.repeat,
    )
    theirs = timed("plain polars group_by", lambda: plain_polars(df), args.repeat)
    assert ours["incidents"].to_list() == theirs["incidents"].to_list()


if __name__ == "__main__":
    main()
