//! `evaluate`: score incidents against a hand-annotated gold standard.
//!
//! Matching is per document. Every (gold, predicted) pair of a document gets
//! a similarity (the [`points`] below); pairs at or above [`THRESHOLD`] are
//! taken greedily, highest similarity first, each gold incident and each row
//! at most once; ties go to the later gold incident, then the later row (the
//! order of the project's scorer, `eval/score.py`, whose figures this
//! reproduces). A matched pair is a true positive, an unmatched row a false
//! positive, an unmatched gold incident a false negative. Gold incidents
//! marked `optional` are neither: a row matched to one is left out of every
//! count, and so is the incident when nothing matches it.
//!
//! Fields of matched pairs are compared value for value (null equals null),
//! except `place` (compared without generic words such as "area" or
//! "village") and `district` (spellings the gazetteer lists as aliases of one
//! district are one district). Aggregates (killed and incidents by district,
//! killed by month, militants and incidents by nationality) are compared as
//! the weighted absolute percentage error over their groups.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use polars::prelude::*;

use super::error::{StatsError, StatsResult};
use super::table::Table;
use crate::lexicon::lexicon;

/// The four frames of an evaluation.
pub struct Evaluation {
    /// One row: docs, gold, predicted, tp, fp, fn, precision, recall, f1,
    /// optional_matched, unscored.
    pub summary: DataFrame,
    /// Per field: matched, correct, accuracy.
    pub fields: DataFrame,
    /// Per aggregate: gold_total, abs_error, wape.
    pub aggregates: DataFrame,
    /// Per gold incident and per unmatched row: the outcome and, for pairs,
    /// the similarity and one Boolean column per field.
    pub matches: DataFrame,
}

/// Points of the similarity, counted in halves so that sums are exact.
mod points {
    /// Both districts stated and the same / different.
    pub const SAME_DISTRICT: i32 = 6;
    pub const OTHER_DISTRICT: i32 = -4;
    /// Neither states a district and the provinces agree (both null counts).
    pub const SAME_PROVINCE_NO_DISTRICT: i32 = 2;
    /// Both dated: the ranges are at most a day apart / further.
    pub const CLOSE_DATES: i32 = 4;
    pub const DISTANT_DATES: i32 = -4;
    /// Both dated and the same first and last day.
    pub const SAME_DATES: i32 = 2;
    /// Both state a death toll and it is the same.
    pub const SAME_KILLED: i32 = 4;
    /// Both name the place and it is the same.
    pub const SAME_PLACE: i32 = 2;
    /// The event types agree (null equals null).
    pub const SAME_EVENT_TYPE: i32 = 1;
    /// The gold evidence quote lies inside the row's evidence text.
    pub const EVIDENCE_INSIDE: i32 = 5;
}

/// The least similarity (in half points: 3 points) of a match.
const THRESHOLD: i32 = 6;

/// Evidence texts longer than this (in characters) cannot support a match:
/// a quote inside a whole document says nothing.
const MAX_EVIDENCE_CHARS: usize = 1000;

const SIDES: [&str; 4] = ["security", "civilians", "militants", "unknown"];

/// One incident, gold or predicted, in the form the evaluation compares.
#[derive(Debug, Default, Clone)]
struct Record {
    doc_id: String,
    incident_id: Option<String>,
    date_start: Option<i32>,
    date_end: Option<i32>,
    date_precision: Option<String>,
    country: Option<String>,
    province: Option<String>,
    /// The gazetteer's spelling when the name is a known district, else the
    /// name lowercased.
    district: Option<String>,
    /// The name without generic words, lowercased.
    place: Option<String>,
    event_type: Option<String>,
    killed: [Option<u32>; 4],
    injured: [Option<u32>; 4],
    arrested: Option<u32>,
    approximate: bool,
    militant_group: Option<String>,
    nationalities: BTreeMap<String, Option<u32>>,
    cross_border: bool,
    operation: Option<String>,
    mention: Option<String>,
    /// Gold: the evidence quote; predicted: the row's text, when short
    /// enough to count. Lowercased, whitespace collapsed.
    evidence: Option<String>,
    optional: bool,
}

type Agrees = fn(&Record, &Record) -> bool;

