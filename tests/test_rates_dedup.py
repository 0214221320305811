"""ik.rates, ik.gazetteer and ik.deduplicate."""

from __future__ import annotations

import random

import polars as pl
import pytest
from frames import day, frame, incident, random_frames
from hypothesis import given, settings
from hypothesis import strategies as st

import incidentkit as ik


def test_gazetteer_frame() -> None:
    places = ik.gazetteer()
    assert places.columns == [
        "kind",
        "name",
        "district",
        "province",
        "country",
        "population",
        "population_source",
        "aliases",
    ]
    assert places.schema["population"] == pl.UInt64
    assert places.schema["aliases"] == pl.List(pl.String)
    kinds = set(places["kind"])
    assert {"province", "district", "locality", "afghan_province"} <= kinds
    districts = places.filter(kind="district")
    assert districts["name"].n_unique() == districts.height
    # The 2023 census: the four provinces and Islamabad add up to 241.49 million.
    census = places.filter(kind="province", population_source="census 2023")
    assert census.height == 5
    assert census["population"].sum() == 241_499_431
    # A census province's districts never outnumber it.
    by_province = districts.group_by("province").agg(pl.col("population").sum())
    provinces = census.select("province", total="population")
    for name, summed, total in by_province.join(provinces, on="province").iter_rows():
        assert summed <= total * 1.02, name


def test_rates_per_district_use_census_populations() -> None:
    df = frame(
        [
            incident(0, district="Bannu", province="Khyber Pakhtunkhwa", killed_security=3),
            incident(1, district="Quetta", province="Balochistan", killed_civilians=2),
            incident(2, killed_civilians=9),
        ]
    )
    rated = ik.rates(ik.aggregate(df, by="district"))
    population = dict(ik.gazetteer().filter(kind="district").select("name", "population").rows())
    bannu, quetta, unknown = rated.rows(named=True)
    assert bannu["population"] == population["Bannu"]
    assert bannu["killed_total_per_100k"] == pytest.approx(3 / population["Bannu"] * 1e5)
    assert quetta["incidents_per_100k"] == pytest.approx(1 / population["Quetta"] * 1e5)
    assert unknown["population"] is None and unknown["killed_total_per_100k"] is None
    per_million = ik.rates(ik.aggregate(df, by="district"), per=1_000_000)
    assert "killed_total_per_1m" in per_million.columns


def test_rates_per_province_and_country() -> None:
    df = frame([incident(0, province="Balochistan", country="Pakistan", killed_militants=5)])
    by_province = ik.rates(ik.aggregate(df, by="province"), per=100_000)
    assert by_province["population"].to_list() == [14_894_402]
    by_country = ik.rates(ik.aggregate(df, by="country"))
    assert by_country["population"].to_list() == [241_499_431]
    assert by_country["killed_militants_per_100k"][0] == pytest.approx(5 / 241_499_431 * 1e5)


def sources_of(merged: pl.DataFrame) -> list[list[str]]:
    return [[s["incident_id"] for s in row] for row in merged["sources"].to_list()]


BLAST = dict(district="Bannu", province="Khyber Pakhtunkhwa", event_type="bombing")


def test_deduplicate_merges_reports_of_one_event() -> None:
    df = frame(
        [
            incident(
                0,
                doc_id="dawn",
                incident_id="dawn:0",
                **BLAST,
                date_start=day("2025-03-03"),
                killed_security=3,
                approximate=True,
            ),
            incident(
                1,
                doc_id="geo",
                incident_id="geo:0",
                **BLAST,
                place="Domel",
                date_start=day("2025-03-04"),
                date_precision="day",
                killed_security=5,
            ),
            incident(
                2,
                doc_id="ap",
                incident_id="ap:0",
                **BLAST,
                date_start=day("2025-03-05"),
                killed_security=4,
                militant_group="TTP",
            ),
            # Same district, a week later: another event.
            incident(
                3,
                doc_id="ap",
                incident_id="ap:1",
                **BLAST,
                date_start=day("2025-03-12"),
                killed_security=4,
            ),
        ]
    )
    merged = ik.deduplicate(df, window_days=2)
    assert merged.height == 2
    first = merged.row(0, named=True)
    assert first["n_sources"] == 3
    assert sorted(sources_of(merged)[0]) == ["ap:0", "dawn:0", "geo:0"]
    # The best estimate is the largest exact count; the range keeps them all.
    assert (first["killed_security"], first["killed_total"]) == (5, 5)
    assert (first["killed_total_min"], first["killed_total_max"]) == (3, 5)
    assert first["approximate"] is False
    # Filled from the other sources.
    assert first["place"] == "Domel" and first["militant_group"] == "TTP"
    assert merged.row(1, named=True)["n_sources"] == 1


