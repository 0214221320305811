"""The benchmarks' references: the literal scan the parser's speed is
measured against, the text profile that calibrates the generated corpus,
and the replication of real documents."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from incidentkit import _core

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benches"))
import reference


def test_literal_scan_counts_every_match_whatever_the_case() -> None:
    texts = ["Two soldiers were KILLED and three Killed.", "", "security forces"]
    assert _core.literal_scan(texts, ["killed", "soldiers", "security forces"]) == 4
    assert _core.literal_scan(texts, ["taliban"]) == 0
    assert _core.literal_scan(texts, []) == 0


def test_literal_scan_matches_the_python_count() -> None:
    texts = ["A blast in the district killed militants; police said the attack was a blast."] * 5
    words = ["blast", "district", "police", "attack", "killed", "militants"]
    expected = sum(t.lower().count(w) for t in texts for w in words)
    assert _core.literal_scan(texts, words) == expected
    scan = reference.literal_scan(texts, words, repeats=1)
    assert scan.matches == expected
    assert scan.megabytes > 0 and scan.seconds > 0


def test_text_profile_reads_sentences_numbers_and_words() -> None:
    text = (
        "Two soldiers were killed in Bannu on Monday. The army said the area was cleared. "
        "Police arrested three suspects in Peshawar."
    )
    profile = reference.text_profile([text])
    assert profile.words_per_sentence == pytest.approx(21 / 3)
    assert profile.sentences_with_numbers == pytest.approx(2 / 3)
    kilobytes = len(text.encode()) / 1000
    # Bannu, Monday, Peshawar: capitals not at a sentence's start.
    assert profile.capitalised_per_kb == pytest.approx(3 / kilobytes)
    assert profile.casualty_words_per_kb == pytest.approx(2 / kilobytes)
    assert "words a sentence" in profile.describe()


def test_text_profile_reads_what_sentences_carry() -> None:
    text = (
        "PESHAWAR: Two soldiers were martyred in an attack on a check post in Bannu on "
        "Monday, police said. The attack was claimed by the Tehreek-e-Taliban Pakistan (TTP)."
        "\n\nThese operations will continue, the ISPR said on 14 April 2024. Three days ago, "
        "the militants raided a school in Khyber Pakhtunkhwa's Lakki Marwat district."
    )
    profile = reference.text_profile([text])
    kilobytes = len(text.encode()) / 1000
    # Two, 14, 2024, Three.
    assert profile.numbers_per_kb == pytest.approx(4 / kilobytes)
    # attack, attack, operations ("raided" is a verb).
    assert profile.event_nouns_per_kb == pytest.approx(3 / kilobytes)
    # The attack, These operations, the militants.
    assert profile.definite_refs_per_kb == pytest.approx(3 / kilobytes)
    # Monday, 14 April 2024 (one date), Three days ago.
    assert profile.dates_per_kb == pytest.approx(3 / kilobytes)
    # PESHAWAR (a dateline, in capitals), Bannu, Khyber Pakhtunkhwa (not
    # Khyber: the longest name wins; the possessive is dropped), Lakki Marwat.
    assert profile.places_per_kb == pytest.approx(4 / kilobytes)
    # Tehreek-e-Taliban Pakistan, TTP.
    assert profile.groups_per_kb == pytest.approx(2 / kilobytes)
    # Two paragraphs of two sentences.
    assert profile.sentences_per_paragraph == 2
    lengths = sorted(
        len(s.encode())
        for s in [
            "PESHAWAR: Two soldiers were martyred in an attack on a check post in Bannu on "
            "Monday, police said.",
            "The attack was claimed by the Tehreek-e-Taliban Pakistan (TTP).",
            "These operations will continue, the ISPR said on 14 April 2024.",
            "Three days ago, the militants raided a school in Khyber Pakhtunkhwa's Lakki "
            "Marwat district.",
        ]
    )
    # Nearest rank: the third of four, the fourth of four.
    assert profile.median_sentence_bytes == lengths[2]
    assert profile.p90_sentence_bytes == lengths[3]
    assert profile.median_document_bytes == len(text.encode())
    assert "definite references" in profile.describe_content()
    assert "sentences a paragraph" in profile.describe_shape()


def test_text_profile_finds_no_date_or_name_inside_a_word() -> None:
    # Mar(wat), Sep(oy), Jan(i Khel), Dec(ided): no month; "may": no month.
    text = "Sepoy Ali Marwat of Jani Khel decided he may go. Police said so."
    profile = reference.text_profile([text])
    assert profile.dates_per_kb == 0
    assert profile.numbers_per_kb == 0
    assert profile.groups_per_kb == 0
    # Relative dates in any case; a weekday; a year alone.
    text = "Last week two men died. On Sunday police came. It was 2019."
    kilobytes = len(text.encode()) / 1000
    assert reference.text_profile([text]).dates_per_kb == pytest.approx(3 / kilobytes)


def test_text_profile_median_document_length_and_paragraphs() -> None:
    texts = ["One two.", "Three four five six seven.\n\nEight.", "Nine ten eleven."]
    profile = reference.text_profile(texts)
    assert profile.median_document_bytes == len(texts[2].encode())
    # Four paragraphs (a line break ends one), four sentences.
    assert profile.sentences_per_paragraph == 1


def test_distinct_words_are_counted_in_windows_of_ten_thousand() -> None:
    spellings = [a + b for a in "abcdefghij" for b in "abcdefghij"]
    # 30,000 words cycling over 100 spellings, case ignored: 100 a window.
    words = [spellings[n % 100].upper() if n % 2 else spellings[n % 100] for n in range(30_000)]
    assert reference.text_profile([" ".join(words)]).distinct_per_10k_words == 100
    # Fewer words than a window: scaled to one (500 words, 50 spellings).
    short = " ".join(spellings[n % 50] for n in range(500))
    assert reference.text_profile([short]).distinct_per_10k_words == 50 * 20


def test_replicate_repeats_documents_with_fresh_ids_up_to_the_size() -> None:
    docs = [
        {"doc_id": "a", "published": "2025-01-02", "text": "x" * 100},
        {"doc_id": "b", "published": None, "text": "y" * 50},
    ]
    copies = list(reference.replicate(docs, 420))
    assert sum(len(str(d["text"])) for d in copies) >= 420
    assert len({d["doc_id"] for d in copies}) == len(copies)
    assert [d["published"] for d in copies[:2]] == ["2025-01-02", None]
    with pytest.raises(ValueError, match="no documents"):
        next(reference.replicate([], 10))
