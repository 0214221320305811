"""Miss audit: what the parser left out of a set of real reports.

Run it over texts the parser has never seen and read what it lists; each list
points at a class of miss, not at a document to fit a rule to::

    python scripts/miss_audit.py PATH... [--json] [--limit N]

A PATH is a folder (every ``.txt`` and ``.jsonl`` under it, recursively), a
``.txt`` file (one document; its id is the file name, or the path inside the
folder; the parser reads its publication date from a ` date YYYY-MM-DD `
header) or a ``.jsonl`` file (one document per line: ``text``, optional
``doc_id`` and ``published``; without an id, ``"{file name}#{line}"``).

The documents are parsed with :func:`incidentkit.parse_many` and three lists
come out, each entry with its document id and character offsets
(``text[start:end]``):

1. **Uncounted tolls.** The text is cut into sentences (rule below). A
   sentence holding a casualty word (:data:`CASUALTY_WORDS`: killed,
   martyred, died, dead, lost their lives, injured, wounded, bodies, death
   toll, ...) and a number (:data:`NUMBER_WORDS` or digits, "a dozen",
   "dozens") is listed when it lies outside every incident's evidence span
   (``reason="outside"``) or only overlaps spans whose rows have no killed
   and no injured count at all (``reason="no_count"``). Digits that are
   dates, years, ordinals, clock times, ages, durations or distances are not
   numbers here ("on 14 March", "2024", "a 24-hour operation").
2. **Incomplete incidents.** Rows with no district (``no_district`` when the
   province is known, ``no_place`` when neither is), no date
   (``no_date``), or only the publication date (``published_date``), with
   their evidence text.
3. **Unknown places.** Capitalised words or runs of up to five in place
   position: after "in", "at", "near" (optionally "the", "general area
   (of)"); after "village/town/area/outskirts/district/tehsil of"; before
   "area(s)", "village(s)", "tehsil", "police station", "district", "town",
   "bazaar", "valley", "union council", "sub-division"; each name of "the X,
   Y and Z areas"; and Y in "<known place>'s Y". A run stops at a possessive
   (after "in", "at", "near", "of", a run followed by "'s" and a lower-case
   word owns a thing and is skipped: "in Ahmed's house") and is cut before the first word of :data:`STOP_WORDS` (months, weekdays,
   organisation and facility words); a run that opens with a title
   (:data:`TITLES`: "Major", "Constable", ...) is a person and is skipped,
   as is a run of capitals only ("IBO", "CMH") or of directions ("North").
   A place noun followed by a capitalised word opens a title ("Bannu
   District Police Officer") and is no place position. Trailing generic words
   ("Area", "Bazaar", "Town", ...) are dropped, and so are leading and
   trailing acronyms ("BHU Zarwam", "Bajur KPK") when the whole is unknown.
   Title-case lines (headlines: :func:`is_headline`) are skipped. What
   remains is unknown when it is not a name or alias of
   :func:`incidentkit.gazetteer` or of :data:`COUNTRIES` (compared
   case-insensitively, without dots and hyphens), nor two such names in a
   row ("Khyber Bara"). Names are counted across documents and sorted by
   frequency.

**Sentences** are cut at a newline, and after ``.``, ``!`` or ``?`` (and any
closing quote or bracket) that is followed by white space and an upper-case
letter, a digit or an opening quote, unless the word before the full stop is
a single letter ("D.I. Khan") or an abbreviation of :data:`ABBREVIATIONS`
("Lt.", "Col.", "No.").

The lists say where to look; they are not errors by themselves (a sentence
about a year's toll is rightly not an incident, a road can rightly be a
place). Read them by class.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import polars as pl

import incidentkit as ik

# --- word lists -----------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``."""
    return frozenset(text.split())


#: Casualty words and phrases (regular expressions, matched case-insensitively).
CASUALTY_WORDS: tuple[str, ...] = (
    r"kill(?:ed|ing|s)?",
    r"martyr(?:ed|dom|s)?",
    r"shahadat",
    r"di(?:ed|es|e)",
    r"dead",
    r"death\s+toll",
    r"deaths?",
    r"toll",
    r"lost\s+(?:their|his|her)\s+li(?:ves|fe)",
    r"lives",
    r"injur(?:ed|ies|ing|y)",
    r"wound(?:ed|ing|s)?",
    r"hurt",
    r"bod(?:y|ies)",
    r"slain",
    r"perished",
    r"casualt(?:y|ies)",
    r"neutrali[sz](?:ed|ing)",
    r"eliminated",
    r"sent\s+to\s+hell",
    r"gunned\s+down",
)

