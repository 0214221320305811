//! The statistics on frames the engine builds: plain Rust, no Python.

use chrono::NaiveDate;
use incidentkit::frame::incidents_to_frame;
use incidentkit::incident::{Incident, SideCounts};
use incidentkit::stats::{aggregate, deduplicate, DateRule, DateWindow, Every, Mention};
use polars::prelude::*;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn attack(doc: &str, district: &str, day: Option<NaiveDate>, security: u32) -> Incident {
    Incident {
        doc_id: doc.into(),
        incident_id: format!("{doc}:0"),
        date_start: day,
        date_end: day,
        district: Some(district.into()),
        killed: SideCounts {
            security: Some(security),
            ..Default::default()
        },
        ..Default::default()
    }
}

fn sample() -> DataFrame {
    incidents_to_frame(&[
        attack("a", "Bannu", date(2025, 3, 3), 2),
        attack("b", "Bannu", date(2025, 3, 4), 3),
        attack("c", "Kech", date(2025, 4, 9), 1),
    ])
    .unwrap()
}

fn u64s(frame: &DataFrame, name: &str) -> Vec<Option<u64>> {
    frame.column(name).unwrap().u64().unwrap().iter().collect()
}

#[test]
fn aggregates_by_district_and_month() {
    let by = vec!["district".to_string(), "month".to_string()];
    let out = aggregate(&sample(), &by, &DateWindow::ALL, Mention::Any).unwrap();
    assert_eq!(out.height(), 2);
    assert_eq!(u64s(&out, "killed_security"), [Some(5), Some(1)]);
    let districts: Vec<Option<&str>> = out
        .column("district")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(districts, [Some("Bannu"), Some("Kech")]);
}

#[test]
fn date_windows_filter_rows() {
    let start = date(2025, 4, 1)
        .map(|d| (d - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days() as i32);
    let window = DateWindow::new(start, None, DateRule::Start).unwrap();
    let out = aggregate(&sample(), &[], &window, Mention::Any).unwrap();
    assert_eq!(u64s(&out, "killed_total"), [Some(1)]);
    assert!(DateWindow::new(Some(5), Some(4), DateRule::Overlap).is_err());
}

#[test]
fn missing_columns_are_named() {
    let frame = sample().drop("district").unwrap();
    let error = aggregate(
        &frame,
        &["district".to_string()],
        &DateWindow::ALL,
        Mention::Any,
    )
    .unwrap_err();
    assert_eq!(error.argument, "incidents");
    assert!(error.message.contains("district"), "{error}");
}

#[test]
fn deduplicate_merges_across_documents() {
    let out = deduplicate(&sample(), 2, Mention::Any).unwrap();
    assert_eq!(out.height(), 2);
    let sources: Vec<Option<u32>> = out
        .column("n_sources")
        .unwrap()
        .u32()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(sources, [Some(2), Some(1)]);
    let best: Vec<Option<u32>> = out
        .column("killed_total")
        .unwrap()
        .u32()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(best, [Some(3), Some(1)]);
}

#[test]
fn every_parses_and_buckets() {
    let every = Every::parse("2w", "every").unwrap();
    assert_eq!(every.start_of(every.start_of(100)), every.start_of(100));
}
