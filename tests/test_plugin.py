"""The Polars expression plugin: pl.col("text").incidents.parse(...) gives,
row for row, what ik.parse_many gives, in select, with_columns and lazy
queries."""

from __future__ import annotations

import datetime as dt
import inspect
import re
import warnings
from pathlib import Path

import polars as pl
import pytest
from polars.plugins import register_plugin_function
from polars.testing import assert_frame_equal

import incidentkit as ik

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"
INCIDENTS = pl.List(pl.Struct(ik.SCHEMA))


@pytest.fixture(scope="module")
def docs() -> pl.DataFrame:
    """The example corpus, with a publication date given for every third document
    (the others use their own header date, or none)."""
    paths = sorted(CORPUS.glob("*.txt"))
    return pl.DataFrame(
        {
            "doc_id": [p.name for p in paths],
            "published": [dt.date(2025, 11, 20) if i % 3 == 0 else None for i in range(len(paths))],
            "text": [p.read_text(encoding="utf-8") for p in paths],
        }
    )


@pytest.fixture(scope="module")
def expected(docs: pl.DataFrame) -> pl.DataFrame:
    frame = ik.parse_many(
        docs["text"].to_list(), docs["published"].to_list(), docs["doc_id"].to_list()
    )
    assert frame.height > 40  # the comparison covers many incidents
    return frame


def unnested(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.select(pl.col("incidents").explode().drop_nulls()).unnest("incidents")


def parse_expr() -> pl.Expr:
    return pl.col("text").incidents.parse(published=pl.col("published"), doc_id=pl.col("doc_id"))


def test_select_equals_parse_many_row_for_row(docs: pl.DataFrame, expected: pl.DataFrame) -> None:
    out = docs.select(parse_expr())
    assert out.schema == pl.Schema({"incidents": INCIDENTS})
    assert out.height == docs.height
    assert_frame_equal(unnested(out), expected)


def test_with_columns_keeps_the_frame(docs: pl.DataFrame, expected: pl.DataFrame) -> None:
    out = docs.with_columns(parse_expr())
    assert out.columns == ["doc_id", "published", "text", "incidents"]
    assert_frame_equal(out.drop("incidents"), docs)
    counts = expected.group_by("doc_id").len()
    per_doc = out.select("doc_id", pl.col("incidents").list.len().alias("n"))
    joined = per_doc.join(counts, on="doc_id", how="left").with_columns(pl.col("len").fill_null(0))
    assert (joined["n"] == joined["len"]).all()
    assert_frame_equal(unnested(out), expected)


@pytest.mark.parametrize("engine", ["in-memory", "streaming"])
def test_lazy_query(docs: pl.DataFrame, expected: pl.DataFrame, engine: str) -> None:
    query = (
        docs.lazy()
        .with_columns(parse_expr())
        .select("incidents")
        .explode("incidents")
        .drop_nulls()
        .unnest("incidents")
    )
    assert query.collect_schema() == expected.schema
    assert_frame_equal(query.collect(engine=engine), expected)  # type: ignore[call-overload]


def test_column_names_and_literal_date(docs: pl.DataFrame) -> None:
    published = dt.date(2025, 11, 20)
    by_name = docs.select(pl.col("text").incidents.parse(published=published, doc_id="doc_id"))
    expected = ik.parse_many(docs["text"].to_list(), published, docs["doc_id"].to_list())
    assert_frame_equal(unnested(by_name), expected)


def test_default_ids_are_row_positions() -> None:
    texts = pl.DataFrame(
        {
            "text": [
                "The weather was mild.",
                "BANNU: Two policemen were martyred in Domel on Monday.",
            ]
        }
    )
    out = unnested(texts.select(pl.col("text").incidents.parse(published=dt.date(2025, 3, 5))))
    assert out.select("doc_id", "incident_id", "date_start").rows() == [
        ("1", "1:0", dt.date(2025, 3, 3))
    ]


def test_null_ids_fall_back_to_row_positions() -> None:
    frame = pl.DataFrame({"id": ["a", None], "text": ["A blast in Quetta killed 3 people."] * 2})
    out = unnested(frame.select(pl.col("text").incidents.parse(doc_id="id")))
    assert out["incident_id"].to_list() == ["a:0", "1:0"]


def test_null_and_empty_texts() -> None:
    frame = pl.DataFrame(
        {"text": [None, "", "Nothing of note happened in Lahore."]}, schema={"text": pl.String}
    )
    out = frame.select(pl.col("text").incidents.parse())
    assert out["incidents"].to_list() == [None, [], []]


@pytest.mark.parametrize(
    "published",
    [
        pl.Series(["2025-03-05"]),
        pl.Series([dt.datetime(2025, 3, 5, 18, 0)]),
        pl.Series([dt.date(2025, 3, 5)]),
    ],
    ids=["iso-string", "datetime", "date"],
)
def test_published_column_dtypes(published: pl.Series) -> None:
    frame = pl.DataFrame(
        {"text": ["Two soldiers were martyred in Bannu yesterday."], "published": published}
    )
    out = unnested(frame.select(pl.col("text").incidents.parse(published="published")))
    assert out.select("published", "date_start").rows() == [
        (dt.date(2025, 3, 5), dt.date(2025, 3, 4))
    ]


def test_header_date_is_used_where_published_is_null() -> None:
    frame = pl.DataFrame(
        {"text": [" date 2025-03-05 \nTwo soldiers were martyred in Bannu yesterday."]}
    )
    out = unnested(frame.select(pl.col("text").incidents.parse()))
    assert out.select("published", "date_start").rows() == [
        (dt.date(2025, 3, 5), dt.date(2025, 3, 4))
    ]


def test_group_by_agg_lists_per_group(docs: pl.DataFrame) -> None:
    # In an aggregation the expression runs per group; ids come from the column.
    grouped = (
        docs.with_columns(pl.col("doc_id").str.slice(0, 1).alias("series"))
        .group_by("series", maintain_order=True)
        .agg(parse_expr())
    )
    assert grouped.schema["incidents"] == pl.List(INCIDENTS)
    total = grouped.select(pl.col("incidents").explode().list.len().sum()).item()
    assert total == docs.select(parse_expr().list.len().sum()).item()


def test_wrong_arguments() -> None:
    frame = pl.DataFrame({"text": ["Troops fired."], "published": ["last week"], "n": [1]})
    with pytest.raises(TypeError, match="published: expected an expression, a column name"):
        pl.col("text").incidents.parse(published=20250305)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="doc_id: expected an expression, a column name or None"):
        pl.col("text").incidents.parse(doc_id=7)  # type: ignore[arg-type]
    with pytest.raises(
        pl.exceptions.PolarsError, match='expected an ISO date YYYY-MM-DD, got "last week"'
    ):
        frame.select(pl.col("text").incidents.parse(published="published"))
    with pytest.raises(pl.exceptions.PolarsError, match="expected a String column of texts"):
        frame.select(pl.col("n").incidents.parse())