/// The fields compared on every matched pair, in SPEC order.
const FIELDS: [(&str, Agrees); 16] = [
    ("date_start", |g, p| g.date_start == p.date_start),
    ("date_end", |g, p| g.date_end == p.date_end),
    ("date_precision", |g, p| {
        g.date_precision == p.date_precision
    }),
    ("country", |g, p| g.country == p.country),
    ("province", |g, p| g.province == p.province),
    ("district", |g, p| g.district == p.district),
    ("place", |g, p| g.place == p.place),
    ("event_type", |g, p| g.event_type == p.event_type),
    ("killed", |g, p| g.killed == p.killed),
    ("injured", |g, p| g.injured == p.injured),
    ("arrested", |g, p| g.arrested == p.arrested),
    ("approximate", |g, p| g.approximate == p.approximate),
    ("militant_group", |g, p| {
        g.militant_group == p.militant_group
    }),
    ("militant_nationalities", |g, p| {
        g.nationalities == p.nationalities
    }),
    ("cross_border", |g, p| g.cross_border == p.cross_border),
    ("operation", |g, p| g.operation == p.operation),
];

/// `mention` is compared where the gold states it and the rows carry it.
const MENTION: &str = "mention";

/// The names of the scored fields: those of `FIELDS`, then `mention`.
pub const EVALUATED_FIELDS: [&str; 17] = [
    "date_start",
    "date_end",
    "date_precision",
    "country",
    "province",
    "district",
    "place",
    "event_type",
    "killed",
    "injured",
    "arrested",
    "approximate",
    "militant_group",
    "militant_nationalities",
    "cross_border",
    "operation",
    MENTION,
];

/// Agreement of `mention`; None when it is not scored for this pair.
fn mention_agrees(gold: &Record, predicted: &Record, rows_have_mention: bool) -> Option<bool> {
    let stated = gold.mention.as_ref()?;
    rows_have_mention.then(|| predicted.mention.as_ref() == Some(stated))
}

/// The SPEC columns both frames must have.
const COMPARED_COLUMNS: [&str; 23] = [
    "doc_id",
    "date_start",
    "date_end",
    "date_precision",
    "country",
    "province",
    "district",
    "place",
    "event_type",
    "killed_security",
    "killed_civilians",
    "killed_militants",
    "killed_unknown",
    "injured_security",
    "injured_civilians",
    "injured_militants",
    "injured_unknown",
    "arrested",
    "approximate",
    "militant_group",
    "militant_nationalities",
    "cross_border",
    "operation",
];

// ---------------------------------------------------------------- names

