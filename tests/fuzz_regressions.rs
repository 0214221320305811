//! Inputs that once made the document parser panic or run past the fuzz
//! target's time limit (`fuzz/`), each parsed as the fuzz target parses it:
//! a first line `@YYYY-MM-DD` is the publication date. Every one must parse,
//! build the incident frame, and give rows whose evidence is their own text.

use chrono::NaiveDate;
use incidentkit::extract::parse_document;
use incidentkit::frame::incidents_to_frame;
use incidentkit::incident::Incident;

/// The publication date and the text of a fuzz input.
fn split_input(data: &[u8]) -> (Option<NaiveDate>, String) {
    if let Some(rest) = data.strip_prefix(b"@") {
        let line_end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        let line = String::from_utf8_lossy(&rest[..line_end]);
        let published = NaiveDate::parse_from_str(line.trim(), "%Y-%m-%d").ok();
        let body = rest.get(line_end + 1..).unwrap_or_default();
        return (published, String::from_utf8_lossy(body).into_owned());
    }
    (None, String::from_utf8_lossy(data).into_owned())
}

/// Parse `data` as the fuzz target does and check what it checks.
fn parse_checked(data: &[u8]) -> Vec<Incident> {
    let (published, text) = split_input(data);
    let incidents = parse_document(&text, published, "fuzz");
    let frame = incidents_to_frame(&incidents).expect("the incident frame builds");
    assert_eq!(frame.height(), incidents.len());
    let chars: Vec<char> = text.chars().collect();
    for incident in &incidents {
        let (start, end) = (incident.start as usize, incident.end as usize);
        assert!(
            start <= end && end <= chars.len(),
            "evidence out of the text"
        );
        assert_eq!(chars[start..end].iter().collect::<String>(), incident.text);
        if let (Some(a), Some(b)) = (incident.date_start, incident.date_end) {
            assert!(a <= b, "date_start after date_end");
        }
    }
    incidents
}

const MAX: u32 = u32::MAX;

/// Counts past `u32` once overflowed when the assembler added them up (a
/// panic with overflow checks, a wrapped count without): they saturate.
#[test]
fn counts_past_u32_saturate() {
    // Sides told, then their sum restated.
    let rows = parse_checked(
        b"@2025-05-04\n4294967295 soldiers and 4294967295 civilians were killed in Bannu on Monday.",
    );
    assert_eq!(rows[0].killed.security, Some(MAX));
    assert_eq!(rows[0].killed.civilians, Some(MAX));
    assert_eq!(rows[0].killed.total(), Some(MAX));

    // "in addition to the suicide bomber": one more dead militant.
    let rows = parse_checked(
        b"@2025-05-04\nIn addition to the suicide bomber, 4294967295 terrorists were killed in Bannu on Monday.",
    );
    assert_eq!(rows[0].killed.militants, Some(MAX));

    // A share of the dead militants.
    let rows = parse_checked(
        b"@2025-05-04\n4294967295 terrorists were killed in Bannu on Monday. 90% of the terrorists killed were Afghans.",
    );
    // 90% of u32::MAX, rounded.
    assert_eq!(rows[0].militant_nationalities[0].count, Some(3_865_470_566));

    // Parts of a total, and a shooting's victims.
    for input in [
        &b"@2025-05-04\nEight people, including 4294967295 soldiers and 5 civilians, were killed in Bannu on Monday."[..],
        b"@2025-05-04\n4294967295 soldiers were martyred in Bannu on Monday, while 4294967295 soldiers were killed and 4294967295 civilians were killed.",
        b"@2025-05-04\nTwo soldiers were shot dead in Bannu on Monday. 4294967295 civilians and 4294967295 policemen were injured.",
        b"@2025-05-04\n4294967295 terrorists were arrested and 4294967295 facilitators were detained in Bannu on Monday.",
        b"@2025-05-04\nSecurity forces killed 4294967295 terrorists in two IBOs in Khyber Pakhtunkhwa and Balochistan on Monday. In Bannu, 4294967295 terrorists were killed. In Quetta, 4294967295 terrorists were killed.",
        b"42949673 hundred and ninety soldiers were killed in Bannu.",
    ] {
        let rows = parse_checked(input);
        assert!(!rows.is_empty(), "{}", String::from_utf8_lossy(input));
    }
}
