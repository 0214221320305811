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

mod counts;
mod date;
mod event_type;
mod mention;
mod merge;
mod place;
use counts::{add_to_tally, merge_counts, Tally};
use date::{
    clue_event_date, clue_framing_date, draft_dates, first_event_date, framing_date, is_anchored,
    resolve_mention,
};
use event_type::event_type;
use mention::{mentions, recalled_regex, Told};
use merge::{absorb_sums, merge_countless_twins, pursued_group, share_statement_group, Sum};
use place::{choose_place, place_of_clue};

/// The clues of a text, as the stages' unit tests take them.
#[cfg(test)]
fn clues_of(text: &str) -> DocumentClues {
    let doc = crate::text::Document::new(text, None);
    super::document_clues(&doc, &text.to_ascii_lowercase())
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

/// "A follow-up operation ... killed five terrorists": an event of its own,
/// with figures for people the incident in hand has not counted.
fn follow_up_with_own_figures(c: usize, current: &Draft, doc: &DocumentClues) -> bool {
    let clue = &doc.clues[c];
    if !clue.singular_event || !clue.has_counts() {
        return false;
    }
    let known = &current.seen.counted;
    // "an operation had arrested four members of the cell behind the
    // attack": arrests after an attack are a follow-up of their own.
    let arrests = clue.counts().all(|k| k.outcome == Outcome::Arrested)
        && clue
            .cues
            .iter()
            .any(|k| k.event == EventType::SecurityOperation)
        && !known.iter().any(|(o, _)| *o == Outcome::Arrested);
    let after_attack = !current.seen.events.is_empty()
        && !current.seen.events.contains(&EventType::SecurityOperation);
    if arrests && after_attack {
        return true;
    }
    !known.is_empty()
        && clue
            .counts()
            .all(|cas| !known.contains(&(cas.outcome, cas.side)))
}

/// "The successful operation in the Sambaza area of Zhob ... The
/// consecutive operations led to the killing of 50": a sentence that sets
/// the scene of the first incident, naming its place but no figure of its
/// own, lends that place.
fn scene_before(
    c: usize,
    current: Option<usize>,
    drafts: &[Draft],
    doc: &DocumentClues,
) -> Option<usize> {
    let before = c.checked_sub(1)?;
    let (scene, clue) = (&doc.clues[before], &doc.clues[c]);
    // Asked only when there is no draft yet: a scan of every draft for
    // every clue made long documents quadratic.
    let taken = || drafts.iter().any(|d| d.clues.contains(&before));
    let same_kind = scene
        .cues
        .iter()
        .any(|k| clue.cues.iter().any(|m| m.event == k.event));
    (current.is_none()
        && drafts.is_empty()
        && !taken()
        && !scene.summary
        && !scene.negated
        && scene.has_specific_place()
        && same_kind)
        .then_some(before)
}

/// Whether clue `c` tells a new event rather than more of `current`.
fn starts_new(
    c: usize,
    current: &Draft,
    doc: &DocumentClues,
    published: Option<NaiveDate>,
) -> bool {
    let clue = &doc.clues[c];
    // "Later, one of the injured soldiers succumbed": the wounded of the
    // incident in hand, whatever day they died.
    let wounded_told = current
        .seen
        .counted
        .iter()
        .any(|(o, _)| *o == Outcome::Injured);
    if wounded_told
        && !clue.list_item
        && !clue.has_specific_place()
        && clue.has_counts()
        && clue.counts().all(|k| k.died_of_wounds)
    {
        return false;
    }
    let retold_here =
        clue.retold && district_of(current).is_some_and(|d| clue.districts().contains(&d.as_str()));
    if clue.list_item || clue.split_clause || clue.new_event && !retold_here {
        return true;
    }
    // The new clue is weighed against the draft's first NEAR clues only: a
    // run-on document can give one draft thousands, and reading them all
    // for each new clue made its assembly quadratic.
    let first_clues = || current.clues.iter().take(NEAR);
    // After "ten killed in three operations", each operation told is its own.
    let sum_in_hand = first_clues().any(|&k| doc.clues[k].event_sum.is_some());
    if sum_in_hand && clue.tells_event() && clue.event_sum.is_none() {
        return true;
    }
    let current_district = district_of(current);
    let districts = clue.districts();
    if let (Some(cd), false) = (&current_district, districts.is_empty()) {
        if !districts.iter().any(|d| d == cd) {
            return true;
        }
    }
    if current_district.is_none() && clue.has_specific_place() && has_specific_place(current) {
        return true;
    }
    // "three killed in encounters in Bannu and Dera Ismail Khan ... five
    // more in engagements in Khyber and South Waziristan": other districts
    // than any the incident in hand was told in.
    if current_district.is_none() && !districts.is_empty() {
        let told: Vec<&str> = current
            .clues
            .iter()
            .flat_map(|&k| doc.clues[k].districts())
            .collect();
        if !told.is_empty() && districts.iter().all(|d| !told.contains(d)) {
            return true;
        }
    }
    // Another province or country than the one in hand.
    let known = current.seen.place.as_ref().or(current.seen.coarse.as_ref());
    let places: Vec<&PlaceMention> = clue.usable_places().collect();
    if let (Some(k), false) = (known, places.is_empty()) {
        let told = place_of_clue(&places, clue);
        let province_differs =
            k.province.is_some() && told.province.is_some() && told.province != k.province;
        let country_differs =
            k.country.is_some() && told.country.is_some() && told.country != k.country;
        if (province_differs || country_differs) && clue.has_specific_place() {
            return true;
        }
    }
    // "... had ambushed a police van in the Gurguri area": another locality
    // of the district, with an earlier deed or figures of its own.
    let current_place = current.seen.place.as_ref().and_then(|p| p.place.clone());
    let other_locality = clue
        .usable_places()
        .filter(|p| p.kind == PlaceKind::Locality && !p.road && !p.container)
        .filter_map(|p| p.place.as_deref())
        .any(|p| current_place.as_deref().is_some_and(|q| q != p));
    let new_figures = clue.has_counts()
        && clue
            .counts()
            .all(|k| !current.seen.counted.contains(&(k.outcome, k.side)));
    if other_locality && (clue.earlier_told || new_figures) && !clue.response {
        return true;
    }
    // After "attacks hit the province at 12 locations", a paragraph telling
    // "an attack" at a locality of its own is the next of them.
    let last_paragraph = current.clues.last().map(|&k| doc.clues[k].paragraph);
    let breakdown_item = current.context.is_some_and(|k| doc.clues[k].many_places)
        && last_paragraph.is_some_and(|p| p != clue.paragraph)
        && clue.singular_event
        && !clue.reference
        && clue
            .usable_places()
            .filter(|p| p.kind == PlaceKind::Locality && !p.road && !p.container)
            .filter_map(|p| p.place.as_deref())
            .any(|p| current_place.as_deref() != Some(p));
    if breakdown_item {
        return true;
    }
    // "On Monday, the minister said the death toll had risen to 54": an
    // update of the incident in hand.
    if clue.has_counts() && clue.counts().all(|k| k.update) && !clue.has_specific_place() {
        return false;
    }
    // "Pakistani forces retaliated overnight": the answer to the attack in
    // hand, whatever relative date it is told with.
    if clue.response && !clue.has_specific_place() && !clue.new_event {
        return false;
    }
    let current_range = first_event_date(current);
    let new_range = clue_framing_date(c, doc, published);
    if let (Some(a), Some(b)) = (current_range, new_range) {
        if b.end < a.start || a.end < b.start {
            return true;
        }
    }
    // Dates that cannot be resolved (no publication date) still differ.
    if current_range.is_none() || new_range.is_none() {
        let first_expr = |k: usize| {
            doc.dates[k]
                .iter()
                .find(|d| !d.mention.statement && framing_date(d))
                .map(|d| d.mention.expr)
        };
        let told = first_clues().find_map(|&k| first_expr(k));
        if let (Some(a), Some(b)) = (told, first_expr(c)) {
            if a != b && (current_range.is_none() && new_range.is_none()) {
                return true;
            }
        }
    }
    // Only a statement date so far: a date weeks away tells another event.
    if let (None, Some(b)) = (current_range, new_range) {
        let stated = first_clues().find_map(|&k| {
            doc.dates[k]
                .iter()
                .filter(|d| d.mention.statement)
                .find_map(|d| resolve_mention(d, published, None))
        });
        // "On the night of October 11, Afghan forces had opened fire": a
        // dated event told in the past perfect is an earlier one.
        let apart = if clue.earlier_told { 1 } else { 7 };
        if let Some(a) = stated {
            if (a.start - b.end).num_days() > apart || (b.start - a.end).num_days() > apart {
                return true;
            }
        }
    }
    false
}

/// The event types an incident's clues cue so far.
fn draft_events(draft: &Draft) -> &[EventType] {
    &draft.seen.events
}

/// The draft a definite reference names: the open one if it fits and is
/// near, else the first one of the named kind (reports elaborate on their
/// lead incident).
fn referenced_draft(
    c: usize,
    drafts: &[Draft],
    current: Option<usize>,
    doc: &DocumentClues,
) -> Option<usize> {
    let clue = &doc.clues[c];
    let kind = clue.reference_kind?;
    let near = |i: usize| {
        let last = *drafts[i].clues.last().unwrap_or(&c);
        clue.paragraph <= doc.clues[last].paragraph + 1
    };
    if let Some(i) = current.filter(|&i| kind.fits(draft_events(&drafts[i])) && near(i)) {
        return Some(i);
    }
    drafts
        .iter()
        .position(|d| kind.fits(draft_events(d)))
        .or_else(|| {
            // Nothing of that kind yet: the open incident, if told in this
            // paragraph or the one before.
            current.filter(|&i| near(i))
        })
}

/// A sentence without its own place or date, told after a background
/// incident from long ago, is about the lead incident again.
fn lead_for_background(
    i: usize,
    c: usize,
    drafts: &[Draft],
    doc: &DocumentClues,
    text: &str,
    published: Option<NaiveDate>,
) -> usize {
    let clue = &doc.clues[c];
    if i == 0 || clue.has_specific_place() || clue_framing_date(c, doc, published).is_some() {
        return i;
    }
    let old = |d: &Draft| match (d.seen.first_date, published) {
        (Some(r), Some(p)) => (p - r.end).num_days() > 60,
        _ => false,
    };
    // "The attack came a week after a blast in Mastung ...": an event
    // brought in for comparison; what follows is the lead's story again.
    let recalled = |d: &Draft| {
        let anchor = &doc.clues[d.clues[0]];
        anchor.paragraph < clue.paragraph
            && recalled_regex().is_match(&text[anchor.start..anchor.end].to_ascii_lowercase())
    };
    if (old(&drafts[i]) || recalled(&drafts[i])) && !old(&drafts[0]) {
        0
    } else {
        i
    }
}

/// Group clues into drafts.
fn assemble(doc: &DocumentClues, text: &str, published: Option<NaiveDate>) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut current: Option<usize> = None;
    let mut last_summary: Option<usize> = None;
    let mut summary_date: Option<DatedMention> = None;
    let mut summary_group: Option<String> = None;
    // A summary of separate events was just told: the next event is one of them.
    let mut breakdown = false;
    for (c, clue) in doc.clues.iter().enumerate() {
        let carries_summary = last_summary.is_some_and(|s| {
            doc.clues[s].paragraph == clue.paragraph
                && s + 1 == c
                && !clue.singular_event
                && !clue.has_specific_place()
                && clue_framing_date(c, doc, published).is_none()
        });
        let open_paragraph =
            current.map(|i| doc.clues[*drafts[i].clues.last().unwrap_or(&c)].paragraph);
        // "arrested five terrorists in IBOs": arrests told with plural
        // operations are one incident; tolls over plural events sum them.
        let arrests_only =
            clue.has_counts() && clue.counts().all(|k| k.outcome == Outcome::Arrested);
        // "killed more than 50 terrorists in consecutive operations between
        // 7 and 8 August": a toll of named days is one incident.
        let day_dated = clue.event_dates().any(|d| d.expr.names_day());
        let bare_summary = clue.bare_plural
            && current.is_none()
            && !arrests_only
            && !(day_dated && clue.has_counts() && !clue.counted_events);
        if clue.summary || bare_summary || carries_summary {
            last_summary = Some(c);
            let frames = clue.has_counts()
                || clue.counted_events
                || clue_framing_date(c, doc, published).is_some();
            if !clue.list_item && clue.list_lead.is_none() && clue.group.is_some() {
                match current {
                    // "Such attacks have risen; the military blames the TTP
                    // for them": background to the incident in hand names
                    // its group, not that of the incidents told after.
                    Some(i) if !frames && !clue.new_event && clue.blames => {
                        let draft = &mut drafts[i];
                        draft.context_group = draft.context_group.take().or(clue.group.clone());
                    }
                    _ => summary_group = clue.group.clone(),
                }
            }
            // "two more incidents reported on Saturday": with no other
            // date, the day they were reported dates them.
            let own = |statement: bool| {
                doc.dates[c]
                    .iter()
                    .find(|d| d.mention.statement == statement && framing_date(d))
            };
            if let Some(d) = own(false).or_else(|| own(true)) {
                summary_date = Some(*d);
            }
            // "Separately, four khwarij were killed in two engagements": what
            // follows tells those events, not more of the one in hand.
            // A summary of figures or dates opens a new part of the report;
            // one that only explains ("a string of incidents had taken place
            // in the area") leaves the incident in hand open.
            if open_paragraph.is_some_and(|p| p != clue.paragraph) && frames || clue.new_event {
                current = None;
            }
            breakdown = clue.new_event;
            continue;
        }
        // "condemned the attack": a reference without figures, a date or an
        // event of its own tells nothing new.
        // "In Nushki, terrorists stormed ... during the attack": a deed in
        // another district than the one in hand is told, not referred to.
        let deed_elsewhere = clue.has_specific_place()
            && clue.actor_deed
            && current
                .and_then(|i| district_of(&drafts[i]))
                .is_some_and(|d| {
                    let districts = clue.districts();
                    !districts.is_empty() && !districts.contains(&d.as_str())
                });
        let only_reference = clue.reference_kind.is_some()
            && !clue.has_counts()
            && !clue.singular_event
            && !deed_elsewhere
            && clue_framing_date(c, doc, published).is_none();
        let tells = clue.tells_event() && (drafts.is_empty() || !only_reference);
        let new = match current.map(|i| &drafts[i]) {
            None => tells,
            Some(draft) => {
                tells
                    && (starts_new(c, draft, doc, published)
                        || follow_up_with_own_figures(c, draft, doc))
            }
        };
        if new {
            let told_before = if std::mem::take(&mut breakdown) {
                None
            } else {
                same_event_told_before(c, &drafts, current, doc, published)
                    .or_else(|| same_toll_told_before(c, &drafts, current, doc))
            };
            if let Some(existing) = told_before {
                drafts[existing].push(c, doc, published);
                current = Some(existing);
                continue;
            }
            let skip_district = current.and_then(|i| district_of(&drafts[i])).filter(|d| {
                clue.event_sum.is_none()
                    && clue.districts().contains(&d.as_str())
                    && clue.districts().len() > 1
            });
            let inherits = clue.split_clause && !clue.comparison;
            let inherited_from = inherits
                .then(|| c.checked_sub(1))
                .flatten()
                .or_else(|| scene_before(c, current, &drafts, doc));
            let frame = Draft {
                context: clue.list_lead.or(last_summary),
                context_date: summary_date,
                inherited_from,
                skip_district,
                inherit_draft: if inherits { current } else { None },
                context_group: if clue.list_item {
                    None
                } else {
                    summary_group.clone()
                },
                ..Draft::default()
            };
            drafts.push(Draft::new(c, doc, published, frame));
            current = Some(drafts.len() - 1);
            if clue.event_sum.is_some() {
                // The events it counts, told next, take its date and place.
                last_summary = Some(c);
                // Without a date of its own it is dated as the statement
                // before it.
                let own = doc.dates[c]
                    .iter()
                    .find(|d| !d.mention.statement && framing_date(d))
                    .copied();
                summary_date = own.or(summary_date);
            }
            continue;
        }
        // Plural events told in passing ("a surge in targeted killings")
        // add nothing to the incident being told.
        let pollutes = clue.has_counts() || clue_framing_date(c, doc, published).is_some();
        // (With a district of its own, "killed 22 terrorists in operations in
        // Tirah since December 14" is an incident.)
        let placed = clue.has_specific_place() && clue.districts().len() <= 1;
        if clue.plural_events
            && clue.event_sum.is_none()
            && !clue.singular_event
            && !clue.list_item
            && clue.reference_kind.is_none()
            && pollutes
            && !(placed && clue.has_counts())
        {
            continue;
        }
        // A list item is told in its own line; what follows the list is
        // commentary, not more of the last item.
        if current.is_some_and(|i| doc.clues[drafts[i].clues[0]].list_item) && !clue.list_item {
            current = None;
        }
        let target = if clue.reference_kind.is_some() {
            referenced_draft(c, &drafts, current, doc)
        } else {
            current.map(|i| lead_for_background(i, c, &drafts, doc, text, published))
        };
        let Some(i) = target else { continue };
        let last = *drafts[i].clues.last().unwrap_or(&c);
        let same_paragraph = doc.clues[last].paragraph == clue.paragraph;
        let district = district_of(&drafts[i]);
        let districts = clue.districts();
        let conflicting_place = district.is_some()
            && !districts.is_empty()
            && !districts.iter().any(|x| Some(*x) == district.as_deref());
        let same_place =
            district.is_some() && districts.iter().any(|x| Some(*x) == district.as_deref());
        if conflicting_place {
            // "Gul Muhammad of Domail police station...": back to the
            // incident told earlier in that district, and on with it.
            let provinces: Vec<&str> = clue
                .usable_places()
                .filter_map(|p| p.province.as_deref())
                .collect();
            // Among the last NEAR drafts: a scan of every draft for each
            // clue naming another district made long documents quadratic.
            let recent = drafts.len().saturating_sub(NEAR);
            let earlier = drafts[recent..].iter().position(|d| match district_of(d) {
                Some(x) => districts.contains(&x.as_str()),
                // "In Mastung, the explosion took place ...": the blast told
                // only by its province.
                None => d
                    .seen
                    .coarse
                    .as_ref()
                    .and_then(|k| k.province.as_deref())
                    .is_some_and(|p| provinces.contains(&p)),
            });
            let earlier = earlier.map(|k| recent + k);
            if let Some(k) = earlier.filter(|&k| k != i && !doc.clues[drafts[k].clues[0]].list_item)
            {
                drafts[k].push(c, doc, published);
                current = Some(k);
                continue;
            }
            if !clue.reference {
                continue;
            }
        }
        if (clue.eventive() && Some(i) == current) || same_paragraph || clue.reference || same_place
        {
            drafts[i].push(c, doc, published);
        }
    }
    drafts
}

