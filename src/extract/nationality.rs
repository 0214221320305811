//! Nationalities given to militants: "an Afghan suicide bomber", "three
//! Afghan National khwarij", "90% of whom were Afghan nationals", "a resident
//! of Achin, Nangarhar, Afghanistan".

use super::casualties::{Casualty, Outcome};
use super::tokens::Token;
use crate::lexicon::{in_vocabulary, lexicon, PlaceKind, Side};
use crate::rules::{rule, Matching};
use crate::text::starts_with_any_case;

/// Words after a demonym that make it something other than a person.
const NOT_PEOPLE: &[&str] = &[
    "taliban",
    "government",
    "soil",
    "territory",
    "border",
    "side",
    "forces",
    "force",
    "posts",
    "post",
    "refugees",
    "refugee",
    "interim",
    "authorities",
    "officials",
    "embassy",
    "regime",
    "capital",
    "counterparts",
    "people",
    "trade",
    "transit",
    "province",
    "provinces",
    "army",
    "troops",
    "soldiers",
    "military",
    "minister",
    "ministry",
    "leadership",
    "leaders",
    "foreign",
    "defence",
    "defense",
    "media",
    "sim",
    "mobile",
    "currency",
    "nation",
    "nationality",
    "interior",
    "envoy",
    "consulate",
    "cities",
    "villages",
    "town",
    "city",
    "war",
    "peace",
    "engineers",
    "workers",
    "staff",
    "citizens",
    "diplomats",
    "students",
    "journalists",
    "traders",
];

/// A common noun for militants (the lexicon's vocabulary).
fn militant_noun(word: &str) -> bool {
    in_vocabulary("militant_nouns", word) || in_vocabulary("militant_noun_singulars", word)
}

/// Words after a demonym that make it a militant, besides the common
/// nouns for militants.
const MILITANT_HEADS: &[&str] = &[
    "national",
    "nationals",
    "suicide",
    "bomber",
    "bombers",
    "fighters",
    "fighter",
    "operatives",
    "operative",
    "explosives",
    "expert",
    "commander",
    "commanders",
    "facilitator",
    "facilitators",
    "attacker",
    "attackers",
    "recruits",
    "jihadists",
    "cadres",
    "infiltrators",
    "origin",
];

/// What one segment says of the militants' nationalities.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Nationalities {
    /// Each nationality with its count where the segment states one.
    pub stated: Vec<(String, Option<u32>)>,
    /// Shares whose base is the incident's dead militants, told elsewhere:
    /// "90% of the terrorists killed were Afghan nationals" (percent).
    pub shares: Vec<(String, u32)>,
}