#: Number words; "a dozen" and "dozens" are among them through "dozens?".
NUMBER_WORDS: tuple[str, ...] = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundreds?",
    "thousands?",
    "dozens?",
    "scores",
)

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
)

WEEKDAYS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

#: Words that open a person's name: a run starting with one is skipped.
TITLES: frozenset[str] = _words(
    """mr mrs ms dr major maj captain capt lieutenant lt colonel col general gen
    brigadier brig sepoy naik lance havildar subedar constable inspector
    sub-inspector asi si sho dpo rpo dig igp ssp sp dsp shaheed martyr
    maulana mufti mullah qari hafiz sheikh syed sardar malik haji
    president minister premier governor senator mna mpa justice judge
    prime chief interior caretaker deputy additional assistant commissioner
    spokesperson advocate"""
)

#: Words that end a place name: the run is cut before the first of them.
STOP_WORDS: frozenset[str] = frozenset([m.lower() for m in MONTHS + WEEKDAYS]) | _words(
    """the a an this that these those his her their its our he she they it
    we i on in at of and or but with by for from after before during when while
    police army forces force frontier corps fc levies rangers ctd ispr
    security government department ministry hospital university college
    school court assembly office headquarters cantonment cantt lines mosque
    church masjid madrassa jail prison airport station checkpost check-post
    post camp committee party league high supreme taliban ttp bla tehreek tehrik
    islamic state daesh pakistani afghan indian iranian chinese
    dawn tribune express news reuters afp app ap agency
    islam muslim christian shia sunni friday-prayer eid ramazan ramadan
    muharram covid another constituency counter-terrorism defence election
    inter-services jamiat ulema ulama civil regional national international federal combined
    military medical teaching institute unit ward intensive scouts constabulary
    tribal federally administered other northern southern eastern western
    north-western northwestern south-western southwestern pak-afghan pak-iran
    durand line"""
)

#: Facilities named after people or institutions ("Jinnah International Airport",
#: "Madina Masjid", "Lady Reading Hospital"): a run cut before one of these is
#: no place. Police stations, posts and camps are left out on purpose: they
#: are named after their locality ("the Mandan police station").
FACILITY_WORDS: frozenset[str] = _words(
    """airport hospital masjid mosque church madrassa school college university
    court jail prison office headquarters complex ward unit institute ministry
    department"""
)

#: Trailing words that say what kind of place a name is: dropped before the lookup.
GENERIC_WORDS: frozenset[str] = _words(
    """area areas village villages tehsil tehsils district districts town city
    bazaar bazar valley sector region subdivision sub-division mauza mouza
    union council uc"""
)

#: Countries and regions count as known places although the gazetteer lists none.
COUNTRIES: frozenset[str] = _words(
    """pakistan afghanistan india iran china tajikistan uzbekistan
    turkmenistan saudi arabia uae qatar fata pata waziristan makran"""
)

#: A run of only these is a direction, not a place.
DIRECTIONS: frozenset[str] = _words("north south east west upper lower central")

#: Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS: frozenset[str] = _words(
    """mr mrs ms dr lt col gen maj capt brig no nos st sgt insp vs etc
    approx govt dept prof rs"""
)

# --- regular expressions --------------------------------------------------

_CASUALTY = re.compile(r"\b(?:" + "|".join(CASUALTY_WORDS) + r")\b", re.IGNORECASE)
_NUMBER_WORD = re.compile(
    r"\b(?:" + "|".join(NUMBER_WORDS) + r")(?:-(?:" + "|".join(NUMBER_WORDS) + r"))?\b",
    re.IGNORECASE,
)
_NO_ONE = re.compile(r"\bno\s+one\b|\bone\s+another\b", re.IGNORECASE)
_MONTH_ALT = "|".join(MONTHS)
_DIGITS = re.compile(r"(?<![\w.,:/-])\d{1,3}(?:,\d{3})*(?![\w:/])(?!\.\d)(?!,\d)")
_DIGIT_NOT_COUNT_AFTER = re.compile(
    r"\s*(?:(?:" + _MONTH_ALT + r")\b|(?:am|pm|a\.m\.|p\.m\.|hrs)\b"
    r"|-?\s*(?:hours?|days?|years?|months?|weeks?|minutes?|km|kilomet(?:re|er)s?|kg"
    r"|met(?:re|er)s?|miles?|year-old|feet)\b)",
    re.IGNORECASE,
)
_DIGIT_NOT_COUNT_BEFORE = re.compile(
    r"(?:\b(?:" + _MONTH_ALT + r")|\b(?:Rs|No|Nos|aged?|Sector|Block|Phase|Ward)\.?)\s*$",
    re.IGNORECASE,
)

