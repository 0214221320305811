//! The rule book compiled: every row's regex, one automaton for the
//! required words of them all, and the scan of a segment as a value.

use std::ops::Deref;
use std::sync::{Mutex, OnceLock, PoisonError};
use std::thread::ThreadId;

use aho_corasick::AhoCorasick;
use regex_automata::meta;

use super::compiled::{
    search_set, word_finder, Captures, Engines, Found, Gated, Rule, RuleSet, SetMatches,
};
use super::haystack::{Lowered, Reads};
use super::pattern::prepare;
use super::rows::{members, Id, ListId, Row, RuleId, Set, LISTS, ROWS, SET_IDS};

/// One bit per rule of the book.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RuleMask([u64; RuleMask::WORDS]);

impl RuleMask {
    const WORDS: usize = ROWS.len().div_ceil(64);

    fn set(&mut self, rule: usize) {
        self.0[rule / 64] |= 1 << (rule % 64);
    }

    /// Add `rule` (a [`RuleId`] or a handle) to the mask.
    pub fn insert(&mut self, rule: impl Into<RuleId>) {
        self.set(rule.into() as usize);
    }

    /// Whether `rule` (a [`RuleId`] or a handle) is in the mask.
    pub fn has(&self, rule: impl Into<RuleId>) -> bool {
        let rule = rule.into() as usize;
        self.0[rule / 64] & (1 << (rule % 64)) != 0
    }

    /// Add every rule of `other`.
    pub fn union(&mut self, other: &RuleMask) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
    }
}

/// The answers of some rules for one whole segment, found ahead: for
/// every segment of a document, one rule after another, so that each
/// automaton searches while its states are in cache instead of taking
/// turns with every other rule in every sentence (a quarter fewer cache
/// misses on real reports). Nothing is known of text that is not a whole
/// segment.
#[derive(Debug, Clone, Copy, Default)]
pub struct Answers<'t> {
    /// The rules answered, and those of them that match.
    known: Option<(&'t RuleMask, &'t RuleMask)>,
}

impl<'t> Answers<'t> {
    /// `matched` are the rules of `asked` that match the whole segment.
    pub fn new(asked: &'t RuleMask, matched: &'t RuleMask) -> Answers<'t> {
        Answers {
            known: Some((asked, matched)),
        }
    }

    /// Nothing known: every rule searches.
    pub fn unknown() -> Answers<'t> {
        Answers { known: None }
    }

    /// The rules found to match, if the segment was answered ahead (every
    /// rule of its set of asked rules not in it does not match).
    pub fn matched(&self) -> Option<&'t RuleMask> {
        self.known.map(|(_, matched)| matched)
    }

    /// Whether `rule` matches the segment, if it was asked.
    pub fn answer(&self, rule: impl Into<RuleId>) -> Option<bool> {
        let rule = rule.into();
        let (asked, matched) = self.known?;
        asked.has(rule).then(|| matched.has(rule))
    }

    /// Whether `rule` is known not to match anywhere in the segment.
    pub fn rules_out(&self, rule: impl Into<RuleId>) -> bool {
        self.answer(rule) == Some(false)
    }

    /// Whether `rule` matches `haystack`, the whole segment: the answer
    /// found ahead, or else a search.
    pub fn is_match<R: Reads>(
        &self,
        rules: Matching<'_>,
        rule: Id<R>,
        haystack: R::Hay<'_>,
    ) -> bool {
        self.answer(rule)
            .unwrap_or_else(|| rules.is_match(rule, haystack))
    }
}

/// Every rule of the book compiled, built once ([`book`]).
pub struct RuleBook {
    rules: Vec<Rule>,
    /// Each set's members (in the order of its patterns) and compiled set.
    sets: Vec<(Vec<RuleId>, RuleSet)>,
    /// Every required word of every rule and every word of the recorded
    /// lists, lowercase, for one scan of the lowercased segment.
    words: AhoCorasick,
    /// For each word: the rules that require it, and the list items it
    /// spells.
    word_rules: Vec<RuleMask>,
    word_items: Vec<Vec<(ListId, u32)>>,
    /// Rules without required words: open in every scan.
    ungated: RuleMask,
    /// The matcher of text outside a parse (tests, the assembler's few
    /// searches), shared by every thread.
    shared: Matcher,
    /// Matchers a parse can take, returned when it ends.
    spare: Mutex<Vec<Matcher>>,
}

