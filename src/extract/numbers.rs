//! Numbers as reports write them: digits, words, "a dozen", "dozens",
//! bounds ("at least", "over"), ranges ("15 to 20").

use std::sync::OnceLock;

pub use super::tokens::Count;
use super::tokens::{Token, TokenKind};
use super::words::{class, phrases};

/// A plain number at token `i` (no bounds): digits, a number word, "a dozen",
/// "hundred(s)". Returns value, approximate, next index.
fn plain_number(tokens: &[Token<'_>], i: usize) -> Option<(u32, bool, usize)> {
    let t = tokens.get(i)?;
    let is_dozen = |k: usize| tokens.get(k).is_some_and(|t| t.is("dozen"));
    if t.is_any(&["a", "one"]) && is_dozen(i + 1) {
        return Some((12, false, i + 2));
    }
    if t.is("half") && tokens.get(i + 1).is_some_and(|n| n.is("a")) && is_dozen(i + 2) {
        return Some((6, false, i + 3));
    }
    if t.is("both")
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.kind == TokenKind::Word && !n.is("of"))
    {
        return Some((2, false, i + 1));
    }
    if t.is("dozens") {
        return Some((24, true, i + 1));
    }
    if t.is("dozen") {
        return Some((12, false, i + 1));
    }
    let base = t.value?;
    if t.kind == TokenKind::Number && !written_as_count(tokens, i) {
        return None;
    }
    // "90% of the terrorists": a share, not a count.
    let share = tokens
        .get(i + 1)
        .is_some_and(|n| n.raw == "%" || n.is_any(&["percent", "pc"]))
        || tokens.get(i + 1).is_some_and(|n| n.is("per"))
            && tokens.get(i + 2).is_some_and(|n| n.is("cent"));
    if share {
        return None;
    }
    let mut next = i + 1;
    let mut value = base;
    if is_dozen(next) {
        return Some((base.saturating_mul(12), false, next + 1));
    }
    if tokens.get(next).is_some_and(|n| n.is("hundred")) {
        value = base.saturating_mul(100);
        next += 1;
        if tokens.get(next).is_some_and(|n| n.is("and")) {
            if let Some(rest) = tokens
                .get(next + 1)
                .and_then(|n| n.value.filter(|_| n.kind == TokenKind::Word))
            {
                value = value.saturating_add(rest);
                next += 2;
            }
        } else if let Some(rest) = tokens
            .get(next)
            .and_then(|n| n.value.filter(|_| n.kind == TokenKind::Word))
        {
            value = value.saturating_add(rest);
            next += 1;
        }
    }
    Some((value, false, next))
}

/// Whether the digits at `i` can count people: a year ("August of 2020")
/// or a number that is part of a name ("Rescue 1122") cannot.
fn written_as_count(tokens: &[Token<'_>], i: usize) -> bool {
    let t = &tokens[i];
    // "Sector I-10/4", "night of 11/12": a number after a slash is a code.
    if i > 0 && tokens[i - 1].raw == "/" {
        return false;
    }
    let grouped = t.raw.contains(',');
    if grouped || t.raw.len() < 4 {
        return true;
    }
    let year_like = t.value.is_some_and(|v| (1900..=2099).contains(&v));
    let after_name =
        i > 0 && tokens[i - 1].kind == TokenKind::Word && tokens[i - 1].is_capitalized();
    !year_like && !after_name
}

/// Words before a number that make it a bound or an estimate ("at least").
fn bounds() -> &'static [Vec<&'static str>] {
    static BOUNDS: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    BOUNDS.get_or_init(|| phrases("count_bounds"))
}

/// Words before a number that are exact ("as many as 25").
fn exact_leads() -> &'static [Vec<&'static str>] {
    static LEADS: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    LEADS.get_or_init(|| phrases("count_exact_leads"))
}

