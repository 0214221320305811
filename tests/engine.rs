//! End-to-end engine tests: documents in, incidents out, and no panic on
//! any input.

use chrono::NaiveDate;
use incidentkit::engine::{parse_batch, DocumentInput};
use incidentkit::extract::parse_document;
use incidentkit::frame::{incidents_to_frame, schema};
use incidentkit::incident::{DatePrecision, EventType};
use proptest::prelude::*;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn press_release_with_two_operations() {
    let text = "RAWALPINDI: On 3 May 2025, security forces conducted an intelligence based operation in \
                general area Spinwam, North Waziristan District, on reported presence of khwarij. Four \
                khwarij were sent to hell. In another engagement in Tank District, two khwarij were \
                neutralised, while one soldier embraced shahadat.";
    let incidents = parse_document(text, date(2025, 5, 4), "ispr");
    assert_eq!(incidents.len(), 2);
    let first = &incidents[0];
    assert_eq!(first.incident_id, "ispr:0");
    assert_eq!(first.district.as_deref(), Some("North Waziristan"));
    assert_eq!(first.place.as_deref(), Some("Spinwam"));
    assert_eq!(first.date_start, date(2025, 5, 3));
    assert_eq!(first.killed.militants, Some(4));
    assert_eq!(first.militant_group.as_deref(), Some("TTP"));
    assert_eq!(first.event_type, Some(EventType::SecurityOperation));
    let second = &incidents[1];
    assert_eq!(second.district.as_deref(), Some("Tank"));
    assert_eq!(second.killed.militants, Some(2));
    assert_eq!(second.killed.security, Some(1));
}

#[test]
fn news_report_with_relative_date_and_home_town() {
    let text = "DERA ISMAIL KHAN: Two policemen, one of them a resident of Mardan district, were martyred \
                and three others injured when militants attacked a checkpost in Kulachi tehsil of \
                D.I. Khan late on Tuesday, police said.";
    let incidents = parse_document(text, date(2025, 6, 12), "news");
    assert_eq!(incidents.len(), 1);
    let i = &incidents[0];
    assert_eq!(i.district.as_deref(), Some("Dera Ismail Khan"));
    assert_eq!(i.province.as_deref(), Some("Khyber Pakhtunkhwa"));
    assert_eq!(i.date_start, date(2025, 6, 10));
    assert_eq!(i.date_precision, Some(DatePrecision::Day));
    assert_eq!(i.killed.security, Some(2));
    assert_eq!(i.injured.security, Some(3));
}

#[test]
fn statistics_are_not_incidents() {
    let text = "According to the institute, 685 security personnel were killed in 444 attacks in 2024, \
                the deadliest year in a decade. Militants carried out 95 attacks in Balochistan alone.";
    assert!(parse_document(text, date(2025, 1, 2), "stats").is_empty());
}

#[test]
fn offsets_are_characters() {
    let text =
        "“Pakistan’s” editorial — Two soldiers were martyred in an IED blast in Mir Ali on Monday.";
    let incidents = parse_document(text, date(2025, 6, 12), "u");
    assert_eq!(incidents.len(), 1);
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = (incidents[0].start as usize, incidents[0].end as usize);
    let evidence: String = chars[start..end].iter().collect();
    assert_eq!(evidence, incidents[0].text);
}

#[test]
fn batch_keeps_document_order() {
    let docs = [
        DocumentInput {
            text: "A blast in Quetta killed three people on Monday.",
            published: date(2025, 3, 5),
            doc_id: "a",
        },
        DocumentInput {
            text: "",
            published: None,
            doc_id: "empty",
        },
        DocumentInput {
            text: "Two soldiers were martyred in Bannu yesterday.",
            published: date(2025, 3, 5),
            doc_id: "b",
        },
    ];
    let (incidents, failures) = parse_batch(&docs);
    assert!(failures.is_empty());
    let ids: Vec<&str> = incidents.iter().map(|i| i.doc_id.as_str()).collect();
    assert_eq!(ids, vec!["a", "b"]);
}

#[test]
fn frame_of_parsed_incidents_has_schema() {
    let incidents = parse_document(
        "Militants killed four soldiers in Zhob on Friday.",
        date(2025, 3, 9),
        "z",
    );
    let frame = incidents_to_frame(&incidents).expect("frame builds");
    assert_eq!(frame.schema().as_ref(), &schema());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,400}") {
        let incidents = parse_document(&text, date(2025, 1, 1), "p");
        let length = text.chars().count() as u32;
        for i in incidents {
            prop_assert!(i.start <= i.end && i.end <= length);
        }
    }

    #[test]
    fn never_panics_on_report_like_text(words in proptest::collection::vec(prop_oneof![
        Just("killed"), Just("martyred"), Just("injured"), Just("at least"), Just("12"), Just("two"),
        Just("soldiers"), Just("khwarij"), Just("in"), Just("Bannu"), Just("D.I. Khan"), Just("on"),
        Just("Monday"), Just("March 4"), Just("2025"), Just(","), Just("."), Just("including"), Just("a)"),
        Just("b)"), Just("the attack"), Just("since"), Just("last week"), Just("Afghan"), Just("\n"),
        Just("of them"), Just("others"), Just("—"), Just("’s"), Just("(")
    ], 0..80)) {
        let text = words.join(" ");
        let incidents = parse_document(&text, None, "w");
        for i in incidents {
            prop_assert!(i.start <= i.end);
        }
    }
}
