"""The incident frame has exactly the SPEC columns, in order, with the SPEC dtypes."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

import incidentkit as ik
from incidentkit import _core

DATE_PRECISIONS = ["day", "week", "month", "year", "published"]
EVENT_TYPES = [
    "militant_attack",
    "suicide_attack",
    "bombing",
    "targeted_killing",
    "security_operation",
    "border_infiltration",
    "cross_border_attack",
    "kidnapping",
    "other",
]
NATIONALITIES = pl.List(pl.Struct({"nationality": pl.String, "count": pl.UInt32}))

# SPEC.md, "One row per incident: the columns", written out column by column.
SPEC_COLUMNS: list[tuple[str, pl.DataType]] = [
    ("doc_id", pl.String()),
    ("incident_id", pl.String()),
    ("published", pl.Date()),
    ("date_start", pl.Date()),
    ("date_end", pl.Date()),
    ("date_precision", pl.Enum(DATE_PRECISIONS)),
    ("country", pl.String()),
    ("province", pl.String()),
    ("district", pl.String()),
    ("place", pl.String()),
    ("event_type", pl.Enum(EVENT_TYPES)),
    ("killed_security", pl.UInt32()),
    ("killed_civilians", pl.UInt32()),
    ("killed_militants", pl.UInt32()),
    ("killed_unknown", pl.UInt32()),
    ("injured_security", pl.UInt32()),
    ("injured_civilians", pl.UInt32()),
    ("injured_militants", pl.UInt32()),
    ("injured_unknown", pl.UInt32()),
    ("arrested", pl.UInt32()),
    ("killed_total", pl.UInt32()),
    ("injured_total", pl.UInt32()),
    ("approximate", pl.Boolean()),
    ("militant_group", pl.String()),
    ("militant_nationalities", NATIONALITIES),
    ("cross_border", pl.Boolean()),
    ("operation", pl.String()),
    ("mention", pl.Enum(["report", "background"])),
    ("text", pl.String()),
    ("start", pl.UInt32()),
    ("end", pl.UInt32()),
]
SPEC_SCHEMA = pl.Schema(SPEC_COLUMNS)

AFGHAN_BOMBER = (
    "The suicide bomber who attacked a checkpost in Bannu district on 2 March 2025 was an "
    "Afghan national, officials said. Two soldiers were martyred in the attack."
)


def test_schema_constant_is_the_spec() -> None:
    assert ik.SCHEMA == SPEC_SCHEMA
    assert list(ik.SCHEMA.names()) == [name for name, _ in SPEC_COLUMNS]


def test_core_empty_frame_has_the_schema() -> None:
    frame = _core.empty_frame()
    assert frame.height == 0
    assert frame.schema == SPEC_SCHEMA


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("   \n\t  ", id="whitespace"),
        pytest.param("The weather in Islamabad was pleasant.", id="no-incident"),
    ],
)
def test_empty_results_keep_the_schema(text: str) -> None:
    frame = ik.parse(text, published="2025-01-01")
    assert frame.height == 0
    assert frame.schema == SPEC_SCHEMA


def test_parse_many_of_nothing_keeps_the_schema() -> None:
    frame = ik.parse_many([])
    assert frame.height == 0
    assert frame.schema == SPEC_SCHEMA


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(AFGHAN_BOMBER, id="nationality-row"),
        pytest.param(
            "Security forces killed six khwarij in an intelligence based operation in "
            "Datta Khel, North Waziristan on 14 March 2025.",
            id="operation-row",
        ),
    ],
)
def test_rows_have_the_schema(text: str) -> None:
    frame = ik.parse(text, published="2025-03-15")
    assert frame.height >= 1
    assert frame.schema == SPEC_SCHEMA


def test_values_cross_into_python_with_their_types() -> None:
    frame = ik.parse(AFGHAN_BOMBER, published=dt.date(2025, 3, 5), doc_id="afg")
    row = frame.row(0, named=True)
    assert row["published"] == dt.date(2025, 3, 5)
    assert isinstance(row["date_start"], dt.date)
    assert row["date_start"] == dt.date(2025, 3, 2)
    assert row["killed_security"] == 2
    assert row["event_type"] == "suicide_attack"
    assert row["date_precision"] == "day"
    assert row["militant_nationalities"] == [{"nationality": "Afghan", "count": 1}]
    assert isinstance(row["start"], int)
    assert isinstance(row["end"], int)


def test_nationalities_survive_polars_operations() -> None:
    """The List(Struct) column is a real Polars column, not an opaque object."""
    frame = ik.parse(AFGHAN_BOMBER, published="2025-03-05")
    exploded = frame.select(pl.col("militant_nationalities").explode().struct.unnest())
    assert exploded.schema == pl.Schema({"nationality": pl.String, "count": pl.UInt32})
    assert exploded.to_dicts() == [{"nationality": "Afghan", "count": 1}]


def test_enum_columns_accept_only_spec_categories() -> None:
    frame = ik.parse(AFGHAN_BOMBER, published="2025-03-05")
    event_type = frame.schema["event_type"]
    precision = frame.schema["date_precision"]
    assert isinstance(event_type, pl.Enum)
    assert isinstance(precision, pl.Enum)
    assert event_type.categories.to_list() == EVENT_TYPES
    assert precision.categories.to_list() == DATE_PRECISIONS
