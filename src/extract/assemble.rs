//! Assembly: clues of segments become incidents. One incident may be told
//! across sentences; one sentence or list may tell several; statistics and
//! sums never become incidents.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::casualties::Outcome;
use super::cues::Strength;
use super::dates::{resolve, DateExpr, DateMention, DateRange};
use super::places::PlaceMention;
use super::segment::Clues;
use crate::incident::{DatePrecision, EventType, Incident, Nationality, SideCounts};
use crate::lexicon::{PlaceKind, Side};

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
}

/// Clues of a document plus the dated mentions of each clue.
pub struct DocumentClues {
    pub clues: Vec<Clues>,
    pub dates: Vec<Vec<DatedMention>>,
}

fn district_of(draft: &Draft, doc: &DocumentClues) -> Option<String> {
    choose_place(draft, doc).and_then(|p| p.district)
}

/// The usable places of a draft's clues, anchor first.
fn draft_places<'a>(draft: &Draft, doc: &'a DocumentClues) -> Vec<&'a PlaceMention> {
    let mut out: Vec<&PlaceMention> = Vec::new();
    for &c in draft.clues.iter().chain(draft.inherited_from.iter()) {
        out.extend(doc.clues[c].usable_places());
    }
    out
}

/// The resolved place of a draft.
#[derive(Debug, Clone, Default, PartialEq)]
struct Place {
    country: Option<String>,
    province: Option<String>,
    district: Option<String>,
    place: Option<String>,
}

fn place_from_mention(m: &PlaceMention) -> Place {
    Place {
        country: Some(m.country.to_string()),
        province: m.province.clone(),
        district: m.district.clone(),
        place: m.place.clone(),
    }
}

/// The incident's place: the first clue (anchor first) that names one; in it,
/// a district-level name wins over a province, and a locality of that
/// district gives `place`. Several districts in the anchor: district null.
fn choose_place(draft: &Draft, doc: &DocumentClues) -> Option<Place> {
    let order: Vec<usize> = draft.clues.iter().chain(draft.inherited_from.iter()).copied().collect();
    for c in order {
        let clue = &doc.clues[c];
        let places: Vec<&PlaceMention> = clue.usable_places().collect();
        if places.is_empty() {
            continue;
        }
        return Some(place_of_clue(&places, clue));
    }
    // A dateline is the place only when the text gives no other.
    draft.clues.iter().find_map(|&c| {
        let clue = &doc.clues[c];
        clue.places.iter().find(|p| p.dateline && !p.excluded).map(place_from_mention)
    })
}

fn place_of_clue(places: &[&PlaceMention], clue: &Clues) -> Place {
    let districts = clue.districts();
    let specific: Vec<&&PlaceMention> = places.iter().filter(|p| p.district.is_some() || p.place.is_some()).collect();
    if districts.len() > 1 {
        // A locality names its district itself ("Tirah, Khyber"): keep the
        // district that a locality and a district name agree on.
        let agreed = districts.iter().find(|d| {
            places.iter().filter(|p| p.district.as_deref() == Some(**d)).count() > 1
        });
        if let Some(d) = agreed {
            return place_in_district(places, d);
        }
        let first = places.iter().find(|p| p.district.is_some()).map(|p| p.district.clone()).unwrap_or_default();
        let provinces: Vec<Option<String>> = places.iter().filter(|p| p.district.is_some()).map(|p| p.province.clone()).collect();
        let shared = provinces.windows(2).all(|w| w[0] == w[1]);
        if clue.list_item || !coordinated_districts(clue) {
            return place_in_district(places, first.as_deref().unwrap_or(""));
        }
        return Place {
            country: Some(places[0].country.to_string()),
            province: if shared { provinces.first().cloned().flatten() } else { None },
            district: None,
            place: None,
        };
    }
    if let Some(d) = districts.first() {
        return place_in_district(places, d);
    }
    if let Some(local) = specific.first() {
        let mut p = place_from_mention(local);
        if p.province.is_none() {
            p.province = places.iter().find_map(|m| m.province.clone());
        }
        return p;
    }
    // Province or country only.
    let province = places.iter().find(|p| p.province.is_some());
    match province {
        Some(p) => place_from_mention(p),
        None => place_from_mention(places[0]),
    }
}

