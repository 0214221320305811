//! Parse time on adversarial inputs: is it linear in the length of the text?
//!
//! ```text
//! cargo bench --profile profiling --bench adversarial [-- SIZE_KB [FAMILY...]]
//! ```
//! Each family of pathological text (a run-on sentence of casualty phrases,
//! thousands of place names in one sentence, a paragraph with no full stop,
//! ...) is parsed at `SIZE_KB` (default 100 KB) and at ten times that; the
//! ratio of the two times should stay near 10 and must stay under 15. The
//! frame Python receives is built too, since every row copies its evidence
//! text. Family names given after the size run those families alone. The
//! exit status is 1 when a family's ratio passes 15: a benchmark, not a
//! timed test, so run it on an idle machine.
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use incidentkit::extract::parse_document;
use incidentkit::frame::incidents_to_frame;

/// Ratio of the 10x time over the 1x time past which a family fails.
const LIMIT: f64 = 15.0;

/// Repeat `unit(i)` until the text holds `size` bytes.
fn fill(size: usize, mut unit: impl FnMut(usize) -> String) -> String {
    let mut text = String::with_capacity(size + 256);
    let mut i = 0;
    while text.len() < size {
        text.push_str(&unit(i));
        i += 1;
    }
    text
}

const PLACES: &[&str] = &[
    "Peshawar",
    "Bannu",
    "Quetta",
    "North Waziristan",
    "Lakki Marwat",
    "Dera Ismail Khan",
    "Khyber",
    "Kurram",
    "Tank",
    "Zhob",
    "Mastung",
    "Kech",
    "Bajaur",
    "Swat",
    "Kandahar",
    "Nangarhar",
    "Miranshah",
    "Mir Ali",
    "Tirah valley",
    "Karachi",
];

const NUMBERS: &[&str] = &[
    "three",
    "4",
    "twelve",
    "two dozen",
    "25",
    "several",
    "one",
    "nine",
];

/// A normal report, the unit of the control family and of the run-ons.
const REPORT: &str = "RAWALPINDI: On 3 May 2025, security forces conducted an intelligence based \
    operation in general area Spinwam, North Waziristan District, on reported presence of \
    khwarij. Four khwarij were sent to hell. In another engagement in Tank District, two khwarij \
    were neutralised, while one soldier embraced shahadat. Separately, two policemen were \
    martyred and three others injured when militants attacked a checkpost in Kulachi tehsil of \
    Dera Ismail Khan on Tuesday night, police said. ";

