//! Event-type cues, militant groups, nationalities, cross-border ties and
//! named operations of one segment.

use std::sync::OnceLock;

use crate::extract::rx::Rule;

use super::gate::RecordedWords;
use super::rx::{lowercase_pattern, rule_set, RuleSet};
use crate::incident::EventType;
use crate::lexicon::lexicon;

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

struct CueRule {
    regex: Rule,
    event: EventType,
    strength: Strength,
}

fn rules() -> &'static [CueRule] {
    static RULES: OnceLock<Vec<CueRule>> = OnceLock::new();
    RULES.get_or_init(|| {
        let r = |re: &str, event, strength| CueRule { regex: super::rx::compile(&lowercase_pattern(re)).expect("valid cue regex"), event, strength };
        use EventType::*;
        use Strength::*;
        vec![
            r(r"(?i)\bsuicide[\s-]+(?:attacks?|bombings?|blasts?|explosions?|assaults?|strikes?|car\s+bomb(?:ing)?s?)\b", SuicideAttack, Strong),
            r(r"(?i)\bsuicide\s+(?:bomber|attacker)s?\b[^.;]{0,60}?\b(?:blew|struck|rammed|detonated|exploded|hit|attacked|targeted|riding|drove)\b", SuicideAttack, Strong),
            r(r"(?i)\b(?:blew|blown)\s+(?:himself|herself|themselves)\s+up\b", SuicideAttack, Strong),
            r(r"(?i)\bexplosives?[\s-]+(?:laden|packed|filled)\s+(?:vehicles?|cars?|trucks?|motorcycles?)\b|\b(?:vehicles?|cars?|trucks?)\s+(?:packed|laden|loaded|filled|rigged)\s+with\s+explosives\b|\bVBIED|\bvehicle[\s-]borne\b", SuicideAttack, Strong),
            r(r"(?i)\bsuicide\s+(?:bomber|attacker)s?\b", SuicideAttack, Weak),
            r(r"(?i)\bcross[\s-]+border\s+(?:attacks?|fire|firing|shelling|raids?|strikes?|aggression)\b|\bfrom\s+across\s+the\s+border\b[^.;]{0,40}\b(?:fire|fired|attack|attacked|shell)|\b(?:fired|firing|shelling|attack(?:ed)?|mortars?|shells?)\b[^.;]{0,30}\bfrom\s+(?:across\s+the\s+(?:Afghan\s+|Pak-Afghan\s+)?border|Afghanistan|(?:the\s+)?Afghan\s+(?:side|territory|soil))\b", CrossBorderAttack, Strong),
            r(r"(?i)\bAfghan\s+(?:Taliban|forces|border\s+forces)\b[^.;]{0,40}\b(?:attack(?:ed)?|fired|opened\s+(?:\w+\s+)?fire|shelling|mortars?|tried\s+to\s+attack)\b|\b(?:fired|attack|attacks|mortars?|shelling|fire)\s+(?:by|from)\s+the\s+Afghan\s+(?:Taliban|forces)\b", CrossBorderAttack, Strong),
            r(r"(?i)\binfiltrat\w*\b[^.;]{0,80}\bborder\b|\bborder\b[^.;]{0,60}\binfiltrat\w*|\b(?:attempt\w*|trying|tried)\s+to\s+(?:cross|sneak|enter)\s+(?:into\s+)?Pakistan\b|\b(?:attempt\w*|trying|tried|bid)\s+to\s+infiltrate\b|\binfiltrat\w*\s+(?:\w+\s+){0,2}from\s+(?:Afghanistan|across)", BorderInfiltration, Strong),
            r(r"(?i)\b(?:kidnap\w*|abduct\w*|hijack\w*|hostages?|taken\s+captive)\b", Kidnapping, Strong),
            r(r"(?i)\btarget(?:ed)?[\s-]+killings?\b|\bassassinat\w*|\b(?:attack\w*|killed|shot|firing|fired|martyred|gunned|escorting|guarding)\b[^.;]{0,60}\bpolio\b|\bpolio\b[^.;]{0,60}\b(?:attack\w*|killed|shot|firing|fired|martyred|gunned)\b", TargetedKilling, Strong),
            r(r"(?i)\b(?:IEDs?|improvised\s+explosive|bomb|bombs|bombing|bombings|blasts?|explosions?|explosive\s+device|landmines?|land\s+mines?|mines?\s+blast|blown\s+up|blew\s+up|blowing\s+up|went\s+off|exploded|detonated|planted\s+explosives|roadside\s+device)\b", Bombing, Strong),
            // Grenades and rockets thrown in an armed assault are the assault's
            // weapons; alone ("hurled a grenade at a shop") they bomb.
            r(r"(?i)\bgrenade\s+(?:attack|blast|explosion)s?\b|\b(?:hurled|threw|lobbed|tossed|hurling|throwing)\s+(?:a|one)\s+(?:hand[\s-]+)?grenade\b", Bombing, Strong),
            r(r"(?i)\b(?:hand[\s-]+)?grenades?\b", Bombing, Weak),
            // Militants' quadcopters drop explosives on their targets.
            r(r"(?i)\bquad-?copters?\b", Bombing, Strong),
            r(r"(?i)\b(?:attack|attacks|attacked|attacking|assault|assaulted|ambush\w*|raided|stormed|storm|opened\s+(?:\w+\s+)?fire|fired\s+(?:[\w-]+\s+){0,2}?(?:at|on)|rocket\s+attacks?|fired\s+rockets|firing|gunmen|came\s+under\s+fire|under\s+attack|massacre|laid\s+siege\s+to|besieged|targeted\s+a|carnage|savage\s+act|heinous\s+act|terrorist\s+act|act\s+of\s+terror\w*|shot\s+(?:dead|at)|shot\s+(?:him|her|them)\s+dead|gunned\s+down|(?:militants|attackers?|assailants?|gunmen|terrorists|miscreants)\s+(?:\w+\s+)?targeted|(?:thwarted|foiled|repulsed|failed|averted)\s+(?:an?\s+|the\s+|their\s+)?(?:\w+\s+)?(?:attempt|bid)|attempt(?:ed|ing)?\s+to\s+(?:enter|storm|attack|raid|overrun|break\s+into))\b", MilitantAttack, Strong),
            // A fight with no stated initiator: the attack of militants only
            // when no operation of the forces is told.
            r(r"(?i)\b(?:exchange\s+of\s+fire|fire\s+exchange|exchanged\s+fire|clash|clashes|gun\s+battle|gunfight|firefight)\b", MilitantAttack, Weak),
            r(r"(?i)\b(?:IBOs?|intelligence[\s-]+based\s+operations?|operation|operations|raid|raids|search\s+and\s+strike|(?:aircraft|jets?|planes?|drones?|helicopters?|gunships?)\s+(?:\w+\s+)?(?:struck|hit|bombed|targeted|pounded)|encounter|engagement|engaged|air\s*strikes?|strikes?|combing|cordon|sent\s+to\s+hell|neutrali[sz]ed|eliminated|arrested|apprehended|captured|custody|caught)\b", SecurityOperation, Strong),
        ]
    })
}

