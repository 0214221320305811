"""The evidence of a row covers every sentence a field of it was read from."""

from __future__ import annotations

import incidentkit as ik

REPORT = (
    "BANNU: Militants attacked a police post in the Domel area of Bannu on Monday night.\n\n"
    "The district police officer said the attackers used rockets and automatic weapons.\n\n"
    "Three policemen were martyred and two others were injured in the attack, he added. "
    "The banned TTP claimed responsibility."
)


def test_the_evidence_runs_from_the_place_to_the_last_figure_and_group() -> None:
    rows = ik.parse(REPORT, published="2025-03-04", doc_id="r")
    assert rows.height == 1
    row = rows.row(0, named=True)
    assert (row["district"], row["killed_security"], row["militant_group"]) == ("Bannu", 3, "TTP")
    # The span is the text it claims to be, from the first sentence a field
    # was read from (the place) to the last (the group's claim).
    assert REPORT[row["start"] : row["end"]] == row["text"]
    assert row["text"].startswith("BANNU: Militants attacked a police post in the Domel area")
    assert row["text"].endswith("The banned TTP claimed responsibility.")
    assert "Three policemen were martyred" in row["text"]


def test_two_incidents_keep_their_own_spans() -> None:
    text = (
        "Two soldiers were martyred in an IED blast in Mir Ali on Sunday. "
        "In another incident, police killed three terrorists in Tank district."
    )
    rows = ik.parse(text, published="2025-03-04").sort("start")
    first, second = rows.row(0, named=True), rows.row(1, named=True)
    assert first["text"] == "Two soldiers were martyred in an IED blast in Mir Ali on Sunday."
    assert second["text"].startswith("In another incident")
    assert first["end"] <= second["start"]
