//! Everything the extractors read from one segment (or one clause of it).

use std::sync::OnceLock;

use crate::extract::rx::Rule;

use super::casualties::{find_casualties, Casualty};
use super::cues::{
    cross_border, cue_rules, event_cues_of, militant_group, operation_name, EventCue,
};
use super::dates::{find_dates, DateExpr, DateMention};
use super::nationality::find_nationalities;
use super::places::{find_places, PlaceMention};
use super::rx::{lowercase_pattern, lowercase_regex, rule_set, RuleSet};
use super::tokens::tokenize;
use crate::incident::EventType;

/// Facts read from one piece of text.
#[derive(Debug, Clone)]
pub struct Clues {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    pub list_item: bool,
    pub list_lead: Option<usize>,
    pub casualties: Vec<Casualty>,
    pub dates: Vec<DateMention>,
    pub places: Vec<PlaceMention>,
    pub cues: Vec<EventCue>,
    pub group: Option<String>,
    pub nationalities: Vec<(String, Option<u32>)>,
    /// Nationality shares of the incident's dead militants ("90% of the
    /// terrorists killed were Afghans"), resolved against its count.
    pub nationality_shares: Vec<(String, u32)>,
    pub cross_border: bool,
    pub operation: Option<String>,
    /// Statistics or a sum over several events: never an incident.
    pub summary: bool,
    /// The events are counted: "in two separate attacks".
    pub counted_events: bool,
    /// Figures for a day's events counted together ("eight killed in two
    /// IBOs on Thursday"): an incident unless the events are told apart.
    pub event_sum: Option<u32>,
    /// "In another ...", "Separately", "Meanwhile": a new event starts.
    pub new_event: bool,
    /// "had opened fire", "had been killed": an event before the one in hand.
    pub earlier_told: bool,
    /// "Earlier today, a statement said ...": only a time marks it new, so
    /// told in the same place it may be the same event from another source.
    pub retold: bool,
    /// "the attack", "the militants": refers to an event already told.
    pub reference: bool,
    /// A clause split off its sentence ("..., which prompted an operation in which ...").
    pub split_clause: bool,
    /// A split-off clause that recalls an earlier event to compare ("...,
    /// the deadliest since the attack on ..."): it inherits nothing.
    pub comparison: bool,
    /// "also": counts add to those told before.
    pub also: bool,
    /// "in addition to the suicide bomber": one more militant dead.
    pub plus_bomber: bool,
    /// "terrorists stormed the jail": militants named doing a deed, an
    /// event told rather than referred to.
    pub actor_deed: bool,
    /// "Coordinated attacks hit the province at 12 locations": a summary
    /// of events at many places, told one by one after it.
    pub many_places: bool,
    /// "caught two facilitators", "the men behind the attack": forces go
    /// after the people of an attack told before.
    pub pursuit: bool,
    /// "During the operations, ...": a step of an operation told before.
    pub operation_step: bool,
    /// "blamed the TTP for these attacks", "claimed by": attacks laid at a
    /// group's door.
    pub blames: bool,
    /// An intelligence-based operation, air strike or raid is told.
    pub operation_told: bool,
    /// A plural event noun ("attacks", "operations") is the subject.
    pub plural_events: bool,
    /// A singular event noun with an article ("an attack", "a blast").
    pub singular_event: bool,
    /// Plural events without a count or quantifier ("the attacks"): a
    /// summary only when no incident is being told.
    pub bare_plural: bool,
    /// "Forces retaliated", "repulsed the attack": the answer to the
    /// attack in hand.
    pub response: bool,
    /// "No militant attack was recorded": no event at all.
    pub negated: bool,
    /// What kind of event a definite reference points to ("the blast").
    pub reference_kind: Option<ReferenceKind>,
    /// A shooting aimed at someone: "shot dead", "gunned down", "opened fire on".
    pub shooting: bool,
    /// Fire opened on a post or a convoy ("fired on a police checkpoint"):
    /// an assault on a position, not on a person singled out.
    pub post_fired_on: bool,
    /// An attack on someone's home: "stormed the home of", "attacked his house".
    pub home_attack: bool,
    /// A prominent person is named: a leader, cleric, judge, journalist...
    pub prominent_victim: bool,
}

/// The kind of event a definite reference names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceKind {
    Suicide,
    Blast,
    Strike,
    Operation,
    Attack,
    Kidnapping,
}

impl ReferenceKind {
    /// Whether an incident with these cue types can be what the reference names.
    pub fn fits(self, events: &[EventType]) -> bool {
        use EventType::*;
        events.iter().any(|e| match self {
            ReferenceKind::Suicide => *e == SuicideAttack,
            ReferenceKind::Blast => matches!(e, SuicideAttack | Bombing),
            ReferenceKind::Strike => matches!(e, CrossBorderAttack | SecurityOperation),
            ReferenceKind::Operation => *e == SecurityOperation,
            ReferenceKind::Kidnapping => *e == Kidnapping,
            ReferenceKind::Attack => !matches!(e, SecurityOperation | Other),
        })
    }
}

