//! The group-by under every statistic: rows filtered by a date window,
//! keyed by columns, time periods or exploded nationalities, and numbered
//! densely so that sums are plain array updates.

use polars::prelude::*;
use rayon::prelude::*;

use super::error::{one_of, quoted, StatsError, StatsResult};
use super::period::{Every, Unit};
use super::table::{Table, MENTION_COLUMN};

/// How an incident's date range is matched against a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRule {
    /// The range touches the window.
    Overlap,
    /// The first day is inside the window.
    Start,
    /// The whole range is inside the window.
    Within,
}

impl DateRule {
    pub const NAMES: [&'static str; 3] = ["overlap", "start", "within"];

    pub fn parse(name: &str, argument: &str) -> StatsResult<Self> {
        match name {
            "overlap" => Ok(Self::Overlap),
            "start" => Ok(Self::Start),
            "within" => Ok(Self::Within),
            _ => Err(StatsError::new(
                argument,
                format!("got {}; expected {}", quoted(name), one_of(&Self::NAMES)),
            )),
        }
    }
}

/// An inclusive window of days (since 1970-01-01); `None` is unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateWindow {
    pub start: Option<i32>,
    pub end: Option<i32>,
    pub rule: DateRule,
}

impl DateWindow {
    pub const ALL: Self = Self {
        start: None,
        end: None,
        rule: DateRule::Overlap,
    };

    /// A window, checked: `start` must not come after `end`.
    pub fn new(start: Option<i32>, end: Option<i32>, rule: DateRule) -> StatsResult<Self> {
        if let (Some(s), Some(e)) = (start, end) {
            if s > e {
                return Err(StatsError::new(
                    "start",
                    "start comes after end; give start <= end",
                ));
            }
        }
        Ok(Self { start, end, rule })
    }

    pub fn is_unbounded(&self) -> bool {
        self.start.is_none() && self.end.is_none()
    }

    /// Whether an incident dated `first..=last` is in the window. Undated
    /// incidents are in no bounded window.
    pub fn contains(&self, first: Option<i32>, last: Option<i32>) -> bool {
        if self.is_unbounded() {
            return true;
        }
        let Some(first) = first else { return false };
        let last = last.unwrap_or(first).max(first);
        let lo = self.start.unwrap_or(i32::MIN);
        let hi = self.end.unwrap_or(i32::MAX);
        match self.rule {
            DateRule::Overlap => first <= hi && last >= lo,
            DateRule::Start => first >= lo && first <= hi,
            DateRule::Within => first >= lo && last <= hi,
        }
    }
}

/// Which incidents a statistic counts by how their document tells them
/// (the `mention` column): every one, or only news, or only background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mention {
    /// Every incident: the default, so that nothing is dropped unasked.
    #[default]
    Any,
    /// `report` rows: the events the documents bring news of.
    Report,
    /// `background` rows: earlier events recalled as context.
    Background,
}

impl Mention {
    /// `None` keeps every incident; `"report"` or `"background"` keeps those.
    pub fn parse(name: Option<&str>, argument: &str) -> StatsResult<Self> {
        match name {
            None => Ok(Self::Any),
            Some("report") => Ok(Self::Report),
            Some("background") => Ok(Self::Background),
            Some(other) => Err(StatsError::new(
                argument,
                format!(
                    "got {}; expected 'report', 'background' or None (every incident)",
                    quoted(other)
                ),
            )),
        }
    }

    /// The value rows must hold, or None to keep every row.
    pub fn value(self) -> Option<&'static str> {
        match self {
            Self::Any => None,
            Self::Report => Some("report"),
            Self::Background => Some("background"),
        }
    }

    /// The columns the filter reads: `mention`, when it filters.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Self::Any => &[],
            _ => &[MENTION_COLUMN],
        }
    }

    /// A frame without a `mention` column cannot be filtered by it: say so,
    /// naming the argument, rather than report a missing column.
    pub fn check(self, frame: &DataFrame) -> StatsResult<()> {
        match self.value() {
            Some(value) if frame.column(MENTION_COLUMN).is_err() => Err(StatsError::new(
                "mention",
                format!(
                    "the incidents have no mention column, so they cannot be filtered to \
                     {}; parse them with a version of incidentkit that fills it, or pass \
                     mention=None to count every incident",
                    quoted(value)
                ),
            )),
            _ => Ok(()),
        }
    }

    /// Whether row `row` of `table` passes (the table holds `mention` when
    /// the filter needs it).
    pub fn keeps<'a>(self, table: &'a Table) -> impl Fn(u32) -> bool + 'a {
        let wanted = self.value();
        let column = wanted.map(|_| table.str(MENTION_COLUMN));
        move |row| match (wanted, column) {
            (Some(wanted), Some(values)) => values.get(row as usize) == Some(wanted),
            _ => true,
        }
    }
}

