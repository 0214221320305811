//! Places of a segment: gazetteer names, "the X area" localities, and the
//! contexts that make a place not the incident's (home towns, origins,
//! destinations, datelines).

use crate::lexicon::{lexicon, PlaceKind};
use crate::rules::{rule, Matching};
use crate::text::{ends_with_any_case, starts_with_any_case, tail};

/// A place named in a segment, resolved as far as the gazetteer allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub kind: PlaceKind,
    pub country: &'static str,
    pub province: Option<String>,
    pub district: Option<String>,
    /// The locality as written ("Mir Ali", "Tirah"), below district level.
    pub place: Option<String>,
    /// Home town, origin, destination: not where the incident happened.
    pub excluded: bool,
    /// A press dateline ("BANNU:") at the start of a paragraph.
    pub dateline: bool,
    /// A road, street, chowk or bridge: the place only when no town,
    /// village or area is named.
    pub road: bool,
    /// A locality another named one lies in ("the Sandiaye area of Khar"):
    /// the smaller one is the place.
    pub container: bool,
}

/// Generic words that trail a locality's name and are not part of it.
const GENERIC_SUFFIXES: &[&str] = &[
    "village",
    "town",
    "city",
    "valley",
    "area",
    "tehsil",
    "sub-division",
    "subdivision",
    "region",
    "sector",
    "district",
    "agency",
    "bazar",
];

/// A capital standing for its government ("Islamabad never confirmed").
fn metonym(written: &str, after: &str) -> bool {
    const CAPITALS: &[&str] = &[
        "Islamabad",
        "Kabul",
        "New Delhi",
        "Delhi",
        "Beijing",
        "Washington",
        "Tehran",
        "Moscow",
    ];
    const VERBS: &[&str] = &[
        "has",
        "have",
        "had",
        "is",
        "was",
        "never",
        "said",
        "says",
        "will",
        "would",
        "must",
        "wants",
        "reserves",
        "accuses",
        "accused",
        "continues",
        "insists",
        "maintains",
        "denies",
        "denied",
        "blames",
        "blamed",
        "urged",
        "urges",
        "and",
        "to",
        "should",
        "may",
        "can",
        "could",
        "did",
        "does",
        "refused",
        "rejects",
        "rejected",
        "claims",
        "claimed",
        "wanted",
    ];
    if !CAPITALS.contains(&written) {
        return false;
    }
    let rest = after.trim_start_matches(['\'', '’', 's']).trim_start();
    let next: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    let possessive = after.starts_with("'s") || after.starts_with("’s");
    VERBS.contains(&next.as_str())
        || (possessive
            && [
                "position",
                "stance",
                "concerns",
                "claim",
                "claims",
                "warnings",
                "relations",
                "policy",
            ]
            .contains(&next.as_str()))
}

/// Words that may stand before a place's name without being part of it.
const NAME_PREFIXES: &[&str] = &[
    "District",
    "Tehsil",
    "Division",
    "Agency",
    "Province",
    "City",
    "Town",
    "Village",
    "Mauza",
    "Upper",
    "Lower",
    "Central",
    "North",
    "South",
    "East",
    "West",
    "New",
    "Old",
    "Police",
    "Station",
    "Sub-division",
    "Cantt",
    "General",
    "Area",
    "Valley",
    "Sector",
    "Road",
    "Bazaar",
    "Chowk",
    "Pakistan",
    "Afghanistan",
    "Khyber",
    "Pakhtunkhwa",
    "Balochistan",
    "Sindh",
    "Punjab",
    "Kashmir",
    "Baltistan",
    "Mr",
    "Mrs",
    "Dr",
    "College",
    "School",
    "University",
    "Complex",
    "Hospital",
    "Academy",
    "Mosque",
    "Masjid",
    "Madrassa",
    "Seminary",
    "Cantonment",
    "Camp",
    "Post",
    "Checkpost",
    "Headquarters",
    "Jail",
    "Prison",
    "Airport",
    "Court",
    "Market",
    "Stadium",
    "Lines",
    "Press",
    "Club",
    "Office",
    "Institute",
    "Centre",
    "Center",
    "Taliban",
    "Express",
    "Highway",
    "Motorway",
    "Bank",
    "Hotel",
];

