"""Building incident frames by hand (and at random) for the statistics tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
from hypothesis import strategies as st

import incidentkit as ik

COUNTS = [
    "killed_security",
    "killed_civilians",
    "killed_militants",
    "killed_unknown",
    "killed_total",
    "injured_security",
    "injured_civilians",
    "injured_militants",
    "injured_unknown",
    "injured_total",
    "arrested",
]

DISTRICTS = {
    "Bannu": "Khyber Pakhtunkhwa",
    "North Waziristan": "Khyber Pakhtunkhwa",
    "Quetta": "Balochistan",
    "Kech": "Balochistan",
    "Lahore": "Punjab",
}
GROUPS = ["Tehreek-e-Taliban Pakistan", "Balochistan Liberation Army", "Islamic State Khorasan"]
NATIONALITIES = ["Afghan", "Pakistani", "Tajik"]
EVENT_TYPES = ["militant_attack", "suicide_attack", "bombing", "security_operation", "other"]


def incident(i: int, **fields: Any) -> dict[str, Any]:
    """One row with every SPEC column: nulls and defaults unless given."""
    row: dict[str, Any] = {name: None for name in ik.SCHEMA.names()}
    row.update(
        doc_id=f"d{i}",
        incident_id=f"d{i}:0",
        approximate=False,
        cross_border=False,
        militant_nationalities=[],
        text="",
        start=0,
        end=0,
    )
    row.update(fields)
    if row["date_start"] is not None and row["date_end"] is None:
        row["date_end"] = row["date_start"]
    for side in ("killed", "injured"):
        parts = [row[f"{side}_{s}"] for s in ("security", "civilians", "militants", "unknown")]
        if f"{side}_total" not in fields and any(p is not None for p in parts):
            row[f"{side}_total"] = sum(p for p in parts if p is not None)
    return row


def frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=ik.SCHEMA)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


counts = st.one_of(st.none(), st.integers(0, 40))


@st.composite
def random_incident(draw: st.DrawFn, i: int) -> dict[str, Any]:
    district = draw(st.one_of(st.none(), st.sampled_from(sorted(DISTRICTS))))
    start = draw(st.one_of(st.none(), st.dates(dt.date(2023, 11, 1), dt.date(2025, 3, 31))))
    length = draw(st.integers(0, 45))
    names = draw(st.lists(st.sampled_from(NATIONALITIES), max_size=2, unique=True))
    nationalities = [{"nationality": n, "count": draw(counts)} for n in names]
    fields: dict[str, Any] = {
        "doc_id": f"doc{draw(st.integers(0, 6))}",
        "incident_id": f"row{i}",
        "district": district,
        "province": DISTRICTS[district] if district else draw(st.sampled_from([None, "Sindh"])),
        "country": draw(st.sampled_from(["Pakistan", None])),
        "event_type": draw(st.one_of(st.none(), st.sampled_from(EVENT_TYPES))),
        "militant_group": draw(st.one_of(st.none(), st.sampled_from(GROUPS))),
        "militant_nationalities": nationalities,
        "date_start": start,
        "date_end": None if start is None else start + dt.timedelta(days=length),
        "approximate": draw(st.booleans()),
    }
    for name in COUNTS:
        fields[name] = draw(counts)
    return incident(i, **fields)


@st.composite
def random_frames(draw: st.DrawFn, max_rows: int = 40) -> pl.DataFrame:
    size = draw(st.integers(0, max_rows))
    return frame([draw(random_incident(i)) for i in range(size)])