fn match_words(tokens: &[Token<'_>], i: usize, words: &[&str]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.is(w)))
}

/// Whether a count can start at this token: a number, or the first word of
/// a lead or of a number phrase. Most tokens are neither; they skip the rules.
fn may_start_count(t: &Token<'_>) -> bool {
    t.value.is_some() || t.in_class(class::COUNT_START)
}

/// Read the count phrase at every token of a segment's `tokens` once, for
/// [`count_at`] to answer from.
pub fn read_counts(tokens: &mut [Token<'_>]) {
    for i in 0..tokens.len() {
        let count = read_count_at(tokens, i);
        tokens[i].count = Some(count);
    }
}

/// A count phrase starting exactly at token `i` of a segment's tokens:
/// optional bound words, a number, an optional range ("15 to 20",
/// "10-14").
pub fn count_at(tokens: &[Token<'_>], i: usize) -> Option<Count> {
    match tokens.get(i)?.count {
        Some(read) => read,
        None => read_count_at(tokens, i),
    }
}

fn read_count_at(tokens: &[Token<'_>], i: usize) -> Option<Count> {
    if !may_start_count(tokens.get(i)?) {
        return None;
    }
    let mut approximate = false;
    let mut j = i;
    for lead in bounds() {
        if match_words(tokens, i, lead) && plain_number(tokens, i + lead.len()).is_some() {
            approximate = true;
            j = i + lead.len();
            break;
        }
    }
    if j == i {
        for lead in exact_leads() {
            if match_words(tokens, i, lead) && plain_number(tokens, i + lead.len()).is_some() {
                j = i + lead.len();
                break;
            }
        }
    }
    let (value, vague, mut next) = plain_number(tokens, j)?;
    approximate |= vague;
    // Ranges: "15 to 20", "10-14", "between 10 and 14" (lower bound).
    let joiner = tokens.get(next).map(|t| t.lower);
    if matches!(joiner, Some("to") | Some("-") | Some("–") | Some("or")) {
        if let Some((_, _, after)) = plain_number(tokens, next + 1) {
            approximate = true;
            next = after;
        }
    }
    Some(Count {
        value,
        approximate,
        first: i,
        next,
    })
}

/// "between 10 and 14": the lower bound, approximate.
pub fn between_at(tokens: &[Token<'_>], i: usize) -> Option<Count> {
    if !tokens.get(i)?.is("between") {
        return None;
    }
    let (low, _, next) = plain_number(tokens, i + 1)?;
    if !tokens.get(next)?.is("and") {
        return None;
    }
    let (_, _, after) = plain_number(tokens, next + 1)?;
    Some(Count {
        value: low,
        approximate: true,
        first: i,
        next: after,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;
    use crate::rules::LowerText;

    fn count(text: &str) -> Option<(u32, bool, usize)> {
        let lower: &'static LowerText = Box::leak(Box::new(LowerText::of(text)));
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        let tokens = tokenize(text, lower.view(), 0, text.len());
        count_at(&tokens, 0)
            .or_else(|| between_at(&tokens, 0))
            .map(|c| (c.value, c.approximate, c.next))
    }

    #[test]
    fn table() {
        #[allow(clippy::type_complexity)]
        let cases: &[(&str, Option<(u32, bool, usize)>)] = &[
            ("16 soldiers", Some((16, false, 1))),
            ("Sixteen terrorists", Some((16, false, 1))),
            ("twenty-two", Some((22, false, 1))),
            ("a dozen people", Some((12, false, 2))),
            ("two dozen", Some((24, false, 2))),
            ("nearly two dozen", Some((24, true, 3))),
            ("dozens of", Some((24, true, 1))),
            ("at least 24 people", Some((24, true, 3))),
            ("more than 20", Some((20, true, 3))),
            ("over 20", Some((20, true, 2))),
            ("about 12", Some((12, true, 2))),
            ("15 to 20", Some((15, true, 3))),
            ("25-30 fighters", Some((25, true, 3))),
            ("between 10 and 14", Some((10, true, 4))),
            ("1,000 people", Some((1000, false, 1))),
            ("one hundred and thirty", Some((130, false, 4))),
            ("as many as 25", Some((25, false, 4))),
            ("2020", None),
            ("90% of them", None),
            ("40 percent of the dead", None),
            ("1,998 people", Some((1998, false, 1))),
            ("several soldiers", None),
            ("many", None),
        ];
        for (text, want) in cases {
            assert_eq!(count(text), *want, "{text}");
        }
    }

    #[test]
    fn numbers_in_names_are_no_counts() {
        let text = "Rescue 1122 moved 1122 bodies";
        let lower = LowerText::of(text);
        let tokens = tokenize(text, lower.view(), 0, text.len());
        assert_eq!(count_at(&tokens, 1), None, "the service's name");
        assert_eq!(count_at(&tokens, 3).map(|c| c.value), Some(1122));
    }

    #[test]
    fn counts_read_ahead_are_the_counts_read_in_place() {
        let text = "At least 24 people, among them a dozen policemen and 15 to 20 \
            others, were killed; over a hundred and two were hurt in 2020, \
            and 90% of the dead were Afghans, as many as 25 of them";
        let lower = LowerText::of(text);
        let tokens = tokenize(text, lower.view(), 0, text.len());
        let mut read = tokens.clone();
        read_counts(&mut read);
        assert!(read.iter().all(|t| t.count.is_some()));
        let found: Vec<_> = (0..tokens.len()).map(|i| count_at(&tokens, i)).collect();
        let ahead: Vec<_> = (0..read.len()).map(|i| count_at(&read, i)).collect();
        assert_eq!(found, ahead);
        assert!(found.iter().flatten().count() >= 5, "{found:?}");
    }
}
