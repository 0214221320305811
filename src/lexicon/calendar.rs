//! Month names as reports write them: the one list every date rule, the
//! sentence splitter and the dateline rule read.

/// The months, in order.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Abbreviations reports use, with their month (1-12). "Sept" before "Sep":
/// the longer spelling wins in an alternation.
pub const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sept", 9),
    ("Sep", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

/// Month number of a month name or abbreviation ("March", "Mar.", "sept"),
/// case ignored.
pub fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.').as_bytes();
    let head = name.get(..3)?;
    MONTHS
        .iter()
        .position(|m| head.eq_ignore_ascii_case(&m.as_bytes()[..3]))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// A regex alternation of the month names and, with `abbreviated`, their
/// abbreviations: `January|...|December|Jan|...|Dec`. "Sept" is always in:
/// reports write it for the full name too.
pub fn month_alternation(abbreviated: bool) -> String {
    let mut words: Vec<&str> = MONTHS.to_vec();
    if abbreviated {
        words.extend(MONTH_ABBREVIATIONS.iter().map(|(a, _)| *a));
    } else {
        words.push("Sept");
    }
    words.join("|")
}

/// Whether a lowercase word is a month's abbreviation ("jan", "sept").
pub fn is_month_abbreviation(lower: &str) -> bool {
    MONTH_ABBREVIATIONS
        .iter()
        .any(|(a, _)| a.eq_ignore_ascii_case(lower))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_abbreviations_give_their_month() {
        assert_eq!(month_number("January"), Some(1));
        assert_eq!(month_number("sept."), Some(9));
        assert_eq!(month_number("Dec"), Some(12));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Monday"), None);
        assert_eq!(month_number("Ma"), None, "too short to name a month");
        assert_eq!(month_number("NOVEMBER"), Some(11));
        for (abbreviation, month) in MONTH_ABBREVIATIONS {
            assert_eq!(month_number(abbreviation), Some(month), "{abbreviation}");
        }
    }

    #[test]
    fn alternations() {
        let full = month_alternation(false);
        assert!(full.starts_with("January|February") && full.ends_with("December|Sept"));
        let all = month_alternation(true);
        assert!(all.contains("|Jan|") && all.find("Sept") < all.find("|Sep|"));
        assert!(is_month_abbreviation("sept") && !is_month_abbreviation("may"));
    }
}
