//! Everything the extractors read from one segment (or one clause of it).

use super::casualties::{find_casualties, Casualty};
use super::cues::{event_cues_of, militant_group, operation_name, EventCue};
use super::dates::{find_dates, DateExpr, DateMention};
use super::nationality::find_nationalities;
use super::numbers::read_counts;
use super::places::{find_places, PlaceMention};
use super::tokens::tokenize;
use crate::incident::EventType;
use crate::lexicon::in_vocabulary;
use std::sync::OnceLock;

use crate::rules::{
    rule, set, set_members, Answers, Gating, Id, Lower, Lowered, Matcher, Matching, Original,
    RuleBook, RuleMask, Scan, HEAVY_CUES,
};
use crate::text::Document;

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
fn events_counted(rules: Matching<'_>, low: Lowered<'_>) -> Option<u32> {
    let found = counted_event_matches(rules, low).next()?;
    let first = found.split_whitespace().next()?;
    first
        .parse()
        .ok()
        .or_else(|| super::words::word_value(first))
        .filter(|&n| n >= 2)
}

/// The matches of [`counted_events_regex`] whose number counts the events:
/// "two separate attacks", not "22 terrorists in separate operations".
fn counted_event_matches<'t>(
    rules: Matching<'_>,
    low: Lowered<'t>,
) -> impl Iterator<Item = &'t str> {
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
        "people",
        "soldiers",
        "civilians",
        "policemen",
        "personnel",
    ];
    rules
        .find_iter(rule::CountedEvents, low)
        .filter_map(|found| {
            let words: Vec<&str> = found.as_str().split_whitespace().collect();
            let between = &words[1..words.len().saturating_sub(1)];
            let blocked = |w: &&str| NOT_BETWEEN.contains(w) || in_vocabulary("militant_nouns", w);
            (!between.iter().any(blocked)).then_some(found.as_str())
        })
}

/// A press dateline at the head of a paragraph: "KARACHI, Oct 7 (PTI)",
/// "NEW DELHI (Agency - 26th February, 2023)", "RAWALPINDI:".
pub fn dateline_end(rules: Matching<'_>, text: &str, start: usize, end: usize) -> Option<usize> {
    let found = rules.find(rule::PressDateline, &text[start..end])?;
    let head = &text[start..start + found.end()];
    let verb = [" said", " says", " was ", " were ", " has ", " have "]
        .iter()
        .any(|v| head.contains(v));
    // "The TTP (Tehreek-e-Taliban) claimed": a parenthesis alone is no dateline.
    let marked = head.trim_end().ends_with([':', '–', '—', '-'])
        || head.chars().any(|c| c.is_ascii_digit())
        || head.split_whitespace().next().is_some_and(|w| {
            w.len() > 1 && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        });
    (!verb && marked).then_some(start + found.end())
}

fn reference_kind(rules: Matching<'_>, slice: Lowered<'_>) -> Option<ReferenceKind> {
    let reference = rules.find(rule::ReferenceKind, slice)?;
    let reference = slice.slice(reference.range());
    let noun = rules.find(rule::ReferenceNoun, reference)?.as_str();
    let noun = noun.trim_end_matches('s');
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
    .contains(&noun)
    {
        ReferenceKind::Blast
    } else if noun.contains("strike") {
        ReferenceKind::Strike
    } else if ["operation", "ibo", "raid"].contains(&noun) {
        ReferenceKind::Operation
    } else if ["kidnapping", "abduction", "hijacking", "hostage"].contains(&noun) {
        ReferenceKind::Kidnapping
    } else {
        ReferenceKind::Attack
    })
}

/// Where a piece of text sits in its document.
#[derive(Debug, Clone, Copy, Default)]
pub struct Position {
    pub paragraph: usize,
    /// The piece opens its paragraph (where a dateline can stand).
    pub paragraph_start: bool,
    /// The clue index of the lead-in of the list the piece is an item of.
    pub list_lead: Option<usize>,
}

/// The rules [`read_clues`] asks of a whole segment's lowercased text,
/// beside the members of the flag-and-cue set and the heavy cues:
/// yes/no rules, and rules whose matches are read only where there is one.
const LOWER_ANSWERED: &[Id<Lower>] = &[
    rule::CountedEvents,
    rule::QuantifiedPlural,
    rule::ReferenceKind,
    rule::CrossBorder,
    rule::SingularEvent,
    rule::Retold,
    rule::Reference,
    rule::Pursuit,
    rule::OperationTold,
    rule::PostFiredOn,
    rule::Intent,
    rule::Habitual,
    rule::Policy,
];

