//! Assembly: clues of segments become incidents. One incident may be told
//! across sentences; one sentence or list may tell several; statistics and
//! sums never become incidents.

use chrono::NaiveDate;

use super::casualties::{Casualty, Outcome};
use super::cues::Strength;
use super::dates::{resolve, DateExpr, DateMention, DateRange};
use super::places::PlaceMention;
use super::segment::Clues;
use crate::incident::{DatePrecision, EventType, Incident, Mention, Nationality, SideCounts};
use crate::lexicon::{PlaceKind, Side};

mod boundaries;
mod counts;
mod date;
mod event_type;
mod mention;
mod merge;
mod place;
use boundaries::assemble;
use counts::{add_to_tally, merge_counts, Tally};
use date::{
    clue_event_date, clue_framing_date, draft_dates, first_event_date, framing_date, is_anchored,
    resolve_mention,
};
use event_type::event_type;
use mention::{mentions, recalled, Told};
use merge::{absorb_sums, merge_countless_twins, pursued_group, share_statement_group, Sum};
use place::{choose_place, place_of_clue};

/// The clues of a text, as the stages' unit tests take them.
#[cfg(test)]
fn clues_of(text: &str) -> DocumentClues {
    let doc = crate::text::Document::new(text, None);
    let lower = crate::rules::LowerText::of(text);
    super::document_clues(&doc, lower.view(), super::Mode::Gated)
}

/// Every clue of `doc` as one incident's draft.
#[cfg(test)]
fn one_draft(doc: &DocumentClues) -> Draft {
    let mut draft = Draft::new(0, doc, None, Draft::default());
    for c in 1..doc.clues.len() {
        draft.push(c, doc, None);
    }
    draft
}

/// A date mention with the paragraph's explicit year before it.
#[derive(Debug, Clone, Copy)]
pub struct DatedMention {
    pub mention: DateMention,
    pub context_year: Option<i32>,
}

/// An incident being assembled from clues.
#[derive(Debug, Default)]
struct Draft {
    /// Indices of the clues it was read from; the first is the anchor.
    clues: Vec<usize>,
    /// Clues whose facts about militants (group, ties) belong to it.
    close: Vec<usize>,
    /// The summary that frames it (list lead-in or statistics before it).
    context: Option<usize>,
    /// A date given by a summary before it ("between December 17 and 18").
    context_date: Option<DatedMention>,
    /// Place inherited from the sentence it was split from.
    inherited_from: Option<usize>,
    /// The district of the incident told just before, when this one was
    /// told beside it ("The tragedy in Musakhel follows an attack near Noshki").
    skip_district: Option<String>,
    /// The incident it was split from: its place is the fallback.
    inherit_draft: Option<usize>,
    /// The group a summary before it named ("airstrikes on TTP hideouts").
    context_group: Option<String>,
    /// Read as clues are added, so that assembly stays linear.
    seen: Seen,
}

/// What a draft's clues have told so far.
#[derive(Debug, Default)]
struct Seen {
    /// The first province- or country-level place.
    coarse: Option<Place>,
    /// The place, once a clue names a district or locality.
    place: Option<Place>,
    first_date: Option<DateRange>,
    events: Vec<EventType>,
    counted: Vec<(Outcome, Side)>,
    /// The tally of the first NEAR clues, where a draft's toll is told.
    early_toll: Tally,
}

impl Draft {
    fn new(c: usize, doc: &DocumentClues, published: Option<NaiveDate>, frame: Draft) -> Draft {
        let mut draft = Draft {
            clues: Vec::new(),
            close: Vec::new(),
            ..frame
        };
        draft.push(c, doc, published);
        draft
    }

    /// Add a clue and read what it tells.
    fn push(&mut self, c: usize, doc: &DocumentClues, published: Option<NaiveDate>) {
        self.clues.push(c);
        self.close.push(c);
        let clue = &doc.clues[c];
        if self.clues.len() <= NEAR {
            add_to_tally(&mut self.seen.early_toll, clue);
        }
        for cue in &clue.cues {
            if !self.seen.events.contains(&cue.event) {
                self.seen.events.push(cue.event);
            }
        }
        for cas in clue.counts() {
            if !self.seen.counted.contains(&(cas.outcome, cas.side)) {
                self.seen.counted.push((cas.outcome, cas.side));
            }
        }
        if self.seen.first_date.is_none() {
            self.seen.first_date = clue_event_date(c, doc, published, None);
        }
        if self.seen.place.is_none() {
            let places = usable(self, clue);
            if !places.is_empty() {
                let place = place_of_clue(&places, clue);
                if place.district.is_none() && place.place.is_none() {
                    self.seen.coarse.get_or_insert(place);
                } else {
                    let conflict = self.seen.coarse.as_ref().is_some_and(|k| {
                        k.province.is_some()
                            && place.province.is_some()
                            && k.province != place.province
                    });
                    self.seen.place = Some(if conflict {
                        self.seen.coarse.clone().unwrap_or(place)
                    } else {
                        place
                    });
                }
            }
        }
    }
}

