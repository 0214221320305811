"""incidentkit's benchmarks in one run, on one generated corpus.

    python benches/bench.py [--size 50MB] [--stream-size 1GB] [--rows 10000000]
                            [--repeats 3] [--threads 1,2] [--skip-stream]
                            [--skip-aggregate] [--skip-dateparser]
                            [--real DOCS.jsonl [--real-size 20MB]]

Reports:
- the profile of each corpus (``reference.text_profile``: words a sentence,
  sentences with numbers, capitalised and casualty words a KB, distinct
  words; numbers, event nouns, definite references, dates, places and
  groups a KB; sentence, paragraph and document lengths): the generated
  corpus is only a fair test where it looks like the real one;
- ``ik.parse_many`` throughput (MB/s, documents/s) on 1 and on 2 threads,
  the best of ``--repeats`` runs each (every run is listed: on a shared
  virtual machine the two-thread runs vary by a fifth), after a start-up
  call on 2,000 documents (timed apart: new threads compile their copies of
  the rules and warm their caches), and the peak RSS of this process;
- ``ik.parse_corpus`` streaming a corpus of ``--stream-size`` from disk to
  Parquet, in a child process, with its peak RSS;
- ``ik.aggregate`` on ``--rows`` synthetic incidents by district x month;
- for reference, a case-insensitive literal scan of the same text for 17
  lexicon words (``rg --count-matches -i -F``, or the package's aho-corasick
  scan when ripgrep is absent) and the parser's one-thread time as a
  multiple of it;
- for reference, ``dateparser.search.search_dates`` (dates alone) on a sample
  of the generated documents and of the real ones, when dateparser is
  installed, and the parser's one-thread time on the same sample.

``--real`` takes real documents (JSON Lines with ``doc_id``, ``published``,
``text``; the evaluation set, say), times their first reading on one thread
(the rules' lazy automata have not met them; a user's corpus is read so) and
a second, then runs the parse benchmarks again on them repeated to
``--real-size``, with the ratio of the two throughputs.

Build optimised first (``pip install .`` or ``maturin develop --release``):
the ``ci`` profile leaves the dependencies unoptimised. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import aggregate as aggregate_bench
import generate
import reference

import incidentkit as ik

HERE = Path(__file__).resolve().parent


def peak_rss_mb() -> float:
    """This process's peak resident set, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_parse(
    docs: Sequence[Mapping[str, str | None]], repeats: int, thread_counts: Sequence[int]
) -> float:
    """Print the throughputs and return the first thread count's MB/s."""
    texts = [d["text"] or "" for d in docs]
    published = [d["published"] for d in docs]
    ids = [d["doc_id"] or "" for d in docs]
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    profile = reference.text_profile(texts)
    print(f"  text: {profile.describe()}")
    print(f"  content {profile.describe_content()}")
    print(f"  shape: {profile.describe_shape()}")
    print(f"parse_many: {len(texts):,} documents, {megabytes:.1f} MB, best of {repeats} runs")
    seconds: dict[int, float] = {}
    for threads in thread_counts:
        # Each new thread compiles its own copy of the rules and fills its
        # automata's caches on its first documents: time that apart.
        began = time.perf_counter()
        ik.parse_many(texts[:2000], published[:2000], ids[:2000], threads=threads)
        print(
            f"  {threads} thread(s): start-up on 2,000 documents {time.perf_counter() - began:.2f} s"
        )
        runs = []
        for _ in range(repeats):
            began = time.perf_counter()
            frame = ik.parse_many(texts, published, ids, threads=threads)
            runs.append(time.perf_counter() - began)
        seconds[threads] = min(runs)
        print(
            f"  {threads} thread(s): {seconds[threads]:.2f} s, "
            f"{megabytes / seconds[threads]:.2f} MB/s, {len(texts) / seconds[threads]:,.0f} docs/s, "
            f"{frame.height:,} incidents (runs: {', '.join(f'{r:.2f}' for r in runs)} s)"
        )
    if 1 in seconds and 2 in seconds:
        print(f"  speed-up 1 -> 2 threads: {seconds[1] / seconds[2]:.2f}x")
    first = seconds[thread_counts[0]]
    scan = reference.literal_scan(texts)
    print(
        f"  literal scan ({scan.tool}, {len(reference.SCAN_WORDS)} words): "
        f"{scan.mb_per_s:.0f} MB/s, {scan.matches:,} matches; "
        f"parse_many on {thread_counts[0]} thread(s) takes {first / scan.seconds:.1f}x its time"
    )
    print(f"  peak RSS of this process: {peak_rss_mb():.0f} MB")
    return megabytes / first


def bench_first_reading(docs: Sequence[Mapping[str, str | None]], threads: int) -> None:
    """Time the first parse of documents this process has not read, then a
    second: the rules' lazy automata build their states as they meet new
    text, so a corpus read once (a user's) parses slower than a repeated one.
    Run it before the repeated corpus, after the generated one."""
    texts = [d["text"] or "" for d in docs]
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    first = timed_once(lambda: ik.parse_many(texts, threads=threads))
    again = timed_once(lambda: ik.parse_many(texts, threads=threads))
    print(
        f"  first reading on {threads} thread(s): {megabytes:.2f} MB in {first:.2f} s, "
        f"{megabytes / first:.2f} MB/s; read again {megabytes / again:.2f} MB/s "
        f"({first / again:.1f}x the time the first time)"
    )


