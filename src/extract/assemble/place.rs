//! The place of an incident: the smallest place its clues name inside the
//! district they agree on, a locality told elsewhere in the text, never a
//! press dateline or a road for a locality.

use super::{usable, Clues, DocumentClues, Draft, Place, PlaceKind, PlaceMention};

fn place_from_mention(m: &PlaceMention) -> Place {
    Place {
        country: Some(m.country.to_string()),
        province: m.province.clone(),
        district: m.district.clone(),
        place: m.place.clone(),
        spans_districts: false,
    }
}

/// The incident's place: the first clue (anchor first) that names one; in it,
/// a district-level name wins over a province, and a locality of that
/// district gives `place`. Several districts in the anchor: district null.
pub(super) fn choose_place(draft: &Draft, doc: &DocumentClues) -> Option<Place> {
    let order: Vec<usize> = draft
        .clues
        .iter()
        .chain(draft.inherited_from.iter())
        .copied()
        .collect();
    let mut coarse: Option<Place> = None;
    for c in order {
        let clue = &doc.clues[c];
        let places = usable(draft, clue);
        if places.is_empty() {
            continue;
        }
        let mut place = place_of_clue(&places, clue);
        if place.district.is_none() && place.place.is_none() {
            // Only a province or country so far: a later clue may narrow it.
            if coarse.is_none() {
                coarse = Some(place);
            }
            continue;
        }
        if place.place.is_none() {
            place.place = locality_elsewhere(draft, doc, place.district.as_deref());
        } else if place
            .place
            .as_deref()
            .is_some_and(|name| is_road(draft, doc, name))
        {
            // A road is the place only when the incident names no town,
            // village or area, in any of its sentences.
            if let Some(area) = area_elsewhere(draft, doc, place.district.as_deref()) {
                place.place = Some(area);
            }
        }
        if coarse.as_ref().is_some_and(|c| {
            c.province.is_some() && place.province.is_some() && c.province != place.province
        }) {
            return coarse;
        }
        if let Some(inner) = place
            .place
            .as_deref()
            .and_then(|p| smaller_inside(draft, doc, p))
        {
            place.place = Some(inner);
        }
        return Some(place);
    }
    // A dateline is the place only when the text gives no other.
    let dateline = draft.clues.iter().find_map(|&c| {
        let clue = &doc.clues[c];
        clue.places
            .iter()
            .find(|p| {
                p.dateline
                    && !p.excluded
                    && p.district.is_some()
                    && !PRESS_DATELINES.contains(&p.district.as_deref().unwrap_or(""))
            })
            .map(place_from_mention)
    });
    let compatible = |d: &Place| {
        coarse
            .as_ref()
            .is_none_or(|c| c.province.is_none() || c.province == d.province)
    };
    let spans = coarse.as_ref().is_some_and(|c| c.spans_districts);
    match dateline {
        Some(d) if compatible(&d) && !spans => Some(d),
        _ => coarse,
    }
}

/// Cities where the military and the government issue statements.
const PRESS_DATELINES: &[&str] = &["Rawalpindi", "Islamabad"];

/// A locality of `district` (or one the gazetteer does not know) named in
/// any clue of the draft.
fn locality_elsewhere(
    draft: &Draft,
    doc: &DocumentClues,
    district: Option<&str>,
) -> Option<String> {
    let district = district?;
    let places: Vec<&PlaceMention> = draft
        .clues
        .iter()
        .flat_map(|&c| usable(draft, &doc.clues[c]))
        .collect();
    smallest_place(
        places
            .iter()
            .filter(|p| p.district.as_deref() == Some(district)),
    )
    .or_else(|| {
        smallest_place(
            places
                .iter()
                .filter(|p| p.district.is_none() && p.kind == PlaceKind::Locality),
        )
    })
}

/// "in Khar ... in the Sandiaye area of Khar": a smaller place that a later
/// sentence of the incident puts inside the one chosen wins.
fn smaller_inside(draft: &Draft, doc: &DocumentClues, outer: &str) -> Option<String> {
    draft.clues.iter().find_map(|&c| {
        let places = usable(draft, &doc.clues[c]);
        let holds = places
            .iter()
            .any(|p| p.container && p.place.as_deref() == Some(outer));
        holds
            .then(|| {
                places
                    .iter()
                    .find(|p| {
                        p.kind == PlaceKind::Locality
                            && !p.container
                            && !p.road
                            && p.place.is_some()
                    })
                    .and_then(|p| p.place.clone())
            })
            .flatten()
    })
}

