//! Case-insensitive rules run on the ASCII-lowercased document.
//!
//! A `(?i)` pattern folds every letter into a class, which multiplies its
//! literal prefixes past what the regex engine will search for directly, so
//! it walks every byte with its automaton. Lowercasing the pattern instead
//! and running it on the lowercased text (same byte offsets) matches the same
//! spans and lets the engine jump between candidate words.

use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::thread::LocalKey;

use regex::{Captures, Match, Regex, RegexBuilder};
use regex_automata::{meta, Input, MatchKind, PatternSet};

use super::gate::Gate;

/// `pattern` without its leading `(?i)`, its letters lowercased (escapes
/// such as `\S` or `\B` keep their case). Compile it with [`compile`].
pub fn lowercase_pattern(pattern: &str) -> String {
    let body = pattern
        .strip_prefix("(?i)")
        .expect("a rule for lowercased text starts with (?i)");
    debug_assert!(
        !body.contains("(?-i"),
        "case-sensitive parts need the original text"
    );
    let mut out = String::with_capacity(body.len());
    let mut escaped = false;
    for c in body.chars() {
        out.push(if escaped { c } else { c.to_ascii_lowercase() });
        escaped = !escaped && c == '\\';
    }
    out
}

/// `pattern` with its word boundaries `\b` made ASCII ones. The rule words
/// are ASCII; a Unicode boundary makes the fast automaton give up at the
/// first curly quote or dash of a document and hand the search to a far
/// slower engine (half the speed on typeset reports).
pub fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut escaped = false;
    for c in pattern.chars() {
        if escaped && c == 'b' {
            out.pop();
            out.push_str(r"(?-u:\b)");
        } else {
            out.push(c);
        }
        escaped = !escaped && c == '\\';
    }
    out
}

/// Room for the lazy DFA of a rule or rule set. The default (2 MB) is too
/// small for the sets: once full it is cleared over and over and the search
/// falls back to a slower engine (a quarter of the speed on real reports).
pub const DFA_SIZE: usize = 64 << 20;

/// A compiled rule: a regex behind the [`Gate`] of its required words.
/// It answers as its regex would; it only skips texts it cannot match.
#[derive(Debug, Clone)]
pub struct Rule {
    regex: Regex,
    gate: Option<Gate>,
    /// Where each thread keeps its own copy ([`Rule::search`]).
    id: usize,
}

static RULES: AtomicUsize = AtomicUsize::new(0);

/// Per-thread values, one slot per rule (or rule set) number.
type ThreadSlots<T> = LocalKey<RefCell<Vec<Option<T>>>>;

/// Run `use_it` on this thread's value in slot `id` of `slots`, made by
/// `make` on the thread's first use.
fn with_thread_slot<T, R>(
    slots: &'static ThreadSlots<T>,
    id: usize,
    make: impl FnOnce() -> T,
    use_it: impl FnOnce(&mut T) -> R,
) -> R {
    slots.with(|slots| {
        let mut slots = slots.borrow_mut();
        if slots.len() <= id {
            slots.resize_with(id + 1, || None);
        }
        use_it(slots[id].get_or_insert_with(make))
    })
}

thread_local! {
    static THREAD_COPIES: RefCell<Vec<Option<Regex>>> = const { RefCell::new(Vec::new()) };
}

impl Rule {
    #[inline]
    fn may_match(&self, haystack: &str) -> bool {
        self.gate.as_ref().is_none_or(|g| g.open(haystack))
    }

    /// Run `search` with this thread's copy of the regex. A regex shares
    /// its search caches through a pool that only its first thread reaches
    /// without a lock; every other thread paid for one on each search.
    fn search<R>(&self, search: impl FnOnce(&Regex) -> R) -> R {
        with_thread_slot(&THREAD_COPIES, self.id, || self.own_copy(), |r| search(r))
    }

    /// A clone: it shares the compiled program (read only) but has a pool
    /// of search caches of its own, owned by this thread. Compiling a copy
    /// anew for each thread cost 7% of a 2 MB batch's parse.
    fn own_copy(&self) -> Regex {
        self.regex.clone()
    }

    pub fn as_str(&self) -> &str {
        self.regex.as_str()
    }

    pub(crate) fn gate(&self) -> Option<&Gate> {
        self.gate.as_ref()
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.may_match(haystack) && self.search(|r| r.is_match(haystack))
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        if !self.may_match(haystack) {
            return None;
        }
        self.search(|r| r.find(haystack))
    }

    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        if !self.may_match(haystack) {
            return None;
        }
        self.search(|r| r.captures(haystack))
    }

    pub fn find_iter<'h>(&self, haystack: &'h str) -> std::vec::IntoIter<Match<'h>> {
        if !self.may_match(haystack) {
            return Vec::new().into_iter();
        }
        self.search(|r| r.find_iter(haystack).collect::<Vec<_>>())
            .into_iter()
    }

    pub fn captures_iter<'h>(&self, haystack: &'h str) -> std::vec::IntoIter<Captures<'h>> {
        if !self.may_match(haystack) {
            return Vec::new().into_iter();
        }
        self.search(|r| r.captures_iter(haystack).collect::<Vec<_>>())
            .into_iter()
    }
}

fn build_regex(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).dfa_size_limit(DFA_SIZE).build()
}

/// A rule compiled with room for its lazy DFA, behind its gate.
pub fn compile(pattern: &str) -> Result<Rule, regex::Error> {
    let pattern = ascii_boundaries(pattern);
    let regex = build_regex(&pattern)?;
    Ok(Rule {
        gate: Gate::for_pattern(&pattern),
        regex,
        id: RULES.fetch_add(1, Ordering::Relaxed),
    })
}

