"""ik.parse_corpus: batches, output files, progress, and failures reported."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import warnings
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import incidentkit as ik
from incidentkit import _corpus

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"


@pytest.fixture(scope="module")
def expected() -> pl.DataFrame:
    """The example corpus parsed in one call."""
    corpus = ik.read_corpus(CORPUS)
    return ik.parse_many(
        corpus["text"].to_list(), corpus["published"].to_list(), corpus["doc_id"].to_list()
    )


@pytest.mark.parametrize("batch_size", [1, 7, 1000])
def test_frame_equals_parse_many_whatever_the_batch_size(
    expected: pl.DataFrame, batch_size: int
) -> None:
    found = ik.parse_corpus(CORPUS, batch_size=batch_size, progress=False)
    assert_frame_equal(found, expected)


def test_one_thread_gives_the_same_rows(expected: pl.DataFrame) -> None:
    assert_frame_equal(ik.parse_corpus(CORPUS, threads=1, progress=False), expected)


def test_parquet_output_reads_back_with_the_spec_schema(
    tmp_path: Path, expected: pl.DataFrame
) -> None:
    out = tmp_path / "incidents.parquet"
    assert ik.parse_corpus(CORPUS, out=out, batch_size=5, progress=False) is None
    back = pl.read_parquet(out)
    assert back.schema == ik.SCHEMA  # Enum and List(Struct) columns included
    assert_frame_equal(back, expected)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["incidents.parquet"]  # no scratch left


def test_jsonl_output_has_one_object_per_incident(tmp_path: Path, expected: pl.DataFrame) -> None:
    out = tmp_path / "incidents.jsonl"
    ik.parse_corpus(CORPUS, out=out, batch_size=4, progress=False)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == expected.height
    first = json.loads(lines[0])
    assert list(first) == expected.columns
    assert_frame_equal(pl.read_ndjson(out, schema=ik.SCHEMA), expected)


def test_csv_output_flattens_nationalities(tmp_path: Path, expected: pl.DataFrame) -> None:
    out = tmp_path / "incidents.csv"
    ik.parse_corpus(CORPUS, out=out, batch_size=4, progress=False)
    back = pl.read_csv(out, infer_schema=False)
    assert back.columns == expected.columns
    assert back.height == expected.height
    with_nationality = expected.filter(pl.col("militant_nationalities").list.len() > 0)
    assert with_nationality.height > 0
    flat = back.filter(pl.col("incident_id").is_in(with_nationality["incident_id"].to_list()))
    for (value,), (items,) in zip(
        flat.select("militant_nationalities").rows(),
        with_nationality.select("militant_nationalities").rows(),
    ):
        parts = [
            f"{i['nationality']}: {i['count']}" if i["count"] is not None else i["nationality"]
            for i in items
        ]
        assert value == "; ".join(parts)
    assert back["killed_total"].cast(pl.UInt32).to_list() == expected["killed_total"].to_list()


def test_empty_corpus_writes_the_schema(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "calm.txt").write_text("The weather in Quetta was mild.", encoding="utf-8")
    out = tmp_path / "none.parquet"
    ik.parse_corpus(tmp_path / "docs", out=out, progress=False)
    back = pl.read_parquet(out)
    assert back.height == 0
    assert back.schema == ik.SCHEMA
    csv = tmp_path / "none.csv"
    ik.parse_corpus(tmp_path / "docs", out=csv, progress=False)
    assert csv.read_text(encoding="utf-8").splitlines() == [",".join(ik.SCHEMA.names())]


def test_unreadable_documents_are_warnings_and_the_rest_is_parsed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(CORPUS, docs)
    (docs / "broken.txt").write_bytes(b"caf\xe9 \xff not text")
    with pytest.warns(ik.CorpusWarning, match=r"broken\.txt: not UTF-8"):
        found = ik.parse_corpus(docs, progress=False)
    assert "broken.txt" not in found["doc_id"].to_list()
    assert found["doc_id"].n_unique() > 20


def test_engine_failures_are_reported_as_warnings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The engine reports documents whose parse failed next to the incidents
    # of the others; parse_corpus must pass each one on as a warning.
    real = _corpus._core.parse_series

    def failing(
        texts: pl.Series, published: pl.Series, ids: pl.Series, threads: int | None
    ) -> object:
        frame, _ = real(texts, published, ids, threads)
        return frame, [(ids[0], "internal error: something broke")]

    monkeypatch.setattr(_corpus._core, "parse_series", failing)
    source = tmp_path / "d.jsonl"
    document = {"doc_id": "d1", "published": "2025-03-05", "text": "Two soldiers were martyred."}
    source.write_text(json.dumps(document) + "\n", encoding="utf-8")
    with pytest.warns(
        ik.CorpusWarning, match="document 'd1' could not be parsed: internal error: something broke"
    ):
        summary = _corpus.run(source, progress=False)
    assert summary.failures == 1
    assert summary.documents == 1


def test_a_wrong_column_midway_leaves_no_output(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    document = {"published": "2025-03-05", "text": "A blast hit Quetta on Monday."}
    good.write_text(json.dumps(document) + "\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("body\nNo text column here.\n", encoding="utf-8")
    out = tmp_path / "out.parquet"
    with pytest.raises(
        ValueError, match=r"text_column: .*bad\.csv has no column 'text'; its columns are: 'body'"
    ):
        ik.parse_corpus([good, bad], out=out, batch_size=1, progress=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "good.jsonl"]


def test_forced_progress_reports_counts_and_rates(capsys: pytest.CaptureFixture[str]) -> None:
    ik.parse_corpus(CORPUS, progress="always", batch_size=8)
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]
    assert last.startswith("32 docs, ")
    for unit in ("incidents", " MB |", "docs/s", "MB/s"):
        assert unit in last


def test_default_progress_is_silent_when_stderr_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ik.parse_corpus(CORPUS, batch_size=8)
    assert capsys.readouterr().err == ""


def test_progress_line_on_a_terminal_keeps_warnings_apart(tmp_path: Path) -> None:
    from incidentkit._progress import Progress

    class Terminal:
        def __init__(self) -> None:
            self.written: list[str] = []

        def write(self, text: str) -> int:
            self.written.append(text)
            return len(text)

        def flush(self) -> None:
            pass

        def isatty(self) -> bool:
            return True

    screen = Terminal()
    meter = Progress(True, screen)  # type: ignore[arg-type]
    meter.update(10, 2_000_000, 3)
    assert screen.written[-1].startswith("\r\x1b[K10 docs, 3 incidents | 2.00 MB |")
    meter.update(5, 20_000_000, 0)
    assert meter.line().startswith("15 docs, 3 incidents | 22.0 MB |")
    meter.close()
    assert screen.written[-1] == "\n"


@pytest.mark.parametrize(
    ("kwargs", "error", "pattern"),
    [
        (
            {"out": "incidents.xlsx"},
            ValueError,
            r"out: 'incidents\.xlsx': expected a file name ending in \.parquet, \.csv or \.jsonl",
        ),
        (
            {"out": "no/such/folder/x.parquet"},
            ValueError,
            r"out: the folder 'no/such/folder' does not exist",
        ),
        ({"out": 5}, TypeError, r"out: expected a file path or None, got int"),
        ({"batch_size": 0}, ValueError, r"batch_size: expected a positive integer, got 0"),
        ({"threads": 0}, ValueError, r"threads: expected a positive integer or None, got 0"),
        (
            {"progress": "sometimes"},
            ValueError,
            r"progress: expected True, False or 'always', got 'sometimes'",
        ),
    ],
)
def test_wrong_arguments(kwargs: dict[str, object], error: type[Exception], pattern: str) -> None:
    with pytest.raises(error, match=pattern):
        ik.parse_corpus(CORPUS, **kwargs)  # type: ignore[call-overload]


def test_published_dates_reach_the_parser(tmp_path: Path) -> None:
    source = tmp_path / "d.csv"
    pl.DataFrame(
        {
            "doc_id": ["x"],
            "published": ["2025-06-11"],
            "text": ["Three policemen were martyred in Bannu yesterday."],
        }
    ).write_csv(source)
    found = ik.parse_corpus(source, progress=False)
    assert found.select("published", "date_start").rows() == [
        (dt.date(2025, 6, 11), dt.date(2025, 6, 10))
    ]


# -- documents without a publication date ----------------------------------------

UNDATED = "Two soldiers were martyred in Bannu yesterday.\n"
DATED_IN_TEXT = "Security forces killed four khwarij in Tank on 3 May 2025.\n"


@pytest.fixture
def undated_folder(tmp_path: Path) -> Path:
    (tmp_path / "a_undated.txt").write_text(UNDATED, encoding="utf-8")
    (tmp_path / "b_dated_in_text.txt").write_text(DATED_IN_TEXT, encoding="utf-8")
    (tmp_path / "c_header.txt").write_text(" date 2025-06-11 \n" + UNDATED, encoding="utf-8")
    return tmp_path


def test_documents_whose_incidents_lose_their_dates_are_warnings(undated_folder: Path) -> None:
    with pytest.warns(ik.CorpusWarning) as record:
        summary = _corpus.run(undated_folder, progress=False)
    found = [str(w.message) for w in record]
    # One per document that loses dates; b states none but dates its incident itself.
    assert found == [
        "document 'a_undated.txt' has no publication date, given or stated in its text: 1 of "
        "its incidents have no date (relative dates such as 'yesterday' or 'on Monday' cannot "
        "be resolved) and drop out of every date window; give the date with published= "
        "(--published)"
    ]
    assert (summary.counts.files, summary.counts.read, summary.counts.skipped) == (3, 3, 0)
    assert summary.counts.undated == 2
    assert summary.undated == 1
    assert summary.frame is not None
    undated = summary.frame.filter(pl.col("date_start").is_null())
    assert undated["doc_id"].to_list() == ["a_undated.txt"]


def test_a_fallback_date_dates_them(undated_folder: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = ik.parse_corpus(undated_folder, progress=False, published=dt.date(2025, 6, 11))
    assert found.select("doc_id", "published", "date_start").rows() == [
        ("a_undated.txt", dt.date(2025, 6, 11), dt.date(2025, 6, 10)),
        ("b_dated_in_text.txt", dt.date(2025, 6, 11), dt.date(2025, 5, 3)),
        ("c_header.txt", dt.date(2025, 6, 11), dt.date(2025, 6, 10)),
    ]


def test_encoding_and_errors_reach_the_reader(tmp_path: Path) -> None:
    text = (
        " date 2025-06-11 \nTwo policemen were martyred near a caf\u00e9 in Peshawar yesterday.\n"
    )
    (tmp_path / "d.txt").write_bytes(text.encode("cp1252"))
    found = ik.parse_corpus(tmp_path, progress=False, encoding="cp1252")
    assert found.select("district", "killed_security").rows() == [("Peshawar", 2)]
    with pytest.warns(ik.CorpusWarning, match="replaced by U\\+FFFD"):
        found = ik.parse_corpus(tmp_path, progress=False, errors="replace")
    assert found["district"].to_list() == ["Peshawar"]