/// How many incidents either side of one are compared with it (as twins,
/// as parts of a sum), and how many of a draft's clues a new clue is
/// weighed against: a report tells a few dozen incidents at most, and
/// comparing each with every other made long documents quadratic.
const NEAR: usize = 64;

/// The indices of `out` within [`NEAR`] of `i`.
fn near(i: usize, len: usize) -> std::ops::Range<usize> {
    i.saturating_sub(NEAR)..(i + NEAR + 1).min(len)
}

/// Clues of a document plus the dated mentions of each clue.
pub struct DocumentClues {
    pub clues: Vec<Clues>,
    pub dates: Vec<Vec<DatedMention>>,
}

fn district_of(draft: &Draft) -> Option<String> {
    draft.seen.place.as_ref().and_then(|p| p.district.clone())
}

/// Usable places of a clue for this draft.
fn usable<'a>(draft: &Draft, clue: &'a Clues) -> Vec<&'a PlaceMention> {
    let places: Vec<&PlaceMention> = clue.usable_places().collect();
    match &draft.skip_district {
        Some(skip)
            if places
                .iter()
                .any(|p| p.district.as_ref().is_some_and(|d| d != skip)) =>
        {
            places
                .into_iter()
                .filter(|p| p.district.as_ref() != Some(skip))
                .collect()
        }
        _ => places,
    }
}

/// A district or locality among the draft's places.
fn has_specific_place(draft: &Draft) -> bool {
    draft
        .seen
        .place
        .as_ref()
        .is_some_and(|p| p.district.is_some() || p.place.is_some())
}

/// The resolved place of a draft.
#[derive(Debug, Clone, Default, PartialEq)]
struct Place {
    country: Option<String>,
    province: Option<String>,
    district: Option<String>,
    place: Option<String>,
    /// Told across several districts: no district, and no dateline stands in.
    spans_districts: bool,
}

/// The incident says it happened where the one before did ("in the same
/// area", "in the same district", "a follow-up operation", "the next day").
fn follows_previous(draft: &Draft, doc: &DocumentClues, text: &str) -> bool {
    let anchor = &doc.clues[draft.clues[0]];
    mention::outside().is_match(
        crate::rules::rule::FollowUp,
        &text[anchor.start..anchor.end],
    ) || is_anchored(draft, doc)
}

/// The draft told just before this one.
fn drafts_before(draft: &Draft, drafts: &[Draft]) -> Option<usize> {
    // Drafts are made in the order of their first clues: a binary search
    // finds it, where a scan from the end for every draft was quadratic.
    drafts
        .partition_point(|d| d.clues[0] < draft.clues[0])
        .checked_sub(1)
}

/// Where the evidence ends: the last sentence of the anchor's paragraph that
/// gave the incident a figure, a date, a place or a group, within ~800 bytes.
fn evidence_end(draft: &Draft, doc: &DocumentClues) -> usize {
    let anchor = &doc.clues[draft.clues[0]];
    draft
        .clues
        .iter()
        .map(|&c| &doc.clues[c])
        .filter(|clue| clue.start >= anchor.start && told_a_field(clue))
        .map(|clue| clue.end)
        .fold(anchor.end, usize::max)
}

/// Where the evidence starts: the first sentence any field was read from
/// (a scene set before the anchor, the clause a split clause came from).
fn evidence_start(draft: &Draft, doc: &DocumentClues) -> usize {
    let anchor = &doc.clues[draft.clues[0]];
    draft
        .inherited_from
        .iter()
        .map(|&c| &doc.clues[c])
        .filter(|clue| told_a_field(clue))
        .map(|clue| clue.start)
        .fold(anchor.start, usize::min)
}

/// Whether a clue gives the incident a field: a figure, an event's date, a
/// place, a group, a nationality or a named operation.
fn told_a_field(clue: &Clues) -> bool {
    clue.has_counts()
        || clue.counts().any(|k| k.zero)
        || clue.event_dates().next().is_some()
        || clue.has_specific_place()
        || clue.group.is_some()
        || !clue.nationalities.is_empty()
        || clue.operation.is_some()
}

