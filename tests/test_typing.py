"""What type checkers and interactive users see: Literal argument types, the
`incidents` expression namespace, public names only in dir(), and warnings
that point at the caller's line."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import typing
from pathlib import Path

import polars as pl
import pytest

import incidentkit as ik
from incidentkit import _args

ROOT = Path(__file__).resolve().parents[1]

# Code a user writes: the lines marked "# error" are the mistakes a type
# checker must catch, every other line must check.
SNIPPET = """\
import polars as pl
import incidentkit as ik

docs = pl.DataFrame({"text": ["Two soldiers were martyred in Bannu."]})
found: pl.DataFrame = docs.select(ik.col("text").incidents.parse(published="published"))
typed: ik.IncidentsExpr = ik.col("text")
expr: pl.Expr = typed.incidents.parse(doc_id="id")
incidents = ik.parse("Two soldiers were martyred in Bannu.")
by_place = ik.aggregate(incidents, by=["district", "month"], date_rule="within")
table = ik.crosstab(incidents, rows="province", cols="quarter", value="killed_security")
fit = ik.trend(incidents, every="3mo", value="injured_total")
change = ik.compare_periods(incidents, a=("2025-01-01", "2025-01-31"), b=("2025-02-01", "2025-02-28"))
bad_key = ik.aggregate(incidents, by="distrct")  # error
bad_rule = ik.aggregate(incidents, date_rule="inside")  # error
bad_value = ik.crosstab(incidents, value="dead")  # error
bad_every = ik.trend(incidents, every="1m")  # error
"""


def _expected_error_lines() -> list[int]:
    return [n for n, line in enumerate(SNIPPET.splitlines(), 1) if line.endswith("# error")]


@pytest.fixture
def snippet(tmp_path: Path) -> Path:
    path = tmp_path / "analysis.py"
    path.write_text(SNIPPET, encoding="utf-8")
    return path


def test_mypy_sees_the_literal_types_and_the_namespace(snippet: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", snippet.name],
        cwd=snippet.parent,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    lines = [int(line.split(":")[1]) for line in errors]
    assert lines == _expected_error_lines(), result.stdout


def test_pyright_sees_the_literal_types_and_the_namespace(snippet: Path) -> None:
    pyright = Path(sys.executable).parent / "basedpyright"
    if not pyright.exists():  # pragma: no cover - a test dependency
        pytest.fail("basedpyright is a test dependency: pip install 'incidentkit[test]'")
    result = subprocess.run(
        [str(pyright), "--outputjson", "--pythonpath", sys.executable, snippet.name],
        cwd=snippet.parent,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = json.loads(result.stdout)
    errors = [d for d in report["generalDiagnostics"] if d["severity"] == "error"]
    lines = sorted(d["range"]["start"]["line"] + 1 for d in errors)
    assert lines == _expected_error_lines(), [d["message"] for d in errors]


@pytest.mark.parametrize(
    ("alias", "call"),
    [
        (_args.DateRule, lambda name: ik.aggregate(ik.parse(""), date_rule=name)),
        (_args.Value, lambda name: ik.crosstab(ik.parse(""), value=name)),
        (_args.Key, lambda name: ik.aggregate(ik.parse(""), by=name)),
        (_args.Every, lambda name: ik.trend(ik.parse(""), every=name)),
    ],
    ids=["date_rule", "value", "by", "every"],
)
def test_every_literal_name_is_one_the_engine_takes(alias: object, call: typing.Any) -> None:
    for name in typing.get_args(alias):
        call(name)


def test_dir_lists_public_names_only() -> None:
    for module in (ik, ik.io):
        names = dir(module)
        assert names == sorted(module.__all__), module.__name__
        for private in ("annotations", "os", "json", "dt", "pl", "warnings", "Path", "_core"):
            assert private not in names, (module.__name__, private)
    for name in ik.__all__:
        assert getattr(ik, name) is not None


def _here() -> tuple[str, int]:
    """This file, and the line after the caller's."""
    frame = inspect.currentframe()
    assert frame is not None and frame.f_back is not None
    return __file__, frame.f_back.f_lineno + 1


def test_warnings_point_at_the_callers_line(tmp_path: Path) -> None:
    (tmp_path / "broken.txt").write_bytes(b"caf\xe9 blast")
    (tmp_path / "undated.txt").write_text("Two soldiers were martyred in Bannu yesterday.")
    calls = []
    with pytest.warns(ik.CorpusWarning) as record:
        calls.append(_here())
        ik.read_corpus(tmp_path)
        calls.append(_here())
        ik.parse_corpus(tmp_path, progress=False)
        calls.append(_here())
        ik.parse_many(["a\udbda b"])
        calls.append(_here())
        ik.parse("a\udbda b")
        calls.append(_here())
        ik.parse_many(pl.Series(["x", None]))
    places = [(w.filename, w.lineno) for w in record]
    read, parse_corpus_read, parse_corpus_undated, many, one, missing = places
    assert [read, parse_corpus_read, many, one, missing] == calls
    assert parse_corpus_undated == calls[1]
