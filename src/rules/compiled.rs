//! One compiled rule, and rules searched together.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind as WordMatch};
use regex_automata::util::captures::Captures as Slots;
use regex_automata::{meta, Input, MatchKind, PatternSet};

use super::pattern::ascii_classes;
use super::required::{required_words, Literals};

/// Room for the lazy DFA of a rule or rule set. The default (2 MB) is too
/// small for the sets: once full it is cleared over and over and the search
/// falls back to a slower engine (a quarter of the speed on real reports).
pub const DFA_SIZE: usize = 64 << 20;

/// A compiled rule with its required words, and a finder of them for a
/// rule asked outside the rule book's segment scan ([`Rule::may_match`]).
#[derive(Debug, Clone)]
pub struct Rule {
    engines: Engines,
    /// The pattern as compiled (a set of rules compiles them again).
    pattern: String,
    /// The required words, if selective; lowercase.
    words: Option<Literals>,
    /// Whether the rule is anchored: its own search stops after a few
    /// bytes, so it has no gate.
    anchored: bool,
    /// The finder of its words, for a rule asked alone; None without
    /// words or anchored. Built when first asked: most rules are asked
    /// only inside a segment scan, and building every finder ahead cost
    /// a sixteenth of the book's start-up.
    gate: OnceLock<Option<AhoCorasick>>,
}

impl Rule {
    /// Compile `pattern` (already expanded and lowercased as it runs).
    pub fn new(pattern: &str) -> Result<Rule, regex::Error> {
        let pattern = ascii_classes(pattern);
        let engines = Engines::new(&pattern)?;
        let required = required_words(&pattern);
        Ok(Rule {
            engines,
            pattern,
            anchored: required.as_ref().is_some_and(|r| r.anchored),
            words: required.map(|r| r.words),
            gate: OnceLock::new(),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The words one of which every match contains, if the rule has them.
    pub fn required(&self) -> Option<&Literals> {
        self.words.as_ref()
    }

    /// Whether one of the rule's words occurs in `haystack` (true for a
    /// rule without a gate).
    #[inline]
    pub fn may_match(&self, haystack: &str) -> bool {
        let gate = self.gate.get_or_init(|| {
            let words = self.words.as_ref().filter(|_| !self.anchored)?;
            word_finder(words, true)
        });
        gate.as_ref().is_none_or(|g| g.is_match(haystack))
    }

    /// The compiled engines (a matcher keeps its own copy of them).
    pub fn engines(&self) -> &Engines {
        &self.engines
    }
}

/// A rule compiled once for every question asked of it: whether it
/// matches, where, and its groups. No literal prefilter: the segment scan
/// has already found the rule's words, so a prefilter looked for them a
/// second time (and its reverse searches from each one cost more than a
/// forward pass over a sentence: 3% of the parse on real reports). One
/// regex, not a second for the groups: the groups' search reuses the
/// automaton states the other questions built, and the book compiles
/// each rule once.
#[derive(Debug, Clone)]
pub struct Engines {
    search: meta::Regex,
}

impl Engines {
    fn new(pattern: &str) -> Result<Engines, regex::Error> {
        let config = meta::Config::new()
            .auto_prefilter(false)
            .hybrid_cache_capacity(DFA_SIZE);
        let search = meta::Regex::builder()
            .configure(config)
            .build(pattern)
            .map_err(|e| regex::Error::Syntax(e.to_string()))?;
        Ok(Engines { search })
    }
}

/// The groups of a match of a rule, in the text searched.
#[derive(Debug, Clone)]
pub struct Captures<'h> {
    haystack: &'h str,
    slots: Slots,
}

impl<'h> Captures<'h> {
    /// Group `i` (0: the whole match), if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Found<'h>> {
        let span = self.slots.get_group(i)?;
        Some(Found {
            haystack: self.haystack,
            start: span.start,
            end: span.end,
        })
    }
}

/// `caps[i]`: the text of group `i`, which must have taken part.
impl<'h> std::ops::Index<usize> for Captures<'h> {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        let span = self
            .slots
            .get_group(i)
            .unwrap_or_else(|| panic!("group {i} did not take part in the match"));
        &self.haystack[span.range()]
    }
}

/// A match of a rule: its span in the text searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Found<'h> {
    fn new(haystack: &'h str, m: regex_automata::Match) -> Found<'h> {
        Found {
            haystack,
            start: m.start(),
            end: m.end(),
        }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn as_str(&self) -> &'h str {
        &self.haystack[self.start..self.end]
    }
}

