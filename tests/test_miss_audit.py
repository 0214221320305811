"""The miss audit (scripts/miss_audit.py): each list finds what it should, and only that.

Every text here is written for these tests. Where a test depends on what the
parser reads, it uses a plain report the parser has always read; the rules of
the lists themselves are tested on frames built by hand.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import polars as pl
import pytest

import incidentkit as ik

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "miss_audit.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("miss_audit", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["miss_audit"] = module
    spec.loader.exec_module(module)
    return module


ma = _load()

# A report the parser reads whole: place, date, sides and counts in one sentence.
PLAIN = (
    "BANNU: Three policemen were martyred and two others injured when militants "
    "attacked a checkpost in Domel yesterday."
)


def _rows(*rows: dict[str, Any]) -> pl.DataFrame:
    """An incident frame with the SPEC schema; unnamed columns are null."""
    full = [{name: row.get(name) for name in ik.SCHEMA} for row in rows]
    return pl.DataFrame(full, schema=ik.SCHEMA)


# --- sentences -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        (
            "Blast in D.I. Khan today. Police said so.",
            ["Blast in D.I. Khan today.", "Police said so."],
        ),
        ("Lt. Col. Ahmed was there. He left.", ["Lt. Col. Ahmed was there.", "He left."]),
        ('He said "stop." Then it ended.', ['He said "stop."', "Then it ended."]),
        ("Title line\n\nBody one. 5 died.", ["Title line", "Body one.", "5 died."]),
        ("a.m. and p.m. stay together", ["a.m. and p.m. stay together"]),
        ("  ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    sentences = ma.split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)


# --- list 1: uncounted tolls -----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Seven soldiers were martyred.", ["Seven"]),
        ("A dozen people were hurt and dozens fled.", ["dozen", "dozens"]),
        ("The toll rose to 1,204 by Friday.", ["1,204"]),
        ("Twenty-two bodies were found.", ["Twenty-two"]),
        ("On 14 March 2024 at 10:30 am a man died.", []),
        ("A 36-hour operation ended on March 3; nobody was killed.", []),
        ("A boy aged 12 died 3 km from Sector F-8.", []),
        ("No one was killed in the 5th attack.", []),
    ],
)
def test_numbers(sentence: str, expected: list[str]) -> None:
    assert ma.numbers(sentence) == expected


@pytest.mark.parametrize(
    ("number", "value"),
    [("7", 7), ("1,204", 1204), ("Seven", 7), ("twenty-two", 22), ("dozen", 12), ("dozens", 24)],
)
def test_number_value(number: str, value: int) -> None:
    assert ma.number_value(number) == value


def test_a_toll_told_again_is_marked_restated() -> None:
    text = "Five soldiers were martyred in Mir Ali. The five soldiers died at the post. Nine fled."
    doc = ma.Document("d", text + " Later two more were killed.")
    rows = _rows({"doc_id": "d", "incident_id": "d:0", "start": 0, "end": 39, "killed_total": 5})
    found = {t.sentence: t.restated for t in ma.uncounted_tolls([doc], rows)}
    assert found == {
        "The five soldiers died at the post.": True,
        "Later two more were killed.": False,
    }


def test_casualty_words() -> None:
    words = ma.casualty_words("Four lost their lives, the death toll rose and six were wounded.")
    assert words == ["lost their lives", "death toll", "wounded"]
    assert ma.casualty_words("The meeting discussed trade with 3 countries.") == []


def test_toll_inside_a_counted_span_is_not_listed() -> None:
    doc = ma.Document("d", "Five soldiers were martyred in Mir Ali. Markets stayed open.")
    rows = _rows({"doc_id": "d", "incident_id": "d:0", "start": 0, "end": 39, "killed_total": 5})
    assert ma.uncounted_tolls([doc], rows) == []


def test_toll_outside_every_span_is_listed() -> None:
    text = "Five soldiers were martyred in Mir Ali. Later the toll rose to nine, officials said."
    doc = ma.Document("d", text)
    rows = _rows({"doc_id": "d", "incident_id": "d:0", "start": 0, "end": 39, "killed_total": 5})
    [toll] = ma.uncounted_tolls([doc], rows)
    assert toll.reason == "outside"
    assert toll.sentence == "Later the toll rose to nine, officials said."
    assert text[toll.start : toll.end] == toll.sentence
    assert toll.numbers == ["nine"]
    assert toll.incident_ids == []
    assert not toll.restated


def test_toll_inside_a_span_without_counts_is_listed() -> None:
    text = "Militants attacked a post in Wana. Six people lost their lives."
    doc = ma.Document("d", text)
    rows = _rows({"doc_id": "d", "incident_id": "d:0", "start": 0, "end": len(text)})
    [toll] = ma.uncounted_tolls([doc], rows)
    assert (toll.reason, toll.incident_ids) == ("no_count", ["d:0"])


def test_sentences_without_a_number_or_a_casualty_word_are_not_listed() -> None:
    doc = ma.Document("d", "A policeman was martyred in Tank. Three suspects fled to the hills.")
    assert ma.uncounted_tolls([doc], _rows()) == []


def test_a_toll_the_parser_reads_is_not_listed_end_to_end() -> None:
    report = ma.audit([ma.Document("plain", PLAIN, "2025-06-11")])
    assert report.incidents == 1
    assert report.uncounted_tolls == []
    assert report.incomplete_incidents == []


# --- list 2: incomplete incidents ------------------------------------------


def test_incomplete_incidents_reasons() -> None:
    day = dt.date(2025, 1, 2)
    rows = _rows(
        {
            "doc_id": "d",
            "incident_id": "d:0",
            "district": "Bannu",
            "province": "Khyber Pakhtunkhwa",
            "date_start": day,
            "date_precision": "day",
            "text": "complete",
        },
        {
            "doc_id": "d",
            "incident_id": "d:1",
            "province": "Balochistan",
            "date_start": day,
            "date_precision": "published",
            "text": "province only",
        },
        {"doc_id": "d", "incident_id": "d:2", "text": "nothing"},
    )
    found = {i.incident_id: i.reasons for i in ma.incomplete_incidents(rows)}
    assert found == {"d:1": ["no_district", "published_date"], "d:2": ["no_place", "no_date"]}


def test_undated_report_without_publication_date_is_listed_end_to_end() -> None:
    text = "Security forces killed four terrorists in an operation in Tank district."
    [row] = ma.audit([ma.Document("undated", text)]).incomplete_incidents
    assert "no_date" in row.reasons
    assert text[row.start : row.end] == row.text


# --- list 3: unknown places ------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "headline"),
    [
        ("Five Chinese Among Six Killed In Suicide Explosion: DIG", True),
        ("Two soldiers were martyred in Mir Ali on Monday.", False),
        ("Firing in Shorvex Tangi and near Dabvexi.", False),
    ],
)
def test_is_headline(sentence: str, headline: bool) -> None:
    assert ma.is_headline(sentence) is headline


def _unknown(text: str) -> list[str]:
    return [p.name for p in ma.unknown_places([ma.Document("d", text)])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants attacked a post in Zorvaxi Kalay on Monday.", ["Zorvaxi Kalay"]),
        ("The Qumbrexi Banda area was cordoned off.", ["Qumbrexi Banda"]),
        ("Raids in the village of Tarxobi ended.", ["Tarxobi"]),
        ("The blast hit Gulvexi Bazaar near Landi Vrex.", ["Gulvexi", "Landi Vrex"]),
        (
            "Forces moved into the Spalvex, Torvexo and Zarvix areas.",
            ["Spalvex", "Torvexo", "Zarvix"],
        ),
        ("Police in Bannu's Vexmashkhel village said so.", ["Vexmashkhel"]),
        ("Firing at the Zorivex police station wounded two.", ["Zorivex"]),
        # acronyms around an unknown name are dropped; the name stays
        ("Firing near BHU Qarvexi wounded two.", ["Qarvexi"]),
        # a known district followed by an unknown locality
        ("A blast in Bannu Vexkalay killed one.", ["Bannu Vexkalay"]),
        # a facility named after a person is no place; the road beside it is
        ("It went off near Vexmadina Masjid at Qorvex Road.", ["Qorvex Road"]),
    ],
)
def test_made_up_places_are_unknown(text: str, expected: list[str]) -> None:
    assert sorted(_unknown(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # gazetteer districts, localities and aliases, in any case and spelling form
        "Militants attacked a post in Bannu on Monday.",
        "Two IEDs exploded near Mir Ali and in the Tirah valley.",
        "The attack took place in D.I. Khan and in DI Khan district.",
        "Forces raided the MIR ALI area in North Waziristan.",
        "Firing in Khyber Pakhtunkhwa's Lakki Marwat district.",
        # countries, months, weekdays, titles, organisations, acronyms
        "Talks were held in Afghanistan and in Pakistan in March.",
        "He was killed in January at Major Ahmed's house on Tuesday.",
        "The case was heard in Peshawar High Court and at ISPR headquarters.",
        "Injured were taken to CMH in an ambulance.",
        "A blast near Vexjinnah International Airport and in the January-March period.",
        # a possessive of an unknown owner is not a place position
        "In Zorvaxi's opinion the talks failed.",
        # a place noun that opens a title; directions; two known names in a row
        "Said by Zorvaxi Khan and Bannu District Police Officer Ali.",
        "Militants moved in North and attacked.",
        "Raids in Khyber Bara tehsil.",
        # a headline's capitals
        "Afghan Firing At Qarvexi Border Kills Six Civilians",
    ],
)
def test_known_or_non_places_are_not_listed(text: str) -> None:
    assert _unknown(text) == []


def test_unknown_places_count_across_documents_and_sort_by_frequency() -> None:
    docs = [
        ma.Document("a", "A blast in Shorvex Tangi. Another blast in Shorvex Tangi."),
        ma.Document("b", "Firing in Shorvex Tangi and near Dabvexi."),
        ma.Document("c", "Police reached Dabvexi area."),
        ma.Document("d", "Curfew in Palvex Kach."),
    ]
    places = ma.unknown_places(docs)
    assert [(p.name, p.mentions, p.documents) for p in places] == [
        ("Shorvex Tangi", 3, 2),
        ("Dabvexi", 2, 2),
        ("Palvex Kach", 1, 1),
    ]
    first = places[0].examples[0]
    assert docs[0].text[first.start : first.end] == "Shorvex Tangi"


def test_known_names_use_the_gazetteer_given() -> None:
    gazetteer = pl.DataFrame(
        {"name": ["Zorvaxi"], "aliases": [["Zor Vaxi"]]},
        schema={"name": pl.String, "aliases": pl.List(pl.String)},
    )
    known = ma.known_names(gazetteer)
    assert {"zorvaxi", "zor vaxi", "pakistan"} <= known
    assert ma.unknown_places([ma.Document("d", "Firing in Zor-Vaxi.")], known) == []


# --- the report and the command --------------------------------------------


def test_summary_counts_each_list() -> None:
    docs = [
        ma.Document("plain", PLAIN, "2025-06-11"),
        ma.Document("other", "Officials said 40 people died in Khorvindi village over the years."),
    ]
    report = ma.audit(docs)
    summary = report.summary()
    assert summary["documents"] == 2
    assert summary["incidents"] == report.incidents
    assert summary["uncounted_tolls"] == len(report.uncounted_tolls)
    assert summary["unknown_places"] == len(report.unknown_places) >= 1
    assert "Khorvindi" in [p.name for p in report.unknown_places]
    data = report.to_dict(limit=0)
    assert data["unknown_places"] == [] and data["summary"] == summary


def _write_corpus(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "one.txt").write_text(" date 2025-06-11 \n" + PLAIN, encoding="utf-8")
    lines = [
        {"doc_id": "j1", "published": "2025-05-02", "text": "Blast near Gharvexi Kalay hurt 3."},
        {"text": "Markets reopened in Bannu."},
    ]
    (folder / "more.jsonl").write_text(
        "\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8"
    )


def test_load_documents(tmp_path: Path) -> None:
    _write_corpus(tmp_path)
    docs = ma.load_documents([tmp_path])
    assert [(d.doc_id, d.published) for d in docs] == [
        ("j1", "2025-05-02"),
        ("more.jsonl#1", None),
        ("sub/one.txt", None),
    ]
    assert [d.doc_id for d in ma.load_documents([tmp_path / "sub" / "one.txt"])] == ["one.txt"]
    with pytest.raises(FileNotFoundError):
        ma.load_documents([tmp_path / "missing"])


def test_command_runs_on_a_folder(tmp_path: Path) -> None:
    _write_corpus(tmp_path)
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(done.stdout)
    assert report["summary"]["documents"] == 3
    assert report["summary"]["incidents"] >= 1
    assert "Gharvexi Kalay" in [p["name"] for p in report["unknown_places"]]
    assert "Bannu" not in [p["name"] for p in report["unknown_places"]]

    text = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path), "--limit", "1"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert text.startswith("# summary\ndocuments: 3\n")
    assert "# unknown places" in text


def test_command_reports_a_missing_path(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "nothing")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "nothing" in done.stderr
