//! The word classes every token looks up once: which casualty-rule lists
//! a word is on, and the number it writes ("sixteen", "twenty-two"). The
//! lists are the lexicon's vocabulary (`src/lexicon/data/vocabulary.json`):
//! a word added there reaches the table and every rule that names its list.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::lexicon::vocabulary;

/// Word classes of the casualty rules, one bit each: every token looks its
/// word up once ([`word_classes`]) instead of scanning the lists at each rule.
pub mod class {
    pub const KILL: u16 = 1;
    pub const INJURE: u16 = 1 << 1;
    pub const ARREST: u16 = 1 << 2;
    pub const ACTION: u16 = 1 << 3;
    pub const NP_STOP: u16 = 1 << 4;
    pub const BARE_FOLLOWER: u16 = 1 << 5;
    pub const TOLL: u16 = 1 << 6;
    /// The first word of a multi-word predicate ("shot" of "shot dead").
    pub const PHRASE_START: u16 = 1 << 7;
    /// A word a count phrase can open with (`count_bounds`, `count_exact_leads`, `count_phrase_starts`).
    pub const COUNT_START: u16 = 1 << 8;
    pub const PREDICATE: u16 = KILL | INJURE | ARREST;
}

/// The casualty-rule classes of a lowercase word.
pub fn word_classes(lower: &str) -> u16 {
    word_info(lower).0
}

/// The words of a vocabulary list (the rule book checks every name).
fn list(name: &str) -> &'static [String] {
    vocabulary(name).unwrap_or_else(|| panic!("no vocabulary list {name}"))
}

/// The phrases of a vocabulary list as words ("at least" -> ["at", "least"]).
pub fn phrases(name: &str) -> Vec<Vec<&'static str>> {
    list(name)
        .iter()
        .map(|p| p.split_whitespace().collect())
        .collect()
}

/// The one-word and the many-word entries of `operation_kill_words`: how
/// the forces kill is a killing predicate like any other.
fn operation_kills(many: bool) -> impl Iterator<Item = &'static String> {
    list("operation_kill_words")
        .iter()
        .filter(move |w| w.contains(' ') == many)
}

/// The multi-word casualty predicates in the order they are tried.
pub fn predicate_phrases() -> &'static [(Vec<&'static str>, Outcome)] {
    static PHRASES: OnceLock<Vec<(Vec<&'static str>, Outcome)>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let killed = operation_kills(true).chain(list("killed_phrases"));
        let of =
            |outcome: Outcome| move |p: &'static String| (p.split_whitespace().collect(), outcome);
        killed
            .map(of(Outcome::Killed))
            .chain(list("arrested_phrases").iter().map(of(Outcome::Arrested)))
            .chain(list("injured_phrases").iter().map(of(Outcome::Injured)))
            .collect()
    })
}

/// The casualty-rule classes of a lowercase word and the number it writes
/// ("sixteen", "twenty-two"): one table lookup for both, which every token
/// makes once.
pub fn word_info(lower: &str) -> (u16, Option<u32>) {
    type WordTable = FxHashMap<Box<str>, (u16, Option<u32>)>;
    static TABLE: OnceLock<WordTable> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = WordTable::default();
        let mut mark = |word: &str, bit: u16| table.entry(word.into()).or_default().0 |= bit;
        let lists = [
            ("killed_words", class::KILL),
            ("injured_words", class::INJURE),
            ("arrested_words", class::ARREST),
            ("action_verbs", class::ACTION),
            ("np_stops", class::NP_STOP),
            ("bare_followers", class::BARE_FOLLOWER),
            ("toll_verbs", class::TOLL),
        ];
        for (name, bit) in lists {
            for word in list(name) {
                mark(word, bit);
            }
        }
        for word in operation_kills(false) {
            mark(word, class::KILL);
        }
        for (words, _) in predicate_phrases() {
            mark(words[0], class::PHRASE_START);
        }
        let leads = phrases("count_bounds")
            .into_iter()
            .chain(phrases("count_exact_leads"))
            .map(|lead| lead[0]);
        for word in list("count_phrase_starts")
            .iter()
            .map(String::as_str)
            .chain(leads)
        {
            mark(word, class::COUNT_START);
        }
        for word in number_words() {
            let value = word_value(&word);
            table.entry(word.into_boxed_str()).or_default().1 = value;
        }
        table
    });
    table.get(lower).copied().unwrap_or((0, None))
}