/// What rows are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySpec {
    /// A string or enum column, grouped by value.
    Column(&'static str),
    /// Periods of `date_start`.
    Time(Every),
    /// One group per nationality named in `militant_nationalities`.
    Nationality,
}

/// The names `by` accepts, in the order the docs list them.
pub const KEY_NAMES: [&str; 11] = [
    "district",
    "province",
    "country",
    "nationality",
    "militant_group",
    "event_type",
    "day",
    "week",
    "month",
    "quarter",
    "year",
];

impl KeySpec {
    pub fn parse(name: &str, argument: &str) -> StatsResult<Self> {
        let spec = match name {
            "district" => Self::Column("district"),
            "province" => Self::Column("province"),
            "country" => Self::Column("country"),
            "militant_group" => Self::Column("militant_group"),
            "event_type" => Self::Column("event_type"),
            "nationality" => Self::Nationality,
            "day" => Self::Time(Every::one(Unit::Day)),
            "week" => Self::Time(Every::one(Unit::Week)),
            "month" => Self::Time(Every::one(Unit::Month)),
            "quarter" => Self::Time(Every::one(Unit::Quarter)),
            "year" => Self::Time(Every::one(Unit::Year)),
            _ => {
                return Err(StatsError::new(
                    argument,
                    format!("got {}; expected {}", quoted(name), one_of(&KEY_NAMES)),
                ))
            }
        };
        Ok(spec)
    }

    /// The incident columns this key reads.
    pub fn columns(&self) -> &'static [&'static str] {
        match self {
            Self::Column("district") => &["district"],
            Self::Column("province") => &["province"],
            Self::Column("country") => &["country"],
            Self::Column("militant_group") => &["militant_group"],
            Self::Column("event_type") => &["event_type"],
            Self::Column(_) => &[],
            Self::Time(_) => &["date_start"],
            Self::Nationality => &["militant_nationalities"],
        }
    }
}

/// Parse several key names; a name given twice is an error.
pub fn parse_keys(names: &[String], argument: &str) -> StatsResult<Vec<(String, KeySpec)>> {
    let mut keys: Vec<(String, KeySpec)> = Vec::with_capacity(names.len());
    for name in names {
        if keys.iter().any(|(seen, _)| seen == name) {
            return Err(StatsError::new(
                argument,
                format!("{} is given twice", quoted(name)),
            ));
        }
        keys.push((name.clone(), KeySpec::parse(name, argument)?));
    }
    if keys
        .iter()
        .filter(|(_, k)| *k == KeySpec::Nationality)
        .count()
        > 1
    {
        return Err(StatsError::new(argument, "nationality is given twice"));
    }
    Ok(keys)
}

/// What each code of a key stands for.
pub enum Labels {
    /// Codes of a column: a row holding each value (the null code's row holds
    /// null), so that output keys keep the caller's dtype.
    Rows {
        column: &'static str,
        rows: Vec<u32>,
    },
    /// Consecutive periods from `first` (an ordinal of `every`); the code
    /// `count` is the undated group.
    Periods {
        every: Every,
        first: i64,
        count: usize,
    },
    /// Nationality names; `None` for incidents that name none.
    Names(Vec<Option<String>>),
}

impl Labels {
    /// How many codes the key has, the null code included.
    pub fn len(&self) -> usize {
        match self {
            Labels::Rows { rows, .. } => rows.len(),
            Labels::Periods { count, .. } => count + 1,
            Labels::Names(names) => names.len(),
        }
    }

