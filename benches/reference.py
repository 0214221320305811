"""What the parser's speed is measured against, and what the text looks like.

- :func:`literal_scan`: one case-insensitive pass over the text counting every
  match of a few lexicon words: ``rg --count-matches -i -F`` when ripgrep is
  installed, else the package's own aho-corasick scan of the same words. No
  parser can read text faster than it can look for its words once.
- :func:`text_profile`: the statistics a benchmark corpus must share with real
  reports for its speed to mean anything: sentence length, sentences with
  numbers, capitalised and casualty words per KB, how often words repeat;
  what the sentences carry that a rule-based reader has to work on (numbers,
  event nouns, definite references, dates, places, groups per KB); and the
  shape of the text (sentence lengths, sentences a paragraph, document
  length).
- :func:`replicate`: real documents repeated up to a size, with fresh ids.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import incidentkit as ik
from incidentkit import _core

# Words of the lexicon that any reader of these reports must find: casualty
# verbs, sides, event words, places and groups (17, as in the issue that set
# the target).
SCAN_WORDS = [
    "killed", "martyred", "injured", "wounded", "terrorists", "militants",
    "soldiers", "policemen", "attack", "blast", "operation", "district",
    "security forces", "police", "Afghan", "Taliban", "khwarij",
]  # fmt: skip

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'\u201c])|\n{2,}")
_WORD = re.compile("[A-Za-z][A-Za-z'\u2019-]*")
_NUMBER = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozens?|hundreds?|scores?)\b",
    re.IGNORECASE,
)
_CASUALTY = re.compile(
    r"\b(?:killed|killing|martyred|martyrdom|injured|injuring|wounded|wounding|"
    r"dead|died|deaths?|lives|toll|shot|gunned|neutrali[sz]ed|arrested|casualt\w*)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LiteralScan:
    """One pass over ``megabytes`` of text finding ``matches`` of the words."""

    tool: str
    megabytes: float
    seconds: float
    matches: int

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds


def literal_scan(texts: list[str], words: list[str] = SCAN_WORDS, repeats: int = 3) -> LiteralScan:
    """Time a case-insensitive count of every match of ``words`` in ``texts``
    (best of ``repeats``), with ripgrep if it is on the path."""
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    rg = shutil.which("rg")
    if rg is None:
        runs = []
        for _ in range(repeats):
            began = time.perf_counter()
            matches = _core.literal_scan(texts, words)
            runs.append(time.perf_counter() - began)
        return LiteralScan("aho-corasick (incidentkit)", megabytes, min(runs), matches)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.txt"
        corpus.write_text("\n".join(texts), encoding="utf-8")
        pattern_file = Path(folder) / "words.txt"
        pattern_file.write_text("\n".join(words) + "\n", encoding="utf-8")
        command = [rg, "--count-matches", "-i", "-F", "-f", str(pattern_file), str(corpus)]
        subprocess.run(command, capture_output=True, check=False)  # page the file in
        runs = []
        output = ""
        for _ in range(repeats):
            began = time.perf_counter()
            output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            runs.append(time.perf_counter() - began)
    return LiteralScan("rg --count-matches -i -F", megabytes, min(runs), int(output.strip() or 0))


@dataclass(frozen=True)
class TextProfile:
    """What a corpus's sentences look like, per sentence and per KB."""

    words_per_sentence: float
    sentences_with_numbers: float
    capitalised_per_kb: float
    casualty_words_per_kb: float
    #: Distinct words (case ignored) in each run of 10,000 words, on average:
    #: how much a text repeats itself, which search automata are quick on.
    distinct_per_10k_words: float
    # What the sentences carry, a KB: each of these is something a rule of
    # the parser reads (an event, a reference back to one, a date, a place,
    # a group, a count), where a sentence without them is passed over quickly.
    #: Numbers, in figures or words (``_NUMBER``).
    numbers_per_kb: float
    #: Event nouns: attack, blast, operation, ambush... (``_EVENT``).
    event_nouns_per_kb: float
    #: "the attack", "these operations", "the two militants": the, this,
    #: these, those or that, up to two words, and an event or actor noun.
    definite_refs_per_kb: float
    #: Dates: a month (with its day and year), a weekday, a year, or a
    #: relative date ("yesterday", "last week", "three days ago").
    dates_per_kb: float
    #: Names (or aliases) of the gazetteer's places, Afghan ones included.
    places_per_kb: float
    #: Names (or aliases) of militant groups (the lexicon's ``terms.json``).
    groups_per_kb: float
    # The shape of the text.
    #: Sentence length in bytes: the median and the 90th percentile.
    median_sentence_bytes: float
    p90_sentence_bytes: float
    #: Sentences in a paragraph (a paragraph is a line that is not blank).
    sentences_per_paragraph: float
    #: Document length in bytes: the median.
    median_document_bytes: float

    def describe(self) -> str:
        return (
            f"{self.words_per_sentence:.1f} words a sentence, "
            f"{self.sentences_with_numbers:.0%} of sentences with a number, "
            f"{self.capitalised_per_kb:.1f} capitalised and "
            f"{self.casualty_words_per_kb:.2f} casualty words a KB, "
            f"{self.distinct_per_10k_words:,.0f} distinct words in 10,000"
        )

    def describe_content(self) -> str:
        """What the sentences carry, a KB."""
        return (
            f"a KB: {self.numbers_per_kb:.2f} numbers, {self.event_nouns_per_kb:.2f} event nouns, "
            f"{self.definite_refs_per_kb:.2f} definite references, "
            f"{self.dates_per_kb:.2f} dates, {self.places_per_kb:.2f} places, "
            f"{self.groups_per_kb:.2f} groups"
        )

    def describe_shape(self) -> str:
        """Sentence, paragraph and document lengths."""
        return (
            f"sentences of {self.median_sentence_bytes:.0f} bytes (median), "
            f"{self.p90_sentence_bytes:.0f} (90th percentile); "
            f"{self.sentences_per_paragraph:.1f} sentences a paragraph; "
            f"documents of {self.median_document_bytes:,.0f} bytes (median)"
        )