/// The same for rules of a whole segment's text as written (places, groups,
/// operation names, the militant words that open the nationality origins).
const ORIGINAL_ANSWERED: &[Id<Original>] = &[
    rule::Area,
    rule::Road,
    rule::Facility,
    rule::Toponym,
    rule::OperationName,
    rule::UnlistedGroup,
    rule::MilitantWords,
];

/// The rules of a segment's lowercased text searched alone, outside the
/// sets: the heavy cues and `LOWER_ANSWERED`.
fn searched_alone() -> impl Iterator<Item = Id<Lower>> {
    HEAVY_CUES.iter().chain(LOWER_ANSWERED).copied()
}

/// The same, with the clause split: every one answered ahead.
fn answered_alone() -> impl Iterator<Item = Id<Lower>> {
    searched_alone().chain([rule::ClauseSplit])
}

/// The rules answered ahead for every segment.
fn asked() -> &'static RuleMask {
    static ASKED: OnceLock<RuleMask> = OnceLock::new();
    ASKED.get_or_init(|| {
        let mut asked = RuleMask::default();
        for id in answered_alone() {
            asked.insert(id);
        }
        for &id in ORIGINAL_ANSWERED {
            asked.insert(id);
        }
        for set in [set::FlagsAndCues.id(), set::Dates.id()] {
            for id in set_members(set) {
                asked.insert(id);
            }
        }
        asked
    })
}

/// A segment as the rules read it: its matching, its lowercased text and
/// its text as written.
pub type SegmentText<'a> = (Matching<'a>, Lowered<'a>, &'a str);

/// The rules and text of every segment of `doc`, each gated by its scan
/// (plain without one).
pub fn segment_texts<'a>(
    book: &'a RuleBook,
    matcher: &'a Matcher,
    doc: &Document<'a>,
    lower: Lowered<'a>,
    scans: &'a [Option<Scan>],
) -> Vec<SegmentText<'a>> {
    doc.segments
        .iter()
        .zip(scans)
        .map(|(seg, scan)| {
            let (start, end) = (seg.span.start, seg.span.end);
            let gating = scan.as_ref().map_or(Gating::Plain, Gating::Segment);
            let rules = Matching::new(book, gating, matcher);
            (rules, lower.slice(start..end), &doc.text[start..end])
        })
        .collect()
}

/// Which of the rules answered ahead (the flag-and-cue and date sets, the
/// heavy cues, `LOWER_ANSWERED`, the clause split and `ORIGINAL_ANSWERED`)
/// match each segment, one rule after another over all of them (see
/// [`Answers`]).
pub fn answer_all(segments: &[SegmentText<'_>]) -> Vec<RuleMask> {
    let Some((first, _, _)) = segments.first() else {
        return Vec::new();
    };
    let mut room = first.room(set::FlagsAndCues);
    let mut answers: Vec<RuleMask> = segments
        .iter()
        .map(|(rules, low, _)| rules.set_matches_in(set::FlagsAndCues, *low, &mut room))
        .collect();
    let mut room = first.room(set::Dates);
    for (mask, (rules, _, text)) in answers.iter_mut().zip(segments) {
        mask.union(&rules.set_matches_in(set::Dates, *text, &mut room));
    }
    for id in answered_alone() {
        for (mask, (rules, low, _)) in answers.iter_mut().zip(segments) {
            if rules.is_match(id, *low) {
                mask.insert(id);
            }
        }
    }
    for &id in ORIGINAL_ANSWERED {
        for (mask, (rules, _, text)) in answers.iter_mut().zip(segments) {
            if rules.is_match(id, *text) {
                mask.insert(id);
            }
        }
    }
    answers
}

/// The answers of a whole segment, `matched` of the rules asked ahead.
pub fn answers_of(matched: &RuleMask) -> Answers<'_> {
    Answers::new(asked(), matched)
}

/// Which of the rules [`read_clues`] reads as flags match `low`, asked in
/// place: for a piece of a segment, or the plain mode.
fn flags_in_place(rules: Matching<'_>, low: Lowered<'_>) -> RuleMask {
    let mut matched = rules.set_matches(set::FlagsAndCues, low);
    for id in searched_alone() {
        if rules.is_match(id, low) {
            matched.insert(id);
        }
    }
    matched
}