# -- a document that fails, and the threads it runs on ------------------------------

# The engine has no input known to fail (a panic is caught per document and
# the known ones are fixed). The plugin takes a test-only keyword argument:
# a text holding this marker fails as a panic would, naming its thread.
MARKER = "[[fail-here]]"


def failing_parse() -> pl.Expr:
    from incidentkit import _plugin

    return register_plugin_function(
        plugin_path=_plugin._LIBRARY,
        function_name="parse_incidents",
        args=[pl.col("text"), pl.col("published"), pl.col("doc_id"), _plugin._row_numbers()],
        kwargs={"fail_on": MARKER},
        is_elementwise=True,
    ).alias("incidents")


@pytest.fixture
def with_a_failure(docs: pl.DataFrame) -> pl.DataFrame:
    broken = pl.DataFrame(
        {"doc_id": ["broken"], "published": [dt.date(2025, 3, 5)], "text": [f"{MARKER} Troops."]}
    )
    return pl.concat([docs.head(5), broken, docs.slice(5, 5)])


@pytest.mark.parametrize("engine", ["in-memory", "streaming"])
def test_a_failed_document_warns_with_its_row_and_reason(
    with_a_failure: pl.DataFrame, expected: pl.DataFrame, engine: str
) -> None:
    query = with_a_failure.lazy().select("doc_id", failing_parse())
    with pytest.warns(ik.CorpusWarning) as record:
        out = query.collect(engine=engine)  # type: ignore[call-overload]
    messages = [str(w.message) for w in record]
    assert len(messages) == 1, messages
    assert re.fullmatch(
        r"incidents\.parse: row 5 \(doc_id 'broken'\) could not be parsed: internal error: "
        r"failure injected by a test \(thread Some\(\"polars-\d+\"\)\); its incidents are null",
        messages[0],
    ), messages[0]
    # Parsed on a thread of Polars' pool (named polars-N), not on rayon's global
    # pool (unnamed threads) inside it.
    assert out.filter(pl.col("incidents").is_null())["doc_id"].to_list() == ["broken"]
    kept = out.filter(pl.col("doc_id") != "broken")
    ids = with_a_failure["doc_id"].to_list()
    assert_frame_equal(unnested(kept), expected.filter(pl.col("doc_id").is_in(ids)))


def test_a_failed_document_under_warnings_as_errors_fails_the_query(
    with_a_failure: pl.DataFrame,
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", ik.CorpusWarning)
        with pytest.raises(pl.exceptions.ComputeError, match=r"row 5 \(doc_id 'broken'\)"):
            with_a_failure.select(failing_parse())


def test_the_warning_points_at_the_query_line(with_a_failure: pl.DataFrame) -> None:
    with pytest.warns(ik.CorpusWarning) as record:
        line = inspect.currentframe().f_lineno + 1  # type: ignore[union-attr]
        with_a_failure.select(failing_parse())
    assert (record[0].filename, record[0].lineno) == (__file__, line)


def test_a_typed_column_has_the_namespace(docs: pl.DataFrame, expected: pl.DataFrame) -> None:
    typed = ik.col("text").incidents.parse(published="published", doc_id="doc_id")
    assert_frame_equal(unnested(docs.select(typed)), expected)
    with pytest.raises(TypeError, match="name: expected a column name"):
        ik.col(3)  # type: ignore[arg-type]
