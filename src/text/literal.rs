//! The speed reference of the benchmarks: one case-insensitive pass over the
//! text counting every match of a few words, as `rg --count-matches -i -F`
//! does. The parser is measured against it where ripgrep is not installed.

use aho_corasick::{AhoCorasick, MatchKind};

/// Every non-overlapping match of `words` in `texts`, ASCII case ignored.
/// Words that are empty are left out; none at all gives 0.
pub fn count_literals<S: AsRef<str>>(texts: &[S], words: &[S]) -> u64 {
    let words: Vec<&str> = words
        .iter()
        .map(AsRef::as_ref)
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return 0;
    }
    let Ok(automaton) = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .build(&words)
    else {
        return 0;
    };
    texts
        .iter()
        .map(|t| automaton.find_iter(t.as_ref()).count() as u64)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::count_literals;

    #[test]
    fn counts_every_match_whatever_the_case() {
        let texts = ["Two soldiers KILLED; three killed.", "no match", "Killed"];
        assert_eq!(count_literals(&texts, &["killed", "soldiers"]), 4);
        assert_eq!(count_literals(&texts, &["", "Taliban"]), 0);
        assert_eq!(count_literals(&texts, &[]), 0);
    }
}
