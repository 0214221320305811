//! A column of documents -> a column with the list of each row's incidents:
//! the work behind the Polars expression plugin, in plain Rust.

use chrono::NaiveDate;
use polars::chunked_array::builder::get_list_builder;
use polars::prelude::*;

use crate::engine::{
    parse_batch_to_frame, parse_each, DocumentInput, DocumentResult, EngineError, FrameResult,
};
use crate::frame::{incidents_to_frame, schema};

/// The dtype of the plugin's output: per row, a list of incidents whose
/// struct fields are the SPEC columns.
pub fn incidents_dtype() -> DataType {
    DataType::List(Box::new(DataType::Struct(schema().iter_fields().collect())))
}

/// A literal (length 1) stands for every row.
fn broadcast(series: &Series, len: usize, argument: &str) -> PolarsResult<Series> {
    match series.len() {
        n if n == len => Ok(series.clone()),
        1 => Ok(series.new_from_index(0, len)),
        n => {
            polars_bail!(ShapeMismatch: "incidents.parse: {argument} has {n} rows, the texts {len}")
        }
    }
}

/// An ISO date, or the date part of an ISO timestamp ("2025-03-05T10:00"):
/// the rule of the Python layer (`incidentkit._args`), `YYYY-MM-DD` exactly.
fn iso_date(value: &str) -> Option<NaiveDate> {
    let head = value.trim().split(['T', ' ']).next()?;
    let digits = head.bytes().filter(u8::is_ascii_digit).count();
    if head.len() != 10 || digits != 8 {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// Publication dates from a `Date`, `Datetime`, ISO string or null column.
fn published_dates(published: &Series) -> PolarsResult<Vec<Option<NaiveDate>>> {
    match published.dtype() {
        DataType::String => published
            .str()?
            .iter()
            .map(|value| match value {
                None => Ok(None),
                Some(text) => iso_date(text).map(Some).ok_or_else(|| {
                    polars_err!(InvalidOperation: "incidents.parse: published: expected an ISO date YYYY-MM-DD, got {text:?}")
                }),
            })
            .collect(),
        DataType::Date | DataType::Datetime(_, _) | DataType::Null => Ok(published
            .cast(&DataType::Date)?
            .date()?
            .physical()
            .iter()
            .map(|days| days.and_then(date_from_epoch_days))
            .collect()),
        dtype => polars_bail!(
            InvalidOperation: "incidents.parse: published must be a Date, Datetime or String (ISO date) column, got {dtype}"
        ),
    }
}

/// Document ids as strings; a null id is replaced by the row's position.
fn id_strings(doc_ids: &Series) -> PolarsResult<Vec<String>> {
    let ids = match doc_ids.dtype() {
        DataType::String => doc_ids.clone(),
        dtype if dtype.is_primitive_numeric() || dtype.is_null() => {
            doc_ids.cast(&DataType::String)?
        }
        dtype => polars_bail!(
            InvalidOperation: "incidents.parse: doc_id must be a String or integer column, got {dtype}"
        ),
    };
    Ok(ids
        .str()?
        .iter()
        .enumerate()
        .map(|(row, id)| id.map_or_else(|| row.to_string(), str::to_string))
        .collect())
}

/// A row whose document could not be parsed: its incidents are null.
#[derive(Debug)]
pub struct RowFailure {
    pub row: usize,
    pub doc_id: String,
    pub reason: EngineError,
}

/// The documents of a column: ids (a null id is the row's position), dates
/// and, for every row with a text, its position.
struct Columns<'a> {
    texts: &'a StringChunked,
    published: Vec<Option<NaiveDate>>,
    ids: Vec<String>,
}

impl<'a> Columns<'a> {
    fn new(texts: &'a Series, published: &Series, doc_ids: &Series) -> PolarsResult<Self> {
        let DataType::String = texts.dtype() else {
            polars_bail!(InvalidOperation: "incidents.parse: expected a String column of texts, got {}", texts.dtype());
        };
        let len = texts.len();
        Ok(Columns {
            texts: texts.str()?,
            published: published_dates(&broadcast(published, len, "published")?)?,
            ids: id_strings(&broadcast(doc_ids, len, "doc_id")?)?,
        })
    }

    /// The rows with a text, and their documents.
    fn documents(&self) -> (Vec<usize>, Vec<DocumentInput<'_>>) {
        let mut rows = Vec::with_capacity(self.ids.len());
        let mut inputs = Vec::with_capacity(self.ids.len());
        for (row, (text, published)) in self.texts.iter().zip(&self.published).enumerate() {
            if let Some(text) = text {
                rows.push(row);
                inputs.push(DocumentInput {
                    text,
                    published: *published,
                    doc_id: &self.ids[row],
                });
            }
        }
        (rows, inputs)
    }
}

/// Parse every row of `texts` (a String column) into the list of its
/// incidents, with the SPEC fields, in parallel on the current rayon pool. A
/// null text gives a null list, a text without incidents an empty one, a
/// document whose parse failed a null list and a [`RowFailure`].
/// `published` and `doc_ids` have one value per row or a single value for all.
pub fn parse_column(
    texts: &Series,
    published: &Series,
    doc_ids: &Series,
) -> PolarsResult<(Series, Vec<RowFailure>)> {
    parse_column_with(texts, published, doc_ids, parse_each)
}

/// [`parse_column`], with the documents parsed by `run` (one result per
/// document, in order): the caller chooses the threads.
pub fn parse_column_with(
    texts: &Series,
    published: &Series,
    doc_ids: &Series,
    run: impl FnOnce(&[DocumentInput<'_>]) -> Vec<DocumentResult>,
) -> PolarsResult<(Series, Vec<RowFailure>)> {
    let columns = Columns::new(texts, published, doc_ids)?;
    let len = texts.len();
    let (rows, inputs) = columns.documents();
    let results = run(&inputs);

    // Every row's incidents in one struct column, then one list per row.
    let mut lengths: Vec<Option<usize>> = vec![None; len];
    let mut incidents = Vec::new();
    let mut failures = Vec::new();
    for (row, result) in rows.iter().zip(results) {
        match result {
            Ok(found) => {
                lengths[*row] = Some(found.len());
                incidents.extend(found);
            }
            Err(reason) => failures.push(RowFailure {
                row: *row,
                doc_id: columns.ids[*row].clone(),
                reason,
            }),
        }
    }
    let values = incidents_to_frame(&incidents)?
        .into_struct(PlSmallStr::EMPTY)
        .into_series();
    let mut builder = get_list_builder(values.dtype(), values.len(), len, texts.name().clone());
    let mut offset = 0;
    for length in lengths {
        match length {
            Some(n) => {
                builder.append_series(&values.slice(offset as i64, n))?;
                offset += n;
            }
            None => builder.append_null(),
        }
    }
    Ok((builder.finish().into_series(), failures))
}

/// Documents as columns (texts, publication dates, ids; a null text is no
/// document) straight into the incident frame, as
/// [`parse_batch_to_frame`]: what `ik.parse_many` runs, without making a
/// Python string of every text first.
pub fn parse_columns_to_frame(
    texts: &Series,
    published: &Series,
    doc_ids: &Series,
    threads: Option<usize>,
) -> Result<FrameResult, EngineError> {
    let columns = Columns::new(texts, published, doc_ids).map_err(EngineError::Columns)?;
    let (_, inputs) = columns.documents();
    parse_batch_to_frame(&inputs, threads)
}

/// Polars' physical `Date` (days since 1970-01-01) as a calendar date.
fn date_from_epoch_days(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::Duration::days(days.into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{parse_batch, parse_each_with, Spread};

    const KEEP_ROWS: ExplodeOptions = ExplodeOptions {
        empty_as_null: false,
        keep_nulls: false,
    };
    const BANNU: &str = "BANNU: Two policemen were martyred in an attack in Domel on Monday.";
    const TWO: &str = "Security forces killed four khwarij in Tank on 3 May 2025. In another \
                       operation in Tirah, Khyber District, two more khwarij were killed.";

    fn strings(name: &str, values: &[Option<&str>]) -> Series {
        Series::new(name.into(), values)
    }

    #[test]
    fn one_list_per_row_with_the_spec_fields() {
        let texts = strings(
            "text",
            &[Some(BANNU), None, Some("Nothing happened."), Some(TWO)],
        );
        let published = strings("published", &[Some("2025-03-05")])
            .strict_cast(&DataType::Date)
            .unwrap();
        let ids = strings("doc_id", &[Some("a"), Some("b"), None, Some("d")]);
        let (out, failures) = parse_column(&texts, &published, &ids).unwrap();
        assert!(failures.is_empty());
        assert_eq!(out.dtype(), &incidents_dtype());
        assert_eq!(out.name().as_str(), "text");
        let lists = out.list().unwrap();
        let lengths: Vec<Option<usize>> = lists
            .amortized_iter()
            .map(|s| s.map(|s| s.as_ref().len()))
            .collect();
        assert_eq!(lengths, vec![Some(1), None, Some(0), Some(2)]);
    }

    #[test]
    fn rows_equal_parse_batch() {
        let texts = strings("text", &[Some(TWO), Some(BANNU)]);
        let published = Series::new_null("published".into(), 1);
        let ids = strings("doc_id", &[Some("x"), Some("y")]);
        let (out, failures) = parse_column(&texts, &published, &ids).unwrap();
        assert!(failures.is_empty());
        let exploded = out.explode(KEEP_ROWS).unwrap();
        let rows = exploded.struct_().unwrap().clone().unnest();

        let inputs = [
            DocumentInput {
                text: TWO,
                published: None,
                doc_id: "x",
            },
            DocumentInput {
                text: BANNU,
                published: None,
                doc_id: "y",
            },
        ];
        let (incidents, failures) = parse_batch(&inputs);
        assert!(failures.is_empty());
        let expected = incidents_to_frame(&incidents).unwrap();
        assert!(rows.equals_missing(&expected), "{rows}\n{expected}");
    }

    #[test]
    fn null_ids_are_row_positions_and_strings_are_dates() {
        let texts = strings("text", &[Some(BANNU), Some(BANNU)]);
        let published = strings("published", &[Some("2025-03-05"), None]);
        let ids = Series::new_null("doc_id".into(), 2);
        let (out, failures) = parse_column(&texts, &published, &ids).unwrap();
        assert!(failures.is_empty());
        let exploded = out.explode(KEEP_ROWS).unwrap();
        let rows = exploded.struct_().unwrap().clone().unnest();
        let ids: Vec<Option<&str>> = rows
            .column("incident_id")
            .unwrap()
            .str()
            .unwrap()
            .iter()
            .collect();
        assert_eq!(ids, vec![Some("0:0"), Some("1:0")]);
        let start = rows
            .column("date_start")
            .unwrap()
            .date()
            .unwrap()
            .physical()
            .get(0);
        assert_eq!(start, Some(20150)); // Monday 2025-03-03
    }

    #[test]
    fn a_failed_document_is_a_null_row_and_a_failure_naming_it() {
        let texts = strings("text", &[Some(BANNU), None, Some("FAIL here"), Some(TWO)]);
        let published = Series::new_null("published".into(), 1);
        let ids = strings("doc_id", &[Some("a"), Some("b"), Some("c"), Some("d")]);
        let failing = |doc: &DocumentInput<'_>| {
            assert!(
                !doc.text.starts_with("FAIL"),
                "the test fails {}",
                doc.doc_id
            );
            crate::extract::parse_document(doc.text, doc.published, doc.doc_id)
        };
        for spread in [Spread::Parallel, Spread::Sequential] {
            let (out, failures) = parse_column_with(&texts, &published, &ids, |inputs| {
                parse_each_with(inputs, spread, &failing)
            })
            .unwrap();
            let lengths: Vec<Option<usize>> = out
                .list()
                .unwrap()
                .amortized_iter()
                .map(|s| s.map(|s| s.as_ref().len()))
                .collect();
            assert_eq!(lengths, vec![Some(1), None, None, Some(2)], "{spread:?}");
            assert_eq!(failures.len(), 1);
            assert_eq!((failures[0].row, failures[0].doc_id.as_str()), (2, "c"));
            assert!(
                matches!(&failures[0].reason, EngineError::Panicked(m) if m.contains("the test fails c")),
                "{failures:?}"
            );
        }
    }

    #[test]
    fn columns_to_frame_equal_parse_batch() {
        let texts = strings("text", &[Some(TWO), None, Some(BANNU)]);
        let published = strings("published", &[Some("2025-05-05"), None, Some("2025-03-05")])
            .strict_cast(&DataType::Date)
            .unwrap();
        let ids = strings("doc_id", &[Some("x"), Some("y"), Some("z")]);
        let (frame, failures) = parse_columns_to_frame(&texts, &published, &ids, Some(2)).unwrap();
        assert!(failures.is_empty());
        let inputs = [
            DocumentInput {
                text: TWO,
                published: NaiveDate::from_ymd_opt(2025, 5, 5),
                doc_id: "x",
            },
            DocumentInput {
                text: BANNU,
                published: NaiveDate::from_ymd_opt(2025, 3, 5),
                doc_id: "z",
            },
        ];
        let (incidents, _) = parse_batch(&inputs);
        let expected = incidents_to_frame(&incidents).unwrap();
        assert!(frame.equals_missing(&expected), "{frame}\n{expected}");
    }

    #[test]
    fn iso_dates_are_yyyy_mm_dd_or_a_timestamp() {
        let day = NaiveDate::from_ymd_opt(2025, 3, 5);
        assert_eq!(iso_date("2025-03-05"), day);
        assert_eq!(iso_date(" 2025-03-05T10:00:00Z "), day);
        assert_eq!(iso_date("2025-03-05 10:00"), day);
        for bad in ["2025-3-5", "20250305", "2025-02-30", "March 5", ""] {
            assert_eq!(iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn wrong_inputs_are_errors() {
        let ids = Series::new_null("doc_id".into(), 1);
        let numbers = Series::new("text".into(), &[1i32, 2]);
        let none = Series::new_null("published".into(), 1);
        assert!(parse_column(&numbers, &none, &ids).is_err());
        let texts = strings("text", &[Some(BANNU), Some(BANNU)]);
        let bad_date = strings("published", &[Some("yesterday")]);
        let err = parse_column(&texts, &bad_date, &ids).unwrap_err();
        assert!(err.to_string().contains("ISO date"), "{err}");
        let three = strings("doc_id", &[Some("a"), Some("b"), Some("c")]);
        assert!(parse_column(&texts, &none, &three).is_err());
    }
}
