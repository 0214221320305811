//! The engine's document parser on arbitrary input.
//!
//! Input: arbitrary bytes, read as lossy UTF-8. A first line `@YYYY-MM-DD`
//! is the caller's publication date (an invalid one gives none) and is not
//! part of the text; without it the parse has no publication date. Every
//! input must parse without panicking, and quickly (`-timeout=2`); the rows
//! must build the incident frame, and every row's evidence (`text`, `start`,
//! `end`) must be the characters of the document it claims to be.
#![no_main]

use chrono::NaiveDate;
use incidentkit::extract::parse_document;
use incidentkit::frame::incidents_to_frame;
use libfuzzer_sys::fuzz_target;

/// The caller's publication date and the document.
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

fuzz_target!(|data: &[u8]| {
    let (published, text) = split_input(data);
    let incidents = parse_document(&text, published, "fuzz");
    let frame = incidents_to_frame(&incidents).expect("the incident frame builds");
    assert_eq!(frame.height(), incidents.len());

    let chars: Vec<char> = text.chars().collect();
    let mut ids = std::collections::HashSet::new();
    for incident in &incidents {
        assert!(ids.insert(incident.incident_id.as_str()), "duplicate incident id");
        assert_eq!(incident.doc_id, "fuzz");
        let (start, end) = (incident.start as usize, incident.end as usize);
        assert!(start <= end && end <= chars.len(), "evidence span out of the text");
        let evidence: String = chars[start..end].iter().collect();
        assert_eq!(evidence, incident.text, "evidence text is not text[start..end]");
        if let (Some(a), Some(b)) = (incident.date_start, incident.date_end) {
            assert!(a <= b, "date_start after date_end");
        }
        assert_eq!(incident.date_start.is_some(), incident.date_end.is_some());
        assert_eq!(incident.published, published.or(incident.published));
    }
});
