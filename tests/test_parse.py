"""What ``ik.parse`` reads from short reports, case by case (SPEC.md).

Every fixture below was written for these tests in the style of news reports
and military press statements; none is taken from a real document. Each case
lists the rows the document must give, and for every row only the columns the
case is about. A case that the parser gets wrong today is kept, marked
``xfail(strict=True)`` with the SPEC rule it checks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable

import polars as pl
import pytest

import incidentkit as ik

Row = dict[str, Any]
CheckEvidence = Callable[[pl.DataFrame, dict[str, str]], None]


@dataclass(frozen=True)
class Case:
    """One document and the rows it must give (only the listed columns are checked)."""

    id: str
    text: str
    published: str | None
    rows: list[Row]
    xfail: str | None = None

    def param(self) -> Any:
        marks = [pytest.mark.xfail(strict=True, reason=self.xfail)] if self.xfail else []
        return pytest.param(self, id=self.id, marks=marks)


def day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def on(iso: str) -> Row:
    """A one-day date with precision ``day``."""
    return {"date_start": day(iso), "date_end": day(iso), "date_precision": "day"}


KP = "Khyber Pakhtunkhwa"

CASES = [
    Case(
        "ispr-ibo-datta-khel",
        "RAWALPINDI: Security forces conducted an intelligence based operation in general "
        "area Datta Khel, North Waziristan District on 14 March 2025 on the reported presence "
        "of khwarij of Fitna al Khawarij. During the operation, own troops engaged the khwarij "
        "location and after an intense exchange of fire, six khwarij were sent to hell. "
        "Weapons and ammunition were recovered.",
        "2025-03-15",
        [
            {
                **on("2025-03-14"),
                "incident_id": "doc:0",
                "country": "Pakistan",
                "province": KP,
                "district": "North Waziristan",
                "place": "Datta Khel",
                "event_type": "security_operation",
                "killed_militants": 6,
                "killed_security": None,
                "killed_total": 6,
                "approximate": False,
                "militant_group": "TTP",
                "militant_nationalities": [],
                "cross_border": False,
            }
        ],
    ),
    Case(
        "news-yesterday-others-take-side",
        "BANNU: Three policemen were martyred and two others injured when militants attacked a "
        "police checkpost in Domel tehsil of Bannu district yesterday, police said.",
        "2025-06-11",
        [
            {
                **on("2025-06-10"),
                "district": "Bannu",
                "place": "Domel",
                "event_type": "militant_attack",
                "killed_security": 3,
                "injured_security": 2,
                "killed_total": 3,
                "injured_total": 2,
            }
        ],
    ),
    Case(
        "weekday-resolves-backwards",
        "PESHAWAR: Unidentified gunmen shot dead a tribal elder in Sarai Naurang area of Lakki "
        "Marwat district on Sunday, police said. The elder was on his way home from the mosque "
        "when he was targeted.",
        "2025-06-11",  # a Wednesday
        [
            {
                **on("2025-06-08"),
                "district": "Lakki Marwat",
                "place": "Sarai Naurang",
                "killed_civilians": 1,
            }
        ],
    ),
    Case(
        "weekday-on-publication-day",
        "Gunmen shot dead two policemen in Bannu on Sunday.",
        "2025-06-08",  # a Sunday
        [{**on("2025-06-08"), "district": "Bannu", "killed_security": 2}],
    ),
    Case(
        "singled-out-elder-is-targeted-killing",
        "PESHAWAR: Unidentified gunmen shot dead a tribal elder in Sarai Naurang area of Lakki "
        "Marwat district on Sunday, police said. The elder was on his way home from the mosque "
        "when he was targeted.",
        "2025-06-11",
        [{"event_type": "targeted_killing", "killed_civilians": 1}],
    ),
    Case(
        "di-khan-spelling",
        "Two soldiers were martyred in an exchange of fire with terrorists in Kulachi, "
        "D.I. Khan, on 3 April 2025.",
        "2025-04-04",
        [
            {
                **on("2025-04-03"),
                "province": KP,
                "district": "Dera Ismail Khan",
                "place": "Kulachi",
                "killed_security": 2,
            }
        ],
    ),
    Case(
        "exchange-of-fire-without-operation-is-attack",
        "Two soldiers were martyred in an exchange of fire with terrorists in Kulachi, "
        "D.I. Khan, on 3 April 2025.",
        "2025-04-04",
        [{"event_type": "militant_attack"}],
    ),
    Case(
        "at-least-and-over-are-approximate",
        "At least 12 people were killed and over 20 injured when a bomb exploded in a crowded "
        "market in Parachinar, Kurram district, on Friday.",
        "2025-02-16",
        [
            {
                **on("2025-02-14"),
                "district": "Kurram",
                "place": "Parachinar",
                "event_type": "bombing",
                "killed_unknown": 12,
                "injured_unknown": 20,
                "killed_total": 12,
                "approximate": True,
            }
        ],
    ),
    Case(
        "suicide-blast-bomber-not-counted",
        "A suicide bomber blew himself up near a convoy of security forces in Mir Ali, North "
        "Waziristan, on Tuesday, martyring four soldiers and injuring seven others, officials "
        "said. The banned TTP claimed responsibility for the attack.",
        "2025-07-10",
        [
            {
                **on("2025-07-08"),
                "district": "North Waziristan",
                "place": "Mir Ali",
                "event_type": "suicide_attack",
                "killed_security": 4,
                "injured_security": 7,
                "killed_militants": None,
                "killed_total": 4,
                "militant_group": "TTP",
                "approximate": False,
            }
        ],
    ),
    Case(
        "kidnapping",
        "Armed men kidnapped four employees of a construction company from a site in Kulachi "
        "tehsil of Dera Ismail Khan on 2 May 2025. Police said a search had been launched for "
        "the abducted men.",
        "2025-05-03",
        [
            {
                **on("2025-05-02"),
                "district": "Dera Ismail Khan",
                "event_type": "kidnapping",
                "killed_total": None,
                "injured_total": None,
            }
        ],
    ),
    Case(
        "city-named-like-its-district",
        "Armed men kidnapped four employees of a construction company from a site near Tank "
        "city on 2 May 2025. Police said a search had been launched for the abducted men.",
        "2025-05-03",
        [{"district": "Tank", "place": None, "event_type": "kidnapping"}],
    ),
    Case(
        "statistics-are-not-incidents",
        "According to the think tank's annual report, 685 personnel were killed in 444 attacks "
        "in 2024, making it the deadliest year for security forces in a decade. Khyber "
        "Pakhtunkhwa bore the brunt of the violence.",
        "2025-01-02",
        [],
    ),
    Case(
        "policy-is-not-an-incident",
        "The federal cabinet approved Operation Azm-e-Istehkam to root out terrorism, and the "
        "interior minister said talks with Kabul would continue.",
        "2024-06-23",
        [],
    ),
    Case(
        "two-operations-two-rows",
        "Security forces killed four khwarij in an intelligence based operation in Tank "
        "District on 20 May 2025. In another operation in Tirah, Khyber District, on the same "
        "day, three more khwarij were killed, the ISPR said.",
        "2025-05-21",
        [
            {
                **on("2025-05-20"),
                "incident_id": "doc:0",
                "district": "Tank",
                "killed_militants": 4,
            },
            {
                **on("2025-05-20"),
                "incident_id": "doc:1",
                "district": "Khyber",
                "place": "Tirah",
                "killed_militants": 3,
            },
        ],
    ),
    Case(
        "two-incidents-in-one-sentence",
        "On 5 May 2025, two soldiers were martyred in a blast in Bajaur, while three policemen "
        "were martyred in a separate attack in Tank.",
        "2025-05-06",
        [
            {
                **on("2025-05-05"),
                "district": "Bajaur",
                "event_type": "bombing",
                "killed_security": 2,
                "killed_total": 2,
            },
            {**on("2025-05-05"), "district": "Tank", "killed_security": 3, "killed_total": 3},
        ],
    ),
    Case(
        "list-items-two-rows",
        "The ISPR said security forces conducted the following operations on 26 September "
        "2025: a) in Lakki Marwat district, three khwarij were killed; b) in Bajaur district, "
        "five khwarij were killed.",
        "2025-09-28",
        [
            {**on("2025-09-26"), "district": "Lakki Marwat", "killed_militants": 3},
            {**on("2025-09-26"), "district": "Bajaur", "killed_militants": 5},
        ],
    ),
    Case(
        "home-town-is-not-the-place",
        "A soldier was martyred when terrorists attacked a post in Spinwam, North Waziristan, "
        "on 8 August 2025. The martyred sepoy was a resident of Chakwal district.",
        "2025-08-09",
        [
            {
                **on("2025-08-08"),
                "province": KP,
                "district": "North Waziristan",
                "place": "Spinwam",
                "killed_security": 1,
            }
        ],
    ),
    Case(
        "afghan-suicide-bomber",
        "The suicide bomber who attacked a checkpost in Bannu district on 2 March 2025 was an "
        "Afghan national, officials said. Two soldiers were martyred in the attack.",
        "2025-03-05",
        [
            {
                **on("2025-03-02"),
                "district": "Bannu",
                "event_type": "suicide_attack",
                "killed_security": 2,
                "militant_nationalities": [{"nationality": "Afghan", "count": 1}],
                "cross_border": True,
            }
        ],
    ),
    Case(
        "militant-origin-is-not-the-place",
        "The suicide bomber who struck a security forces convoy in Bannu on 4 March 2025 was "
        "identified as an Afghan national from Logar province, officials said. Five soldiers "
        "were martyred.",
        "2025-03-06",
        [
            {
                "country": "Pakistan",
                "province": KP,
                "district": "Bannu",
                "killed_security": 5,
                "militant_nationalities": [{"nationality": "Afghan", "count": 1}],
                "cross_border": True,
            }
        ],
    ),
    Case(
        "counted-afghan-nationals",
        "Security forces killed 30 khwarij attempting to infiltrate from Afghanistan in Hassan "
        "Khel, North Waziristan on 27 April 2025. Four of the killed khwarij were Afghan "
        "nationals.",
        "2025-04-28",
        [
            {
                "district": "North Waziristan",
                "killed_militants": 30,
                "militant_nationalities": [{"nationality": "Afghan", "count": 4}],
                "cross_border": True,
            }
        ],
    ),
    Case(
        "percentage-of-a-base",
        "Security forces killed 50 khwarij in Zhob district on 27 April 2025, 90 percent of "
        "whom were Afghan nationals.",
        "2025-04-29",
        [
            {
                **on("2025-04-27"),
                "district": "Zhob",
                "killed_militants": 50,
                "militant_nationalities": [{"nationality": "Afghan", "count": 45}],
                "cross_border": True,
            }
        ],
    ),
    Case(
        "afghan-based-is-cross-border-not-nationality",
        "Security forces killed four terrorists of an Afghan-based network in Kalat district "
        "on 3 July 2025.",
        "2025-07-04",
        [
            {
                "district": "Kalat",
                "province": "Balochistan",
                "killed_militants": 4,
                "militant_nationalities": [],
                "cross_border": True,
            }
        ],
    ),
    Case(
        "victims-nationality-is-not-militants",
        "KARACHI: Two Chinese nationals were injured when a gunman opened fire on their vehicle "
        "in Liaquatabad on Thursday.",
        "2025-04-20",
        [
            {
                **on("2025-04-17"),
                "province": "Sindh",
                "district": "Karachi Central",
                "place": "Liaquatabad",
                "injured_civilians": 2,
                "militant_nationalities": [],
                "cross_border": False,
            }
        ],
    ),
    Case(
        "header-date-last-night-renamed-district",
        " date 2025-09-03 \nQUETTA: Four Levies personnel were martyred when terrorists "
        "ambushed their vehicle in Dhadar, Bolan district, last night, officials said.",
        None,
        [
            {
                **on("2025-09-02"),
                "published": day("2025-09-03"),
                "province": "Balochistan",
                "district": "Kachhi",
                "place": "Dhadar",
                "event_type": "militant_attack",
                "killed_security": 4,
            }
        ],
    ),
    Case(
        "lone-date-line-this-morning",
        "Friday, October 17, 2025\nGunmen riding a motorcycle shot dead a polio worker in "
        "Kulachi tehsil of Dera Ismail Khan this morning, police said.",
        None,
        [
            {
                **on("2025-10-17"),
                "published": day("2025-10-17"),
                "district": "Dera Ismail Khan",
                "event_type": "targeted_killing",
                "killed_civilians": 1,
            }
        ],
    ),
    Case(
        "infiltration-night-range",
        "Security forces foiled an infiltration attempt by a group of khwarij trying to cross "
        "the Pak-Afghan border in Ghulam Khan area of North Waziristan on the night of April "
        "10-11, 2025. Seventeen khwarij were killed.",
        "2025-04-12",
        [
            {
                "date_start": day("2025-04-10"),
                "date_end": day("2025-04-11"),
                "date_precision": "day",
                "district": "North Waziristan",
                "place": "Ghulam Khan",
                "event_type": "border_infiltration",
                "killed_militants": 17,
                "cross_border": True,
            }
        ],
    ),
    Case(
        "fire-from-across-the-border",
        "Afghan Taliban forces opened unprovoked fire on Pakistani posts from across the border "
        "in Kurram district on 12 October 2025, martyring three soldiers. Pakistani troops "
        "responded.",
        "2025-10-13",
        [
            {
                **on("2025-10-12"),
                "district": "Kurram",
                "province": KP,
                "event_type": "cross_border_attack",
                "killed_security": 3,
                "militant_group": "Afghan Taliban",
                "cross_border": True,
            }
        ],
    ),
    Case(
        "no-casualties-are-zero",
        "A roadside bomb went off near a police van in Khar, Bajaur district, on 5 October "
        "2025. No casualties were reported.",
        "2025-10-06",
        [
            {
                **on("2025-10-05"),
                "district": "Bajaur",
                "place": "Khar",
                "event_type": "bombing",
                "killed_unknown": 0,
                "injured_unknown": 0,
                "killed_total": 0,
                "injured_total": 0,
            }
        ],
    ),
    Case(
        "named-operation",
        "Under Operation Sarbakaf, security forces killed eight terrorists in Loi Mamund, "
        "Bajaur district, on 14 August 2025.",
        "2025-08-15",
        [
            {
                "district": "Bajaur",
                "event_type": "security_operation",
                "killed_militants": 8,
                "operation": "Sarbakaf",
            }
        ],
    ),
    Case(
        "month-only",
        "In July 2025, militants attacked a police post in Tank district, killing two constables.",
        "2025-09-01",
        [
            {
                "date_start": day("2025-07-01"),
                "date_end": day("2025-07-31"),
                "date_precision": "month",
                "district": "Tank",
                "killed_security": 2,
            }
        ],
    ),
    Case(
        "dateline-is-the-place-when-no-other",
        "MIRANSHAH: Two soldiers were martyred when an improvised explosive device hit their "
        "vehicle on Monday, officials said.",
        "2025-02-12",
        [
            {
                **on("2025-02-10"),
                "district": "North Waziristan",
                "event_type": "bombing",
                "killed_security": 2,
            }
        ],
    ),
    Case(
        "last-week",
        "Militants attacked a police station in Lakki Marwat last week, injuring five "
        "policemen, officials said.",
        "2025-06-11",
        [
            {
                "date_start": day("2025-06-02"),
                "date_end": day("2025-06-08"),
                "date_precision": "week",
                "district": "Lakki Marwat",
                "injured_security": 5,
            }
        ],
    ),
    Case(
        "earlier-this-week",
        "Two labourers were shot dead by militants in Panjgur earlier this week, officials said.",
        "2025-06-12",  # a Thursday
        [
            {
                "date_start": day("2025-06-09"),
                "date_end": day("2025-06-11"),
                "date_precision": "week",
                "district": "Panjgur",
                "killed_civilians": 2,
            }
        ],
    ),
    Case(
        "overnight-is-two-days",
        "Terrorists attacked the Frontier Constabulary headquarters in Dera Ismail Khan "
        "overnight, killing three FC personnel.",
        "2025-10-10",
        [
            {
                "date_start": day("2025-10-09"),
                "date_end": day("2025-10-10"),
                "killed_security": 3,
            }
        ],
    ),
    Case(
        "facility-gives-its-district-not-a-place",
        "Terrorists attacked the Frontier Constabulary headquarters in Dera Ismail Khan on 9 "
        "October 2025, killing three FC personnel.",
        "2025-10-10",
        [
            {
                **on("2025-10-09"),
                "province": KP,
                "district": "Dera Ismail Khan",
                "place": None,
                "killed_security": 3,
            }
        ],
    ),
    Case(
        "since-the-14th-of-last-month",
        "Security forces have killed 22 khwarij in various intelligence based operations in "
        "Khyber District since the 14th of last month, the ISPR said.",
        "2025-06-05",
        [
            {
                "date_start": day("2025-05-14"),
                "date_end": day("2025-06-05"),
                "district": "Khyber",
                "event_type": "security_operation",
                "killed_militants": 22,
            }
        ],
    ),
    Case(
        "a-week-after",
        "A policeman was shot dead in Kohat on 3 March 2025. A week after the killing, "
        "militants attacked a police post in Kohat, killing two constables.",
        "2025-03-20",
        [
            {**on("2025-03-03"), "district": "Kohat", "killed_security": 1},
            {
                "date_start": day("2025-03-10"),
                "date_end": day("2025-03-10"),
                "date_precision": "week",
                "district": "Kohat",
                "killed_security": 2,
            },
        ],
    ),
    Case(
        "statement-date",
        "The ISPR said on Wednesday that security forces killed three terrorists in an "
        "intelligence-based operation in Tank district.",
        "2025-06-13",
        [{**on("2025-06-11"), "district": "Tank", "killed_militants": 3}],
    ),
    Case(
        "no-date-uses-publication",
        "Three policemen were martyred when terrorists attacked a police mobile in Lakki "
        "Marwat, officials said.",
        "2025-06-12",
        [
            {
                "date_start": day("2025-06-12"),
                "date_end": day("2025-06-12"),
                "date_precision": "published",
                "district": "Lakki Marwat",
                "killed_security": 3,
            }
        ],
    ),
    Case(
        "no-date-no-publication-is-null",
        "Three policemen were martyred when terrorists attacked a police mobile in Lakki "
        "Marwat, officials said.",
        None,
        [
            {
                "published": None,
                "date_start": None,
                "date_end": None,
                "date_precision": None,
                "district": "Lakki Marwat",
            }
        ],
    ),
    Case(
        "others-including-another-side-are-unknown",
        "A bomb blast in a bazaar in Khar, Bajaur killed two children and injured eight "
        "others, including a Levies official, on 3 May 2025.",
        "2025-05-04",
        [{"killed_civilians": 2, "injured_unknown": 8, "injured_civilians": None}],
    ),
    Case(
        "dozens-and-a-dozen",
        "A powerful blast ripped through a vegetable market in Quetta on Saturday, injuring "
        "dozens of people, police said. A dozen policemen were among the injured.",
        "2025-11-03",
        [{"district": "Quetta", "injured_unknown": 24, "approximate": True}],
    ),
    Case(
        "a-dozen-is-exact",
        "A dozen policemen were injured when militants attacked a police station in Kulachi "
        "on 4 January 2025.",
        "2025-01-05",
        [{"injured_security": 12, "approximate": False}],
    ),
    Case(
        "range-takes-lower-bound",
        "Fifteen to 20 people were injured when a grenade was hurled at a shop in Turbat, "
        "Kech, on 7 June 2025.",
        "2025-06-08",
        [
            {
                "district": "Kech",
                "place": "Turbat",
                "event_type": "bombing",
                "injured_unknown": 15,
                "approximate": True,
            }
        ],
    ),
    Case(
        "attackers-are-not-casualties",
        "Between 15 and 20 militants attacked a check post in Jani Khel, Bannu, on 7 June "
        "2025, and two soldiers were martyred.",
        "2025-06-08",
        [
            {
                "district": "Bannu",
                "killed_security": 2,
                "killed_militants": None,
                "killed_unknown": None,
                "killed_total": 2,
            }
        ],
    ),
    Case(
        "arrests",
        "The Counter Terrorism Department arrested three suspected terrorists during a raid in "
        "Quetta on 11 May 2025 and recovered explosives.",
        "2025-05-12",
        [
            {
                **on("2025-05-11"),
                "district": "Quetta",
                "event_type": "security_operation",
                "arrested": 3,
                "killed_total": None,
            }
        ],
    ),
    Case(
        "sentence-across-abbreviations",
        "An IED exploded near a vehicle of the bomb disposal squad in Mamund tehsil of Bajaur "
        "on 21 July 2025.\n\nLt. Col. Ahmed Khan, who heads the district's security, said two "
        "constables were martyred in the blast.",
        "2025-07-22",
        [
            {
                **on("2025-07-21"),
                "district": "Bajaur",
                "event_type": "bombing",
                "killed_security": 2,
            }
        ],
    ),
    Case(
        "same-event-twice-is-one-row",
        "Four soldiers were martyred when terrorists attacked a security post in Makeen, South "
        "Waziristan, on 16 September 2025. Officials said the attack on the Makeen post was "
        "repulsed after a long gunfight.",
        "2025-09-17",
        [{"district": "South Waziristan", "place": "Makeen", "killed_security": 4}],
    ),
    Case(
        "non-ascii-before-the-incident",
        "\u201c\u0627\u06cc\u06a9 \u0627\u0648\u0631 \u062d\u0645\u0644\u06c1\u201d \u2014 "
        "the headline in Urdu papers was stark. Readers wrote \u00abenough\u00bb and "
        "\U0001f622.\nTwo policemen were martyred when militants attacked a checkpost in "
        "Domel, Bannu on 9 June 2025.",
        "2025-06-10",
        [{**on("2025-06-09"), "district": "Bannu", "place": "Domel", "killed_security": 2}],
    ),
]

GROUPS = [
    (
        "Five terrorists of the Hafiz Gul Bahadur group were killed by security forces in an "
        "intelligence-based operation in Mir Ali on 9 June 2025.",
        "HGB",
    ),
    (
        "The proscribed Balochistan Liberation Army claimed responsibility for an attack on a "
        "Frontier Corps convoy in Buleda, Kech district, on 26 August 2025 that martyred six FC "
        "personnel.",
        "BLA",
    ),
    (
        "Tehreek-e-Taliban Pakistan claimed the attack on a police station in Lakki Marwat on "
        "3 July 2025 that killed two constables.",
        "TTP",
    ),
    (
        "Daesh claimed responsibility for the bombing at a political rally in Khar, Bajaur on "
        "30 July 2025 which killed 54 people.",
        "ISKP",
    ),
    (
        "Security forces killed five terrorists of Indian proxy Fitna al Hindustan in Panjgur "
        "district on 12 August 2025.",
        "Fitna al-Hindustan",
    ),
    (
        "The Jamaat-ul-Ahrar faction of the TTP claimed the suicide attack on a mosque in "
        "Peshawar police lines on 30 January 2023, in which 84 people were killed.",
        "JuA",
    ),
    (
        "Taliban militants ambushed a police patrol in Lakki Marwat on 12 August 2025, martyring "
        "a constable.",
        None,
    ),
]


def _assert_rows(frame: pl.DataFrame, expected: list[Row]) -> None:
    got = frame.to_dicts()
    assert len(got) == len(expected), [r["text"] for r in got]
    for n, (row, want) in enumerate(zip(got, expected)):
        seen = {key: row[key] for key in want}
        assert seen == want, f"row {n}: {row['text']!r}"


@pytest.mark.parametrize("case", [c.param() for c in CASES])
def test_parse_case(case: Case, check_evidence: CheckEvidence) -> None:
    frame = ik.parse(case.text, published=case.published, doc_id="doc")
    assert frame.schema == ik.SCHEMA
    _assert_rows(frame, case.rows)
    check_evidence(frame, {"doc": case.text})


@pytest.mark.parametrize(("text", "group"), [pytest.param(t, g, id=str(g)) for t, g in GROUPS])
def test_militant_group_is_canonical(text: str, group: str | None) -> None:
    frame = ik.parse(text, published="2025-09-01")
    assert frame.height == 1
    assert frame.item(0, "militant_group") == group


def test_incident_ids_number_rows_in_document_order() -> None:
    case = next(c for c in CASES if c.id == "two-operations-two-rows")
    frame = ik.parse(case.text, published=case.published, doc_id="ispr-0521")
    assert frame["incident_id"].to_list() == ["ispr-0521:0", "ispr-0521:1"]
    assert frame["doc_id"].to_list() == ["ispr-0521", "ispr-0521"]


@pytest.mark.parametrize(
    "published",
    [
        pytest.param("2025-06-11", id="iso"),
        pytest.param(dt.date(2025, 6, 11), id="date"),
        pytest.param(dt.datetime(2025, 6, 11, 18, 30), id="datetime"),
        pytest.param("2025-06-11T18:30:00", id="iso-with-time"),
    ],
)
def test_published_forms(published: object) -> None:
    text = "Three policemen were martyred in an attack in Bannu yesterday."
    frame = ik.parse(text, published=published)  # type: ignore[arg-type]
    assert frame.item(0, "published") == dt.date(2025, 6, 11)
    assert frame.item(0, "date_start") == dt.date(2025, 6, 10)


def test_caller_published_overrides_header() -> None:
    text = " date 2025-03-05 \nTwo soldiers were martyred in Bannu yesterday."
    assert ik.parse(text).item(0, "date_start") == dt.date(2025, 3, 4)
    frame = ik.parse(text, published="2025-04-01")
    assert frame.item(0, "published") == dt.date(2025, 4, 1)
    assert frame.item(0, "date_start") == dt.date(2025, 3, 31)


@pytest.mark.parametrize(
    "header",
    [
        pytest.param(" date 2025-13-45 ", id="month-13"),
        pytest.param(" date 2025-02-29 ", id="not-a-leap-year"),
        pytest.param(" date 20250305 ", id="no-dashes"),
    ],
)
def test_malformed_header_gives_null_published(header: str) -> None:
    frame = ik.parse(header + "\nTwo soldiers were martyred in Bannu yesterday.")
    assert frame.height == 1
    assert frame.item(0, "published") is None
    assert frame.item(0, "date_start") is None
    assert frame.item(0, "district") == "Bannu"


def test_evidence_offsets_are_str_indices_after_non_ascii() -> None:
    case = next(c for c in CASES if c.id == "non-ascii-before-the-incident")
    frame = ik.parse(case.text, published=case.published)
    row = frame.row(0, named=True)
    evidence, start, end = row["text"], row["start"], row["end"]
    assert case.text[start:end] == evidence
    assert evidence.startswith("Two policemen")
    # Byte offsets would point further right than character offsets.
    assert start == case.text.index("Two policemen")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        pytest.param(
            "RAWALPINDI: Security forces conducted an intelligence based operation in Datta "
            "Khel, North Waziristan District on 14 March 2025. During the operation, six "
            "khwarij were sent to hell.",
            "six khwarij",
            id="count-in-second-sentence",
        ),
        pytest.param(
            "An IED exploded near a police van in Khar, Bajaur on 5 October 2025. Three "
            "policemen were injured in the blast.",
            "Three policemen",
            id="injured-in-second-sentence",
        ),
    ],
)
def test_evidence_covers_every_sentence_read(text: str, needle: str) -> None:
    frame = ik.parse(text, published="2025-10-06")
    assert frame.height == 1
    assert needle in frame.item(0, "text")