/// The capitalised word right before a name, when it reads as the first
/// word of a longer name: not at a sentence start, not a title or generic
/// word, not possessive, not an acronym.
fn name_head(before: &str) -> Option<&str> {
    let word_start = before
        .strip_suffix(' ')?
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let head = &before[word_start..before.len() - 1];
    let capitalised = head.chars().next().is_some_and(char::is_uppercase);
    let acronym = head.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
    if !capitalised || acronym || head.len() < 3 || NAME_PREFIXES.contains(&head) {
        return None;
    }
    // At a sentence start, the capital says nothing.
    let earlier = before[..word_start].trim_end();
    if earlier.is_empty() || earlier.ends_with(['.', '!', '?', ':', '"', '“', '(']) {
        return None;
    }
    Some(head)
}

/// A name followed by a speech verb is a person quoted: "Lehri said".
fn speaker(after: &str) -> bool {
    const VERBS: &[&str] = &[
        "said",
        "says",
        "told",
        "added",
        "stated",
        "confirmed",
        "explained",
        "noted",
        "remarked",
    ];
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let next: &str = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    VERBS.contains(&next)
}

/// A place name used as a modifier of people or travel: "a Khuzdar
/// family", "Islamabad-bound bus", "Peshawar-based trader".
fn origin_modifier(after: &str) -> bool {
    const NOUNS: &[&str] = &[
        "family",
        "families",
        "native",
        "natives",
        "resident",
        "residents",
        "tribesmen",
        "tribesman",
        "man",
        "men",
        "youth",
        "youths",
        "trader",
        "traders",
        "labourers",
        "passengers",
    ];
    if let Some(rest) = after.strip_prefix('-') {
        return ["bound", "based"].iter().any(|w| rest.starts_with(w));
    }
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let next: &str = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    NOUNS.contains(&next)
}

fn is_former_name(index: usize, written: &str) -> bool {
    let lex = lexicon();
    let canonical = &lex.place(index).canonical;
    lex.gazetteer
        .districts
        .iter()
        .find(|d| &d.name == canonical)
        .is_some_and(|d| {
            d.former_names
                .iter()
                .any(|f| f.eq_ignore_ascii_case(written))
        })
}

fn trim_generic(name: &str) -> &str {
    // " village", " town", ... at the end, in any case.
    let trailing = |name: &str, word: &str| {
        let (name, word) = (name.as_bytes(), word.as_bytes());
        name.len() > word.len()
            && name[name.len() - word.len() - 1] == b' '
            && name[name.len() - word.len()..].eq_ignore_ascii_case(word)
    };
    let mut out = name.trim();
    while let Some(word) = GENERIC_SUFFIXES.iter().find(|w| trailing(out, w)) {
        out = out[..out.len() - word.len() - 1].trim_end();
    }
    out
}

fn mention_from_gazetteer(index: usize, written: &str, start: usize, end: usize) -> PlaceMention {
    let lex = lexicon();
    let p = lex.place(index);
    let mut m = PlaceMention {
        start,
        end,
        kind: p.kind,
        country: "Pakistan",
        province: None,
        district: None,
        place: None,
        excluded: false,
        dateline: false,
        road: false,
        container: false,
    };
    match p.kind {
        PlaceKind::Country => {
            m.country = if p.canonical == "Afghanistan" {
                "Afghanistan"
            } else {
                "Pakistan"
            };
        }
        PlaceKind::Province => m.province = Some(p.canonical.clone()),
        PlaceKind::District | PlaceKind::City => {
            m.district = Some(p.canonical.clone());
            m.province = p.parent.clone();
        }
        PlaceKind::Locality => {
            let district = p.parent.clone();
            m.province = district
                .as_deref()
                .and_then(|d| lex.province_of(d))
                .map(str::to_string);
            m.district = district;
            m.place = Some(trim_generic(written).to_string());
        }
        PlaceKind::AfghanProvince => {
            m.country = "Afghanistan";
            m.province = Some(p.canonical.clone());
        }
        PlaceKind::AfghanDistrict => {
            m.country = "Afghanistan";
            m.district = Some(p.canonical.clone());
            m.province = p.parent.clone();
        }
    }
    m
}

