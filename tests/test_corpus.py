"""The bundled example corpus gives the incidents each document was written to contain.

``examples/corpus`` holds short documents written for the project;
``tests/fixtures/corpus_expectations.json`` lists, per document, the
incidents (district, first day, event type, killed total) that SPEC.md reads
from it. Documents the parser gets wrong today are marked ``xfail(strict=True)``
below with what differs.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest

import incidentkit as ik

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
EXPECTATIONS: dict[str, list[dict[str, Any]]] = json.loads(
    (ROOT / "tests" / "fixtures" / "corpus_expectations.json").read_text(encoding="utf-8")
)
FILES = sorted(CORPUS.glob("*.txt"))

# What the parser gets wrong per document: the SPEC rule, then what it gives.
XFAIL = {
    "005_ispr_zhob_afghan_nationals.txt": "casualties: two named ranks (Naik, Sepoy) are two "
    "soldiers; killed_total 8, expected 9",
    "021_news_karachi_orangi_liaquatabad.txt": "event types: an inspector shot dead near his "
    "house is targeted_killing (parser: militant_attack); a statistic ('more than two dozen "
    "policemen ... this year') is no toll of the grenade attack (parser: killed_total 24)",
}


def _param(path: Path) -> Any:
    marks = []
    if path.name in XFAIL:
        marks.append(pytest.mark.xfail(strict=True, reason=XFAIL[path.name]))
    return pytest.param(path, id=path.stem, marks=marks)


@pytest.fixture(scope="module")
def corpus_frame() -> pl.DataFrame:
    texts = [path.read_text(encoding="utf-8") for path in FILES]
    return ik.parse_many(texts, doc_ids=[path.name for path in FILES])


def test_every_document_has_expectations() -> None:
    assert len(FILES) >= 30
    assert sorted(EXPECTATIONS) == [path.name for path in FILES]


@pytest.mark.parametrize("path", [_param(p) for p in FILES])
def test_document(path: Path, corpus_frame: pl.DataFrame) -> None:
    rows = corpus_frame.filter(pl.col("doc_id") == path.name)
    got = rows.select("district", "date_start", "event_type", "killed_total").to_dicts()
    expected = [
        {**row, "date_start": dt.date.fromisoformat(row["date_start"])}
        for row in EXPECTATIONS[path.name]
    ]
    assert got == expected


def test_corpus_evidence_offsets(corpus_frame: pl.DataFrame) -> None:
    texts = {path.name: path.read_text(encoding="utf-8") for path in FILES}
    for row in corpus_frame.iter_rows(named=True):
        assert texts[row["doc_id"]][row["start"] : row["end"]] == row["text"]
