//! Documents: the publication-date header, paragraphs, sentences, list
//! items, and byte -> character offsets.

use crate::rules::{rule, Matching};
use chrono::NaiveDate;

pub mod literal;

/// A span of the document, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One unit of text the extractors read: a sentence, or one item of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub span: Span,
    pub paragraph: usize,
    /// Items of one list share their lead-in sentence's index here.
    pub list_lead: Option<usize>,
    /// True for the first segment of a paragraph.
    pub paragraph_start: bool,
}

/// A document split into segments, with its publication date.
#[derive(Debug)]
pub struct Document<'a> {
    pub text: &'a str,
    pub published: Option<NaiveDate>,
    /// Where the body starts (after a date header).
    pub body_start: usize,
    pub segments: Vec<Segment>,
}

/// The ` date YYYY-MM-DD ` header: its date (if valid) and where the body starts.
pub fn date_header(text: &str) -> Option<(Option<NaiveDate>, usize)> {
    let caps = Matching::own().captures(rule::DateHeader, text)?;
    let year = caps[1].parse().ok()?;
    let month = caps[2].parse().ok()?;
    let day = caps[3].parse().ok()?;
    Some((
        NaiveDate::from_ymd_opt(year, month, day),
        caps.get(0)?.end(),
    ))
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "gen", "lt", "col", "maj", "capt", "cpt", "brig", "sgt", "no", "nos", "dr", "mr", "mrs", "ms",
    "st", "gov", "govt", "vs", "etc", "approx", "dept", "insp", "supt", "hon", "prof", "sr", "jr",
    "rs", "inc", "co", "corp", "ltd", "i.e", "e.g", "u.s", "u.n", "u.k", "fig", "mt", "pvt", "hav",
];

fn is_abbreviation(word: &str) -> bool {
    let lower = word
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    if lower.is_empty() {
        return false;
    }
    // Initials and dotted abbreviations: "D.I", "A", "U.S".
    if lower.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
        && lower.split('.').all(|p| p.len() <= 1)
    {
        return true;
    }
    ABBREVIATIONS.contains(&lower.as_str())
        || crate::lexicon::calendar::is_month_abbreviation(&lower)
}

/// Whether the period at byte `dot` ends a sentence.
fn period_ends_sentence(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    // The boundary may be a multi-byte space (U+200A): step over the whole char.
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    if word.chars().all(|c| c.is_ascii_digit())
        && text[dot + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    !is_abbreviation(word)
}

/// Split one paragraph (a byte range) into sentence spans.
fn split_sentences(text: &str, start: usize, end: usize) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut sentence_start = start;
    let bytes = text.as_bytes();
    let mut i = start;
    // Jump from one sentence mark to the next.
    while let Some(skip) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..end]) {
        i += skip;
        let b = bytes[i];
        let mut j = i + 1;
        // Closing quotes and brackets stay with the sentence.
        while j < end && matches!(bytes[j], b'"' | b'\'' | b')') {
            j += 1;
        }
        let closing = text[j..end].chars().next();
        let closing_quote = matches!(closing, Some('’') | Some('”'));
        if closing_quote {
            j += closing.map(char::len_utf8).unwrap_or(0);
        }
        let next_is_space = text[j..end].starts_with(char::is_whitespace);
        let after = text[j..end].trim_start();
        let next_starts_sentence = after
            .chars()
            .next()
            .map(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'(".contains(c))
            .unwrap_or(false);
        let ends =
            next_is_space && next_starts_sentence && (b != b'.' || period_ends_sentence(text, i));
        if ends {
            push_bounded(text, sentence_start, j, &mut spans);
            sentence_start = j;
        }
        i = j.max(i + 1);
    }
    push_bounded(text, sentence_start, end, &mut spans);
    spans
}

/// The longest segment the extractors read, in bytes. Their rules weigh
/// the words of a segment against each other (each count against the
/// predicates after it, each date against the dates it may overlap), so
/// their work grows with the square of its length: a run-on "sentence" of
/// a megabyte took seconds. Real sentences are far shorter (the longest of
/// the evaluation set has 903 bytes), so cutting longer ones into pieces
/// changes nothing on reports and keeps the parse linear in the text.
pub const MAX_SEGMENT: usize = 2_000;