/// Phrases after which violence words describe a record, not this event
/// ("wanted in cases of attacks", "involved in numerous terrorist activities").
fn background_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    RE.get_or_init(|| {
        super::rx::compile(&lowercase_pattern(r"(?i)\b(?:involved\s+in|wanted\s+in|wanted\b[^.;]{0,60}?\bfor|responsible\s+for|cases\s+of|history\s+of|masterminds?\s+of|behind\s+(?:several|numerous|many))\b[^.;]*|\bwhether\b[^.;]*|\b(?:describing|described|calling|called)\s+it\s+(?:as\s+)?(?:a|an)\b[^.;]*|\b(?:attempt|design|bid|plan|plot)\s+to\s+(?:create|take|stage|carry)\b[^.;]*")).expect("valid regex")
    })
}

fn cue_set() -> &'static RuleSet {
    static SET: OnceLock<RuleSet> = OnceLock::new();
    SET.get_or_init(|| rule_set(cue_rules()))
}

/// The rules [`event_cues_of`] takes the matches of, in their order.
pub fn cue_rules() -> impl Iterator<Item = &'static Rule> {
    rules().iter().map(|r| &r.regex)
}

/// Event cues of `lower[start..end]`, where `lower` is the document
/// lowercased with `to_ascii_lowercase` (the rules are written for it).
pub fn event_cues(lower: &str, start: usize, end: usize) -> Vec<EventCue> {
    let matching = cue_set().matches(&lower[start..end]);
    event_cues_of(lower, start, end, matching.iter())
}

