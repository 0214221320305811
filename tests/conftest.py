"""Shared pytest configuration: Hypothesis profiles and evidence checks."""

from __future__ import annotations

import os
from typing import Callable

import polars as pl
import pytest
from hypothesis import HealthCheck, settings

# The first call into the extension builds the lexicon automata: no deadline,
# so a slow first example is not reported as flaky.
settings.register_profile(
    "default",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("ci", parent=settings.get_profile("default"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


def _check_evidence(frame: pl.DataFrame, texts: dict[str, str]) -> None:
    """Every row's evidence is the slice ``text[start:end]`` of its document."""
    for row in frame.iter_rows(named=True):
        document = texts[row["doc_id"]]
        start, end = row["start"], row["end"]
        assert start is not None and end is not None, row["incident_id"]
        assert 0 <= start <= end <= len(document), (row["incident_id"], start, end)
        assert document[start:end] == row["text"], row["incident_id"]


@pytest.fixture
def check_evidence() -> Callable[[pl.DataFrame, dict[str, str]], None]:
    """Assert that evidence offsets are Python ``str`` indices into the documents."""
    return _check_evidence