impl Clues {
    /// Casualty counts that are totals (not parts).
    pub fn counts(&self) -> impl Iterator<Item = &Casualty> {
        self.casualties.iter().filter(|c| !c.part)
    }

    pub fn has_counts(&self) -> bool {
        self.counts().any(|c| !c.zero)
    }

    /// Places that can be where the incident happened.
    pub fn usable_places(&self) -> impl Iterator<Item = &PlaceMention> {
        self.places.iter().filter(|p| !p.excluded && !p.dateline)
    }

    /// A district or locality (not only a province or country).
    pub fn has_specific_place(&self) -> bool {
        self.usable_places()
            .any(|p| p.district.is_some() || p.place.is_some())
    }

    /// Distinct districts of the usable places.
    pub fn districts(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for d in self.usable_places().filter_map(|p| p.district.as_deref()) {
            if !out.contains(&d) {
                out.push(d);
            }
        }
        out
    }

    /// Violence is told: counts, an attack-type cue, or a told operation.
    pub fn eventive(&self) -> bool {
        !self.negated
            && (self.has_counts()
                || self.operation_told
                || self
                    .cues
                    .iter()
                    .any(|c| c.event != EventType::SecurityOperation))
    }

    /// One specific event is told, so a new incident may start here.
    pub fn tells_event(&self) -> bool {
        let attack_cue = self
            .cues
            .iter()
            .any(|c| c.event != EventType::SecurityOperation);
        // "the December 16, 2014, Peshawar school massacre": a place, a
        // calendar date and an attack name one event even beside plurals.
        let dated_and_placed = self.has_specific_place()
            && self.dates.iter().any(|d| {
                !d.statement && matches!(d.expr, DateExpr::Calendar { .. } | DateExpr::Year(_))
            });
        !self.negated
            && (self.has_counts()
                || self.singular_event
                || self.operation_told
                || (attack_cue && (!self.plural_events || dated_and_placed)))
    }

    /// Dates of the event (not of a statement).
    pub fn event_dates(&self) -> impl Iterator<Item = &DateMention> {
        self.dates.iter().filter(|d| !d.statement)
    }
}

fn regex(cell: &'static OnceLock<Rule>, pattern: &str) -> &'static Rule {
    cell.get_or_init(|| super::rx::compile(pattern).expect("valid regex"))
}

fn operation_told_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:IBOs?|intelligence[\s-]+based\s+operations?|intelligence[\s-]+led\s+operations?|an?\s+(?:air|drone)\s*strike|(?:search|combing|security|military|joint|counter-?terrorism|targeted|clearance|sanitisation|sanitization|deliberate)\s+operations?\s+(?:was|were|had\s+been|has\s+been)?\s*(?:conducted|carried\s+out|launched)|(?:conducted|carried\s+out|launched|undertook|undertaken)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}operations?|(?:another|an?)\s+engagement|(?:first|second|third|fourth|fifth|another|separate)\s+(?:operation|IBO|engagement|encounter)|(?:police|CTD|security\s+forces|troops)\s+(?:\w+\s+)?encounter|operations?\s+(?:conducted|carried\s+out|launched)|operation\s+(?:was|were)\s+(?:conducted|carried\s+out)|raid(?:ed)?\s+(?:a|an|the)\s+(?:[\w-]+\s+)?hideout|during\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?operation|search\s+and\s+strike\s+operation|(?:aircraft|jets?|planes?|drones?)\s+(?:\w+\s+)?(?:struck|hit|bombed|targeted)|sent\s+to\s+hell|neutrali[sz]ed)\b",
    )
}

const EVENT_NOUNS_PLURAL: &str = r"attacks|incidents|operations|IBOs|engagements|assaults|blasts|bombings|encounters|strikes|actions|clashes|IEDs|raids|ambushes|killings|explosions|acts\s+of\s+terrorism";

fn counted_events_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    RE.get_or_init(|| {
        super::rx::compile(&lowercase_pattern(&format!(
            r"(?i)\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens\s+of|hundreds\s+of|scores\s+of)\s+(?:[\w-]+\s+){{0,3}}?(?:{EVENT_NOUNS_PLURAL})\b"
        )))
        .expect("valid regex")
    })
}

