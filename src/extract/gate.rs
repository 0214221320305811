//! Required literals: words without which a rule cannot match.
//!
//! Most rules open with common words ("the", "in", a number) and end with
//! the rare word that matters ("attacks", "martyred"). The regex engine can
//! only jump ahead on a rule's first words, so it walks every byte of every
//! sentence with its automaton. A rule here is first asked whether one of
//! its required words occurs at all (a fast multi-literal scan); the
//! automaton runs only where one does. The answer is the same either way:
//! every match contains one of the words.

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, PoisonError, RwLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// A set of literals, ASCII-lowercased.
type Literals = Vec<Vec<u8>>;

/// Past this many literals a set is more costly to scan for than it saves.
const MAX_LITERALS: usize = 64;

/// A gate is worth its scan only when its shortest word is this long.
const MIN_WORD: usize = 3;

/// Rules a segment scan keeps track of; later ones use their own gates.
const MAX_RULES: usize = 256;

/// Which gated rules may match: one bit per rule.
type RuleMask = [u64; MAX_RULES / 64];

/// A multi-literal scan that says whether a rule can match a text.
#[derive(Debug, Clone)]
pub struct Gate {
    words: AhoCorasick,
    /// The rule's place in the segment scan, if it has one.
    rule: Option<usize>,
    /// Only the segment scan answers: the rule is anchored at the start or
    /// end of its text, so its own search stops after a few bytes and a
    /// scan of the whole text for its words would cost more than it saves.
    scan_only: bool,
}

impl Gate {
    /// The gate of `pattern`, if it has selective required words. A rule
    /// anchored at the start or end of its text is gated by the segment
    /// scan alone: its search stops after a few bytes, but it is asked
    /// about every place or date of a segment (a few hundred nanoseconds
    /// each), and the scan already knows whether its words occur.
    pub fn for_pattern(pattern: &str) -> Option<Gate> {
        let hir = regex_syntax::parse(pattern).ok()?;
        let props = hir.properties();
        let scan_only = props.look_set_prefix().contains(Look::Start)
            || props.look_set_suffix().contains(Look::End);
        let words = required(&hir)?;
        if shortest(&words)? < MIN_WORD {
            return None;
        }
        let finder = word_finder(&words, Case::Any)?;
        Some(Gate {
            words: finder,
            rule: register(words),
            scan_only,
        })
    }

    /// Whether one of the required words occurs in `haystack`. Inside a
    /// [`SegmentScan`] the answer for the segment is already known.
    #[inline]
    pub fn open(&self, haystack: &str) -> bool {
        let known = self
            .rule
            .and_then(|rule| SCAN.with(|scan| scan.get()?.open(rule, haystack)));
        known.unwrap_or_else(|| self.scan_only || self.words.is_match(haystack))
    }

    /// Whether a set of rules can match: false only when every one of them
    /// is gated and closed for `haystack` in the current segment scan.
    pub fn any_open(gates: &[Option<Gate>], haystack: &str) -> bool {
        let Some(scan) = SCAN.with(Cell::get) else {
            return true;
        };
        gates.iter().any(|gate| {
            gate.as_ref()
                .and_then(|g| scan.open(g.rule?, haystack))
                .unwrap_or(true)
        })
    }
}

/// Which texts a word finder reads.
#[derive(Clone, Copy)]
enum Case {
    /// Any text: the words match in any ASCII case.
    Any,
    /// Lowercased text only: without case folding the automaton has fewer
    /// byte classes, so a smaller table.
    Lower,
}

/// An automaton that finds every occurrence of the lowercase `words`.
fn word_finder(words: &[Vec<u8>], case: Case) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .ascii_case_insensitive(matches!(case, Case::Any))
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .ok()
}

/// Every gated rule's words and every recorded list's words, in one
/// automaton for the segment scan.
struct Registry {
    words: Vec<Vec<u8>>,
    masks: Vec<RuleMask>,
    /// The recorded lists and items a word stands for.
    tags: Vec<Vec<Tag>>,
    rules: usize,
    lists: usize,
    scanner: Option<Arc<Scanner>>,
}

