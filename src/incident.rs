//! The incident record: one row of the SPEC DataFrame.

use chrono::NaiveDate;

/// How precisely `date_start`/`date_end` are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DatePrecision {
    #[default]
    Day,
    Week,
    Month,
    Year,
    /// No date in the text: the publication date was used.
    Published,
}

impl DatePrecision {
    pub const ALL: [&'static str; 5] = ["day", "week", "month", "year", "published"];

    /// The precision named `name` (as `as_str` writes it).
    pub fn parse(name: &str) -> Option<Self> {
        [
            Self::Day,
            Self::Week,
            Self::Month,
            Self::Year,
            Self::Published,
        ]
        .into_iter()
        .find(|p| p.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Published => "published",
        }
    }
}

/// How a document tells an incident: its news, or an earlier event it
/// recalls as context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mention {
    #[default]
    Report,
    Background,
}

impl Mention {
    pub const ALL: [&'static str; 2] = ["report", "background"];

    pub fn as_str(self) -> &'static str {
        match self {
            Mention::Report => "report",
            Mention::Background => "background",
        }
    }

    /// The mention named `name` (as `as_str` writes it).
    pub fn parse(name: &str) -> Option<Self> {
        [Self::Report, Self::Background]
            .into_iter()
            .find(|m| m.as_str() == name)
    }
}

/// Kind of violent event, in the SPEC's order of precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventType {
    SuicideAttack,
    CrossBorderAttack,
    BorderInfiltration,
    Kidnapping,
    TargetedKilling,
    Bombing,
    MilitantAttack,
    SecurityOperation,
    Other,
}

impl EventType {
    pub const ALL: [&'static str; 9] = [
        "militant_attack",
        "suicide_attack",
        "bombing",
        "targeted_killing",
        "security_operation",
        "border_infiltration",
        "cross_border_attack",
        "kidnapping",
        "other",
    ];

    /// The event type named `name` (as `as_str` writes it).
    pub fn parse(name: &str) -> Option<Self> {
        [
            Self::SuicideAttack,
            Self::CrossBorderAttack,
            Self::BorderInfiltration,
            Self::Kidnapping,
            Self::TargetedKilling,
            Self::Bombing,
            Self::MilitantAttack,
            Self::SecurityOperation,
            Self::Other,
        ]
        .into_iter()
        .find(|e| e.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::SuicideAttack => "suicide_attack",
            EventType::CrossBorderAttack => "cross_border_attack",
            EventType::BorderInfiltration => "border_infiltration",
            EventType::Kidnapping => "kidnapping",
            EventType::TargetedKilling => "targeted_killing",
            EventType::Bombing => "bombing",
            EventType::MilitantAttack => "militant_attack",
            EventType::SecurityOperation => "security_operation",
            EventType::Other => "other",
        }
    }
}

/// Counts by side; `None` means the text does not say.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SideCounts {
    pub security: Option<u32>,
    pub civilians: Option<u32>,
    pub militants: Option<u32>,
    pub unknown: Option<u32>,
}

impl SideCounts {
    /// Sum of the stated parts; `None` when no part is stated.
    pub fn total(&self) -> Option<u32> {
        let parts = [self.security, self.civilians, self.militants, self.unknown];
        parts.iter().flatten().fold(None, |acc: Option<u32>, v| {
            Some(acc.unwrap_or(0).saturating_add(*v))
        })
    }

    pub fn is_empty(&self) -> bool {
        self.total().is_none()
    }
}

/// One nationality given to the militants of an incident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nationality {
    pub nationality: String,
    pub count: Option<u32>,
}

/// One incident, as SPEC.md defines its columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Incident {
    pub doc_id: String,
    pub incident_id: String,
    pub published: Option<NaiveDate>,
    pub date_start: Option<NaiveDate>,
    pub date_end: Option<NaiveDate>,
    pub date_precision: Option<DatePrecision>,
    pub country: Option<String>,
    pub province: Option<String>,
    pub district: Option<String>,
    pub place: Option<String>,
    pub event_type: Option<EventType>,
    pub killed: SideCounts,
    pub injured: SideCounts,
    pub arrested: Option<u32>,
    pub approximate: bool,
    pub militant_group: Option<String>,
    pub militant_nationalities: Vec<Nationality>,
    pub cross_border: bool,
    pub operation: Option<String>,
    pub mention: Option<Mention>,
    pub text: String,
    /// Character offsets (not bytes) of the evidence in the document.
    pub start: u32,
    pub end: u32,
}
