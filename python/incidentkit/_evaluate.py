"""Scoring the parser against hand-annotated documents.

The gold is read here (a JSONL file or a list of documents in the shape of
the project's evaluation files); the matching and every statistic run in
Rust.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

import polars as pl

from incidentkit import _args, _core
from incidentkit._parse import SCHEMA
from incidentkit._stats import _frame

#: What ``gold`` may be: a JSONL path, a list of documents, or a frame.
GoldSource = Union[str, "os.PathLike[str]", Sequence[Mapping[str, Any]], pl.DataFrame, pl.LazyFrame]

_SIDES = ("security", "civilians", "militants", "unknown")
_TEXT_FIELDS = ("country", "province", "district", "place", "militant_group", "operation")
_MENTION = pl.Enum(["report", "background"])


def _gold_schema() -> pl.Schema:
    """The SPEC columns, then ``gold_index``, ``optional``, ``evidence`` (and
    ``mention`` while the SPEC frame lacks it)."""
    columns = dict(SCHEMA)
    columns["gold_index"] = pl.UInt32()
    columns["optional"] = pl.Boolean()
    columns["evidence"] = pl.String()
    columns.setdefault("mention", _MENTION)
    return pl.Schema(columns)


def _categories(name: str) -> list[str]:
    dtype = _gold_schema()[name]
    assert isinstance(dtype, pl.Enum)
    return list(dtype.categories)


class _Where:
    """Where in the gold a value sits, for error messages."""

    def __init__(self, doc: int, doc_id: object, incident: int | None = None) -> None:
        self.text = f"gold: document {doc} (doc_id {doc_id!r})"
        if incident is not None:
            self.text += f", incident {incident}"

    def error(self, field: str, expected: str, value: object) -> ValueError:
        return ValueError(f"{self.text}: {field}: expected {expected}, got {value!r}")


def _date(value: object, field: str, where: _Where) -> dt.date | None:
    try:
        return _args.date(value, field)
    except (TypeError, ValueError):
        raise where.error(field, "an ISO date 'YYYY-MM-DD' or null", value) from None


def _text(value: object, field: str, where: _Where) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise where.error(field, "a string or null", value)


def _count(value: object, field: str, where: _Where) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise where.error(field, "a count (an integer >= 0) or null", value)


def _flag(value: object, field: str, where: _Where) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    raise where.error(field, "true, false or null", value)


def _category(value: object, field: str, where: _Where) -> str | None:
    accepted = _categories(field)
    if value is None or (isinstance(value, str) and value in accepted):
        return value
    raise where.error(field, f"one of {', '.join(map(repr, accepted))} or null", value)


def _sides(value: object, field: str, where: _Where) -> dict[str, int | None]:
    if value is None:
        value = {}
    if not isinstance(value, Mapping) or not set(value) <= set(_SIDES):
        raise where.error(field, f"an object with the keys {', '.join(_SIDES)}", value)
    return {side: _count(value.get(side), f"{field}.{side}", where) for side in _SIDES}


def _nationalities(value: object, where: _Where) -> list[dict[str, Any]]:
    field = "militant_nationalities"
    if value is None:
        return []
    if isinstance(value, Mapping):
        items = list(value.items())
    elif isinstance(value, Sequence) and not isinstance(value, str):
        if not all(isinstance(v, Mapping) and "nationality" in v for v in value):
            raise where.error(field, "{nationality: count} or a list of such structs", value)
        items = [(v["nationality"], v.get("count")) for v in value]
    else:
        raise where.error(field, '{"Afghan": 4} (counts may be null)', value)
    out = []
    for name, count in items:
        if not isinstance(name, str):
            raise where.error(field, "nationality names as strings", name)
        out.append({"nationality": name, "count": _count(count, f"{field}.{name}", where)})
    return out


def _incident_row(
    incident: object, doc_id: str, published: dt.date | None, index: int, where: _Where
) -> dict[str, Any]:
    if not isinstance(incident, Mapping):
        raise where.error("incident", "an object", incident)
    get = incident.get
    row: dict[str, Any] = {name: None for name in _gold_schema().names()}
    row.update(doc_id=doc_id, incident_id=f"{doc_id}:{index}", published=published)
    row.update(gold_index=index)
    for name in ("date_start", "date_end"):
        row[name] = _date(get(name), name, where)
    for name in ("date_precision", "event_type", "mention"):
        row[name] = _category(get(name), name, where)
    for name in _TEXT_FIELDS:
        row[name] = _text(get(name), name, where)
    for kind in ("killed", "injured"):
        counts = _sides(get(kind), kind, where)
        for side, count in counts.items():
            row[f"{kind}_{side}"] = count
        stated = [c for c in counts.values() if c is not None]
        row[f"{kind}_total"] = sum(stated) if stated else None
    row["arrested"] = _count(get("arrested"), "arrested", where)
    for name in ("approximate", "cross_border", "optional"):
        row[name] = _flag(get(name), name, where)
    row["militant_nationalities"] = _nationalities(get("militant_nationalities"), where)
    row["evidence"] = _text(get("evidence"), "evidence", where)
    return row


def _documents(source: object) -> list[object]:
    """The documents of a JSONL file or of a list."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise ValueError(f"gold: cannot read {str(path)!r}: {error}") from None
        documents = []
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                documents.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ValueError(
                    f"gold: line {number} of {str(path)!r}: not JSON: {error}"
                ) from None
        return documents
    if isinstance(source, Sequence) and not isinstance(source, (bytes, bytearray)):
        return list(source)
    raise TypeError(
        "gold: expected a path to a JSONL file, a list of documents (dicts with doc_id "
        f"and incidents) or a polars DataFrame with the SPEC columns, got {type(source).__name__}"
    )