/// "Forces killed 17 terrorists in Khyber Pakhtunkhwa and Balochistan": a
/// toll over as many events as the provinces (or districts) it names, when
/// the text tells each after it (the assembler checks).
fn areas_counted(clues: &Clues) -> Option<u32> {
    if !clues.has_counts() || clues.list_item {
        return None;
    }
    let mut provinces: Vec<&str> = Vec::new();
    for p in clues.usable_places().filter_map(|p| p.province.as_deref()) {
        if !provinces.contains(&p) {
            provinces.push(p);
        }
    }
    let areas = provinces.len().max(clues.districts().len());
    (areas >= 2).then_some(areas as u32)
}

/// How many events "two separate attacks" counts.
fn events_counted(low: &str) -> Option<u32> {
    let m = counted_event_matches(low).next()?;
    let first = m.split_whitespace().next()?;
    first
        .parse()
        .ok()
        .or_else(|| super::numbers::word_value(first))
        .filter(|&n| n >= 2)
}

/// The matches of [`counted_events_regex`] whose number counts the events:
/// "two separate attacks", not "22 terrorists in separate operations".
fn counted_event_matches(low: &str) -> impl Iterator<Item = &str> {
    const NOT_BETWEEN: &[&str] = &[
        "in",
        "of",
        "at",
        "on",
        "during",
        "by",
        "from",
        "with",
        "and",
        "were",
        "was",
        "killed",
        "injured",
        "martyred",
        "terrorists",
        "militants",
        "people",
        "soldiers",
        "khwarij",
        "khawarij",
        "civilians",
        "policemen",
        "personnel",
    ];
    counted_events_regex().find_iter(low).filter_map(|m| {
        let words: Vec<&str> = m.as_str().split_whitespace().collect();
        let between = &words[1..words.len().saturating_sub(1)];
        (!between.iter().any(|w| NOT_BETWEEN.contains(w))).then_some(m.as_str())
    })
}

/// "killed in (terrorist) attacks": a toll over several events.
fn plural_locus_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:in|during)\s+(?:(?:separate|different|various|several|multiple|terror|terrorist|militant|such)\s+){0,2}(?:attacks|incidents|activities|acts\s+of\s+(?:terror|terrorism|violence))\b",
    )
}

/// "in the same area": the place of an event told before.
fn same_place_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\bthe\s+same\s+(?:area|town|village|post|district|place|city|spot|checkpost|check-post|locality)\b",
    )
}

/// Events spread over a province or the country, not one place.
fn scattered_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:across|throughout)\s+the\s+(?:province|country|region)|in\s+(?:different|various|several|multiple)\s+(?:parts|areas|districts|cities)\b|\b(?:at|in|on)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens\s+of|several|multiple|different|various)\s+(?:locations|places|sites|points|spots|fronts|cities|towns)\b",
    )
}

fn quantified_plural_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    RE.get_or_init(|| {
        super::rx::compile(&lowercase_pattern(&format!(
            r"(?i)(\b(?:the|these|those|its|their)\s+)?\b(?:several|numerous|various|multiple|many|different|series\s+of|string\s+of|wave\s+of|spate\s+of|spree\s+of|number\s+of|rise\s+in|surge\s+in|spike\s+in)\s+(?:[\w-]+\s+){{0,3}}?(?:{EVENT_NOUNS_PLURAL})\b"
        )))
        .expect("valid regex")
    })
}

fn plural_events_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    RE.get_or_init(|| {
        super::rx::compile(&lowercase_pattern(&format!(
            // "the ongoing violence", "a fresh round of fighting": many
            // events told as one mass.
            r"(?i)\b(?:{EVENT_NOUNS_PLURAL}|airstrikes|air\s+strikes|(?:ongoing|recent|fresh|renewed|latest|sectarian|tribal)\s+(?:round\s+of\s+|wave\s+of\s+)?(?:violence|fighting|unrest|hostilities)|round\s+of\s+(?:fighting|violence|clashes))\b"
        )))
        .expect("valid regex")
    })
}

fn negated_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\bno\s+(?:\w+\s+)?(?:attacks?|incidents?|violence)\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:recorded|reported)",
    )
}

/// Deaths without militant violence: accidents, disasters, private quarrels.
fn mishap_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:ravine|gorge|overturned|overturn|plunged|skidded|collided|collision|(?:road|traffic|mine)\s+accident|accident|drowned|drowning|flash\s+floods?|floods?|flooding|torrential|heavy\s+rains?|landslides?|lightning|thunderstorm|roof\s+(?:of\s+\w+\s+(?:\w+\s+)?)?collapsed|caved?\s+in|collapsed|gas\s+cylinder|cylinder\s+(?:blast|explosion|exploded)|gas\s+leak\w*|boiler|short[\s-]circuit|fire\s+broke\s+out|blaze|electrocuted|methane|fireworks|stampede|heatwave|land\s+dispute|property\s+dispute|(?:old|personal|family|tribal)\s+enmity|enmity|blood\s+feud|feud|name\s+of\s+honou?r|honou?r\s+killing|quarrel|rival\s+part(?:y|ies)|by\s+(?:his|her|their)\s+rivals|domestic\s+dispute|family\s+dispute|monetary\s+dispute)\b",
    )
}