STREAM_CHILD = """
import sys, time
import incidentkit as ik
began = time.perf_counter()
ik.parse_corpus(sys.argv[1], out=sys.argv[2], progress=False)
seconds = time.perf_counter() - began
status = open("/proc/self/status").read().split("\\n")
peak = [line for line in status if line.startswith("VmHWM")][0].split()[1]
print(seconds, int(peak) / 1024)
"""


def bench_stream(size: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        began = time.perf_counter()
        count = generate.write(corpus, size, seed=11, kind="jsonl")
        megabytes = corpus.stat().st_size / 1e6
        print(
            f"parse_corpus: {count:,} documents, {megabytes:,.0f} MB of JSONL "
            f"(generated in {time.perf_counter() - began:.0f} s)"
        )
        out = Path(folder) / "incidents.parquet"
        result = subprocess.run(
            [sys.executable, "-c", STREAM_CHILD, str(corpus), str(out)],
            capture_output=True,
            text=True,
            check=True,
        )
        seconds, peak = (float(v) for v in result.stdout.split())
        print(
            f"  streamed to Parquet in {seconds:.1f} s ({megabytes / seconds:.2f} MB/s), "
            f"peak RSS {peak:.0f} MB"
        )


def bench_aggregate(rows: int) -> None:
    frame = aggregate_bench.synthetic_incidents(rows)
    aggregate_bench.timed(
        f"aggregate {rows:,} rows by district x month",
        lambda: ik.aggregate(frame, by=["district", "month"]),
        repeat=3,
    )


def bench_dateparser(
    docs: Sequence[Mapping[str, str | None]], label: str, budget_seconds: float = 30.0
) -> None:
    try:
        from dateparser.search import search_dates  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        print("dateparser: not installed (pip install dateparser) - skipped")
        return
    texts = [d["text"] or "" for d in docs]
    done = 0
    size = 0
    began = time.perf_counter()
    while done < len(texts) and time.perf_counter() - began < budget_seconds:
        search_dates(texts[done], languages=["en"])
        size += len(texts[done].encode())
        done += 1
    seconds = time.perf_counter() - began
    print(
        f"dateparser.search_dates on {label}: {done:,} documents, {size / 1e6:.2f} MB in "
        f"{seconds:.1f} s: {size / 1e6 / seconds:.4f} MB/s, {done / seconds:.1f} docs/s "
        "(dates only, 1 thread)"
    )
    published = [d["published"] for d in docs[:done]]
    ours = min(
        timed_once(lambda: ik.parse_many(texts[:done], published, threads=1)) for _ in range(3)
    )
    print(
        f"  ik.parse_many on the same documents, 1 thread, best of 3: {ours:.3f} s "
        f"({size / 1e6 / ours:.2f} MB/s, {seconds / ours:,.0f}x)"
    )


def timed_once(run: Callable[[], object]) -> float:
    began = time.perf_counter()
    run()
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="50MB", help="corpus for parse_many (default 50MB)")
    parser.add_argument("--stream-size", default="1GB", help="corpus for parse_corpus")
    parser.add_argument("--rows", type=int, default=10_000_000, help="rows for aggregate")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--repeats",
        type=int,
        default=3,
        help="parse_many runs per thread count; the best counts (default 3)",
    )
    parser.add_argument(
        "--real",
        type=Path,
        help="JSON Lines of real documents to benchmark too, repeated to --real-size",
    )
    parser.add_argument("--real-size", default="20MB", help="size of the repeated real corpus")
    parser.add_argument(
        "--threads", default="1,2", help="thread counts for parse_many (default 1,2)"
    )
    parser.add_argument("--skip-stream", action="store_true")
    parser.add_argument("--skip-aggregate", action="store_true")
    parser.add_argument("--skip-dateparser", action="store_true")
    args = parser.parse_args()

    print(f"incidentkit {ik.__version__}")
    docs = list(generate.documents(generate.parse_size(args.size), args.seed))
    print("generated corpus")
    thread_counts = [int(n) for n in args.threads.split(",")]
    generated_speed = bench_parse(docs, max(1, args.repeats), thread_counts)
    real_docs: list[dict[str, str | None]] = []
    if args.real is not None:
        with args.real.open(encoding="utf-8") as handle:
            real = [json.loads(line) for line in handle if line.strip()]
        print(f"real documents from {args.real} ({len(real)})")
        bench_first_reading(real, thread_counts[0])
        print("the same, repeated")
        real_docs = list(reference.replicate(real, generate.parse_size(args.real_size)))
        real_speed = bench_parse(real_docs, max(1, args.repeats), thread_counts)
        print(f"generated / real throughput: {generated_speed / real_speed:.2f}")
    if not args.skip_stream:
        bench_stream(generate.parse_size(args.stream_size))
    if not args.skip_aggregate:
        bench_aggregate(args.rows)
    if not args.skip_dateparser:
        bench_dateparser(docs, "the generated documents")
        if real_docs:
            bench_dateparser(real_docs, "the real documents")
    print(json.dumps({"peak_rss_mb": round(peak_rss_mb())}))


if __name__ == "__main__":
    main()