/// "in Tank and Khyber districts": one figure over several districts.
fn coordinated_districts(_clue: &Clues) -> bool {
    true
}

fn place_in_district(places: &[&PlaceMention], district: &str) -> Place {
    let in_district: Vec<&&PlaceMention> = places.iter().filter(|p| p.district.as_deref() == Some(district)).collect();
    let mut place = in_district.first().map(|p| place_from_mention(p)).unwrap_or_default();
    place.place = in_district.iter().find_map(|p| p.place.clone()).or_else(|| {
        // A locality the gazetteer does not know, named beside its district.
        places.iter().find(|p| p.district.is_none() && p.place.is_some()).and_then(|p| p.place.clone())
    });
    if place.province.is_none() {
        place.province = places.iter().find(|p| p.kind == PlaceKind::Province).and_then(|p| p.province.clone());
    }
    place
}

/// Whether clue `c` tells a new event rather than more of `current`.
fn starts_new(c: usize, current: &Draft, doc: &DocumentClues, published: Option<NaiveDate>) -> bool {
    let clue = &doc.clues[c];
    if clue.list_item || clue.split_clause || clue.new_event {
        return true;
    }
    let current_district = district_of(current, doc);
    let districts = clue.districts();
    if let (Some(cd), false) = (&current_district, districts.is_empty()) {
        if !districts.iter().any(|d| d == cd) {
            return true;
        }
    }
    if current_district.is_none() && clue.has_specific_place() && draft_has_place(current, doc) {
        return true;
    }
    let current_range = first_event_date(current, doc, published);
    let new_range = clue_event_date(c, doc, published, current_range);
    if let (Some(a), Some(b)) = (current_range, new_range) {
        if b.end < a.start || a.end < b.start {
            return true;
        }
    }
    false
}

fn draft_has_place(draft: &Draft, doc: &DocumentClues) -> bool {
    !draft_places(draft, doc).is_empty()
}

fn resolve_mention(d: &DatedMention, published: Option<NaiveDate>, anchor: Option<DateRange>) -> Option<DateRange> {
    resolve(d.mention.expr, published, d.context_year, anchor)
}

fn clue_event_date(c: usize, doc: &DocumentClues, published: Option<NaiveDate>, anchor: Option<DateRange>) -> Option<DateRange> {
    doc.dates[c]
        .iter()
        .filter(|d| !d.mention.statement)
        .find_map(|d| resolve_mention(d, published, anchor))
}

fn first_event_date(draft: &Draft, doc: &DocumentClues, published: Option<NaiveDate>) -> Option<DateRange> {
    draft.clues.iter().find_map(|&c| clue_event_date(c, doc, published, None))
}

/// Group clues into drafts.
fn assemble(doc: &DocumentClues, published: Option<NaiveDate>) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut current: Option<usize> = None;
    let mut last_summary: Option<usize> = None;
    let mut summary_date: Option<DatedMention> = None;
    for (c, clue) in doc.clues.iter().enumerate() {
        let carries_summary = last_summary.is_some_and(|s| {
            doc.clues[s].paragraph == clue.paragraph && s + 1 == c && !clue.singular_event && !clue.has_specific_place()
        });
        if clue.summary || carries_summary {
            last_summary = Some(c);
            if let Some(d) = doc.dates[c].iter().find(|d| !d.mention.statement) {
                summary_date = Some(*d);
            }
            current = None;
            continue;
        }
        let eventive = clue.eventive();
        let open = current.map(|i| &drafts[i]);
        let new = match open {
            None => eventive,
            Some(draft) => eventive && starts_new(c, draft, doc, published),
        };
        if new {
            if let Some(existing) = same_event_told_before(c, &drafts, current, doc, published) {
                drafts[existing].clues.push(c);
                drafts[existing].close.push(c);
                current = Some(existing);
                continue;
            }
            let inherited_from = clue.split_clause.then(|| c.checked_sub(1)).flatten();
            drafts.push(Draft {
                clues: vec![c],
                close: vec![c],
                context: clue.list_lead.or(last_summary),
                context_date: summary_date,
                inherited_from,
            });
            current = Some(drafts.len() - 1);
            continue;
        }
        let Some(i) = current else { continue };
        let last = *drafts[i].clues.last().unwrap_or(&c);
        let same_paragraph = doc.clues[last].paragraph == clue.paragraph;
        let conflicting_place = {
            let d = district_of(&drafts[i], doc);
            d.is_some() && !clue.districts().is_empty() && !clue.districts().iter().any(|x| Some(*x) == d.as_deref())
        };
        if conflicting_place && !clue.reference {
            continue;
        }
        if same_paragraph || clue.reference {
            drafts[i].clues.push(c);
            if same_paragraph || clue.reference {
                drafts[i].close.push(c);
            }
        }
    }
    drafts
}

