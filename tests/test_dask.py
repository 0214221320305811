"""incidentkit.dask on a real cluster (2 worker processes on loopback): the
same incidents and aggregates as ``ik.parse_many`` and ``ik.aggregate`` in one
process, failures reported and never fatal, empty partitions, every corpus
format, the ``--dask`` command line and the argument errors."""

from __future__ import annotations

import datetime as dt
import glob
import json
import re
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import cloudpickle
import dask
import dask.dataframe as dd
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from distributed import Client, LocalCluster
from frames import day, frame, incident, random_frames
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

import incidentkit as ik
import incidentkit.dask as ikd
from incidentkit import _dask_corpus, _dask_tasks

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
sys.path.insert(0, str(ROOT / "benches"))
import generate  # noqa: E402

# Functions of this module sent to the workers (client.run) travel by value:
# the worker processes cannot import a test module.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

# The engine has no input known to make it fail (a panic is caught per
# document, and the known ones are fixed), so the failure tests replace
# _core.parse_series, in this process and on every worker, with one that fails
# the documents holding this marker, as test_parse_corpus does in one process.
MARKER = "[[engine-fails-here]]"
FAILURE_REASON = "internal error: the test made the engine fail"


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def documents() -> pl.DataFrame:
    """The example corpus and a small generated one: doc_id, published, text."""
    examples = ik.read_corpus(CORPUS)
    generated = pl.DataFrame(list(generate.documents(300_000, seed=3))).select(
        "doc_id", pl.col("published").str.to_date(), "text"
    )
    return pl.concat([examples, generated])


def as_dask(docs: pl.DataFrame, npartitions: int) -> dd.DataFrame:
    return dd.from_pandas(_dask_tasks.to_pandas(docs), npartitions=npartitions, sort=False)


