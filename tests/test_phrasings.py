"""Table-driven phrasing cases (issue 22): how reports word incidents, read per SPEC.md.

Each line of ``tests/phrasings/<class>.jsonl`` is one short text written for
this table (invented names, real places) with the incidents SPEC.md says the
parser must return, in order of first mention, and only the fields the case
is about. ``"expect": []`` means no incident. A case may carry
``"xfail": "parser gap: ..."``: it is then marked ``xfail(strict=True)``, so the
suite fails the moment the parser starts passing it and the mark must go.
The catalogue of phrasings behind the cases is ``tests/phrasings/README.md``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import incidentkit as ik

CASES_DIR = Path(__file__).parent / "phrasings"

CLASSES = (
    "statistics",
    "tolls",
    "sides",
    "event_type",
    "places",
    "dates",
    "not_violence",
    "boundaries",
    "group_nationality",
    "mention",
)
MIN_PER_CLASS = 25
MIN_TOTAL = 300

# The SPEC columns a case may name in ``expect``.
FIELDS = {
    "date_start",
    "date_end",
    "date_precision",
    "country",
    "province",
    "district",
    "place",
    "event_type",
    "killed_security",
    "killed_civilians",
    "killed_militants",
    "killed_unknown",
    "injured_security",
    "injured_civilians",
    "injured_militants",
    "injured_unknown",
    "arrested",
    "killed_total",
    "injured_total",
    "approximate",
    "militant_group",
    "militant_nationalities",
    "cross_border",
    "operation",
    "mention",
}

# SPEC.md, Places: the generic words around a name are not compared.
_LEADING = re.compile(r"^(?:the\s+)?(?:general\s+area(?:\s+of)?|mauza)\s+", re.IGNORECASE)
_TRAILING = re.compile(r"\s+(?:area|bazaar|town|village|tehsil|valley|sector)$", re.IGNORECASE)


def _load_cases() -> list[dict[str, Any]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            case = json.loads(line)
            case["_source"] = f"{path.name}:{number}"
            cases.append(case)
    return cases


CASES = _load_cases()


def _params() -> list[Any]:
    params = []
    for case in CASES:
        marks = []
        if "xfail" in case:
            marks.append(pytest.mark.xfail(strict=True, reason=case["xfail"]))
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


def _place_key(value: str | None) -> str | None:
    if value is None:
        return None
    text = " ".join(value.split())
    text = _LEADING.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = _TRAILING.sub("", text)
    return text.casefold()


def _actual(row: dict[str, Any], field: str) -> Any:
    value = row[field]
    if isinstance(value, dt.date):
        return value.isoformat()
    if field == "militant_nationalities":
        return {item["nationality"]: item["count"] for item in value or []}
    return value


def _compare(row: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    problems = []
    for field, want in expected.items():
        if field not in row:
            # The `mention` column (report/background) is specified in SPEC.md but the
            # parser's frame may not carry it yet: the field is skipped until it does.
            if field == "mention":
                continue
            problems.append(f"{field}: column missing from the frame")
            continue
        got = _actual(row, field)
        if field == "place":
            same = _place_key(got) == _place_key(want)
        elif field == "militant_nationalities":
            same = got == (want or {})
        else:
            same = got == want
        if not same:
            problems.append(f"{field}: got {got!r}, want {want!r}")
    return problems


@pytest.mark.parametrize("case", _params())
def test_phrasing(case: dict[str, Any]) -> None:
    frame = ik.parse(case["text"], published=case.get("published"), doc_id=case["id"])
    rows = frame.to_dicts()
    expected = case["expect"]
    summary = [
        {k: r[k] for k in ("district", "place", "event_type", "killed_total", "date_start")}
        for r in rows
    ]
    assert len(rows) == len(expected), (
        f"{case['id']} ({case['why']}): {len(rows)} incidents, want {len(expected)}; got {summary}"
    )
    problems = []
    for index, (row, want) in enumerate(zip(rows, expected)):
        problems += [f"incident {index}: {p}" for p in _compare(row, want)]
    assert not problems, f"{case['id']} ({case['why']}):\n" + "\n".join(problems)


def test_table_size_and_ids() -> None:
    ids = Counter(case["id"] for case in CASES)
    duplicated = sorted(i for i, n in ids.items() if n > 1)
    assert not duplicated, f"duplicate case ids: {duplicated}"
    assert len(CASES) >= MIN_TOTAL, f"{len(CASES)} cases, want at least {MIN_TOTAL}"
    per_class = Counter(case["class"] for case in CASES)
    for name in CLASSES:
        assert per_class[name] >= MIN_PER_CLASS, f"class {name}: {per_class[name]} cases"
    assert set(per_class) <= set(CLASSES), f"unknown classes: {set(per_class) - set(CLASSES)}"


def test_cases_are_well_formed() -> None:
    for case in CASES:
        where = f"{case.get('id')} ({case['_source']})"
        assert case["class"] in CLASSES, where
        assert case["_source"].startswith(case["class"] + ".jsonl"), where
        assert case["id"].startswith(case["class"].replace("_", "-") + "-"), where
        assert case["text"].strip() and case["why"].strip(), where
        if case.get("published") is not None:
            dt.date.fromisoformat(case["published"])
        assert isinstance(case["expect"], list), where
        for incident in case["expect"]:
            unknown = set(incident) - FIELDS
            assert not unknown, f"{where}: fields not in SPEC: {unknown}"
        if "xfail" in case:
            assert case["xfail"].startswith("parser gap: "), where
