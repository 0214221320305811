"""ik.evaluate and ik.read_gold on hand-worked cases.

The expected figures were worked out by hand from the matching rules in the
docstring of ``ik.evaluate``; each case says how.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from frames import day, frame, incident

import incidentkit as ik

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = Path(os.environ.get("INCIDENTKIT_EVAL_DIR", ROOT.parent / "shared" / "eval"))

# A one-day date, as a gold incident states it.
JAN_2 = {"date_start": "2025-01-02", "date_end": "2025-01-02"}

KP = {"country": "Pakistan", "province": "Khyber Pakhtunkhwa", "date_precision": "day"}

# Three annotated documents, in the shape of the evaluation files.
GOLD: list[dict[str, Any]] = [
    {
        "doc_id": "a",
        "published": "2025-03-05",
        "text": "BANNU: Two policemen were martyred in Domel. Three militants died in a raid.",
        "incidents": [
            {
                **KP,
                "date_start": "2025-03-03",
                "date_end": "2025-03-03",
                "district": "Bannu",
                "place": "Domel area",
                "event_type": "militant_attack",
                "killed": {"security": 2, "civilians": None, "militants": None, "unknown": None},
                "militant_group": "TTP",
                "mention": "report",
                "evidence": "Two policemen were martyred",
            },
            {
                **KP,
                "date_start": "2025-03-01",
                "date_end": "2025-03-01",
                "district": "Bannu",
                "event_type": "security_operation",
                "killed": {"militants": 3},
                "optional": True,
                "evidence": "Three militants died",
            },
        ],
    },
    {
        "doc_id": "b",
        "published": "2025-04-12",
        "text": "Five militants were killed near Kulachi. Separately, a blast in Kech killed one.",
        "incidents": [
            {
                **KP,
                "date_start": "2025-04-10",
                "date_end": "2025-04-10",
                "district": "Dera Ismail Khan",
                "place": "general area Kulachi",
                "event_type": "security_operation",
                "killed": {"militants": 5},
                "militant_nationalities": {"Afghan": 2},
                "cross_border": True,
                "mention": "background",
                "evidence": "Five militants were killed",
            },
            {
                "country": "Pakistan",
                "province": "Balochistan",
                "date_precision": "day",
                "date_start": "2025-04-08",
                "date_end": "2025-04-08",
                "district": "Kech",
                "event_type": "bombing",
                "killed": {"civilians": 1},
                "evidence": "a blast in Kech",
            },
        ],
    },
    {"doc_id": "c", "published": "2025-05-03", "text": "No attack is reported.", "incidents": []},
]


def parsed() -> pl.DataFrame:
    """The rows a parser might give for the documents above, and one more."""
    rows = [
        # a0 exactly, but without the group, in another spelling of the place.
        incident(
            0,
            doc_id="a",
            incident_id="a:0",
            **KP,
            date_start=day("2025-03-03"),
            district="Bannu",
            place="Domel",
            event_type="militant_attack",
            killed_security=2,
            mention="report",
            text="BANNU: Two policemen were   martyred in Domel.",
        ),
        # The optional a1.
        incident(
            1,
            doc_id="a",
            incident_id="a:1",
            **KP,
            date_start=day("2025-03-01"),
            district="Bannu",
            event_type="security_operation",
            killed_militants=3,
            mention="report",
        ),
        # b0 in another spelling of the district, a day late, one death short,
        # three Afghans instead of two.
        incident(
            2,
            doc_id="b",
            incident_id="b:0",
            **KP,
            date_start=day("2025-04-11"),
            district="D.I. Khan",
            place="Kulachi town",
            event_type="security_operation",
            killed_militants=4,
            militant_nationalities=[{"nationality": "Afghan", "count": 3}],
            cross_border=True,
            mention="report",
        ),
        # Nothing like the Kech blast: a false positive.
        incident(
            3,
            doc_id="b",
            incident_id="b:1",
            country="Pakistan",
            province="Balochistan",
            date_start=day("2025-04-20"),
            district="Quetta",
            event_type="militant_attack",
            killed_security=1,
            mention="report",
        ),
        # Document c has no gold incidents: a false positive.
        incident(
            4,
            doc_id="c",
            incident_id="c:0",
            date_start=day("2025-05-02"),
            district="Lahore",
            killed_civilians=3,
            mention="report",
        ),
        # Document z is not in the gold: not scored.
        incident(5, doc_id="z", incident_id="z:0", district="Bannu", killed_security=9),
    ]
    return frame_with_mention(rows, pl.Enum(["report", "background"]))


def frame_with_mention(rows: list[dict[str, Any]], dtype: Any = pl.String) -> pl.DataFrame:
    """An incident frame with a ``mention`` column."""
    return pl.DataFrame(rows, schema={**ik.SCHEMA, "mention": dtype})


def test_hand_worked_corpus_summary() -> None:
    # Gold, optional left out: a0, b0, b1. Matches: a0-a:0 and b0-b:0 (tp),
    # a1-a:1 (optional, not scored); b1 is missed; b:1 and c:0 are false
    # positives; z:0 is outside the gold.
    result = ik.evaluate(parsed(), GOLD)
    assert result.summary.row(0, named=True) == {
        "docs": 3,
        "gold": 3,
        "predicted": 4,
        "tp": 2,
        "fp": 2,
        "fn": 1,
        "precision": 0.5,
        "recall": pytest.approx(2 / 3),
        "f1": pytest.approx(4 / 7),  # 2 * 1/2 * 2/3 / (1/2 + 2/3)
        "optional_matched": 1,
        "unscored": 1,
    }
    assert (result.precision, result.recall, result.f1) == (
        0.5,
        pytest.approx(2 / 3),
        pytest.approx(4 / 7),
    )
    assert repr(result) == (
        "Evaluation(docs=3, gold=3, predicted=4, precision=0.500, recall=0.667, f1=0.571)"
    )


def test_jupyter_shows_the_summary_fields_and_aggregates() -> None:
    html = ik.evaluate(parsed(), GOLD)._repr_html_()
    assert html.startswith("<p><code>Evaluation(docs=3, gold=3")
    assert html.count("<table") == 2 and "killed_by_district" in html


def test_hand_worked_corpus_matches() -> None:
    result = ik.evaluate(parsed(), GOLD)
    # a0-a:0: district 3, dates within a day 2 and the same 1, deaths 2,
    # place 1 ("Domel area" is "Domel"), event type 0.5, evidence quote
    # inside the row's text (case and spacing aside) 2.5 = 12.
    # a1-a:1: 3 + 2 + 1 + 2 + 0.5 = 8.5.
    # b0-b:0: district 3 ("D.I. Khan" is the gazetteer's "Dera Ismail Khan"),
    # a day apart 2, place 1 ("general area Kulachi" is "Kulachi town"),
    # event type 0.5 = 6.5.
    assert result.matches.select(
        "doc_id", "gold_index", "incident_id", "outcome", "similarity"
    ).rows() == [
        ("a", 0, "a:0", "tp", 12.0),
        ("a", 1, "a:1", "optional", 8.5),
        ("b", 0, "b:0", "tp", 6.5),
        ("b", 1, None, "fn", None),
        ("b", None, "b:1", "fp", None),
        ("c", None, "c:0", "fp", None),
    ]
    b0 = result.matches.row(2, named=True)
    wrong = [f for f in result.fields["field"] if b0[f] is False]
    assert wrong == ["date_start", "date_end", "killed", "militant_nationalities", "mention"]
    assert b0["district"] is True and b0["place"] is True
    missed = result.matches.row(3, named=True)
    assert all(missed[f] is None for f in result.fields["field"])


def test_hand_worked_corpus_fields() -> None:
    # Two pairs. a0: only militant_group differs (TTP / null). b0: dates,
    # deaths, nationality count and mention differ.
    fields = ik.evaluate(parsed(), GOLD).fields
    accuracy = dict(fields.select("field", "accuracy").rows())
    half = {"date_start", "date_end", "killed", "militant_group", "militant_nationalities"}
    for name in fields["field"]:
        if name in half | {"mention"}:
            assert accuracy[name] == 0.5, name
        else:
            assert accuracy[name] == 1.0, name
    assert fields["matched"].to_list() == [2] * 17
    assert fields.filter(field="killed")["correct"].item() == 1


def test_hand_worked_corpus_aggregates() -> None:
    # Scored gold: a0 (Bannu, March, 2), b0 (D.I. Khan, April, 5, Afghan 2),
    # b1 (Kech, April, 1). Scored rows: a:0 (Bannu, March, 2), b:0 (D.I. Khan,
    # April, 4, Afghan 3), b:1 (Quetta, April, 1), c:0 (Lahore, May, 3).
    aggregates = ik.evaluate(parsed(), GOLD).aggregates
    assert aggregates.rows() == [
        # |2-2| + |5-4| + |1-0| + |0-1| + |0-3| = 6 of 8
        ("killed_by_district", 8, 6, 0.75),
        # March |2-2|, April |6-5|, May |0-3| = 4 of 8
        ("killed_by_month", 8, 4, 0.5),
        # Bannu 0, D.I. Khan 0, Kech 1, Quetta 1, Lahore 1 = 3 of 3
        ("incidents_by_district", 3, 3, 1.0),
        ("militants_by_nationality", 2, 1, 0.5),
        ("incidents_by_nationality", 1, 0, 0.0),
    ]


def test_gold_from_a_file_a_list_or_a_frame_agree(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in GOLD) + "\n\n", encoding="utf-8")
    from_list = ik.evaluate(parsed(), GOLD)
    for gold in (path, str(path)):
        from_file = ik.evaluate(parsed(), gold)
        assert from_file.summary.equals(from_list.summary)
        assert from_file.matches.equals(from_list.matches)
    # A frame cannot hold document c, which has no incidents: named in docs,
    # its row is scored; left out, it is not.
    gold_frame = ik.read_gold(path)
    named = ik.evaluate(parsed(), gold_frame, docs=["c"])
    assert named.summary.equals(from_list.summary)
    assert named.fields.equals(from_list.fields)
    assert named.aggregates.equals(from_list.aggregates)
    unnamed = ik.evaluate(parsed().lazy(), gold_frame.lazy()).summary.row(0, named=True)
    assert (unnamed["docs"], unnamed["fp"], unnamed["unscored"]) == (2, 1, 2)


def test_read_gold_gives_spec_columns() -> None:
    gold = ik.read_gold(GOLD)
    assert gold.columns[: len(ik.SCHEMA)] == ik.SCHEMA.names()
    extra = ["gold_index", "optional", "evidence"]
    # mention follows them until the parser's frame has it among the SPEC columns.
    assert gold.columns[len(ik.SCHEMA) :] == extra + ([] if "mention" in ik.SCHEMA else ["mention"])
    for name, dtype in ik.SCHEMA.items():
        assert gold.schema[name] == dtype, name
    assert gold.select("incident_id", "gold_index", "optional").rows() == [
        ("a:0", 0, False),
        ("a:1", 1, True),
        ("b:0", 0, False),
        ("b:1", 1, False),
    ]
    b0 = gold.row(2, named=True)
    assert b0["killed_militants"] == b0["killed_total"] == 5
    assert b0["killed_security"] is None and b0["injured_total"] is None
    assert b0["militant_nationalities"] == [{"nationality": "Afghan", "count": 2}]
    assert b0["published"] == day("2025-04-12")


def test_evaluating_the_gold_against_itself_is_perfect() -> None:
    gold = ik.read_gold(GOLD).with_columns(text=pl.col("evidence"))
    result = ik.evaluate(gold.drop("optional"), GOLD)
    # Without its optional flag the copy of a1 is matched to a1: not scored.
    assert result.summary.select("tp", "fp", "fn", "f1", "optional_matched").row(0) == (
        3,
        0,
        0,
        1.0,
        1,
    )
    assert result.fields["accuracy"].to_list() == [1.0] * 17
    assert result.aggregates["wape"].to_list() == [0.0] * 5


@pytest.mark.parametrize(
    ("gold_place", "row_place", "agrees"),
    [
        ("Datta Khel", "general area Datta Khel", True),
        ("Mauza Kot", "Kot", True),
        ("Rakhni Bazaar", "rakhni", True),
        ("Tirah valley", "Tirah", True),
        ("Shewa-Tochi", "Shewa Tochi", True),
        ("Mir Ali", "Miranshah", False),
        (None, None, True),
        ("Mir Ali", None, False),
    ],
)
def test_places_compare_without_generic_words(
    gold_place: str | None, row_place: str | None, agrees: bool
) -> None:
    gold = [{"doc_id": "d", "incidents": [{"district": "North Waziristan", **JAN_2}]}]
    gold[0]["incidents"][0]["place"] = gold_place
    row = incident(0, doc_id="d", district="North Waziristan", date_start=day("2025-01-02"))
    row["place"] = row_place
    result = ik.evaluate(frame([row]), gold)
    assert result.matches["place"].to_list() == [agrees]


@pytest.mark.parametrize(
    ("gold_district", "row_district", "agrees"),
    [
        ("Dera Ismail Khan", "DI Khan", True),
        ("Kurram", "Kurrum", True),
        ("Bajaur", "bajour", True),
        ("Kachhi", "Bolan", False),  # a former name, not a spelling
        ("Bannu", "Lakki Marwat", False),
    ],
)
def test_district_spellings_of_the_gazetteer_are_one_district(
    gold_district: str, row_district: str, agrees: bool
) -> None:
    gold = [{"doc_id": "d", "incidents": [{"district": gold_district, **JAN_2}]}]
    row = incident(0, doc_id="d", district=row_district, date_start=day("2025-01-02"))
    result = ik.evaluate(frame([row]), gold)
    # Same district: 3 + dates 3 + event type 0.5; different: -2 + 3 + 0.5.
    similarity = 6.5 if agrees else 1.5
    outcome = ["tp"] if agrees else ["fn", "fp"]
    assert result.matches["outcome"].to_list() == outcome
    if agrees:
        assert result.matches.row(0, named=True)["similarity"] == similarity
        assert result.matches["district"].to_list() == [True]


def test_a_row_needs_three_points() -> None:
    # Same dates (3) and event type (0.5), no district on either side and
    # provinces that differ: 3.5 points, a match. With dates two days apart:
    # -2 + 0.5 + 0 = -1.5, no match.
    gold = [{"doc_id": "d", "incidents": [{**JAN_2, "province": "Punjab"}]}]
    near = incident(0, doc_id="d", date_start=day("2025-01-02"), province="Sindh")
    far = incident(0, doc_id="d", date_start=day("2025-01-04"), province="Sindh")
    assert ik.evaluate(frame([near]), gold).matches["similarity"].to_list() == [3.5]
    assert ik.evaluate(frame([far]), gold).matches["outcome"].to_list() == ["fn", "fp"]


def test_ties_go_to_the_later_gold_incident() -> None:
    same = {"district": "Bannu", **JAN_2}
    gold = [{"doc_id": "d", "incidents": [same, same]}]
    row = incident(0, doc_id="d", district="Bannu", date_start=day("2025-01-02"))
    matches = ik.evaluate(frame([row]), gold).matches
    assert matches.select("gold_index", "outcome").rows() == [(0, "fn"), (1, "tp")]


def test_an_unmatched_optional_incident_is_no_miss() -> None:
    gold = [{"doc_id": "d", "incidents": [{"district": "Bannu", "optional": True}]}]
    result = ik.evaluate(frame([]), gold)
    assert result.summary.select("gold", "fn", "optional_matched").row(0) == (0, 0, 0)
    assert result.matches["outcome"].to_list() == ["optional"]


def test_empty_inputs() -> None:
    # Nothing to score: the rates are undefined (null), never a division error.
    result = ik.evaluate(frame([]), [])
    assert result.summary.row(0) == (0, 0, 0, 0, 0, 0, None, None, None, 0, 0)
    assert result.fields["matched"].to_list() == [0] * 17
    assert result.fields["accuracy"].to_list() == [None] * 17
    assert result.aggregates["wape"].to_list() == [None] * 5
    assert result.matches.height == 0
    assert repr(result) == (
        "Evaluation(docs=0, gold=0, predicted=0, precision=None, recall=None, f1=None)"
    )
    # A document annotated as having no incidents, and no rows: still a document.
    quiet = ik.parse("Nothing happened today.", doc_id="quiet")
    result = ik.evaluate(quiet, [{"doc_id": "quiet", "incidents": []}])
    assert result.summary.select("docs", "predicted", "precision").row(0) == (1, 0, None)


def test_precision_recall_and_f1_at_the_edges() -> None:
    gold = [{"doc_id": "d", "incidents": [{"district": "Bannu", **JAN_2}]}]
    nothing_found = ik.evaluate(frame([]), gold)
    assert nothing_found.summary.select("precision", "recall", "f1").row(0) == (None, 0.0, None)
    no_gold = ik.evaluate(frame([incident(0, doc_id="d")]), [{"doc_id": "d", "incidents": []}])
    assert no_gold.summary.select("precision", "recall", "f1").row(0) == (0.0, None, None)
    all_wrong = ik.evaluate(
        frame([incident(0, doc_id="d", district="Kech", date_start=day("2025-06-01"))]), gold
    )
    assert all_wrong.summary.select("precision", "recall", "f1").row(0) == (0.0, 0.0, 0.0)


def test_mention_is_scored_only_where_both_sides_have_it() -> None:
    gold = [{"doc_id": "d", "incidents": [{"district": "Bannu", "mention": "background"}]}]
    row = incident(0, doc_id="d", district="Bannu")
    without = ik.evaluate(frame([row]).drop("mention", strict=False), gold)
    without = without.fields.filter(field="mention")
    assert without.select("matched", "accuracy").row(0) == (0, None)
    with_column = frame_with_mention([{**row, "mention": "background"}])
    scored = ik.evaluate(with_column, gold).fields.filter(field="mention")
    assert scored.select("matched", "correct").row(0) == (1, 1)


@pytest.mark.parametrize(
    ("incidents", "gold", "docs", "error", "message"),
    [
        ("not a frame", [], None, TypeError, "incidents: expected a polars DataFrame"),
        (None, 42, None, TypeError, "gold: expected a path to a JSONL file"),
        (None, [], "a", TypeError, "docs: expected a list of document ids"),
        (None, ["x"], None, ValueError, "gold: document 0: expected an object"),
        (None, [{"incidents": []}], None, ValueError, "doc_id: expected a string"),
        (
            None,
            [{"doc_id": "d", "incidents": [{"date_start": "2025-13-01"}]}],
            None,
            ValueError,
            "incident 0: date_start: expected an ISO date",
        ),
        (
            None,
            [{"doc_id": "d", "incidents": [{"event_type": "bomb"}]}],
            None,
            ValueError,
            "event_type: expected one of 'militant_attack'",
        ),
        (
            None,
            [{"doc_id": "d", "incidents": [{"killed": {"soldiers": 2}}]}],
            None,
            ValueError,
            "killed: expected an object with the keys security, civilians",
        ),
        (
            None,
            [{"doc_id": "d", "incidents": [{"killed": {"security": -1}}]}],
            None,
            ValueError,
            "killed.security: expected a count",
        ),
        (
            None,
            [{"doc_id": "d", "incidents": [{"militant_nationalities": "Afghan"}]}],
            None,
            ValueError,
            "militant_nationalities: expected",
        ),
        (
            pl.DataFrame({"doc_id": ["d"]}),
            [],
            None,
            ValueError,
            "incidents: missing column(s) date_start",
        ),
        (None, pl.DataFrame({"doc_id": ["d"]}), None, ValueError, "gold: missing column(s)"),
        (
            None,
            frame([incident(0)]).with_columns(optional=pl.lit("yes")),
            None,
            ValueError,
            "gold: column optional has dtype str",
        ),
    ],
)
def test_wrong_arguments_name_the_argument(
    incidents: object, gold: object, docs: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        ik.evaluate(frame([]) if incidents is None else incidents, gold, docs)  # type: ignore[arg-type]


def test_gold_files_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="gold: cannot read"):
        ik.evaluate(frame([]), tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "a", "incidents": []}\n{not json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold: line 2 of .*: not JSON"):
        ik.evaluate(frame([]), bad)


@pytest.mark.skipif(
    not (EVAL_DIR / "dev.jsonl").exists() or not (EVAL_DIR / "score.py").exists(),
    reason="the evaluation set lives beside the repository, not in it",
)
def test_dev_set_scores_as_the_project_scorer_does() -> None:
    """On the dev set, ik.evaluate gives the figures eval/score.py prints."""
    gold = EVAL_DIR / "dev.jsonl"
    documents = [json.loads(line) for line in gold.read_text("utf-8").splitlines() if line]
    incidents = pl.concat(
        [ik.parse(d["text"], published=d.get("published"), doc_id=d["doc_id"]) for d in documents]
    )
    result = ik.evaluate(incidents, gold)
    run = subprocess.run(
        [sys.executable, str(EVAL_DIR / "score.py"), str(gold), "--json"],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    expected = json.loads(run.stdout.strip().splitlines()[-1])
    summary = result.summary.row(0, named=True)
    assert summary["docs"] == expected["docs"]
    assert summary["gold"] == expected["gold_incidents"]
    assert summary["predicted"] == expected["predicted"]
    for name in ("precision", "recall", "f1"):
        assert round(summary[name], 3) == expected[name], name
    accuracy = dict(result.fields.select("field", "accuracy").rows())
    for name, value in expected["field_accuracy"].items():
        assert round(accuracy[name], 3) == value, name
    wape = dict(result.aggregates.select("measure", "wape").rows())
    for name, value in expected["aggregate_wape"].items():
        assert wape[name] is None if value is None else round(wape[name], 3) == value, name
