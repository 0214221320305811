//! The Polars expression plugin: `pl.col("text").incidents.parse(...)`.
//! Thin wrappers only; the work is in `column.rs`.

use polars::prelude::*;
use polars_core::runtime::RAYON;
use pyo3::prelude::*;
use pyo3_polars::derive::{polars_expr, CallerContext};
use serde::Deserialize;

use crate::column::{incidents_dtype, parse_column_with, RowFailure};
use crate::engine::{parse_each_with, DocumentInput, Spread};
use crate::extract::parse_document;
use crate::incident::Incident;

fn incidents_field(input_fields: &[Field]) -> PolarsResult<Field> {
    let name = input_fields
        .first()
        .map_or_else(|| "incidents".into(), |f| f.name().clone());
    Ok(Field::new(name, incidents_dtype()))
}

/// The plugin's keyword arguments.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ParseKwargs {
    /// Tests only: a text holding this marker fails as a panicking parse
    /// would, naming the thread it ran on (the engine has no input known to
    /// fail, and the failure path must be tested).
    fail_on: Option<String>,
}

/// Inputs: the texts, their publication dates, their document ids and their
/// row numbers in the frame (Polars may hand the plugin a part of it).
///
/// Polars calls the plugin from its own threads. When it already runs the
/// expression on many of them side by side (`context.parallel()`), the
/// documents are parsed on the calling thread; otherwise in parallel on
/// Polars' thread pool (`POLARS_MAX_THREADS`), never on a second pool of
/// rayon's inside it.
#[polars_expr(output_type_func=incidents_field)]
fn parse_incidents(
    inputs: &[Series],
    context: CallerContext,
    kwargs: ParseKwargs,
) -> PolarsResult<Series> {
    let [texts, published, doc_ids, rows] = inputs else {
        polars_bail!(ComputeError: "incidents.parse: expected 4 inputs, got {}", inputs.len());
    };
    let spread = if context.parallel() {
        Spread::Sequential
    } else {
        Spread::Parallel
    };
    let parse = |doc: &DocumentInput<'_>| -> Vec<Incident> {
        if let Some(marker) = kwargs.fail_on.as_deref() {
            if doc.text.contains(marker) {
                let thread = std::thread::current();
                panic!("failure injected by a test (thread {:?})", thread.name());
            }
        }
        parse_document(doc.text, doc.published, doc.doc_id)
    };
    let (incidents, failures) =
        parse_column_with(texts, published, doc_ids, |inputs| match spread {
            Spread::Sequential => parse_each_with(inputs, spread, &parse),
            Spread::Parallel => RAYON.install(|| parse_each_with(inputs, spread, &parse)),
        })?;
    warn_failures(&failures, rows)?;
    Ok(incidents)
}

/// A `CorpusWarning` per failed row, naming it, its id and the reason. When
/// the warnings filter makes them errors, the query fails with the first.
fn warn_failures(failures: &[RowFailure], rows: &Series) -> PolarsResult<()> {
    if failures.is_empty() {
        return Ok(());
    }
    let rows = rows.cast(&DataType::UInt32)?;
    let rows = rows.u32()?;
    Python::attach(|py| -> PyResult<()> {
        let category = py.import("incidentkit.io")?.getattr("CorpusWarning")?;
        let warn = py.import("incidentkit._caller")?.getattr("warn_from_query")?;
        for failure in failures {
            let row = rows.get(failure.row).map_or(failure.row, |row| row as usize);
            let message = format!(
                "incidents.parse: row {row} (doc_id '{}') could not be parsed: {}; its incidents are null",
                failure.doc_id, failure.reason
            );
            warn.call1((message, &category))?;
        }
        Ok(())
    })
    .map_err(|error| polars_err!(ComputeError: "{error}"))
}