/// Among entries sharing a spelling, prefer the Afghan one when the text
/// around it speaks of Afghanistan, else the Pakistani one.
fn choose_entry(candidates: &[usize], context: &str) -> Option<usize> {
    let lex = lexicon();
    let afghan_context = context.contains("Afghan");
    let afghan = |i: &&usize| {
        matches!(
            lex.place(**i).kind,
            PlaceKind::AfghanProvince | PlaceKind::AfghanDistrict
        )
    };
    let rank = |i: &usize| match lex.place(*i).kind {
        PlaceKind::Country => 0,
        PlaceKind::Province => 1,
        PlaceKind::District => 2,
        PlaceKind::City => 3,
        PlaceKind::Locality => 4,
        PlaceKind::AfghanProvince => 5,
        PlaceKind::AfghanDistrict => 6,
    };
    if afghan_context {
        if let Some(i) = candidates.iter().find(afghan) {
            return Some(*i);
        }
    }
    candidates
        .iter()
        .filter(|i| !afghan(i))
        .min_by_key(|i| rank(i))
        .or(candidates.first())
        .copied()
}

/// Places of `text[start..end]`. `paragraph_start` marks the first segment of
/// a paragraph, where a dateline may stand.
///
/// `dateline` is where a paragraph's press dateline ends
/// (read once per segment by the caller, from the segment reader's
/// `dateline_end`); `None` outside a paragraph's first segment.
pub fn find_places(
    rules: Matching<'_>,
    text: &str,
    start: usize,
    end: usize,
    paragraph_start: bool,
    dateline: Option<usize>,
) -> Vec<PlaceMention> {
    let lex = lexicon();
    let slice = &text[start..end];
    let dateline_end = if paragraph_start {
        dateline.or_else(|| rules.find(rule::Dateline, slice).map(|m| start + m.end()))
    } else {
        None
    };
    let mut out: Vec<PlaceMention> = Vec::new();
    let answers = rules.answers();
    for m in lex.find_places(text, start, end) {
        let written = &text[m.start..m.end];
        let candidates = lex.places_named(written);
        let context_from = m.start.saturating_sub(80).max(start);
        let context_to = (m.end + 80).min(end);
        let context = &text[floor_char(text, context_from)..floor_char(text, context_to)];
        let index = choose_entry(candidates, context).unwrap_or(m.index);
        let mut mention = mention_from_gazetteer(index, written, m.start, m.end);
        let before = tail(text, start, m.start, 120);
        // "Guli Bagh", "Wazir Bagh Road": a known name ending a longer one
        // is that longer locality, not the known place.
        let nameable = matches!(mention.kind, PlaceKind::District | PlaceKind::Locality);
        if let Some(head) = name_head(before).filter(|_| nameable) {
            if lex.places_named(&format!("{head} {written}")).is_empty() {
                mention.start -= head.len() + 1;
                mention.kind = PlaceKind::Locality;
                mention.country = "Pakistan";
                mention.province = None;
                mention.district = None;
                mention.place = Some(format!("{head} {written}"));
            }
        }
        // "some 10km from the Duki district headquarters": a distance from a
        // place locates the incident near it.
        let distance = rules.is_match(rule::Distance, before);
        mention.excluded = rules.is_match(rule::Exclusion, before)
            && !before.trim_end().ends_with("across the")
            && !distance;
        // A route ("Peshawar-Quetta") names no incident place.
        let after = &text[m.end..end];
        if after.starts_with('-') && after[1..].starts_with(|c: char| c.is_uppercase())
            || before.ends_with('-')
        {
            mention.excluded = true;
        }
        mention.dateline = dateline_end.is_some_and(|d| m.end <= d);
        if rules.is_match(rule::OfficialTitle, after)
            || rules.is_match(rule::OfficialBefore, before)
            || metonym(written, after)
            || origin_modifier(after)
            || speaker(after)
                && !matches!(mention.kind, PlaceKind::Province | PlaceKind::Country)
                && !["in", "at", "of", "from"]
                    .iter()
                    .any(|w| before.trim_end().ends_with(w))
        {
            mention.excluded = true;
        }
        if rules.is_match(rule::Between, before) {
            mention.place = None;
        }
        // A former name ("Bolan" for Kachhi) is kept as written, unless the
        // text calls it a district ("Balochistan's Bolan district").
        let called_district = starts_with_any_case(after.trim_start(), "district");
        if mention.kind == PlaceKind::District
            && lex.place(index).canonical != written
            && is_former_name(index, written)
            && !called_district
        {
            mention.place = Some(written.to_string());
        }
        out.push(mention);
    }
    add_elided_districts(text, start, &mut out);
    if !answers.rules_out(rule::Road) {
        add_roads(rules, text, start, end, &mut out);
    }
    if !answers.rules_out(rule::Area) {
        add_area_localities(rules, text, start, end, &mut out);
    }
    if !answers.rules_out(rule::Facility) {
        add_facility_localities(rules, text, start, end, &mut out);
    }
    if !answers.rules_out(rule::Toponym) {
        add_toponyms(rules, text, start, end, &mut out);
    }
    route_within_district(text, &mut out);
    out.sort_by_key(|m| m.start);
    place_by_stated_province(rules, text, &mut out);
    mark_containers(rules, text, &mut out);
    localities_in_named_districts(rules, text, &mut out);
    follow_split_districts(&mut out);
    out
}

