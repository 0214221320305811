//! The publication date a document states about itself (SPEC "Dates", first
//! bullet): a ` date YYYY-MM-DD ` header; else a full date alone on the first
//! line ("Wednesday, June 11, 2025", "2025-06-11"); else a publication line
//! near the start or at the end: a masthead ("DAWN | June 11, 2025"), a
//! "Published"/"Updated" line, with a time or not ("Published June 11, 2025
//! 08:12am", "Published in Dawn, June 11th, 2025"), a press release ("Press
//! release (June 11, 2025)") or a byline with its date ("Web Desk June 11,
//! 2025").

use chrono::NaiveDate;

use super::dates::parse_standalone_date;
use crate::rules::{rule, Matching};
use crate::text::date_header;

/// A line longer than this (in bytes) is prose, not a dateline.
const MAX_LINE: usize = 100;
/// A lone date must fill the first line: no longer than this.
const MAX_LONE_DATE: usize = 40;
/// The lines at the start that may hold a publication line: a headline and a
/// byline may come before it.
const HEAD_LINES: usize = 3;
/// Words of a byline before its date ("Web Desk", "Our Staff Reporter").
const MAX_BYLINE_WORDS: usize = 4;

/// The publication date a document gives itself, by the rules above in order.
pub fn stated_published(text: &str) -> Option<NaiveDate> {
    if let Some((date, _)) = date_header(text) {
        return date;
    }
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next()?;
    lone_date(first)
        .or_else(|| {
            std::iter::once(first)
                .chain(lines.take(HEAD_LINES - 1))
                .find_map(publication_line)
        })
        .or_else(|| {
            let last = text.lines().map(str::trim).rfind(|l| !l.is_empty())?;
            publication_line(last)
        })
}

/// A full date that is the whole line: a spelled-out date, or ISO.
fn lone_date(line: &str) -> Option<NaiveDate> {
    if line.len() > MAX_LONE_DATE {
        return None;
    }
    iso_date(line).or_else(|| parse_standalone_date(line))
}

fn iso_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    if text.len() != 10 || digits != 8 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// The date of a line that says it is the publication date, by a masthead,
/// a "Published" word, a press-release label or a byline before the date.
fn publication_line(line: &str) -> Option<NaiveDate> {
    if line.len() > MAX_LINE {
        return None;
    }
    if line.contains('|') {
        // A masthead: "DAWN | June 11, 2025", "June 11, 2025 | Dawn.com".
        return line.split('|').find_map(date_only);
    }
    let line = without_time(line);
    if let Some(found) = Matching::own().find(rule::PublishedPrefix, line) {
        if found.end() > 0 {
            return date_only(&line[found.end()..]);
        }
    }
    if let Some(caps) = Matching::own().captures(rule::PressRelease, line) {
        return date_only(caps.get(1)?.as_str());
    }
    byline_date(line)
}

/// "Web Desk June 11, 2025": one to four capitalised words, then the date.
fn byline_date(line: &str) -> Option<NaiveDate> {
    let mut rest = line;
    for _ in 0..MAX_BYLINE_WORDS {
        let (word, after) = rest.split_once(char::is_whitespace)?;
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'));
        if !capitalised {
            return None;
        }
        rest = after.trim_start();
        if let Some(date) = date_only(rest) {
            return Some(date);
        }
    }
    None
}

/// A full date and nothing else (a time of day after it aside).
fn date_only(text: &str) -> Option<NaiveDate> {
    let text = without_time(text.trim().trim_end_matches('.')).trim();
    if text.is_empty() || text.len() > MAX_LONE_DATE {
        return None;
    }
    iso_date(text).or_else(|| parse_standalone_date(text))
}

fn without_time(text: &str) -> &str {
    match Matching::own().find(rule::TrailingTime, text) {
        Some(time) => &text[..time.start()],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn header_then_first_line() {
        let header = stated_published(" date 2025-03-05 \nTroops fired.");
        assert_eq!(header, day(2025, 3, 5));
        let lone = stated_published("Wednesday, November 12, 2025\nA blast hit Quetta.");
        assert_eq!(lone, day(2025, 11, 12));
        assert_eq!(stated_published(" date 2025-13-45 Troops fired."), None);
        assert_eq!(stated_published("A blast hit Quetta on 3 May 2025."), None);
        assert_eq!(stated_published(""), None);
        assert_eq!(stated_published("\n \n"), None);
    }

    /// A publication date as (year, month, day).
    type Ymd = (i32, u32, u32);

    /// (document, publication date it states)
    const FORMS: &[(&str, Option<Ymd>)] = &[
        ("2025-06-11\nA blast hit Quetta.", Some((2025, 6, 11))),
        ("  2025-06-11  \r\nA blast hit Quetta.", Some((2025, 6, 11))),
        (
            "DAWN | June 11, 2025\nA blast hit Quetta.",
            Some((2025, 6, 11)),
        ),
        (
            "June 11, 2025 | Dawn.com\nA blast hit Quetta.",
            Some((2025, 6, 11)),
        ),
        (
            "Published June 11, 2025 08:12am\nA blast hit Quetta.",
            Some((2025, 6, 11)),
        ),
        (
            "Updated on: June 11, 2025, 8.12 PM PKT\nA blast hit Quetta.",
            Some((2025, 6, 11)),
        ),
        (
            "Blast in Quetta\nPublished June 11, 2025\nA blast hit Quetta.",
            Some((2025, 6, 11)),
        ),
        (
            "Blast in Quetta\nA blast hit Quetta yesterday.\n\nPublished in Dawn, June 11th, 2025",
            Some((2025, 6, 11)),
        ),
        (
            "A blast hit Quetta.\nPublished in The Express Tribune, June 11th, 2025.\n",
            Some((2025, 6, 11)),
        ),
        (
            "Press release (June 11, 2025)\nTroops fired.",
            Some((2025, 6, 11)),
        ),
        (
            "Web Desk June 11, 2025\nA blast hit Quetta.",
            Some((2025, 6, 11)),
        ),
        (
            "Blast in Quetta\nWeb Desk June 11, 2025\nA blast hit Quetta.",
            Some((2025, 6, 11)),
        ),
        // Not publication lines: prose, a lone date that is not the first line,
        // an impossible date.
        (
            "A blast hit Quetta on June 10, 2025.\nIt was claimed.",
            None,
        ),
        ("Blast in Quetta\nJune 11, 2025\nA blast hit Quetta.", None),
        ("2025-02-30\nA blast hit Quetta.", None),
        (
            "Two soldiers were martyred June 10, 2025\nA blast hit Quetta.",
            None,
        ),
    ];

    #[test]
    fn publication_lines() {
        for (text, expected) in FORMS {
            let expected = expected.and_then(|(y, m, d)| day(y, m, d));
            assert_eq!(stated_published(text), expected, "{text:?}");
        }
    }
}
