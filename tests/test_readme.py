"""The README as a user reads it: the analyst's path first, the column table
as the contract, the contributors' commands where they look, no reference to
files the repository does not hold. Its examples run as doctests (pytest's
``--doctest-glob``)."""

from __future__ import annotations

import re
from pathlib import Path

import incidentkit as ik

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def headings() -> list[str]:
    return re.findall(r"^## (.+)$", README, flags=re.MULTILINE)


def section(title: str) -> str:
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_analysts_path_comes_first() -> None:
    order = headings()
    path = ["Install", "Quickstart", "Columns", "Statistics", "Accuracy and known limits"]
    # In this order, with only the charts between the statistics and the limits.
    assert [h for h in order if h in path] == path
    assert order[: len(path) + 1] == [*path[:4], "Charts", path[4]]
    # What contributors need comes after everything an analyst reads.
    assert order.index("Contributing") > order.index("Scoring the parser on your own documents")
    contributing = section("Contributing")
    assert "bash scripts/test.sh" in contributing and "cargo" in contributing


def test_the_column_table_is_the_contract() -> None:
    rows = re.findall(r"^\| (`[^|]+`) \| ([^|]+) \|", section("Columns"), flags=re.MULTILINE)
    documented = [name for cell, _ in rows for name in re.findall(r"`(\w+)`", cell)]
    # Every column of the frame, in its order, and `mention`, which the
    # statistics filter on.
    assert [c for c in documented if c in ik.SCHEMA.names()] == ik.SCHEMA.names()
    assert "mention" in documented


def test_no_reference_to_files_the_repository_does_not_hold() -> None:
    assert "SPEC.md" not in README
    assert "../shared" not in README
    for link in re.findall(r"\]\(((?!https?:|#)[^)]+)\)", README):
        assert (ROOT / link).exists(), link


def test_performance_history_lives_under_benches() -> None:
    assert "callgrind" not in README and "What made the" not in README
    history = (ROOT / "benches" / "PERFORMANCE.md").read_text(encoding="utf-8")
    assert "callgrind" in history and "cargo bench" in history
    assert "benches/PERFORMANCE.md" in section("Performance")


def test_statistics_document_mention() -> None:
    statistics = section("Statistics")
    for function in ("aggregate", "crosstab", "compare_periods", "trend", "deduplicate"):
        row = next(line for line in statistics.splitlines() if f"`ik.{function}(" in line)
        assert "mention=None" in row, function
    assert 'mention="report"' in statistics
    assert "mention=" in section("Charts")