/// Halves of a district pair whose shared name is written once.
const DISTRICT_HALVES: &[&str] = &["North", "South", "Upper", "Lower", "Central"];

/// "North and South Waziristan", "Upper, Lower Dir": the first half names
/// a district too, though only the second is written out.
fn add_elided_districts(text: &str, start: usize, out: &mut Vec<PlaceMention>) {
    let lex = lexicon();
    let mut found = Vec::new();
    for m in out.iter().filter(|m| m.kind == PlaceKind::District) {
        let written = &text[m.start..m.end];
        let Some((half, base)) = written.split_once(' ') else {
            continue;
        };
        if !DISTRICT_HALVES.contains(&half) {
            continue;
        }
        // The words just before the district: "North and" of "North and South Waziristan".
        let window = tail(text, start, m.start, 24);
        let before = window.trim_end();
        let before = before
            .strip_suffix("and")
            .or_else(|| before.strip_suffix(','))
            .or_else(|| before.strip_suffix('&'))
            .map(str::trim_end);
        let Some(other) = before.and_then(|b| b.rsplit(' ').next()) else {
            continue;
        };
        if !DISTRICT_HALVES.contains(&other) || other == half {
            continue;
        }
        let name = format!("{other} {base}");
        let Some(&index) = lex.places_named(&name).first() else {
            continue;
        };
        if lex.place(index).kind != PlaceKind::District {
            continue;
        }
        let at = m.start - (window.len() - window.rfind(other).unwrap_or(0));
        let mut elided = mention_from_gazetteer(index, &name, at, at + other.len());
        elided.excluded = m.excluded;
        found.push(elided);
    }
    out.extend(found);
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// "on its way from Mirali to Miramshah": a route inside one district gives
/// that district, though neither end is the place.
fn route_within_district(text: &str, out: &mut [PlaceMention]) {
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let joined = text
            .get(a.end..b.start)
            .is_some_and(|between| between.trim() == "to");
        let from = ends_with_any_case(tail(text, 0, a.start, 16).trim_end(), "from");
        if joined && from && a.district.is_some() && a.district == b.district {
            out[k].excluded = false;
            out[k].place = None;
            out[k].kind = PlaceKind::District;
        }
    }
}

/// "in the Kabal Khel area of Lakki Marwat": localities the gazetteer does not know.
/// Whether a capital letter follows a space or mark somewhere in `slice`:
/// every "the X area" phrase has one before its name.
fn has_inner_capital(slice: &str) -> bool {
    slice
        .as_bytes()
        .windows(2)
        .any(|w| w[1].is_ascii_uppercase() && !w[0].is_ascii_alphanumeric())
}