/// Read the clues of `text[start..end]`.
pub fn read_clues(
    rules: Matching<'_>,
    text: &str,
    lower: Lowered<'_>,
    start: usize,
    end: usize,
    at: Position,
) -> Clues {
    let Position {
        paragraph,
        paragraph_start,
        list_lead,
    } = at;
    // The rules run on the lowercased text: same offsets, faster search.
    let low = lower.slice(start..end);
    let mut tokens = tokenize(text, lower, start, end);
    read_counts(&mut tokens);
    let dateline = if paragraph_start {
        dateline_end(rules, text, start, end)
    } else {
        None
    };
    let dates = event_and_statement_dates(rules, text, lower, start, end, dateline);
    let date_spans: Vec<(usize, usize)> = dates.iter().map(|d| (d.start, d.end)).collect();
    let casualties = find_casualties(&tokens, &date_spans);
    let found = find_nationalities(
        rules,
        text,
        start,
        end,
        list_lead.is_some(),
        &tokens,
        &casualties,
    );
    // One pass for the yes/no rules, one for the common cues; the rare
    // cues with long gaps ("suicide bomber ... rammed") search alone where
    // their words occur: in one automaton with the rest they made its
    // states too many to keep (6% of the parse on real reports).
    let matched = match rules.answers().matched() {
        Some(ahead) => *ahead,
        None => flags_in_place(rules, low),
    };
    let flag = |id: Id<Lower>| matched.has(id);
    let cues = event_cues_of(rules, lower, start, end, &matched);
    let counted_events =
        flag(rule::CountedEvents) && counted_event_matches(rules, low).next().is_some();
    // "the multiple suicide blasts" refers to one event's parts.
    let quantified = flag(rule::QuantifiedPlural)
        && rules
            .captures_iter(rule::QuantifiedPlural, low)
            .any(|c| c.get(1).is_none());
    let plural_events = counted_events || quantified || flag(rule::PluralEvents);
    let singular_event = flag(rule::SingularEvent);
    let stats = flag(rule::Stats);
    let mut clues = Clues {
        start,
        end,
        paragraph,
        list_item: list_lead.is_some(),
        list_lead,
        casualties,
        dates,
        places: find_places(rules, text, start, end, paragraph_start, dateline),
        cues,
        group: militant_group(rules, text, start, end),
        nationalities: found.stated,
        nationality_shares: found.shares,
        cross_border: flag(rule::CrossBorder),
        operation: operation_name(rules, text, start, end),
        summary: false,
        event_sum: None,
        counted_events,
        new_event: flag(rule::NewEvent) && !rules.is_match(rule::NotAnEvent, low),
        retold: flag(rule::Retold),
        earlier_told: flag(rule::PastPerfect),
        reference: flag(rule::Reference),
        split_clause: false,
        comparison: false,
        also: flag(rule::Also),
        plus_bomber: flag(rule::PlusBomber),
        actor_deed: flag(rule::ActorDeed),
        many_places: false,
        pursuit: flag(rule::Pursuit),
        operation_step: flag(rule::OperationStep),
        blames: flag(rule::Blames),
        operation_told: flag(rule::OperationTold),
        plural_events,
        singular_event,
        bare_plural: false,
        negated: flag(rule::Negated),
        response: flag(rule::Response),
        reference_kind: flag(rule::ReferenceKind)
            .then(|| reference_kind(rules, low))
            .flatten(),
        // Read here, where the segment scan answers their gates for free;
        // the assembler asks only for the clues of a possible killing.
        shooting: flag(rule::Shooting),
        post_fired_on: flag(rule::PostFiredOn),
        prominent_victim: flag(rule::Prominent),
        home_attack: flag(rule::HomeAttack),
    };
    let specific = clues.has_specific_place() && clues.districts().len() <= 1;
    let general = !singular_event && !specific && !clues.list_item;
    // "several overnight air strikes": the strikes of one night are one event.
    let one_day = clues.event_dates().any(|d| d.expr.names_day());
    // "killed eight terrorists in two IBOs on Thursday": the pair is an
    // incident unless the text tells each apart (the assembler checks).
    clues.event_sum = (counted_events && one_day && clues.has_counts())
        .then(|| events_counted(rules, low))
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
        && !rules.is_match(rule::SamePlace, low)
        && clues.counts().any(|c| c.value >= 2);
    let many_events = flag(rule::PluralLocus);
    let scattered = flag(rule::Scattered);
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
    let mishap = flag(rule::Mishap) && !rules.is_match(rule::Militancy, low);
    let intent = flag(rule::Intent) && !clues.has_counts();
    // "checkposts are attacked almost every week": a pattern, not an event.
    let habitual = flag(rule::Habitual) && !clues.has_counts() && !one_day;
    if mishap || intent || habitual || flag(rule::Policy) {
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
    rules: Matching<'_>,
    text: &str,
    lower: Lowered<'_>,
    start: usize,
    end: usize,
    dateline: Option<usize>,
) -> Vec<DateMention> {
    let mut dates = find_dates(rules, text, start, end);
    dates.retain(|d| dateline.is_none_or(|h| d.end > h));
    for d in &mut dates {
        if rules.is_match(
            rule::TollDate,
            lower.slice(crate::text::tail_start(&lower, start, d.start, 60)..d.start),
        ) {
            d.statement = true;
        }
    }
    dates
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
    rules: Matching<'_>,
    text: &str,
    lower: Lowered<'_>,
    start: usize,
    end: usize,
) -> Option<(usize, ClauseJoin)> {
    if rules.answers().rules_out(rule::ClauseSplit) {
        return None;
    }
    let split = rules.find(rule::ClauseSplit, lower.slice(start..end))?;
    let at = start + split.start();
    let written = &text[at..start + split.end()];
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{book, LowerText};
    use crate::text::Document;

    const REPORT: &str = "BANNU: Two soldiers were martyred and three militants killed \
        when terrorists attacked a check post in the Jani Khel area on Monday. \
        In another incident, a roadside bomb went off on the Indus Highway, \
        injuring four policemen. The attack was claimed by the TTP. Security \
        forces later launched a search operation in the surrounding villages.";

    #[test]
    fn a_reference_is_typed_by_the_noun_that_closes_it() {
        let kind = |text: &str| {
            let lower = LowerText::of(text);
            reference_kind(Matching::plain(), lower.view())
        };
        use ReferenceKind::*;
        assert_eq!(
            kind("after the deadly suicide attack on Friday"),
            Some(Suicide)
        );
        assert_eq!(kind("police defused their two IEDs"), Some(Blast));
        assert_eq!(kind("The Army's air strikes hit camps"), Some(Strike));
        assert_eq!(kind("during the same raids"), Some(Operation));
        assert_eq!(kind("the remaining hostages were freed"), Some(Kidnapping));
        assert_eq!(kind("condemned this cowardly incident"), Some(Attack));
        // The first noun after the fewest words closes it: "blast", not "attack".
        assert_eq!(kind("the blast and attack"), Some(Blast));
        assert_eq!(
            kind("a blast went off"),
            None,
            "no reference without a determiner"
        );
    }

    /// Every rule answered ahead for a segment says what a search of the
    /// whole segment says, gated or not.
    #[test]
    fn answers_ahead_are_the_answers_of_a_search() {
        let doc = Document::new(REPORT, None);
        let lower = LowerText::of(REPORT);
        let book = book();
        let matcher = book.matcher();
        let scans: Vec<_> = doc
            .segments
            .iter()
            .map(|s| Some(book.scan(lower.view(), s.span.start, s.span.end)))
            .collect();
        let segments = segment_texts(book, &matcher, &doc, lower.view(), &scans);
        assert!(segments.len() >= 4);
        let answers = answer_all(&segments);
        let plain = Matching::plain();
        let mut matched = 0;
        for ((_, low, text), mask) in segments.iter().zip(&answers) {
            let answers = answers_of(mask);
            for id in answered_alone() {
                let found = plain.is_match(id, *low);
                assert_eq!(answers.answer(id), Some(found), "{id:?} in {text:?}");
                matched += usize::from(found);
            }
            for &id in ORIGINAL_ANSWERED {
                let found = plain.is_match(id, *text);
                assert_eq!(answers.answer(id), Some(found), "{id:?} in {text:?}");
            }
            {
                let set = set::FlagsAndCues;
                let found = plain.set_matches(set, *low);
                for id in set_members(set.id()) {
                    assert_eq!(
                        answers.answer(id),
                        Some(found.has(id)),
                        "{id:?} in {text:?}"
                    );
                }
            }
            let dates = plain.set_matches(set::Dates, *text);
            for id in set_members(set::Dates.id()) {
                assert_eq!(
                    answers.answer(id),
                    Some(dates.has(id)),
                    "{id:?} in {text:?}"
                );
            }
        }
        assert!(matched > 0, "the report matches some rule");
    }

    /// A piece of a segment reads its own answers, not the segment's.
    #[test]
    fn a_piece_asks_for_itself() {
        let text =
            "Militants attacked a police post in Bannu, while two women were killed in Khost.";
        let lower = LowerText::of(text);
        let plain = Matching::plain();
        let at = text.find(", while").unwrap();
        let whole = read_clues(
            plain,
            text,
            lower.view(),
            0,
            text.len(),
            Position::default(),
        );
        let piece = read_clues(
            plain,
            text,
            lower.view(),
            at,
            text.len(),
            Position::default(),
        );
        assert!(!whole.cues.is_empty());
        assert!(piece.cues.is_empty(), "no attack is told after the comma");
    }
}