/// A clue that names the place of an earlier incident and refers to it
/// ("The Bannu attack must be seen ...") tells that incident again.
fn same_event_told_before(
    c: usize,
    drafts: &[Draft],
    current: Option<usize>,
    doc: &DocumentClues,
    published: Option<NaiveDate>,
) -> Option<usize> {
    let clue = &doc.clues[c];
    if clue.list_item || clue.split_clause || clue.new_event || !clue.reference {
        return None;
    }
    let districts = clue.districts();
    if districts.len() != 1 {
        return None;
    }
    let range = clue_event_date(c, doc, published, None);
    drafts.iter().enumerate().rev().find_map(|(i, d)| {
        if Some(i) == current {
            return None;
        }
        let same_place = district_of(d, doc).as_deref() == Some(districts[0]);
        let other = first_event_date(d, doc, published);
        let compatible_date = match (range, other) {
            (Some(a), Some(b)) => !(a.end < b.start || b.end < a.start),
            _ => true,
        };
        (same_place && compatible_date).then_some(i)
    })
}

/// Counts of a draft: within a clue, parts of one side add up; across
/// clues, the first stated wins unless a later exact figure replaces an
/// approximate one, or "also" adds arrests.
fn merge_counts(draft: &Draft, doc: &DocumentClues) -> (HashMap<(Outcome, Side), (u32, bool)>, bool) {
    let mut merged: HashMap<(Outcome, Side), (u32, bool)> = HashMap::new();
    for &c in &draft.clues {
        let clue = &doc.clues[c];
        let mut local: HashMap<(Outcome, Side), (u32, bool)> = HashMap::new();
        for cas in clue.counts() {
            let entry = local.entry((cas.outcome, cas.side)).or_insert((0, false));
            entry.0 = entry.0.saturating_add(cas.value);
            entry.1 |= cas.approximate;
        }
        if clue.plus_bomber {
            if let Some(entry) = local.get_mut(&(Outcome::Killed, Side::Militants)) {
                entry.0 += 1;
            }
        }
        split_unknown_total(clue, &mut local);
        for (key, value) in local {
            match merged.get_mut(&key) {
                None => {
                    merged.insert(key, value);
                }
                Some(existing) => {
                    if existing.1 && !value.1 && value.0 >= existing.0 {
                        *existing = value;
                    } else if key.0 == Outcome::Arrested && clue.also && value.0 != existing.0 {
                        existing.0 = existing.0.saturating_add(value.0);
                    }
                }
            }
        }
    }
    let approximate = merged.values().any(|(v, a)| *a && *v > 0);
    (merged, approximate)
}

/// "eight people, including five soldiers and three civilians": parts that
/// add up to the total replace it.
fn split_unknown_total(clue: &Clues, local: &mut HashMap<(Outcome, Side), (u32, bool)>) {
    for outcome in [Outcome::Killed, Outcome::Injured] {
        let Some(&(total, approx)) = local.get(&(outcome, Side::Unknown)) else { continue };
        let parts: Vec<_> = clue.casualties.iter().filter(|c| c.part && c.outcome == outcome && c.side != Side::Unknown).collect();
        let sum: u32 = parts.iter().map(|c| c.value).sum();
        if parts.len() >= 2 && sum == total {
            local.remove(&(outcome, Side::Unknown));
            for p in parts {
                let e = local.entry((outcome, p.side)).or_insert((0, approx));
                e.0 += p.value;
            }
        }
    }
}