/// [`event_cues`] when it is known which of the [`cue_rules`] match the
/// segment (by their indexes, in order).
pub fn event_cues_of(
    lower: &str,
    start: usize,
    end: usize,
    matching: impl Iterator<Item = usize>,
) -> Vec<EventCue> {
    let slice = &lower[start..end];
    let mut cues = Vec::new();
    let mut matching = matching.peekable();
    if matching.peek().is_none() {
        return cues;
    }
    let background: Vec<(usize, usize)> = background_regex()
        .find_iter(slice)
        .map(|m| (m.start(), m.end()))
        .collect();
    for rule in matching.map(|i| &rules()[i]) {
        for m in rule.regex.find_iter(slice) {
            if background
                .iter()
                .any(|(s, e)| (*s..*e).contains(&m.start()))
            {
                continue;
            }
            // "caused by a planted device, not by a suicide bomber": the
            // event the text denies is not a cue.
            if negation_regex().is_match(crate::text::tail(slice, 0, m.start(), 40)) {
                continue;
            }
            cues.push(EventCue {
                event: rule.event,
                strength: rule.strength,
                start: start + m.start(),
            });
        }
    }
    cues.sort_by_key(|c| c.start);
    cues
}

fn negation_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    RE.get_or_init(|| {
        super::rx::compile(r"(?:\bnot|\bnever|ruled\s+out|rather\s+than|instead\s+of)\s+(?:by\s+|from\s+)?(?:a\s+|an\s+|the\s+)?$")
            .expect("valid regex")
    })
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
pub fn militant_group(text: &str, start: usize, end: usize) -> Option<String> {
    let mut generic: Option<String> = None;
    for (s, e, name) in actor_groups(text, start, end) {
        let written = &text[s..e];
        if written.chars().all(|c| c.is_lowercase()) {
            generic.get_or_insert(name);
        } else {
            return Some(name);
        }
    }
    generic.or_else(|| unlisted_group(text, start, end))
}

fn unlisted_group_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    RE.get_or_init(|| {
        super::rx::compile(r"\b((?:Tehreek|Tehrik|Tahreek|Lashkar|Jaish|Jamaat|Jamat|Jundullah|Harkat|Hizb|Ansar|Majeed|Fidayeen)[\w-]*(?:[\s-]+(?:[A-Z][\w'’-]*|e|i|ul|al|of|the)){1,5})\s+\(([A-Z]{2,6})\)")
            .expect("valid regex")
    })
}

/// A militant group outside the lexicon, by the short name the text gives
/// it: "Tehreek-e-Jihad Pakistan (TJP) claimed the attack" -> "TJP".
fn unlisted_group(text: &str, start: usize, end: usize) -> Option<String> {
    unlisted_group_regex()
        .captures_iter(&text[start..end])
        .filter_map(|caps| caps.get(2))
        .map(|m| m.as_str())
        .find(|short| !PARTIES.contains(short))
        .map(str::to_string)
}

/// The group aliases, found by the segment scan.
fn recorded_aliases() -> &'static RecordedWords {
    static WORDS: OnceLock<RecordedWords> = OnceLock::new();
    WORDS.get_or_init(|| RecordedWords::new(lexicon().group_aliases()))
}

/// The groups named in `text[start..end]`, from the segment scan's
/// occurrences of their aliases when it has them: a search of its own with
/// the group automaton cost 5% of the parse.
fn groups_named(text: &str, start: usize, end: usize) -> Vec<(usize, usize, &'static str)> {
    match recorded_aliases().occurrences(text, start, end) {
        Some(found) => lexicon().groups_among(text, start, end, found),
        None => lexicon().find_groups(text, start, end),
    }
}