/// A rule whose gate is decided: closed, it matches nothing; open, it
/// searches. Every text a gate closes has no match, so the answers are the
/// rule's own.
#[derive(Clone, Copy)]
pub struct Gated<'r> {
    engines: &'r Engines,
    open: bool,
}

impl<'r> Gated<'r> {
    #[inline]
    pub fn new(engines: &'r Engines, open: bool) -> Gated<'r> {
        Gated { engines, open }
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.open && self.engines.search.is_match(haystack)
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<Found<'h>> {
        let found = self.open.then(|| self.engines.search.find(haystack));
        found.flatten().map(|m| Found::new(haystack, m))
    }

    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        if !self.open {
            return None;
        }
        let search = &self.engines.search;
        let mut slots = search.create_captures();
        search.captures(haystack, &mut slots);
        slots.is_match().then_some(Captures { haystack, slots })
    }

    pub fn find_iter<'h>(&self, haystack: &'h str) -> std::vec::IntoIter<Found<'h>> {
        let found: Vec<Found<'h>> = if self.open {
            let search = &self.engines.search;
            search
                .find_iter(haystack)
                .map(|m| Found::new(haystack, m))
                .collect()
        } else {
            Vec::new()
        };
        found.into_iter()
    }

    pub fn captures_iter<'h>(&self, haystack: &'h str) -> std::vec::IntoIter<Captures<'h>> {
        let found: Vec<Captures<'h>> = if self.open {
            self.engines
                .search
                .captures_iter(haystack)
                .map(|slots| Captures { haystack, slots })
                .collect()
        } else {
            Vec::new()
        };
        found.into_iter()
    }
}

/// An automaton that finds every occurrence of the lowercase `words`, in
/// any ASCII case (`any_case`) or in lowercased text only (a smaller
/// table: without case folding it has fewer byte classes).
pub fn word_finder(words: &[Vec<u8>], any_case: bool) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .ascii_case_insensitive(any_case)
        .match_kind(WordMatch::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .ok()
}

/// Rules searched together in one pass, that say which of them match.
/// No literal prefilter: the union of a set's first words is so large and
/// so common ("the", "in") that looking for them first cost more than it
/// skipped.
pub struct RuleSet {
    rules: meta::Regex,
    /// The words of every rule, when every rule has some: a text without
    /// one of them is not searched.
    gate: Option<AhoCorasick>,
}

/// The rules of a [`RuleSet`] that matched a text, by their place in it.
pub type SetMatches = PatternSet;

impl RuleSet {
    pub fn new(rules: &[&Rule]) -> RuleSet {
        let config = meta::Config::new()
            .match_kind(MatchKind::All)
            .auto_prefilter(false)
            .hybrid_cache_capacity(DFA_SIZE);
        let mut words: Literals = Vec::new();
        let mut gated = true;
        for rule in rules {
            match rule.required() {
                Some(w) => words.extend(w.iter().cloned()),
                None => gated = false,
            }
        }
        RuleSet {
            rules: meta::Regex::builder()
                .configure(config)
                .build_many(&rules.iter().map(|r| r.as_str()).collect::<Vec<_>>())
                .expect("valid rule set"),
            gate: gated.then(|| word_finder(&words, true)).flatten(),
        }
    }

