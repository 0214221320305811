"""A synthetic corpus in the style of the reports incidentkit reads.

    python benches/generate.py --size 100MB --out corpus.jsonl [--seed 7]
    python benches/generate.py --size 5MB --out corpus/ --format txt

From Python (with ``benches/`` on ``sys.path``)::

    import generate
    for doc in generate.documents(size=10_000_000, seed=7):
        ...  # {"doc_id", "published", "text"}

Documents mix four kinds: military press statements, news reports with a
background paragraph, multi-incident roundups and analysis pieces with
statistics, over the districts and localities of the gazetteer, with varied
dates, numbers, sides and groups. The same seed gives the same corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import incidentkit as ik

NUMBER_WORDS = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
]  # fmt: skip
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
GROUPS = [
    ("Tehreek-e-Taliban Pakistan", "TTP"),
    ("Balochistan Liberation Army", "BLA"),
    ("Hafiz Gul Bahadur group", "HGB"),
    ("Islamic State Khorasan", "IS-K"),
    ("Lashkar-e-Islam", "LI"),
]
SECURITY = ["soldiers", "policemen", "FC personnel", "security personnel", "Levies men"]
CIVILIANS = ["civilians", "passers-by", "labourers", "villagers", "children"]
MILITANTS = ["terrorists", "militants", "khwarij", "insurgents"]
ATTACKS = [
    "attacked a check post",
    "ambushed a patrol",
    "opened fire on a police van",
    "stormed a security post",
    "targeted a convoy with an improvised explosive device",
]
FILLER = [
    "Officials said the area had been cordoned off and a search was under way.",
    "The injured were shifted to the district headquarters hospital, where some were said to be in critical condition.",
    "Senior officials condemned the attack and vowed that those responsible would be brought to justice.",
    "Traders in the main bazaar kept their shops closed for the rest of the day.",
    "The provincial government announced compensation for the families of the victims.",
    "Residents said they heard a loud explosion followed by gunfire that lasted nearly an hour.",
    "Mobile phone service in the area was suspended as a precaution.",
    "A case was registered at the local police station under anti-terrorism laws.",
    # Typographic punctuation, as in most published reports: curly quotes
    # (U+201C, U+201D), em dashes (U+2014) and apostrophes (U+2019).
    "\u201cWe will not let a handful of criminals hold the district hostage,\u201d a senior "
    "police officer told reporters.",
    "The route \u2014 the only road linking the valley to the plains \u2014 stayed closed until "
    "the evening.",
    "The chief minister\u2019s office said the victims\u2019 families would be looked after.",
]


FIRST_NAMES = [
    "Muhammad", "Abdul", "Zahid", "Imran", "Tariq", "Shahid", "Naveed", "Asif",
    "Kamran", "Sajid", "Farhan", "Bilal", "Gul", "Noor", "Rahim", "Saeed",
]  # fmt: skip
LAST_NAMES = [
    "Khan", "Afridi", "Wazir", "Marwat", "Baloch", "Shah", "Khattak", "Yousafzai",
    "Mengal", "Kakar", "Durrani", "Gandapur", "Bugti", "Mehsud", "Orakzai", "Raisani",
]  # fmt: skip
TITLES = [
    "District Police Officer", "Deputy Commissioner", "Inspector General of Police",
    "Station House Officer", "Provincial Home Minister", "Assistant Commissioner",
    "Regional Police Officer", "Senior Superintendent of Police",
]  # fmt: skip
ORGANISATIONS = [
    "Counter Terrorism Department", "Inter-Services Public Relations",
    "Provincial Disaster Management Authority", "Frontier Corps", "National Counter Terrorism Authority",
    "Rescue 1122", "Pakistan Institute for Conflict and Security Studies", "Edhi Foundation",
]  # fmt: skip
# Context as reports give it: officials and organisations by name, long
# sentences, few figures. They bring the generated text to the profile of
# real reports (words a sentence, capitalised words a KB; benches/reference.py).
CONTEXT = [
    "{title} {name} told reporters in {district} that the {org} had been asked to submit a "
    "detailed report within three days, and that additional contingents had been deployed at "
    "sensitive points across the district.",
    "According to a spokesperson for the {org}, the wounded were taken to the District "
    "Headquarters Hospital in {district}, where an emergency was declared and doctors on leave "
    "were called back to duty.",
    "Prime Minister {name} and the Chief Minister of {province} condemned the attack in "
    "separate statements, expressing grief over the loss of life and directing the authorities "
    "to bring those responsible to justice.",
    "The {org} said in a statement issued in Islamabad that the operation was part of a "
    "continuing campaign against militants who had used the mountainous terrain along the "
    "Afghan border as a hideout for years.",
    "{name}, a resident of {district} who runs a shop near the site, said he heard two loud "
    "explosions shortly after the evening prayers and saw smoke rising over the Grand Trunk "
    "Road and the old Tehsil Office.",
    "Senator {name} of the Awami National Party told the Senate's standing committee on interior "
    "that the federal government and the government of {province} had to agree on a plan for "
    "the Merged Districts before the winter.",
]  # fmt: skip


# Real reports use many more distinct words than a handful of templates:
# about 2,000 in every 10,000 words of the evaluation set, against 570 in
# the templates alone. A lexical automaton or a lazy DFA is far faster on
# text that repeats itself, so the filler and context sentences trade some
# of their words for words of a long-tailed made-up lexicon.
_ONSETS = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
           "br", "cl", "cr", "dr", "fl", "gr", "pl", "pr", "st", "tr", "sh", "ch", "th", "sp"]  # fmt: skip
_VOWELS = ["a", "e", "i", "o", "u", "ea", "ou", "ai", "ie"]
_CODAS = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "rt", "ng", "ck"]
_SUFFIXES = ["", "", "", "ing", "ed", "s", "ion", "al", "ly", "er", "ment", "ness"]
LEXICON_SIZE = 40_000
# The share of a filler or context sentence's longer words that are swapped
# for lexicon words; tests/test_generate.py holds the result near the
# evaluation set's distinct words a 10,000.
VARIED_SHARE = 0.9
# How fast the lexicon's words grow rarer: below 1 the tail is long.
ZIPF_EXPONENT = 0.6
# Words the casualty and event rules read stay as written.
_KEPT = re.compile(r"kill|injur|wound|martyr|dead|died|blast|explo|attack|operation|terror|militan")


def _lexicon(seed: int) -> tuple[list[str], list[float]]:
    """Made-up words and cumulative Zipf weights (the n-th word n^-s)."""
    rng = random.Random(seed)
    words: set[str] = set()
    while len(words) < LEXICON_SIZE:
        syllables = rng.choice([1, 2, 2, 3])
        word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
        words.add(word + rng.choice(_CODAS) + rng.choice(_SUFFIXES))
    ordered = sorted(words)
    rng.shuffle(ordered)
    cumulative: list[float] = []
    total = 0.0
    for rank in range(1, len(ordered) + 1):
        total += rank**-ZIPF_EXPONENT
        cumulative.append(total)
    return ordered, cumulative


class _Writer:
    """One document's random choices."""

    def __init__(self, rng: random.Random, places: list[tuple[str, str, str | None]]) -> None:
        self.rng = rng
        self.places = places
        self.words, self.weights = _lexicon(rng.randint(0, 2**31))

    def vary(self, sentence: str) -> str:
        """``sentence`` with some of its lowercase words of five letters or
        more swapped for lexicon words (never a capitalised word, a number
        or a word with punctuation attached)."""
        out = []
        for word in sentence.split(" "):
            if (
                len(word) >= 5
                and word.isalpha()
                and word.islower()
                and not _KEPT.search(word)
                and self.rng.random() < VARIED_SHARE
            ):
                word = self.rng.choices(self.words, cum_weights=self.weights)[0]
            out.append(word)
        return " ".join(out)

    def count(self, low: int = 1, high: int = 12) -> str:
        n = self.rng.randint(low, high)
        if n <= len(NUMBER_WORDS) and self.rng.random() < 0.6:
            return NUMBER_WORDS[n - 1]
        return str(n)

    def place(self) -> tuple[str, str, str | None]:
        return self.rng.choice(self.places)

    def when(self, published: dt.date) -> str:
        back = self.rng.randint(0, 6)
        day = published - dt.timedelta(days=back)
        choice = self.rng.random()
        if back == 1 and choice < 0.5:
            return "yesterday"
        if choice < 0.6:
            return f"on {WEEKDAYS[day.weekday()]}"
        return f"on {day.day} {MONTHS[day.month - 1]} {day.year}"

    def where(self) -> str:
        district, province, locality = self.place()
        if locality and self.rng.random() < 0.6:
            return f"in {locality} area of {district} district"
        return f"in {district} district of {province}"

    def filler(self, sentences: int) -> str:
        return " ".join(self.vary(self.rng.choice(FILLER)) for _ in range(sentences))

    def context(self, sentences: int) -> str:
        """Sentences of named officials and organisations, without figures."""
        out = []
        for _ in range(sentences):
            district, province, _ = self.place()
            out.append(
                self.vary(self.rng.choice(CONTEXT)).format(
                    title=self.rng.choice(TITLES),
                    name=f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}",
                    org=self.rng.choice(ORGANISATIONS),
                    district=district,
                    province=province,
                )
            )
        return " ".join(out)


