"""Parsing a generated corpus in one process and on a local Dask cluster.

    python benches/bench_dask.py [--size 1GB] [--workers 2] [--blocksize 32MB]

Writes a JSON Lines corpus of ``--size`` with ``generate.py`` to a temporary
folder, then parses it to Parquet twice and reports MB/s and documents/s:

- in this process, with ``ik.parse_corpus(path, out=...)`` (streaming, the
  parser on every core);
- with ``incidentkit.dask`` on a ``distributed.LocalCluster`` of ``--workers``
  single-threaded worker processes: ``ikd.read_corpus`` cuts the file into
  partitions of ``--blocksize``, ``ikd.parse_to_parquet`` parses each with
  one parser thread and writes a part file. The time includes planning,
  reading and writing, not starting the cluster (reported apart).

Both outputs are checked to hold the same number of incidents and the same
aggregate by district and month. Build optimised first (``maturin develop
--release``); nothing is asserted beyond that check.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import aggregate as aggregate_bench
import generate
import polars as pl

import incidentkit as ik
import incidentkit.dask as ikd
from incidentkit._dask_cli import connected

# The columns ik.aggregate reads for district x month (not the evidence text).
AGGREGATE_COLUMNS = ["date_start", "date_end", "approximate", "district", *aggregate_bench.COUNTS]


def throughput(label: str, seconds: float, megabytes: float, documents: int) -> None:
    print(
        f"  {label}: {seconds:.1f} s, {megabytes / seconds:.2f} MB/s, "
        f"{documents / seconds:,.0f} docs/s"
    )


def by_district_and_month(parquet: str) -> pl.DataFrame:
    incidents = pl.scan_parquet(parquet).select(AGGREGATE_COLUMNS).collect()
    return ik.aggregate(incidents, by=["district", "month"])


def one_process(corpus: Path, out: Path) -> float:
    began = time.perf_counter()
    ik.parse_corpus(corpus, out=out, progress=False)
    return time.perf_counter() - began


def on_dask(corpus: Path, out: Path, workers: int, blocksize: str) -> tuple[float, int]:
    began = time.perf_counter()
    with connected(f"local:{workers}"):
        print(
            f"  local cluster of {workers} workers started in {time.perf_counter() - began:.1f} s"
        )
        began = time.perf_counter()
        docs = ikd.read_corpus(corpus, blocksize=blocksize)
        written = ikd.parse_to_parquet(docs, out, threads=1)
        seconds = time.perf_counter() - began
    print(f"  {docs.npartitions} partitions, {written.incidents:,} incidents")
    return seconds, written.incidents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1GB", help="corpus size (default 1GB)")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes")
    parser.add_argument("--blocksize", default="32MB", help="input per partition")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    print(f"incidentkit {ik.__version__}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        began = time.perf_counter()
        documents = generate.write(corpus, generate.parse_size(args.size), args.seed, "jsonl")
        megabytes = corpus.stat().st_size / 1e6
        print(
            f"corpus: {documents:,} documents, {megabytes:,.0f} MB of JSONL "
            f"(generated in {time.perf_counter() - began:.0f} s)"
        )

        print("ik.parse_corpus, one process:")
        single = Path(folder) / "one.parquet"
        seconds_one = one_process(corpus, single)
        throughput("parse_corpus", seconds_one, megabytes, documents)

        print(f"incidentkit.dask, LocalCluster of {args.workers} worker processes:")
        parts = Path(folder) / "parts"
        seconds_dask, incidents = on_dask(corpus, parts, args.workers, args.blocksize)
        throughput("incidentkit.dask", seconds_dask, megabytes, documents)
        print(f"  dask / one process: {seconds_one / seconds_dask:.2f}x the throughput")

        same = pl.scan_parquet(single).select(pl.len()).collect().item() == incidents and (
            by_district_and_month(str(single)).equals(by_district_and_month(f"{parts}/*.parquet"))
        )
        print(f"same incidents and aggregates: {same}")


if __name__ == "__main__":
    main()
