//! Typed, single-chunk views of the incident columns a statistic reads.
//!
//! A frame may come from `ik.parse`, from Parquet, or from a user's own
//! edits: columns are cast to the SPEC dtypes once, up front, and a frame
//! that lacks a column or holds the wrong kind of data is reported as a bad
//! argument.

use polars::prelude::*;
use polars_arrow::array::{
    Array, BooleanArray, ListArray, PrimitiveArray, StructArray, Utf8ViewArray,
};

use super::error::{StatsError, StatsResult};

/// The column that says how a document tells an incident.
pub const MENTION_COLUMN: &str = "mention";
use crate::frame::{nationality_dtype, schema};

/// The count columns, in SPEC order, that aggregates sum.
pub const COUNT_COLUMNS: [&str; 11] = [
    "killed_security",
    "killed_civilians",
    "killed_militants",
    "killed_unknown",
    "killed_total",
    "injured_security",
    "injured_civilians",
    "injured_militants",
    "injured_unknown",
    "injured_total",
    "arrested",
];

/// The columns of an incident frame, cast and rechunked.
pub struct Table {
    height: usize,
    columns: PlHashMap<&'static str, Series>,
    originals: PlHashMap<&'static str, Column>,
}

/// The dtype the statistics read a SPEC column as.
fn working_dtype(name: &str) -> Option<DataType> {
    // `mention` is read as a string whether or not the schema has it yet.
    if name == MENTION_COLUMN {
        return Some(DataType::String);
    }
    let spec = schema();
    let dtype = spec.get(name)?;
    Some(match dtype {
        // Enums are read as strings: a frame written to CSV or built by hand
        // holds plain strings there.
        DataType::Enum(..) | DataType::Categorical(..) => DataType::String,
        DataType::List(_) => DataType::List(Box::new(nationality_dtype())),
        other => other.clone(),
    })
}

impl Table {
    /// Read `names` from `frame`, which was passed as `argument`.
    pub fn new(frame: &DataFrame, names: &[&'static str], argument: &str) -> StatsResult<Self> {
        let missing: Vec<&str> = names
            .iter()
            .copied()
            .filter(|name| frame.column(name).is_err())
            .collect();
        if !missing.is_empty() {
            return Err(StatsError::new(
                argument,
                format!(
                    "missing column(s) {}; an incident frame (ik.parse, ik.parse_many) has them",
                    missing.join(", ")
                ),
            ));
        }
        let mut columns = PlHashMap::with_capacity(names.len());
        let mut originals = PlHashMap::with_capacity(names.len());
        for &name in names {
            let column = frame.column(name).expect("checked above");
            let dtype = working_dtype(name).expect("a SPEC column");
            let series = cast(column.as_materialized_series(), &dtype, argument)?;
            columns.insert(name, series.rechunk());
            originals.insert(name, column.clone());
        }
        Ok(Self {
            height: frame.height(),
            columns,
            originals,
        })
    }

    pub fn height(&self) -> usize {
        self.height
    }

    /// The column as the caller passed it (for output keys: keeps Enums).
    pub fn original(&self, name: &str) -> &Column {
        &self.originals[name]
    }

    fn chunk(&self, name: &str) -> &dyn Array {
        let series = &self.columns[name];
        series.chunks()[0].as_ref()
    }

    pub fn u32(&self, name: &str) -> &PrimitiveArray<u32> {
        downcast(self.chunk(name))
    }

    /// A `Date` column as days since 1970-01-01.
    pub fn date(&self, name: &str) -> &PrimitiveArray<i32> {
        downcast(self.chunk(name))
    }

    pub fn str(&self, name: &str) -> &Utf8ViewArray {
        downcast(self.chunk(name))
    }

    pub fn bool(&self, name: &str) -> &BooleanArray {
        downcast(self.chunk(name))
    }

    /// `militant_nationalities`.
    pub fn nationalities(&self) -> Nationalities<'_> {
        let list: &ListArray<i64> = downcast(self.chunk("militant_nationalities"));
        let fields: &StructArray = downcast(list.values().as_ref());
        Nationalities {
            list,
            names: downcast(fields.values()[0].as_ref()),
            counts: downcast(fields.values()[1].as_ref()),
        }
    }
}

fn downcast<T: 'static>(array: &dyn Array) -> &T {
    array
        .as_any()
        .downcast_ref::<T>()
        .expect("columns are cast to their working dtype")
}

fn cast(series: &Series, dtype: &DataType, argument: &str) -> StatsResult<Series> {
    if series.dtype() == dtype {
        return Ok(series.clone());
    }
    let wrong = || {
        StatsError::new(
            argument,
            format!(
                "column {} has dtype {}, which cannot be read as {}",
                series.name(),
                series.dtype(),
                dtype
            ),
        )
    };
    // Text keys must be text: a number silently cast to a string would
    // group nonsense.
    let textual = matches!(
        series.dtype(),
        DataType::String | DataType::Enum(..) | DataType::Categorical(..) | DataType::Null
    );
    if dtype == &DataType::String && !textual {
        return Err(wrong());
    }
    // Dates may arrive as datetimes (read_csv with try_parse_dates).
    let source = match (series.dtype(), dtype) {
        (DataType::Datetime(..), DataType::Date) => {
            series.cast(&DataType::Date).map_err(|_| wrong())?
        }
        _ => series.clone(),
    };
    let cast = source.strict_cast(dtype).map_err(|_| wrong())?;
    Ok(cast)
}

/// The nationality lists of every row.
pub struct Nationalities<'a> {
    list: &'a ListArray<i64>,
    names: &'a Utf8ViewArray,
    counts: &'a PrimitiveArray<u32>,
}

impl Nationalities<'_> {
    /// `(nationality, count)` entries of row `row`; a null list has none.
    pub fn row(&self, row: usize) -> impl Iterator<Item = (Option<&str>, Option<u32>)> + '_ {
        let (start, end) = if self.list.is_valid(row) {
            self.list.offsets().start_end(row)
        } else {
            (0, 0)
        };
        (start..end).map(|k| (self.names.get(k), self.counts.get(k)))
    }
}
