//! `aggregate`: incidents and their tolls per group.

use polars::prelude::*;
use polars_arrow::bitmap::Bitmap;
use rayon::prelude::*;

use super::error::{StatsError, StatsResult};
use super::grouping::{
    group_rows, parse_keys, select_rows, DateWindow, Grouping, KeySpec, Mention, KEY_NAMES,
};
use super::table::{Table, COUNT_COLUMNS};

/// The names `by` accepts.
pub const AGGREGATE_KEYS: [&str; 11] = KEY_NAMES;

const BASE_COLUMNS: [&str; 3] = ["date_start", "date_end", "approximate"];

/// Incidents per group: how many, the sum of every count column, how many
/// had no count at all (`unknown_toll`) and how many approximate ones
/// (`approximate_toll`). With a `nationality` key, also the militants of
/// that nationality stated in the text (`militants`) and the incidents that
/// named the nationality without a count (`militants_uncounted`). `mention`
/// keeps every incident, or only news or only background mentions.
pub fn aggregate(
    frame: &DataFrame,
    by: &[String],
    window: &DateWindow,
    mention: Mention,
) -> StatsResult<DataFrame> {
    let keys = parse_keys(by, "by")?;
    let specs: Vec<KeySpec> = keys.iter().map(|(_, spec)| *spec).collect();
    mention.check(frame)?;
    let mut needed = needed_columns(&specs);
    needed.extend(mention.columns());
    let table = Table::new(frame, &needed, "incidents")?;
    let rows = select_rows(&table, window, mention);
    let grouping = group_rows(&table, rows, &specs, (None, None));
    let names: Vec<&str> = keys.iter().map(|(name, _)| name.as_str()).collect();
    summarise(&table, &grouping, &names)
}

/// The columns `aggregate` reads for these keys.
pub fn needed_columns(keys: &[KeySpec]) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = BASE_COLUMNS.to_vec();
    names.extend(COUNT_COLUMNS);
    for key in keys {
        for column in key.columns() {
            if !names.contains(column) {
                names.push(column);
            }
        }
    }
    names
}

/// Per-group sums: one vector per output metric.
struct Sums {
    columns: Vec<Vec<u64>>,
}

const INCIDENTS: usize = 0;
const FIRST_COUNT: usize = 1;
const UNKNOWN: usize = FIRST_COUNT + COUNT_COLUMNS.len();
const APPROXIMATE: usize = UNKNOWN + 1;
const MILITANTS: usize = APPROXIMATE + 1;
const UNCOUNTED: usize = MILITANTS + 1;

impl Sums {
    fn column(&self, metric: usize) -> impl Iterator<Item = u64> + '_ {
        self.columns[metric].iter().copied()
    }
}

/// Add `amount(i)` to the group of every grouped row i.
fn sum_by_group(of_row: &[u32], groups: usize, amount: impl Fn(usize) -> u64) -> Vec<u64> {
    let mut sums = vec![0u64; groups];
    for (i, &group) in of_row.iter().enumerate() {
        sums[group as usize] += amount(i);
    }
    sums
}

/// Rows where at least one count column is stated.
fn stated_rows(table: &Table) -> Option<Bitmap> {
    let mut stated: Option<Bitmap> = None;
    for name in COUNT_COLUMNS {
        // A column without a validity mask states every row.
        let validity = table.u32(name).validity()?;
        stated = Some(match stated {
            None => validity.clone(),
            Some(so_far) => &so_far | validity,
        });
    }
    stated
}

/// Every metric is summed on its own, in parallel: each pass reads one
/// column and the group numbers, with the group sums hot in cache.
fn accumulate(table: &Table, grouping: &Grouping, of_row: &[u32], groups: usize) -> Sums {
    let rows = &grouping.rows;
    let metrics = if grouping.nationality_counts.is_some() {
        UNCOUNTED + 1
    } else {
        APPROXIMATE + 1
    };
    let stated = stated_rows(table);
    let columns = (0..metrics)
        .into_par_iter()
        .map(|metric| match metric {
            INCIDENTS => sum_by_group(of_row, groups, |_| 1),
            UNKNOWN => match &stated {
                None => vec![0; groups],
                Some(stated) => sum_by_group(of_row, groups, |i| {
                    u64::from(!stated.get_bit(rows[i] as usize))
                }),
            },
            APPROXIMATE => {
                let flags = table.bool("approximate");
                sum_by_group(of_row, groups, |i| {
                    u64::from(flags.get(rows[i] as usize) == Some(true))
                })
            }
            MILITANTS | UNCOUNTED => {
                let counts = grouping.nationality_counts.as_ref().expect("checked above");
                sum_by_group(of_row, groups, |i| match (metric, counts[i]) {
                    (MILITANTS, Some(count)) => u64::from(count),
                    (UNCOUNTED, None) => 1,
                    _ => 0,
                })
            }
            count => {
                let column = table.u32(COUNT_COLUMNS[count - FIRST_COUNT]);
                let values = column.values().as_slice();
                match column.validity() {
                    None => sum_by_group(of_row, groups, |i| u64::from(values[rows[i] as usize])),
                    Some(valid) => sum_by_group(of_row, groups, |i| {
                        let row = rows[i] as usize;
                        // Branch-free: a null slot adds its value times zero.
                        u64::from(values[row]) * u64::from(valid.get_bit(row))
                    }),
                }
            }
        })
        .collect();
    Sums { columns }
}

/// One output row per group, sorted by the keys (nulls last).
pub fn summarise(table: &Table, grouping: &Grouping, names: &[&str]) -> StatsResult<DataFrame> {
    let groups = grouping.groups();
    let sums = accumulate(table, grouping, &groups.of_row, groups.codes.len());
    let mut columns = grouping.key_columns(table, names, &groups.codes)?;
    let u32_column = |name: &str, metric: usize| {
        let values: Vec<u32> = sums.column(metric).map(|v| v as u32).collect();
        Column::new(name.into(), values)
    };
    let u64_column = |name: &str, metric: usize| {
        let values: Vec<u64> = sums.column(metric).collect();
        Column::new(name.into(), values)
    };
    columns.push(u32_column("incidents", INCIDENTS));
    for (k, name) in COUNT_COLUMNS.iter().enumerate() {
        columns.push(u64_column(name, FIRST_COUNT + k));
    }
    columns.push(u32_column("unknown_toll", UNKNOWN));
    columns.push(u32_column("approximate_toll", APPROXIMATE));
    if grouping.nationality_counts.is_some() {
        columns.push(u64_column("militants", MILITANTS));
        columns.push(u32_column("militants_uncounted", UNCOUNTED));
    }
    let height = groups.codes.len();
    let frame = DataFrame::new(height, columns).map_err(|e| StatsError::polars("incidents", e))?;
    sort_by_keys(frame, names)
}

pub fn sort_by_keys(frame: DataFrame, names: &[&str]) -> StatsResult<DataFrame> {
    if names.is_empty() || frame.height() < 2 {
        return Ok(frame);
    }
    let options = SortMultipleOptions::default()
        .with_nulls_last(true)
        .with_maintain_order(true);
    frame
        .sort(names.iter().copied(), options)
        .map_err(|e| StatsError::polars("incidents", e))
}