/// Nationalities of militants in one segment, with counts where stated.
pub fn find_nationalities(
    rules: Matching<'_>,
    text: &str,
    start: usize,
    end: usize,
    list_item: bool,
    tokens: &[Token<'_>],
    casualties: &[Casualty],
) -> Nationalities {
    let lex = lexicon();
    let mut out: Vec<(String, Option<u32>)> = Vec::new();
    let mut shares: Vec<(String, u32)> = Vec::new();
    for (s, e, nationality) in lex.find_demonyms(text, start, end) {
        let rest = text[e..end].trim_start_matches('-').trim_start();
        let tie = [
            "based",
            "linked",
            "backed",
            "sponsored",
            "funded",
            "proxy",
            "trained",
            "supported",
            "origin",
        ]
        .iter()
        .any(|w| starts_with_any_case(rest, w));
        if text[e..end].starts_with('-') || tie {
            continue; // "Afghan-based", "Indian sponsored": a tie, not a nationality
        }
        let Some(at) = tokens.iter().position(|t| t.start <= s && s < t.end) else {
            continue;
        };
        let following: Vec<&str> = tokens[at + 1..].iter().take(3).map(|t| t.lower).collect();
        if following.first().is_some_and(|w| NOT_PEOPLE.contains(w)) {
            continue;
        }
        let head = following
            .iter()
            .take_while(|w| !NOT_PEOPLE.contains(w))
            .any(|w| MILITANT_HEADS.contains(w) || militant_noun(w));
        // "were Afghan nationals", "were identified as Afghans".
        let predicative = at > 0 && tokens[at - 1].is_any(&["was", "were", "is", "are"])
            || at > 1
                && tokens[at - 1].is("as")
                && tokens[at - 2].is_any(&["identified", "confirmed", "found"])
            || following.is_empty();
        // "Afghan nationals" are militants only where the sentence speaks of
        // militants; "the vehicle carrying the Chinese nationals" are victims.
        let only_nationals = following
            .first()
            .is_some_and(|w| matches!(*w, "national" | "nationals" | "citizen" | "citizens"));
        if only_nationals && !list_item && !rules.is_match(rule::MilitantContext, &text[start..end])
        {
            continue;
        }
        if !head && !predicative {
            continue;
        }
        // Victims are not militants: "two Chinese nationals were killed".
        let counted = casualties
            .iter()
            .find(|c| c.first <= at && at < c.noun_next.max(c.next));
        if let Some(c) = counted {
            if c.outcome != Outcome::Arrested && matches!(c.side, Side::Civilians | Side::Security)
            {
                continue;
            }
        }
        let mut count = counted.filter(|c| c.value > 0).map(|c| c.value);
        if count.is_none() && at > 0 && tokens[at - 1].is_any(&["a", "an", "one"]) {
            count = Some(1);
        }
        if count.is_none() && predicative {
            // "Four of the killed khwarij were Afghan nationals": the subject's count.
            let clause_start = tokens[..at]
                .iter()
                .rposition(|t| t.is_clause_break() || t.raw == ",")
                .map_or(0, |p| p + 1);
            count = super::numbers::count_at(tokens, clause_start)
                .filter(|c| c.next < at)
                .map(|c| c.value);
        }
        if count.is_none() && at > 0 {
            count = super::numbers::count_at(tokens, at - 1)
                .filter(|c| c.next == at)
                .map(|c| c.value);
        }
        if let Some(caps) = rules.captures(rule::Percent, crate::text::tail(text, start, s, 80)) {
            let base = casualties
                .iter()
                .rfind(|c| !c.part && c.start_before(at))
                .map(|c| c.value);
            match (caps[1].parse::<u32>().ok().filter(|p| *p <= 100), base) {
                (Some(pct), Some(base)) => {
                    // In u64: a share of a count near u32::MAX overflowed.
                    let share = (u64::from(base) * u64::from(pct) + 50) / 100;
                    count = Some(u32::try_from(share).unwrap_or(u32::MAX))
                }
                (Some(pct), None) => shares.push((nationality.to_string(), pct)),
                _ => {}
            }
        }
        add(&mut out, nationality, count);
    }
    origins(rules, text, start, end, &mut out);
    Nationalities {
        stated: out,
        shares,
    }
}

impl Casualty {
    fn start_before(&self, token: usize) -> bool {
        self.first < token
    }
}

fn add(out: &mut Vec<(String, Option<u32>)>, nationality: &str, count: Option<u32>) {
    match out.iter_mut().find(|(n, _)| n == nationality) {
        Some(entry) => {
            if entry.1.is_none() {
                entry.1 = count;
            }
        }
        None => out.push((nationality.to_string(), count)),
    }
}

/// "a resident of Achin, Nangarhar, Afghanistan": a militant from a place in
/// another country has that country's nationality.
fn origins(
    rules: Matching<'_>,
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<(String, Option<u32>)>,
) {
    let lex = lexicon();
    // A rule, not a plain search: the segment scan already knows whether
    // any of the words occurs.
    let answers = rules.answers();
    if !answers.is_match(rules, rule::MilitantWords, &text[start..end]) {
        return;
    }
    for place in lex.find_places(text, start, end) {
        let p = lex.place(place.index);
        let afghan = matches!(
            p.kind,
            PlaceKind::AfghanProvince | PlaceKind::AfghanDistrict
        ) || (p.kind == PlaceKind::Country && p.canonical == "Afghanistan");
        if !afghan
            || !rules.is_match(
                rule::Origin,
                crate::text::tail(text, start, place.start, 80),
            )
        {
            continue;
        }
        let Some(nationality) = lex.nationality_of_country("Afghanistan") else {
            continue;
        };
        if out.iter().any(|(n, _)| n == nationality) {
            continue;
        }
        let lead = text[start..place.start].to_ascii_lowercase();
        let singular = lead.contains(" a ")
            || lead.contains(" an ")
            || lead.starts_with("a ")
            || lead.starts_with("an ");
        add(out, nationality, singular.then_some(1));
    }
}