#: Words in each window of the distinct-words count.
WINDOW_WORDS = 10_000

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNT_WORD = r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)"
_DATE = re.compile(
    # 14 April 2024, April 14, 2024, 14th of April, April 2024, April.
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_MONTH}"
    rf"(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s+(?:19|20)\d\d\b)?"
    rf"|\b{_WEEKDAY}\b"
    r"|\b(?:19|20)\d\d\b"
    # Relative dates, in any case ("Last week, ...").
    r"|(?i:\b(?:yesterday|today|tonight|overnight)\b"
    r"|\b(?:last|this|next|past|previous|earlier this|later this)\s+"
    r"(?:week|weekend|month|year|night|morning|evening|day)\b"
    rf"|\b{_COUNT_WORD}\s+(?:days?|weeks?|months?|years?)\s+(?:ago|earlier|later|before)\b)",
)
_EVENT_NOUN = (
    r"(?:attacks?|assaults?|blasts?|bombings?|explosions?|operations?|IBOs?|ambush(?:es)?|"
    r"raids?|clash(?:es)?|encounters?|gunfights?|shootouts?|firefights?|skirmish(?:es)?|"
    r"(?:air)?strikes?|incidents?|killings?|IEDs?|engagements?|offensives?|"
    r"hostilities|violence)"
)
_ACTOR_NOUN = (
    r"(?:militants?|terrorists?|attackers?|assailants?|gunmen|gunman|insurgents?|"
    r"khwarij|khawarij|kharjis?|bombers?|soldiers?|troops|policem[ae]n|police|"
    r"personnel|forces|army|officials?|group|outfit|organi[sz]ation|victims?|civilians?|"
    r"suspects?|commanders?|fighters?)"
)
_EVENT = re.compile(rf"\b{_EVENT_NOUN}\b", re.IGNORECASE)
_DEFINITE = re.compile(
    rf"\b(?:the|this|these|those|that)\s+(?:[\w'\u2019-]+\s+){{0,2}}?"
    rf"(?:{_EVENT_NOUN}|{_ACTOR_NOUN})\b",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"\n\s*")
_POSSESSIVE = re.compile("['\u2019]s?$")

_DATA = Path(__file__).resolve().parents[1] / "src" / "lexicon" / "data"


class _Names:
    """Names as runs of words, found by their first word: at each word the
    longest name that starts there counts, and the search goes on after it.
    A name is found as written or in capitals (datelines)."""

    def __init__(self, names: list[str]) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for name in names:
            for spelling in (name, name.upper()):
                words = tuple(_WORD.findall(spelling))
                if words and words not in self.by_first.get(words[0], []):
                    self.by_first.setdefault(words[0], []).append(words)
        for runs in self.by_first.values():
            runs.sort(key=len, reverse=True)

    def count(self, words: list[str]) -> int:
        """Names in ``words`` (a sentence's words, possessives stripped)."""
        found = 0
        i = 0
        while i < len(words):
            step = 1
            for run in self.by_first.get(words[i], ()):
                if tuple(words[i : i + len(run)]) == run:
                    found += 1
                    step = len(run)
                    break
            i += step
        return found


