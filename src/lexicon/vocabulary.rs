//! The word lists rules name as `{list}` and the token classes are built
//! from, read once from `data/vocabulary.json`: a word added there reaches
//! every rule and word class that uses its list. The month lists come
//! from the calendar.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::calendar::{MONTHS, MONTH_ABBREVIATIONS};

const VOCABULARY_JSON: &str = include_str!("data/vocabulary.json");

type Lists = HashMap<String, Vec<String>>;

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let raw: HashMap<String, serde_json::Value> =
            serde_json::from_str(VOCABULARY_JSON).expect("embedded vocabulary is valid JSON");
        let mut lists: Lists = raw
            .into_iter()
            .filter(|(name, _)| !name.starts_with('_'))
            .map(|(name, words)| {
                let words: Vec<String> = serde_json::from_value(words)
                    .unwrap_or_else(|_| panic!("vocabulary list {name} is a list of words"));
                (name, words)
            })
            .collect();
        // The calendar's lists, as written ("Jan" of "January").
        let months = || MONTHS.iter();
        lists.insert("months".into(), months().map(|m| m.to_string()).collect());
        lists.insert(
            "month_short".into(),
            months().map(|m| m[..3].to_string()).collect(),
        );
        let with = |extra: Vec<&str>| -> Vec<String> {
            months().copied().chain(extra).map(str::to_string).collect()
        };
        let abbreviations = MONTH_ABBREVIATIONS.iter().map(|(a, _)| *a).collect();
        lists.insert("months_abbreviated".into(), with(abbreviations));
        lists.insert("months_full".into(), with(vec!["Sept"]));
        lists
    })
}

/// The words of the vocabulary list `name`, in their written order.
pub fn vocabulary(name: &str) -> Option<&'static [String]> {
    lists().get(name).map(Vec::as_slice)
}

/// Whether the lowercase `word` is on the vocabulary list `name`.
pub fn in_vocabulary(name: &str, word: &str) -> bool {
    static SETS: OnceLock<HashMap<&'static str, HashSet<String>>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        lists()
            .iter()
            .map(|(name, words)| {
                let lower = words.iter().map(|w| w.to_ascii_lowercase()).collect();
                (name.as_str(), lower)
            })
            .collect()
    });
    sets.get(name).is_some_and(|set| set.contains(word))
}

/// The names of every vocabulary list.
pub fn vocabulary_names() -> impl Iterator<Item = &'static str> {
    lists().keys().map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn membership_is_by_lowercase_word() {
        assert!(in_vocabulary("militant_nouns", "khwarij"));
        assert!(in_vocabulary("event_nouns_plural", "ibos"));
        assert!(!in_vocabulary("militant_nouns", "soldiers"));
        assert!(!in_vocabulary("no_such_list", "khwarij"));
    }

    #[test]
    fn lists_are_non_empty_and_without_repeats() {
        assert!(vocabulary_names().count() > 0);
        for name in vocabulary_names() {
            let words = vocabulary(name).unwrap();
            assert!(!words.is_empty(), "{name} is empty");
            let mut seen = std::collections::HashSet::new();
            for w in words {
                assert!(seen.insert(w.to_ascii_lowercase()), "{name} repeats {w}");
                assert_eq!(w.trim(), w, "{name}: {w:?} has outer spaces");
            }
        }
        assert!(vocabulary("no_such_list").is_none());
    }
}
