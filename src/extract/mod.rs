//! From text to incidents.

pub mod assemble;
pub mod casualties;
pub mod cues;
pub mod dates;
pub mod nationality;
pub mod numbers;
pub mod places;
mod published;
pub mod segment;
pub mod tokens;
pub mod words;

use chrono::NaiveDate;

use crate::incident::Incident;
use crate::rules::{book, Answers, LowerText, Lowered, Scan};
use crate::text::{CharIndex, Document};
use assemble::{DatedMention, DocumentClues};
pub use published::stated_published;
use segment::{answer_all, answers_of, clause_split, read_clues, segment_texts, Position};

/// How the rules decide whether to search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// One scan of each segment for every rule's words; a rule searches
    /// only where they occur. The parse.
    Gated,
    /// Every rule searches every segment, where it is asked (no answers
    /// found ahead): the reference the gated parse must equal, for tests.
    Plain,
}

/// Read the clues of every segment (and split-off clause) of a document.
fn document_clues(doc: &Document<'_>, lower: Lowered<'_>, mode: Mode) -> DocumentClues {
    let book = book();
    let matcher = book.matcher();
    let text = doc.text;
    let mut clues = Vec::with_capacity(doc.segments.len());
    let mut dates = Vec::with_capacity(doc.segments.len());
    let mut paragraph_year: Option<(usize, i32)> = None;
    let mut lead_index: Vec<usize> = Vec::with_capacity(doc.segments.len());
    // One pass over each segment finds which rules' required words occur.
    let scans: Vec<Option<Scan>> = doc
        .segments
        .iter()
        .map(|seg| match mode {
            Mode::Gated => Some(book.scan(lower, seg.span.start, seg.span.end)),
            Mode::Plain => None,
        })
        .collect();
    let segments = segment_texts(book, &matcher, doc, lower, &scans);
    let answers = match mode {
        Mode::Gated => answer_all(&segments),
        Mode::Plain => Vec::new(),
    };
    for (k, (seg, &(rules, _, _))) in doc.segments.iter().zip(&segments).enumerate() {
        let (start, end) = (seg.span.start, seg.span.end);
        // The answers found ahead hold for the whole segment only.
        let whole = |s: usize, e: usize| {
            let known = answers.get(k).filter(|_| (s, e) == (start, end));
            rules.with_answers(known.map_or_else(Answers::unknown, answers_of))
        };
        let list_lead = seg.list_lead.map(|l| lead_index[l]);
        lead_index.push(clues.len());
        let split = clause_split(whole(start, end), text, lower, start, end)
            .filter(|_| seg.list_lead.is_none());
        // The segment whole, or its two clauses.
        let cut = split.map(|(at, _)| at);
        let pieces = std::iter::once((start, cut.unwrap_or(end), false))
            .chain(cut.map(|at| (at, end, true)));
        for (k, (s, e, split_off)) in pieces.enumerate() {
            let mut clue = read_clues(
                whole(s, e),
                text,
                lower,
                s,
                e,
                Position {
                    paragraph: seg.paragraph,
                    paragraph_start: seg.paragraph_start && k == 0 && seg.list_lead.is_none(),
                    list_lead,
                },
            );
            clue.split_clause = split_off;
            clue.comparison =
                split_off && split.is_some_and(|(_, j)| j == segment::ClauseJoin::Comparison);
            let own_event = match split.map(|(_, join)| join) {
                Some(segment::ClauseJoin::Contrast) => {
                    // "..., while two women were killed in Khost": a second place.
                    let areas = |c: &segment::Clues| -> Vec<String> {
                        c.usable_places()
                            .filter_map(|p| p.district.clone().or_else(|| p.province.clone()))
                            .collect()
                    };
                    let before = clues.last().map(areas).unwrap_or_default();
                    let after = areas(&clue);
                    clue.has_counts()
                        && !before.is_empty()
                        && !after.is_empty()
                        && after.iter().all(|a| !before.contains(a))
                }
                _ => clue.has_counts(),
            };
            if split_off && !own_event {
                // Nothing of its own: keep the sentence whole.
                if let Some(prev) = clues.last_mut() {
                    let prev: &mut segment::Clues = prev;
                    *prev = read_clues(
                        whole(prev.start, e),
                        text,
                        lower,
                        prev.start,
                        e,
                        Position {
                            paragraph: seg.paragraph,
                            paragraph_start: seg.paragraph_start,
                            list_lead,
                        },
                    );
                    let mut merged = Vec::new();
                    for m in &prev.dates {
                        merged.push(dated(*m, &mut paragraph_year, seg.paragraph));
                    }
                    if let Some(last) = dates.last_mut() {
                        *last = merged;
                    }
                }
                continue;
            }
            let mut mentions = Vec::with_capacity(clue.dates.len());
            for m in &clue.dates {
                mentions.push(dated(*m, &mut paragraph_year, seg.paragraph));
            }
            // "Two policemen were martyred in Bannu and a soldier in Lakki
            // Marwat on Monday": the day told once dates both clauses.
            let contrast = split.is_some_and(|(_, j)| j == segment::ClauseJoin::Contrast);
            if split_off && k == 1 && contrast {
                if let Some(first) = dates
                    .last_mut()
                    .filter(|d: &&mut Vec<DatedMention>| d.is_empty())
                {
                    first.extend(mentions.iter().filter(|d| !d.mention.statement).copied());
                }
            }
            clues.push(clue);
            dates.push(mentions);
        }
    }
    DocumentClues { clues, dates }
}

