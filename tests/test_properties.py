"""Properties over arbitrary text: parse never raises, the schema holds, offsets are exact."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import example, given
from hypothesis import strategies as st

import incidentkit as ik

# Words and fragments reports are made of, to reach deep into the extractors.
# fmt: off
WORDS = [
    "Security forces", "killed", "martyred", "injured", "khwarij", "terrorists", "soldiers",
    "policemen", "civilians", "at least", "over", "dozens", "a dozen", "six", "Sixteen",
    "twenty-two", "12", "15 to 20", "90 percent of whom", "Afghan nationals", "an Afghan",
    "suicide bomber", "IED", "blast", "kidnapped", "operation", "IBO", "Operation Sarbakaf",
    "in", "of", "on", "near", "and", "while", "others", "including", "North Waziristan",
    "Mir Ali", "D.I. Khan", "DI Khan", "Tirah", "Khyber", "Bolan", "Karachi", "Liaquatabad",
    "Kurram", "district", "tehsil", "general area", "a resident of", "Logar province",
    "RAWALPINDI:", "yesterday", "last night", "overnight", "on Sunday", "last week",
    "earlier this week", "since the 14th of last month", "14 March 2025", "March 14",
    "25-28 April 2025", "night of April 10-11", "between January 13 and 14", "in July 2025",
    "2024", "the ISPR said on Wednesday", "a week after", "TTP", "Fitna al Hindustan",
    "Hafiz Gul Bahadur", "Daesh", "BLA", "Taliban", "from across the border", "Afghan-based",
    "No casualties", "remained safe", "Lt. Col.", "Gen.", "No.", "a)", "b)", ".", ",", ";",
    ":", "\n", "\n\n", " date 2025-03-15 \n", " date 2025-13-45 \n", "Wednesday, November 12, 2025\n",
    "\u201c", "\u201d", "\u2014", "\u2013", "\u062d\u0645\u0644\u06c1", "\U0001f622",
]
# fmt: on

report_like = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=60).map(
    " ".join
)

published_dates = st.one_of(
    st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))
)


def _check(text: str, frame: pl.DataFrame) -> None:
    assert frame.schema == ik.SCHEMA
    for row in frame.iter_rows(named=True):
        start, end = row["start"], row["end"]
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == row["text"]
        assert row["incident_id"].startswith(row["doc_id"] + ":")
        if row["date_start"] is not None and row["date_end"] is not None:
            assert row["date_start"] <= row["date_end"]
        parts = [
            row[f"killed_{side}"] for side in ("security", "civilians", "militants", "unknown")
        ]
        known = [p for p in parts if p is not None]
        assert row["killed_total"] == (sum(known) if known else None)


@given(text=st.text(), published=published_dates)
@example(text="", published=None)
@example(text=" date 2025-02-29 \n", published=None)  # not a leap year
@example(text="\u00e9" * 40 + " Two soldiers were martyred in Bannu yesterday.", published=None)
def test_any_text(text: str, published: dt.date | None) -> None:
    _check(text, ik.parse(text, published=published))


@given(text=report_like, published=published_dates)
@example(text="Two soldiers were martyred in Bannu on 29 February 2024.", published=None)
@example(text="Six khwarij were killed on Sunday.", published=dt.date(2024, 2, 29))  # leap day
def test_report_like_text(text: str, published: dt.date | None) -> None:
    _check(text, ik.parse(text, published=published))


@given(texts=st.lists(report_like, max_size=8))
def test_batch_is_the_documents_one_by_one(texts: list[str]) -> None:
    batch = ik.parse_many(texts, published="2025-06-01")
    alone = [ik.parse(t, published="2025-06-01", doc_id=str(i)) for i, t in enumerate(texts)]
    assert batch.equals(pl.concat([pl.DataFrame(schema=ik.SCHEMA), *alone]))
