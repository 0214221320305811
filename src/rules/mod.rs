//! The rule book: every pattern the parser searches with, as rows (id,
//! role, the text it reads, pattern), compiled once into an immutable
//! [`RuleBook`]. A segment is scanned once for the words of every rule
//! ([`RuleBook::scan`]); the scan is a value the extractors take
//! ([`Matching`]), and a rule whose words are absent does not search. A
//! parse takes a [`Matcher`] from the book, its own copy of every regex
//! with its own search caches, and hands it on inside the `Matching`.
//! The yes/no rules of whole segments can be answered ahead, one rule
//! after another over a document's segments ([`Answers`], which the
//! segment's `Matching` carries), so that each automaton searches while its
//! states are in cache. [`Gating::Plain`] runs every rule everywhere: the
//! reference the gated parse must equal.
//!
//! Below `text` and `extract`: it knows patterns and words, not reports.

mod book;
mod compiled;
mod haystack;
pub mod pattern;
mod required;
mod rows;

pub use book::{book, Answers, Gating, Matcher, Matching, RuleBook, RuleMask, Scan, Taken};
pub use compiled::{Captures, Engines, Found, Gated, Rule, RuleSet, DFA_SIZE};
pub use haystack::{Lower, LowerText, Lowered, Original, Reads, Text};
pub use rows::{
    members as set_members, rule, set, Handle, Id, ListId, Role, Row, RuleId, Set, SetId,
    CUE_RULES, DATE_RULES, HEAVY_CUES, ROWS,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_in_id_order_and_compile() {
        for (at, row) in ROWS.iter().enumerate() {
            assert_eq!(row.id as usize, at, "{:?} out of order", row.id);
            if row.text == Text::Lower {
                assert!(row.pattern.starts_with("(?i)"), "{:?}", row.id);
            }
        }
        let book = book();
        assert!(book.rule(RuleId::Stats).as_str().contains("according"));
    }

    #[test]
    fn the_scan_opens_the_rules_whose_words_occur() {
        let book = book();
        let text = "a suicide bomber struck a convoy; taliban fighters fled";
        let lower = LowerText::of(text);
        let lower = lower.view();
        let scan = book.scan(lower, 0, text.len());
        let matcher = book.matcher();
        let gated = Matching::new(book, Gating::Segment(&scan), &matcher);
        let plain = Matching::plain();
        for row in ROWS {
            let id = row.id;
            assert_eq!(
                gated.gated(id, text).find(text).map(|m| m.range()),
                plain.gated(id, text).find(text).map(|m| m.range()),
                "{id:?}"
            );
        }
        assert!(gated.rule(rule::CueSuicideAttackWeak, lower).is_match(text));
        assert!(!gated.is_match(rule::Mishap, lower));
        let sets = gated.set_matches(set::Cues, lower);
        assert!(sets.has(rule::CueSuicideAttackWeak) && !sets.has(RuleId::Stats));
        assert_eq!(sets, plain.set_matches(set::Cues, lower));
    }

    #[test]
    fn the_scan_records_list_words() {
        let book = book();
        let text = "iskp, also called islamic state, struck. daesh again.";
        let first = text.find('.').unwrap();
        let scan = book.scan(LowerText::of(text).view(), 0, first);
        let matcher = book.matcher();
        let gated = Matching::new(book, Gating::Segment(&scan), &matcher);
        let found = gated.occurrences(ListId::GroupAliases, 0, first).unwrap();
        let words: Vec<&str> = found.iter().map(|&(s, e, _)| &text[s..e]).collect();
        assert!(
            words.contains(&"iskp") && words.contains(&"islamic state"),
            "{words:?}"
        );
        assert!(!words.contains(&"daesh"), "outside the scanned segment");
        let plain = Matching::plain();
        assert_eq!(plain.occurrences(ListId::GroupAliases, 0, first), None);
    }
}