/// Whether the draft names `name` as a road, street or chowk.
fn is_road(draft: &Draft, doc: &DocumentClues, name: &str) -> bool {
    draft
        .clues
        .iter()
        .flat_map(|&c| usable(draft, &doc.clues[c]))
        .any(|p| p.road && p.place.as_deref() == Some(name))
}

/// A town, village or area (no road, no container) of `district`, or of no
/// known district, named in any clue of the draft.
fn area_elsewhere(draft: &Draft, doc: &DocumentClues, district: Option<&str>) -> Option<String> {
    draft
        .clues
        .iter()
        .flat_map(|&c| usable(draft, &doc.clues[c]))
        .find(|p| {
            p.kind == PlaceKind::Locality
                && !p.road
                && !p.container
                && p.place.is_some()
                && (p.district.is_none() || p.district.as_deref() == district)
        })
        .and_then(|p| p.place.clone())
}

pub(super) fn place_of_clue(places: &[&PlaceMention], clue: &Clues) -> Place {
    let districts = clue.districts();
    let specific: Vec<&&PlaceMention> = places
        .iter()
        .filter(|p| p.district.is_some() || p.place.is_some())
        .collect();
    if districts.len() > 1 {
        // A locality names its district itself ("Tirah, Khyber"): keep the
        // district that a locality and a district name agree on.
        let agreed: Vec<&&str> = districts
            .iter()
            .filter(|d| {
                places
                    .iter()
                    .filter(|p| p.district.as_deref() == Some(**d))
                    .count()
                    > 1
            })
            .collect();
        // "one in Jani Khel, Bannu and the other in Datta Khel, North
        // Waziristan": each agrees with itself, so neither is the place.
        if let [d] = agreed[..] {
            return place_in_district(places, d);
        }
        let first = places
            .iter()
            .find(|p| p.district.is_some())
            .map(|p| p.district.clone())
            .unwrap_or_default();
        let provinces: Vec<Option<String>> = places
            .iter()
            .filter(|p| p.district.is_some())
            .map(|p| p.province.clone())
            .collect();
        let shared = provinces.windows(2).all(|w| w[0] == w[1]);
        if clue.list_item {
            return place_in_district(places, first.as_deref().unwrap_or(""));
        }
        return Place {
            country: Some(places[0].country.to_string()),
            province: if shared {
                provinces.first().cloned().flatten()
            } else {
                None
            },
            district: None,
            place: None,
            spans_districts: true,
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

/// The place among localities: the smallest named (not one that holds
/// another), a town, village or area before a road or chowk.
fn smallest_place<'a>(
    mentions: impl Iterator<Item = &'a &'a PlaceMention> + Clone,
) -> Option<String> {
    let named = mentions.filter(|p| p.place.is_some());
    named
        .clone()
        .find(|p| !p.container && !p.road)
        .or_else(|| named.clone().find(|p| !p.container))
        .or_else(|| named.clone().next())
        .and_then(|p| p.place.clone())
}

fn place_in_district(places: &[&PlaceMention], district: &str) -> Place {
    let in_district: Vec<&&PlaceMention> = places
        .iter()
        .filter(|p| p.district.as_deref() == Some(district))
        .collect();
    let mut place = in_district
        .first()
        .map(|p| place_from_mention(p))
        .unwrap_or_default();
    place.place = smallest_place(in_district.iter().copied()).or_else(|| {
        // A locality the gazetteer does not know, named beside its district.
        smallest_place(places.iter().filter(|p| p.district.is_none()))
    });
    if place.province.is_none() {
        place.province = places
            .iter()
            .find(|p| p.kind == PlaceKind::Province)
            .and_then(|p| p.province.clone());
    }
    place
}

#[cfg(test)]
mod tests {
    use super::super::{clues_of, one_draft};
    use super::*;

    /// (district, place) of all of `text` told as one incident.
    fn placed(text: &str) -> (Option<String>, Option<String>) {
        let doc = clues_of(text);
        let place = choose_place(&one_draft(&doc), &doc).unwrap_or_default();
        (place.district, place.place)
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn the_smallest_place_inside_its_district() {
        assert_eq!(
            placed("Two soldiers were martyred in the Esham area of North Waziristan district on Monday."),
            (some("North Waziristan"), some("Esham"))
        );
    }

    #[test]
    fn a_press_dateline_is_no_place_of_the_incident() {
        assert_eq!(
            placed("RAWALPINDI: Security forces killed four terrorists in an operation in Tank district."),
            (some("Tank"), None)
        );
    }

    #[test]
    fn a_locality_told_later_refines_the_district() {
        assert_eq!(
            placed("Three policemen were martyred in Bannu on Sunday. The attack took place near Domel."),
            (some("Bannu"), some("Domel"))
        );
    }
}