/// A copy of every regex of the book, with its own search caches: a parse
/// takes one from the book ([`RuleBook::matcher`]) and passes it to the
/// extractors inside [`Matching`]. Through one shared regex, every thread
/// but the first took a lock on each search (two threads ran 1.4-1.6x one
/// instead of 2x). The copies share the compiled programs.
pub struct Matcher {
    rules: Vec<Engines>,
    sets: Vec<meta::Regex>,
    /// The thread that searched with it first: a regex copy is fastest on
    /// that thread (its own cache, no lock), so the thread takes it again.
    thread: Option<ThreadId>,
}

/// Spare matchers kept at most: one per thread of the pools that parse.
const MAX_SPARE: usize = 64;

/// A matcher taken from the book, given back when dropped.
pub struct Taken<'b> {
    book: &'b RuleBook,
    matcher: Option<Matcher>,
}

impl Deref for Taken<'_> {
    type Target = Matcher;

    fn deref(&self) -> &Matcher {
        self.matcher
            .as_ref()
            .expect("a taken matcher until dropped")
    }
}

impl Drop for Taken<'_> {
    fn drop(&mut self) {
        if let Some(matcher) = self.matcher.take() {
            let mut spares = self.book.spares();
            if spares.len() < MAX_SPARE {
                spares.push(matcher);
            }
        }
    }
}

/// Where a recorded list's word occurs: its list, its item (the first
/// listed spelling), and its bytes in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Occurrence {
    list: ListId,
    item: u32,
    start: usize,
    end: usize,
}

/// What one pass over a segment found: which rules can match in it and
/// where the recorded lists' words are. Every search of a rule inside the
/// segment is asked of the scan first.
#[derive(Debug, Clone)]
pub struct Scan {
    open: RuleMask,
    occurrences: Vec<Occurrence>,
}

/// How rules decide whether to search.
#[derive(Debug, Clone, Copy)]
pub enum Gating<'s> {
    /// Every rule searches: the reference the gated modes must equal.
    Plain,
    /// Each rule looks for its own words first (text outside a segment).
    Own,
    /// The segment's scan answers for every rule ([`RuleBook::scan`]).
    Segment(&'s Scan),
}

/// The words of the scan, each with what it stands for.
#[derive(Default)]
struct WordTable {
    words: Vec<Vec<u8>>,
    rules: Vec<RuleMask>,
    items: Vec<Vec<(ListId, u32)>>,
}

impl WordTable {
    /// The place of `word`, entered if new.
    fn entry(&mut self, word: Vec<u8>) -> usize {
        if let Some(at) = self.words.iter().position(|w| *w == word) {
            return at;
        }
        self.words.push(word);
        self.rules.push(RuleMask::default());
        self.items.push(Vec::new());
        self.words.len() - 1
    }
}

impl RuleBook {
    fn build() -> RuleBook {
        let rules: Vec<Rule> = ROWS.iter().map(compile_row).collect();
        let mut words = WordTable::default();
        let mut ungated = RuleMask::default();
        for (id, rule) in rules.iter().enumerate() {
            match rule.required() {
                Some(required) => {
                    for word in required {
                        let at = words.entry(word.clone());
                        words.rules[at].set(id);
                    }
                }
                None => ungated.set(id),
            }
        }
        for &(list, spellings) in LISTS {
            for (item, word) in spellings().iter().enumerate() {
                let at = words.entry(word.as_bytes().to_ascii_lowercase());
                if !words.items[at].iter().any(|(l, _)| *l == list) {
                    words.items[at].push((list, item as u32));
                }
            }
        }
        let sets: Vec<(Vec<RuleId>, RuleSet)> = SET_IDS
            .iter()
            .map(|&set| {
                let ids = members(set);
                let compiled: Vec<&Rule> = ids.iter().map(|&id| &rules[id as usize]).collect();
                let engine = RuleSet::new(&compiled);
                (ids, engine)
            })
            .collect();
        let shared = Matcher {
            rules: rules.iter().map(|r| r.engines().clone()).collect(),
            sets: sets.iter().map(|(_, set)| set.engine().clone()).collect(),
            thread: None,
        };
        RuleBook {
            shared,
            spare: Mutex::new(Vec::new()),
            rules,
            sets,
            words: word_finder(&words.words, false).expect("the rule words build an automaton"),
            word_rules: words.rules,
            word_items: words.items,
            ungated,
        }
    }

    pub fn rule(&self, id: RuleId) -> &Rule {
        &self.rules[id as usize]
    }

