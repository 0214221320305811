"""ik.read_corpus: every input format, broken files among good ones, rows
without text, and the warnings that report them."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
import warnings
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import incidentkit as ik
from incidentkit.io import CORPUS_SCHEMA

HEADER_DOC = " date 2025-03-05 \nBANNU: Two policemen were martyred in Domel on Monday.\n"
LONE_DATE_DOC = "Wednesday, November 12, 2025\nA blast hit a market in Quetta.\n"
UNDATED_DOC = "Security forces killed four khwarij in Tank.\n"


def messages(record: pytest.WarningsRecorder) -> list[str]:
    return [str(w.message) for w in record if issubclass(w.category, ik.CorpusWarning)]


def write_jsonl(path: Path, lines: list[object]) -> Path:
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "ispr" / "2025").mkdir(parents=True)
    (root / "a.txt").write_text(HEADER_DOC, encoding="utf-8")
    (root / "ispr" / "b.txt").write_text(LONE_DATE_DOC, encoding="utf-8")
    (root / "ispr" / "2025" / "c.txt").write_text(UNDATED_DOC, encoding="utf-8")
    (root / "notes.md").write_text("not a document", encoding="utf-8")
    (root / "ispr" / "D.TXT").write_text(UNDATED_DOC, encoding="utf-8")
    return root


# -- folders and .txt files ------------------------------------------------


def test_folder_is_read_recursively_with_relative_ids_and_header_dates(folder: Path) -> None:
    corpus = ik.read_corpus(folder)
    assert corpus.schema == CORPUS_SCHEMA
    assert corpus.rows() == [
        ("a.txt", dt.date(2025, 3, 5), HEADER_DOC),
        ("ispr/2025/c.txt", None, UNDATED_DOC),
        ("ispr/D.TXT", None, UNDATED_DOC),
        ("ispr/b.txt", dt.date(2025, 11, 12), LONE_DATE_DOC),
    ]


def test_text_keeps_the_file_exactly(tmp_path: Path) -> None:
    # CRLF line ends stay, so evidence offsets index the file's characters;
    # only a byte order mark is dropped.
    raw = "\ufeff date 2025-01-02 \r\nTroops repulsed an attack in Zhob.\r\n"
    (tmp_path / "crlf.txt").write_bytes(raw.encode("utf-8"))
    corpus = ik.read_corpus(tmp_path / "crlf.txt")
    assert corpus.rows() == [("crlf.txt", dt.date(2025, 1, 2), raw[1:])]


def test_broken_and_empty_files_are_reported_and_the_rest_is_read(folder: Path) -> None:
    (folder / "latin1.txt").write_bytes("Attack in Peshawar caf\xe9".encode("latin-1"))
    (folder / "ispr" / "empty.txt").write_text("  \n\n", encoding="utf-8")
    with pytest.warns(ik.CorpusWarning) as record:
        corpus = ik.read_corpus(folder)
    assert corpus["doc_id"].to_list() == ["a.txt", "ispr/2025/c.txt", "ispr/D.TXT", "ispr/b.txt"]
    found = messages(record)
    assert len(found) == 2
    assert any("latin1.txt" in m and "not UTF-8" in m for m in found), found
    assert any("empty.txt" in m and "no text" in m for m in found), found


def test_single_txt_file_uses_its_name(folder: Path) -> None:
    corpus = ik.read_corpus(folder / "ispr" / "b.txt")
    assert corpus.rows() == [("b.txt", dt.date(2025, 11, 12), LONE_DATE_DOC)]


def test_folder_without_txt_files_warns_and_gives_an_empty_frame(tmp_path: Path) -> None:
    (tmp_path / "readme.md").write_text("nothing here", encoding="utf-8")
    with pytest.warns(ik.CorpusWarning, match="no .txt files"):
        corpus = ik.read_corpus(tmp_path)
    assert corpus.height == 0
    assert corpus.schema == CORPUS_SCHEMA


# -- JSON Lines --------------------------------------------------------------


def test_jsonl_rows_with_default_columns(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "news.jsonl",
        [
            {"doc_id": "n1", "published": "2025-03-05", "text": "A blast hit Quetta."},
            {"doc_id": 2, "published": "2025-03-06T08:30:00Z", "text": "Troops fired."},
            {"doc_id": None, "published": None, "text": "Police were attacked."},
        ],
    )
    assert ik.read_corpus(path).rows() == [
        ("n1", dt.date(2025, 3, 5), "A blast hit Quetta."),
        ("2", dt.date(2025, 3, 6), "Troops fired."),
        ("news.jsonl#3", None, "Police were attacked."),
    ]


def test_jsonl_without_id_or_date_columns_gets_file_line_ids(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "feed.jsonl", [{"text": "One."}, "", {"text": "Three."}])
    assert ik.read_corpus(path).rows() == [
        ("feed.jsonl#1", None, "One."),
        ("feed.jsonl#3", None, "Three."),
    ]


def test_jsonl_custom_column_names(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [{"key": "k", "day": "2024-12-31", "body": "Text."}])
    corpus = ik.read_corpus(path, text_column="body", published_column="day", id_column="key")
    assert corpus.rows() == [("k", dt.date(2024, 12, 31), "Text.")]


def test_jsonl_bad_lines_are_reported_one_by_one(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            {"doc_id": "ok1", "text": "First good one."},
            '{"doc_id": "broken", "text": "no closing brace"',
            "[1, 2, 3]",
            {"doc_id": "blank", "text": "   "},
            {"doc_id": "missing"},
            {"doc_id": "number", "text": 42},
            {"doc_id": "baddate", "published": "last Tuesday", "text": "Kept, undated."},
            {"doc_id": "ok2", "text": "Second good one."},
        ],
    )
    with path.open("ab") as handle:
        handle.write(b'{"doc_id": "bytes", "text": "caf\xe9"}\n')
    with pytest.warns(ik.CorpusWarning) as record:
        corpus = ik.read_corpus(path)
    assert corpus.rows() == [
        ("ok1", None, "First good one."),
        ("baddate", None, "Kept, undated."),
        ("ok2", None, "Second good one."),
    ]
    found = messages(record)
    expected = [
        r"mixed\.jsonl, line 2: malformed JSON",
        r"mixed\.jsonl, line 3: expected a JSON object, got list",
        r"mixed\.jsonl, line 4 \(doc_id 'blank'\): no text",
        r"mixed\.jsonl, line 5 \(doc_id 'missing'\): no text",
        r"mixed\.jsonl, line 6 \(doc_id 'number'\): text is not a string",
        r"mixed\.jsonl, line 7 \(doc_id 'baddate'\): published 'last Tuesday' is not an ISO date",
        r"mixed\.jsonl, line 9: not UTF-8",
    ]
    assert len(found) == len(expected), found
    for pattern, message in zip(expected, found):
        assert re.search(pattern, message), (pattern, message)


def test_jsonl_wrong_text_column_lists_the_columns(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": 1, "body": "Text."}])
    with pytest.raises(
        ValueError,
        match=r"text_column: .*a\.jsonl has no column 'text'; its columns are: 'id', 'body'",
    ):
        ik.read_corpus(path)


# -- CSV -----------------------------------------------------------------------


def test_csv_rows_dates_and_generated_ids(tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    pl.DataFrame(
        {
            "published": ["2025-03-05", "2025-03-06 10:00:00", None],
            "text": ["A blast hit Quetta.", "Two soldiers were martyred,\nsaid ISPR.", "Third."],
        }
    ).write_csv(path)
    assert ik.read_corpus(path).rows() == [
        ("reports.csv#1", dt.date(2025, 3, 5), "A blast hit Quetta."),
        ("reports.csv#2", dt.date(2025, 3, 6), "Two soldiers were martyred,\nsaid ISPR."),
        ("reports.csv#3", None, "Third."),
    ]


def test_csv_rows_without_text_and_bad_dates_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "id,date,body\nx1,2025-01-01,Good.\nx2,2025-01-02,\nx3,soon,Kept.\n,2025-01-04,No id.\n",
        encoding="utf-8",
    )
    with pytest.warns(ik.CorpusWarning) as record:
        corpus = ik.read_corpus(path, text_column="body", published_column="date", id_column="id")
    assert corpus.rows() == [
        ("x1", dt.date(2025, 1, 1), "Good."),
        ("x3", None, "Kept."),
        ("r.csv#4", dt.date(2025, 1, 4), "No id."),
    ]
    found = messages(record)
    assert len(found) == 2, found
    assert re.search(r"r\.csv, row 2 \(doc_id 'x2'\): no text", found[0]), found
    assert re.search(
        r"r\.csv, row 3 \(doc_id 'x3'\): published 'soon' is not an ISO date", found[1]
    )


def test_csv_wrong_column_lists_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("id,body\n1,Text.\n", encoding="utf-8")
    with pytest.raises(
        ValueError, match=r"published_column: .* no column 'day'; its columns are: 'id', 'body'"
    ):
        ik.read_corpus(path, text_column="body", published_column="day")
    with pytest.raises(ValueError, match=r"text_column: .* no column 'text'"):
        ik.read_corpus(path)


def test_csv_that_is_not_utf8_is_reported_and_other_files_are_read(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"doc_id,text\nb1,caf\xe9 attack\n")
    good = tmp_path / "good.csv"
    good.write_text("doc_id,text\ng1,Fine.\n", encoding="utf-8")
    with pytest.warns(ik.CorpusWarning, match=r"bad\.csv: cannot be read .*utf-8"):
        corpus = ik.read_corpus([bad, good])
    assert corpus["doc_id"].to_list() == ["g1"]


# -- Parquet -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (pl.Series([dt.date(2025, 2, 1), None]), [dt.date(2025, 2, 1), None]),
        (pl.Series([dt.datetime(2025, 2, 1, 23, 59), None]), [dt.date(2025, 2, 1), None]),
        (pl.Series(["2025-02-01", None]), [dt.date(2025, 2, 1), None]),
        (pl.Series([None, None], dtype=pl.Null), [None, None]),
    ],
    ids=["date", "datetime", "string", "null"],
)
def test_parquet_published_dtypes(
    tmp_path: Path, published: pl.Series, expected: list[object]
) -> None:
    path = tmp_path / "docs.parquet"
    pl.DataFrame(
        {"doc_id": [10, 11], "published": published, "text": ["One.", "Two."]}
    ).write_parquet(path)
    corpus = ik.read_corpus(path)
    assert corpus.schema == CORPUS_SCHEMA
    assert corpus.rows() == [("10", expected[0], "One."), ("11", expected[1], "Two.")]


def test_parquet_null_text_rows_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "docs.parquet"
    pl.DataFrame({"text": ["One.", None, "Three."]}).write_parquet(path)
    with pytest.warns(
        ik.CorpusWarning, match=r"docs\.parquet, row 2 \(doc_id 'docs\.parquet#2'\): no text"
    ):
        corpus = ik.read_corpus(path)
    assert corpus["doc_id"].to_list() == ["docs.parquet#1", "docs.parquet#3"]


def test_corrupt_parquet_is_reported_and_other_files_are_read(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.parquet"
    corrupt.write_bytes(b"PAR1 this is not parquet at all")
    good = tmp_path / "good.parquet"
    pl.DataFrame({"doc_id": ["g"], "text": ["Fine."]}).write_parquet(good)
    with pytest.warns(ik.CorpusWarning, match=r"corrupt\.parquet: cannot be read"):
        corpus = ik.read_corpus([corrupt, good])
    assert corpus["doc_id"].to_list() == ["g"]


def test_parquet_text_column_must_hold_text(tmp_path: Path) -> None:
    path = tmp_path / "n.parquet"
    pl.DataFrame({"text": [1, 2]}).write_parquet(path)
    with pytest.raises(
        ValueError, match=r"text_column: column 'text' .* holds Int64; expected text"
    ):
        ik.read_corpus(path)


# -- several paths and wrong arguments ---------------------------------------


def test_list_of_paths_keeps_their_order(tmp_path: Path, folder: Path) -> None:
    jsonl = write_jsonl(tmp_path / "n.jsonl", [{"doc_id": "j", "text": "J."}])
    csv = tmp_path / "c.csv"
    csv.write_text("doc_id,text\nc,C.\n", encoding="utf-8")
    parquet = tmp_path / "p.parquet"
    pl.DataFrame({"doc_id": ["p"], "text": ["P."]}).write_parquet(parquet)
    corpus = ik.read_corpus([str(parquet), csv, folder / "a.txt", jsonl])
    assert corpus["doc_id"].to_list() == ["p", "c", "a.txt", "j"]


def test_equal_to_reading_each_file(tmp_path: Path, folder: Path) -> None:
    jsonl = write_jsonl(
        tmp_path / "n.jsonl", [{"doc_id": f"j{i}", "text": f"T{i}."} for i in range(5)]
    )
    both = ik.read_corpus([folder, jsonl])
    assert_frame_equal(both, pl.concat([ik.read_corpus(folder), ik.read_corpus(jsonl)]))


@pytest.mark.parametrize(
    ("argument", "pattern"),
    [
        (
            "does/not/exist",
            r"path_or_paths: 'does/not/exist' does not exist; expected a folder of \.txt files",
        ),
        (
            "FILE.docx",
            r"path_or_paths: '.*FILE\.docx' is not a supported corpus format; expected .*\.jsonl.*\.csv.*\.parquet",
        ),
        ([], r"path_or_paths: expected at least one path"),
    ],
)
def test_wrong_paths_raise_value_error(tmp_path: Path, argument: object, pattern: str) -> None:
    if argument == "FILE.docx":
        argument = tmp_path / "FILE.docx"
        argument.write_text("x", encoding="utf-8")
    with pytest.raises(ValueError, match=pattern):
        ik.read_corpus(argument)  # type: ignore[arg-type]


def test_wrong_argument_types_raise_type_error(folder: Path) -> None:
    with pytest.raises(
        TypeError, match="path_or_paths: expected a path or a list of paths, got int"
    ):
        ik.read_corpus(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text_column: expected a column name"):
        ik.read_corpus(folder, text_column=None)  # type: ignore[arg-type]


def test_no_warning_for_a_clean_corpus(folder: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ik.read_corpus(folder).height == 4


# -- publication dates: stated in the text, or a fallback ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2025-06-11\nTwo soldiers were martyred in Bannu yesterday.\n",
        "DAWN | June 11, 2025\nTwo soldiers were martyred in Bannu yesterday.\n",
        "Published June 11, 2025 08:12am\nTwo soldiers were martyred in Bannu yesterday.\n",
        "Blast in Bannu\n\nTwo soldiers were martyred in Bannu yesterday.\n\n"
        "Published in Dawn, June 11th, 2025\n",
    ],
    ids=["iso", "masthead", "published-time", "closing-line"],
)
def test_publication_lines_date_the_document(tmp_path: Path, text: str) -> None:
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    assert ik.read_corpus(tmp_path)["published"].to_list() == [dt.date(2025, 6, 11)]
    found = ik.parse_corpus(tmp_path, progress=False)
    assert found.select("published", "date_start").rows() == [
        (dt.date(2025, 6, 11), dt.date(2025, 6, 10))
    ]


def test_fallback_date_for_documents_that_give_none(tmp_path: Path, folder: Path) -> None:
    fallback = dt.date(2025, 1, 1)
    corpus = ik.read_corpus(folder, published=fallback)
    # A date the document states wins over the fallback.
    assert corpus.select("doc_id", "published").rows() == [
        ("a.txt", dt.date(2025, 3, 5)),
        ("ispr/2025/c.txt", fallback),
        ("ispr/D.TXT", fallback),
        ("ispr/b.txt", dt.date(2025, 11, 12)),
    ]
    jsonl = write_jsonl(
        tmp_path / "n.jsonl",
        [
            {"doc_id": "given", "published": "2024-12-31", "text": "T."},
            {"doc_id": "stated", "text": "DAWN | May 2, 2025\nT."},
            {"doc_id": "none", "published": None, "text": "T."},
        ],
    )
    csv = tmp_path / "n.csv"
    csv.write_text('doc_id,published,text\nc1,,"Published May 3, 2025\nT."\nc2,,T.\n')
    rows = ik.read_corpus([jsonl, csv], published="2025-01-01").rows()
    assert [(doc_id, published) for doc_id, published, _ in rows] == [
        ("given", dt.date(2024, 12, 31)),
        ("stated", dt.date(2025, 5, 2)),
        ("none", fallback),
        ("c1", dt.date(2025, 5, 3)),
        ("c2", fallback),
    ]


def test_wrong_reading_arguments(folder: Path) -> None:
    with pytest.raises(ValueError, match=r"^published: expected an ISO date"):
        ik.read_corpus(folder, published="soon")
    with pytest.raises(TypeError, match=r"^published: expected a datetime.date"):
        ik.read_corpus(folder, published=20250101)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^encoding: 'klingon' is not a codec Python knows"):
        ik.read_corpus(folder, encoding="klingon")
    with pytest.raises(ValueError, match=r"^errors: expected 'strict' or 'replace', got 'ignore'"):
        ik.read_corpus(folder, errors="ignore")  # type: ignore[arg-type]


# -- encodings -----------------------------------------------------------------------

CAFE = "Attack near a caf\u00e9 in Peshawar: two policemen were martyred.\n"


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + CAFE.encode("utf-8"),
        CAFE.encode("utf-16"),  # with its byte order mark
        codecs.BOM_UTF16_BE + CAFE.encode("utf-16-be"),
        CAFE.encode("utf-32"),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be", "utf-32"],
)
def test_a_byte_order_mark_names_the_encoding(tmp_path: Path, encoded: bytes) -> None:
    (tmp_path / "d.txt").write_bytes(encoded)
    line = json.dumps({"doc_id": "j", "text": CAFE}, ensure_ascii=False) + "\n"
    (tmp_path / "d.jsonl").write_bytes(line.encode(_codec(encoded)))
    corpus = ik.read_corpus([tmp_path / "d.txt", tmp_path / "d.jsonl"])
    assert corpus["text"].to_list() == [CAFE, CAFE]


def _codec(encoded: bytes) -> str:
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if encoded.startswith(bom):
            return name
    raise AssertionError(encoded[:4])


def test_latin1_files_with_their_encoding(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_bytes(CAFE.encode("latin-1"))
    line = json.dumps({"doc_id": "j", "text": CAFE.strip()}, ensure_ascii=False) + "\n"
    (tmp_path / "d.jsonl").write_bytes(line.encode("latin-1"))
    (tmp_path / "d.csv").write_bytes(f'doc_id,text\nc,"{CAFE}"\n'.encode("cp1252"))
    paths = [tmp_path / "d.txt", tmp_path / "d.jsonl", tmp_path / "d.csv"]
    with pytest.warns(ik.CorpusWarning) as record:
        assert ik.read_corpus(paths).height == 0
    found = messages(record)
    assert len(found) == 3, found
    assert re.search(
        r"d\.txt: not UTF-8 text .*skipped \(give its encoding with encoding=", found[0]
    )
    assert re.search(r"d\.jsonl, line 1: not UTF-8 text", found[1])
    assert re.search(r"d\.csv: cannot be read", found[2])
    corpus = ik.read_corpus(paths, encoding="latin-1")
    assert corpus["text"].to_list() == [CAFE, CAFE.strip(), CAFE]


def test_undecodable_bytes_replaced_on_request(tmp_path: Path) -> None:
    raw = CAFE.encode("utf-8").replace(b"\xc3\xa9", b"\xe9\xff")
    (tmp_path / "d.txt").write_bytes(raw)
    (tmp_path / "d.csv").write_bytes(b'doc_id,text\nc,"' + raw + b'"\n')
    with pytest.warns(ik.CorpusWarning) as record:
        corpus = ik.read_corpus([tmp_path / "d.txt", tmp_path / "d.csv"], errors="replace")
    expected = CAFE.replace("\u00e9", "\ufffd\ufffd")
    assert corpus["text"].to_list() == [expected, expected]
    found = messages(record)
    assert len(found) == 2, found
    assert all(
        re.search(r"2 undecodable byte sequence\(s\) of UTF-8 replaced by U\+FFFD", m)
        for m in found
    )