/// A clue that refers to an incident told before ("The Bannu attack must
/// be seen ...", "the incident was a suicide blast") tells it again.
fn same_event_told_before(
    c: usize,
    drafts: &[Draft],
    current: Option<usize>,
    doc: &DocumentClues,
    published: Option<NaiveDate>,
) -> Option<usize> {
    let clue = &doc.clues[c];
    if clue.list_item
        || clue.split_clause
        || clue.new_event
        || !clue.reference
        || clue.has_counts() && current.is_some()
    {
        return None;
    }
    let districts = clue.districts();
    if districts.len() > 1 {
        return None;
    }
    let range = clue_event_date(c, doc, published, None);
    let matches = |i: usize, d: &Draft| {
        if Some(i) == current && !districts.is_empty() {
            return false;
        }
        let place_ok = match districts.first() {
            Some(x) => district_of(d).as_deref() == Some(*x),
            // "six terrorists attacked the security post": a definite
            // reference with no kind returns to the lead incident.
            None => match clue.reference_kind {
                Some(k) => k.fits(draft_events(d)),
                None => i == 0,
            },
        };
        let other = first_event_date(d);
        let date_ok = match (range, other) {
            (Some(a), Some(b)) => !(a.end < b.start || b.end < a.start),
            // A reference by name alone may date an undated incident.
            (Some(_), None) => districts.is_empty(),
            _ => true,
        };
        place_ok && date_ok
    };
    if districts.is_empty() {
        // Only a reference: the lead incident of its kind.
        return referenced_draft(c, drafts, current, doc)
            .or_else(|| (clue.reference_kind.is_none() && !drafts.is_empty()).then_some(0))
            .filter(|&i| matches(i, &drafts[i]));
    }
    // Only incidents told recently can be told again by name.
    let recent = drafts.len().saturating_sub(64);
    drafts
        .iter()
        .enumerate()
        .skip(recent)
        .rev()
        .find_map(|(i, d)| matches(i, d).then_some(i))
}