def _read_gold(source: object) -> tuple[list[str], pl.DataFrame]:
    """The ids of the documents and the gold frame."""
    doc_ids: list[str] = []
    rows: list[dict[str, Any]] = []
    for number, document in enumerate(_documents(source)):
        if not isinstance(document, Mapping):
            raise ValueError(f"gold: document {number}: expected an object, got {document!r}")
        doc_id = document.get("doc_id")
        where = _Where(number, doc_id)
        if isinstance(doc_id, int) and not isinstance(doc_id, bool):
            doc_id = str(doc_id)
        if not isinstance(doc_id, str):
            raise where.error("doc_id", "a string", doc_id)
        published = _date(document.get("published"), "published", where)
        incidents = document.get("incidents")
        if incidents is None:
            incidents = []
        if not isinstance(incidents, Sequence) or isinstance(incidents, str):
            raise where.error("incidents", "a list of incidents", incidents)
        doc_ids.append(doc_id)
        for index, incident in enumerate(incidents):
            rows.append(
                _incident_row(incident, doc_id, published, index, _Where(number, doc_id, index))
            )
    return doc_ids, pl.DataFrame(rows, schema=_gold_schema(), orient="row")


def read_gold(source: str | os.PathLike[str] | Sequence[Mapping[str, Any]]) -> pl.DataFrame:
    """Read hand-annotated incidents into a frame with the SPEC columns.

    Parameters
    ----------
    source
        A JSONL file, or a list of its objects: one document per line, with
        ``doc_id``, ``published`` and ``incidents``. An incident holds the
        SPEC fields a reader can judge (``date_start``, ``date_end``,
        ``date_precision``, ``country``, ``province``, ``district``,
        ``place``, ``event_type``, ``arrested``, ``approximate``,
        ``militant_group``, ``cross_border``, ``operation``, ``mention``),
        ``killed`` and ``injured`` as objects by side (``{"security": 2}``),
        ``militant_nationalities`` as ``{"Afghan": 4}`` (a count may be
        null), ``evidence`` (a quote that names the incident) and
        ``optional`` (true for a borderline incident, neither rewarded nor
        penalised). Missing fields are null.

    Returns
    -------
    polars.DataFrame
        One row per gold incident: the SPEC columns (``incident_id`` is
        ``"{doc_id}:{gold_index}"``, ``text``, ``start`` and ``end`` are
        null), then ``gold_index`` (the incident's position in its
        document), ``optional``, ``evidence`` and, while the parser's frame
        lacks it, ``mention``. Documents
        without incidents have no rows: :func:`evaluate` reads them from the
        file itself.

    Examples
    --------
    >>> import incidentkit as ik
    >>> gold = ik.read_gold([{"doc_id": "a", "published": "2025-03-05", "incidents": [
    ...     {"district": "Bannu", "killed": {"security": 2}, "evidence": "two policemen"}]}])
    >>> gold.select("incident_id", "district", "killed_security", "killed_total").rows()
    [('a:0', 'Bannu', 2, 2)]
    """
    return _read_gold(source)[1]