/// A word of a recorded list: the list's number and the word's place in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tag {
    list: u32,
    item: u32,
}

static REGISTRY: RwLock<Registry> = RwLock::new(Registry {
    words: Vec::new(),
    masks: Vec::new(),
    tags: Vec::new(),
    rules: 0,
    lists: 0,
    scanner: None,
});

impl Registry {
    /// The number of `word` in the scan, entered if new.
    fn word(&mut self, word: Vec<u8>) -> usize {
        if let Some(at) = self.words.iter().position(|w| *w == word) {
            return at;
        }
        self.words.push(word);
        self.masks.push(RuleMask::default());
        self.tags.push(Vec::new());
        self.words.len() - 1
    }

    /// The scanner must be built anew, and every thread must fetch it.
    fn changed(&mut self) {
        self.scanner = None;
        VERSION.fetch_add(1, Ordering::Release);
    }
}

fn registry() -> std::sync::RwLockWriteGuard<'static, Registry> {
    REGISTRY.write().unwrap_or_else(PoisonError::into_inner)
}

/// Enter a rule's words in the segment scan; its number there.
fn register(words: Literals) -> Option<usize> {
    let mut registry = registry();
    let rule = registry.rules;
    if rule >= MAX_RULES {
        return None;
    }
    registry.rules += 1;
    for word in words {
        let at = registry.word(word);
        registry.masks[at][rule / 64] |= 1 << (rule % 64);
    }
    registry.changed();
    Some(rule)
}

/// Bumped whenever a rule or list registers, so threads know to fetch the
/// scanner anew.
static VERSION: AtomicUsize = AtomicUsize::new(0);

/// The automaton of every registered word, with what each word stands for.
struct Scanner {
    automaton: AhoCorasick,
    masks: Vec<RuleMask>,
    tags: Vec<Vec<Tag>>,
    /// How many rules and lists the automaton covers.
    rules: usize,
    lists: usize,
}

thread_local! {
    /// Each thread's handle on the scanner, with the version it was built at:
    /// taking the shared lock for every segment made the threads contend.
    static THREAD_SCANNER: RefCell<Option<(usize, Arc<Scanner>)>> = const { RefCell::new(None) };
}

/// Run `scan` with the current scanner, rebuilt only after new rules or
/// lists register. The thread's own handle is lent, not cloned: counting
/// references on the shared one made the threads contend.
fn with_scanner<R>(scan: impl FnOnce(&Scanner) -> R) -> Option<R> {
    let version = VERSION.load(Ordering::Acquire);
    THREAD_SCANNER.with(|local| {
        let mut local = local.borrow_mut();
        let current = matches!(&*local, Some((v, _)) if *v == version);
        if !current {
            *local = Some((version, shared_scanner()?));
        }
        local.as_ref().map(|(_, built)| scan(built))
    })
}

fn shared_scanner() -> Option<Arc<Scanner>> {
    if let Some(built) = &REGISTRY
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .scanner
    {
        return Some(Arc::clone(built));
    }
    let mut registry = registry();
    let built = Arc::new(Scanner {
        automaton: word_finder(&registry.words, Case::Lower)?,
        masks: registry.masks.clone(),
        tags: registry.tags.clone(),
        rules: registry.rules,
        lists: registry.lists,
    });
    registry.scanner = Some(Arc::clone(&built));
    Some(built)
}

/// What one scan of a segment found: which rules' words occur in it.
#[derive(Clone, Copy)]
struct Scan {
    /// The segment in the original and in the lowercased document.
    text: (usize, usize),
    lower: (usize, usize),
    open: RuleMask,
    /// Rules and lists registered after the scan's automaton was built
    /// are unknown to it.
    rules: usize,
    lists: usize,
    /// Where the scan's own occurrences start in [`OCCURRENCES`].
    first_occurrence: usize,
}

impl Scan {
    /// Whether the scan covers `haystack` (a slice of the document or of
    /// its lowercased copy).
    fn covers(&self, haystack: &str) -> bool {
        let from = haystack.as_ptr() as usize;
        let to = from + haystack.len();
        let inside = |(start, end): (usize, usize)| start <= from && to <= end;
        inside(self.text) || inside(self.lower)
    }