/// Words that tie deaths to militancy, whatever else the sentence says.
fn militancy_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:terrorists?|terrorism|terror|militants?|militancy|khwarij|khawarij|kharji|khariji|insurgents?|IEDs?|improvised\s+explosive|suicide|planted|sabotage|attackers|banned\s+outfit|proscribed)\b",
    )
}

/// The forces' answer to an attack just told: part of that incident.
fn response_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:retaliated|retaliating|retaliatory|in\s+retaliation|responded|responding|repulsed|repelled|returned\s+(?:the\s+)?fire|foiled)\b",
    )
}

/// Decisions and plans, not events: "approved a military operation".
fn policy_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:approved|approves|approve|endorsed|endorses|announced|decided|plans?\s+to\s+launch|planned|will\s+launch|to\s+launch)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:operations?|campaign|offensive)\b|\bissued\s+(?:an?\s+)?(?:official\s+)?notification\b|\bdesignat(?:ed|ing)\s+(?:the\s+)?(?:banned\s+|outlawed\s+)?[A-Z]?",
    )
}

/// Dates right after a toll update ("climbed to 83 on Tuesday") date the
/// count, not the event.
fn toll_date_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:rose|risen|climbed|reached|jumped|increased|mounted|soared)\s+to\s+\S+\s+(?:\w+\s+)?$",
    )
}

/// A press dateline at the head of a paragraph: "KARACHI, Oct 7 (PTI)",
/// "NEW DELHI (Agency - 26th February, 2023)", "RAWALPINDI:".
pub fn dateline_end(text: &str, start: usize, end: usize) -> Option<usize> {
    static RE: OnceLock<Rule> = OnceLock::new();
    let re = regex(
        &RE,
        r"^\s*[A-Z][A-Za-z .'’/-]{1,40}(?:\[[^\]]{0,30}\])?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{0,80}\)\s*[:–—-]?|:|\s?[–—-]\s)",
    );
    let m = re.find(&text[start..end])?;
    let head = &text[start..start + m.end()];
    let verb = [" said", " says", " was ", " were ", " has ", " have "]
        .iter()
        .any(|v| head.contains(v));
    // "The TTP (Tehreek-e-Taliban) claimed": a parenthesis alone is no dateline.
    let marked = head.trim_end().ends_with([':', '–', '—', '-'])
        || head.chars().any(|c| c.is_ascii_digit())
        || head.split_whitespace().next().is_some_and(|w| {
            w.len() > 1 && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        });
    (!verb && marked).then_some(start + m.end())
}

fn reference_kind_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:the|this|that|these|those|its|their|[A-Z][a-z]+'s)\s+(?:[\w'’-]+\s+){0,3}?(suicide\s+(?:attack|bomber|bombing|blast|attackers?)|blasts?|bombings?|explosions?|IEDs?|air\s*strikes?|strikes?|operations?|IBOs?|raids?|attacks?|assaults?|ambush|kidnapping|abduction|hijacking|hostages|incident|tragedy)\b",
    )
}

fn reference_kind(slice: &str) -> Option<ReferenceKind> {
    let caps = reference_kind_regex().captures(slice)?;
    let noun = caps.get(1)?.as_str().to_ascii_lowercase();
    let noun = noun.trim_end_matches('s').to_string();
    Some(if noun.starts_with("suicide") {
        ReferenceKind::Suicide
    } else if [
        "blast",
        "bombing",
        "explosion",
        "ied",
        "suicide bomber",
        "suicide attacker",
    ]
    .contains(&noun.as_str())
    {
        ReferenceKind::Blast
    } else if noun.contains("strike") {
        ReferenceKind::Strike
    } else if ["operation", "ibo", "raid"].contains(&noun.as_str()) {
        ReferenceKind::Operation
    } else if noun == "hostage" {
        ReferenceKind::Kidnapping
    } else if false {
        ReferenceKind::Operation
    } else if ["kidnapping", "abduction", "hijacking", "hostages"].contains(&noun.as_str()) {
        ReferenceKind::Kidnapping
    } else {
        ReferenceKind::Attack
    })
}

fn singular_event_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:an?|another|one)\s+(?:[\w'’-]+\s+){0,3}?(?:attack|assault|blast|bombing|explosion|IBO|intelligence[\s-]+based\s+operation|operation|ambush|raid|strike|airstrike|encounter|engagement|incident|clash|kidnapping|abduction|killing|hijacking|infiltration\s+attempt|massacre)\b",
    )
}