def test_deduplicate_keeps_apart_what_differs() -> None:
    base = dict(date_start=day("2025-03-03"), killed_security=2)
    attack = dict(district="Bannu", event_type="militant_attack", **base)
    df = frame(
        [
            # Same document: never merged.
            incident(0, doc_id="a", incident_id="a:0", **attack),
            incident(1, doc_id="a", incident_id="a:1", **attack),
            # Another district.
            incident(2, doc_id="b", incident_id="b:0", **{**attack, "district": "Kech"}),
            # An operation is not an attack.
            incident(
                3, doc_id="c", incident_id="c:0", **{**attack, "event_type": "security_operation"}
            ),
            # Tolls too far apart (2 and 30).
            incident(
                4,
                doc_id="d",
                incident_id="d:0",
                district="Quetta",
                date_start=day("2025-03-03"),
                killed_civilians=2,
            ),
            incident(
                5,
                doc_id="e",
                incident_id="e:0",
                district="Quetta",
                date_start=day("2025-03-04"),
                killed_civilians=30,
            ),
            # No place at all.
            incident(6, doc_id="f", incident_id="f:0", date_start=day("2025-03-03")),
            incident(7, doc_id="g", incident_id="g:0", date_start=day("2025-03-03")),
            # Outside the window.
            incident(
                8, doc_id="h", incident_id="h:0", **{**attack, "date_start": day("2025-03-06")}
            ),
        ]
    )
    merged = ik.deduplicate(df, window_days=2)
    assert merged["n_sources"].to_list() == [1] * 9
    # With a wider window, h:0 joins the first Bannu attack.
    wider = ik.deduplicate(df, window_days=3)
    assert sorted(sorted(s) for s in sources_of(wider) if len(s) > 1) == [["a:0", "h:0"]]


def test_deduplicate_places_without_district() -> None:
    df = frame(
        [
            incident(0, doc_id="a", incident_id="a:0", place="Tirah", date_start=day("2025-05-01")),
            incident(1, doc_id="b", incident_id="b:0", place="tirah", date_start=day("2025-05-02")),
        ]
    )
    assert ik.deduplicate(df)["n_sources"].to_list() == [2]


@settings(max_examples=50, deadline=None)
@given(df=random_frames(max_rows=30), window=st.integers(0, 5), seed=st.integers(0, 1000))
def test_deduplicate_properties(df: pl.DataFrame, window: int, seed: int) -> None:
    merged = ik.deduplicate(df, window_days=window)
    sources = merged["sources"].to_list()
    ids = [s["incident_id"] for row in sources for s in row]
    # Every input row is in exactly one merged row.
    assert sorted(ids) == sorted(df["incident_id"].to_list())
    for row in sources:
        docs = [s["doc_id"] for s in row]
        assert len(docs) == len(set(docs)), "two incidents of one document merged"
    assert merged["n_sources"].to_list() == [len(row) for row in sources]
    for name in ("killed_total", "injured_total", "arrested"):
        low, high, best = merged[f"{name}_min"], merged[f"{name}_max"], merged[name]
        assert ((low <= best) & (best <= high)).fill_null(True).all()
    # The input order does not matter.
    order = list(range(df.height))
    random.Random(seed).shuffle(order)
    shuffled = ik.deduplicate(df[order], window_days=window)
    assert shuffled.equals(merged)


def test_deduplicate_of_an_empty_frame() -> None:
    merged = ik.deduplicate(ik.parse_many([]))
    assert merged.height == 0
    assert set(ik.SCHEMA.names()) <= set(merged.columns)
    assert {"sources", "n_sources", "killed_total_min", "arrested_max"} <= set(merged.columns)
