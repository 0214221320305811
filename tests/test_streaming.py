"""parse_corpus(out=...) streams: its peak memory does not grow with the
corpus. Two generated JSON Lines corpora, of 50 MB and 200 MB, are parsed to
Parquet in subprocesses that report their own peak RSS.

This is the slowest test of the suite (about a minute on two cores, for the
250 MB parsed): the corpora are mostly filler text, which the parser reads
quickly, with one incident per document.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/status")

MB = 1_000_000

# Runs in a fresh interpreter; prints its peak resident set size in KiB.
# VmHWM belongs to the new process image; ru_maxrss would carry over the
# peak of the (large) pytest process it was spawned from.
SCRIPT = """
import sys
import incidentkit as ik
ik.parse_corpus(sys.argv[1], out=sys.argv[2], progress=False, batch_size=200)
with open("/proc/self/status") as status:
    print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
"""

DISTRICTS = ["Bannu", "Tank", "Zhob", "Kech", "Khyber", "Kurram", "Quetta", "Lakki Marwat"]
# Long lower-case words: the parser's cost is per word, so these are cheap.
FILLER_WORDS = [
    "administrative", "reorganisation", "infrastructure", "appropriations",
    "representatives", "consultations", "telecommunications", "agricultural",
    "procurement", "documentation", "environmental", "responsibilities",
    "intergovernmental", "transportation", "characteristics",
]  # fmt: skip


def filler(seed: int, sentences: int) -> str:
    """Prose without names, numbers or violence: nothing to parse."""
    n = len(FILLER_WORDS)
    return " ".join(
        " ".join(FILLER_WORDS[(seed + s * 3 + i * 7) % n] for i in range(20)) + "."
        for s in range(sentences)
    )


def make_corpus(path: Path, size: int) -> int:
    """Write about ``size`` bytes of documents, each with one incident; return
    the number of documents."""
    paragraphs = [filler(seed, 35) + "\n\n" for seed in range(5)]
    written = 0
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        while written < size:
            district = DISTRICTS[count % len(DISTRICTS)]
            text = (
                f"{district.upper()}: {count % 9 + 2} policemen were martyred when militants "
                f"attacked a checkpost in {district} district on Monday.\n\n"
                + paragraphs[count % len(paragraphs)]
            )
            line = json.dumps({"doc_id": f"d{count}", "published": "2025-03-05", "text": text})
            handle.write(line + "\n")
            written += len(line) + 1
            count += 1
    return count


def peak_rss_mb(corpus: Path, out: Path) -> float:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(corpus), str(out)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return int(result.stdout.strip()) / 1024


def test_peak_memory_does_not_grow_with_the_corpus(tmp_path: Path) -> None:
    tiny, small, big = (tmp_path / f"{name}.jsonl" for name in ("tiny", "small", "big"))
    make_corpus(tiny, 1)
    small_docs = make_corpus(small, 50 * MB)
    big_docs = make_corpus(big, 200 * MB)
    # The interpreter, Polars and the thread pools alone: their size depends
    # on the machine, so the bounds below are measured above it.
    rss_base = peak_rss_mb(tiny, tmp_path / "tiny.parquet")
    rss_small = peak_rss_mb(small, tmp_path / "small.parquet")
    rss_big = peak_rss_mb(big, tmp_path / "big.parquet")
    # Holding the corpus would add at least the 150 MB of extra text.
    assert rss_big - rss_small < 40, (rss_base, rss_small, rss_big)
    # Holding even half of the big corpus would add 100 MB over the base.
    assert rss_big - rss_base < 100, (rss_base, rss_small, rss_big)
    # Every document was parsed: one incident each.
    for out, docs in (
        (tmp_path / "small.parquet", small_docs),
        (tmp_path / "big.parquet", big_docs),
    ):
        counts = pl.scan_parquet(out).select(pl.len(), pl.col("doc_id").n_unique()).collect()
        assert counts.row(0) == (docs, docs)
