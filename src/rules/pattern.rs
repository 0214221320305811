//! How a rule's written pattern becomes the regex that runs.
//!
//! Rules are written for readers: `(?i)` for case-insensitive rules, `\b`
//! for word boundaries, `{list}` for a vocabulary list of the lexicon. The
//! regex that runs differs in three ways that keep the same matches but
//! search faster: a `(?i)` rule runs lowercased on the lowercased text, its
//! boundaries are ASCII ones, and each `{list}` is spelled out.

use super::haystack::Text;
use super::rows::FRAGMENTS;
use crate::lexicon::vocabulary;

/// `pattern` without its leading `(?i)`, its letters lowercased (escapes
/// such as `\S` or `\B` keep their case).
///
/// A `(?i)` pattern folds every letter into a class, which multiplies its
/// literal prefixes past what the regex engine will search for directly, so
/// it walks every byte with its automaton. Lowercasing the pattern instead
/// and running it on the lowercased text (same byte offsets) matches the
/// same spans and lets the engine jump between candidate words.
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

/// The regex a pattern written for `text` runs as, before its boundaries
/// are made ASCII ([`super::Rule::new`] does that): lists and fragments
/// spelled out, a [`Text::Lower`] rule lowercased.
pub fn prepare(pattern: &str, text: Text) -> String {
    let expanded = expand_lists(pattern);
    match text {
        Text::Lower => lowercase_pattern(&expanded),
        Text::Original => expanded,
    }
}

/// The letters a rule's `\w` stands for: ASCII word characters and the
/// accented Latin letters of transliterated names (not `×` or `÷`).
const WORD_CLASS: &str = r"0-9A-Za-z_\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}";

/// `pattern` with its classes made small: `\b` an ASCII boundary, `\w`
/// the ASCII word characters and accented Latin letters, `\d` the ASCII
/// digits.
///
/// The rule words are ASCII; a Unicode boundary makes the fast automaton
/// give up at the first curly quote or dash of a document and hand the
/// search to a far slower engine (half the speed on typeset reports). A
/// Unicode `\w` or `\d` spans hundreds of ranges, and every automaton that
/// holds one grows states for them: the ASCII-and-Latin classes read the
/// same reports a tenth faster with the same incidents.
pub fn ascii_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut escaped = false;
    let mut in_class = false;
    for c in pattern.chars() {
        if escaped {
            escaped = false;
            let class = match c {
                'w' => Some(WORD_CLASS),
                'd' => Some("0-9"),
                _ => None,
            };
            match class {
                Some(class) if in_class => {
                    out.pop();
                    out.push_str(class);
                }
                Some(class) => {
                    out.pop();
                    out.push('[');
                    out.push_str(class);
                    out.push(']');
                }
                // Inside a class `\b` is a backspace: left alone.
                None if c == 'b' && !in_class => {
                    out.pop();
                    out.push_str(r"(?-u:\b)");
                }
                None => out.push(c),
            }
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' => in_class = true,
            ']' => in_class = false,
            _ => {}
        }
        out.push(c);
    }
    out
}

/// `pattern` with every `{name}` (a name of letters: regex repetitions
/// are digits) spelled out: a lowercase name is the alternation of the
/// lexicon's vocabulary list of that name (a phrase of several words
/// matches any run of spaces between them), a capitalised one a fragment
/// of the rule book (`FRAGMENTS` in `rows.rs`).
///
/// # Panics
/// On a name the lexicon has no list for: the rule book is fixed, so this
/// is a mistake in it, found by the first test that builds it.
pub fn expand_lists(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphabetic() || c == '_'))
            .unwrap_or(after.len());
        let escaped = rest[..open].ends_with('\\') && !rest[..open].ends_with("\\\\");
        if name_len == 0 || !after[name_len..].starts_with('}') || escaped {
            out.push_str(&rest[..=open]);
            rest = after;
            continue;
        }
        let name = &after[..name_len];
        out.push_str(&rest[..open]);
        if name.starts_with(|c: char| c.is_ascii_uppercase()) {
            let fragment = FRAGMENTS.iter().find(|(n, _)| *n == name);
            out.push_str(
                fragment
                    .unwrap_or_else(|| panic!("no fragment {{{name}}}"))
                    .1,
            );
        } else {
            let words = vocabulary(name).unwrap_or_else(|| panic!("no vocabulary list {{{name}}}"));
            out.push_str(&alternation(words));
        }
        rest = &after[name_len + 1..];
    }
    out.push_str(rest);
    out
}

/// The words as one non-capturing alternation, in their order (the first
/// that matches at a place wins, as written).
pub fn alternation<S: AsRef<str>>(words: &[S]) -> String {
    let spelled: Vec<String> = words
        .iter()
        .map(|w| {
            w.as_ref()
                .split_whitespace()
                .map(regex_syntax::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    format!("(?:{})", spelled.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_letters_not_escapes() {
        assert_eq!(
            lowercase_pattern(r"(?i)\bIBOs?\S+[A-Z]\B\\W"),
            r"\bibos?\S+[a-z]\B\\w"
        );
    }

    #[test]
    fn boundaries_become_ascii() {
        assert_eq!(ascii_classes(r"\bon\\b\s"), r"(?-u:\b)on\\b\s");
    }

    #[test]
    fn word_and_digit_classes_become_small_in_and_out_of_brackets() {
        let word = format!("[{WORD_CLASS}]");
        assert_eq!(ascii_classes(r"\w+\d"), format!("{word}+[0-9]"));
        assert_eq!(
            ascii_classes(r"[\w'’-]\S[^\]\d]"),
            format!("[{WORD_CLASS}'’-]\\S[^\\]0-9]")
        );
        // An escaped backslash before a `w` is a backslash and a `w`.
        assert_eq!(ascii_classes(r"\\w"), r"\\w");
        let name = regex::Regex::new(&ascii_classes(r"^[A-Z]\w+")).unwrap();
        assert_eq!(
            name.find("Peshāwar’s").map(|m| m.as_str()),
            Some("Peshāwar")
        );
        assert_eq!(name.find("Kot×2").map(|m| m.as_str()), Some("Kot"));
        assert!(!regex::Regex::new(&ascii_classes(r"^\d"))
            .unwrap()
            .is_match("٣"));
    }

    #[test]
    fn lists_are_spelled_out_and_repetitions_kept() {
        let expanded = expand_lists(r"\b\d+\s+(?:\w+\s+){0,3}?{event_nouns_plural}\b");
        assert!(expanded.starts_with(r"\b\d+\s+(?:\w+\s+){0,3}?(?:attacks|"));
        assert!(expanded.contains(r"|acts\s+of\s+terrorism)"));
        assert_eq!(expand_lists(r"a\{b}"), r"a\{b}");
    }

    #[test]
    fn fragments_are_spelled_out() {
        assert_eq!(expand_lists(r"{YEAR}\b"), r"((?:19|20)\d\d)\b");
    }

    #[test]
    fn alternation_escapes_and_joins_phrases() {
        assert_eq!(alternation(&["a.b", "x  y"]), r"(?:a\.b|x\s+y)");
    }

    #[test]
    #[should_panic(expected = "no vocabulary list {no_such_list}")]
    fn an_unknown_list_is_a_mistake() {
        expand_lists("{no_such_list}");
    }
}