/// A name as compared: lowercase, hyphens as spaces, single spaces.
fn name_key(name: &str) -> String {
    name.to_lowercase()
        .replace('-', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every spelling of a district the gazetteer knows (Pakistani and Afghan
/// districts with their aliases, multi-district cities), keyed by
/// [`name_key`], to its canonical name. An alias never renames another
/// entry's own name, and an alias two districts share is left out.
fn district_spellings() -> &'static HashMap<String, String> {
    static SPELLINGS: OnceLock<HashMap<String, String>> = OnceLock::new();
    SPELLINGS.get_or_init(|| {
        let g = &lexicon().gazetteer;
        let none: &[String] = &[];
        let entries: Vec<(&String, &[String])> = g
            .districts
            .iter()
            .map(|d| (&d.name, d.aliases.as_slice()))
            .chain(
                g.afghan_districts
                    .iter()
                    .map(|d| (&d.name, d.aliases.as_slice())),
            )
            .chain(g.cities.iter().map(|c| (&c.name, none)))
            .collect();
        let mut spellings: HashMap<String, String> = entries
            .iter()
            .map(|(name, _)| (name_key(name), (*name).clone()))
            .collect();
        let canonical: HashSet<String> = spellings.keys().cloned().collect();
        let mut shared = HashSet::new();
        for (name, aliases) in &entries {
            for alias in aliases.iter().map(|a| name_key(a)) {
                if canonical.contains(&alias) {
                    continue;
                }
                match spellings.get(&alias) {
                    Some(other) if other != *name => {
                        shared.insert(alias);
                    }
                    Some(_) => {}
                    None => {
                        spellings.insert(alias, (*name).clone());
                    }
                }
            }
        }
        for alias in shared {
            spellings.remove(&alias);
        }
        spellings
    })
}

/// The district as compared: the gazetteer's name for a spelling it knows.
fn district_key(name: &str) -> String {
    let key = name_key(name);
    district_spellings().get(&key).cloned().unwrap_or(key)
}

/// Words around a place's name that are not part of it.
const GENERIC_PLACE_WORDS: [&str; 9] = [
    "area", "bazaar", "bazar", "town", "village", "city", "tehsil", "valley", "sector",
];
const LEADING_PLACE_WORDS: [&str; 3] = ["mauza", "mouza", "village"];

/// A place without the generic words around its name: "general area Datta
/// Khel", "Mauza Kot", "Rakhni Bazaar" compare as "datta khel", "kot",
/// "rakhni". A name that is only a generic word keeps it.
fn place_key(place: &str) -> Option<String> {
    let key = name_key(place);
    let mut words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    if words.starts_with(&["general", "area"]) {
        words.drain(..2);
    }
    if words.len() > 1 && LEADING_PLACE_WORDS.contains(&words[0]) {
        words.remove(0);
    }
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| GENERIC_PLACE_WORDS.contains(w))
    {
        words.pop();
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// Text for containment tests: lowercase, whitespace collapsed.
fn flat_text(text: &str) -> Option<String> {
    let flat = text
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!flat.is_empty()).then_some(flat)
}

// ---------------------------------------------------------------- reading

/// A non-SPEC column read as `dtype`, if the frame has it.
fn extra_column(
    frame: &DataFrame,
    name: &str,
    dtype: &DataType,
    argument: &str,
) -> StatsResult<Option<Series>> {
    let Ok(column) = frame.column(name) else {
        return Ok(None);
    };
    let series = column.as_materialized_series();
    let textual = matches!(
        series.dtype(),
        DataType::String | DataType::Enum(..) | DataType::Categorical(..) | DataType::Null
    );
    let wrong = || {
        StatsError::new(
            argument,
            format!(
                "column {name} has dtype {}, which cannot be read as {dtype}",
                series.dtype()
            ),
        )
    };
    if dtype == &DataType::String && !textual {
        return Err(wrong());
    }
    let cast = series.strict_cast(dtype).map_err(|_| wrong())?;
    Ok(Some(cast.rechunk()))
}

fn check_columns(frame: &DataFrame, names: &[&str], argument: &str, hint: &str) -> StatsResult<()> {
    let missing: Vec<&str> = names
        .iter()
        .copied()
        .filter(|name| frame.column(name).is_err())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(StatsError::new(
        argument,
        format!("missing column(s) {}; {hint}", missing.join(", ")),
    ))
}

/// The rows of `frame` as records. Predicted rows (`gold == false`) also
/// need `incident_id` and may have `text` and `mention`; gold rows may have
/// `optional`, `evidence` and `mention`.
fn read_records(frame: &DataFrame, gold: bool) -> StatsResult<(Vec<Record>, bool)> {
    let argument = if gold { "gold" } else { "incidents" };
    let mut names: Vec<&'static str> = COMPARED_COLUMNS.to_vec();
    if gold {
        check_columns(
            frame,
            &names,
            argument,
            "a gold frame has the SPEC columns (ik.read_gold)",
        )?;
    } else {
        names.push("incident_id");
        check_columns(
            frame,
            &names,
            argument,
            "an incident frame (ik.parse, ik.parse_many) has them",
        )?;
        if frame.column("text").is_ok() {
            names.push("text");
        }
    }
    let table = Table::new(frame, &names, argument)?;
    let string = DataType::String;
    let mention = extra_column(frame, MENTION, &string, argument)?;
    let (optional, evidence) = if gold {
        (
            extra_column(frame, "optional", &DataType::Boolean, argument)?,
            extra_column(frame, "evidence", &string, argument)?,
        )
    } else {
        (None, None)
    };
    let text = |name: &str, row: usize| table.str(name).get(row).map(str::to_string);
    let counts = |prefix: &str, row: usize| {
        SIDES.map(|side| table.u32(&format!("{prefix}_{side}")).get(row))
    };
    let nationalities = table.nationalities();
    let records = (0..table.height())
        .map(|row| {
            let evidence = if gold {
                evidence
                    .as_ref()
                    .and_then(|s| s.str().ok()?.get(row).and_then(flat_text))
            } else if names.contains(&"text") {
                table
                    .str("text")
                    .get(row)
                    .and_then(flat_text)
                    .filter(|t| t.chars().count() <= MAX_EVIDENCE_CHARS)
            } else {
                None
            };
            Record {
                doc_id: text("doc_id", row).unwrap_or_default(),
                incident_id: if gold { None } else { text("incident_id", row) },
                date_start: table.date("date_start").get(row),
                date_end: table.date("date_end").get(row),
                date_precision: text("date_precision", row),
                country: text("country", row),
                province: text("province", row),
                district: table.str("district").get(row).map(district_key),
                place: table.str("place").get(row).and_then(place_key),
                event_type: text("event_type", row),
                killed: counts("killed", row),
                injured: counts("injured", row),
                arrested: table.u32("arrested").get(row),
                approximate: table.bool("approximate").get(row) == Some(true),
                militant_group: text("militant_group", row),
                nationalities: nationalities
                    .row(row)
                    .filter_map(|(name, count)| Some((name?.to_string(), count)))
                    .collect(),
                cross_border: table.bool("cross_border").get(row) == Some(true),
                operation: text("operation", row),
                mention: mention
                    .as_ref()
                    .and_then(|s| s.str().ok()?.get(row).map(str::to_string)),
                evidence,
                optional: optional
                    .as_ref()
                    .and_then(|s| s.bool().ok()?.get(row))
                    .unwrap_or(false),
            }
        })
        .collect();
    Ok((records, mention.is_some()))
}

// ---------------------------------------------------------------- matching

fn total(counts: &[Option<u32>; 4]) -> Option<u64> {
    let stated: Vec<u64> = counts.iter().flatten().map(|&c| u64::from(c)).collect();
    (!stated.is_empty()).then(|| stated.iter().sum())
}

/// Days between two date ranges, 0 when they overlap; None unless both are
/// dated. A range without an end is its first day.
fn days_apart(a: &Record, b: &Record) -> Option<i32> {
    let (a0, b0) = (a.date_start?, b.date_start?);
    let (a1, b1) = (a.date_end.unwrap_or(a0), b.date_end.unwrap_or(b0));
    Some((b0 - a1).max(a0 - b1).max(0))
}

/// How strongly a row looks like a gold incident, in half points.
fn similarity(gold: &Record, row: &Record) -> i32 {
    use points::*;
    let mut score = 0;
    match (&gold.district, &row.district) {
        (Some(a), Some(b)) => {
            score += if a == b {
                SAME_DISTRICT
            } else {
                OTHER_DISTRICT
            }
        }
        (None, None) if gold.province == row.province => score += SAME_PROVINCE_NO_DISTRICT,
        _ => {}
    }
    if let Some(gap) = days_apart(gold, row) {
        score += if gap <= 1 { CLOSE_DATES } else { DISTANT_DATES };
        if gold.date_start == row.date_start && gold.date_end == row.date_end {
            score += SAME_DATES;
        }
    }
    if let (Some(a), Some(b)) = (total(&gold.killed), total(&row.killed)) {
        if a == b {
            score += SAME_KILLED;
        }
    }
    if gold.place.is_some() && gold.place == row.place {
        score += SAME_PLACE;
    }
    if gold.event_type == row.event_type {
        score += SAME_EVENT_TYPE;
    }
    if let (Some(quote), Some(text)) = (&gold.evidence, &row.evidence) {
        if text.contains(quote.as_str()) {
            score += EVIDENCE_INSIDE;
        }
    }
    score
}

/// Greedy one-to-one matching of one document: `(gold, row, similarity)`.
fn match_document(gold: &[&Record], rows: &[&Record]) -> Vec<(usize, usize, i32)> {
    let mut pairs: Vec<(usize, usize, i32)> = Vec::new();
    for (g, gold_incident) in gold.iter().enumerate() {
        for (r, row) in rows.iter().enumerate() {
            let score = similarity(gold_incident, row);
            if score >= THRESHOLD {
                pairs.push((g, r, score));
            }
        }
    }
    // Highest similarity first; ties: later gold incident, then later row.
    pairs.sort_by_key(|&(g, r, score)| std::cmp::Reverse((score, g, r)));
    let mut gold_used = vec![false; gold.len()];
    let mut row_used = vec![false; rows.len()];
    pairs.retain(|&(g, r, _)| {
        let free = !gold_used[g] && !row_used[r];
        if free {
            gold_used[g] = true;
            row_used[r] = true;
        }
        free
    });
    pairs
}

// ---------------------------------------------------------------- scoring

/// What became of a gold incident or a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    TruePositive,
    FalseNegative,
    FalsePositive,
    /// An optional gold incident, matched or not: not scored.
    Optional,
}

impl Outcome {
    fn as_str(self) -> &'static str {
        match self {
            Outcome::TruePositive => "tp",
            Outcome::FalseNegative => "fn",
            Outcome::FalsePositive => "fp",
            Outcome::Optional => "optional",
        }
    }
}