    /// Whether `rule` may match `haystack`, if the scan covers both.
    fn open(&self, rule: usize, haystack: &str) -> Option<bool> {
        if rule >= self.rules || !self.covers(haystack) {
            return None;
        }
        Some(self.open[rule / 64] & (1 << (rule % 64)) != 0)
    }
}

/// A recorded word: (list, item, start, end) in the document.
type Occurrence = (u32, u32, usize, usize);

thread_local! {
    static SCAN: Cell<Option<Scan>> = const { Cell::new(None) };
    /// Where the current scan found the words of recorded lists.
    static OCCURRENCES: RefCell<Vec<Occurrence>> = const { RefCell::new(Vec::new()) };
}

/// One pass over a segment for the required words of every rule; while it
/// lives, each rule asked about text inside the segment answers from it
/// instead of scanning again.
pub struct SegmentScan {
    previous: Option<Scan>,
}

impl SegmentScan {
    /// Scan `text[start..end]` (`lower` is `text` ASCII-lowercased).
    pub fn enter(text: &str, lower: &str, start: usize, end: usize) -> SegmentScan {
        let previous = SCAN.with(Cell::get);
        // A scan inside another keeps the outer one's occurrences.
        let first_occurrence = OCCURRENCES.with(|o| {
            let mut o = o.borrow_mut();
            if previous.is_none() {
                o.clear();
            }
            o.len()
        });
        let mut occurrences = OCCURRENCES.with(|o| std::mem::take(&mut *o.borrow_mut()));
        let scan = with_scanner(|scanner| {
            let mut open = RuleMask::default();
            for m in scanner.automaton.find_overlapping_iter(&lower[start..end]) {
                let word = m.pattern().as_usize();
                for (o, r) in open.iter_mut().zip(&scanner.masks[word]) {
                    *o |= r;
                }
                for tag in &scanner.tags[word] {
                    occurrences.push((tag.list, tag.item, start + m.start(), start + m.end()));
                }
            }
            let span = |s: &str| {
                let base = s.as_ptr() as usize;
                (base + start, base + end)
            };
            Scan {
                text: span(text),
                lower: span(lower),
                open,
                rules: scanner.rules,
                lists: scanner.lists,
                first_occurrence,
            }
        });
        OCCURRENCES.with(|o| *o.borrow_mut() = occurrences);
        SCAN.with(|cell| cell.set(scan));
        SegmentScan { previous }
    }
}

impl Drop for SegmentScan {
    fn drop(&mut self) {
        if let Some(ended) = SCAN.with(|cell| cell.replace(self.previous)) {
            OCCURRENCES.with(|o| o.borrow_mut().truncate(ended.first_occurrence));
        }
    }
}

/// A list of words whose every occurrence the segment scan records, for a
/// lexicon that would otherwise search each segment again with its own
/// automaton.
#[derive(Debug, Clone, Copy)]
pub struct RecordedWords {
    list: u32,
}

impl RecordedWords {
    /// Enter `words` (matched in any ASCII case) in the segment scan. A
    /// spelling listed twice stands for its first item.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> RecordedWords {
        let mut registry = registry();
        let list = registry.lists as u32;
        registry.lists += 1;
        for (item, word) in words.into_iter().enumerate() {
            let at = registry.word(word.as_bytes().to_ascii_lowercase());
            if !registry.tags[at].iter().any(|t| t.list == list) {
                registry.tags[at].push(Tag {
                    list,
                    item: item as u32,
                });
            }
        }
        registry.changed();
        RecordedWords { list }
    }

    /// Every occurrence `(start, end, item)` of the words inside
    /// `text[start..end]`, overlapping ones included, if the current
    /// segment scan covers that text.
    pub fn occurrences(
        &self,
        text: &str,
        start: usize,
        end: usize,
    ) -> Option<Vec<(usize, usize, usize)>> {
        let scan = SCAN.with(Cell::get)?;
        if self.list as usize >= scan.lists || !scan.covers(&text[start..end]) {
            return None;
        }
        Some(OCCURRENCES.with(|o| {
            o.borrow()[scan.first_occurrence..]
                .iter()
                .filter(|&&(list, _, s, e)| list == self.list && start <= s && e <= end)
                .map(|&(_, item, s, e)| (s, e, item as usize))
                .collect()
        }))
    }
}

