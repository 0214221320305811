//! Event-type cues, militant groups, nationalities, cross-border ties and
//! named operations of one segment.

use crate::incident::EventType;
use crate::lexicon::lexicon;
use crate::rules::{rule, set, Id, ListId, Lower, Lowered, Matching, RuleMask};

/// How strongly a cue marks its event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// "suicide bombers" among the dead of an operation: yields to an
    /// operation or a kidnapping told in the same incident.
    Weak,
    Strong,
}

/// An event-type cue found in a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventCue {
    pub event: EventType,
    pub strength: Strength,
    pub start: usize,
}

/// What each event cue rule of the book types, and how strongly.
const CUES: &[(Id<Lower>, EventType, Strength)] = {
    use EventType::*;
    use Strength::*;
    &[
        (rule::CueSuicideAttack, SuicideAttack, Strong),
        (rule::CueSuicideAttack2, SuicideAttack, Strong),
        (rule::CueSuicideAttack3, SuicideAttack, Strong),
        (rule::CueSuicideAttack4, SuicideAttack, Strong),
        (rule::CueSuicideAttackWeak, SuicideAttack, Weak),
        (rule::CueCrossBorderAttack, CrossBorderAttack, Strong),
        (rule::CueCrossBorderAttack2, CrossBorderAttack, Strong),
        (rule::CueBorderInfiltration, BorderInfiltration, Strong),
        (rule::CueKidnapping, Kidnapping, Strong),
        (rule::CueTargetedKilling, TargetedKilling, Strong),
        (rule::CueBombing, Bombing, Strong),
        (rule::CueBombing2, Bombing, Strong),
        (rule::CueBombingWeak, Bombing, Weak),
        (rule::CueBombing3, Bombing, Strong),
        (rule::CueMilitantAttack, MilitantAttack, Strong),
        (rule::CueMilitantAttackWeak, MilitantAttack, Weak),
        (rule::CueSecurityOperation, SecurityOperation, Strong),
    ]
};

/// Event cues of `lower[start..end]`, where `lower` is the document
/// lowercased with `to_ascii_lowercase` (the rules are written for it).
pub fn event_cues(
    rules: Matching<'_>,
    lower: Lowered<'_>,
    start: usize,
    end: usize,
) -> Vec<EventCue> {
    let matching = rules.set_matches(set::Cues, lower.slice(start..end));
    event_cues_of(rules, lower, start, end, &matching)
}

/// [`event_cues`] when it is known which cue rules match the segment.
pub fn event_cues_of(
    rules: Matching<'_>,
    lower: Lowered<'_>,
    start: usize,
    end: usize,
    matching: &RuleMask,
) -> Vec<EventCue> {
    let slice = lower.slice(start..end);
    let mut cues = Vec::new();
    let matched = || CUES.iter().filter(|(id, _, _)| matching.has(*id));
    if matched().next().is_none() {
        return cues;
    }
    let background: Vec<(usize, usize)> = rules
        .find_iter(rule::Background, slice)
        .map(|found| (found.start(), found.end()))
        .collect();
    for &(id, event, strength) in matched() {
        for found in rules.find_iter(id, slice) {
            if background
                .iter()
                .any(|(s, e)| (*s..*e).contains(&found.start()))
            {
                continue;
            }
            // "caused by a planted device, not by a suicide bomber": the
            // event the text denies is not a cue.
            if rules.is_match(
                rule::Negation,
                slice.slice(crate::text::tail_start(&slice, 0, found.start(), 40)..found.start()),
            ) {
                continue;
            }
            cues.push(EventCue {
                event,
                strength,
                start: start + found.start(),
            });
        }
    }
    cues.sort_by_key(|c| c.start);
    cues
}

/// Afghanistan's state forces fighting Pakistan: `Afghan Taliban` after 15
/// August 2021, no group before (SPEC).
pub const AFGHAN_FORCES: &str = "Afghan forces";

/// Political parties, whose short names look like a group's.
const PARTIES: &[&str] = &[
    "PTI", "PPP", "PPPP", "PML", "PMLN", "MQM", "ANP", "JUI", "JI", "TLP", "BNP", "BAP", "PDM",
    "QWP", "NP", "JUIF",
];

/// Words that, right after a group's name, say the group is not the actor
/// ("the Afghan Taliban's proxy").
const NOT_ACTOR_AFTER: &[&str] = &[
    "proxy",
    "proxies",
    "patronage",
    "support",
    "backing",
    "ally",
    "allies",
    "government",
    "regime",
    "supreme",
    "spokesman",
    "spokesperson",
    "chief",
    "leader",
    "leadership",
    "claims",
    "claim",
];