def _press_statement(w: _Writer, published: dt.date) -> str:
    group, short = w.rng.choice(GROUPS)
    killed = w.count(2, 15)
    lines = [
        f"RAWALPINDI: Security forces conducted an intelligence based operation {w.where()} "
        f"{w.when(published)}, on the reported presence of terrorists of the {group} ({short}).",
        f"During the conduct of the operation, own troops effectively engaged the terrorists' "
        f"location and {killed} {w.rng.choice(MILITANTS)} were killed.",
    ]
    if w.rng.random() < 0.5:
        lines.append(
            f"However, {w.count(1, 4)} {w.rng.choice(SECURITY)}, having fought gallantly, "
            "embraced shahadat."
        )
    if w.rng.random() < 0.4:
        lines.append(
            f"Weapons and ammunition were recovered; {w.count(1, 3)} of the killed were "
            "Afghan nationals, the ISPR said."
        )
    lines.append(
        "Sanitisation operation is being carried out to eliminate any other terrorist found in the area."
    )
    return " ".join(lines) + "\n\n" + w.context(w.rng.randint(1, 3))


def _news_report(w: _Writer, published: dt.date) -> str:
    district, province, locality = w.place()
    where = f"in {locality}" if locality else f"in {district}"
    head = (
        f"{district.upper()}: {w.count(1, 9).capitalize()} {w.rng.choice(SECURITY)} were martyred "
        f"and {w.count(1, 9)} others injured when militants {w.rng.choice(ATTACKS)} {where} "
        f"{w.when(published)}, police said."
    )
    middle = w.filler(w.rng.randint(1, 3)) + " " + w.context(w.rng.randint(2, 4))
    group, short = w.rng.choice(GROUPS)
    claim = f"The outlawed {group} ({short}) claimed responsibility for the attack."
    background = (
        f"{province} has seen a surge in violence this year. Earlier this month, "
        f"{w.count(2, 20)} people were killed in a string of attacks across the province, "
        "according to official figures."
    )
    return "\n\n".join([head + " " + middle, claim, background])