    fn spares(&self) -> std::sync::MutexGuard<'_, Vec<Matcher>> {
        self.spare.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A matcher for one parse: the one this thread used before if it is
    /// spare, or new copies of the regexes.
    pub fn matcher(&self) -> Taken<'_> {
        let thread = std::thread::current().id();
        let spare = {
            let mut spares = self.spares();
            let own = spares.iter().rposition(|m| m.thread == Some(thread));
            own.map(|at| spares.swap_remove(at))
        };
        let matcher = spare.unwrap_or_else(|| Matcher {
            rules: self.shared.rules.clone(),
            sets: self.shared.sets.clone(),
            thread: Some(thread),
        });
        Taken {
            book: self,
            matcher: Some(matcher),
        }
    }

    /// The matcher every thread shares, for text outside a parse.
    pub fn shared_matcher(&self) -> &Matcher {
        &self.shared
    }

    /// One pass over `lower[start..end]` (the document ASCII-lowercased)
    /// for the words of every rule and recorded list.
    pub fn scan(&self, lower: Lowered<'_>, start: usize, end: usize) -> Scan {
        let mut open = self.ungated;
        let mut occurrences = Vec::new();
        for m in self
            .words
            .find_overlapping_iter(lower.slice(start..end).as_str())
        {
            let word = m.pattern().as_usize();
            open.union(&self.word_rules[word]);
            for &(list, item) in &self.word_items[word] {
                occurrences.push(Occurrence {
                    list,
                    item,
                    start: start + m.start(),
                    end: start + m.end(),
                });
            }
        }
        Scan { open, occurrences }
    }
}

fn compile_row(row: &Row) -> Rule {
    Rule::new(&prepare(row.pattern, row.text)).unwrap_or_else(|e| panic!("rule {:?}: {e}", row.id))
}

/// The rule book, compiled on first use.
pub fn book() -> &'static RuleBook {
    static BOOK: OnceLock<RuleBook> = OnceLock::new();
    BOOK.get_or_init(RuleBook::build)
}

/// The rules as the extractors reach them: the book and how its rules are
/// gated where they are asked. A segment's extractors take the matching of
/// its scan; the text they search must lie inside that segment.
#[derive(Clone, Copy)]
pub struct Matching<'a> {
    book: &'a RuleBook,
    gating: Gating<'a>,
    matcher: &'a Matcher,
    /// The answers found ahead for the whole segment, if any.
    answers: Answers<'a>,
}

impl<'a> Matching<'a> {
    pub fn new(book: &'a RuleBook, gating: Gating<'a>, matcher: &'a Matcher) -> Matching<'a> {
        Matching {
            book,
            gating,
            matcher,
            answers: Answers::unknown(),
        }
    }

    /// These rules, with `answers` found ahead for the whole segment.
    pub fn with_answers(self, answers: Answers<'a>) -> Matching<'a> {
        Matching { answers, ..self }
    }

    /// What is known ahead of the whole segment: to be asked only of the
    /// segment's whole text (a piece of it has answers of its own).
    pub fn answers(&self) -> Answers<'a> {
        self.answers
    }

    /// The reference mode on the compiled book, with the shared matcher.
    pub fn plain() -> Matching<'static> {
        let book = book();
        Matching::new(book, Gating::Plain, book.shared_matcher())
    }