/// Push the sentence `text[start..end]`, trimmed, as pieces of at most
/// [`MAX_SEGMENT`] bytes: each piece ends after the last semicolon, else
/// comma, else space of its second half, else on a character boundary.
fn push_bounded(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let mut start = start;
    while end - start > MAX_SEGMENT {
        let mut limit = start + MAX_SEGMENT;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let half = start + MAX_SEGMENT / 2;
        let window = &text.as_bytes()[half..limit];
        let after = |b: u8| window.iter().rposition(|&c| c == b).map(|i| half + i + 1);
        let cut = after(b';')
            .or_else(|| after(b','))
            .or_else(|| after(b' '))
            .unwrap_or(limit);
        push_trimmed(text, start, cut, out);
        start = cut;
    }
    push_trimmed(text, start, end, out);
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if start + lead < end - trail {
        out.push(Span {
            start: start + lead,
            end: end - trail,
        });
    }
}

/// Split a sentence holding a list ("...: a) ..., b) ...") into its lead-in
/// and items. Needs at least two markers in sequence (a then b, 1 then 2).
fn split_list(text: &str, span: Span) -> Option<Vec<Span>> {
    let slice = &text[span.start..span.end];
    // Every marker closes with a parenthesis.
    if !slice.contains(')') {
        return None;
    }
    let mut markers: Vec<(usize, usize, String)> = Vec::new();
    for caps in Matching::own().captures_iter(rule::ListMarker, slice) {
        let whole = caps.get(0)?;
        let label = caps.get(1)?;
        let marker_start = label.start() - usize::from(slice[..label.start()].ends_with('('));
        markers.push((
            marker_start,
            whole.end(),
            label.as_str().to_ascii_lowercase(),
        ));
    }
    let sequential: Vec<&(usize, usize, String)> = {
        let mut kept = Vec::new();
        let mut expected: Option<char> = None;
        for m in &markers {
            let c = m.2.chars().next().unwrap_or(' ');
            let first = matches!(c, 'a' | '1') && m.2.len() == 1;
            let next = expected.map(|e| e == c && m.2.len() == 1).unwrap_or(false);
            if first && kept.is_empty() || next {
                kept.push(m);
                expected = char::from_u32(c as u32 + 1);
            }
        }
        kept
    };
    if sequential.len() < 2 {
        return None;
    }
    let mut spans = Vec::new();
    push_trimmed(text, span.start, span.start + sequential[0].0, &mut spans);
    for (k, m) in sequential.iter().enumerate() {
        let item_end = sequential.get(k + 1).map(|n| n.0).unwrap_or(slice.len());
        push_trimmed(text, span.start + m.1, span.start + item_end, &mut spans);
    }
    Some(spans)
}

impl<'a> Document<'a> {
    /// Split `text` into paragraphs, sentences and list items. The caller's
    /// `published` wins over a header or first-line date.
    pub fn new(text: &'a str, published: Option<NaiveDate>) -> Self {
        let header = date_header(text);
        let body_start = header.map_or(0, |(_, end)| end);
        let published = published.or_else(|| header.and_then(|(date, _)| date));
        let mut segments = Vec::new();
        let mut paragraph = 0;
        let mut line_lead: Option<usize> = None;
        let mut line_start = body_start;
        for line in text[body_start..].split_inclusive('\n') {
            let start = line_start;
            line_start += line.len();
            let end = start + line.trim_end().len();
            if text[start..end].trim().is_empty() {
                continue;
            }
            let mut first = true;
            // A paragraph opening with "a)" or "2)" is an item of a list
            // whose lead-in is the last paragraph that was not an item.
            let item_marker = Matching::own()
                .find(rule::ItemMarker, &text[start..end])
                .map(|m| m.end());
            if item_marker.is_none() {
                line_lead = None;
            }
            let mut item_start = item_marker.map(|m| start + m);
            for sentence in split_sentences(text, item_start.unwrap_or(start), end) {
                if item_start.take().is_some() {
                    let lead = *line_lead.get_or_insert_with(|| segments.len().saturating_sub(1));
                    segments.push(Segment {
                        span: sentence,
                        paragraph,
                        list_lead: (!segments.is_empty()).then_some(lead),
                        paragraph_start: first,
                    });
                    first = false;
                    continue;
                }
                match split_list(text, sentence) {
                    Some(parts) => {
                        let lead = segments.len();
                        for (k, part) in parts.into_iter().enumerate() {
                            segments.push(Segment {
                                span: part,
                                paragraph,
                                list_lead: (k > 0).then_some(lead),
                                paragraph_start: first,
                            });
                            first = false;
                        }
                    }
                    None => {
                        segments.push(Segment {
                            span: sentence,
                            paragraph,
                            list_lead: None,
                            paragraph_start: first,
                        });
                        first = false;
                    }
                }
            }
            paragraph += 1;
        }
        Document {
            text,
            published,
            body_start,
            segments,
        }
    }