/// One row of `matches`.
struct MatchRow<'a> {
    doc_id: &'a str,
    gold_index: Option<u32>,
    gold: Option<&'a Record>,
    row: Option<&'a Record>,
    outcome: Outcome,
    similarity: Option<i32>,
}

/// A group key of an aggregate: null when the incident states none.
type Key = Option<String>;

type Groups = fn(&Record) -> Vec<(Key, u64)>;

fn month(record: &Record) -> Key {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid epoch");
    let day = epoch.checked_add_signed(chrono::Duration::days(i64::from(record.date_start?)))?;
    Some(format!("{:04}-{:02}", day.year(), day.month()))
}

fn killed(record: &Record) -> u64 {
    total(&record.killed).unwrap_or(0)
}

/// The aggregates compared, and what each incident adds to which group.
const MEASURES: [(&str, Groups); 5] = [
    ("killed_by_district", |r| {
        vec![(r.district.clone(), killed(r))]
    }),
    ("killed_by_month", |r| vec![(month(r), killed(r))]),
    ("incidents_by_district", |r| vec![(r.district.clone(), 1)]),
    ("militants_by_nationality", |r| {
        r.nationalities
            .iter()
            .map(|(n, count)| (Some(n.clone()), u64::from(count.unwrap_or(0))))
            .collect()
    }),
    ("incidents_by_nationality", |r| {
        r.nationalities
            .keys()
            .map(|n| (Some(n.clone()), 1))
            .collect()
    }),
];

