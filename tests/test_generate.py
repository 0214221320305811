"""The benchmark corpus generator (benches/generate.py): seeded, sized, in
the styles the parser reads, with the profile of real reports, and parsed
into incidents in known places."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

import polars as pl
import pytest

import incidentkit as ik

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benches"))
import generate
import reference

SIZE = 400_000


@pytest.fixture(scope="module")
def corpus() -> list[dict[str, str]]:
    return list(generate.documents(SIZE, seed=3))


def test_same_seed_same_corpus(corpus: list[dict[str, str]]) -> None:
    assert list(generate.documents(SIZE, seed=3)) == corpus
    assert list(generate.documents(SIZE, seed=4)) != corpus


def test_size_is_reached_and_not_overshot(corpus: list[dict[str, str]]) -> None:
    sizes = [len(d["text"].encode()) for d in corpus]
    assert sum(sizes) >= SIZE
    # Generation stops at the first document that reaches the size.
    assert sum(sizes) - sizes[-1] < SIZE
    assert len({d["doc_id"] for d in corpus}) == len(corpus)


def test_documents_mix_the_styles_of_real_reports(corpus: list[dict[str, str]]) -> None:
    texts = [d["text"] for d in corpus]
    assert any(t.startswith("RAWALPINDI") and "ISPR" in t for t in texts)  # press statements
    assert any("Counter Terrorism Department (CTD)" in t for t in texts)  # arrests
    assert any(" percent " in t and "report" in t for t in texts)  # analysis
    assert any("claimed responsibility" in t for t in texts)  # news reports
    # Typeset punctuation, as published: curly quotes and apostrophes, dashes.
    typeset = ("\u201c", "\u2019", "\u2013", "\u2014")
    assert all(any(mark in t for t in texts) for mark in typeset)
    # Short paragraphs, as in news copy, and headlines above some of them.
    assert sum(t.count("\n\n") for t in texts) > 5 * len(texts)
    assert any(not t.split("\n")[0].endswith(".") for t in texts)


def _kind(kind: generate.Kind, count: int = 40) -> list[str]:
    """``count`` documents of one kind."""
    writer = generate._Writer(random.Random(1), generate._places())
    texts = []
    for n in range(count):
        writer.start(dt.date(2024, 1, 1) + dt.timedelta(days=9 * n))
        texts.append(kind(writer))
    return texts


def test_each_kind_reads_as_its_kind_of_report() -> None:
    districts = set(ik.gazetteer().filter(kind="district")["name"])

    def named(text: str) -> set[str]:
        return {d for d in districts if re.search(rf"\b{re.escape(d)}\b", text, re.IGNORECASE)}

    casualty = re.compile(r"\b(kill|martyr|injur|wound|shot dead|lost their lives)")
    attributed = re.compile(r"\b(said|told|according to|reported)\b")
    # A news report, long or short: an attack with casualties, its place, who said so.
    for text in _kind(generate._news_report) + _kind(generate._brief):
        assert casualty.search(text) and named(text) and attributed.search(text)
    # A press statement: the ISPR and an operation.
    for text in _kind(generate._press_statement):
        assert "ISPR" in text and re.search(
            r"operation|engagement|infiltrat|exchange of fire", text
        )
    # A round-up: incidents in at least three districts.
    assert all(len(named(t)) >= 3 for t in _kind(generate._roundup))
    # Statistics: figures throughout.
    for text in _kind(generate._analysis):
        assert len(re.findall(r"\b\d+\b", text)) >= 8 and re.search(r"report|data", text)
    # Arrests: the CTD and its suspects.
    for text in _kind(generate._arrests):
        assert "CTD" in text and re.search(r"suspect|arrest", text)
    # Commentary: long, in many paragraphs.
    for text in _kind(generate._commentary):
        assert len(text) > 1200 and text.count("\n\n") >= 6


def test_templates_fill_every_slot_and_choice() -> None:
    writer = generate._Writer(random.Random(5), generate._places())
    templates = 0
    for name, value in vars(generate).items():
        if name.isupper() and isinstance(value, list) and isinstance(value[0], str):
            for template in value:
                text = writer.fill(template)
                assert not re.search(r"[\[\]{}|]", text), (name, template, text)
                templates += 1
    assert templates > 400
    # Choices nest, and a number slot draws from its range.
    assert writer.fill("[a [b|c]|d] {d:40-40} {w:3-3}") in {
        "a b 40 three",
        "a c 40 three",
        "d 40 three",
    }


#: The profile of the 131 real reports of the evaluation set, measured with
#: benches/reference.py (2026-12-07).
REAL_PROFILE = {
    "words_per_sentence": 22.4,
    "sentences_with_numbers": 0.422,
    "capitalised_per_kb": 22.8,
    "casualty_words_per_kb": 2.64,
    "distinct_per_10k_words": 2085,
    "numbers_per_kb": 6.36,
    "event_nouns_per_kb": 3.84,
    "definite_refs_per_kb": 3.76,
    "dates_per_kb": 2.29,
    "places_per_kb": 4.67,
    "groups_per_kb": 1.19,
    "median_sentence_bytes": 141,
    "p90_sentence_bytes": 230,
    "sentences_per_paragraph": 1.42,
    "median_document_bytes": 1760,
}


@pytest.fixture(scope="module")
def profile() -> reference.TextProfile:
    """The profile of a generated corpus of 1.2 MB (some 700 documents)."""
    return reference.text_profile([d["text"] for d in generate.documents(1_200_000, seed=3)])


@pytest.mark.parametrize("statistic", sorted(REAL_PROFILE))
def test_text_reads_like_real_reports(profile: reference.TextProfile, statistic: str) -> None:
    """Each statistic of the generated corpus stays within 15% of the real
    reports': what their sentences carry (events, references back to them,
    numbers, dates, places, groups, casualties), how long sentences,
    paragraphs and documents run, how often words repeat. So the corpus costs
    the parser what real reporting costs, and its speed stands for theirs
    (benches/PERFORMANCE.md)."""
    assert getattr(profile, statistic) == pytest.approx(REAL_PROFILE[statistic], rel=0.15)


def test_parsed_incidents_fall_in_the_gazetteer(corpus: list[dict[str, str]]) -> None:
    frame = ik.parse_many(
        [d["text"] for d in corpus],
        [d["published"] for d in corpus],
        [d["doc_id"] for d in corpus],
    )
    assert frame.height >= len(corpus) // 2
    # Districts, and Karachi (a city of several districts).
    districts = set(ik.gazetteer().filter(pl.col("kind").is_in(["district", "city"]))["name"])
    placed = frame.filter(pl.col("district").is_not_null())
    assert placed.height > frame.height // 2
    assert set(placed["district"]) <= districts


def test_write_jsonl_and_text_folder(tmp_path: Path) -> None:
    jsonl = tmp_path / "corpus.jsonl"
    count = generate.write(jsonl, 20_000, seed=1, kind="jsonl")
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    assert len(lines) == count
    assert set(json.loads(lines[0])) == {"doc_id", "published", "text"}
    folder = tmp_path / "txt"
    assert generate.write(folder, 20_000, seed=1, kind="txt") == count
    first = sorted(folder.iterdir())[0].read_text(encoding="utf-8")
    assert first.startswith(" date ")
    assert ik.read_corpus(folder).height == count


def test_parse_size() -> None:
    assert generate.parse_size("1GB") == 10**9
    assert generate.parse_size("2.5MB") == 2_500_000
    assert generate.parse_size("500kB") == 500_000
    assert generate.parse_size("1234") == 1234
