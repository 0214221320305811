"""The benchmark corpus generator (benches/generate.py): seeded, sized, in
the styles the parser reads, and parsed into incidents in known places."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import polars as pl
import pytest

import incidentkit as ik

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benches"))
import generate
import reference

SIZE = 150_000


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
    assert any(t.startswith("RAWALPINDI:") for t in texts)  # press statements
    assert any(t.startswith("PESHAWAR: Violence was reported") for t in texts)  # roundups
    assert any("according to data compiled" in t for t in texts)  # analysis
    assert any("claimed responsibility" in t for t in texts)  # news reports
    # Typeset punctuation, as published: curly quotes and dashes.
    typeset = ("\u201c", "\u2019", "\u2014")  # curly quote, apostrophe, em dash
    assert all(any(mark in t for t in texts) for mark in typeset)


def test_text_reads_like_real_reports(corpus: list[dict[str, str]]) -> None:
    """The profile of the 131 real reports of the evaluation set, measured
    with benches/reference.py (2026-12-07): 22.5 words a sentence, 42% of
    sentences with a number, 22.8 capitalised and 2.64 casualty words a KB,
    2,085 distinct words in every 10,000.
    The generated corpus stays within a fifth of each, so that its speed
    stands for theirs."""
    profile = reference.text_profile([d["text"] for d in corpus])
    assert profile.words_per_sentence == pytest.approx(22.5, rel=0.2)
    assert profile.sentences_with_numbers == pytest.approx(0.42, rel=0.2)
    assert profile.capitalised_per_kb == pytest.approx(22.8, rel=0.2)
    assert profile.distinct_per_10k_words == pytest.approx(2085, rel=0.2)
    assert profile.casualty_words_per_kb == pytest.approx(2.64, rel=0.2)


def test_parsed_incidents_fall_in_the_gazetteer(corpus: list[dict[str, str]]) -> None:
    frame = ik.parse_many(
        [d["text"] for d in corpus],
        [d["published"] for d in corpus],
        [d["doc_id"] for d in corpus],
    )
    assert frame.height >= len(corpus) // 2
    districts = set(ik.gazetteer().filter(kind="district")["name"])
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
