//! The rule book gated (one scan of each segment decides which rules
//! search, and the segment's yes/no rules are answered ahead, rule by
//! rule over the document) against the rule book run plainly (every rule
//! searches every segment where it is asked): the two must read the same
//! clues and incidents from any text.

use chrono::NaiveDate;
use incidentkit::extract::{clue_report, parse_document_in, Mode};
use proptest::prelude::*;

/// Pieces of report-like text: tolls, sides, places, dates, groups, the
/// words rules open and close on, in any case.
const PIECES: &[&str] = &[
    "Two soldiers were martyred",
    "13 civilians killed and 32 others injured",
    "security forces neutralised three khwarij",
    "in an intelligence-based operation",
    "in North Waziristan's Datta Khel area",
    "near Bannu",
    "in Quetta on Monday",
    "on March 3, 2025",
    "the next day",
    "last week",
    "a suicide bomber rammed an explosives-laden vehicle",
    "an IED went off",
    "the TTP claimed responsibility",
    "Fitna al Khawarij",
    "ISKP",
    "Afghan nationals",
    "from across the border",
    "the death toll rose to 54",
    "according to PICSS data",
    "in separate attacks",
    "In another incident,",
    "Meanwhile,",
    "the attack",
    "which prompted an operation in which",
    ", while two women were killed in Khost",
    "RAWALPINDI:",
    "QUETTA, Jan 5 (AP) -",
    "a van plunged into a ravine",
    "Operation Azm-e-Istehkam",
    "on the Indus Highway",
    "at the Government Girls High School in",
    "Jamaat-ul-Mujahideen Pakistan (JMP) claimed",
    "in the mountains of Shawal",
    "the Tirah valley",
    "several attacks",
    "the twin blasts",
    "had been attacked",
    "90% of the terrorists killed were Afghans",
    "were arrested",
    "a) ",
    "1) ",
    "\n\n",
    ".",
    ",",
    "“",
    "’s",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(str::to_string),
        2 => prop::sample::select(PIECES).prop_map(|p| p.to_ascii_uppercase()),
        1 => prop::sample::select(PIECES).prop_map(|p| p.to_ascii_lowercase()),
        2 => "[a-zA-Z]{1,12}",
        1 => "[0-9]{1,4}",
        1 => "\\PC{1,8}",
    ]
}

fn report() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            piece(),
            prop_oneof![Just(" "), Just(". "), Just(", "), Just("\n")],
        ),
        1..60,
    )
    .prop_map(|parts| parts.into_iter().map(|(p, sep)| p + sep).collect())
}

fn same(text: &str) {
    let published = NaiveDate::from_ymd_opt(2025, 3, 10);
    assert_eq!(
        clue_report(Mode::Plain, text, published),
        clue_report(Mode::Gated, text, published),
        "clues of {text:?}"
    );
    assert_eq!(
        parse_document_in(Mode::Plain, text, published, "d"),
        parse_document_in(Mode::Gated, text, published, "d"),
        "incidents of {text:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn report_like_text_reads_the_same(text in report()) {
        same(&text);
    }

    #[test]
    fn any_text_reads_the_same(text in "\\PC{0,400}") {
        same(&text);
    }
}

#[test]
fn the_seed_reports_read_the_same() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
    let mut read = 0;
    for entry in std::fs::read_dir(&seeds).expect("the example corpus") {
        let path = entry.expect("a corpus entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            same(&std::fs::read_to_string(&path).expect("a text file"));
            read += 1;
        }
    }
    assert!(read > 0, "no example reports in {}", seeds.display());
}