def _roundup(w: _Writer, published: dt.date) -> str:
    paragraphs = [f"PESHAWAR: Violence was reported from several districts {w.when(published)}."]
    for _ in range(w.rng.randint(3, 7)):
        district, _, locality = w.place()
        kind = w.rng.random()
        if kind < 0.35:
            text = (
                f"In {district}, {w.count(1, 6)} {w.rng.choice(CIVILIANS)} were killed when a "
                f"roadside bomb went off near {locality or 'the main road'}."
            )
        elif kind < 0.7:
            text = (
                f"Gunmen shot dead {w.count(1, 3)} {w.rng.choice(SECURITY)} in {district}, "
                f"while {w.count(1, 4)} others were wounded."
            )
        else:
            text = (
                f"Police arrested {w.count(2, 12)} suspects during a search operation in "
                f"{district}."
            )
        paragraphs.append(text + " " + w.context(w.rng.randint(1, 2)))
    return "\n\n".join(paragraphs)


def _analysis(w: _Writer, published: dt.date) -> str:
    year = published.year - 1
    district, province, _ = w.place()
    paragraphs = [
        f"Militant violence in {province} rose sharply in {year}, according to data compiled "
        "by independent researchers.",
        f"A total of {w.rng.randint(200, 900)} people were killed in {w.rng.randint(100, 400)} "
        f"attacks over the year, among them {w.rng.randint(50, 300)} security personnel.",
        f"{district} remained the worst-affected district. " + w.context(w.rng.randint(2, 3)),
        "Analysts said the return of fighters from across the border had changed the "
        "character of the conflict, with more complex attacks on fortified positions.",
        w.filler(w.rng.randint(3, 6)),
    ]
    return "\n\n".join(paragraphs)