def _doc_ids(value: object) -> list[str]:
    if value is None:
        return []
    if (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and all(isinstance(v, str) for v in value)
    ):
        return list(value)
    raise TypeError(f"docs: expected a list of document ids (str) or None, got {value!r}")


@dataclass(frozen=True)
class Evaluation:
    """How well incidents agree with a gold standard: four Polars frames.

    Attributes
    ----------
    summary
        One row: ``docs``, ``gold`` (gold incidents, optional ones left
        out), ``predicted`` (rows scored), ``tp``, ``fp``, ``fn``,
        ``precision``, ``recall``, ``f1`` (null when undefined: nothing
        predicted, no gold), ``optional_matched`` (rows matched to optional
        gold incidents, not scored) and ``unscored`` (rows of documents the
        gold does not cover).
    fields
        Per field: ``field``, ``matched`` (matched incidents it was compared
        on), ``correct`` and ``accuracy``.
    aggregates
        Per measure (``killed_by_district``, ``killed_by_month``,
        ``incidents_by_district``, ``militants_by_nationality``,
        ``incidents_by_nationality``): ``gold_total``, ``abs_error`` (the
        sum over groups of the absolute difference) and ``wape``
        (``abs_error / gold_total``).
    matches
        One row per gold incident and per unmatched row: ``doc_id``,
        ``gold_index``, ``incident_id``, ``outcome`` (``tp``, ``fn``,
        ``fp``, ``optional``), ``similarity``, and one Boolean column per
        field: whether the row agrees with the gold (null unless matched).
    """

    summary: pl.DataFrame
    fields: pl.DataFrame
    aggregates: pl.DataFrame
    matches: pl.DataFrame

    def _measure(self, name: str) -> float | None:
        value = self.summary[name][0]
        return None if value is None else float(value)

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp); None when nothing was predicted."""
        return self._measure("precision")

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn); None when the gold has no incidents."""
        return self._measure("recall")

    @property
    def f1(self) -> float | None:
        """The harmonic mean of precision and recall."""
        return self._measure("f1")

    def __repr__(self) -> str:
        row = self.summary.row(0, named=True)

        def show(value: float | None) -> str:
            return "None" if value is None else f"{value:.3f}"

        return (
            f"Evaluation(docs={row['docs']}, gold={row['gold']}, predicted={row['predicted']}, "
            f"precision={show(self.precision)}, recall={show(self.recall)}, f1={show(self.f1)})"
        )

    def _repr_html_(self) -> str:
        parts = [f"<p><code>{self!r}</code></p>"]
        for name in ("fields", "aggregates"):
            frame: pl.DataFrame = getattr(self, name)
            parts.append(f"<p>{name}</p>{frame._repr_html_()}")
        return "\n".join(parts)