/// The length of the shortest literal; `None` for an empty set.
fn shortest(words: &Literals) -> Option<usize> {
    words.iter().map(Vec::len).min()
}

/// Literals of which every match of `hir` contains at least one, if the
/// rule has such a set of manageable size.
fn required(hir: &Hir) -> Option<Literals> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => None,
        HirKind::Literal(_) | HirKind::Class(_) => {
            exact(hir).filter(|w| !has_empty(w)).map(without_redundant)
        }
        HirKind::Capture(capture) => required(&capture.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub),
        HirKind::Repetition(_) => None,
        HirKind::Alternation(branches) => {
            let mut words = Literals::new();
            for branch in branches {
                words.extend(required(branch)?);
                if words.len() > MAX_LITERALS {
                    return None;
                }
            }
            words.sort();
            words.dedup();
            Some(without_redundant(words))
        }
        HirKind::Concat(parts) => best(concat_candidates(parts)),
    }
}

/// The literal sets a concatenation requires: the words spelled by runs of
/// parts with finitely many spellings, and what each other part requires.
fn concat_candidates(parts: &[Hir]) -> Vec<Literals> {
    let mut candidates = Vec::new();
    let mut run: Literals = vec![Vec::new()];
    for part in parts {
        match exact(part).and_then(|words| product(&run, &words)) {
            Some(joined) => run = joined,
            None => {
                candidates.push(std::mem::replace(&mut run, vec![Vec::new()]));
                match exact(part) {
                    // Too many spellings together: start a new run here.
                    Some(words) => run = words,
                    None => candidates.extend(required(part)),
                }
            }
        }
    }
    candidates.push(run);
    candidates
}

/// Words in almost every sentence: a set with one of them opens its gate
/// everywhere.
const COMMON_WORDS: &[&[u8]] = &[
    b"the", b"and", b"all", b"its", b"this", b"that", b"these", b"those", b"their", b"other",
    b"under", b"after", b"while", b"for", b"with", b"from", b"was", b"were", b"has", b"have",
    b"had", b"are", b"said", b"also", b"more", b"into", b"one", b"two", b"three",
];

/// The most selective set: one whose words are long enough to gate on,
/// then one without everyday words, then the longest shortest word, then
/// the fewest words. (", while" gates on "while", not on the comma.)
fn best(candidates: Vec<Literals>) -> Option<Literals> {
    candidates
        .into_iter()
        .filter(|w| !w.is_empty() && !has_empty(w))
        .map(without_redundant)
        .max_by_key(|w| {
            let shortest = shortest(w).unwrap_or(0);
            let rare = !w.iter().any(|word| COMMON_WORDS.contains(&word.as_slice()));
            (
                shortest >= MIN_WORD,
                rare,
                shortest,
                std::cmp::Reverse(w.len()),
            )
        })
}

/// Drop words that contain another word of the set ("ieds" beside "ied"):
/// a text with the longer word has the shorter one too.
fn without_redundant(words: Literals) -> Literals {
    let contains = |long: &[u8], short: &[u8]| {
        long.len() > short.len() && long.windows(short.len()).any(|w| w == short)
    };
    words
        .iter()
        .filter(|w| !words.iter().any(|other| contains(w, other)))
        .cloned()
        .collect()
}

fn has_empty(words: &Literals) -> bool {
    words.iter().any(Vec::is_empty)
}

