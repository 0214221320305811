"""Wrong arguments raise TypeError/ValueError naming the argument; bad text never crashes."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

import pytest

import incidentkit as ik

TEXT = "Two soldiers were martyred in Bannu yesterday."


@pytest.mark.parametrize(
    ("call", "error", "argument"),
    [
        pytest.param(lambda: ik.parse(TEXT, published=20250305), TypeError, "published", id="int"),
        pytest.param(lambda: ik.parse(TEXT, published=3.5), TypeError, "published", id="float"),
        pytest.param(
            lambda: ik.parse(TEXT, published="2025-02-30"), ValueError, "published", id="feb-30"
        ),
        pytest.param(
            lambda: ik.parse(TEXT, published="2025-13-01"), ValueError, "published", id="month-13"
        ),
        pytest.param(
            lambda: ik.parse(TEXT, published="yesterday"), ValueError, "published", id="words"
        ),
        pytest.param(
            lambda: ik.parse_many([TEXT, TEXT], published=["2025-03-05"]),
            ValueError,
            "published",
            id="list-too-short",
        ),
        pytest.param(
            lambda: ik.parse_many([TEXT], published=[dt.date(2025, 3, 5), None]),
            ValueError,
            "published",
            id="list-too-long",
        ),
        pytest.param(
            lambda: ik.parse_many([TEXT], published=[5]), TypeError, "published", id="list-of-int"
        ),
        pytest.param(
            lambda: ik.parse_many([TEXT], published={"a": 1}), TypeError, "published", id="dict"
        ),
        pytest.param(lambda: ik.parse_many(TEXT), TypeError, "texts", id="texts-str"),
        pytest.param(lambda: ik.parse_many(None), TypeError, "texts", id="texts-none"),
        pytest.param(lambda: ik.parse_many(42), TypeError, "texts", id="texts-int"),
        pytest.param(lambda: ik.parse_many({TEXT}), TypeError, "texts", id="texts-set"),
        pytest.param(lambda: ik.parse_many([TEXT, 3]), TypeError, "texts", id="texts-item-int"),
        pytest.param(
            lambda: ik.parse_many([TEXT, TEXT], doc_ids=["a", "a"]),
            ValueError,
            "doc_ids: .*given more than once: 'a'",
            id="ids-duplicate",
        ),
        pytest.param(
            lambda: ik.parse_many([TEXT], doc_ids=["a", "b"]), ValueError, "doc_ids", id="ids-long"
        ),
        pytest.param(
            lambda: ik.parse_many([TEXT, TEXT], doc_ids=["a"]),
            ValueError,
            "doc_ids",
            id="ids-short",
        ),
        pytest.param(
            lambda: ik.parse_many([TEXT], doc_ids="a"), TypeError, "doc_ids", id="ids-str"
        ),
        pytest.param(lambda: ik.parse(None), TypeError, "text", id="text-none"),
        pytest.param(lambda: ik.parse(b"Two soldiers"), TypeError, "text", id="text-bytes"),
        pytest.param(lambda: ik.parse(12), TypeError, "text", id="text-int"),
        pytest.param(lambda: ik.parse(TEXT, doc_id=7), TypeError, "doc_id", id="doc-id-int"),
    ],
)
def test_wrong_arguments_name_the_argument(
    call: Callable[[], Any], error: type[Exception], argument: str
) -> None:
    with pytest.raises(error, match=argument):
        call()


def test_lone_surrogate_is_replaced_and_the_document_parsed() -> None:
    """A str that is not Unicode text (no UTF-8 for it) is parsed with U+FFFD
    in place of the surrogate, one character for one, never a crash."""
    text = "Two soldiers were martyred \ud800 in Bannu yesterday."
    with pytest.warns(ik.CorpusWarning, match=r"document 'doc': lone surrogates"):
        frame = ik.parse(text, published="2025-03-05")
    assert frame["district"].to_list() == ["Bannu"]
    row = frame.row(0, named=True)
    assert text.replace("\ud800", "\ufffd")[row["start"] : row["end"]] == row["text"]


def test_one_bad_document_rejects_the_call_before_any_work() -> None:
    with pytest.raises(TypeError, match=r"texts\[2\]: expected str, got int"):
        ik.parse_many([TEXT, TEXT, 3, TEXT])  # type: ignore[list-item]


HOSTILE = [
    pytest.param("", id="empty"),
    pytest.param(" ", id="space"),
    pytest.param("\n\n\t\r\n  \u00a0\u2003", id="whitespace"),
    pytest.param("\x00\x01\x02 killed \x7f", id="control"),
    pytest.param("\u202e\u200f\u200b\ufeff", id="bidi-zero-width"),
    pytest.param("\U0001f4a3" * 1000, id="emoji"),
    pytest.param("\u0628\u0645 \u062f\u06be\u0645\u0627\u06a9\u06c1 " * 200, id="urdu"),
    pytest.param("e\u0301" * 500, id="combining"),
    pytest.param("killed " * 5000, id="repeated-cue"),
    pytest.param("1" * 10000, id="long-number"),
    pytest.param("999999999999999999999 soldiers were martyred in Bannu.", id="huge-count"),
    pytest.param("D.I. Khan. D.I. Khan. " * 300, id="abbreviations"),
    pytest.param(" date 2025-13-45 ", id="malformed-header-only"),
    pytest.param(" date ", id="empty-header"),
    pytest.param("a) b) c) d) e)", id="empty-list-items"),
    pytest.param("." * 5000, id="dots"),
    pytest.param("(" * 3000 + ")" * 3000, id="parentheses"),
    pytest.param(
        "The cabinet met to discuss the economy and the weather was pleasant in Quetta.",
        id="no-incidents",
    ),
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_gives_a_frame(text: str) -> None:
    frame = ik.parse(text, published="2025-06-01")
    assert frame.schema == ik.SCHEMA
    for row in frame.iter_rows(named=True):
        assert text[row["start"] : row["end"]] == row["text"]


def test_hostile_batch_keeps_every_document() -> None:
    texts = [p.values[0] for p in HOSTILE] + [TEXT]
    frame = ik.parse_many(texts, published="2025-06-01")
    assert frame.schema == ik.SCHEMA
    last = str(len(texts) - 1)
    assert frame.filter(doc_id=last)["district"].to_list() == ["Bannu"]


def test_fifty_megabyte_document() -> None:
    """A 50 MB document: one report paragraph repeated, ~170,000 mentions of one event."""
    incident = (
        "Security forces killed six khwarij in an intelligence based operation in Datta "
        "Khel, North Waziristan on 14 March 2025. "
    )
    filler = (
        "The provincial government announced a development package for the merged "
        "districts, and traders discussed the Torkham crossing with local elders. "
    )
    paragraph = incident + filler + "\n\n"
    text = paragraph * (50_000_000 // len(paragraph) + 1)
    assert len(text) >= 50_000_000
    frame = ik.parse(text, published="2025-03-15")
    assert frame.schema == ik.SCHEMA
    assert frame.height >= 1
    row = frame.row(0, named=True)
    assert row["district"] == "North Waziristan"
    assert text[row["start"] : row["end"]] == row["text"]