    /// The key values of `codes` as a column named `name`.
    pub fn column(&self, table: &Table, name: &str, codes: &[u32]) -> StatsResult<Column> {
        let column = match self {
            Labels::Rows { column, rows } => {
                let indices: Vec<IdxSize> =
                    codes.iter().map(|&c| rows[c as usize] as IdxSize).collect();
                let indices = IdxCa::from_vec("".into(), indices);
                let taken = table
                    .original(column)
                    .take(&indices)
                    .map_err(|e| StatsError::polars("incidents", e))?;
                taken.with_name(name.into())
            }
            Labels::Periods {
                every,
                first,
                count,
            } => {
                let days = codes.iter().map(|&c| {
                    ((c as usize) < *count).then(|| every.start_of_ordinal(first + i64::from(c)))
                });
                if every.is_calendar_label() {
                    // Months, quarters and years print as they are named
                    // ("2025-03", "2025-Q1", "2025") wherever they appear.
                    let labels: Vec<Option<String>> =
                        days.map(|d| d.map(|d| every.label(d))).collect();
                    Column::new(name.into(), labels)
                } else {
                    Series::new(name.into(), days.collect::<Vec<Option<i32>>>())
                        .cast(&DataType::Date)
                        .map_err(|e| StatsError::polars("incidents", e))?
                        .into()
                }
            }
            Labels::Names(names) => {
                let values: Vec<Option<&str>> = codes
                    .iter()
                    .map(|&c| names[c as usize].as_deref())
                    .collect();
                Column::new(name.into(), values)
            }
        };
        Ok(column)
    }
}

/// Rows (possibly repeated, when nationalities are exploded) and their codes.
pub struct Grouping {
    /// The source row of every grouped row.
    pub rows: Vec<u32>,
    /// With a nationality key: the stated count of that nationality.
    pub nationality_counts: Option<Vec<Option<u32>>>,
    /// Per key: its labels and the code of every grouped row.
    pub keys: Vec<(Labels, Vec<u32>)>,
}

/// The rows of `table` inside `window` that `mention` keeps.
pub fn select_rows(table: &Table, window: &DateWindow, mention: Mention) -> Vec<u32> {
    let height = table.height() as u32;
    let keeps = mention.keeps(table);
    if window.is_unbounded() {
        return (0..height).filter(|&row| keeps(row)).collect();
    }
    let starts = table.date("date_start");
    let ends = table.date("date_end");
    (0..height)
        .filter(|&row| window.contains(starts.get(row as usize), ends.get(row as usize)))
        .filter(|&row| keeps(row))
        .collect()
}

/// Group `rows` of `table` by `keys`; time keys span at least `span` (days).
pub fn group_rows(
    table: &Table,
    mut rows: Vec<u32>,
    keys: &[KeySpec],
    span: (Option<i32>, Option<i32>),
) -> Grouping {
    let mut nationality_counts = None;
    let mut nationality_codes = None;
    if keys.contains(&KeySpec::Nationality) {
        let (exploded, codes, counts) = explode_nationalities(table, &rows);
        rows = exploded;
        nationality_codes = Some(codes);
        nationality_counts = Some(counts);
    }
    let keys = keys
        .iter()
        .map(|key| match *key {
            KeySpec::Column(name) => column_codes(table, name, &rows),
            KeySpec::Time(every) => period_codes(table, every, &rows, span),
            KeySpec::Nationality => nationality_codes.take().expect("one nationality key"),
        })
        .collect();
    Grouping {
        rows,
        nationality_counts,
        keys,
    }
}

/// Rows per task when work is split across threads.
const ROWS_PER_TASK: usize = 1 << 16;

/// One task's codes and, per code, the value and the first row holding it.
type LocalCodes<'a> = (Vec<u32>, Vec<(Option<&'a str>, u32)>);

fn column_codes(table: &Table, name: &'static str, rows: &[u32]) -> (Labels, Vec<u32>) {
    let values = table.str(name);
    // Each task numbers the values of its rows in order of appearance; the
    // tasks' numbers are then mapped to global ones, in task order, so the
    // codes are the same however many threads run.
    let parts: Vec<LocalCodes<'_>> = rows
        .par_chunks(ROWS_PER_TASK)
        .map(|part| {
            let mut seen: PlHashMap<Option<&str>, u32> = PlHashMap::new();
            let mut firsts: Vec<(Option<&str>, u32)> = Vec::new();
            let codes = part
                .iter()
                .map(|&row| {
                    let value = values.get(row as usize);
                    *seen.entry(value).or_insert_with(|| {
                        firsts.push((value, row));
                        (firsts.len() - 1) as u32
                    })
                })
                .collect();
            (codes, firsts)
        })
        .collect();
    let mut global: PlHashMap<Option<&str>, u32> = PlHashMap::new();
    let mut first_rows = Vec::new();
    let mut codes = Vec::with_capacity(rows.len());
    for (local_codes, firsts) in parts {
        let remap: Vec<u32> = firsts
            .iter()
            .map(|&(value, row)| {
                *global.entry(value).or_insert_with(|| {
                    first_rows.push(row);
                    (first_rows.len() - 1) as u32
                })
            })
            .collect();
        codes.extend(local_codes.iter().map(|&c| remap[c as usize]));
    }
    (
        Labels::Rows {
            column: name,
            rows: first_rows,
        },
        codes,
    )
}