/// A family of inputs: its name, and its text of about the given size.
type Family = (&'static str, fn(usize) -> String);

/// Every family.
fn families() -> Vec<Family> {
    vec![
        ("control_reports", |n| fill(n, |_| REPORT.to_string())),
        ("casualty_runon", |n| {
            fill(n, |_| "three soldiers and 4 civilians were killed, ".into())
        }),
        ("casualty_runon_varied", |n| {
            fill(n, |i| {
                format!(
                    "{} {} and {} militants were killed and {} injured in {} ",
                    NUMBERS[i % NUMBERS.len()],
                    ["soldiers", "policemen", "civilians", "terrorists"][i % 4],
                    NUMBERS[(i + 3) % NUMBERS.len()],
                    NUMBERS[(i + 5) % NUMBERS.len()],
                    PLACES[i % PLACES.len()],
                )
            })
        }),
        ("date_runon", |n| {
            fill(n, |_| "on 3 May 2024, between January 13 and 14, ".into())
        }),
        ("date_runon_varied", |n| {
            fill(n, |i| {
                format!(
                    "on {} {} 20{:02}, last {}, from March {} to {}, ",
                    1 + i % 28,
                    ["May", "Jan", "December", "Sept."][i % 4],
                    i % 30,
                    ["Tuesday", "week", "month", "night"][i % 4],
                    1 + i % 9,
                    10 + i % 9,
                )
            })
        }),
        ("places_runon", |n| {
            fill(n, |i| format!("{}, ", PLACES[i % PLACES.len()]))
        }),
        ("places_in_district", |n| {
            fill(n, |i| {
                format!(
                    "in {} area of {} district of {} ",
                    PLACES[i % PLACES.len()],
                    PLACES[(i + 7) % PLACES.len()],
                    ["Khyber Pakhtunkhwa", "Balochistan", "Punjab"][i % 3]
                )
            })
        }),
        ("capitalised_words", |n| {
            fill(n, |i| {
                format!(
                    "{}{} ",
                    ["Abd", "Khan", "Gul", "Zar", "Mir", "Shah", "Noor"][i % 7],
                    i % 97
                )
            })
        }),
        ("capitalised_names", |n| {
            fill(n, |i| {
                format!(
                    "{} ",
                    ["Abdul", "Khan", "Gul", "Zar", "Mir", "Shah", "Noor"][i % 7]
                )
            })
        }),
        ("long_digits", |n| fill(n, |i| format!("{}", i % 10))),
        ("spaced_digits", |n| fill(n, |i| format!("{} ", i % 1000))),
        ("number_words", |n| {
            fill(n, |i| {
                format!(
                    "{} ",
                    ["twenty", "three", "hundred", "thousand", "and", "one", "dozen"][i % 7]
                )
            })
        }),
        ("deep_parentheses", |n| {
            let half = n / 2;
            let mut t = "(".repeat(half);
            t.push_str(&")".repeat(half));
            t
        }),
        ("nested_brackets_words", |n| {
            fill(n, |i| {
                [
                    "(",
                    "\"",
                    "two killed ",
                    "“",
                    "(a) ",
                    "Bannu ",
                    ")",
                    "”",
                    "\" ",
                ][i % 9]
                    .into()
            })
        }),
        ("quotes", |n| {
            fill(n, |i| ["\"", "'", "“", "”", "‘", "’"][i % 6].into())
        }),
        ("no_full_stop", |n| {
            fill(n, |_| REPORT.replace(". ", ", and ").replace('\n', " "))
        }),
        ("short_paragraphs", |n| {
            fill(n, |i| {
                format!(
                    "{} killed in {}.\n",
                    NUMBERS[i % NUMBERS.len()],
                    PLACES[i % PLACES.len()]
                )
            })
        }),
        ("empty_lines", |n| fill(n, |_| "\n \n".into())),
        ("list_markers", |n| {
            fill(n, |i| {
                format!(
                    "{}) {} ({} May): {} killed, ",
                    (b'a' + (i % 8) as u8) as char,
                    PLACES[i % PLACES.len()],
                    1 + i % 28,
                    NUMBERS[i % NUMBERS.len()]
                )
            })
        }),
        ("list_lines", |n| {
            fill(n, |i| {
                format!(
                    "{}) {}: {} killed\n",
                    1 + i % 9,
                    PLACES[i % PLACES.len()],
                    NUMBERS[i % NUMBERS.len()]
                )
            })
        }),
        ("dotted_word", |n| {
            fill(n, |i| format!("{}.", (b'a' + (i % 26) as u8) as char))
        }),
        ("abbreviations", |n| {
            fill(n, |_| "Lt. Gen. Col. D.I. Khan ".into())
        }),
        ("periods_no_space", |n| fill(n, |_| "killed.".into())),
        ("whitespace", |n| {
            let mut t = "Two soldiers".to_string();
            t.push_str(&" ".repeat(n));
            t.push_str("were killed in Bannu.");
            t
        }),
        ("non_ascii", |n| fill(n, |_| "’—“”\u{200a}é".into())),
        ("urdu_runon", |n| fill(n, |_| "پاکستان میں دھماکہ ".into())),
        ("non_ascii_report", |n| {
            fill(n, |_| {
                "Two soldiers were martyred — and three “terrorists” killed — in Bannu’s Jani Khel, "
                    .into()
            })
        }),
        ("dashes_hyphens", |n| {
            fill(n, |_| "pro-Taliban-affiliated-".into())
        }),
        ("group_names", |n| {
            fill(n, |_| {
                "Tehreek-e-Taliban Pakistan (TTP), Lashkar-e-Jhangvi, Baloch Liberation Army, "
                    .into()
            })
        }),
        ("nationalities", |n| {
            fill(n, |_| {
                "three Afghan nationals and two Uzbek militants, ".into()
            })
        }),
        ("event_words", |n| {
            fill(n, |_| {
                "the attack, the blast, an operation, suicide bombing, ".into()
            })
        }),
        ("references", |n| {
            fill(n, |i| {
                format!(
                    "{} soldiers were martyred in {}. The hostages were condemned.\n",
                    NUMBERS[i % NUMBERS.len()],
                    PLACES[i % PLACES.len()]
                )
            })
        }),
        ("conflicting_places", |n| {
            fill(n, |i| {
                format!(
                    "{} soldiers were martyred in {}. Officials in Gwadar condemned it.\n",
                    NUMBERS[i % NUMBERS.len()],
                    PLACES[i % PLACES.len()]
                )
            })
        }),
        ("follow_ups", |n| {
            fill(n, |i| {
                format!(
                    "In another follow-up operation, {} terrorists were killed.\n",
                    NUMBERS[i % NUMBERS.len()]
                )
            })
        }),
        ("one_incident_told_long", |n| {
            let mut t = "On Monday, two soldiers were martyred in Bannu. ".to_string();
            t.push_str(&fill(n, |_| {
                "The attackers fled. The soldiers were buried. ".into()
            }));
            t
        }),
        ("clause_joins", |n| {
            fill(n, |_| {
                ", which prompted an operation, while two were killed, the deadliest since ".into()
            })
        }),
    ]
}

/// Seconds to parse `text` and build its frame; the incidents found.
fn time_once(text: &str) -> (Duration, usize) {
    let published = NaiveDate::from_ymd_opt(2025, 5, 4);
    let started = Instant::now();
    let incidents = parse_document(text, published, "bench");
    let frame = incidents_to_frame(&incidents).expect("frame builds");
    let elapsed = started.elapsed();
    assert_eq!(frame.height(), incidents.len());
    (elapsed, incidents.len())
}

/// The best of a few runs (two at least, five at most, within about a
/// second), so that a run slowed by another process counts less.
fn time_best(text: &str) -> (Duration, usize) {
    let mut best = time_once(text);
    let mut spent = best.0;
    for run in 1..5 {
        if run >= 2 && spent > Duration::from_secs(1) {
            break;
        }
        let next = time_once(text);
        spent += next.0;
        best = best.min(next);
    }
    best
}

fn main() {
    // `cargo bench` passes `--bench`; keep only our own arguments.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let size_kb: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(100);
    let only: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
    let base = size_kb * 1000;
    // Warm the lazily built rules and lexicon.
    time_once(REPORT);
    println!(
        "{:<24} {:>9} {:>9} {:>7} {:>7} {:>6}  incidents",
        "family", "1x (s)", "10x (s)", "1x MB/s", "10x MB/s", "ratio"
    );
    let mut failed = Vec::new();
    for (name, make) in families() {
        if !only.is_empty() && !only.contains(&name) {
            continue;
        }
        let small = make(base);
        let large = make(10 * base);
        let (t1, n1) = time_best(&small);
        let (t10, n10) = time_best(&large);
        // Timer noise dominates below a millisecond: floor both there.
        let floor = Duration::from_millis(1);
        let ratio = t10.max(floor).as_secs_f64() / t1.max(floor).as_secs_f64();
        let mbs = |len: usize, t: Duration| len as f64 / 1e6 / t.as_secs_f64().max(1e-9);
        let mark = if ratio > LIMIT {
            "  <-- super-linear"
        } else {
            ""
        };
        println!(
            "{name:<24} {:>9.4} {:>9.4} {:>7.1} {:>8.1} {ratio:>6.1}  {n1} / {n10}{mark}",
            t1.as_secs_f64(),
            t10.as_secs_f64(),
            mbs(small.len(), t1),
            mbs(large.len(), t10),
        );
        if ratio > LIMIT {
            failed.push(name);
        }
    }
    if !failed.is_empty() {
        println!("super-linear (10x the text took more than {LIMIT}x the time): {failed:?}");
        std::process::exit(1);
    }
}