/// The compiled rule of a `(?i)` pattern, for lowercased text; built once.
pub fn lowercase_regex(cell: &'static OnceLock<Rule>, pattern: &str) -> &'static Rule {
    cell.get_or_init(|| compile(&lowercase_pattern(pattern)).expect("valid regex"))
}

/// Rules searched together in one pass, that say which of them match.
pub struct RuleSet {
    rules: meta::Regex,
    /// The gates of the rules: a text none of them opens is not searched.
    gates: Vec<Option<Gate>>,
    id: usize,
}

/// The most rules a [`RuleSet`] holds: what [`Matched`] has room for.
const MAX_SET_RULES: usize = 128;

/// The rules of a [`RuleSet`] that matched a text: one bit per rule, so
/// that a search allocates nothing.
pub struct Matched([u64; MAX_SET_RULES / 64]);

impl Matched {
    pub fn matched(&self, rule: usize) -> bool {
        rule < MAX_SET_RULES && self.0[rule / 64] & (1 << (rule % 64)) != 0
    }

    pub fn matched_any(&self) -> bool {
        self.0.iter().any(|&bits| bits != 0)
    }

    /// The indexes of the rules that matched, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(word, &bits)| {
            let mut rest = bits;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    word * 64 + bit
                })
            })
        })
    }
}

static RULE_SETS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// Each thread's search cache and match set for each rule set.
    static SET_CACHES: RefCell<Vec<Option<(meta::Cache, PatternSet)>>> = const { RefCell::new(Vec::new()) };
}

impl RuleSet {
    pub fn matches(&self, haystack: &str) -> Matched {
        let mut matched = Matched([0; MAX_SET_RULES / 64]);
        if !Gate::any_open(&self.gates, haystack) {
            return matched;
        }
        // Each thread its own cache: the shared pool costs all but one
        // thread a lock per search.
        let input = Input::new(haystack);
        with_thread_slot(
            &SET_CACHES,
            self.id,
            || {
                let patterns = self.rules.pattern_len();
                (self.rules.create_cache(), PatternSet::new(patterns))
            },
            |(cache, found)| {
                found.clear();
                self.rules
                    .which_overlapping_matches_with(cache, &input, found);
                for rule in found.iter() {
                    let rule = rule.as_usize();
                    matched.0[rule / 64] |= 1 << (rule % 64);
                }
            },
        );
        matched
    }
}

/// A set of compiled rules searched in one pass. No literal prefilter: the
/// union of a set's first words is so large and so common ("the", "in")
/// that looking for them first cost more than it skipped.
pub fn rule_set<'r>(rules: impl IntoIterator<Item = &'r Rule>) -> RuleSet {
    let rules: Vec<&Rule> = rules.into_iter().collect();
    assert!(
        rules.len() <= MAX_SET_RULES,
        "a rule set holds at most {MAX_SET_RULES} rules"
    );
    let config = meta::Config::new()
        .match_kind(MatchKind::All)
        .auto_prefilter(false)
        .hybrid_cache_capacity(DFA_SIZE);
    RuleSet {
        rules: meta::Regex::builder()
            .configure(config)
            .build_many(&rules.iter().map(|r| r.as_str()).collect::<Vec<_>>())
            .expect("valid rule set"),
        gates: rules.iter().map(|r| r.gate().cloned()).collect(),
        id: RULE_SETS.fetch_add(1, Ordering::Relaxed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matched_lists_every_set_bit_in_order() {
        let mut matched = Matched([0; MAX_SET_RULES / 64]);
        for rule in [0, 5, 63, 64, 100, 127] {
            matched.0[rule / 64] |= 1 << (rule % 64);
        }
        assert_eq!(
            matched.iter().collect::<Vec<_>>(),
            vec![0, 5, 63, 64, 100, 127]
        );
        assert!(matched.matched(100) && !matched.matched(101) && !matched.matched(500));
        assert!(matched.matched_any());
        assert!(!Matched([0; MAX_SET_RULES / 64]).matched_any());
    }

    #[test]
    fn lowercases_letters_not_escapes() {
        assert_eq!(
            lowercase_pattern(r"(?i)\bIBOs?\S+[A-Z]\B\\W"),
            r"\bibos?\S+[a-z]\B\\w"
        );
    }

    #[test]
    fn boundaries_become_ascii() {
        assert_eq!(ascii_boundaries(r"\bon\\b\s"), r"(?-u:\b)on\\b\s");
        let rule = compile(r"\bIED\b").unwrap();
        assert!(rule.is_match("an “IED” went off"));
        assert!(!rule.is_match("IEDs"));
    }

    #[test]
    fn matches_what_the_case_insensitive_rule_matches() {
        let pattern = r"(?i)\b(?:the|its)\s+(?:[\w'’-]+\s+){0,2}?(?:IBO|Attack)s?\b";
        let folded = Regex::new(pattern).unwrap();
        let lowered = Regex::new(&lowercase_pattern(pattern)).unwrap();
        for text in [
            "The IBO ended",
            "its brutal ATTACKS",
            "The Army’s raid",
            "no match",
        ] {
            let lower = text.to_ascii_lowercase();
            assert_eq!(
                folded.find(text).map(|m| m.range()),
                lowered.find(&lower).map(|m| m.range()),
                "{text}"
            );
        }
    }
}