/// Longest span of days given a lookup table from day to period.
const MAX_TABLE_DAYS: i64 = 1 << 22;

fn period_codes(
    table: &Table,
    every: Every,
    rows: &[u32],
    span: (Option<i32>, Option<i32>),
) -> (Labels, Vec<u32>) {
    let starts = table.date("date_start");
    let day_of = |row: u32| starts.get(row as usize);
    let data_range = rows
        .par_chunks(ROWS_PER_TASK)
        .map(|part| {
            part.iter()
                .filter_map(|&row| day_of(row))
                .fold((i32::MAX, i32::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)))
        })
        .reduce(|| (i32::MAX, i32::MIN), |a, b| (a.0.min(b.0), a.1.max(b.1)));
    let days = [span.0, span.1].into_iter().flatten();
    let (lo, hi) = days.fold(data_range, |(lo, hi), d| (lo.min(d), hi.max(d)));
    if lo > hi {
        let codes = vec![0; rows.len()];
        let labels = Labels::Periods {
            every,
            first: 0,
            count: 0,
        };
        return (labels, codes);
    }
    let first = every.ordinal(lo);
    let count = (every.ordinal(hi) - first + 1) as usize;
    let null_code = count as u32;
    let code_of_day = |d: i32| (every.ordinal(d) - first) as u32;
    let codes = if i64::from(hi) - i64::from(lo) < MAX_TABLE_DAYS {
        // Converting a day to its period is calendar arithmetic: do it once
        // per distinct day.
        let lookup: Vec<u32> = (lo..=hi).map(code_of_day).collect();
        map_rows(rows, |row| {
            day_of(row).map_or(null_code, |d| lookup[(d - lo) as usize])
        })
    } else {
        map_rows(rows, |row| day_of(row).map_or(null_code, code_of_day))
    };
    (
        Labels::Periods {
            every,
            first,
            count,
        },
        codes,
    )
}

/// `f` of every row, in parallel, in order.
fn map_rows(rows: &[u32], f: impl Fn(u32) -> u32 + Sync) -> Vec<u32> {
    let mut out = vec![0u32; rows.len()];
    out.par_chunks_mut(ROWS_PER_TASK)
        .zip(rows.par_chunks(ROWS_PER_TASK))
        .for_each(|(out, rows)| {
            for (slot, &row) in out.iter_mut().zip(rows) {
                *slot = f(row);
            }
        });
    out
}

type Exploded = (Vec<u32>, (Labels, Vec<u32>), Vec<Option<u32>>);

fn explode_nationalities(table: &Table, rows: &[u32]) -> Exploded {
    let lists = table.nationalities();
    let mut names: Vec<Option<String>> = Vec::new();
    let mut seen: PlHashMap<Option<String>, u32> = PlHashMap::new();
    let mut code_of = |name: Option<&str>| -> u32 {
        if let Some(&code) = seen.get(&name.map(str::to_string)) {
            return code;
        }
        names.push(name.map(str::to_string));
        let code = (names.len() - 1) as u32;
        seen.insert(name.map(str::to_string), code);
        code
    };
    let (mut out_rows, mut codes, mut counts) = (Vec::new(), Vec::new(), Vec::new());
    for &row in rows {
        let mut named: Vec<(Option<&str>, Option<u32>)> = Vec::new();
        for (name, count) in lists.row(row as usize) {
            // A nationality listed twice for one incident counts once.
            match named.iter_mut().find(|(n, _)| *n == name) {
                Some(entry) => entry.1 = entry.1.max(count),
                None => named.push((name, count)),
            }
        }
        if named.is_empty() {
            // The null group: no nationality, so nothing left uncounted.
            named.push((None, Some(0)));
        }
        for (name, count) in named {
            out_rows.push(row);
            codes.push(code_of(name));
            counts.push(count);
        }
    }
    (out_rows, (Labels::Names(names), codes), counts)
}

/// Dense group numbers for the combination of every key's code.
pub struct Groups {
    /// The group of every grouped row.
    pub of_row: Vec<u32>,
    /// Per group, the code of each key.
    pub codes: Vec<Vec<u32>>,
}