fn stats_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:according\s+to\s+(?:the\s+)?(?:PICSS|CRSS|PIPS|SATP|ACLED|data|figures|statistics|the\s+report)|database|(?:per\s+cent|percent|%)\s+(?:of\s+(?:all|the|total)|rise|increase|decrease|decline|drop|fall|more|less|higher|lower)|(?:rose|fell|increased|decreased|declined|dropped|surged|jumped)\s+by\s+\d+|on\s+average|average\s+of|in\s+total|in\s+all|a\s+total\s+of|year[\s-]on[\s-]year|compared\s+(?:with|to)|the\s+period\s+under\s+review|(?:monthly|quarterly|half[\s-]yearly|yearly|annual)\s+(?:security\s+)?(?:report|review|assessment)|(?:over|in|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:months|years|weeks)|(?:the\s+)?(?:data|figures|statistics|report)\s+(?:showed|shows|revealed|reveals|indicated|indicates)|quarter|first\s+(?:six|nine)\s+months|(?:first|second)\s+half\s+of|across\s+the\s+country|since\s+(?:19|20)\d\d|since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|so\s+far\s+this\s+year|so\s+far\s+in|this\s+year\s+alone|(?:PICSS|CRSS|PIPS|SATP|ACLED|think[\s-]tank)\s+(?:reported|said|recorded|data|report|noted)|(?:the\s+)?majority\s+of\s+(?:the\s+)?(?:deaths|casualties|fatalities|attacks|incidents)|highest\s+number|lowest\s+number|the\s+number\s+of\s+(?:deaths|fatalities|casualties|attacks|incidents)|followed\s+by\s+(?:Balochistan|Khyber|Sindh|Punjab))\b",
    )
}

fn new_event_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)^(?:(?:a|an|one|two|three|four|five|six|seven|a\s+few|few|several)\s+(?:hours?|days?|weeks?|months?)\s+(?:after|later|earlier|before)\b|(?:and|meanwhile|separately|elsewhere|earlier|later|also|similarly|in\s+addition|moreover|besides|likewise)\b|(?:in|on)\s+(?:an|a)?\s*(?:other|another|separate|second|third|similar|different|earlier|previous)\b)|\b(?:another\s+(?:[\w-]+\s+)?(?:attack|incident|blast|bombing|explosion|operation|IBO|encounter|engagement|ambush|raid|strike|killing)|in\s+a\s+separate|in\s+another|a\s+separate|a\s+similar|follows?\s+(?:a|an)\b|came\s+(?:a|an|two|three|hours|days|weeks)|comes\s+(?:a|an|two|three|hours|days|weeks))\b",
    )
}

/// The past perfect of an event: "had opened fire", "had been attacked".
fn past_perfect_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\bhad\s+(?:also\s+)?(?:been\s+)?(?:opened|attacked|killed|martyred|struck|targeted|carried|conducted|launched|stormed|ambushed|exploded|detonated|abducted|kidnapped|fired|injured|wounded|blown)\b",
    )
}

/// A sentence that opens with a time ("Earlier today,", "Later,") and
/// names no other event.
fn retold_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)^(?:earlier|later)(?:\s+(?:today|in\s+the\s+day|on))?\s*,\s+(?:a|the)\s+(?:statement|spokesperson|spokesman|official|officials|police|rescue|report)\b",
    )
}

/// "In a separate interview", "in another development": another
/// statement, not another event.
fn not_an_event_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:in|on)\s+(?:a|an)?\s*(?:other|another|separate|different)\s+(?:[\w-]+\s+)?(?:interview|statement|development|press|message|video|tweet|post|meeting|case|report|order|move|news|conversation|talk|briefing|remarks|speech|occasion|note)",
    )
}

/// Habits and patterns: "attacked almost every week", "are routinely targeted".
fn habitual_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:(?:almost|nearly)\s+)?(?:every|each)\s+(?:week|day|night|month)|\b(?:routinely|regularly|frequently|repeatedly|often)\s+(?:\w+\s+)?(?:attacked|targeted|hit|struck)|\bare\s+(?:now\s+|being\s+)?(?:attacked|targeted)\b",
    )
}

/// Plans, threats and calls, not events: "to carry out an attack".
fn intent_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:to\s+(?:carry\s+out|launch|conduct|stage|mount)\s+(?:an?\s+|more\s+|further\s+)?(?:[\w-]+\s+)?attacks?|(?:plan(?:ned|ning)?|threat(?:ened|ening)?|vow(?:ed|ing)?)\s+to\s+(?:attack|target|strike))\b",
    )
}

