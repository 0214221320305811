//! Word tokens of a segment, with byte spans into the document.

use super::words::word_info;
use crate::rules::Lowered;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// One token: its span in the document and its lowercase form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    /// The text as written.
    pub raw: &'a str,
    /// ASCII-lowercased text (same byte length as `raw`).
    pub lower: &'a str,
    pub kind: TokenKind,
    /// The number the token writes ("1,200", "twenty-two"), read once here
    /// because every count rule asks for it at every token.
    pub value: Option<u32>,
    /// Casualty-rule word classes ([`super::words::class`]).
    pub classes: u16,
    /// The count phrase starting here, once read for the whole segment
    /// ([`super::numbers::read_counts`]); `None` until then. The casualty
    /// rules ask for it at the same token many times.
    pub count: Option<Option<Count>>,
}

/// A count read from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub value: u32,
    pub approximate: bool,
    /// First token of the phrase (including any bound words).
    pub first: usize,
    /// One past the last token of the phrase.
    pub next: usize,
}

/// Whether `word` is one of `words`. Comparing length and first byte before
/// the bytes skips almost every candidate without a call to `memcmp`, which
/// the word lists of the extractors otherwise spent a fifth of their time in.
#[inline]
pub fn word_in(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| same_word(word, w))
}

#[inline]
fn same_word(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.first() == b.first() && a == b
}

impl Token<'_> {
    #[inline]
    pub fn is(&self, word: &str) -> bool {
        same_word(self.lower, word)
    }

    #[inline]
    pub fn is_any(&self, words: &[&str]) -> bool {
        word_in(self.lower, words)
    }

    /// Whether the word is in any of the casualty-rule `classes`.
    #[inline]
    pub fn in_class(&self, classes: u16) -> bool {
        self.classes & classes != 0
    }

    pub fn is_capitalized(&self) -> bool {
        self.raw.chars().next().is_some_and(char::is_uppercase)
    }

    /// A clause boundary: sentence punctuation, semicolons, colons, dashes.
    pub fn is_clause_break(&self) -> bool {
        self.kind == TokenKind::Punct
            && matches!(
                self.raw,
                ";" | ":" | "." | "!" | "?" | "—" | "–" | "(" | ")"
            )
    }
}