fn event_type(draft: &Draft, doc: &DocumentClues, counts: &HashMap<(Outcome, Side), (u32, bool)>, country: Option<&str>) -> EventType {
    let cues: Vec<_> = draft.close.iter().flat_map(|&c| doc.clues[c].cues.iter()).collect();
    let operation_told = draft.close.iter().any(|&c| doc.clues[c].operation_told);
    let kidnapping = cues.iter().any(|c| c.event == EventType::Kidnapping);
    let mut best: Option<EventType> = None;
    for cue in &cues {
        if cue.strength == Strength::Weak && (operation_told || kidnapping) {
            continue;
        }
        let mut event = cue.event;
        // A strike inside Afghanistan is a strike across the border.
        if event == EventType::SecurityOperation && country == Some("Afghanistan") {
            event = EventType::CrossBorderAttack;
        }
        best = Some(best.map_or(event, |b| b.min(event)));
    }
    if let Some(b) = best {
        // An exchange of fire while forces conduct an operation is theirs.
        if b == EventType::MilitantAttack && operation_told && !attack_started_by_militants(draft, doc) {
            return EventType::SecurityOperation;
        }
        return b;
    }
    if let Some(lead) = draft.context {
        if let Some(e) = doc.clues[lead].cues.iter().map(|c| c.event).min() {
            return e;
        }
    }
    let militants = counts.iter().any(|((o, s), (v, _))| *o == Outcome::Killed && *s == Side::Militants && *v > 0);
    let others = counts.iter().any(|((_, s), (v, _))| matches!(s, Side::Security | Side::Civilians) && *v > 0);
    if militants && !others {
        EventType::SecurityOperation
    } else if others {
        EventType::MilitantAttack
    } else {
        EventType::Other
    }
}

fn attack_started_by_militants(draft: &Draft, doc: &DocumentClues) -> bool {
    draft.close.iter().any(|&c| {
        doc.clues[c].cues.iter().any(|cue| cue.event == EventType::MilitantAttack && cue.strength == Strength::Strong)
            && !doc.clues[c].operation_told
    })
}

/// The incident's dates: its own event dates, then a framing summary's,
/// then a statement's, then publication.
fn draft_dates(
    draft: &Draft,
    doc: &DocumentClues,
    published: Option<NaiveDate>,
    anchor: Option<DateRange>,
) -> Option<DateRange> {
    let own = draft.clues.iter().chain(draft.inherited_from.iter()).find_map(|&c| {
        doc.dates[c].iter().filter(|d| !d.mention.statement).find_map(|d| resolve_mention(d, published, anchor))
    });
    if own.is_some() {
        return own;
    }
    if let Some(d) = draft.context_date {
        if let Some(r) = resolve_mention(&d, published, anchor) {
            return Some(r);
        }
    }
    let statement = draft.clues.iter().find_map(|&c| {
        doc.dates[c].iter().filter(|d| d.mention.statement).find_map(|d| resolve_mention(d, published, anchor))
    });
    statement.or_else(|| published.map(|p| DateRange { start: p, end: p, precision: DatePrecision::Published }))
}

fn is_anchored(draft: &Draft, doc: &DocumentClues) -> bool {
    draft.clues.iter().any(|&c| doc.dates[c].iter().any(|d| matches!(d.mention.expr, DateExpr::Anchored { .. } | DateExpr::SameDay)))
}

