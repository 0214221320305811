//! Incident boundaries: which clues tell one incident. A clue joins the
//! incident in hand unless it tells another place, day or event, starts a
//! list item or a new incident ("In another incident"), or tells again an
//! incident told before (by its place and toll, or by reference).

use super::{
    clue_event_date, clue_framing_date, district_of, first_event_date, framing_date,
    has_specific_place, place_of_clue, recalled, resolve_mention, DatedMention, DocumentClues,
    Draft, EventType, NaiveDate, Outcome, PlaceKind, PlaceMention, Side, NEAR,
};
use crate::rules::LowerText;

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
            && recalled(LowerText::of(&text[anchor.start..anchor.end]).view())
    };
    if (old(&drafts[i]) || recalled(&drafts[i])) && !old(&drafts[0]) {
        0
    } else {
        i
    }
}

/// Group clues into drafts.
pub(super) fn assemble(
    doc: &DocumentClues,
    text: &str,
    published: Option<NaiveDate>,
) -> Vec<Draft> {
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

#[cfg(test)]
mod tests {
    use super::super::clues_of;
    use super::*;

    /// The clues of each incident of `text`, published 12 March 2025.
    fn drafts(text: &str) -> Vec<Vec<usize>> {
        let doc = clues_of(text);
        assemble(&doc, text, NaiveDate::from_ymd_opt(2025, 3, 12))
            .into_iter()
            .map(|d| d.clues)
            .collect()
    }

    #[test]
    fn one_incident_told_across_sentences() {
        assert_eq!(
            drafts("Two soldiers were martyred in an attack in Bannu on Monday. The militants fled after the attack. Police cordoned off the area."),
            [vec![0, 1, 2]]
        );
    }

    #[test]
    fn another_incident_another_district() {
        assert_eq!(
            drafts("Two soldiers were martyred in Bannu on Monday. In another incident, gunmen killed a shopkeeper in Tank."),
            [vec![0], vec![1]]
        );
        assert_eq!(
            drafts("Two soldiers were martyred in Bannu on Monday. Three terrorists were killed in Zhob on Tuesday."),
            [vec![0], vec![1]]
        );
    }
}