fn reference_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:the|this|that|these|those|its|their)\s+(?:[\w'’-]+\s+){0,2}?(?:attack|attacks|attackers|assault|blast|bombing|explosion|bomber|bombers|incident|operation|IBO|raid|ambush|militants|terrorists|khwarij|khawarij|assailants|gunmen|victims|injured|wounded|dead|deceased|slain|martyrs|martyred|killing|killings|strike|strikes|airstrikes|convoy|hijacking|hostages|abduction|kidnapping|perpetrators|culprits|suspects|encounter|clash|standoff|siege|exchange\s+of\s+fire|firefight|train|vehicle|college|post|checkpost|camp|base|mosque|rally|site|area|intruders|hideout|bodies|funeral)\b|^(?:He|She|They|It|His|Her|Their)\b",
    )
}

fn also_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(&RE, r"(?i)\b(?:also|more|further|another|additional)\b")
}

fn shooting_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:shot\s+(?:dead|at|and\s+killed)|shot\s+(?:him|her|them)(?:\s+dead)?|gunned\s+down|opened\s+fire\s+on|fired\s+(?:at|on)|firing\s+incident|assassinat\w+|target(?:ed)?\s+killing)",
    )
}

fn post_fired_on_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:opened\s+fire|fired|firing|shot)\s+(?:at|on|upon)\s+(?:a|an|the|their)\s+(?:[\w-]+\s+){0,2}?(?:check\s*-?posts?|checkpoints?|posts?|pickets?|outposts?|police\s+stations?|stations?|camps?|forts?|convoys?|bases?|compounds?|barracks)\b",
    )
}

fn home_attack_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:attack\w*|storm\w*|laid\s+siege\s+to|besieged|raided|targeted)\s+(?:the\s+(?:home|house|residence)s?\s+of|(?:his|her)\s+(?:home|house|residence))\b",
    )
}

fn prominent_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:leader|candidate|hopeful|politician|cleric|judge|lawmaker|legislator|MNA|MPA|minister|chairman|elders?|scholar|journalist|activist|commander)\b",
    )
}

fn actor_deed_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:terrorists|militants|gunmen|attackers|assailants|insurgents|miscreants|khwarij|khawarij)\s+(?:\w+\s+)?(?:attacked|targeted|stormed|raided|ambushed|abducted|kidnapped|opened\s+fire|set\s+ablaze|torched|blew\s+up|hurled|fired)\b",
    )
}

fn pursuit_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:facilitators?|abettors?|accomplices|handlers?|masterminds?)\b|\b(?:involved\s+in|behind|linked\s+to|responsible\s+for)\s+the\s+(?:[\w-]+\s+){0,3}?(?:attack|blast|bombing|killing|ambush|massacre)\b",
    )
}

fn operation_step_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)^(?:during|in\s+the\s+course\s+of|in)\s+(?:the|these|those)\s+(?:same\s+)?(?:operations|IBOs|raids|search\s+operations)\b",
    )
}

fn blames_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:blam\w*|claim\w*|behind|responsib\w*|attribut\w*|accus\w*)\b",
    )
}

fn plus_bomber_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i)\b(?:in\s+addition\s+to|besides|apart\s+from|along\s+with)\s+(?:the|a)\s+suicide\s+(?:bomber|attacker)\b",
    )
}

/// The yes/no rules of a segment, in the order of [`segment_set`].
#[derive(Clone, Copy)]
enum Flag {
    CountedEvents,
    QuantifiedPlural,
    PluralEvents,
    SingularEvent,
    Stats,
    NewEvent,
    Reference,
    Also,
    PlusBomber,
    ActorDeed,
    Pursuit,
    OperationStep,
    Blames,
    OperationTold,
    Negated,
    ReferenceKind,
}

/// Every yes/no rule, then every event cue rule, as one set: one pass over
/// the segment says which of them match (a dozen separate searches took a
/// third of the parse; a pass for each set, a tenth).
fn segment_set() -> &'static RuleSet {
    static SET: OnceLock<RuleSet> = OnceLock::new();
    SET.get_or_init(|| {
        let flags: [&Rule; FLAGS] = [
            counted_events_regex(),
            quantified_plural_regex(),
            plural_events_regex(),
            singular_event_regex(),
            stats_regex(),
            new_event_regex(),
            reference_regex(),
            also_regex(),
            plus_bomber_regex(),
            actor_deed_regex(),
            pursuit_regex(),
            operation_step_regex(),
            blames_regex(),
            operation_told_regex(),
            negated_regex(),
            reference_kind_regex(),
        ];
        rule_set(flags.into_iter().chain(cue_rules()))
    })
}

/// The number of yes/no rules at the head of [`segment_set`].
const FLAGS: usize = Flag::ReferenceKind as usize + 1;

