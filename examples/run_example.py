"""Parse the bundled example corpus and print the incident table.

Run from the repository root after ``pip install .``::

    python examples/run_example.py
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

import incidentkit as ik

CORPUS = Path(__file__).resolve().parent / "corpus"

COLUMNS = [
    "incident_id",
    "date_start",
    "district",
    "place",
    "event_type",
    "killed_security",
    "killed_civilians",
    "killed_militants",
    "injured_total",
    "militant_group",
    "militant_nationalities",
]


def main() -> None:
    paths = sorted(CORPUS.glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    incidents = ik.parse_many(texts, doc_ids=[path.name for path in paths])
    print(f"{len(paths)} documents, {incidents.height} incidents\n")
    with pl.Config(
        tbl_rows=-1,
        tbl_cols=-1,
        tbl_width_chars=400,
        fmt_str_lengths=50,
        tbl_hide_dataframe_shape=True,
        tbl_hide_column_data_types=True,
    ):
        print(incidents.select(COLUMNS))


if __name__ == "__main__":
    main()