    pub fn len(&self) -> usize {
        self.rules.pattern_len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The compiled set (a matcher keeps its own copy of it).
    pub fn engine(&self) -> &meta::Regex {
        &self.rules
    }

    /// Whether one of the set's words occurs in `haystack` (true for a
    /// set without a gate).
    pub fn may_match(&self, haystack: &str) -> bool {
        self.gate.as_ref().is_none_or(|g| g.is_match(haystack))
    }
}

/// Which patterns of `set` match `haystack`, if `open`, in `found`
/// (emptied first, with room for the set's patterns): a caller searching
/// one set over many segments keeps one.
pub fn search_set(set: &meta::Regex, haystack: &str, open: bool, found: &mut SetMatches) {
    found.clear();
    if open {
        set.which_overlapping_matches(&Input::new(haystack), found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule behind its own gate, as the book asks a rule outside a scan.
    fn alone<'r>(rule: &'r Rule, text: &str) -> Gated<'r> {
        Gated::new(rule.engines(), rule.may_match(text))
    }

    #[test]
    fn classes_are_small_and_gates_agree_with_the_regex() {
        let rule = Rule::new(r"\bIED\b").unwrap();
        assert!(alone(&rule, "an “IED” went off").is_match("an “IED” went off"));
        assert!(!alone(&rule, "IEDs").is_match("IEDs"));
        let patterns = [
            r"(?i)\b(?:the|this)\s+(?:[\w'’-]+\s+){0,2}?(?:attack|blast)s?\b",
            r"\b(?:rose|climbed)\s+to\s+\d+",
            r"(?i)\bsuicide\s+(?:bomber|attacker)s?\b",
        ];
        let texts = [
            "The deadly Attack in Bannu",
            "the toll climbed to 83",
            "A SUICIDE BOMBER struck",
            "nothing happened here",
            "the blasts",
        ];
        for pattern in patterns {
            let rule = Rule::new(pattern).unwrap();
            let plain = regex::Regex::new(pattern).unwrap();
            for text in texts {
                assert_eq!(
                    alone(&rule, text).is_match(text),
                    plain.is_match(text),
                    "{pattern} {text}"
                );
                let gated = alone(&rule, text);
                assert_eq!(
                    gated.find(text).map(|m| m.range()),
                    plain.find(text).map(|m| m.range())
                );
                let spans: Vec<_> = gated.find_iter(text).map(|m| m.as_str()).collect();
                let expected: Vec<_> = plain.find_iter(text).map(|m| m.as_str()).collect();
                assert_eq!(spans, expected, "{pattern} {text}");
                assert_eq!(
                    gated.captures(text).map(|c| c.get(0).unwrap().range()),
                    plain.captures(text).map(|c| c.get(0).unwrap().range())
                );
                assert_eq!(
                    gated.captures_iter(text).count(),
                    plain.captures_iter(text).count()
                );
            }
            assert!(!rule.may_match("nothing happened here"));
        }
    }

    #[test]
    fn groups_are_those_of_the_regex_crate() {
        let pattern = r"(?i)\b(\d+)\s+(?:(militants?)|(soldiers?))(?:\s+(killed))?";
        let rule = Rule::new(pattern).unwrap();
        let plain = regex::Regex::new(&ascii_classes(pattern)).unwrap();
        let text = "3 soldiers killed, 12 militants and 4 Soldiers killed";
        let gated = Gated::new(rule.engines(), true);
        let ours: Vec<Vec<Option<&str>>> = gated
            .captures_iter(text)
            .map(|c| (0..5).map(|i| c.get(i).map(|m| m.as_str())).collect())
            .collect();
        let theirs: Vec<Vec<Option<&str>>> = plain
            .captures_iter(text)
            .map(|c| (0..5).map(|i| c.get(i).map(|m| m.as_str())).collect())
            .collect();
        assert_eq!(ours.len(), 3);
        assert_eq!(ours, theirs);
        let first = gated.captures(text).unwrap();
        assert_eq!(&first[1], "3");
        assert_eq!(first.get(2), None);
        assert_eq!(first.get(9), None);
        assert!(gated.captures("nothing here").is_none());
    }

    #[test]
    #[should_panic(expected = "group 2 did not take part")]
    fn indexing_a_group_that_did_not_match_panics() {
        let rule = Rule::new(r"(a)|(b)").unwrap();
        let caps = Gated::new(rule.engines(), true).captures("a").unwrap();
        let _ = &caps[2];
    }

    #[test]
    fn a_closed_gate_matches_nothing() {
        let rule = Rule::new(r"attack").unwrap();
        let closed = Gated::new(rule.engines(), false);
        assert!(!closed.is_match("attack"));
        assert!(closed.find_iter("attack attack").next().is_none());
        let open = Gated::new(rule.engines(), true);
        assert_eq!(open.find_iter("attack attack").count(), 2);
    }

    #[test]
    fn a_set_says_which_rules_match() {
        let rules = [
            Rule::new(r"\bblast\b").unwrap(),
            Rule::new(r"\bkilled\b").unwrap(),
            Rule::new(r"\bkidnapped\b").unwrap(),
        ];
        let set = RuleSet::new(&rules.iter().collect::<Vec<_>>());
        // One room for every search: each empties it first.
        let mut room = PatternSet::new(set.len());
        let mut matches = |text: &str, open: bool| {
            search_set(set.engine(), text, open && set.may_match(text), &mut room);
            room.iter().map(|p| p.as_usize()).collect::<Vec<_>>()
        };
        assert_eq!(matches("a blast killed two", true), vec![0, 1]);
        assert!(matches("nothing here", true).is_empty());
        assert_eq!(matches("kidnapped", true), vec![2]);
        assert!(matches("a blast", false).is_empty(), "a closed gate");
    }
}