/// Turn drafts into incidents.
pub fn incidents(doc: &DocumentClues, text: &str, published: Option<NaiveDate>) -> Vec<(Incident, usize, usize)> {
    let drafts = assemble(doc, published);
    let mut out: Vec<(Incident, usize, usize)> = Vec::new();
    let mut previous_range: Option<DateRange> = None;
    for draft in &drafts {
        let anchor_clue = &doc.clues[draft.clues[0]];
        let place = choose_place(draft, doc).unwrap_or_default();
        let (counts, approximate) = merge_counts(draft, doc);
        let range = draft_dates(draft, doc, published, previous_range);
        let from_text = range.is_some_and(|r| r.precision != DatePrecision::Published);
        let has_place = place.district.is_some() || place.province.is_some() || place.place.is_some();
        let has_violence = !counts.is_empty() || draft.close.iter().any(|&c| !doc.clues[c].cues.is_empty());
        if !(has_place || from_text) || !has_violence {
            continue;
        }
        if range.is_some() && (from_text || !is_anchored(draft, doc)) {
            previous_range = range;
        }
        let country = place.country.clone().or_else(|| Some("Pakistan".to_string()));
        let event = event_type(draft, doc, &counts, country.as_deref());
        let get = |o: Outcome, s: Side| counts.get(&(o, s)).map(|v| v.0);
        let side_counts = |o: Outcome| SideCounts {
            security: get(o, Side::Security),
            civilians: get(o, Side::Civilians),
            militants: get(o, Side::Militants),
            unknown: get(o, Side::Unknown),
        };
        let arrested = [Side::Security, Side::Civilians, Side::Militants, Side::Unknown]
            .iter()
            .filter_map(|s| get(Outcome::Arrested, *s))
            .fold(None, |acc: Option<u32>, v| Some(acc.unwrap_or(0) + v));
        let close = || draft.close.iter().map(|&c| &doc.clues[c]);
        let mut nationalities: Vec<Nationality> = Vec::new();
        for (name, count) in close().flat_map(|c| c.nationalities.iter()) {
            match nationalities.iter_mut().find(|n| &n.nationality == name) {
                Some(n) => n.count = n.count.or(*count),
                None => nationalities.push(Nationality { nationality: name.clone(), count: *count }),
            }
        }
        let cross_border = close().any(|c| c.cross_border) || !nationalities.is_empty() || event == EventType::CrossBorderAttack || event == EventType::BorderInfiltration;
        let incident = Incident {
            published,
            date_start: range.map(|r| r.start),
            date_end: range.map(|r| r.end),
            date_precision: range.map(|r| r.precision),
            country,
            province: place.province.clone(),
            district: place.district.clone(),
            place: place.place.clone().filter(|p| Some(p) != place.district.as_ref()),
            event_type: Some(event),
            killed: side_counts(Outcome::Killed),
            injured: side_counts(Outcome::Injured),
            arrested,
            approximate,
            militant_group: close().find_map(|c| c.group.clone()),
            militant_nationalities: nationalities,
            cross_border,
            operation: close().find_map(|c| c.operation.clone()),
            ..Default::default()
        };
        let _ = text;
        out.push((incident, anchor_clue.start, anchor_clue.end));
    }
    absorb_sums(&mut out);
    out
}

/// A figure that only adds up incidents the text tells separately is not an
/// incident: drop it, and let the parts inherit what it knew.
fn absorb_sums(out: &mut Vec<(Incident, usize, usize)>) {
    let mut drop = vec![false; out.len()];
    for i in 0..out.len() {
        let total = match out[i].0.killed.total() {
            Some(t) if t > 0 => t,
            _ => continue,
        };
        if out[i].0.district.is_some() {
            continue;
        }
        let parts: Vec<usize> = (0..out.len())
            .filter(|&j| j != i && out[j].0.date_start == out[i].0.date_start && out[j].0.district.is_some() && out[j].0.country == out[i].0.country)
            .collect();
        let sum: u32 = parts.iter().filter_map(|&j| out[j].0.killed.total()).sum();
        if parts.len() >= 2 && sum == total {
            drop[i] = true;
            let (group, cross) = (out[i].0.militant_group.clone(), out[i].0.cross_border);
            for &j in &parts {
                if out[j].0.militant_group.is_none() {
                    out[j].0.militant_group = group.clone();
                }
                out[j].0.cross_border |= cross;
            }
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}