/// Every spelling of `hir`, when there are few (zero-width assertions spell
/// the empty string).
fn exact(hir: &Hir) -> Option<Literals> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(vec![Vec::new()]),
        HirKind::Literal(literal) => Some(vec![literal.0.to_ascii_lowercase()]),
        HirKind::Class(class) => class_spellings(class),
        HirKind::Capture(capture) => exact(&capture.sub),
        HirKind::Repetition(rep) => {
            let max = rep.max.filter(|&m| m <= 2)?;
            let sub = exact(&rep.sub)?;
            let mut words = Literals::new();
            let mut power: Literals = vec![Vec::new()];
            for count in 0..=max {
                if count >= rep.min {
                    words.extend(power.iter().cloned());
                }
                power = product(&power, &sub)?;
            }
            Some(words)
        }
        HirKind::Concat(parts) => parts
            .iter()
            .try_fold(vec![Vec::new()], |run, part| product(&run, &exact(part)?)),
        HirKind::Alternation(branches) => {
            let mut words = Literals::new();
            for branch in branches {
                words.extend(exact(branch)?);
            }
            words.sort();
            words.dedup();
            (words.len() <= MAX_LITERALS).then_some(words)
        }
    }
}

/// Every `a` followed by every `b`, if not too many.
fn product(a: &Literals, b: &Literals) -> Option<Literals> {
    if a.len() * b.len() > MAX_LITERALS {
        return None;
    }
    let mut out = Literals::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            let mut word = x.clone();
            word.extend_from_slice(y);
            out.push(word);
        }
    }
    out.sort();
    out.dedup();
    Some(out)
}