_SENTENCE_END = re.compile("[.!?][\"'\u201d\u2019)\\]]*(?=\\s+[\"'\u201c\u2018(]?[A-Z0-9])")

_TOKEN = r"(?:[A-Z][A-Za-z\-.]*[A-Za-z]|[A-Z]\.?)"
_RUN = _TOKEN + r"(?:[ ]" + _TOKEN + r"){0,4}"
_PLACE_NOUNS = (
    r"areas?|villages?|tehsils?|police[ ]station|districts?|towns?|bazaars?|valley"
    r"|union[ ]councils?|sub-?divisions?"
)
_PREPOSITION = re.compile(
    r"(?<![\w-])(?i:in|at|near)[ ]+(?i:the[ ]+)?(?i:general[ ]+area[ ]+(?:of[ ]+)?)?(" + _RUN + ")"
)
_OF = re.compile(
    r"(?<![\w-])(?i:village|town|area|outskirts|district|tehsil)[ ]+of[ ]+(?i:the[ ]+)?("
    + _RUN
    + ")"
)
_LIST_TAIL = f"((?:,[ ]*{_RUN})*,?[ ]+and[ ]+{_RUN})"
# "Bannu District Police Officer": a place noun that opens a title is not one.
_NOUN_END = r"\b(?![ ]+[A-Z])"
_LIST_BEFORE_NOUN = re.compile(f"({_RUN}){_LIST_TAIL}[ ]+(?i:{_PLACE_NOUNS}){_NOUN_END}")
_BEFORE_NOUN = re.compile(r"(" + _RUN + r")[ ]+(?i:" + _PLACE_NOUNS + r")" + _NOUN_END)
_APOSTROPHE = "['\u2019]"
_POSSESSIVE = re.compile("(" + _RUN + ")" + _APOSTROPHE + "s[ ]+(" + _RUN + ")")
_TOKEN_RE = re.compile(_TOKEN)
_MONTH_WORDS = frozenset(m.lower() for m in MONTHS)
# "in Ahmed's house", "In Zorvaxi's opinion": an owner, not a place.
_OWNS_A_THING = re.compile(_APOSTROPHE + "s[ ]+[a-z]")


# --- data -----------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    """One text to audit."""

    doc_id: str
    text: str
    published: str | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: ``text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class UncountedToll:
    """A sentence with a casualty word and a number that gave no count."""

    doc_id: str
    start: int
    end: int
    sentence: str
    casualty_words: list[str]
    numbers: list[str]
    reason: str  # "outside" or "no_count"
    incident_ids: list[str]
    restated: bool  # every number is a count some row of the document has


@dataclass(frozen=True)
class IncompleteIncident:
    """A parsed row without a district or without a date of its own."""

    doc_id: str
    incident_id: str
    start: int
    end: int
    reasons: list[str]
    province: str | None
    district: str | None
    date_precision: str | None
    text: str


@dataclass(frozen=True)
class PlaceMention:
    """One place-like name in one document."""

    doc_id: str
    start: int
    end: int
    name: str
    pattern: str
    sentence: str


@dataclass
class UnknownPlace:
    """A place-like name the gazetteer does not know, counted over documents."""

    name: str
    mentions: int
    documents: int
    spellings: list[str]
    examples: list[PlaceMention] = field(default_factory=list)