    pub fn segment_text(&self, index: usize) -> &'a str {
        let span = self.segments[index].span;
        &self.text[span.start..span.end]
    }
}

/// The last `max` bytes (at most) of `text[start..at]`, on a char boundary:
/// context for "ends with" patterns without rescanning the whole sentence.
pub fn tail(text: &str, start: usize, at: usize, max: usize) -> &str {
    &text[tail_start(text, start, at, max)..at]
}

/// Whether `text` starts with `prefix` in any ASCII case, without the
/// lowercased copy of `text` that `to_ascii_lowercase` would make.
pub fn starts_with_any_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `text` ends with `suffix` in any ASCII case.
pub fn ends_with_any_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Where [`tail`] begins.
pub fn tail_start(text: &str, start: usize, at: usize, max: usize) -> usize {
    let mut from = at.saturating_sub(max).max(start);
    while from < at && !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

/// Converts byte offsets to character offsets (Python `str` indices).
/// Non-ASCII text keeps the character count at every 4 KiB checkpoint, so
/// each lookup counts at most one block.
pub struct CharIndex<'a> {
    text: &'a str,
    checkpoints: Vec<(usize, u32)>,
}

const BLOCK: usize = 4096;

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::new();
        if !text.is_ascii() {
            let mut chars = 0u32;
            let mut at = 0usize;
            checkpoints.push((0, 0));
            while at < text.len() {
                let mut next = (at + BLOCK).min(text.len());
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                chars += text[at..next].chars().count() as u32;
                at = next;
                checkpoints.push((at, chars));
            }
        }
        CharIndex { text, checkpoints }
    }

    pub fn char_offset(&self, byte: usize) -> u32 {
        let byte = byte.min(self.text.len());
        if self.checkpoints.is_empty() {
            return byte as u32;
        }
        let k = self.checkpoints.partition_point(|(b, _)| *b <= byte) - 1;
        let (base, chars) = self.checkpoints[k];
        chars + self.text[base..byte].chars().count() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_suffixes_in_any_case() {
        assert!(starts_with_any_case("District Bannu", "district"));
        assert!(starts_with_any_case("DISTRICT", "district"));
        assert!(!starts_with_any_case("distr", "district"));
        assert!(!starts_with_any_case("the district", "district"));
        assert!(
            starts_with_any_case("Ünder", "Ü"),
            "non-ASCII bytes compare as they are"
        );
        assert!(ends_with_any_case("travelling FROM", "from"));
        assert!(!ends_with_any_case("om", "from"));
        assert!(!ends_with_any_case("fromage", "from"));
    }

    #[test]
    fn a_multibyte_space_before_a_period_is_no_char_boundary_trap() {
        // U+200A (3 bytes) right before the word that ends at the period.
        let text = "Forces met\u{200a}Col. Khan. Then";
        let dot = text.find(". Then").unwrap();
        assert!(period_ends_sentence(text, dot));
        let col = text.find(". Khan").unwrap();
        assert!(!period_ends_sentence(text, col));
    }

    fn sentences(text: &str) -> Vec<&str> {
        let doc = Document::new(text, None);
        (0..doc.segments.len())
            .map(|i| doc.segment_text(i))
            .collect()
    }

    #[test]
    fn run_on_sentences_are_cut_after_commas() {
        let text = "three soldiers and 4 civilians were killed, ".repeat(200);
        let pieces = sentences(&text);
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SEGMENT));
        assert!(pieces[..pieces.len() - 1].iter().all(|p| p.ends_with(',')));
        assert_eq!(pieces.join(" "), text.trim_end());
    }

    #[test]
    fn a_run_on_word_is_cut_on_char_boundaries() {
        let text = "é".repeat(3 * MAX_SEGMENT);
        let pieces = sentences(&text);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SEGMENT));
        assert_eq!(pieces.concat(), text);
    }

    #[test]
    fn sentences_up_to_the_bound_stay_whole() {
        let sentence = format!("{}.", "x".repeat(MAX_SEGMENT - 1));
        assert_eq!(sentences(&sentence), vec![sentence.as_str()]);
    }

    #[test]
    fn header_sets_published_and_is_skipped() {
        let doc = Document::new(" date 2025-03-05 Troops fired. Two died.", None);
        assert_eq!(doc.published, NaiveDate::from_ymd_opt(2025, 3, 5));
        assert_eq!(doc.segment_text(0), "Troops fired.");
    }

    #[test]
    fn malformed_header_gives_no_date() {
        let doc = Document::new(" date 2025-13-45 Troops fired.", None);
        assert_eq!(doc.published, None);
    }

    #[test]
    fn caller_date_wins() {
        let given = NaiveDate::from_ymd_opt(2024, 1, 2);
        let doc = Document::new(" date 2025-03-05 Text.", given);
        assert_eq!(doc.published, given);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let s = sentences("Lt. Gen. Ahmed spoke in D.I. Khan on Nov. 4, 2023. Troops moved in.");
        assert_eq!(
            s,
            vec![
                "Lt. Gen. Ahmed spoke in D.I. Khan on Nov. 4, 2023.",
                "Troops moved in."
            ]
        );
    }

    #[test]
    fn sentence_after_quote_splits() {
        let s = sentences("He said \"we won.\" Then he left.");
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn list_items_are_segments() {
        let s = sentences("Operations: a) Tank (3 May): 6 killed, b) Khyber (4 May): 2 killed.");
        assert_eq!(
            s,
            vec![
                "Operations:",
                "Tank (3 May): 6 killed,",
                "Khyber (4 May): 2 killed."
            ]
        );
    }

    #[test]
    fn list_items_on_their_own_lines() {
        let doc = Document::new(
            "Details are as follows:\na) Tank: 3 killed.\nb) Bannu: 2 killed.",
            None,
        );
        let leads: Vec<Option<usize>> = doc.segments.iter().map(|s| s.list_lead).collect();
        assert_eq!(leads, vec![None, Some(0), Some(0)]);
        assert_eq!(doc.segment_text(1), "Tank: 3 killed.");
    }

    #[test]
    fn paragraphs_are_lines() {
        let doc = Document::new("One here.\n\nTwo there.\nThree.", None);
        let paragraphs: Vec<usize> = doc.segments.iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, vec![0, 1, 2]);
    }

    #[test]
    fn char_offsets_in_long_non_ascii_text() {
        let text = "’x".repeat(5000);
        let idx = CharIndex::new(&text);
        for chars in [0usize, 1, 2, 4097, 9999] {
            let byte = text
                .char_indices()
                .nth(chars)
                .map_or(text.len(), |(b, _)| b);
            assert_eq!(idx.char_offset(byte), chars as u32);
        }
    }

    #[test]
    fn char_offsets_count_characters() {
        let text = "Pakistan’s army";
        let idx = CharIndex::new(text);
        let byte = text.find("army").unwrap();
        assert_eq!(idx.char_offset(byte), 11);
    }
}