/// The characters of a small class, ASCII-lowercased ("[Aa]" is "a").
fn class_spellings(class: &Class) -> Option<Literals> {
    const MAX_CHARS: usize = 4;
    let mut words = Literals::new();
    match class {
        Class::Unicode(class) => {
            for range in class.ranges() {
                if (range.end() as u32 - range.start() as u32) as usize >= MAX_CHARS * 2 {
                    return None;
                }
                for c in range.start()..=range.end() {
                    let mut buf = [0u8; 4];
                    words.push(c.encode_utf8(&mut buf).as_bytes().to_ascii_lowercase());
                }
            }
        }
        Class::Bytes(class) => {
            for range in class.ranges() {
                if (range.end() - range.start()) as usize >= MAX_CHARS * 2 {
                    return None;
                }
                for b in range.start()..=range.end() {
                    words.push(vec![b.to_ascii_lowercase()]);
                }
            }
        }
    }
    words.sort();
    words.dedup();
    (words.len() <= MAX_CHARS).then_some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(pattern: &str) -> Option<Vec<String>> {
        let hir = regex_syntax::parse(pattern).unwrap();
        required(&hir).map(|w| {
            w.into_iter()
                .map(|b| String::from_utf8(b).unwrap())
                .collect()
        })
    }

    #[test]
    fn picks_the_rare_words_of_a_rule() {
        assert_eq!(
            words(r"\b(?:\d+|two|three)\s+(?:[\w-]+\s+){0,3}?(?:attacks|blasts)\b"),
            Some(vec!["attacks".into(), "blasts".into()])
        );
        assert_eq!(
            words(r"(?i)\bIEDs?\b"),
            Some(vec!["ied".into()]),
            "case classes fold to one word"
        );
        assert_eq!(
            words(r"\b(?:killed|wounded)\b|\bmartyr(?:ed|dom)\b"),
            Some(vec![
                "killed".into(),
                "martyrdom".into(),
                "martyred".into(),
                "wounded".into()
            ])
        );
    }

    #[test]
    fn words_long_enough_beat_a_rare_mark() {
        // The comma is rarer than "while" but too short to gate on.
        assert_eq!(
            words(r",\s+(?:while|whereas)\s+"),
            Some(vec!["whereas".into(), "while".into()])
        );
    }

    #[test]
    fn no_words_when_a_branch_can_match_anything() {
        assert_eq!(words(r"\battack\b|\d+"), None);
        assert_eq!(words(r"(?:attack)?\s+\w+"), None);
    }

    #[test]
    fn gate_agrees_with_the_rule() {
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
            let rule = regex::Regex::new(pattern).unwrap();
            let gate = Gate::for_pattern(pattern).expect("selective words");
            for text in texts {
                if rule.is_match(text) {
                    assert!(gate.open(text), "{pattern} on {text}");
                }
            }
            assert!(!gate.open("nothing happened here"));
        }
    }

    #[test]
    fn anchored_and_unselective_rules_have_no_gate() {
        assert!(Gate::for_pattern(r"\bto\s+(\w+)\s*$").is_none());
        assert!(Gate::for_pattern(r"^\s*[A-Z]+:").is_none());
        assert!(Gate::for_pattern(r"\b(?:in|at)\s+[A-Z]\w+").is_none());
    }

    #[test]
    fn rules_answer_the_same_inside_a_segment_scan() {
        use crate::extract::rx::compile;
        let rules = [
            compile(r"(?i)\bsuicide\s+(?:bomber|attacker)s?\b").unwrap(),
            compile(r"\b(?:killed|martyred)\b").unwrap(),
            compile(r"(?i)\b(?:the|its)\s+(?:\w+\s+){0,2}?attacks?\b").unwrap(),
            compile(r"\bIED\b").unwrap(),
        ];
        let text = "A Suicide Bomber struck the convoy. Two soldiers were martyred. \
                    The brazen attack was condemned. No IED was found near Bannu.";
        let lower = text.to_ascii_lowercase();
        let (start, end) = (0, text.len());
        let outside: Vec<Vec<bool>> = rules
            .iter()
            .map(|r| pieces(text, &lower).iter().map(|p| r.is_match(p)).collect())
            .collect();
        let _scan = SegmentScan::enter(text, &lower, start, end);
        for (rule, expected) in rules.iter().zip(&outside) {
            let inside: Vec<bool> = pieces(text, &lower)
                .iter()
                .map(|p| rule.is_match(p))
                .collect();
            assert_eq!(&inside, expected, "{}", rule.as_str());
        }
        assert!(expected_some_true(&outside), "the texts exercise the rules");
    }

    /// Whole texts, their halves, and a copy the scan does not cover.
    fn pieces<'t>(text: &'t str, lower: &'t str) -> Vec<&'t str> {
        let copy: &'static str = Box::leak(text.to_string().into_boxed_str());
        let half = text.len() / 2;
        vec![text, lower, &text[..half], &lower[half..], copy]
    }

    fn expected_some_true(answers: &[Vec<bool>]) -> bool {
        answers.iter().all(|a| a.iter().any(|&m| m))
            && answers.iter().any(|a| a.iter().any(|&m| !m))
    }

    #[test]
    fn recorded_words_are_found_only_inside_a_scan() {
        let words = RecordedWords::new(["Daesh", "ISKP", "iskp", "Islamic State"]);
        let text = "ISKP, also called Islamic State or daesh, struck. Daesh again.";
        let lower = text.to_ascii_lowercase();
        assert_eq!(words.occurrences(text, 0, text.len()), None);
        let first = text.find('.').unwrap();
        let _scan = SegmentScan::enter(text, &lower, 0, first);
        let mut found = words.occurrences(text, 0, first).unwrap();
        found.sort();
        assert_eq!(found, vec![(0, 4, 1), (18, 31, 3), (35, 40, 0)]);
        // Inside the segment: only what lies wholly inside the range asked.
        assert_eq!(words.occurrences(text, 5, 34).unwrap(), vec![(18, 31, 3)]);
        // Outside the scanned segment the scan knows nothing.
        assert_eq!(words.occurrences(text, first, text.len()), None);
    }

    #[test]
    fn a_scan_inside_another_keeps_the_outer_occurrences() {
        let words = RecordedWords::new(["khwarij", "TTP"]);
        let text = "The TTP claimed it. Khwarij fled.";
        let lower = text.to_ascii_lowercase();
        let outer = SegmentScan::enter(text, &lower, 0, text.len());
        {
            let _inner = SegmentScan::enter(text, &lower, 20, text.len());
            assert_eq!(
                words.occurrences(text, 20, text.len()).unwrap(),
                vec![(20, 27, 0)]
            );
        }
        assert_eq!(
            words.occurrences(text, 0, text.len()).unwrap(),
            vec![(4, 7, 1), (20, 27, 0)]
        );
        drop(outer);
        assert_eq!(words.occurrences(text, 0, text.len()), None);
    }
}