fn actor_groups(text: &str, start: usize, end: usize) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (s, e, name) in groups_named(text, start, end) {
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

fn cross_border_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    RE.get_or_init(|| {
        super::rx::compile(&lowercase_pattern(concat!(
            r"(?i)\bAfghan[\s-]+(?:based|linked|backed|sponsored|trained|origin)\b",
            r"|\binfiltrat\w*[^.;]{0,80}\bborder\b|\bborder\b[^.;]{0,60}\binfiltrat\w*",
            r"|\bcross[\s-]+border\b",
            r"|\bacross\s+the\s+border\b",
            r"|\bfrom\s+(?:inside\s+|within\s+)?Afghanistan\b",
            r"|\b(?:in|inside)\s+Afghanistan\b[^.;]{0,30}\b(?:handlers?|masterminds?|leaders?|leadership|sanctuar\w*|hideouts?|safe\s+havens?)\b",
            r"|\b(?:handlers?|masterminds?|leaders?|leadership|contact|sanctuar\w*|hideouts?|safe\s+havens?|commanders?)\b[^.;]{0,40}\b(?:in|inside|from)\s+Afghanistan\b",
            r"|\bAfghan\s+(?:soil|territory)\b",
            r"|\bAfghan\s+Taliban\b",
            r"|\bPak(?:istan)?-Afghan(?:istan)?\s+border\b[^.;]{0,40}\b(?:infiltrat\w*|cross\w*)",
            r"|\bAfghan\s+(?:national|nationals|suicide|fighters?|operatives?|militants?|terrorists?|khwarij|khawarij|bomber)\b",
        )))
        .expect("valid regex")
    })
}

/// Whether `lower[start..end]` (the lowercased document) ties its militants
/// to Afghanistan or the border.
pub fn cross_border(lower: &str, start: usize, end: usize) -> bool {
    cross_border_regex().is_match(&lower[start..end])
}

fn operation_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    RE.get_or_init(|| {
        super::rx::compile(
            r#"\bOperation\s+['"‘“]?([A-Z][\w-]*(?:[\s-]+(?:e|i|ul|al|[A-Z][\w-]*))*)['"’”]?"#,
        )
        .expect("valid regex")
    })
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
pub fn operation_name(text: &str, start: usize, end: usize) -> Option<String> {
    let caps = operation_regex().captures(&text[start..end])?;
    let name = caps.get(1)?.as_str().trim().to_string();
    (!CAMPAIGNS.iter().any(|c| c.eq_ignore_ascii_case(&name))).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top_event(text: &str) -> Option<EventType> {
        event_cues(&text.to_ascii_lowercase(), 0, text.len())
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
                militant_group(text, 0, text.len()).as_deref(),
                want,
                "{text}"
            );
        }
    }

    #[test]
    fn cross_border_table() {
        let lower = |t: &str| t.to_ascii_lowercase();
        assert!(cross_border(
            &lower("71 Afghan-based terrorists killed"),
            0,
            31
        ));
        let t = lower("handlers in Afghanistan gave orders");
        assert!(cross_border(&t, 0, t.len()));
        let t = lower("close to the tribal areas along the Afghan border");
        assert!(!cross_border(&t, 0, t.len()));
    }

    #[test]
    fn operations() {
        let t = "Bajaur (Operation Sarbakaf): 7 killed";
        assert_eq!(operation_name(t, 0, t.len()).as_deref(), Some("Sarbakaf"));
        let t = "launching Operation Azm-e-Istehkam";
        assert_eq!(operation_name(t, 0, t.len()), None);
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
            let lower = text.to_ascii_lowercase();
            let (start, end) = (0, text.len());
            let direct = lexicon().find_groups(text, start, end);
            let _scan = crate::extract::gate::SegmentScan::enter(text, &lower, start, end);
            // Register the aliases, then scan again with them known.
            let _ = groups_named(text, start, end);
            let _scan = crate::extract::gate::SegmentScan::enter(text, &lower, start, end);
            assert!(recorded_aliases().occurrences(text, start, end).is_some());
            assert_eq!(groups_named(text, start, end), direct, "{text}");
            let half = text.len() / 2;
            assert_eq!(
                groups_named(text, half, end),
                lexicon().find_groups(text, half, end),
                "{text} from {half}"
            );
        }
    }
}