@dataclass
class AuditReport:
    """The three lists and their summary."""

    documents: int
    incidents: int
    uncounted_tolls: list[UncountedToll]
    incomplete_incidents: list[IncompleteIncident]
    unknown_places: list[UnknownPlace]

    def summary(self) -> dict[str, Any]:
        """Documents, incidents and the size of each list, with reason counts."""
        tolls = Counter(t.reason for t in self.uncounted_tolls)
        tolls.update(f"{t.reason}_restated" for t in self.uncounted_tolls if t.restated)
        incomplete = Counter(r for i in self.incomplete_incidents for r in i.reasons)
        return {
            "documents": self.documents,
            "incidents": self.incidents,
            "uncounted_tolls": len(self.uncounted_tolls),
            "uncounted_tolls_by_reason": dict(sorted(tolls.items())),
            "incomplete_incidents": len(self.incomplete_incidents),
            "incomplete_incidents_by_reason": dict(sorted(incomplete.items())),
            "unknown_places": len(self.unknown_places),
            "unknown_place_mentions": sum(p.mentions for p in self.unknown_places),
        }

    def to_dict(self, limit: int | None = None) -> dict[str, Any]:
        """The report as plain data, each list cut to ``limit`` entries."""
        return {
            "summary": self.summary(),
            "uncounted_tolls": [asdict(t) for t in self.uncounted_tolls[:limit]],
            "incomplete_incidents": [asdict(i) for i in self.incomplete_incidents[:limit]],
            "unknown_places": [asdict(p) for p in self.unknown_places[:limit]],
        }


# --- input ----------------------------------------------------------------


def _jsonl_documents(path: Path, prefix: str) -> Iterator[Document]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if not line.strip():
                continue
            record = json.loads(line)
            text = record.get("text")
            if not isinstance(text, str):
                raise ValueError(f"{path}:{number + 1}: no text field")
            doc_id = record.get("doc_id")
            published = record.get("published")
            yield Document(
                doc_id=str(doc_id) if doc_id is not None else f"{prefix}#{number}",
                text=text,
                published=str(published) if published else None,
            )


def load_documents(paths: Iterable[str | Path]) -> list[Document]:
    """Read the documents of folders, ``.txt`` files and ``.jsonl`` files."""
    documents: list[Document] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".jsonl"))
            for file in files:
                name = file.relative_to(path).as_posix()
                if file.suffix == ".txt":
                    documents.append(Document(name, file.read_text(encoding="utf-8")))
                else:
                    documents.extend(_jsonl_documents(file, name))
        elif path.suffix == ".jsonl":
            documents.extend(_jsonl_documents(path, path.name))
        elif path.is_file():
            documents.append(Document(path.name, path.read_text(encoding="utf-8")))
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return documents


def parse_documents(documents: Sequence[Document]) -> pl.DataFrame:
    """Parse the documents with :func:`incidentkit.parse_many`."""
    if not documents:
        return pl.DataFrame(schema=ik.SCHEMA)
    return ik.parse_many(
        [d.text for d in documents],
        published=[d.published for d in documents],
        doc_ids=[d.doc_id for d in documents],
    )


# --- sentences ------------------------------------------------------------