    /// Rules that look for their own words, with the shared matcher: for
    /// text outside a parse's segments.
    pub fn own() -> Matching<'static> {
        let book = book();
        Matching::new(book, Gating::Own, book.shared_matcher())
    }

    /// The rule `id`, its gate decided for a text inside the segment
    /// (`haystack`, for rules outside one that look for their own words).
    #[inline]
    pub(super) fn gated(&self, id: RuleId, haystack: &str) -> Gated<'a> {
        let open = match self.gating {
            Gating::Plain => true,
            Gating::Own => self.book.rule(id).may_match(haystack),
            Gating::Segment(scan) => scan.open.has(id),
        };
        Gated::new(&self.matcher.rules[id as usize], open)
    }

    /// `rule`, gated for `haystack`: the text the rule reads, inside the
    /// segment of the scan.
    #[inline]
    pub fn rule<R: Reads>(&self, rule: Id<R>, haystack: R::Hay<'_>) -> Gated<'a> {
        self.gated(rule.id(), R::text(haystack))
    }

    pub fn is_match<R: Reads>(&self, rule: Id<R>, haystack: R::Hay<'_>) -> bool {
        let text = R::text(haystack);
        self.gated(rule.id(), text).is_match(text)
    }

    pub fn find<'h, R: Reads>(&self, rule: Id<R>, haystack: R::Hay<'h>) -> Option<Found<'h>> {
        let text = R::text(haystack);
        self.gated(rule.id(), text).find(text)
    }

    pub fn captures<'h, R: Reads>(
        &self,
        rule: Id<R>,
        haystack: R::Hay<'h>,
    ) -> Option<Captures<'h>> {
        let text = R::text(haystack);
        self.gated(rule.id(), text).captures(text)
    }

    pub fn find_iter<'h, R: Reads>(
        &self,
        rule: Id<R>,
        haystack: R::Hay<'h>,
    ) -> std::vec::IntoIter<Found<'h>> {
        let text = R::text(haystack);
        self.gated(rule.id(), text).find_iter(text)
    }

    pub fn captures_iter<'h, R: Reads>(
        &self,
        rule: Id<R>,
        haystack: R::Hay<'h>,
    ) -> std::vec::IntoIter<Captures<'h>> {
        let text = R::text(haystack);
        self.gated(rule.id(), text).captures_iter(text)
    }

    /// Which rules of `set` match `haystack`, as a mask over the book: one
    /// pass for them all.
    pub fn set_matches<R: Reads>(&self, set: Set<R>, haystack: R::Hay<'_>) -> RuleMask {
        self.set_matches_in(set, haystack, &mut self.room(set))
    }

    /// Room for the matches of `set`, for [`Matching::set_matches_in`].
    pub fn room<R>(&self, set: Set<R>) -> SetMatches {
        SetMatches::new(self.book.sets[set.id() as usize].1.len())
    }

    /// [`Matching::set_matches`] with the room its search fills kept by the
    /// caller (one for many segments instead of one a search).
    pub fn set_matches_in<R: Reads>(
        &self,
        set: Set<R>,
        haystack: R::Hay<'_>,
        room: &mut SetMatches,
    ) -> RuleMask {
        let haystack = R::text(haystack);
        let (members, rules) = &self.book.sets[set.id() as usize];
        let engine = &self.matcher.sets[set.id() as usize];
        let open = match self.gating {
            Gating::Plain => true,
            Gating::Own => rules.may_match(haystack),
            Gating::Segment(scan) => members.iter().any(|&id| scan.open.has(id)),
        };
        search_set(engine, haystack, open, room);
        let mut mask = RuleMask::default();
        for at in room.iter() {
            mask.set(members[at.as_usize()] as usize);
        }
        mask
    }

    /// Every occurrence `(start, end, item)` of the words of `list` inside
    /// `start..end` of the segment, overlapping ones included; None when
    /// the scan did not record them (the reference mode, or outside a
    /// segment).
    pub fn occurrences(
        &self,
        list: ListId,
        start: usize,
        end: usize,
    ) -> Option<Vec<(usize, usize, usize)>> {
        let Gating::Segment(scan) = self.gating else {
            return None;
        };
        let found = &scan.occurrences;
        Some(
            found
                .iter()
                .filter(|o| o.list == list && start <= o.start && o.end <= end)
                .map(|o| (o.start, o.end, o.item as usize))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{rule, LowerText};

    #[test]
    fn answers_speak_only_of_the_rules_asked() {
        let mut asked = RuleMask::default();
        asked.insert(rule::Reference);
        asked.insert(rule::Area);
        let mut matched = RuleMask::default();
        matched.insert(rule::Reference);
        let answers = Answers::new(&asked, &matched);
        assert_eq!(answers.answer(rule::Reference), Some(true));
        assert_eq!(answers.answer(rule::Area), Some(false));
        assert!(answers.rules_out(rule::Area));
        // A rule not asked ahead is neither matched nor ruled out.
        assert_eq!(answers.answer(rule::Shooting), None);
        assert!(!answers.rules_out(rule::Shooting));
        assert!(!Answers::unknown().rules_out(rule::Area));
        assert_eq!(answers.matched(), Some(&matched));
        assert_eq!(Answers::unknown().matched(), None);
        // Unknown answers fall back to a search of the text given.
        let text = LowerText::of("they opened fire on the police");
        let plain = Matching::plain();
        assert!(Answers::unknown().is_match(plain, rule::Shooting, text.view()));
        assert!(answers.is_match(plain, rule::Reference, text.view()));
    }

    #[test]
    fn a_matching_carries_its_answers_and_starts_without() {
        let mut asked = RuleMask::default();
        asked.insert(rule::Area);
        let matched = RuleMask::default();
        let plain = Matching::plain();
        assert_eq!(plain.answers().answer(rule::Area), None);
        let told = plain.with_answers(Answers::new(&asked, &matched));
        assert!(told.answers().rules_out(rule::Area));
    }

    #[test]
    fn a_thread_takes_back_its_own_matcher() {
        let book = book();
        let first = book.matcher();
        let copies = first.rules.as_ptr();
        assert_eq!(first.thread, Some(std::thread::current().id()));
        drop(first);
        assert_eq!(book.matcher().rules.as_ptr(), copies);
        let elsewhere = std::thread::scope(|s| {
            s.spawn(|| book.matcher().rules.as_ptr() as usize)
                .join()
                .unwrap()
        });
        assert_ne!(elsewhere, copies as usize, "another thread gets its own");
    }
}