/// Attach the paragraph's last explicit year to a mention, then record the
/// mention's own year.
fn dated(
    mention: dates::DateMention,
    paragraph_year: &mut Option<(usize, i32)>,
    paragraph: usize,
) -> DatedMention {
    let context_year = paragraph_year
        .filter(|(p, _)| *p == paragraph)
        .map(|(_, y)| y);
    if let Some(y) = mention.explicit_year() {
        *paragraph_year = Some((paragraph, y));
    }
    DatedMention {
        mention,
        context_year,
    }
}

/// Parse one document into incidents. Without a `published` date the
/// document's own (a header, a first line, a publication line) is used.
pub fn parse_document(text: &str, published: Option<NaiveDate>, doc_id: &str) -> Vec<Incident> {
    parse_document_in(Mode::Gated, text, published, doc_id)
}

/// [`parse_document`] with the rules run as `mode` says.
pub fn parse_document_in(
    mode: Mode,
    text: &str,
    published: Option<NaiveDate>,
    doc_id: &str,
) -> Vec<Incident> {
    let doc = Document::new(text, published.or_else(|| stated_published(text)));
    let lower = LowerText::of(text);
    let clues = document_clues(&doc, lower.view(), mode);
    let chars = CharIndex::new(text);
    assemble::incidents(&clues, text, doc.published)
        .into_iter()
        .enumerate()
        .map(|(n, (mut incident, start, end))| {
            incident.doc_id = doc_id.to_string();
            incident.incident_id = format!("{doc_id}:{n}");
            incident.text = text[start..end].to_string();
            incident.start = chars.char_offset(start);
            incident.end = chars.char_offset(end);
            incident
        })
        .collect()
}

/// Every clue a document's segments give in `mode`, written out: the
/// gated and the plain parse must give the same.
pub fn clue_report(mode: Mode, text: &str, published: Option<NaiveDate>) -> String {
    let doc = Document::new(text, published.or_else(|| stated_published(text)));
    let lower = LowerText::of(text);
    let clues = document_clues(&doc, lower.view(), mode);
    format!("{:#?}\n{:#?}", clues.clues, clues.dates)
}

/// Print every clue of a document (a developer aid for `examples/debug_clues`).
pub fn debug_clues(text: &str, published: Option<NaiveDate>) {
    let doc = Document::new(text, published.or_else(|| stated_published(text)));
    let lower = LowerText::of(text);
    let clues = document_clues(&doc, lower.view(), Mode::Gated);
    for (i, c) in clues.clues.iter().enumerate() {
        println!(
            "#{i} p{} summary={} bare={} new={} ref={} eventive={} split={} | {}",
            c.paragraph,
            c.summary,
            c.bare_plural,
            c.new_event,
            c.reference,
            c.eventive(),
            c.split_clause,
            &text[c.start..c.end]
        );
        for cas in c.casualties.iter() {
            println!(
                "    casualty {:?} {:?} {} part={} zero={}",
                cas.outcome, cas.side, cas.value, cas.part, cas.zero
            );
        }
        for d in &clues.dates[i] {
            println!(
                "    date {:?} statement={} year={:?}",
                d.mention.expr, d.mention.statement, d.context_year
            );
        }
        for p in &c.places {
            println!(
                "    place {:?} {:?} {:?} excluded={} dateline={}",
                p.kind, p.district, p.place, p.excluded, p.dateline
            );
        }
        let cues: Vec<_> = c.cues.iter().map(|c| (c.event, c.strength)).collect();
        if !cues.is_empty() {
            println!(
                "    cues {cues:?} group={:?} xb={} nat={:?}",
                c.group, c.cross_border, c.nationalities
            );
        }
    }
    println!(
        "drafts {:?}",
        assemble::draft_clues(&clues, text, doc.published)
    );
}