@lru_cache(maxsize=1)
def _place_names() -> _Names:
    """Names and aliases of every place of the gazetteer."""
    table = ik.gazetteer().select("name", "aliases").rows()
    return _Names([n for name, aliases in table for n in [name, *(aliases or [])]])


@lru_cache(maxsize=1)
def _group_names() -> _Names:
    """Every capitalised name and alias of the lexicon's groups
    (``terms.json``; the lowercase ones, "khwarij" and the like, are
    militant nouns)."""
    terms = json.loads((_DATA / "terms.json").read_text(encoding="utf-8"))
    names = {
        name
        for group in terms["groups"]
        for name in [group["name"], *group["aliases"]]
        if name != name.lower()
    }
    return _Names(sorted(names))


def _percentile(values: list[int], share: float) -> float:
    """The ``share`` quantile of ``values`` (nearest rank)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, int(share * len(ordered)))])


def text_profile(texts: list[str]) -> TextProfile:
    """The profile of ``texts`` (at most the first 2,000 are read).

    A paragraph is a line that is not blank, a sentence a part of a paragraph
    between sentence ends (``_SENTENCE_END``); a sentence's length is counted
    in bytes of UTF-8, without the spaces around it."""
    sentences = 0
    words = 0
    numbered = 0
    capitalised = 0
    casualty = 0
    numbers = events = definite = dates = places = groups = 0
    paragraphs = 0
    sentence_bytes: list[int] = []
    document_bytes: list[int] = []
    size = 0
    window: set[str] = set()
    in_window = 0
    windows: list[int] = []
    place_names, group_names = _place_names(), _group_names()
    for text in texts[:2000]:
        length = len(text.encode())
        size += length
        document_bytes.append(length)
        for paragraph in _PARAGRAPH.split(text):
            in_paragraph = 0
            for sentence in _SENTENCE_END.split(paragraph):
                tokens = _WORD.findall(sentence)
                if not tokens:
                    continue
                sentences += 1
                in_paragraph += 1
                sentence_bytes.append(len(sentence.strip().encode()))
                words += len(tokens)
                numbered += bool(_NUMBER.search(sentence))
                # The first word of a sentence is capitalised by grammar alone.
                capitalised += sum(1 for t in tokens[1:] if t[0].isupper())
                casualty += len(_CASUALTY.findall(sentence))
                numbers += len(_NUMBER.findall(sentence))
                events += len(_EVENT.findall(sentence))
                definite += len(_DEFINITE.findall(sentence))
                dates += len(_DATE.findall(sentence))
                bare = [_POSSESSIVE.sub("", t) if t[0].isupper() else t for t in tokens]
                places += place_names.count(bare)
                groups += group_names.count(bare)
                for token in tokens:
                    window.add(token.lower())
                    in_window += 1
                    if in_window == WINDOW_WORDS:
                        windows.append(len(window))
                        window, in_window = set(), 0
            paragraphs += bool(in_paragraph)
    if not windows and in_window:
        # Fewer words than one window: scaled to one.
        windows.append(round(len(window) * WINDOW_WORDS / in_window))
    kilobytes = max(size / 1000, 1e-9)
    return TextProfile(
        words_per_sentence=words / max(sentences, 1),
        sentences_with_numbers=numbered / max(sentences, 1),
        capitalised_per_kb=capitalised / kilobytes,
        casualty_words_per_kb=casualty / kilobytes,
        distinct_per_10k_words=sum(windows) / max(len(windows), 1),
        numbers_per_kb=numbers / kilobytes,
        event_nouns_per_kb=events / kilobytes,
        definite_refs_per_kb=definite / kilobytes,
        dates_per_kb=dates / kilobytes,
        places_per_kb=places / kilobytes,
        groups_per_kb=groups / kilobytes,
        median_sentence_bytes=_percentile(sentence_bytes, 0.5),
        p90_sentence_bytes=_percentile(sentence_bytes, 0.9),
        sentences_per_paragraph=sentences / max(paragraphs, 1),
        median_document_bytes=_percentile(document_bytes, 0.5),
    )


def replicate(docs: list[dict[str, Any]], size: int) -> Iterator[dict[str, str | None]]:
    """``docs`` repeated in order until ``size`` bytes of text, each copy with
    its own ``doc_id``."""
    if not docs:
        raise ValueError("replicate: no documents to repeat")
    written = 0
    copy = 0
    while written < size:
        for doc in docs:
            text = str(doc["text"])
            yield {
                "doc_id": f"{doc['doc_id']}~{copy}",
                "published": doc.get("published"),
                "text": text,
            }
            written += len(text.encode())
            if written >= size:
                return
        copy += 1
