//! The two texts rules read, as types. A rule written `(?i)` runs on the
//! document ASCII-lowercased ([`Lowered`]), every other rule on the
//! document as written (`&str`). A rule's handle ([`super::Id`]) names its text,
//! so handing a rule the wrong one is a compile error, not a silent miss.
//!
//! ```
//! use incidentkit::rules::{rule, LowerText, Matching};
//! let lower = LowerText::of("According to the report, attacks rose");
//! assert!(Matching::plain().is_match(rule::Stats, lower.view()));
//! ```
//!
//! The document as written does not reach a rule for lowercased text:
//!
//! ```compile_fail
//! use incidentkit::rules::{rule, Matching};
//! Matching::plain().is_match(rule::Stats, "According to the report, attacks rose");
//! ```

use std::ops::Deref;
use std::slice::SliceIndex;

/// Text ASCII-lowercased: every byte offset is the offset of the same
/// character in the text it was made from. Made only by lowercasing
/// ([`LowerText`]) or by slicing another `Lowered`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lowered<'t>(&'t str);

impl<'t> Lowered<'t> {
    pub fn as_str(self) -> &'t str {
        self.0
    }

    /// A part of the text, itself lowercased.
    ///
    /// # Panics
    /// As slicing a `str` does, on a range outside it or not on character
    /// boundaries.
    pub fn slice<R: SliceIndex<str, Output = str>>(self, range: R) -> Lowered<'t> {
        Lowered(&self.0[range])
    }
}

impl Deref for Lowered<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.0
    }
}

/// A text ASCII-lowercased, owned: where [`Lowered`] views come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LowerText(String);

impl LowerText {
    pub fn of(text: &str) -> LowerText {
        LowerText(text.to_ascii_lowercase())
    }

    pub fn view(&self) -> Lowered<'_> {
        Lowered(&self.0)
    }
}

/// The text a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// The document as written.
    Original,
    /// The document ASCII-lowercased (same offsets): the rule is written
    /// `(?i)` and runs lowercased, which searches faster.
    Lower,
}

/// The text a rule reads, as a type: [`Lower`] or [`Original`].
pub trait Reads {
    /// The same, as a value (the rows' [`Text`]).
    const TEXT: Text;
    /// What a search of such a rule is given.
    type Hay<'h>: Copy;
    fn text<'h>(haystack: Self::Hay<'h>) -> &'h str;
}

/// Rules of the lowercased text.
#[derive(Debug, Clone, Copy)]
pub enum Lower {}

/// Rules of the text as written.
#[derive(Debug, Clone, Copy)]
pub enum Original {}

impl Reads for Lower {
    const TEXT: Text = Text::Lower;
    type Hay<'h> = Lowered<'h>;

    fn text<'h>(haystack: Self::Hay<'h>) -> &'h str {
        haystack.0
    }
}

impl Reads for Original {
    const TEXT: Text = Text::Original;
    type Hay<'h> = &'h str;

    fn text<'h>(haystack: Self::Hay<'h>) -> &'h str {
        haystack
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lowered_text_keeps_offsets_and_slices_stay_lowered() {
        let text = "In Dera Ismail Khan’s Kulachi area";
        let lower = LowerText::of(text);
        let view = lower.view();
        assert_eq!(view.len(), text.len());
        assert_eq!(view.slice(3..7).as_str(), "dera");
        assert!(!view.bytes().any(|b| b.is_ascii_uppercase()));
        assert_eq!(Lower::text(view.slice(24..)), "kulachi area");
    }
}
