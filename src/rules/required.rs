//! Required words: words without which a rule cannot match.
//!
//! Most rules open with common words ("the", "in", a number) and end with
//! the rare word that matters ("attacks", "martyred"). The regex engine can
//! only jump ahead on a rule's first words, so it walks every byte of every
//! sentence with its automaton. A rule is first asked whether one of its
//! required words occurs at all (one multi-literal scan for every rule);
//! the automaton runs only where one does. The answer is the same either
//! way: every match contains one of the words.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// A set of literals, ASCII-lowercased.
pub type Literals = Vec<Vec<u8>>;

/// Past this many literals a set is more costly to scan for than it saves.
const MAX_LITERALS: usize = 64;

/// A gate is worth its scan only when its shortest word is this long.
const MIN_WORD: usize = 3;

/// What a pattern requires of a text before it can match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Required {
    /// One of these words occurs in every match.
    pub words: Literals,
    /// The rule is anchored at the start or end of its text: its own
    /// search stops after a few bytes, so only a scan made anyway (the
    /// segment scan) is worth asking.
    pub anchored: bool,
}

/// The required words of `pattern`, if it has selective ones.
pub fn required_words(pattern: &str) -> Option<Required> {
    let hir = regex_syntax::parse(pattern).ok()?;
    let props = hir.properties();
    let anchored = props.look_set_prefix().contains(Look::Start)
        || props.look_set_suffix().contains(Look::End);
    let words = required(&hir)?;
    if shortest(&words)? < MIN_WORD {
        return None;
    }
    Some(Required { words, anchored })
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

/// The characters of a small class, ASCII-lowercased ("[Aa]" is "a"). Up
/// to ten: a digit spells its ten, so a year ("(?:19|20)\d\d") gates on
/// its first three digits instead of on the "in" before it.
fn class_spellings(class: &Class) -> Option<Literals> {
    const MAX_CHARS: usize = 10;
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
    fn a_year_gates_on_its_first_three_digits() {
        // "in", "since" are too short to gate on; "2024" is not: the
        // digit class spells ten words, and "19"/"20" then twenty.
        let year = words(r"\b(?:in|since)\s+((?:19|20)[0-9][0-9])\b").expect("year words");
        assert_eq!(year.len(), 20);
        assert!(year.contains(&"190".to_string()) && year.contains(&"209".to_string()));
        assert!(year.iter().all(|w| w.len() == 3));
        assert_eq!(words(r"\b[a-z]{2}\b"), None, "a wide class spells nothing");
    }

    #[test]
    fn no_words_when_a_branch_can_match_anything() {
        assert_eq!(words(r"\battack\b|\d+"), None);
        assert_eq!(words(r"(?:attack)?\s+\w+"), None);
    }

    #[test]
    fn anchored_rules_are_marked() {
        let since = required_words(r"(?i)\bsince\s+(?:the\s+)?$").expect("since");
        assert!(since.anchored);
        let attack = required_words(r"\bsuicide\s+attack").expect("attack");
        assert!(!attack.anchored);
        assert_eq!(required_words(r"\bto\s+(\w+)\s*$"), None);
        assert_eq!(required_words(r"^\s*[A-Z]+:"), None);
    }
}
