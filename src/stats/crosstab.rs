//! `crosstab`: one key down, one across, a value summed in every cell.

use ndarray::Array2;
use polars::prelude::*;

use super::error::{quoted, StatsError, StatsResult};
use super::grouping::{
    group_rows, key_columns, parse_keys, select_rows, DateWindow, KeySpec, Labels, Measure, Mention,
};
use super::table::Table;

/// The values `crosstab` sums: incidents or a count column.
pub const CROSSTAB_VALUES: fn() -> Vec<&'static str> = Measure::names;

/// A matrix of sums with the labels of its rows and columns.
pub struct Crosstab {
    pub values: Array2<i64>,
    /// The row key values (the caller's dtype; for periods, Dates for days
    /// and weeks, labels such as `2025-03` for months, quarters and years).
    pub rows: Column,
    /// The column key values.
    pub cols: Column,
    /// Printable names of the columns (`2025-03` for a month).
    pub col_names: Vec<String>,
}

/// Sum `value` over the incidents in `window` for every (row, column) pair.
/// Period keys get every period between the first and the last incident (or
/// the window's bounds), so empty months are zero columns; other keys get
/// the values that occur. Undated or unnamed incidents form a null row or
/// column at the end. `mention` keeps every incident, or only one kind.
pub fn crosstab(
    frame: &DataFrame,
    rows: &str,
    cols: &str,
    value: Measure,
    window: &DateWindow,
    mention: Mention,
) -> StatsResult<Crosstab> {
    let row_key = parse_keys(&[rows.to_string()], "rows")?.remove(0).1;
    let col_key = parse_keys(&[cols.to_string()], "cols")?.remove(0).1;
    if rows == cols {
        return Err(StatsError::new(
            "cols",
            format!("{} is also the rows key; choose another", quoted(cols)),
        ));
    }
    if row_key == KeySpec::Nationality && col_key == KeySpec::Nationality {
        return Err(StatsError::new(
            "cols",
            "nationality can be only one of rows and cols",
        ));
    }
    let specs = [row_key, col_key];
    mention.check(frame)?;
    let mut needed = key_columns(&specs, &["date_start", "date_end"]);
    needed.extend(value.columns());
    needed.extend(mention.columns());
    let table = Table::new(frame, &needed, "incidents")?;
    let selected = select_rows(&table, window, mention);
    let grouping = group_rows(&table, selected, &specs, (window.start, window.end));
    let read = value.reader(&table);
    let (row_labels, row_codes) = &grouping.keys[0];
    let (col_labels, col_codes) = &grouping.keys[1];
    let mut full = Array2::<i64>::zeros((row_labels.len(), col_labels.len()));
    let mut row_seen = vec![false; row_labels.len()];
    let mut col_seen = vec![false; col_labels.len()];
    for (i, &row) in grouping.rows.iter().enumerate() {
        let (r, c) = (row_codes[i] as usize, col_codes[i] as usize);
        full[[r, c]] += read(row) as i64;
        row_seen[r] = true;
        col_seen[c] = true;
    }
    let row_order = axis_order(&table, row_labels, &row_seen)?;
    let col_order = axis_order(&table, col_labels, &col_seen)?;
    let values = Array2::from_shape_fn((row_order.len(), col_order.len()), |(r, c)| {
        full[[row_order[r] as usize, col_order[c] as usize]]
    });
    let rows_column = row_labels.column(&table, rows, &row_order)?;
    let cols_column = col_labels.column(&table, cols, &col_order)?;
    let col_names = names(col_labels, &cols_column);
    Ok(Crosstab {
        values,
        rows: rows_column,
        cols: cols_column,
        col_names,
    })
}

/// The codes to show, in output order: every period in the range, the
/// values that occur sorted (null last).
fn axis_order(table: &Table, labels: &Labels, seen: &[bool]) -> StatsResult<Vec<u32>> {
    if let Labels::Periods { count, .. } = labels {
        let mut codes: Vec<u32> = (0..*count as u32).collect();
        if seen.get(*count) == Some(&true) {
            codes.push(*count as u32);
        }
        return Ok(codes);
    }
    let codes: Vec<u32> = (0..labels.len() as u32)
        .filter(|&c| seen[c as usize])
        .collect();
    let column = labels.column(table, "key", &codes)?;
    let options = SortOptions::default()
        .with_nulls_last(true)
        .with_maintain_order(true);
    let order = column.as_materialized_series().arg_sort(options);
    Ok(order
        .into_no_null_iter()
        .map(|i| codes[i as usize])
        .collect())
}

fn names(labels: &Labels, column: &Column) -> Vec<String> {
    let series = column.as_materialized_series();
    (0..series.len())
        .map(|i| match (labels, series.get(i)) {
            (_, Ok(AnyValue::Null)) | (_, Err(_)) => "null".to_string(),
            (Labels::Periods { every, .. }, Ok(AnyValue::Date(day))) => every.label(day),
            (_, Ok(value)) => value.str_value().into_owned(),
        })
        .collect()
}