fn sums(records: &[&Record], groups: Groups) -> HashMap<Key, u64> {
    let mut sums = HashMap::new();
    for record in records {
        for (key, value) in groups(record) {
            *sums.entry(key).or_insert(0) += value;
        }
    }
    sums
}

/// Sum of absolute differences over the groups of either side, and the
/// gold total it is divided by.
fn absolute_error(gold: &HashMap<Key, u64>, predicted: &HashMap<Key, u64>) -> (u64, u64) {
    let keys: HashSet<&Key> = gold.keys().chain(predicted.keys()).collect();
    let error = keys
        .into_iter()
        .map(|k| {
            let (g, p) = (
                gold.get(k).copied().unwrap_or(0),
                predicted.get(k).copied().unwrap_or(0),
            );
            g.abs_diff(p)
        })
        .sum();
    (error, gold.values().sum())
}

fn ratio(numerator: u64, denominator: u64) -> Option<f64> {
    (denominator > 0).then(|| numerator as f64 / denominator as f64)
}

/// The gold incidents and the rows of every scored document.
struct Documents<'a> {
    ids: Vec<&'a str>,
    gold: Vec<Vec<&'a Record>>,
    rows: Vec<Vec<&'a Record>>,
    /// Rows of documents the gold does not cover.
    unscored: u64,
}