fn add_area_localities(
    rules: Matching<'_>,
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<PlaceMention>,
) {
    let lex = lexicon();
    let slice = &text[start..end];
    if !has_inner_capital(slice) {
        return;
    }
    for caps in rules.captures_iter(rule::Area, slice) {
        let Some(name) = (1..=7).find_map(|g| caps.get(g)) else {
            continue;
        };
        let (mut s, e) = (start + name.start(), start + name.end());
        let mut written = trim_generic(name.as_str());
        // "North Waziristan's Spinwam area": the possessive names the district.
        if let Some(k) = written.rfind("'s ").or_else(|| written.rfind("’s ")) {
            let cut = k + written[k..].find(' ').map_or(0, |w| w + 1);
            s += cut;
            written = &written[cut..];
        }
        if written.is_empty() {
            continue;
        }
        // "the Lakhi Dar area": a known name that only begins the area's name.
        if let Some(k) = out.iter().position(|m| {
            m.start == s
                && m.end < s + written.len()
                && m.kind == PlaceKind::Locality
                && lex.places_named(written).is_empty()
        }) {
            out[k].end = s + written.len();
            out[k].place = Some(written.to_string());
            continue;
        }
        // "at Swabi Assa": a district's name leading a longer locality name.
        if let Some(m) = out
            .iter_mut()
            .find(|m| m.start == s && m.end < s + written.len() && m.kind == PlaceKind::District)
        {
            m.place = Some(written.to_string());
            continue;
        }
        // "the Bagh area of Khyber District": a district's name is a locality
        // of the district named after it.
        let after = slice[name.end()..].trim_start();
        let area_of = after.starts_with("area of");
        // ... and only of another district, not of a province.
        let of_district = area_of && {
            let from = e + (slice.len() - name.end() - after.len()) + "area of".len();
            out.iter().any(|m| {
                m.kind == PlaceKind::District
                    && m.start >= from
                    && m.start <= from + 6
                    && m.district.as_deref() != Some(written)
            })
        };
        if of_district {
            if let Some(m) = out.iter_mut().find(|m| {
                m.start == s && m.end == e && m.kind == PlaceKind::District && !m.excluded
            }) {
                m.kind = PlaceKind::Locality;
                m.province = None;
                m.district = None;
                m.place = Some(written.to_string());
                continue;
            }
        }
        if out.iter().any(|m| m.start < e && s < m.end) {
            continue;
        }
        // Known places keep their gazetteer meaning; skip organisations and months.
        if !lex.places_named(written).is_empty() || written.split_whitespace().count() > 3 {
            continue;
        }
        if written
            .chars()
            .all(|c| c.is_ascii_uppercase() || !c.is_alphabetic())
            || crate::lexicon::calendar::month_number(written).is_some() && written.len() <= 9
        {
            continue;
        }
        let before = tail(text, start, s, 120);
        out.push(PlaceMention {
            start: s,
            end: s + written.len(),
            kind: PlaceKind::Locality,
            country: "Pakistan",
            province: None,
            district: None,
            place: Some(written.to_string()),
            excluded: rules.is_match(rule::Exclusion, before),
            dateline: false,
            road: false,
            container: false,
        });
    }
}

/// Words that start no road or facility name.
const NOT_NAME_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "Main",
    "Old",
    "New",
    "City",
    "Joint",
    "Police",
    "Security",
    "Army",
    "FC",
    "Levies",
    "Frontier",
    "Corps",
    "Border",
    "Check",
    "Cantonment",
    "Cantt",
    "Saddar",
    "Model",
    "On",
    "In",
    "At",
    "Near",
    "From",
    "Along",
    "Via",
    "National",
    "Provincial",
    "Federal",
    "District",
    "Tehsil",
    "Its",
    "Their",
    "His",
    "Her",
];

