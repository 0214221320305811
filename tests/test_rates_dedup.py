"""ik.rates, ik.gazetteer and ik.deduplicate."""

from __future__ import annotations

import random
import warnings

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
    census = places.filter(kind="province", population_source="census 2023 (PBS)")
    assert census.height == 5
    assert census["population"].sum() == 241_499_431
    # A census province's districts add up to it exactly. Kohistan, Chitral
    # and South Waziristan are listed whole and in parts: the parts count.
    counted = districts.filter(
        pl.col("population_source").str.starts_with("census 2023"),
        ~pl.col("name").is_in(["Kohistan", "Chitral", "South Waziristan"]),
    )
    by_province = counted.group_by("province").agg(pl.col("population").sum())
    provinces = census.select("province", total="population")
    joined = by_province.join(provinces, on="province")
    assert joined.height == 5
    for name, summed, total in joined.iter_rows():
        assert summed == total, name


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


def test_every_population_names_its_source() -> None:
    places = ik.gazetteer().filter(pl.col("kind").is_in(["province", "district"]))
    assert places["population_source"].null_count() == 0
    counted = places.filter(pl.col("population").is_not_null())
    sources = counted["population_source"]
    # A 2023 census figure, the 2017 count of a region the 2023 census did
    # not cover, or an estimate that says how it was made.
    assert sources.str.contains(r"^(census 2023 \(PBS\)|census 2017 \(|estimate: )").all()
    # No figure: the source says why.
    missing = places.filter(pl.col("population").is_null())["population_source"]
    assert missing.str.starts_with("none: ").all()


def test_no_two_districts_share_a_suspiciously_round_population() -> None:
    districts = ik.gazetteer().filter(kind="district").drop_nulls("population")
    populations = districts["population"]
    assert populations.n_unique() == populations.len()
    round_ones = districts.filter(pl.col("population") % 1000 == 0)["name"].to_list()
    assert round_ones == []
    # The guesses labelled "census 2023" before: the census's own figures now.
    census = dict(districts.select("name", "population").iter_rows())
    assert {name: census[name] for name in ROUND_GUESSES} == ROUND_GUESSES


#: The 2023 census (PBS) figures of districts the gazetteer used to give as
#: 200,000 or 400,000.
ROUND_GUESSES = {
    "Barkhan": 210_249,
    "Duki": 205_044,
    "Jhal Magsi": 203_368,
    "Musakhel": 182_275,
    "Nushki": 207_834,
    "Sherani": 191_687,
    "Kachhi": 442_674,
    "Dera Bugti": 355_274,
}


@pytest.mark.parametrize(
    ("new", "parent", "census_total"),
    [
        ("Talagang", "Chakwal", 1_734_854),
        ("Murree", "Rawalpindi", 6_118_911),
        ("Wazirabad", "Gujranwala", 5_959_750),
        ("Kot Addu", "Muzaffargarh", 5_015_325),
        ("Taunsa", "Dera Ghazi Khan", 3_393_705),
        ("Hub", "Lasbela", 680_977),
        ("Usta Muhammad", "Jaffarabad", 594_558),
    ],
)
def test_districts_split_after_the_census_sum_its_tehsils(
    new: str, parent: str, census_total: int
) -> None:
    districts = ik.gazetteer().filter(kind="district")
    population = dict(districts.select("name", "population").iter_rows())
    source = dict(districts.select("name", "population_source").iter_rows())
    # The split district and what is left of its parent add up to the parent
    # the census counted.
    assert population[new] + population[parent] == census_total
    assert source[new].startswith("census 2023 (PBS): ")
    assert "tehsil" in source[new] and source[new].endswith(f" of {parent}")


def test_rates_warn_when_a_rate_rests_on_an_estimate_or_an_older_count() -> None:
    df = frame(
        [
            incident(0, district="Bannu", killed_security=3),
            incident(1, district="Muzaffarabad", killed_civilians=2),
            incident(2, district="Central Dir", killed_security=1),
        ]
    )
    with pytest.warns(ik.PopulationWarning) as record:
        rated = ik.rates(ik.aggregate(df, by="district"))
    (warning,) = record
    message = str(warning.message)
    assert "Muzaffarabad (census 2017" in message and "Central Dir (estimate: " in message
    assert "Bannu" not in message
    assert warning.filename == __file__  # it points at the caller's line
    sources = dict(rated.select("district", "population_source").iter_rows())
    assert sources["Bannu"] == "census 2023 (PBS)"
    # Rates on 2023 census counts alone raise nothing.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ik.rates(ik.aggregate(df.filter(pl.col("district") == "Bannu"), by="district"))
        ik.rates(ik.aggregate(df, by="country"))


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


def test_deduplicate_honours_the_precision_of_dates() -> None:
    # "March last year" (the whole month) and "March 26, 2024": one bombing,
    # one district, one toll. Their first days are 25 days apart.
    month = incident(
        0,
        doc_id="a",
        incident_id="a:0",
        **BLAST,
        date_start=day("2024-03-01"),
        date_end=day("2024-03-31"),
        date_precision="month",
        killed_security=4,
    )
    exact = incident(
        1,
        doc_id="b",
        incident_id="b:0",
        **BLAST,
        date_start=day("2024-03-26"),
        date_precision="day",
        killed_security=4,
    )
    merged = ik.deduplicate(frame([month, exact]))
    assert merged["n_sources"].to_list() == [2]
    row = merged.row(0, named=True)
    # The merged row keeps the most precise date.
    assert (row["date_start"], row["date_end"]) == (day("2024-03-26"), day("2024-03-26"))
    assert row["date_precision"] == "day"


def test_deduplicate_keeps_day_precise_events_apart() -> None:
    # Two bombings dated to the day, 20 days apart in one district with one
    # toll, and a report of "March" that could be either. A 31-day window on
    # first days merged all three; ranges keep the two events apart and give
    # the month-precise report to one of them.
    rows = [
        incident(
            i,
            doc_id=doc,
            incident_id=f"{doc}:0",
            **BLAST,
            date_start=day(start),
            date_end=day(end),
            date_precision=precision,
            killed_security=4,
        )
        for i, (doc, start, end, precision) in enumerate(
            [
                ("a", "2024-03-06", "2024-03-06", "day"),
                ("b", "2024-03-26", "2024-03-26", "day"),
                ("c", "2024-03-01", "2024-03-31", "month"),
            ]
        )
    ]
    merged = ik.deduplicate(frame(rows))
    groups = sorted(sorted(s) for s in sources_of(merged))
    assert groups == [["a:0", "c:0"], ["b:0"]]
    # Only a window as wide as their gap joins the two.
    assert ik.deduplicate(frame(rows[:2]), window_days=19).height == 2
    assert ik.deduplicate(frame(rows[:2]), window_days=20).height == 1


def test_deduplicate_ranges_that_end_before_the_other_starts() -> None:
    # An operation over 1-10 May and a report of it on 12 May: two days apart.
    op = dict(district="Khyber", event_type="security_operation", killed_militants=22)
    rows = [
        incident(
            0,
            doc_id="a",
            incident_id="a:0",
            **op,
            date_start=day("2025-05-01"),
            date_end=day("2025-05-10"),
        ),
        incident(1, doc_id="b", incident_id="b:0", **op, date_start=day("2025-05-12")),
    ]
    assert ik.deduplicate(frame(rows), window_days=2).height == 1
    assert ik.deduplicate(frame(rows), window_days=1).height == 2
