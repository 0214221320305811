//! `evaluate` on a hand-worked corpus: plain Rust, no Python.

use chrono::NaiveDate;
use incidentkit::frame::incidents_to_frame;
use incidentkit::incident::{Incident, SideCounts};
use incidentkit::stats::{evaluate, EVALUATED_FIELDS};
use polars::prelude::*;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn incident(id: &str, district: &str, day: Option<NaiveDate>, killed: SideCounts) -> Incident {
    let doc = id.split(':').next().unwrap_or_default();
    Incident {
        doc_id: doc.into(),
        incident_id: id.into(),
        date_start: day,
        date_end: day,
        district: Some(district.into()),
        killed,
        ..Default::default()
    }
}

fn security(n: u32) -> SideCounts {
    SideCounts {
        security: Some(n),
        ..Default::default()
    }
}

fn militants(n: u32) -> SideCounts {
    SideCounts {
        militants: Some(n),
        ..Default::default()
    }
}

fn civilians(n: u32) -> SideCounts {
    SideCounts {
        civilians: Some(n),
        ..Default::default()
    }
}

/// Gold: a0 (Bannu), a1 (optional), b0 (Dera Ismail Khan), b1 (Kech).
fn gold() -> DataFrame {
    let mut b0 = incident("b:0", "Dera Ismail Khan", date(2025, 4, 10), militants(5));
    b0.place = Some("general area Kulachi".into());
    let mut frame = incidents_to_frame(&[
        incident("a:0", "Bannu", date(2025, 3, 3), security(2)),
        incident("a:1", "Bannu", date(2025, 3, 1), militants(3)),
        b0,
        incident("b:1", "Kech", date(2025, 4, 8), civilians(1)),
    ])
    .unwrap();
    frame
        .with_column(Column::new("optional".into(), [false, true, false, false]))
        .unwrap();
    frame
        .with_column(Column::new(
            "evidence".into(),
            [Some("Two policemen"), None, None, None],
        ))
        .unwrap();
    frame
}

/// Rows: a:0 (a0), a:1 (the optional a1), b:0 (b0 misspelt, a day late,
/// one short), b:1 (nothing), c:0 (a document without gold), z:0 (outside
/// the gold).
fn predicted() -> DataFrame {
    let mut a0 = incident("a:0", "Bannu", date(2025, 3, 3), security(2));
    a0.text = "BANNU: two  policemen were martyred.".into();
    let mut b0 = incident("b:0", "DI Khan", date(2025, 4, 11), militants(4));
    b0.place = Some("Kulachi town".into());
    incidents_to_frame(&[
        a0,
        incident("a:1", "Bannu", date(2025, 3, 1), militants(3)),
        b0,
        incident("b:1", "Quetta", date(2025, 4, 20), security(1)),
        incident("c:0", "Lahore", date(2025, 5, 2), civilians(3)),
        incident("z:0", "Bannu", date(2025, 5, 2), civilians(9)),
    ])
    .unwrap()
}

fn u64_at(frame: &DataFrame, name: &str) -> u64 {
    frame.column(name).unwrap().u64().unwrap().get(0).unwrap()
}

fn f64s(frame: &DataFrame, name: &str) -> Vec<Option<f64>> {
    frame.column(name).unwrap().f64().unwrap().iter().collect()
}

#[test]
fn hand_worked_corpus() {
    let scored = evaluate(&predicted(), &gold(), &["c".to_string()]).unwrap();
    let summary = &scored.summary;
    for (name, expected) in [
        ("docs", 3),
        ("gold", 3),
        ("predicted", 4),
        ("tp", 2),
        ("fp", 2),
        ("fn", 1),
        ("optional_matched", 1),
        ("unscored", 1),
    ] {
        assert_eq!(u64_at(summary, name), expected, "{name}");
    }
    assert_eq!(f64s(summary, "precision"), [Some(0.5)]);
    assert_eq!(f64s(summary, "recall"), [Some(2.0 / 3.0)]);

    // Document c (named in docs) first, then a and b. a0: district 3,
    // dates 2 + 1, deaths 2, event type (null) 0.5, the evidence inside the
    // text 2.5. a1: the same without evidence. b0: district 3 (a gazetteer
    // spelling), a day apart 2, place 1, event type 0.5.
    assert_eq!(
        f64s(&scored.matches, "similarity"),
        [None, Some(11.0), Some(8.5), Some(6.5), None, None]
    );
    let outcomes: Vec<Option<&str>> = scored
        .matches
        .column("outcome")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(
        outcomes,
        [
            Some("fp"),
            Some("tp"),
            Some("optional"),
            Some("tp"),
            Some("fn"),
            Some("fp")
        ]
    );

    // b0 has other dates and deaths; district and place agree. (mention is
    // scored only where both frames have the column.)
    let accuracy = f64s(&scored.fields, "accuracy");
    for (field, accuracy) in EVALUATED_FIELDS.iter().zip(accuracy) {
        let expected = match *field {
            "date_start" | "date_end" | "killed" => Some(0.5),
            "mention" => continue,
            _ => Some(1.0),
        };
        assert_eq!(accuracy, expected, "{field}");
    }

    // Killed by district: Bannu 2/2, Dera Ismail Khan 5/4, Kech 1/0,
    // Quetta 0/1, Lahore 0/3: 6 of 8.
    assert_eq!(f64s(&scored.aggregates, "wape")[0], Some(0.75));
}

#[test]
fn nothing_to_score() {
    let empty = incidents_to_frame(&[]).unwrap();
    let scored = evaluate(&empty, &empty, &[]).unwrap();
    assert_eq!(u64_at(&scored.summary, "docs"), 0);
    assert_eq!(f64s(&scored.summary, "f1"), [None]);
    assert_eq!(scored.matches.height(), 0);
}

#[test]
fn a_frame_without_the_columns_is_a_bad_argument() {
    let empty = incidents_to_frame(&[]).unwrap();
    let bare = df!("doc_id" => ["a"]).unwrap();
    let error = evaluate(&bare, &empty, &[]).err().unwrap();
    assert_eq!(error.argument, "incidents");
    let error = evaluate(&empty, &bare, &[]).err().unwrap();
    assert_eq!(error.argument, "gold");
    assert!(error.message.contains("missing column(s) date_start"));
}