impl<'a> Documents<'a> {
    /// The documents are `docs`, then those of the gold in order of first
    /// appearance.
    fn new(docs: &'a [String], gold: &'a [Record], rows: &'a [Record]) -> Self {
        let mut ids: Vec<&str> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        let named = docs.iter().map(String::as_str);
        for doc in named.chain(gold.iter().map(|g| g.doc_id.as_str())) {
            index.entry(doc).or_insert_with(|| {
                ids.push(doc);
                ids.len() - 1
            });
        }
        let mut gold_of: Vec<Vec<&Record>> = vec![Vec::new(); ids.len()];
        for g in gold {
            gold_of[index[g.doc_id.as_str()]].push(g);
        }
        let mut rows_of: Vec<Vec<&Record>> = vec![Vec::new(); ids.len()];
        let mut unscored = 0;
        for row in rows {
            match index.get(row.doc_id.as_str()) {
                Some(&d) => rows_of[d].push(row),
                None => unscored += 1,
            }
        }
        Self {
            ids,
            gold: gold_of,
            rows: rows_of,
            unscored,
        }
    }
}

/// What the documents add up to.
#[derive(Default)]
struct Tally<'a> {
    tp: u64,
    fp: u64,
    fn_: u64,
    optional_matched: u64,
    /// Per field of [`EVALUATED_FIELDS`]: pairs compared, pairs agreeing.
    compared: [u64; EVALUATED_FIELDS.len()],
    agreeing: [u64; EVALUATED_FIELDS.len()],
    /// The incidents the aggregates are computed over.
    gold: Vec<&'a Record>,
    rows: Vec<&'a Record>,
    matches: Vec<MatchRow<'a>>,
}