/// Turn drafts into incidents.
pub fn incidents(
    doc: &DocumentClues,
    text: &str,
    published: Option<NaiveDate>,
) -> Vec<(Incident, usize, usize)> {
    let drafts = assemble(doc, text, published);
    let mut out: Vec<(Incident, usize, usize)> = Vec::new();
    // Which incidents count several events together.
    let mut sums: Vec<Option<Sum>> = Vec::new();
    // How each incident is told, for its `mention`.
    let mut told: Vec<Told> = Vec::new();
    // The statement that counted several events together, for each incident
    // told as one of them.
    let mut counted_in: Vec<Option<usize>> = Vec::new();
    // Which incidents go after the people of an attack told before.
    let mut pursues: Vec<bool> = Vec::new();
    // Which incidents the text sets apart from the one before ("in the same
    // district", "the following day"): never twins of it.
    let mut told_apart: Vec<bool> = Vec::new();
    // The place of the operation whose steps are being told, by paragraph.
    let mut operation_place: Option<(usize, Place)> = None;
    // The date "the same day" or "two days after" counts from: the last
    // day-dated incident or summary told before, with the clue it came from.
    let mut previous: Option<(DateRange, usize)> = None;
    for draft in &drafts {
        let summary_anchor = draft
            .context
            .filter(|&s| s < draft.clues[0] && previous.is_none_or(|(_, at)| s > at))
            .and_then(|s| {
                doc.dates[s]
                    .iter()
                    .filter(|d| framing_date(d))
                    .find_map(|d| resolve_mention(d, published, None))
            })
            .filter(|r| r.precision == DatePrecision::Day);
        let previous_range = summary_anchor.or(previous.map(|(r, _)| r));
        let mut place = choose_place(draft, doc).unwrap_or_default();
        if place.district.is_none() && place.place.is_none() {
            let parent = draft.inherit_draft.or_else(|| {
                follows_previous(draft, doc, text)
                    .then(|| drafts_before(draft, &drafts))
                    .flatten()
            });
            if let Some(parent) = parent.and_then(|i| choose_place(&drafts[i], doc)) {
                let same_country = place.country.is_none() || place.country == parent.country;
                if same_country && (place.province.is_none() || place.province == parent.province) {
                    place = parent;
                }
            }
        }
        // Steps of an operation told before, and the steps told after them
        // in the same paragraph, take its place.
        let paragraph = doc.clues[draft.clues[0]].paragraph;
        if place.province.is_none() {
            let step = draft.clues.iter().find(|&&c| doc.clues[c].operation_step);
            let told = match step {
                Some(&c) => operation_told_before(c, doc),
                None => operation_place
                    .as_ref()
                    .filter(|(p, _)| *p == paragraph)
                    .map(|(_, place)| place.clone()),
            };
            if let Some(told) = told {
                operation_place = Some((paragraph, told.clone()));
                place = told;
            }
        }
        let (counts, approximate) = merge_counts(draft, doc);
        let range = draft_dates(draft, doc, published, previous_range);
        let from_text = range.is_some_and(|r| r.precision != DatePrecision::Published);
        let has_place =
            place.district.is_some() || place.province.is_some() || place.place.is_some();
        let has_violence =
            !counts.is_empty() || draft.close.iter().any(|&c| !doc.clues[c].cues.is_empty());
        let specific = place.district.is_some() || place.place.is_some();
        // A bare mention with neither figures, a date, nor a district is talk, not an incident.
        let vague = counts.is_empty() && !from_text && !specific;
        if !(has_place || from_text) || !has_violence || vague {
            continue;
        }
        if let Some(r) = range.filter(|r| {
            r.precision == DatePrecision::Day && (from_text || !is_anchored(draft, doc))
        }) {
            previous = Some((r, draft.clues[0]));
        }
        let country = place
            .country
            .clone()
            .or_else(|| Some("Pakistan".to_string()));
        let event = event_type(draft, doc, &counts, country.as_deref());
        let get = |o: Outcome, s: Side| counts.get(&(o, s)).map(|v| v.0);
        let side_counts = |o: Outcome| SideCounts {
            security: get(o, Side::Security),
            civilians: get(o, Side::Civilians),
            militants: get(o, Side::Militants),
            unknown: get(o, Side::Unknown),
        };
        let arrested = [
            Side::Security,
            Side::Civilians,
            Side::Militants,
            Side::Unknown,
        ]
        .iter()
        .filter_map(|s| get(Outcome::Arrested, *s))
        .fold(None, |acc: Option<u32>, v| {
            Some(acc.unwrap_or(0).saturating_add(v))
        });
        let close = || draft.close.iter().map(|&c| &doc.clues[c]);
        let mut nationalities: Vec<Nationality> = Vec::new();
        for (name, count) in close().flat_map(|c| c.nationalities.iter()) {
            match nationalities.iter_mut().find(|n| &n.nationality == name) {
                Some(n) => n.count = n.count.or(*count),
                None => nationalities.push(Nationality {
                    nationality: name.clone(),
                    count: *count,
                }),
            }
        }
        // "90% of the terrorists killed were Afghan nationals".
        let dead_militants = get(Outcome::Killed, Side::Militants);
        for (name, pct) in close().flat_map(|c| c.nationality_shares.iter()) {
            let Some(base) = dead_militants else { break };
            // In u64: a share of a count near u32::MAX overflowed.
            let share = (u64::from(base) * u64::from(*pct) + 50) / 100;
            let count = u32::try_from(share).unwrap_or(u32::MAX);
            match nationalities.iter_mut().find(|n| &n.nationality == name) {
                Some(n) => n.count = n.count.or(Some(count)),
                None => nationalities.push(Nationality {
                    nationality: name.clone(),
                    count: Some(count),
                }),
            }
        }
        let cross_border = close().any(|c| c.cross_border)
            || !nationalities.is_empty()
            || event == EventType::CrossBorderAttack
            || event == EventType::BorderInfiltration;
        let incident = Incident {
            published,
            date_start: range.map(|r| r.start),
            date_end: range.map(|r| r.end),
            date_precision: range.map(|r| r.precision),
            country,
            province: place.province.clone(),
            district: place.district.clone(),
            place: place
                .place
                .clone()
                .filter(|p| Some(p) != place.district.as_ref()),
            event_type: Some(event),
            killed: side_counts(Outcome::Killed),
            injured: side_counts(Outcome::Injured),
            arrested,
            approximate,
            militant_group: close()
                .find_map(|c| c.group.clone())
                .or_else(|| draft.context_group.clone())
                .and_then(|g| state_forces(g, range, published)),
            militant_nationalities: nationalities,
            cross_border,
            operation: close().find_map(|c| c.operation.clone()),
            ..Default::default()
        };
        told.push(Told::of(draft, doc, text, range, published));
        counted_in.push(draft.context.filter(|&k| doc.clues[k].counted_events));
        pursues.push(draft.close.iter().any(|&c| doc.clues[c].pursuit));
        told_apart.push(follows_previous(draft, doc, text));
        out.push((
            incident,
            evidence_start(draft, doc),
            evidence_end(draft, doc),
        ));
        sums.push(draft.clues.iter().find_map(|&c| {
            let clue = &doc.clues[c];
            let events = clue.event_sum?;
            let areas = clue
                .usable_places()
                .flat_map(|p| [p.district.clone(), p.province.clone()])
                .flatten()
                .collect();
            let districts = clue.districts().into_iter().map(str::to_string).collect();
            Some(Sum {
                events,
                areas,
                districts,
            })
        }));
    }
    for (incident, mention) in out.iter_mut().zip(mentions(&told)) {
        incident.0.mention = Some(mention);
    }
    share_statement_group(&mut out, &counted_in);
    pursued_group(&mut out, &pursues);
    merge_countless_twins(&mut out, &mut sums, &told_apart);
    absorb_sums(&mut out, &sums);
    out
}