def with_empty_partitions(docs: pl.DataFrame, npartitions: int) -> dd.DataFrame:
    """``docs`` in ``npartitions`` partitions, with an empty one first, in the middle and last."""
    empty = as_dask(docs.clear(), 1)
    half = docs.height // 2
    parts = [empty, as_dask(docs[:half], npartitions // 2), empty]
    parts += [as_dask(docs[half:], npartitions - npartitions // 2), empty]
    return dd.concat(parts)


def parse_many(docs: pl.DataFrame) -> pl.DataFrame:
    return ik.parse_many(
        docs["text"].to_list(), docs["published"].to_list(), docs["doc_id"].to_list()
    )


def assert_same_incidents(got: pl.DataFrame, expected: pl.DataFrame) -> None:
    # Corpus order, then also after a sort by incident id.
    assert_frame_equal(got, expected)
    assert_frame_equal(got.sort("incident_id"), expected.sort("incident_id"))


def warnings_when_done(caught: list[warnings.WarningMessage], count: int) -> list[str]:
    """The messages of the warnings caught, once ``count`` have arrived:
    distributed forwards them from the workers as events."""
    deadline = time.monotonic() + 10
    while len(caught) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return [str(w.message) for w in caught if issubclass(w.category, ik.CorpusWarning)]


@pytest.fixture(scope="module")
def expected(documents: pl.DataFrame) -> pl.DataFrame:
    return parse_many(documents)


@pytest.fixture(scope="module")
def incidents(client: Client, documents: pl.DataFrame) -> dd.DataFrame:
    """The documents parsed on the cluster, held in the workers' memory."""
    return client.persist(ikd.parse(with_empty_partitions(documents, 6)))


# -- parse -------------------------------------------------------------------


def test_parse_gives_the_rows_of_parse_many(
    incidents: dd.DataFrame, expected: pl.DataFrame
) -> None:
    assert expected.height > 300
    assert incidents.npartitions == 9
    assert_same_incidents(ikd.to_polars(incidents), expected)


def test_the_declared_meta_is_the_spec_schema(incidents: dd.DataFrame) -> None:
    assert ikd.to_polars(incidents._meta).schema == ik.SCHEMA
    assert list(incidents.columns) == ik.SCHEMA.names()
    assert list(incidents.dtypes) == list(incidents.partitions[0].compute().dtypes)


def test_every_partition_is_parsed_on_its_own(
    client: Client, documents: pl.DataFrame, expected: pl.DataFrame
) -> None:
    """One document per partition and all in one partition give the same rows."""
    few = documents[:40]
    alone = ikd.to_polars(ikd.parse(as_dask(few, 40), threads=1))
    together = ikd.to_polars(ikd.parse(as_dask(few, 1)))
    assert_same_incidents(alone, expected.filter(pl.col("doc_id").is_in(few["doc_id"])))
    assert_frame_equal(alone, together)


def test_only_empty_partitions_give_an_empty_frame_with_the_schema(client: Client) -> None:
    docs = dd.concat([as_dask(pl.DataFrame(schema=ik.io.CORPUS_SCHEMA), 1)] * 3)
    incidents = ikd.parse(docs)
    frame = ikd.to_polars(incidents)
    assert frame.height == 0 and frame.schema == ik.SCHEMA
    assert_frame_equal(
        ikd.aggregate(incidents, by=["district", "month"]),
        ik.aggregate(ik.parse_many([]), by=["district", "month"]),
    )


def test_published_as_strings_and_ids_as_integers(client: Client) -> None:
    texts = ["Two soldiers were martyred in Bannu yesterday.", "A blast in Quetta killed 3 people."]
    docs = dd.from_pandas(
        pd.DataFrame({"id": [7, 8], "day": ["2025-06-11T09:30", None], "body": texts}),
        npartitions=2,
    )
    got = ikd.to_polars(ikd.parse(docs, text_column="body", published_column="day", id_column="id"))
    assert_same_incidents(got, ik.parse_many(texts, ["2025-06-11", None], ["7", "8"]))


# -- failures ----------------------------------------------------------------


def _failing_engine() -> None:
    """Make _core.parse_series fail the documents holding MARKER (in the process it runs in)."""
    from incidentkit import _core

    real = getattr(_core.parse_series, "real", _core.parse_series)

    def parse_series(
        texts: pl.Series, published: pl.Series, ids: pl.Series, threads: int | None = None
    ) -> tuple[pl.DataFrame, list[tuple[str, str]]]:
        keep = ~texts.str.contains(MARKER, literal=True).fill_null(False)
        dates = published if published.len() == 1 else published.filter(keep)
        frame, failures = real(texts.filter(keep), dates, ids.filter(keep), threads)
        failed = [(doc_id, FAILURE_REASON) for doc_id in ids.filter(~keep).to_list()]
        return frame, failures + failed

    parse_series.real = real  # type: ignore[attr-defined]
    _core.parse_series = parse_series


def _real_engine() -> None:
    from incidentkit import _core

    _core.parse_series = getattr(_core.parse_series, "real", _core.parse_series)


@pytest.fixture
def failing_engine(client: Client) -> Iterator[None]:
    client.run(_failing_engine)
    _failing_engine()
    try:
        yield
    finally:
        _real_engine()
        client.run(_real_engine)


def test_failed_documents_are_reported_and_the_rest_parsed(
    failing_engine: None, documents: pl.DataFrame
) -> None:
    # The last document too, wherever the generated corpus ends.
    spoilt = [3, 40, 41, documents.height - 1]
    docs = documents.with_columns(
        pl.when(pl.int_range(pl.len()).is_in(spoilt))
        .then(pl.col("text") + MARKER)
        .otherwise("text")
        .alias("text")
    )
    failed_ids = docs["doc_id"].gather(spoilt).to_list()
    with pytest.warns(UserWarning, match="could not be parsed") as local:
        expected = parse_many(docs)
    assert len(local) == len(spoilt)

    parsed = ikd.parse_with_failures(with_empty_partitions(docs, 5))
    with pytest.warns(ik.CorpusWarning) as caught:
        incidents, failures = dask.compute(parsed.incidents, parsed.failures)
        messages = warnings_when_done(caught, len(spoilt))

    assert_same_incidents(ikd.to_polars(incidents), expected)
    assert not set(failed_ids) & set(expected["doc_id"])
    assert_frame_equal(
        ikd.to_polars(failures),
        pl.DataFrame({"doc_id": failed_ids, "reason": [FAILURE_REASON] * len(spoilt)}),
    )
    # Parsed once: one warning per failed document, as ik.parse_many gives.
    assert sorted(messages) == sorted(str(w.message) for w in local)
    assert messages[0].startswith("document '") and FAILURE_REASON in messages[0]


def test_rows_without_text_or_id_are_failures_not_errors(client: Client) -> None:
    docs = dd.from_pandas(
        pd.DataFrame(
            {
                "doc_id": ["a", "b", None],
                "text": ["Two soldiers were martyred in Bannu on Monday.", None, "A blast."],
                "published": [dt.date(2025, 3, 5), dt.date(2025, 3, 5), None],
            }
        ),
        npartitions=1,
    )
    parsed = ikd.parse_with_failures(docs)
    with pytest.warns(ik.CorpusWarning) as caught:
        incidents, failures = dask.compute(*parsed)
        messages = warnings_when_done(caught, 2)
    assert ikd.to_polars(incidents)["doc_id"].to_list() == ["a"]
    assert ikd.to_polars(failures).rows() == [
        ("b", "no text"),
        (None, "no doc_id (partition 0, row 2)"),
    ]
    assert sorted(messages) == [
        "document 'b' could not be parsed: no text",
        "document None could not be parsed: no doc_id (partition 0, row 2)",
    ]


def test_a_date_that_is_not_one_is_left_empty_with_a_warning(client: Client) -> None:
    docs = dd.from_pandas(
        pd.DataFrame(
            {"doc_id": ["a"], "published": ["last Tuesday"], "text": ["A blast in Quetta."]}
        ),
        npartitions=1,
    )
    with pytest.warns(ik.CorpusWarning) as caught:
        frame = ikd.to_polars(ikd.parse(docs))
        messages = warnings_when_done(caught, 1)
    assert frame["published"].to_list() == [None]
    assert messages == [
        "partition 0 (doc_id 'a'): published 'last Tuesday' is not an ISO date; left empty"
    ]


# -- aggregate -----------------------------------------------------------------

AGGREGATIONS = [
    pytest.param({"by": "district"}, id="district"),
    pytest.param({"by": ["district", "month"]}, id="district-month"),
    pytest.param({"by": "nationality"}, id="nationality"),
    pytest.param({"by": ["province", "militant_group", "event_type"]}, id="three-keys"),
    pytest.param({"by": ["week", "country"]}, id="week-country"),
    pytest.param({"by": None}, id="totals"),
    pytest.param({"by": "year", "start": "2024-01-01", "end": "2024-12-31"}, id="window"),
    pytest.param(
        {"by": "quarter", "start": dt.date(2024, 3, 1), "end": "2025-02-28", "date_rule": "within"},
        id="window-within",
    ),
    pytest.param({"by": "day", "start": "2031-01-01"}, id="empty-window"),
]


@pytest.mark.parametrize("arguments", AGGREGATIONS)
def test_aggregate_equals_ik_aggregate(
    incidents: dd.DataFrame, expected: pl.DataFrame, arguments: dict[str, Any]
) -> None:
    got = ikd.aggregate(incidents, split_every=3, **arguments)
    want = ik.aggregate(expected, **arguments)
    assert_frame_equal(got, want)
    if arguments.get("start") != "2031-01-01":
        assert want.height >= 1


@settings(max_examples=50, deadline=None)
@given(
    incidents=random_frames(),
    cuts=st.lists(st.integers(0, 40), max_size=5),
    by=st.sampled_from(
        [[], ["district"], ["nationality"], ["month", "district"], ["event_type", "week"]]
    ),
    window=st.sampled_from([(None, None), ("2024-06-01", "2024-12-31")]),
)
def test_summed_partials_are_the_aggregate_of_the_whole(
    incidents: pl.DataFrame,
    cuts: list[int],
    by: list[str],
    window: tuple[str | None, str | None],
) -> None:
    """Any split of the rows, partials added up in two rounds: ik.aggregate's result."""
    bounds = sorted({0, incidents.height, *(c for c in cuts if c <= incidents.height)})
    parts = [incidents[a:b] for a, b in zip(bounds, bounds[1:])] or [incidents]
    start, end = window
    arguments = _dask_tasks.AggregateArguments(
        by,
        None if start is None else (dt.date.fromisoformat(start) - dt.date(1970, 1, 1)).days,
        None if end is None else (dt.date.fromisoformat(end) - dt.date(1970, 1, 1)).days,
        "overlap",
    )
    partials = [_dask_tasks.partial_aggregate(_dask_tasks.to_pandas(p), arguments) for p in parts]
    first_round = [
        _dask_tasks.combine_partials(partials[i : i + 2], by) for i in range(0, len(partials), 2)
    ]
    template = _dask_tasks.partial_aggregate(_dask_tasks.to_pandas(incidents.clear()), arguments)
    got = _dask_tasks.finish_aggregate(_dask_tasks.combine_partials(first_round, by), template)
    assert_frame_equal(got, ik.aggregate(incidents, by=by, start=start, end=end))


def test_partials_count_the_mentions_asked_for() -> None:
    incidents = frame(
        [incident(i, district="Bannu", date_start=day("2025-03-02")) for i in range(3)]
    )
    mention = pl.Series("mention", ["report", "background", "report"])
    incidents = incidents.with_columns(mention.cast(incidents.schema["mention"]))
    counts = {}
    for kind in (None, "report", "background"):
        arguments = _dask_tasks.AggregateArguments(["district"], None, None, "overlap", kind)
        partial = _dask_tasks.partial_aggregate(_dask_tasks.to_pandas(incidents), arguments)
        counts[kind] = partial["incidents"].to_list()
    assert counts == {None: [3], "report": [2], "background": [1]}


def test_aggregate_groups_null_keys_and_sorts_them_last(
    incidents: dd.DataFrame, expected: pl.DataFrame
) -> None:
    got = ikd.aggregate(incidents, by=["district", "militant_group"])
    assert got["district"].null_count() > 0 and got["militant_group"].null_count() > 0
    assert got["district"][-1] is None
    assert_frame_equal(got, ik.aggregate(expected, by=["district", "militant_group"]))


# -- read_corpus -----------------------------------------------------------------


# Where the JSON Lines corpus has lines that cannot be read.
@pytest.fixture(scope="module")
def broken_line(documents: pl.DataFrame) -> int:
    """Where the JSON Lines file has its broken lines: near the end."""
    return documents.height - 20


@pytest.fixture(scope="module")
def corpus_files(
    tmp_path_factory: pytest.TempPathFactory, documents: pl.DataFrame, broken_line: int
) -> Path:
    """The documents as JSON Lines, CSV and Parquet (without ids, so that the ids
    come from the row numbers) and as a folder of .txt files."""
    folder = tmp_path_factory.mktemp("corpus")
    docs = documents.select("published", "text")
    lines = [json.dumps(row, default=str) for row in docs.iter_rows(named=True)]
    # Lines the reader warns about, near the end: a worker reading the last
    # piece must count the lines before it to name them.
    lines[broken_line - 1 : broken_line - 1] = [
        "{not json",
        json.dumps({"text": ""}),
        "",
        json.dumps([1, 2]),
    ]
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs.write_csv(folder / "news.csv")
    docs.write_parquet(folder / "news.parquet", row_group_size=50)
    texts = folder / "texts" / "2025"
    texts.mkdir(parents=True)
    for doc_id, published, text in documents[:60].iter_rows():
        (texts / f"{doc_id}.txt").write_text(f" date {published} \n{text}", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("pattern", "blocksize"),
    [
        ("news.jsonl", 50_000),
        ("news.csv", 50_000),
        ("news.parquet", 50_000),
        ("texts", 20_000),
        ("news.*", 100_000),
    ],
)
def test_read_corpus_reads_what_ik_read_corpus_reads(
    client: Client, corpus_files: Path, pattern: str, blocksize: int, broken_line: int
) -> None:
    matches = sorted(glob.glob(str(corpus_files / pattern)))
    with warnings.catch_warnings(record=True) as local:
        warnings.simplefilter("always")
        expected = ik.read_corpus(matches)
    docs = ikd.read_corpus(str(corpus_files / pattern), blocksize=blocksize)
    assert docs.npartitions > 2
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = ikd.to_polars(docs)
        messages = warnings_when_done(caught, len(local))
    assert_frame_equal(got, expected)
    # The same warnings, naming the same lines, though workers read the file in pieces.
    assert sorted(messages) == sorted(str(w.message) for w in local)
    if pattern == "news.jsonl":
        assert len(messages) == 3
        assert f"news.jsonl, line {broken_line}: malformed JSON" in " ".join(messages)


def test_read_corpus_glob_of_text_files_names_them_below_the_fixed_folder(
    client: Client, corpus_files: Path
) -> None:
    docs = ikd.to_polars(ikd.read_corpus(str(corpus_files / "texts" / "**" / "*.txt")))
    assert_frame_equal(docs, ik.read_corpus(corpus_files / "texts"))
    assert docs["doc_id"][0].startswith("2025/")


def test_parse_of_read_corpus_equals_parse_corpus(client: Client, corpus_files: Path) -> None:
    path = corpus_files / "news.parquet"
    got = ikd.to_polars(ikd.parse(ikd.read_corpus(path, blocksize=40_000)))
    assert_same_incidents(got, ik.parse_corpus(path, progress=False))


def test_a_jsonl_range_owns_the_lines_that_start_in_it(tmp_path: Path) -> None:
    """Cut anywhere, the ranges of a file share out its lines exactly once."""
    path = tmp_path / "d.jsonl"
    path.write_text(
        "".join(json.dumps({"text": f"line {i} " + "x" * (i % 7)}) + "\n" for i in range(40))
    )
    expected = ik.read_corpus(path)
    columns = ik.io._Columns("text", "published", "doc_id")
    for blocksize in (1, 17, 33, 100, 10_000):
        pieces = _dask_corpus.plan(path, columns, blocksize, "path")
        frames = [ikd.to_polars(_dask_corpus.read_piece(piece, columns)) for piece in pieces]
        assert_frame_equal(pl.concat(frames), expected)


# -- command line -----------------------------------------------------------------


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "incidentkit", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


# dd.read_parquet itself calls reset_index(inplace=True), which pandas 3.1 deprecates.
@pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index")
def test_cli_parse_on_a_local_cluster_writes_a_parquet_dataset(tmp_path: Path) -> None:
    out = tmp_path / "incidents"
    result = run_cli("parse", CORPUS, "--dask", "local:2", "--out", out)
    assert result.returncode == 0, result.stderr
    parts = sorted(out.glob("part-*.parquet"))
    assert len(parts) >= 1
    expected = parse_many(ik.read_corpus(CORPUS))
    assert_frame_equal(pl.read_parquet(parts), expected)
    assert result.stderr.strip().splitlines()[-1].startswith("incidentkit: 32 documents, ")
    # The dataset read back by Dask aggregates as the frame does.
    dataset = dd.read_parquet(out, dtype_backend="pyarrow")
    assert_frame_equal(
        ikd.aggregate(dataset, by=["district", "month"]),
        ik.aggregate(expected, by=["district", "month"]),
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--dask", "locl:2"], "argument --dask: expected local, local:N"),
        (["--dask", "local:0"], "argument --dask: expected local, local:N"),
        (["--dask", "tcp://scheduler"], "scheduler address such as tcp://10.0.0.5:8786"),
        (["--dask", "10.0.0.5:8786"], "scheduler address such as tcp://10.0.0.5:8786"),
    ],
)
def test_cli_dask_usage_errors(tmp_path: Path, arguments: list[str], message: str) -> None:
    result = run_cli("parse", CORPUS, "-o", tmp_path / "out", *arguments)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr


def test_cli_dask_refuses_a_folder_that_holds_files(tmp_path: Path) -> None:
    (tmp_path / "old.parquet").write_bytes(b"")
    result = run_cli("parse", CORPUS, "-o", tmp_path, "--dask", "local:1")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"incidentkit: error: -o {tmp_path}: with --dask, expected a new or empty folder "
        "for the part files"
    )


# -- errors ---------------------------------------------------------------------------


def _docs() -> dd.DataFrame:
    return dd.from_pandas(pd.DataFrame({"doc_id": ["a"], "text": ["x"]}), npartitions=1)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: ikd.parse(pd.DataFrame()), TypeError, "docs: expected a Dask DataFrame"),
        (
            lambda: ikd.parse(_docs(), text_column="body"),
            ValueError,
            "text_column: the Dask DataFrame has no column 'body'; its columns are: 'doc_id', 'text'",
        ),
        (lambda: ikd.parse(_docs(), id_column="url"), ValueError, "id_column: .* no column 'url'"),
        (lambda: ikd.parse(_docs(), published_column="day"), ValueError, "published_column: "),
        (lambda: ikd.parse(_docs(), text_column=3), TypeError, "text_column: expected a column"),
        (
            lambda: ikd.parse(_docs().assign(published=1)),
            ValueError,
            "published_column: column 'published' of the Dask DataFrame holds Int64; expected dates",
        ),
        (lambda: ikd.parse(_docs(), threads=0), ValueError, "threads: expected a positive"),
        (lambda: ikd.aggregate(_docs()), ValueError, "incidents"),
        (lambda: ikd.aggregate(pl.DataFrame()), TypeError, "incidents: expected a Dask"),
        (lambda: ikd.read_corpus("no/such/dir"), ValueError, "path_or_glob: 'no/such/dir' does"),
        (lambda: ikd.read_corpus("no/such/*.jsonl"), ValueError, "matches no file"),
        (lambda: ikd.read_corpus(CORPUS, blocksize="big"), ValueError, "blocksize: expected"),
        (lambda: ikd.read_corpus(CORPUS, blocksize=0), ValueError, "blocksize: expected"),
        (lambda: ikd.read_corpus(42), TypeError, "path_or_glob: expected a path"),
    ],
)
def test_wrong_arguments_name_the_argument(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize(
    "arguments",
    [
        {"by": "town"},
        {"by": ["district", 3]},
        {"start": "2025-02-30"},
        {"date_rule": "inside"},
        {"start": "2025-03-01", "end": "2025-01-01"},
        {"mention": "news"},
        {"mention": 1},
    ],
)
def test_aggregate_errors_are_those_of_ik_aggregate(
    incidents: dd.DataFrame, expected: pl.DataFrame, arguments: dict[str, Any]
) -> None:
    with pytest.raises((TypeError, ValueError)) as wanted:
        ik.aggregate(expected, **arguments)
    with pytest.raises(wanted.type, match=f"^{re.escape(str(wanted.value))}$"):
        ikd.aggregate(incidents, **arguments)


def test_read_corpus_column_errors_come_before_any_work(corpus_files: Path) -> None:
    with pytest.raises(ValueError, match=r"text_column: .*news\.csv has no column 'body'"):
        ikd.read_corpus(corpus_files / "news.csv", text_column="body")


def test_without_dask_incidentkit_imports_and_the_extra_is_named() -> None:
    script = (
        "import sys\n"
        "sys.modules['dask'] = None\n"
        "sys.modules['distributed'] = None\n"
        "import incidentkit\n"
        "try:\n"
        "    import incidentkit.dask\n"
        "except ImportError as error:\n"
        "    print(error)\n"
        "from incidentkit.cli import main\n"
        "sys.exit(main(['parse', 'examples/corpus', '-o', 'x', '--dask', 'local']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.stdout.strip() == "incidentkit.dask needs Dask: pip install 'incidentkit[dask]'"
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "incidentkit: error: --dask needs Dask: pip install 'incidentkit[dask]'"
    )


# -- the README's Spark sketch ------------------------------------------------------


def test_the_readme_spark_function_yields_the_spec_rows_in_spark_types() -> None:
    """Everything of the README's mapInArrow job but Spark itself."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("### On Spark", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    namespace: dict[str, Any] = {}
    exec(block.split("docs = spark.read", 1)[0], namespace)  # the README code, up to Spark

    docs = ik.read_corpus(CORPUS)
    batches = docs.to_arrow().to_batches(max_chunksize=10)
    out = pa.Table.from_batches(list(namespace["parse_batches"](iter(batches))))

    ddl = re.split(r",\s*(?![^<]*>)", namespace["SPARK_SCHEMA"])
    assert [column.split()[0].strip("`") for column in ddl] == ik.SCHEMA.names()
    assert not any(
        pa.types.is_large_string(t) or pa.types.is_large_list(t) or pa.types.is_unsigned_integer(t)
        for t in out.schema.types
    )
    assert_frame_equal(
        pl.from_arrow(out).cast(ik.SCHEMA),
        parse_many(docs),
    )