/// The first group this segment names as a militant actor.
///
/// The state's generic words for militants ("khwarij", "kharji") name the
/// TTP only when no group is named: "khwarij belonging to the Hafiz Gul
/// Bahadur group" are HGB's.
pub fn militant_group(rules: Matching<'_>, text: &str, start: usize, end: usize) -> Option<String> {
    let mut generic: Option<String> = None;
    for (s, e, name) in actor_groups(rules, text, start, end) {
        let written = &text[s..e];
        if written.chars().all(|c| c.is_lowercase()) {
            generic.get_or_insert(name);
        } else {
            return Some(name);
        }
    }
    if rules.answers().rules_out(rule::UnlistedGroup) {
        return generic;
    }
    generic.or_else(|| unlisted_group(rules, text, start, end))
}

/// A militant group outside the lexicon, by the short name the text gives
/// it: "Tehreek-e-Jihad Pakistan (TJP) claimed the attack" -> "TJP".
fn unlisted_group(rules: Matching<'_>, text: &str, start: usize, end: usize) -> Option<String> {
    rules
        .captures_iter(rule::UnlistedGroup, &text[start..end])
        .filter_map(|caps| caps.get(2))
        .map(|short| short.as_str())
        .find(|short| !PARTIES.contains(short))
        .map(str::to_string)
}

/// The groups named in `text[start..end]`, from the segment scan's
/// occurrences of their aliases when it has them: a search of its own with
/// the group automaton cost 5% of the parse.
fn groups_named(
    rules: Matching<'_>,
    text: &str,
    start: usize,
    end: usize,
) -> Vec<(usize, usize, &'static str)> {
    match rules.occurrences(ListId::GroupAliases, start, end) {
        Some(found) => lexicon().groups_among(text, start, end, found),
        None => lexicon().find_groups(text, start, end),
    }
}

fn actor_groups(
    rules: Matching<'_>,
    text: &str,
    start: usize,
    end: usize,
) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (s, e, name) in groups_named(rules, text, start, end) {
        let after = text[e..end].trim_start();
        let possessive = after.starts_with("'s") || after.starts_with("’s");
        let rest = after
            .trim_start_matches("'s")
            .trim_start_matches("’s")
            .trim_start();
        let next_word: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if (possessive || name == "Afghan Taliban") && NOT_ACTOR_AFTER.contains(&next_word.as_str())
        {
            continue;
        }
        // "Afghan forces" are a group only when they fight Pakistan: "Afghan
        // border forces fired mortars at Pakistani posts".
        let written = &text[s..e];
        let fighting = [
            "fired", "opened", "attacked", "shelled", "targeted", "struck", "launched", "resorted",
        ]
        .iter()
        .any(|w| next_word == *w);
        let forces = name == "Afghan Taliban" && !written.to_ascii_lowercase().contains("taliban");
        if forces && !fighting {
            continue;
        }
        // The state's forces are the Taliban's only since August 2021: the
        // assembler decides by the incident's date.
        let name = if forces { AFGHAN_FORCES } else { name };
        out.push((s, e, name.to_string()));
    }
    out
}

/// Whether `lower[start..end]` (the lowercased document) ties its militants
/// to Afghanistan or the border.
pub fn cross_border(rules: Matching<'_>, lower: Lowered<'_>, start: usize, end: usize) -> bool {
    rules.is_match(rule::CrossBorder, lower.slice(start..end))
}

/// Campaigns that are policies, not one event.
const CAMPAIGNS: &[&str] = &[
    "Zarb-e-Azb",
    "Zarb-i-Azb",
    "Azm-e-Istehkam",
    "Radd-ul-Fasaad",
    "Radd-ul-Fassad",
    "Radul Fassad",
    "Khyber",
    "Rah-e-Nijat",
    "Rah-e-Rast",
    "Rah-e-Haq",
    "Sherdil",
    "Black Thunderstorm",
];