/// Roads, chowks, bridges, colonies and bazaars by name: "on Sorangha Road",
/// "near Tank Adda", "Mingora Bypass Road". A known place inside the name
/// gives its district (a district's name gives none: "Tank Adda" is a bus
/// stand of Dera Ismail Khan).
fn add_roads(
    rules: Matching<'_>,
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<PlaceMention>,
) {
    let slice = &text[start..end];
    for caps in rules.captures_iter(rule::Road, slice) {
        let (Some(whole), Some(head), Some(kind)) = (caps.get(0), caps.get(1), caps.get(2)) else {
            continue;
        };
        let mut words: Vec<&str> = head.as_str().split_whitespace().collect();
        // "Quetta's Jinnah Road": the possessive names where the road is.
        if let Some(k) = words
            .iter()
            .rposition(|w| w.ends_with("'s") || w.ends_with("’s"))
        {
            words.drain(..=k);
        }
        while words.first().is_some_and(|w| NOT_NAME_WORDS.contains(w)) {
            words.remove(0);
        }
        if words.is_empty() {
            continue;
        }
        let name = format!(
            "{} {}",
            words.join(" "),
            kind.as_str()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        );
        let e = start + whole.end();
        let s = e - name.len().min(e - start);
        if !text.is_char_boundary(s) || text[s..e] != *name {
            continue;
        }
        let inner: Vec<usize> = (0..out.len())
            .filter(|&k| out[k].start >= s && out[k].end <= e)
            .collect();
        if out
            .iter()
            .any(|m| m.start < e && s < m.end && !(m.start >= s && m.end <= e))
        {
            continue;
        }
        let district = inner
            .iter()
            .find(|&&k| out[k].kind == PlaceKind::Locality)
            .and_then(|&k| out[k].district.clone());
        let province = district
            .as_deref()
            .and_then(|d| lexicon().province_of(d))
            .map(str::to_string);
        let excluded = inner.iter().any(|&k| out[k].excluded);
        for k in inner.into_iter().rev() {
            out.remove(k);
        }
        let before = tail(text, start, s, 120);
        let road = !matches!(
            kind.as_str(),
            "Colony" | "Adda" | "Bazaar" | "Bazar" | "Market" | "Mandi"
        );
        out.push(PlaceMention {
            start: s,
            end: e,
            kind: PlaceKind::Locality,
            country: "Pakistan",
            province,
            district,
            place: Some(name),
            excluded: excluded || rules.is_match(rule::Exclusion, before),
            dateline: false,
            road,
            container: false,
        });
    }
}

/// A facility named after its locality ("the Khojri police checkpost",
/// "within the limits of Doaba police station") names that locality.
fn add_facility_localities(
    rules: Matching<'_>,
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<PlaceMention>,
) {
    let lex = lexicon();
    let slice = &text[start..end];
    for caps in rules.captures_iter(rule::Facility, slice) {
        let Some(head) = caps.get(1) else { continue };
        let mut words: Vec<&str> = head.as_str().split_whitespace().collect();
        while words.first().is_some_and(|w| NOT_NAME_WORDS.contains(w)) {
            words.remove(0);
        }
        words.retain(|w| !NOT_NAME_WORDS.contains(w));
        if words.is_empty() || words.iter().any(|w| w.chars().all(|c| c.is_uppercase())) {
            continue;
        }
        let name = words.join(" ");
        let Some(offset) = head.as_str().find(&name) else {
            continue;
        };
        let s = start + head.start() + offset;
        let e = s + name.len();
        if out.iter().any(|m| m.start < e && s < m.end) || !lex.places_named(&name).is_empty() {
            continue;
        }
        let before = tail(text, start, s, 120);
        out.push(PlaceMention {
            start: s,
            end: e,
            kind: PlaceKind::Locality,
            country: "Pakistan",
            province: None,
            district: None,
            place: Some(name),
            excluded: rules.is_match(rule::Exclusion, before),
            dateline: false,
            road: false,
            container: false,
        });
    }
}

/// Localities the gazetteer does not know, by the endings Pashto, Baloch
/// and Punjabi place names share ("near Dil Begu Khel", "in Bachabad",
/// "at Shahtora Takhtikhel"), after a word of place.
fn add_toponyms(
    rules: Matching<'_>,
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<PlaceMention>,
) {
    let lex = lexicon();
    let slice = &text[start..end];
    for caps in rules.captures_iter(rule::Toponym, slice) {
        let Some(name) = caps.get(1) else { continue };
        let (s, e) = (start + name.start(), start + name.end());
        let written = name.as_str();
        if out.iter().any(|m| m.start < e && s < m.end) || !lex.places_named(written).is_empty() {
            continue;
        }
        let before = tail(text, start, s, 120);
        out.push(PlaceMention {
            start: s,
            end: e,
            kind: PlaceKind::Locality,
            country: "Pakistan",
            province: None,
            district: None,
            place: Some(written.to_string()),
            excluded: rules.is_match(rule::Exclusion, before),
            dateline: false,
            road: false,
            container: false,
        });
    }
}

