"""``incidentkit parse --dask``: the same job as ``incidentkit parse``, on Dask.

Imported only for ``--dask``: it needs the ``dask`` extra.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from distributed import Client, LocalCluster

import incidentkit.dask as ikd
from incidentkit.io import CorpusWarning

_LOCAL = re.compile(r"local(?::([1-9][0-9]*))?")


@dataclass(frozen=True)
class Run:
    """What the job wrote and how long it took."""

    written: ikd.Written
    seconds: float


def _quiet_worker() -> None:
    """On a worker of our local cluster: no local copy of the warnings it
    sends to the client (the workers print to the same terminal)."""
    warnings.filterwarnings("ignore", category=CorpusWarning)


@contextmanager
def connected(scheduler: str) -> Iterator[tuple[Client, int | None]]:
    """A client of the scheduler, and the number of local worker processes
    (None for a remote cluster). A local cluster is stopped on leaving."""
    local = _LOCAL.fullmatch(scheduler)
    if local is None:
        with Client(scheduler, timeout="30s") as client:
            yield client, None
        return
    workers = int(local.group(1) or os.cpu_count() or 1)
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(_quiet_worker)
        yield client, workers


def run(args: argparse.Namespace, output: Path) -> Run:
    """Read the corpus into partitions, parse them on the cluster, write the parts."""
    began = time.perf_counter()
    with connected(args.dask) as (_client, local_workers):
        threads = args.threads
        if threads is None and local_workers is not None:
            # One worker process per core already: more parser threads would only compete.
            threads = max(1, (os.cpu_count() or 1) // local_workers)
        docs = ikd.read_corpus(
            args.paths,
            text_column=args.text_column,
            published_column=args.published_column,
            id_column=args.id_column,
        )
        written = ikd.parse_to_parquet(docs, output, threads=threads)
    return Run(written, time.perf_counter() - began)