/// A named operation ("Operation Sarbakaf" -> "Sarbakaf").
pub fn operation_name(rules: Matching<'_>, text: &str, start: usize, end: usize) -> Option<String> {
    if rules.answers().rules_out(rule::OperationName) {
        return None;
    }
    let caps = rules.captures(rule::OperationName, &text[start..end])?;
    let name = caps.get(1)?.as_str().trim().to_string();
    (!CAMPAIGNS.iter().any(|c| c.eq_ignore_ascii_case(&name))).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{book, Gating, LowerText};

    fn plain() -> Matching<'static> {
        Matching::plain()
    }

    fn top_event(text: &str) -> Option<EventType> {
        event_cues(plain(), LowerText::of(text).view(), 0, text.len())
            .iter()
            .map(|c| c.event)
            .min()
    }

    #[test]
    fn event_table() {
        use EventType::*;
        let cases = [
            (
                "a suicide blast tore through the station",
                Some(SuicideAttack),
            ),
            (
                "rammed an explosives-laden vehicle into the gate",
                Some(SuicideAttack),
            ),
            (
                "troops foiled an infiltration attempt at the Pak-Afghan border",
                Some(BorderInfiltration),
            ),
            ("terrorists kidnapped 17 workers", Some(Kidnapping)),
            ("gunmen attacked a polio team", Some(TargetedKilling)),
            ("an IED went off near a police van", Some(Bombing)),
            ("militants ambushed a convoy", Some(MilitantAttack)),
            (
                "an intelligence based operation was conducted",
                Some(SecurityOperation),
            ),
            (
                "the Afghan Taliban opened fire on border posts",
                Some(CrossBorderAttack),
            ),
            ("The ministry issued a statement on trade.", None),
            // An event the text denies is no cue.
            (
                "the blast was caused by a planted device, not by a suicide bomber",
                Some(Bombing),
            ),
            ("police ruled out a suicide attack", Some(MilitantAttack)),
        ];
        for (text, want) in cases {
            assert_eq!(top_event(text), want, "{text}");
        }
    }

    #[test]
    fn background_record_is_not_a_cue() {
        let text = "the slain men were wanted in cases of attacks and targeted killings";
        assert_eq!(top_event(text), None);
    }

    #[test]
    fn groups() {
        let cases = [
            ("khwarij of Fitna al Khwarij were killed", Some("TTP")),
            (
                "the Afghan Taliban's proxy, Fitna al-Khawarij, did it",
                Some("TTP"),
            ),
            ("the banned TTP's Tipu Gul group", Some("TTP")),
            ("Daesh has claimed responsibility", Some("ISKP")),
            ("the Hafiz Gul Bahadur group", Some("HGB")),
            ("Taliban fighters", None),
            (
                "khwarij belonging to the Hafiz Gul Bahadur group",
                Some("HGB"),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(
                militant_group(plain(), text, 0, text.len()).as_deref(),
                want,
                "{text}"
            );
        }
    }

    #[test]
    fn cross_border_table() {
        let crosses = |t: &str| cross_border(plain(), LowerText::of(t).view(), 0, t.len());
        assert!(crosses("71 Afghan-based terrorists killed"));
        assert!(crosses("handlers in Afghanistan gave orders"));
        assert!(!crosses(
            "close to the tribal areas along the Afghan border"
        ));
    }

    #[test]
    fn operations() {
        let t = "Bajaur (Operation Sarbakaf): 7 killed";
        assert_eq!(
            operation_name(plain(), t, 0, t.len()).as_deref(),
            Some("Sarbakaf")
        );
        let t = "launching Operation Azm-e-Istehkam";
        assert_eq!(operation_name(plain(), t, 0, t.len()), None);
    }

    #[test]
    fn groups_from_the_segment_scan_equal_the_automaton_search() {
        let texts = [
            "Fitna al-Khawarij (FAK), the TTP and the BLA-Azad claimed it",
            "a tip on the ttp; BLA fighters and Daesh-linked men",
            "Tehreek-e-Taliban Pakistan (TTP) and Tehreek-e-Taliban militants",
            "Khawarij of the ISKP, IS-K or ISIS-K struck, khwarij said",
            "No group named here at all",
        ];
        for text in texts {
            let lower = LowerText::of(text);
            let (start, end) = (0, text.len());
            let direct = lexicon().find_groups(text, start, end);
            let scan = book().scan(lower.view(), start, end);
            let gated = Matching::new(book(), Gating::Segment(&scan), book().shared_matcher());
            assert!(gated
                .occurrences(ListId::GroupAliases, start, end)
                .is_some());
            assert_eq!(groups_named(gated, text, start, end), direct, "{text}");
            let half = text.len() / 2;
            assert_eq!(
                groups_named(gated, text, half, end),
                lexicon().find_groups(text, half, end),
                "{text} from {half}"
            );
        }
    }
}
