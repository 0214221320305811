"""The command line, run as `python -m incidentkit` in a subprocess: outputs,
exit codes (0 done, 1 failure, 2 usage error) and one-line errors."""

from __future__ import annotations

import datetime as dt
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import incidentkit as ik
from incidentkit import cli

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "incidentkit", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        check=False,
    )


def assert_one_line_error(
    result: subprocess.CompletedProcess[str], code: int, pattern: str
) -> None:
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert re.match(r"incidentkit( \w+)?: error: ", lines[0]), lines[0]
    assert pattern in lines[0], lines[0]
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def expected() -> pl.DataFrame:
    corpus = ik.read_corpus(CORPUS)
    return ik.parse_many(
        corpus["text"].to_list(), corpus["published"].to_list(), corpus["doc_id"].to_list()
    )


def test_help_lists_commands_with_examples() -> None:
    result = run("--help")
    assert result.returncode == 0
    for text in ("parse", "aggregate", "report", "incidentkit parse reports/ -o incidents.parquet"):
        assert text in result.stdout


def test_parse_help_explains_arguments_and_gives_an_example() -> None:
    result = run("parse", "--help")
    assert result.returncode == 0
    for text in ("-o FILE", "--text-column", "--batch-size", "--progress", ".csv", "examples:"):
        assert text in result.stdout, text


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"incidentkit {ik.__version__}"


def test_parse_to_parquet(tmp_path: Path, expected: pl.DataFrame) -> None:
    out = tmp_path / "incidents.parquet"
    result = run("parse", CORPUS, "-o", out)
    assert result.returncode == 0, result.stderr
    assert_frame_equal(pl.read_parquet(out), expected)
    # Not a terminal: no progress line, only the summary.
    assert result.stderr.startswith(
        "incidentkit: 32 files found, 32 read, 0 skipped; 32 documents (3 without a "
        f"publication date), {expected.height} incidents -> {out}"
    )
    assert result.stdout == ""


def test_parse_to_csv_and_jsonl(tmp_path: Path, expected: pl.DataFrame) -> None:
    csv, jsonl = tmp_path / "i.csv", tmp_path / "i.jsonl"
    assert run("parse", CORPUS, "-o", csv).returncode == 0
    assert (
        run("parse", CORPUS, "--output", jsonl, "--batch-size", "3", "--threads", "1").returncode
        == 0
    )
    flat = pl.read_csv(csv, infer_schema=False)
    assert flat.height == expected.height
    assert flat.schema["militant_nationalities"] == pl.String
    assert "Afghan" in " ".join(flat["militant_nationalities"].drop_nulls().to_list())
    assert_frame_equal(pl.read_ndjson(jsonl, schema=ik.SCHEMA), expected)
    # What `aggregate` reads: every format gives back the same frame.
    for path in (csv, jsonl):
        assert_frame_equal(cli.read_incidents(path), expected)


def test_parse_several_paths_with_columns(tmp_path: Path) -> None:
    table = tmp_path / "docs.csv"
    pl.DataFrame(
        {
            "key": ["k1"],
            "day": ["2025-06-11"],
            "body": ["Three policemen were martyred in Bannu yesterday."],
        }
    ).write_csv(table)
    out = tmp_path / "out.parquet"
    result = run(
        "parse", table, CORPUS / "001_ispr_north_waziristan.txt", "-o", out,
        "--text-column", "body", "--published-column", "day", "--id-column", "key",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    found = pl.read_parquet(out)
    assert found["doc_id"].unique(maintain_order=True).to_list() == [
        "k1",
        "001_ispr_north_waziristan.txt",
    ]


def test_forced_progress_goes_to_stderr(tmp_path: Path) -> None:
    result = run("parse", CORPUS, "-o", tmp_path / "i.parquet", "--progress", "always")
    assert result.returncode == 0
    lines = result.stderr.strip().splitlines()
    assert any("docs/s" in line and "MB/s" in line for line in lines), lines


@pytest.mark.skipif(sys.platform != "linux", reason="uses a pseudo-terminal")
def test_progress_line_on_a_terminal_with_warnings_above_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(CORPUS, docs)
    (docs / "zz_broken.txt").write_bytes(b"\xe9\xff not text")
    main, terminal = pty.openpty()
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "incidentkit",
                "parse",
                str(docs),
                "-o",
                str(tmp_path / "i.csv"),
            ],
            stdout=subprocess.PIPE,
            stderr=terminal,
            timeout=300,
            check=False,
        )
    finally:
        os.close(terminal)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # the terminal side is closed: all read
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    screen = b"".join(chunks).decode("utf-8")
    assert result.returncode == 0, screen
    assert "\r\x1b[K" in screen  # the line is redrawn in place
    # The warning gets a line of its own: the progress line is cleared first.
    warning = next(line for line in screen.split("\r\n") if "zz_broken.txt" in line)
    assert warning.endswith(
        "zz_broken.txt: not UTF-8 text (invalid byte at offset 0); "
        "skipped (give its encoding with encoding=, or errors='replace')"
    )
    assert warning.split("\x1b[K")[-1].startswith("incidentkit: warning: ")
    final = screen.split("\r\n")[-3].split("\x1b[K")[-1]
    assert final.startswith("32 docs, ") and "docs/s" in final and "MB/s" in final, screen
    assert screen.split("\r\n")[-2].startswith("incidentkit: 33 files found, 32 read, 1 skipped")


