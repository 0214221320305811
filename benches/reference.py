"""What the parser's speed is measured against, and what the text looks like.

- :func:`literal_scan`: one case-insensitive pass over the text counting every
  match of a few lexicon words: ``rg --count-matches -i -F`` when ripgrep is
  installed, else the package's own aho-corasick scan of the same words. No
  parser can read text faster than it can look for its words once.
- :func:`text_profile`: the statistics a benchmark corpus must share with real
  reports for its speed to mean anything (sentence length, sentences with
  numbers, capitalised and casualty words per KB).
- :func:`replicate`: real documents repeated up to a size, with fresh ids.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

    def describe(self) -> str:
        return (
            f"{self.words_per_sentence:.1f} words a sentence, "
            f"{self.sentences_with_numbers:.0%} of sentences with a number, "
            f"{self.capitalised_per_kb:.1f} capitalised and "
            f"{self.casualty_words_per_kb:.2f} casualty words a KB, "
            f"{self.distinct_per_10k_words:,.0f} distinct words in 10,000"
        )


#: Words in each window of the distinct-words count.
WINDOW_WORDS = 10_000


def text_profile(texts: list[str]) -> TextProfile:
    """The profile of ``texts`` (at most the first 2,000 are read)."""
    sentences = 0
    words = 0
    numbered = 0
    capitalised = 0
    casualty = 0
    size = 0
    window: set[str] = set()
    in_window = 0
    windows: list[int] = []
    for text in texts[:2000]:
        size += len(text.encode())
        for sentence in _SENTENCE_END.split(text):
            tokens = _WORD.findall(sentence)
            if not tokens:
                continue
            sentences += 1
            words += len(tokens)
            numbered += bool(_NUMBER.search(sentence))
            # The first word of a sentence is capitalised by grammar alone.
            capitalised += sum(1 for t in tokens[1:] if t[0].isupper())
            casualty += len(_CASUALTY.findall(sentence))
            for token in tokens:
                window.add(token.lower())
                in_window += 1
                if in_window == WINDOW_WORDS:
                    windows.append(len(window))
                    window, in_window = set(), 0
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