/// Read the clues of `text[start..end]`.
pub fn read_clues(
    text: &str,
    lower: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    paragraph_start: bool,
    list_lead: Option<usize>,
) -> Clues {
    // The rules run on the lowercased text: same offsets, faster search.
    let low = &lower[start..end];
    let tokens = tokenize(text, lower, start, end);
    let dateline = if paragraph_start {
        dateline_end(text, start, end)
    } else {
        None
    };
    let dates = event_and_statement_dates(text, lower, start, end, dateline);
    let date_spans: Vec<(usize, usize)> = dates.iter().map(|d| (d.start, d.end)).collect();
    let casualties = find_casualties(&tokens, &date_spans);
    let found = find_nationalities(text, start, end, list_lead.is_some(), &tokens, &casualties);
    let flags = segment_set().matches(low);
    let flag = |f: Flag| flags.matched(f as usize);
    let cue_matches = flags.iter().filter(|&i| i >= FLAGS).map(|i| i - FLAGS);
    let cues = event_cues_of(lower, start, end, cue_matches);
    let counted_events = flag(Flag::CountedEvents) && counted_event_matches(low).next().is_some();
    // "the multiple suicide blasts" refers to one event's parts.
    let quantified = flag(Flag::QuantifiedPlural)
        && quantified_plural_regex()
            .captures_iter(low)
            .any(|c| c.get(1).is_none());
    let plural_events = counted_events || quantified || flag(Flag::PluralEvents);
    let singular_event = flag(Flag::SingularEvent);
    let stats = flag(Flag::Stats);
    let mut clues = Clues {
        start,
        end,
        paragraph,
        list_item: list_lead.is_some(),
        list_lead,
        casualties,
        dates,
        places: find_places(text, start, end, paragraph_start, dateline),
        cues,
        group: militant_group(text, start, end),
        nationalities: found.stated,
        nationality_shares: found.shares,
        cross_border: cross_border(lower, start, end),
        operation: operation_name(text, start, end),
        summary: false,
        event_sum: None,
        counted_events,
        new_event: flag(Flag::NewEvent) && !not_an_event_regex().is_match(low),
        retold: retold_regex().is_match(low),
        earlier_told: past_perfect_regex().is_match(low),
        reference: flag(Flag::Reference),
        split_clause: false,
        comparison: false,
        also: flag(Flag::Also),
        plus_bomber: flag(Flag::PlusBomber),
        actor_deed: flag(Flag::ActorDeed),
        many_places: false,
        pursuit: flag(Flag::Pursuit),
        operation_step: flag(Flag::OperationStep),
        blames: flag(Flag::Blames),
        operation_told: flag(Flag::OperationTold),
        plural_events,
        singular_event,
        bare_plural: false,
        negated: flag(Flag::Negated),
        response: response_regex().is_match(low),
        reference_kind: if flag(Flag::ReferenceKind) {
            reference_kind(low)
        } else {
            None
        },
        // Read here, where the segment scan answers their gates for free;
        // the assembler asks only for the clues of a possible killing.
        shooting: shooting_regex().is_match(low),
        post_fired_on: post_fired_on_regex().is_match(low),
        prominent_victim: prominent_regex().is_match(low),
        home_attack: home_attack_regex().is_match(low),
    };
    let specific = clues.has_specific_place() && clues.districts().len() <= 1;
    let general = !singular_event && !specific && !clues.list_item;
    // "several overnight air strikes": the strikes of one night are one event.
    let one_day = clues.event_dates().any(|d| d.expr.names_day());
    // "killed eight terrorists in two IBOs on Thursday": the pair is an
    // incident unless the text tells each apart (the assembler checks).
    clues.event_sum = (counted_events && one_day && clues.has_counts())
        .then(|| events_counted(low))
        .flatten()
        .or_else(|| areas_counted(&clues))
        // "several overnight strikes ... killing eight": a day's strikes
        // counted together, told apart after it or not at all.
        .or_else(|| {
            let plural = quantified || plural_events && general;
            (plural && one_day && clues.has_counts()).then_some(2)
        });
    // "killed in terrorist incidents across the province", "in August, 50
    // were killed": tolls of many events or of a whole period.
    let attack_told = clues
        .cues
        .iter()
        .any(|c| c.event != EventType::SecurityOperation);
    let over_period = !clues.event_dates().any(|d| !d.expr.is_period())
        && clues.event_dates().next().is_some()
        && !attack_told
        && !same_place_regex().is_match(low)
        && clues.counts().any(|c| c.value >= 2);
    let many_events = plural_locus_regex().is_match(low);
    let scattered = scattered_regex().is_match(low);
    // "Coordinated attacks hit Balochistan at 12 locations today": many
    // events told one by one after it.
    let many_places = scattered && plural_events && !singular_event && !clues.has_counts();
    clues.many_places = many_places;
    clues.summary = (counted_events && clues.event_sum.is_none())
        || many_places
        // "90% of the terrorists killed were Afghans" speaks of the incident's dead.
        || (stats && !singular_event && clues.nationality_shares.is_empty())
        || (quantified && (general || scattered) && (!one_day || scattered))
        || (clues.has_counts()
            && general
            && clues.event_sum.is_none()
            && (over_period || many_events))
        // "Clashes in Kurram since November have claimed 150 lives": plural
        // events over months are a statistic, even of one place.
        || (clues.has_counts()
            && plural_events
            && !singular_event
            && clues.event_sum.is_none()
            && clues.event_dates().next().is_some()
            && clues.event_dates().all(|d| d.expr.is_period()));
    clues.bare_plural = plural_events && general;
    // "killed when a van fell into a ravine", "shot dead over a land
    // dispute", "approved a military operation": no militant violence.
    let mishap = mishap_regex().is_match(low) && !militancy_regex().is_match(low);
    let intent = intent_regex().is_match(low) && !clues.has_counts();
    // "checkposts are attacked almost every week": a pattern, not an event.
    let habitual = habitual_regex().is_match(low) && !clues.has_counts() && !one_day;
    if mishap || intent || habitual || policy_regex().is_match(low) {
        clues.negated = true;
        clues.casualties.clear();
        clues.cues.clear();
        if intent {
            // The target of a plan is no place of an event.
            clues.places.clear();
        }
    }
    // "Terrorist attacks have been rampant", "wanted in attacks on the
    // forces": attacks in general type no incident.
    if clues.bare_plural
        && !singular_event
        && !clues.has_counts()
        && !one_day
        && clues.districts().is_empty()
        && clues.reference_kind.is_none()
    {
        clues
            .cues
            .retain(|c| c.event == EventType::SecurityOperation);
    }
    clues
}