impl Grouping {
    /// The key columns, named `names`, of groups whose key codes are `tuples`
    /// (a tuple may hold more codes than there are names: they are ignored).
    pub fn key_columns<T: AsRef<[u32]>>(
        &self,
        table: &Table,
        names: &[&str],
        tuples: &[T],
    ) -> StatsResult<Vec<Column>> {
        self.keys
            .iter()
            .zip(names)
            .enumerate()
            .map(|(k, ((labels, _), name))| {
                let codes: Vec<u32> = tuples.iter().map(|tuple| tuple.as_ref()[k]).collect();
                labels.column(table, name, &codes)
            })
            .collect()
    }

    pub fn groups(&self) -> Groups {
        let radices: Vec<u64> = self
            .keys
            .iter()
            .map(|(labels, _)| labels.len().max(1) as u64)
            .collect();
        let product = radices.iter().try_fold(1u64, |acc, &r| acc.checked_mul(r));
        let mut of_row = Vec::with_capacity(self.rows.len());
        let mut combos: Vec<u64> = Vec::new();
        let combined = |i: usize| -> u64 {
            self.keys
                .iter()
                .zip(&radices)
                .fold(0u64, |acc, ((_, codes), &radix)| {
                    acc * radix + u64::from(codes[i])
                })
        };
        match product {
            // Few combinations: a direct table, no hashing.
            Some(p) if p <= 1 << 22 => {
                let mut dense = vec![u32::MAX; p as usize];
                for i in 0..self.rows.len() {
                    let key = combined(i);
                    let slot = &mut dense[key as usize];
                    if *slot == u32::MAX {
                        *slot = combos.len() as u32;
                        combos.push(key);
                    }
                    of_row.push(*slot);
                }
            }
            _ => {
                let mut seen: PlHashMap<Vec<u32>, u32> = PlHashMap::new();
                let mut tuples: Vec<Vec<u32>> = Vec::new();
                for i in 0..self.rows.len() {
                    let tuple: Vec<u32> = self.keys.iter().map(|(_, c)| c[i]).collect();
                    let next = tuples.len() as u32;
                    let group = *seen.entry(tuple.clone()).or_insert_with(|| {
                        tuples.push(tuple);
                        next
                    });
                    of_row.push(group);
                }
                return Groups {
                    of_row,
                    codes: tuples,
                };
            }
        }
        let codes = combos
            .into_iter()
            .map(|mut key| {
                let mut tuple = vec![0u32; radices.len()];
                for (slot, &radix) in tuple.iter_mut().zip(&radices).rev() {
                    *slot = (key % radix) as u32;
                    key /= radix;
                }
                tuple
            })
            .collect();
        Groups { of_row, codes }
    }
}

/// What is counted per group: incidents, or the sum of a count column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Incidents,
    Column(&'static str),
}

impl Measure {
    /// The names `value` accepts.
    pub fn names() -> Vec<&'static str> {
        let mut names = vec!["incidents"];
        names.extend(super::table::COUNT_COLUMNS);
        names
    }

    pub fn parse(name: &str, argument: &str) -> StatsResult<Self> {
        if name == "incidents" {
            return Ok(Self::Incidents);
        }
        match super::table::COUNT_COLUMNS.iter().find(|c| **c == name) {
            Some(column) => Ok(Self::Column(column)),
            None => Err(StatsError::new(
                argument,
                format!("got {}; expected {}", quoted(name), one_of(&Self::names())),
            )),
        }
    }

    pub fn columns(&self) -> Vec<&'static str> {
        match self {
            Self::Incidents => Vec::new(),
            Self::Column(name) => vec![name],
        }
    }

    /// The value of one row: 1 per incident, or the count (0 when unknown).
    pub fn reader<'a>(&self, table: &'a Table) -> impl Fn(u32) -> u64 + 'a {
        let column = match self {
            Self::Incidents => None,
            Self::Column(name) => Some(table.u32(name)),
        };
        move |row| match column {
            None => 1,
            Some(values) => u64::from(values.get(row as usize).unwrap_or(0)),
        }
    }
}

/// The key names of `keys` plus the columns they read, deduplicated.
pub fn key_columns(keys: &[KeySpec], extra: &[&'static str]) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for name in keys
        .iter()
        .flat_map(|k| k.columns().iter().copied())
        .chain(extra.iter().copied())
    {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}