def test_broken_inputs_are_warnings_and_exit_zero(tmp_path: Path) -> None:
    source = tmp_path / "feed.jsonl"
    source.write_text(
        '{"doc_id": "a", "published": "2025-03-05", "text": "Two soldiers were martyred in Bannu."}'
        '\n{not json}\n{"doc_id": "b"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "i.parquet"
    result = run("parse", source, "-o", out)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("incidentkit: warning: ") and "line 2: malformed JSON" in lines[0]
    assert (
        lines[1].startswith("incidentkit: warning: ") and "line 3 (doc_id 'b'): no text" in lines[1]
    )
    assert lines[2].startswith("incidentkit: 1 files found, 1 read, 0 skipped; 1 documents")
    assert pl.read_parquet(out)["doc_id"].to_list() == ["a"]


@pytest.mark.parametrize(
    ("args", "pattern"),
    [
        ((), "the following arguments are required: COMMAND"),
        (("parse", str(CORPUS)), "the following arguments are required: -o/--output"),
        (
            ("parse", str(CORPUS), "-o", "x.parquet", "--batch-size", "0"),
            "expected a positive integer, got '0'",
        ),
        (("parse", str(CORPUS), "-o", "x.parquet", "--progress", "loud"), "invalid choice: 'loud'"),
        (("frobnicate",), "invalid choice: 'frobnicate'"),
        (("parse", "no/such/dir", "-o", "x.parquet"), "path: 'no/such/dir' does not exist"),
        (
            ("parse", str(CORPUS), "-o", "x.xlsx"),
            "expected a file name ending in .parquet, .csv or .jsonl",
        ),
        (("parse", str(CORPUS), "-o", "x.parquet", "--text-column", "body"), "no column 'body'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    tmp_path: Path, args: tuple[str, ...], pattern: str
) -> None:
    if args and args[-1] == "body":
        table = tmp_path / "t.csv"
        table.write_text("text\nSome text.\n", encoding="utf-8")
        args = ("parse", str(table), *args[2:])
    result = run(*args, cwd=tmp_path)
    assert_one_line_error(result, 2, pattern)
    assert not (tmp_path / "x.parquet").exists()


def test_no_command_exits_2_with_a_hint() -> None:
    result = run()
    assert result.returncode == 2
    assert "see 'incidentkit --help'" in result.stderr


def test_failures_exit_1_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A failure that is no usage error (here the writer fails): exit 1, one line.
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli, "run", broken)
    code = cli.main(["parse", str(CORPUS), "-o", "x.parquet"])
    assert code == 1
    err = capsys.readouterr().err
    assert err == "incidentkit: error: [Errno 28] No space left on device\n"


def test_console_script() -> None:
    script = Path(sys.executable).parent / "incidentkit"
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.strip() == f"incidentkit {ik.__version__}"


@pytest.fixture(scope="module")
def incidents_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "incidents.parquet"
    result = run("parse", CORPUS, "-o", out, "--progress", "never")
    assert result.returncode == 0, result.stderr
    return out


def test_aggregate_prints_the_same_numbers_as_ik_aggregate(
    incidents_file: Path, expected: pl.DataFrame
) -> None:
    result = run(
        "aggregate", incidents_file, "--by", "province", "--by", "month", "--format", "csv"
    )
    assert result.returncode == 0, result.stderr
    printed = pl.read_csv(result.stdout.encode(), try_parse_dates=True)
    reference = ik.aggregate(expected, by=["province", "month"])
    assert printed["incidents"].to_list() == reference["incidents"].to_list()
    assert printed["killed_total"].to_list() == reference["killed_total"].to_list()
    assert printed["province"].to_list() == reference["province"].to_list()


def test_aggregate_window_and_json(incidents_file: Path, expected: pl.DataFrame) -> None:
    result = run(
        "aggregate",
        incidents_file,
        "--by",
        "district",
        "--from",
        "2025-01-01",
        "--to",
        "2025-06-30",
        "--date-rule",
        "start",
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    printed = pl.read_json(result.stdout.encode())
    reference = ik.aggregate(
        expected, by="district", start="2025-01-01", end="2025-06-30", date_rule="start"
    )
    assert printed["incidents"].sum() == reference["incidents"].sum()
    assert printed.height == reference.height


def test_aggregate_table_and_file_output(incidents_file: Path, tmp_path: Path) -> None:
    table = run("aggregate", incidents_file, "--by", "nationality")
    assert table.returncode == 0, table.stderr
    assert "nationality" in table.stdout and "Afghan" in table.stdout
    out = tmp_path / "by_group.csv"
    written = run("aggregate", incidents_file, "--by", "militant_group", "-o", out)
    assert written.returncode == 0, written.stderr
    assert "militant_group" in pl.read_csv(out).columns


def test_aggregate_usage_errors(incidents_file: Path, tmp_path: Path) -> None:
    assert_one_line_error(run("aggregate", incidents_file, "--by", "town"), 2, "by: got 'town'")
    assert_one_line_error(
        run("aggregate", incidents_file, "--from", "2025-06-01", "--to", "2025-01-01"),
        2,
        "start comes after end",
    )
    assert_one_line_error(run("aggregate", tmp_path / "missing.parquet"), 2, "no such file")
    bad = run("aggregate", incidents_file, "--from", "June")
    assert bad.returncode == 2 and "expected a date YYYY-MM-DD" in bad.stderr


def test_report_prints_every_summary_table(expected: pl.DataFrame) -> None:
    result = run("report", CORPUS, "--progress", "never")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith(
        "32 files found, 32 read, 0 skipped; "
        f"{ik.read_corpus(CORPUS).height:,} documents (3 without a publication date), "
        f"{expected.height:,} incidents\n"
    )
    for key in ("by province", "by district", "by month", "by militant_group", "by nationality"):
        assert key in out
    by_province = ik.aggregate(expected, by="province")
    top = by_province.sort("incidents", descending=True).row(0, named=True)
    assert top["province"] in out


def printed_tables(out: str) -> dict[str, pl.DataFrame]:
    """The tables `incidentkit report` prints, by title, read back as strings."""
    tables: dict[str, pl.DataFrame] = {}
    for block in out.split("\n\n"):
        lines = block.strip().splitlines()
        if not lines or not lines[0].startswith("by "):
            continue
        rows = [
            [cell.strip() for cell in line.strip("│").split("┆")]
            for line in lines[1:]
            if line.startswith("│")
        ]
        tables[lines[0]] = pl.DataFrame(rows[1:], schema=rows[0], orient="row")
    return tables


def test_report_tables_add_up_and_name_months_as_months() -> None:
    result = run("report", CORPUS, "--progress", "never")
    assert result.returncode == 0, result.stderr
    tables = printed_tables(result.stdout)
    assert set(tables) == {
        "by province",
        "by district",
        "by month",
        "by militant_group",
        "by nationality",
    }
    sides = ["killed_security", "killed_civilians", "killed_militants", "killed_unknown"]
    for title, table in tables.items():
        assert {*sides, "killed_total", "unknown_toll"} <= set(table.columns), title
        numbers = table.select(pl.col([*sides, "killed_total"]).cast(pl.Int64))
        # The dead by side add up to the total, in every row of every table.
        assert numbers.select(pl.sum_horizontal(sides) == pl.col("killed_total")).to_series().all()
    months = tables["by month"]["month"].to_list()
    assert months and all(re.fullmatch(r"\d{4}-\d{2}|null", m) for m in months), months


def test_mention_filters_the_report_and_aggregate_or_says_why_not(incidents_file: Path) -> None:
    # The example corpus's frame may or may not carry `mention` yet; either
    # way --mention either filters or fails with one line naming it.
    for args in (
        ("report", CORPUS, "--progress", "never", "--mention", "report"),
        ("aggregate", incidents_file, "--mention", "background"),
    ):
        result = run(*args)
        if result.returncode != 0:
            assert_one_line_error(result, 2, "mention: the incidents have no mention column")
            assert result.stdout == ""
    bad = run("aggregate", incidents_file, "--mention", "news")
    assert bad.returncode == 2 and "invalid choice: 'news'" in bad.stderr


def test_aggregate_counts_the_mentions_asked_for(expected: pl.DataFrame, tmp_path: Path) -> None:
    # A frame with a mention column: the first incident recalled, the rest news.
    kinds = ["background"] + ["report"] * (expected.height - 1)
    mention = pl.Series("mention", kinds, dtype=pl.Enum(["report", "background"]))
    frame = expected.drop("mention", strict=False)
    frame = frame.insert_column(frame.columns.index("operation") + 1, mention)
    path = tmp_path / "incidents.parquet"
    frame.write_parquet(path)
    counts = {}
    for kind in (None, "report", "background"):
        extra = () if kind is None else ("--mention", kind)
        result = run("aggregate", path, "--by", "country", "--format", "csv", *extra)
        assert result.returncode == 0, result.stderr
        counts[kind] = pl.read_csv(result.stdout.encode())["incidents"].sum()
    assert counts == {None: expected.height, "report": expected.height - 1, "background": 1}


# -- publication dates and encodings -------------------------------------------------


def test_summary_counts_files_and_undated_documents_and_published_dates_them(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Two soldiers were martyred in Bannu yesterday.\n")
    (docs / "b.txt").write_text("DAWN | June 11, 2025\nA blast hit Quetta yesterday.\n")
    (docs / "c.txt").write_bytes(b"caf\xe9 blast in Quetta\n")
    out = tmp_path / "i.parquet"
    result = run("parse", docs, "-o", out)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3, lines
    assert "c.txt: not UTF-8 text" in lines[0]
    assert "document 'a.txt' has no publication date" in lines[1]
    assert lines[2].startswith(
        "incidentkit: 3 files found, 2 read, 1 skipped; "
        "2 documents (1 without a publication date), 2 incidents (1 undated) -> "
    )
    result = run("parse", docs, "-o", out, "--published", "2025-06-11", "--encoding", "latin-1")
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(
        "incidentkit: 3 files found, 3 read, 0 skipped; 3 documents, 3 incidents -> "
    )
    found = pl.read_parquet(out).select("doc_id", "published", "date_start").rows()
    assert found[:2] == [
        ("a.txt", dt.date(2025, 6, 11), dt.date(2025, 6, 10)),
        ("b.txt", dt.date(2025, 6, 11), dt.date(2025, 6, 10)),
    ]


def test_errors_replace_reads_undecodable_files(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_bytes(b" date 2025-06-11 \nA blast in Quetta caf\xe9 killed 3.\n")
    result = run("report", tmp_path / "c.txt", "--errors", "replace")
    assert result.returncode == 0, result.stderr
    assert "1 undecodable byte sequence(s) of UTF-8 replaced by U+FFFD" in result.stderr
    assert result.stdout.startswith("1 files found, 1 read, 0 skipped; 1 documents, 1 incidents")


@pytest.mark.parametrize(
    ("args", "pattern"),
    [
        (("--published", "June 11"), "argument --published: expected a date YYYY-MM-DD"),
        (("--encoding", "klingon"), "argument --encoding: expected an encoding such as utf-8"),
        (("--errors", "ignore"), "argument --errors: invalid choice: 'ignore'"),
        (
            ("--dask", "local", "--published", "2025-06-11"),
            "--published: not available with --dask",
        ),
    ],
)
def test_reading_usage_errors(tmp_path: Path, args: tuple[str, ...], pattern: str) -> None:
    result = run("parse", CORPUS, "-o", tmp_path / "out", *args)
    assert_one_line_error(result, 2, pattern)