/// Dates of a segment, with toll-update dates marked as statement dates
/// and the dates of a press dateline (ending at `dateline`) left out.
fn event_and_statement_dates(
    text: &str,
    lower: &str,
    start: usize,
    end: usize,
    dateline: Option<usize>,
) -> Vec<DateMention> {
    let mut dates = find_dates(text, start, end);
    dates.retain(|d| dateline.is_none_or(|h| d.end > h));
    for d in &mut dates {
        if toll_date_regex().is_match(crate::text::tail(lower, start, d.start, 60)) {
            d.statement = true;
        }
    }
    dates
}

fn clause_split_regex() -> &'static Rule {
    static RE: OnceLock<Rule> = OnceLock::new();
    lowercase_regex(
        &RE,
        r"(?i),?\s+(?:which\s+(?:prompted|triggered|led\s+to)|prompting|triggering|following|after)\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:operation|IBO|attack|assault|blast|raid|strike|encounter)\b|,\s+(?:while|whereas)\s+|,\s+(?:(?:the|its|this|making\s+it\s+the)\s+)?(?:deadliest|worst|bloodiest|biggest|largest|most\s+\w+)\s+(?:[\w-]+\s+){0,3}?since\s|,\s+(?:calling\s+it\s+|describing\s+it\s+as\s+)?(?:an?\s+)?(?:revenge|retaliation|reprisal)\s+for\s|,?\s+and\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[\w-]+\s+){0,3}?(?:were|was)\s+(?:martyred|killed|injured|wounded|shot\s+dead)\s+in\s",
    )
}

/// How a trailing clause joins its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseJoin {
    /// "..., which prompted an operation in which ...": a follow-up event.
    FollowUp,
    /// "..., while two women were killed in Khost" or "... and a soldier
    /// was martyred in Lakki Marwat": a new event only when it names
    /// another place.
    Contrast,
    /// "..., the deadliest since a string of attacks in August": an
    /// earlier event recalled.
    Comparison,
}

/// Where a sentence tells a second event in a trailing clause: the byte
/// offset where that clause starts, and how it joins.
pub fn clause_split(
    text: &str,
    lower: &str,
    start: usize,
    end: usize,
) -> Option<(usize, ClauseJoin)> {
    let m = clause_split_regex().find(&lower[start..end])?;
    let at = start + m.start();
    let written = &text[at..start + m.end()];
    // "... in Bannu and a soldier was martyred in Lakki Marwat": a second
    // toll with a place of its own is weighed as a contrast is.
    let parallel = written
        .trim_start_matches(',')
        .trim_start()
        .starts_with("and ");
    let join = if written.contains("while") || written.contains("whereas") || parallel {
        ClauseJoin::Contrast
    } else if written.ends_with("since ")
        || written.ends_with("since\n")
        || written.ends_with(" for ")
    {
        ClauseJoin::Comparison
    } else {
        ClauseJoin::FollowUp
    };
    // "came a week after a blast": the time phrase tells the date; keep it whole.
    let before = text[start..at].trim_end().to_ascii_lowercase();
    let last_word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let timed = [
        "hour", "hours", "day", "days", "week", "weeks", "month", "months",
    ]
    .contains(&last_word);
    (at > start + 10 && !timed).then_some((at, join))
}