/// What happened to the people counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    Killed,
    Injured,
    Arrested,
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The value of a number word ("sixteen", "twenty-two", "forty").
pub fn word_value(word: &str) -> Option<u32> {
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(i as u32);
    }
    if let Some(i) = TENS.iter().position(|t| !t.is_empty() && *t == word) {
        return Some(10 * i as u32);
    }
    let (tens, unit) = word.split_once('-')?;
    let t = TENS.iter().position(|x| !x.is_empty() && *x == tens)? as u32;
    let u = UNITS
        .iter()
        .position(|x| *x == unit)
        .filter(|&u| (1..10).contains(&u))? as u32;
    Some(10 * t + u)
}

/// Every word [`word_value`] reads: "one" to "nineteen", the tens, and
/// "twenty-one" to "ninety-nine".
pub fn number_words() -> impl Iterator<Item = String> {
    let tens = TENS.iter().filter(|t| !t.is_empty());
    let compounds = tens
        .clone()
        .flat_map(|t| UNITS[1..10].iter().map(move |u| format!("{t}-{u}")));
    UNITS
        .iter()
        .chain(tens)
        .map(|w| w.to_string())
        .chain(compounds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{lexicon, Side};
    use crate::rules::{rule, LowerText, Matching};

    #[test]
    fn every_casualty_list_word_has_its_class() {
        for (name, bit) in [
            ("killed_words", class::KILL),
            ("injured_words", class::INJURE),
            ("arrested_words", class::ARREST),
            ("toll_verbs", class::TOLL),
        ] {
            for word in list(name) {
                assert_ne!(word_classes(word) & bit, 0, "{name}: {word}");
            }
        }
    }

    /// A word or phrase added to `operation_kill_words` is a killing
    /// predicate, tells an operation and types it: one edit reaches all.
    #[test]
    fn an_operation_kill_word_reaches_tolls_flags_and_cues() {
        let plain = Matching::plain();
        for entry in list("operation_kill_words") {
            let words: Vec<&str> = entry.split_whitespace().collect();
            if words.len() == 1 {
                assert_ne!(word_classes(words[0]) & class::KILL, 0, "{entry}");
            } else {
                assert!(
                    predicate_phrases()
                        .iter()
                        .any(|(p, o)| *p == words && *o == Outcome::Killed),
                    "{entry}"
                );
                assert_ne!(word_classes(words[0]) & class::PHRASE_START, 0);
            }
            let text = LowerText::of(&format!("troops {entry} four terrorists"));
            assert!(plain.is_match(rule::OperationTold, text.view()), "{entry}");
            assert!(
                plain.is_match(rule::CueSecurityOperation, text.view()),
                "{entry}"
            );
        }
    }

    /// A noun added to `militant_nouns` is the militants' side of a count
    /// and a militant word to every rule that names militants.
    #[test]
    fn a_militant_noun_reaches_sides_and_rules() {
        let plain = Matching::plain();
        for noun in list("militant_nouns")
            .iter()
            .chain(list("militant_noun_singulars"))
        {
            assert_eq!(lexicon().side_of(noun), Some(Side::Militants), "{noun}");
            let text = format!("the {noun} were killed");
            assert!(
                plain.is_match(rule::Militancy, LowerText::of(&text).view()),
                "{noun}"
            );
            assert!(plain.is_match(rule::MilitantWords, &text), "{noun}");
            assert!(plain.is_match(rule::MilitantContext, &text), "{noun}");
        }
        for noun in list("militant_nouns") {
            let text = LowerText::of(&format!("{noun} attacked a post"));
            assert!(plain.is_match(rule::ActorDeed, text.view()), "{noun}");
        }
    }

    #[test]
    fn number_words_have_their_values() {
        assert_eq!(word_info("sixteen").1, Some(16));
        assert_eq!(word_info("twenty-two").1, Some(22));
        assert_eq!(word_value("ninety"), Some(90));
        assert_eq!(word_value("twenty-zero"), None);
        assert_eq!(word_classes("least") & class::COUNT_START, 0);
        assert_ne!(
            word_classes("at") & class::COUNT_START,
            0,
            "'at least' opens a count"
        );
    }
}
