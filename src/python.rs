//! The PyO3 layer: argument conversion and errors only, no logic.

use chrono::NaiveDate;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use crate::engine::{parse_batch_with_threads, DocumentInput};
use crate::frame::incidents_to_frame;

fn parse_iso(value: &str, argument: &str) -> PyResult<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
        PyValueError::new_err(format!(
            "{argument}: expected an ISO date YYYY-MM-DD, got {value:?}"
        ))
    })
}

/// Parse documents in parallel (GIL released). Returns the incident frame and
/// a list of (doc_id, error) for documents that could not be parsed.
/// `threads`: size of the parser's thread pool (default: one per core).
#[pyfunction]
#[pyo3(signature = (texts, published, doc_ids, threads=None))]
fn parse_many(
    py: Python<'_>,
    texts: Vec<String>,
    published: Vec<Option<String>>,
    doc_ids: Vec<String>,
    threads: Option<usize>,
) -> PyResult<(PyDataFrame, Vec<(String, String)>)> {
    if texts.len() != published.len() || texts.len() != doc_ids.len() {
        return Err(PyValueError::new_err(
            "texts, published and doc_ids must have the same length",
        ));
    }
    let dates = published
        .iter()
        .map(|p| p.as_deref().map(|s| parse_iso(s, "published")).transpose())
        .collect::<PyResult<Vec<_>>>()?;
    let inputs: Vec<DocumentInput<'_>> = texts
        .iter()
        .zip(dates)
        .zip(doc_ids.iter())
        .map(|((text, published), doc_id)| DocumentInput {
            text,
            published,
            doc_id,
        })
        .collect();
    let (incidents, failures) = py
        .detach(|| parse_batch_with_threads(&inputs, threads))
        .map_err(PyRuntimeError::new_err)?;
    let frame = incidents_to_frame(&incidents)
        .map_err(|e| PyRuntimeError::new_err(format!("building the incident frame: {e}")))?;
    Ok((PyDataFrame(frame), failures))
}

/// The publication date a document states in its header or alone on its
/// first line, as an ISO string.
#[pyfunction]
fn published_from_text(text: &str) -> Option<String> {
    crate::text::stated_published(text).map(|date| date.to_string())
}

/// The SPEC schema as an empty frame.
#[pyfunction]
fn empty_frame() -> PyDataFrame {
    PyDataFrame(crate::frame::empty_frame())
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(empty_frame, m)?)?;
    m.add_function(wrap_pyfunction!(published_from_text, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