/// "Operations in different parts of Khyber Pakhtunkhwa ... During the
/// operations, forces caught two facilitators": a step of an operation
/// takes the place told for the operation.
fn operation_told_before(c: usize, doc: &DocumentClues) -> Option<Place> {
    doc.clues[..c].iter().rev().find_map(|clue| {
        let operation = clue.operation_told
            || clue
                .cues
                .iter()
                .any(|k| k.event == EventType::SecurityOperation);
        let places: Vec<&PlaceMention> = clue.usable_places().collect();
        if !operation || places.is_empty() {
            return None;
        }
        Some(place_of_clue(&places, clue)).filter(|p| p.province.is_some())
    })
}

/// A figure that only adds up incidents the text tells separately is not an
/// incident: drop it, and let the parts inherit what it knew.
/// Afghan state forces are `Afghan Taliban` from 15 August 2021 (SPEC); an
/// earlier incident's "Afghan troops" name no group.
fn state_forces(
    group: String,
    range: Option<DateRange>,
    published: Option<NaiveDate>,
) -> Option<String> {
    if group != super::cues::AFGHAN_FORCES {
        return Some(group);
    }
    let takeover = NaiveDate::from_ymd_opt(2021, 8, 15)?;
    let when = range.map(|r| r.start).or(published);
    when.is_none_or(|d| d >= takeover)
        .then(|| "Afghan Taliban".to_string())
}

/// The clue indices of each draft (a developer aid).
pub fn draft_clues(
    doc: &DocumentClues,
    text: &str,
    published: Option<NaiveDate>,
) -> Vec<Vec<usize>> {
    assemble(doc, text, published)
        .into_iter()
        .map(|d| d.clues)
        .collect()
}