impl<'a> Tally<'a> {
    fn add_document(
        &mut self,
        doc_id: &'a str,
        gold: &[&'a Record],
        rows: &[&'a Record],
        rows_have_mention: bool,
    ) {
        let mut pair_of_gold: Vec<Option<(usize, i32)>> = vec![None; gold.len()];
        let mut row_taken = vec![false; rows.len()];
        for (g, r, score) in match_document(gold, rows) {
            pair_of_gold[g] = Some((r, score));
            row_taken[r] = true;
        }
        for (g, (&gold_incident, pair)) in gold.iter().zip(pair_of_gold).enumerate() {
            let row = pair.map(|(r, _)| rows[r]);
            let outcome = match (gold_incident.optional, row) {
                (true, _) => Outcome::Optional,
                (false, Some(_)) => Outcome::TruePositive,
                (false, None) => Outcome::FalseNegative,
            };
            match (outcome, row) {
                (Outcome::Optional, _) => self.optional_matched += u64::from(row.is_some()),
                (_, Some(row)) => self.add_pair(gold_incident, row, rows_have_mention),
                (_, None) => {
                    self.fn_ += 1;
                    self.gold.push(gold_incident);
                }
            }
            self.matches.push(MatchRow {
                doc_id,
                gold_index: Some(g as u32),
                gold: Some(gold_incident),
                row,
                outcome,
                similarity: pair.map(|(_, score)| score),
            });
        }
        for (&row, _) in rows.iter().zip(row_taken).filter(|&(_, taken)| !taken) {
            self.fp += 1;
            self.rows.push(row);
            self.matches.push(MatchRow {
                doc_id,
                gold_index: None,
                gold: None,
                row: Some(row),
                outcome: Outcome::FalsePositive,
                similarity: None,
            });
        }
    }

    /// A true positive: its fields are compared.
    fn add_pair(&mut self, gold: &'a Record, row: &'a Record, rows_have_mention: bool) {
        self.tp += 1;
        self.gold.push(gold);
        self.rows.push(row);
        for (k, (_, agrees)) in FIELDS.iter().enumerate() {
            self.compared[k] += 1;
            self.agreeing[k] += u64::from(agrees(gold, row));
        }
        if let Some(agrees) = mention_agrees(gold, row, rows_have_mention) {
            self.compared[FIELDS.len()] += 1;
            self.agreeing[FIELDS.len()] += u64::from(agrees);
        }
    }

    fn summary(&self, docs: usize, unscored: u64) -> PolarsResult<DataFrame> {
        let precision = ratio(self.tp, self.tp + self.fp);
        let recall = ratio(self.tp, self.tp + self.fn_);
        let f1 = match (precision, recall) {
            (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
            (Some(_), Some(_)) => Some(0.0),
            _ => None,
        };
        df!(
            "docs" => [docs as u64],
            "gold" => [self.tp + self.fn_],
            "predicted" => [self.tp + self.fp],
            "tp" => [self.tp],
            "fp" => [self.fp],
            "fn" => [self.fn_],
            "precision" => [precision],
            "recall" => [recall],
            "f1" => [f1],
            "optional_matched" => [self.optional_matched],
            "unscored" => [unscored],
        )
    }

    fn fields(&self) -> PolarsResult<DataFrame> {
        let accuracy: Vec<Option<f64>> = self
            .compared
            .iter()
            .zip(&self.agreeing)
            .map(|(&n, &hits)| ratio(hits, n))
            .collect();
        df!(
            "field" => EVALUATED_FIELDS,
            "matched" => self.compared,
            "correct" => self.agreeing,
            "accuracy" => accuracy,
        )
    }

    fn aggregates(&self) -> PolarsResult<DataFrame> {
        let errors: Vec<(u64, u64)> = MEASURES
            .iter()
            .map(|&(_, groups)| {
                absolute_error(&sums(&self.gold, groups), &sums(&self.rows, groups))
            })
            .collect();
        df!(
            "measure" => MEASURES.map(|(name, _)| name),
            "gold_total" => errors.iter().map(|e| e.1).collect::<Vec<_>>(),
            "abs_error" => errors.iter().map(|e| e.0).collect::<Vec<_>>(),
            "wape" => errors.iter().map(|&(e, g)| ratio(e, g)).collect::<Vec<_>>(),
        )
    }
}

/// Score the incident frame `predicted` against the frame `gold`.
///
/// The documents scored are `docs` and every `doc_id` of `gold` (a document
/// with no gold incidents can only be named in `docs`); rows of other
/// documents are left out and counted as `unscored`. Gold incidents are
/// numbered per document in frame order (`gold_index`).
pub fn evaluate(
    predicted: &DataFrame,
    gold: &DataFrame,
    docs: &[String],
) -> StatsResult<Evaluation> {
    let (rows, rows_have_mention) = read_records(predicted, false)?;
    let (gold, _) = read_records(gold, true)?;
    let documents = Documents::new(docs, &gold, &rows);
    let mut tally = Tally::default();
    for (d, doc_id) in documents.ids.iter().enumerate() {
        tally.add_document(
            doc_id,
            &documents.gold[d],
            &documents.rows[d],
            rows_have_mention,
        );
    }
    let polars = |e| StatsError::polars("incidents", e);
    Ok(Evaluation {
        summary: tally
            .summary(documents.ids.len(), documents.unscored)
            .map_err(polars)?,
        fields: tally.fields().map_err(polars)?,
        aggregates: tally.aggregates().map_err(polars)?,
        matches: matches_frame(&tally.matches, rows_have_mention).map_err(polars)?,
    })
}

impl<'a> MatchRow<'a> {
    /// The gold incident and the row of a matched pair.
    fn pair(&self) -> Option<(&'a Record, &'a Record)> {
        self.gold.zip(self.row)
    }
}

fn matches_frame(matches: &[MatchRow], rows_have_mention: bool) -> PolarsResult<DataFrame> {
    let mut columns = vec![
        Column::new(
            "doc_id".into(),
            matches.iter().map(|m| m.doc_id).collect::<Vec<_>>(),
        ),
        Column::new(
            "gold_index".into(),
            matches.iter().map(|m| m.gold_index).collect::<Vec<_>>(),
        ),
        Column::new(
            "incident_id".into(),
            matches
                .iter()
                .map(|m| m.row.and_then(|r| r.incident_id.as_deref()))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "outcome".into(),
            matches
                .iter()
                .map(|m| m.outcome.as_str())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "similarity".into(),
            matches
                .iter()
                .map(|m| m.similarity.map(|s| f64::from(s) / 2.0))
                .collect::<Vec<_>>(),
        ),
    ];
    for (name, agrees) in FIELDS {
        let values: Vec<Option<bool>> = matches
            .iter()
            .map(|m| m.pair().map(|(g, r)| agrees(g, r)))
            .collect();
        columns.push(Column::new(name.into(), values));
    }
    let mention: Vec<Option<bool>> = matches
        .iter()
        .map(|m| {
            m.pair()
                .and_then(|(g, r)| mention_agrees(g, r, rows_have_mention))
        })
        .collect();
    columns.push(Column::new(MENTION.into(), mention));
    DataFrame::new(matches.len(), columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evaluated_fields_are_the_compared_ones_then_mention() {
        let names: Vec<&str> = FIELDS.iter().map(|(name, _)| *name).collect();
        assert_eq!(EVALUATED_FIELDS[..FIELDS.len()], names[..]);
        assert_eq!(EVALUATED_FIELDS[FIELDS.len()..], [MENTION]);
    }

    #[test]
    fn place_keys_drop_generic_words() {
        assert_eq!(
            place_key("general area Datta Khel").as_deref(),
            Some("datta khel")
        );
        assert_eq!(place_key("Mauza  Kot").as_deref(), Some("kot"));
        assert_eq!(place_key("Rakhni Bazaar").as_deref(), Some("rakhni"));
        assert_eq!(place_key("Tirah valley area").as_deref(), Some("tirah"));
        assert_eq!(place_key("Shewa-Tochi").as_deref(), Some("shewa tochi"));
        // A name that is only a generic word keeps it.
        assert_eq!(place_key("Village").as_deref(), Some("village"));
        assert_eq!(place_key("general area"), None);
        assert_eq!(place_key("  "), None);
    }

    #[test]
    fn district_spellings_come_from_the_gazetteer() {
        assert_eq!(district_key("D.I. Khan"), "Dera Ismail Khan");
        assert_eq!(district_key("dera ismail khan"), "Dera Ismail Khan");
        assert_eq!(district_key("Kurrum"), "Kurram");
        assert_eq!(district_key("Bajur"), "Bajaur");
        // A name the gazetteer does not know is compared lowercased.
        assert_eq!(district_key("Nowhere  Town"), "nowhere town");
        // Former names are not spellings: SPEC asks for the current name.
        assert_eq!(district_key("Bolan"), "bolan");
    }

    fn record(district: Option<&str>, day: Option<i32>) -> Record {
        Record {
            district: district.map(district_key),
            date_start: day,
            date_end: day,
            ..Record::default()
        }
    }

    #[test]
    fn similarity_adds_the_points_of_agreeing_facts() {
        let gold = record(Some("Bannu"), Some(100));
        // District (3), dates within a day (2) and identical (1), event type
        // null on both (0.5).
        assert_eq!(similarity(&gold, &record(Some("Bannu"), Some(100))), 13);
        // A day apart: no exact-date point.
        assert_eq!(similarity(&gold, &record(Some("Bannu"), Some(101))), 11);
        // Another district and two days apart: -2 - 2 + 0.5.
        assert_eq!(similarity(&gold, &record(Some("Tank"), Some(102))), -7);
        // Neither has a district, provinces both null: 1 + 0.5.
        assert_eq!(similarity(&record(None, None), &record(None, None)), 3);
    }

    #[test]
    fn ranges_apart_count_days_between_them() {
        let mut a = record(None, Some(10));
        a.date_end = Some(14);
        assert_eq!(days_apart(&a, &record(None, Some(12))), Some(0));
        assert_eq!(days_apart(&a, &record(None, Some(16))), Some(2));
        assert_eq!(days_apart(&record(None, Some(3)), &a), Some(7));
        assert_eq!(days_apart(&a, &record(None, None)), None);
    }

    #[test]
    fn matching_takes_the_best_pairs_first() {
        let g0 = record(Some("Bannu"), Some(100));
        let g1 = record(Some("Bannu"), Some(101));
        let r0 = record(Some("Bannu"), Some(101));
        let r1 = record(Some("Bannu"), Some(100));
        // g0 and r0 are similar (11) but g0-r1 and g1-r0 are identical (13).
        let pairs = match_document(&[&g0, &g1], &[&r0, &r1]);
        assert_eq!(pairs, [(1, 0, 13), (0, 1, 13)]);
        // One row equally like two gold incidents goes to the later one.
        let pairs = match_document(&[&g0, &g0], &[&r1]);
        assert_eq!(pairs, [(1, 0, 13)]);
        // Below the threshold nothing matches.
        let far = record(Some("Tank"), Some(100));
        assert!(match_document(&[&g0], &[&far]).is_empty());
    }
}