/// "the Spin Boldak area of Balochistan": a border name the gazetteer knows
/// in Afghanistan, placed by the text in a province of Pakistan, is a
/// locality of that province.
fn place_by_stated_province(rules: Matching<'_>, text: &str, out: &mut [PlaceMention]) {
    for k in 1..out.len() {
        let (inner, outer) = (&out[k - 1], &out[k]);
        let stated = inner.kind == PlaceKind::AfghanDistrict
            && outer.kind == PlaceKind::Province
            && outer.country == "Pakistan"
            && inner.end <= outer.start
            && text
                .get(inner.end..outer.start)
                .is_some_and(|gap| gap.contains("of") && rules.is_match(rule::Nesting, gap));
        if stated {
            let province = outer.province.clone();
            let written = trim_generic(&text[inner.start..inner.end]).to_string();
            let inner = &mut out[k - 1];
            inner.kind = PlaceKind::Locality;
            inner.country = "Pakistan";
            inner.province = province;
            inner.district = None;
            inner.place = Some(written);
        }
    }
}

/// "the Wana area of Lower South Waziristan": a locality the gazetteer puts
/// in a district since split goes to the part the text names.
fn follow_split_districts(out: &mut [PlaceMention]) {
    let parts: Vec<(String, Option<String>)> = out
        .iter()
        .filter(|m| m.kind == PlaceKind::District)
        .filter_map(|m| Some((m.district.clone()?, m.province.clone())))
        .collect();
    for m in out.iter_mut().filter(|m| m.kind == PlaceKind::Locality) {
        let Some(district) = m.district.clone() else {
            continue;
        };
        let split = parts.iter().find(|(part, _)| {
            part.len() > district.len() && part.ends_with(&format!(" {district}"))
        });
        if let Some((part, province)) = split {
            m.district = Some(part.clone());
            m.province = province.clone();
        }
    }
}

/// "Hassan Khel, North Waziristan District", "the Liaquatabad area of
/// Karachi": a locality the text puts inside a district or a city. The
/// text's district stands where the gazetteer knows a place of that name in
/// another district (it cannot know every village); a city stands for the
/// district of the locality when it holds it.
fn localities_in_named_districts(rules: Matching<'_>, text: &str, out: &mut [PlaceMention]) {
    for k in 1..out.len() {
        if out[k - 1].end > out[k].start {
            continue;
        }
        let gap = &text[out[k - 1].end..out[k].start];
        // "X area of Y" or "Y's X area".
        let (i, o) = if rules.is_match(rule::Nesting, gap) && !gap.contains("near") {
            (k - 1, k)
        } else if possessive_gap(gap) {
            (k, k - 1)
        } else {
            continue;
        };
        let (inner, outer) = (&out[i], &out[o]);
        let locality = inner.kind == PlaceKind::Locality && inner.place.is_some() && !inner.road;
        if !locality || inner.district == outer.district {
            continue;
        }
        match outer.kind {
            PlaceKind::District => {
                let (district, province) = (outer.district.clone(), outer.province.clone());
                out[i].district = district;
                out[i].province = province;
            }
            PlaceKind::City => {
                let holds = lexicon().gazetteer.cities.iter().any(|c| {
                    Some(&c.name) == outer.district.as_ref()
                        && inner
                            .district
                            .as_ref()
                            .is_some_and(|d| c.districts.contains(d))
                });
                if holds {
                    out[o].district = out[i].district.clone();
                }
            }
            _ => {}
        }
    }
}

/// The gap of "Karachi's Liaquatabad": a possessive and nothing else.
fn possessive_gap(gap: &str) -> bool {
    let rest = gap
        .strip_prefix("'s")
        .or_else(|| gap.strip_prefix("’s"))
        .map(str::trim_start);
    rest.is_some_and(|r| r.is_empty() || r == "the ")
}