/// "1,200" -> 1200; None for decimals ("3.5") and values past `u32`.
fn digits_value(raw: &str) -> Option<u32> {
    raw.bytes().filter(|&b| b != b',').try_fold(0u32, |n, b| {
        let digit = char::from(b).to_digit(10)?;
        n.checked_mul(10)?.checked_add(digit)
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether the mark `d` (followed by `rest`) joins the word before it into
/// one token: "twenty-two", "1,000", "D.I", "Pakistan's". `length` is the
/// word's length so far.
#[inline]
fn joins_word(d: char, rest: &str, all_digits: bool, length: usize) -> bool {
    let next = || rest.chars().next();
    match d {
        ',' => {
            all_digits
                && rest.len() >= 3
                && rest.as_bytes()[..3].iter().all(u8::is_ascii_digit)
                && !rest.as_bytes().get(3).is_some_and(u8::is_ascii_digit)
        }
        '.' => {
            next().is_some_and(|n| n.is_alphanumeric())
                && (all_digits && next().is_some_and(|n| n.is_ascii_digit())
                    || !all_digits && length <= 2)
        }
        '-' => !all_digits && next().is_some_and(is_word_char),
        '\'' | '’' => next().is_some_and(is_word_char),
        _ => false,
    }
}

/// How an ASCII byte begins or continues a token.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Byte {
    Space,
    Letter,
    Digit,
    /// A mark that may join the word around it (`joins_word`).
    Joiner,
    Other,
}

/// Every ASCII byte's role, so the common case costs one load instead of
/// decoding a char and asking its Unicode properties.
const ASCII_BYTES: [Byte; 128] = {
    let mut table = [Byte::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphabetic() {
            Byte::Letter
        } else if c.is_ascii_digit() {
            Byte::Digit
        } else if matches!(c, b',' | b'.' | b'-' | b'\'') {
            Byte::Joiner
        } else if matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            // The ASCII members of `char::is_whitespace`.
            Byte::Space
        } else {
            Byte::Other
        };
        b += 1;
    }
    table
};

/// The role and byte length of the char at byte `at` of `s` (a char
/// boundary before its end).
#[inline(always)]
fn role_at(s: &str, at: usize) -> (Byte, usize) {
    match s.as_bytes()[at] {
        b if b.is_ascii() => (ASCII_BYTES[usize::from(b)], 1),
        _ => wide_role_at(s, at),
    }
}

/// [`role_at`] outside ASCII: a char decoded and its properties asked.
#[cold]
#[inline(never)]
fn wide_role_at(s: &str, at: usize) -> (Byte, usize) {
    let c = s[at..].chars().next().unwrap_or(' ');
    let role = if c.is_whitespace() {
        Byte::Space
    } else if is_word_char(c) {
        Byte::Letter
    } else if c == '’' {
        Byte::Joiner
    } else {
        Byte::Other
    };
    (role, c.len_utf8())
}

/// Split `text[start..end]` into tokens. `lower` is the document lowercased
/// with `to_ascii_lowercase`, so byte offsets agree with `text`.
pub fn tokenize<'a>(text: &'a str, lower: Lowered<'a>, start: usize, end: usize) -> Vec<Token<'a>> {
    let lower = lower.as_str();
    let mut tokens = Vec::with_capacity((end - start) / 5 + 4);
    let slice = &text[start..end];
    let mut i = 0;
    while i < slice.len() {
        let (role, width) = role_at(slice, i);
        let tok_start = i;
        i += width;
        let kind = match role {
            Byte::Space => continue,
            Byte::Letter | Byte::Digit => {
                let mut all_digits = role == Byte::Digit;
                while i < slice.len() {
                    let (next, width) = role_at(slice, i);
                    let after = i + width;
                    match next {
                        Byte::Letter => all_digits = false,
                        Byte::Digit => {}
                        Byte::Joiner => {
                            let mark = slice[i..after].chars().next().unwrap_or(' ');
                            if !joins_word(mark, &slice[after..], all_digits, i - tok_start) {
                                break;
                            }
                        }
                        Byte::Space | Byte::Other => break,
                    }
                    i = after;
                }
                if all_digits {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                }
            }
            Byte::Joiner | Byte::Other => TokenKind::Punct,
        };
        let (tok_start, tok_end) = (start + tok_start, start + i);
        let raw = &text[tok_start..tok_end];
        let lower = &lower[tok_start..tok_end];
        let (classes, word_number) = word_info(lower);
        let value = match kind {
            TokenKind::Number => digits_value(raw),
            _ => word_number,
        };
        tokens.push(Token {
            start: tok_start,
            end: tok_end,
            raw,
            lower,
            kind,
            value,
            classes,
            count: None,
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::LowerText;

    fn words(text: &str) -> Vec<&str> {
        let lower: &'static LowerText = Box::leak(Box::new(LowerText::of(text)));
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        tokenize(text, lower.view(), 0, text.len())
            .into_iter()
            .map(|t| t.raw)
            .collect()
    }

    #[test]
    fn keeps_compounds_whole() {
        assert_eq!(
            words("twenty-two of 1,000 in D.I. Khan, Pakistan's 3.5"),
            vec![
                "twenty-two",
                "of",
                "1,000",
                "in",
                "D.I",
                ".",
                "Khan",
                ",",
                "Pakistan's",
                "3.5"
            ]
        );
    }

    #[test]
    fn numbers_are_read_once() {
        let text = "1,200 twenty-two 3.5 99999999999 killed";
        let lower = LowerText::of(text);
        let values: Vec<_> = tokenize(text, lower.view(), 0, text.len())
            .iter()
            .map(|t| t.value)
            .collect();
        assert_eq!(values, vec![Some(1200), Some(22), None, None, None]);
    }

    #[test]
    fn word_lists() {
        assert!(word_in("killed", &["dead", "killed"]));
        assert!(!word_in("kills", &["killed", "kill"]));
        assert!(!word_in("", &["a"]));
        assert!(word_in("", &[""]));
    }

    /// The spans and kinds the tokenizer gave when it decoded every char
    /// and asked its Unicode properties: the reference of the byte table.
    fn char_by_char(slice: &str) -> Vec<(usize, usize, TokenKind)> {
        let mut spans = Vec::new();
        let mut chars = slice.char_indices().peekable();
        while let Some((tok_start, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            let mut tok_end = tok_start + c.len_utf8();
            let kind = if is_word_char(c) {
                let mut all_digits = c.is_ascii_digit();
                while let Some(&(at, d)) = chars.peek() {
                    let after = at + d.len_utf8();
                    if is_word_char(d) {
                        all_digits &= d.is_ascii_digit();
                    } else if !joins_word(d, &slice[after..], all_digits, tok_end - tok_start) {
                        break;
                    }
                    chars.next();
                    tok_end = after;
                }
                if all_digits {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                }
            } else {
                TokenKind::Punct
            };
            spans.push((tok_start, tok_end, kind));
        }
        spans
    }

    fn spans(text: &str) -> Vec<(usize, usize, TokenKind)> {
        let lower = LowerText::of(text);
        tokenize(text, lower.view(), 0, text.len())
            .iter()
            .map(|t| (t.start, t.end, t.kind))
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn byte_table_splits_as_chars_do(text in "\\PC{0,80}") {
            proptest::prop_assert_eq!(spans(&text), char_by_char(&text));
        }

        #[test]
        fn byte_table_splits_reports_as_chars_do(
            text in "([A-Za-z0-9,.'’\\-]{1,6}|[ \u{a0}\n(:;—–\"]|é|١٢|²){0,40}"
        ) {
            proptest::prop_assert_eq!(spans(&text), char_by_char(&text));
        }
    }

    #[test]
    fn splits_punctuation() {
        assert_eq!(
            words("killed (6), injured: 3;"),
            vec!["killed", "(", "6", ")", ",", "injured", ":", "3", ";"]
        );
    }
}