def _ends_with_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` closes an initial or an abbreviation."""
    if text[stop] != ".":
        return False
    word = re.search(r"([A-Za-z]+)$", text[:stop])
    if word is None:
        return False
    letters = word.group(1)
    return len(letters) == 1 or letters.lower() in ABBREVIATIONS


def split_sentences(text: str) -> list[Sentence]:
    """Cut ``text`` into sentences by the rule of the module docstring."""
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        offset, chunk = line.start(), line.group()
        cut = 0
        for end in _SENTENCE_END.finditer(chunk):
            if _ends_with_abbreviation(chunk, end.start()):
                continue
            sentences.extend(_sentence(chunk, offset, cut, end.end()))
            cut = end.end()
        sentences.extend(_sentence(chunk, offset, cut, len(chunk)))
    return sentences


def _sentence(chunk: str, offset: int, start: int, end: int) -> list[Sentence]:
    piece = chunk[start:end]
    stripped = piece.strip()
    if not stripped:
        return []
    first = start + (len(piece) - len(piece.lstrip()))
    return [Sentence(offset + first, offset + first + len(stripped), stripped)]


# --- list 1: uncounted tolls ----------------------------------------------


def casualty_words(sentence: str) -> list[str]:
    """The casualty words of a sentence, in order."""
    return [m.group() for m in _CASUALTY.finditer(sentence)]


def numbers(sentence: str) -> list[str]:
    """The numbers of a sentence that could be counts (see the module docstring)."""
    found: list[tuple[int, str]] = []
    blocked = [m.span() for m in _NO_ONE.finditer(sentence)]
    for match in _NUMBER_WORD.finditer(sentence):
        if not any(a <= match.start() < b for a, b in blocked):
            found.append((match.start(), match.group()))
    for match in _DIGITS.finditer(sentence):
        value = match.group()
        if len(value) == 4 and value[:2] in ("19", "20"):
            continue  # a year
        if _DIGIT_NOT_COUNT_AFTER.match(sentence, match.end()):
            continue
        if _DIGIT_NOT_COUNT_BEFORE.search(sentence[: match.start()]):
            continue
        found.append((match.start(), value))
    return [value for _, value in sorted(found)]


_UNITS = {word: n for n, word in enumerate(NUMBER_WORDS[:19], start=1)}
_TENS = {word: 10 * n for n, word in enumerate(NUMBER_WORDS[19:27], start=2)}


def number_value(number: str) -> int | None:
    """The value of a number :func:`numbers` found ("1,204", "twenty-two", "dozen")."""
    word = number.lower()
    if word.replace(",", "").isdigit():
        return int(word.replace(",", ""))
    if word in ("dozen", "dozens"):
        return 12 if word == "dozen" else 24
    total = 0
    for part in word.split("-"):
        value = _UNITS.get(part, _TENS.get(part))
        if value is None:
            return None
        total += value
    return total


_COUNT_COLUMNS = (
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
)


def uncounted_tolls(documents: Sequence[Document], incidents: pl.DataFrame) -> list[UncountedToll]:
    """Sentences with a casualty word and a number that no counted row covers."""
    spans: dict[str, list[tuple[int, int, str, bool]]] = defaultdict(list)
    figures: dict[str, set[int]] = defaultdict(set)
    for row in incidents.iter_rows(named=True):
        counted = row["killed_total"] is not None or row["injured_total"] is not None
        spans[row["doc_id"]].append((row["start"], row["end"], row["incident_id"], counted))
        figures[row["doc_id"]].update(row[c] for c in _COUNT_COLUMNS if row[c] is not None)
    found: list[UncountedToll] = []
    for document in documents:
        for sentence in split_sentences(document.text):
            words = casualty_words(sentence.text)
            if not words:
                continue
            counts = numbers(sentence.text)
            if not counts:
                continue
            touching = [
                s for s in spans[document.doc_id] if s[0] < sentence.end and sentence.start < s[1]
            ]
            if any(counted for *_, counted in touching):
                continue
            found.append(
                UncountedToll(
                    doc_id=document.doc_id,
                    start=sentence.start,
                    end=sentence.end,
                    sentence=sentence.text,
                    casualty_words=words,
                    numbers=counts,
                    reason="no_count" if touching else "outside",
                    incident_ids=[s[2] for s in touching],
                    restated=all(number_value(n) in figures[document.doc_id] for n in counts),
                )
            )
    return found


# --- list 2: incomplete incidents -----------------------------------------


def incomplete_incidents(incidents: pl.DataFrame) -> list[IncompleteIncident]:
    """Rows without a district or without a date of their own."""
    found: list[IncompleteIncident] = []
    for row in incidents.iter_rows(named=True):
        reasons: list[str] = []
        if row["district"] is None:
            reasons.append("no_district" if row["province"] is not None else "no_place")
        if row["date_start"] is None:
            reasons.append("no_date")
        elif row["date_precision"] == "published":
            reasons.append("published_date")
        if reasons:
            found.append(
                IncompleteIncident(
                    doc_id=row["doc_id"],
                    incident_id=row["incident_id"],
                    start=row["start"],
                    end=row["end"],
                    reasons=reasons,
                    province=row["province"],
                    district=row["district"],
                    date_precision=row["date_precision"],
                    text=row["text"],
                )
            )
    return found


# --- list 3: unknown places -----------------------------------------------


def normalise(name: str) -> str:
    """The form names are compared in: lower case, no dots, hyphens as spaces."""
    name = name.replace("\u2019", "'").replace(".", " ").replace("-", " ").lower()
    return " ".join(name.split())


def known_names(gazetteer: pl.DataFrame | None = None) -> frozenset[str]:
    """Every gazetteer name and alias, and :data:`COUNTRIES`, normalised."""
    table = ik.gazetteer() if gazetteer is None else gazetteer
    names = {normalise(n) for n in table["name"].drop_nulls()}
    for aliases in table["aliases"].drop_nulls():
        names.update(normalise(a) for a in aliases)
    names.update(COUNTRIES)
    return frozenset(names)


def _clean_run(run: str) -> str | None:
    """The place name in a capitalised run, or None when it holds none."""
    tokens = _TOKEN_RE.findall(run)
    tokens = [t.rstrip(".") if len(t.rstrip(".")) > 1 else t for t in tokens]
    if tokens and tokens[0].lower().rstrip(".") in TITLES:
        return None
    if any(t.lower().rstrip(".") in FACILITY_WORDS for t in tokens[1:]):
        return None
    kept: list[str] = []
    for token in tokens:
        word = token.lower().rstrip(".")
        if word in STOP_WORDS or all(part in _MONTH_WORDS for part in word.split("-")):
            break
        kept.append(token)
    while kept and kept[-1].lower() in GENERIC_WORDS:
        kept.pop()
    if not kept or all(_is_acronym(t) for t in kept):
        return None
    if all(t.lower() in DIRECTIONS for t in kept):
        return None
    return " ".join(kept)


def _is_acronym(token: str) -> bool:
    return token.replace(".", "").replace("-", "").isupper()


def _without_acronyms(name: str) -> str:
    """The name without leading and trailing acronyms ("BHU Zarwam", "Bajur KPK")."""
    words = name.split()
    while words and _is_acronym(words[0]):
        words.pop(0)
    while words and _is_acronym(words[-1]):
        words.pop()
    return " ".join(words)


def _is_known(name: str, known: frozenset[str]) -> bool:
    """Whether a name, less generic words, is known, alone or as two known names."""
    words = normalise(name).split()
    while words and words[0] in GENERIC_WORDS:
        words.pop(0)
    if " ".join(words) in known:
        return True
    # "Khyber Bara", "Quetta Kuchlak": a district followed by a locality of it.
    return any(
        " ".join(words[:cut]) in known and " ".join(words[cut:]) in known
        for cut in range(1, len(words))
    )


_SMALL_WORDS = _words(
    "a an the of in at on to for and or as by with from after near is are was were"
)


def is_headline(sentence: str) -> bool:
    """A title-case line ("Border Firing Kills Six"): its capitals are not places."""
    words = [
        w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", sentence) if w.lower() not in _SMALL_WORDS
    ]
    capitals = sum(w[0].isupper() for w in words)
    return len(words) >= 5 and capitals >= 0.8 * len(words)


def place_mentions(document: Document, known: frozenset[str]) -> list[PlaceMention]:
    """Every place-like name of a document, by the patterns of the docstring.

    ``known`` decides only the "<place>'s X" pattern, whose owner must be a
    known place.
    """
    found: dict[tuple[int, int], PlaceMention] = {}

    def add(sentence: Sentence, start: int, end: int, pattern: str) -> None:
        name = _clean_run(sentence.text[start:end])
        if name is None:
            return
        a, b = sentence.start + start, sentence.start + start + len(name)
        if (a, b) not in found:
            found[(a, b)] = PlaceMention(document.doc_id, a, b, name, pattern, sentence.text)

    for sentence in split_sentences(document.text):
        text = sentence.text
        if is_headline(text):
            continue
        for m in _PREPOSITION.finditer(text):
            if not _OWNS_A_THING.match(text, m.end(1)):
                add(sentence, *m.span(1), "in/at/near X")
        for m in _OF.finditer(text):
            if not _OWNS_A_THING.match(text, m.end(1)):
                add(sentence, *m.span(1), "village of X")
        for m in _LIST_BEFORE_NOUN.finditer(text):
            add(sentence, *_run_after_stop_words(text, m.start(1), m.end(1)), "X and Y areas")
            base = m.start(2)
            for part in _LIST_PART.finditer(m.group(2)):
                add(sentence, base + part.start(1), base + part.end(1), "X and Y areas")
        for m in _BEFORE_NOUN.finditer(text):
            add(sentence, *_run_after_stop_words(text, m.start(1), m.end(1)), "X area")
        for m in _POSSESSIVE.finditer(text):
            owner = _clean_run(m.group(1))
            if owner is not None and _is_known(owner, known):
                add(sentence, *m.span(2), "<place>'s X")
    return sorted(found.values(), key=lambda p: p.start)


_LIST_PART = re.compile(r"(?:,[ ]*|,?[ ]+and[ ]+)(" + _RUN + ")")


def _run_after_stop_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Skip the stop words a run before a place noun opens with.

    The run may open the sentence or follow a verb: "The Fateh Khel area",
    "Police in Shewa area" give "Fateh Khel" and "Shewa".
    """
    tokens = list(_TOKEN_RE.finditer(text, start, end))
    for token in tokens[:-1]:
        if token.group().lower().rstrip(".") not in STOP_WORDS:
            return token.start(), end
    return tokens[-1].start(), end


def unknown_places(
    documents: Sequence[Document], known: frozenset[str] | None = None, examples: int = 3
) -> list[UnknownPlace]:
    """Place-like names the gazetteer does not know, most frequent first."""
    names = known_names() if known is None else known
    mentions: dict[str, list[PlaceMention]] = defaultdict(list)
    for document in documents:
        for mention in place_mentions(document, names):
            if _is_known(mention.name, names):
                continue
            name = _without_acronyms(mention.name)
            if name != mention.name:
                if not name or _is_known(name, names):
                    continue
                start = mention.start + mention.name.index(name)
                mention = replace(mention, name=name, start=start, end=start + len(name))
            mentions[normalise(mention.name)].append(mention)
    places = [
        UnknownPlace(
            name=Counter(m.name for m in found).most_common(1)[0][0],
            mentions=len(found),
            documents=len({m.doc_id for m in found}),
            spellings=sorted({m.name for m in found}),
            examples=found[:examples],
        )
        for found in mentions.values()
    ]
    places.sort(key=lambda p: (-p.mentions, -p.documents, p.name.lower()))
    return places


# --- the audit ------------------------------------------------------------


def audit(
    documents: Sequence[Document],
    incidents: pl.DataFrame | None = None,
    gazetteer: pl.DataFrame | None = None,
) -> AuditReport:
    """Parse ``documents`` (unless ``incidents`` is given) and build the three lists."""
    rows = parse_documents(documents) if incidents is None else incidents
    return AuditReport(
        documents=len(documents),
        incidents=rows.height,
        uncounted_tolls=uncounted_tolls(documents, rows),
        incomplete_incidents=incomplete_incidents(rows),
        unknown_places=unknown_places(documents, known_names(gazetteer)),
    )


def _short(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_report(report: AuditReport, limit: int | None = None) -> str:
    """The report as text for a terminal."""
    summary = report.summary()
    lines = ["# summary"]
    lines += [f"{key}: {value}" for key, value in summary.items()]
    lines.append(f"\n# uncounted tolls ({len(report.uncounted_tolls)})")
    for t in report.uncounted_tolls[:limit]:
        where = f" {','.join(t.incident_ids)}" if t.incident_ids else ""
        reason = t.reason + (" restated" if t.restated else "")
        lines.append(f"{t.doc_id} [{t.start}:{t.end}] {reason}{where}: {_short(t.sentence)}")
    lines.append(f"\n# incomplete incidents ({len(report.incomplete_incidents)})")
    for i in report.incomplete_incidents[:limit]:
        lines.append(
            f"{i.incident_id} [{i.start}:{i.end}] {'+'.join(i.reasons)}"
            f" ({i.province or '-'}/{i.district or '-'}): {_short(i.text)}"
        )
    lines.append(f"\n# unknown places ({len(report.unknown_places)})")
    for p in report.unknown_places[:limit]:
        example = p.examples[0]
        lines.append(
            f"{p.mentions:4d} {p.documents:3d} docs  {p.name}"
            f"  ({example.doc_id} [{example.start}:{example.end}]: {_short(example.sentence, 100)})"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """The command: ``python scripts/miss_audit.py PATH... [--json] [--limit N]``."""
    parser = argparse.ArgumentParser(
        description="List what the parser missed in a set of texts (see the module docstring)."
    )
    parser.add_argument("paths", nargs="+", help="folders, .txt or .jsonl files")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--limit", type=int, default=None, help="at most N entries per list")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 0:
        parser.error("--limit must be 0 or more")
    try:
        documents = load_documents(args.paths)
    except (OSError, ValueError) as error:
        print(f"miss_audit: {error}", file=sys.stderr)
        return 2
    report = audit(documents)
    if args.json:
        print(json.dumps(report.to_dict(args.limit), ensure_ascii=False, indent=1, default=str))
    else:
        print(format_report(report, args.limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