/// "the Sandiaye area of Khar", "Shahtora Takhtikhel in Serai Naurang
/// tehsil": the first lies in the second, which then only contains the
/// place; an unknown locality takes its container's district.
fn mark_containers(rules: Matching<'_>, text: &str, out: &mut [PlaceMention]) {
    for k in 1..out.len() {
        let (inner, outer) = (&out[k - 1], &out[k]);
        let locality = |m: &PlaceMention| m.kind == PlaceKind::Locality && m.place.is_some();
        // "on Jail Road in the Shahi Khel area": the area is the place.
        if !locality(inner) || !locality(outer) || inner.road || inner.end > outer.start {
            continue;
        }
        if !rules.is_match(rule::Nesting, &text[inner.end..outer.start]) {
            continue;
        }
        if inner.district.is_some() && outer.district.is_some() && inner.district != outer.district
        {
            continue;
        }
        let (district, province) = (outer.district.clone(), outer.province.clone());
        // "Lower Kurram near Bagan": near a place is in its district, not
        // inside it.
        let near = text[inner.end..outer.start].contains("near");
        out[k].container |= !near;
        if out[k - 1].district.is_none() {
            out[k - 1].district = district;
            out[k - 1].province = province;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_after_a_wide_mark_is_read_whole() {
        // A dash of three bytes right before a word (found by the property test).
        for text in ["— Bannu", "x —Bannu and — Bannu", "“ Guli Bagh"] {
            let _ = find_places(Matching::plain(), text, 0, text.len(), true, None);
        }
        assert_eq!(name_head("in the Guli "), Some("Guli"));
        assert_eq!(name_head("— "), None);
    }

    fn usable(text: &str) -> Vec<(Option<String>, Option<String>)> {
        let dateline =
            crate::extract::segment::dateline_end(Matching::plain(), text, 0, text.len());
        find_places(Matching::plain(), text, 0, text.len(), true, dateline)
            .into_iter()
            .filter(|m| !m.excluded && !m.dateline)
            .map(|m| (m.district, m.place))
            .collect()
    }

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn the_text_puts_a_locality_in_its_district_or_city() {
        // The gazetteer's Hassan Khel is in Peshawar; the text names another.
        let found = usable("killed in the Hassan Khel area of North Waziristan");
        assert_eq!(found[0], (s("North Waziristan"), s("Hassan Khel")));
        // A city stands for the district of the locality it holds.
        for text in [
            "shot dead in Liaquatabad area of Karachi",
            "shot dead in Karachi's Liaquatabad area",
        ] {
            let districts: Vec<_> = usable(text).into_iter().map(|(d, _)| d).collect();
            assert!(
                districts
                    .iter()
                    .all(|d| d.as_deref() == Some("Karachi Central")),
                "{text}: {districts:?}"
            );
        }
    }

    #[test]
    fn table() {
        #[allow(clippy::type_complexity)]
        let cases: Vec<(&str, Vec<(Option<String>, Option<String>)>)> = vec![
            (
                "in general area Datta Khel, North Waziristan District",
                vec![
                    (s("North Waziristan"), s("Datta Khel")),
                    (s("North Waziristan"), None),
                ],
            ),
            (
                "in the Kabal Khel area of Lakki Marwat district",
                vec![
                    (s("Lakki Marwat"), s("Kabal Khel")),
                    (s("Lakki Marwat"), None),
                ],
            ),
            (
                "Sepoy Waqar Khan, a resident of Peshawar district, was martyred in Tank",
                vec![(s("Tank"), None)],
            ),
            (
                "BANNU: Two soldiers were martyred in Lakki Marwat",
                vec![(s("Lakki Marwat"), None)],
            ),
            // Only proper nouns are names: a lowercase "upper" is no part of
            // one, and does not hide the district after it.
            (
                "Militants were seen in upper Orakzai last week",
                vec![(s("Orakzai"), None)],
            ),
            (
                "a convoy heading to Parachinar came under attack in Bagan",
                vec![(s("Kurram"), s("Bagan"))],
            ),
            ("the Peshawar-Quetta Jaffar Express", vec![]),
        ];
        for (text, want) in cases {
            assert_eq!(usable(text), want, "{text}");
        }
    }
}