KINDS: list[tuple[float, Callable[[_Writer, dt.date], str]]] = [
    (0.3, _press_statement),
    (0.4, _news_report),
    (0.15, _roundup),
    (0.15, _analysis),
]


def _places() -> list[tuple[str, str, str | None]]:
    table = ik.gazetteer()
    districts = table.filter(kind="district").select("name", "province").rows()
    localities = table.filter(kind="locality").select("name", "district", "province").rows()
    places: list[tuple[str, str, str | None]] = [(d, p, None) for d, p in districts]
    places += [(d, p, loc) for loc, d, p in localities if d and p]
    return places


def documents(size: int, seed: int = 7) -> Iterator[dict[str, str]]:
    """Documents until their texts add up to ``size`` bytes (UTF-8)."""
    rng = random.Random(seed)
    writer = _Writer(rng, _places())
    weights = [w for w, _ in KINDS]
    kinds = [k for _, k in KINDS]
    written = 0
    n = 0
    first = dt.date(2023, 1, 1)
    while written < size:
        published = first + dt.timedelta(days=rng.randint(0, 3 * 365))
        kind = rng.choices(kinds, weights)[0]
        text = kind(writer, published)
        written += len(text.encode())
        yield {"doc_id": f"synthetic-{n:07d}", "published": published.isoformat(), "text": text}
        n += 1


def parse_size(text: str) -> int:
    """``"100MB"``, ``"1GB"``, ``"500kB"`` or a number of bytes."""
    units = {"GB": 10**9, "MB": 10**6, "KB": 10**3, "B": 1}
    upper = text.strip().upper()
    for unit, factor in units.items():
        if upper.endswith(unit):
            return int(float(upper[: -len(unit)]) * factor)
    return int(upper)


def write(out: Path, size: int, seed: int, kind: str) -> int:
    """Write the corpus as one JSONL file or a folder of .txt; returns documents."""
    count = 0
    if kind == "txt":
        out.mkdir(parents=True, exist_ok=True)
        for doc in documents(size, seed):
            header = f" date {doc['published']} \n"
            (out / f"{doc['doc_id']}.txt").write_text(header + doc["text"], encoding="utf-8")
            count += 1
        return count
    with out.open("w", encoding="utf-8") as stream:
        for doc in documents(size, seed):
            stream.write(json.dumps(doc) + "\n")
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="10MB", help="total text size, e.g. 100MB or 1GB")
    parser.add_argument("--out", required=True, type=Path, help="a .jsonl file or a folder")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--format", choices=["jsonl", "txt"], default="jsonl")
    args = parser.parse_args()
    count = write(args.out, parse_size(args.size), args.seed, args.format)
    print(f"{count:,} documents -> {args.out}")


if __name__ == "__main__":
    main()
