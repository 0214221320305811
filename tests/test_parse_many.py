"""``ik.parse_many``: many documents at once, in order, the same rows as one by one."""

from __future__ import annotations

import datetime as dt
import threading
import time

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import incidentkit as ik
from incidentkit import _core

# Short reports written for these tests; each gives at least one incident.
REPORTS = [
    "Security forces killed six khwarij in an intelligence based operation in Datta Khel, "
    "North Waziristan on 14 March 2025.",
    "Two soldiers were martyred in Bannu yesterday when terrorists attacked their post.",
    "A roadside bomb went off near a police van in Khar, Bajaur district, on Monday, "
    "injuring three policemen.",
    "Security forces killed four khwarij in Tank District on 20 May 2025. In another "
    "operation in Tirah, Khyber District, on the same day, three more khwarij were killed.",
    "Four Levies personnel were martyred when terrorists ambushed their vehicle in Dhadar, "
    "Bolan district, last night.",
    "The provincial assembly debated the budget for the merged districts on Tuesday.",
]


def test_rows_follow_document_order_and_ids_default_to_positions() -> None:
    frame = ik.parse_many(REPORTS, published="2025-06-11")
    n_docs = len(REPORTS)
    expected_docs = [str(i) for i in range(n_docs) if i != n_docs - 1]
    seen = list(dict.fromkeys(frame["doc_id"].to_list()))
    assert seen == expected_docs
    assert frame.filter(pl.col("doc_id") == "3")["incident_id"].to_list() == ["3:0", "3:1"]
    assert frame["published"].unique().to_list() == [dt.date(2025, 6, 11)]


def test_doc_ids_are_used() -> None:
    ids = [f"report-{i}.txt" for i in range(len(REPORTS))]
    frame = ik.parse_many(REPORTS, published="2025-06-11", doc_ids=ids)
    assert set(frame["doc_id"]) <= set(ids)
    assert frame.item(0, "incident_id") == "report-0.txt:0"


def test_published_per_document() -> None:
    texts = [REPORTS[1], REPORTS[1], REPORTS[1]]
    published: list[dt.date | str | None] = ["2025-06-11", dt.date(2025, 1, 2), None]
    frame = ik.parse_many(texts, published=published)
    assert frame["published"].to_list() == [dt.date(2025, 6, 11), dt.date(2025, 1, 2), None]
    assert frame["date_start"].to_list() == [dt.date(2025, 6, 10), dt.date(2025, 1, 1), None]


def test_tuples_are_sequences_too() -> None:
    frame = ik.parse_many(tuple(REPORTS[:2]), published=("2025-06-11", "2025-06-11"))
    assert frame["doc_id"].to_list() == ["0", "1"]


def test_batch_equals_one_by_one() -> None:
    texts = [REPORTS[i % len(REPORTS)] for i in range(200)]
    published = [dt.date(2025, 1, 1) + dt.timedelta(days=7 * i) for i in range(200)]
    ids = [f"d{i}" for i in range(200)]
    batch = ik.parse_many(texts, published=published, doc_ids=ids)
    alone = pl.concat(
        [ik.parse(t, published=p, doc_id=d) for t, p, d in zip(texts, published, ids)]
    )
    assert batch.height > 150
    assert_frame_equal(batch, alone)


def test_gil_is_released_while_parsing() -> None:
    """The main thread keeps running Python while a worker parses a large batch."""
    filler = (
        "The provincial government announced a development package for the merged "
        "districts, and traders discussed the Torkham crossing with local elders. "
    ) * 1500
    texts = [filler] * 48
    dates: list[str | None] = [None] * len(texts)
    ids = [str(i) for i in range(len(texts))]
    started = threading.Event()
    began: list[float] = []
    span: list[float] = []

    def work() -> None:
        began.append(time.perf_counter())
        started.set()
        _core.parse_many(texts, dates, ids)
        span.append(time.perf_counter() - began[0])

    worker = threading.Thread(target=work)
    worker.start()
    started.wait()
    # Measured from the worker's start, so that waiting for the GIL counts as a stall.
    last = began[0]
    longest_stall = 0.0
    while worker.is_alive():
        now = time.perf_counter()
        longest_stall = max(longest_stall, now - last)
        last = now
    worker.join()
    if span[0] < 0.3:
        pytest.skip(f"the batch parsed too fast ({span[0]:.2f} s) to tell")
    # Holding the GIL would stall the main thread for the whole parse.
    assert longest_stall < span[0] / 2, (longest_stall, span[0])


def test_threads_give_the_same_rows() -> None:
    texts = ["Two soldiers were martyred in Bannu yesterday."] * 20
    one = ik.parse_many(texts, published="2025-03-05", threads=1)
    two = ik.parse_many(texts, published="2025-03-05", threads=2)
    assert one.height == 20 and one.equals(two)


@pytest.mark.parametrize("threads", [0, -1, 1.5, "2", True])
def test_threads_must_be_a_positive_whole_number(threads: object) -> None:
    with pytest.raises(ValueError, match=r"^threads: expected a positive integer or None"):
        ik.parse_many(["x"], threads=threads)  # type: ignore[arg-type]