/// "Eight terrorists were killed in a joint operation in Karak ... [another
/// event in Karak] ... eight militants were killed in a gunfight with law
/// enforcers": the same figures in the same district, told again after
/// another event, belong to the earlier incident.
fn same_toll_told_before(
    c: usize,
    drafts: &[Draft],
    current: Option<usize>,
    doc: &DocumentClues,
) -> Option<usize> {
    let clue = &doc.clues[c];
    if clue.list_item || clue.new_event || !clue.has_counts() {
        return None;
    }
    let told: Vec<(Outcome, Side, u32)> = clue
        .counts()
        .filter(|k| !k.zero)
        .map(|k| (k.outcome, k.side, k.value))
        .collect();
    let districts = clue.districts();
    // The last NEAR drafts only: a restatement follows closely, and a scan
    // of every draft for each clue would be quadratic in the text.
    let recent = drafts.len().saturating_sub(NEAR);
    drafts
        .iter()
        .enumerate()
        .skip(recent)
        .rev()
        .find_map(|(i, d)| {
            if Some(i) == current {
                return None;
            }
            let same_place = match (district_of(d), districts.as_slice()) {
                (Some(x), []) => current.and_then(|k| district_of(&drafts[k])) == Some(x),
                (Some(x), named) => named.contains(&x.as_str()),
                _ => false,
            };
            if !same_place {
                return None;
            }
            // A draft's toll is told in its first clues; a draft of thousands
            // (a run-on list) is not summed again for every clue.
            let counts = &d.seen.early_toll;
            let same_toll = told
                .iter()
                .all(|(o, s, v)| counts.get(&(*o, *s)).is_some_and(|(n, _)| n == v));
            same_toll.then_some(i)
        })
}

fn follow_up_regex() -> &'static crate::extract::rx::Rule {
    static RE: std::sync::OnceLock<crate::extract::rx::Rule> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        super::rx::compile(r"(?i)\b(?:in\s+the\s+(?:same\s+)?area|same\s+(?:area|district|tehsil|locality|village|town|neighbourhood|neighborhood)|surrounding\s+(?:areas?|mountains|villages|hills)|follow-?up|subsequently|in\s+the\s+vicinity|nearby\s+(?:areas?|villages))\b")
            .expect("valid regex")
    })
}

/// The incident says it happened where the one before did ("in the same
/// area", "in the same district", "a follow-up operation", "the next day").
fn follows_previous(draft: &Draft, doc: &DocumentClues, text: &str) -> bool {
    let anchor = &doc.clues[draft.clues[0]];
    follow_up_regex().is_match(&text[anchor.start..anchor.end]) || is_anchored(draft, doc)
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