def evaluate(
    incidents: pl.DataFrame | pl.LazyFrame,
    gold: GoldSource,
    docs: Sequence[str] | None = None,
) -> Evaluation:
    """Score incidents against hand-annotated gold ones.

    Matching is per document. Every pair of a gold incident and a row of the
    same document gets a similarity, in points:

    - district: +3 when both state it and it is the same (spellings the
      gazetteer lists for one district count as one), -2 when different;
      when neither states one, +1 if the provinces agree;
    - dates: when both are dated, +2 if the ranges are at most a day apart,
      else -2; +1 more if first and last days are the same;
    - +2 when both state deaths and the totals are equal;
    - +1 when the places are the same (as compared below);
    - +0.5 when the event types agree;
    - +2.5 when the gold ``evidence`` quote lies inside the row's ``text``
      (ignoring case and spacing; texts over 1,000 characters do not count).

    Pairs of at least 3 points are taken greedily, highest first (ties: the
    later gold incident, then the later row), each gold incident and row
    at most once. A matched pair is a true positive, an unmatched row a
    false positive, an unmatched gold incident a false negative. A row
    matched to an ``optional`` gold incident counts nowhere, and an
    unmatched optional incident is no miss.

    On true positives every field is compared: equal values (null equals
    null; ``killed`` and ``injured`` side by side; nationalities with their
    counts; ``approximate`` and ``cross_border`` null as false). ``place``
    is compared lowercased, without the generic words around the name (a
    leading "general area", "mauza" or "village", trailing "area",
    "bazaar", "town", "village", "city", "tehsil", "valley", "sector").
    ``mention`` is compared where the gold states it and the rows have the
    column.

    Aggregates are compared over the scored incidents (gold ones not
    optional; rows not matched to optional ones): killed and incidents by
    district, killed by month of ``date_start``, militants and incidents by
    nationality, each as the weighted absolute percentage error
    sum |gold - predicted| / sum gold over the groups of either side
    (incidents without a district or date form a group of their own).

    Parameters
    ----------
    incidents
        The rows to score (``ik.parse``, ``ik.parse_many``): the SPEC
        columns, with ``doc_id`` naming the gold's documents.
    gold
        A JSONL file (or a list of its objects, see :func:`read_gold`), or
        a frame with the SPEC columns and optionally ``optional``,
        ``evidence`` and ``mention`` (:func:`read_gold` gives one).
    docs
        Ids of further documents the gold covers. A frame cannot hold a
        document that has no gold incidents: name such documents here, or
        their rows are not scored. A JSONL gold covers all of its documents.

    Returns
    -------
    Evaluation
        ``summary``, ``fields``, ``aggregates`` and ``matches`` frames, and
        ``precision``, ``recall`` and ``f1``.

    Examples
    --------
    >>> import incidentkit as ik
    >>> gold = [{"doc_id": "a", "published": "2025-03-05", "incidents": [
    ...     {"date_start": "2025-03-03", "date_end": "2025-03-03", "district": "Bannu",
    ...      "place": "Domel area", "event_type": "militant_attack",
    ...      "killed": {"security": 2}, "evidence": "two policemen were martyred"}]}]
    >>> incidents = ik.parse("BANNU: Two policemen were martyred in an attack in Domel "
    ...                      "on Monday.", published="2025-03-05", doc_id="a")
    >>> result = ik.evaluate(incidents, gold)
    >>> result
    Evaluation(docs=1, gold=1, predicted=1, precision=1.000, recall=1.000, f1=1.000)
    >>> result.matches.select("gold_index", "incident_id", "outcome", "similarity").rows()
    [(0, 'a:0', 'tp', 12.0)]
    """
    frame = _frame(incidents, "incidents")
    covered: list[str] = []
    pandas = sys.modules.get("pandas")
    if isinstance(gold, (pl.DataFrame, pl.LazyFrame)) or (
        pandas is not None and isinstance(gold, pandas.DataFrame)
    ):
        gold_frame = _args.frame(gold, "gold", _gold_schema())
    else:
        covered, gold_frame = _read_gold(gold)
    summary, fields, aggregates, matches = _core.evaluate(
        frame, gold_frame, covered + _doc_ids(docs)
    )
    return Evaluation(summary, fields, aggregates, matches)
