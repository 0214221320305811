//! The PyO3 layer: argument conversion and errors only, no logic.

use chrono::NaiveDate;
use numpy::{IntoPyArray, PyArray2};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3_polars::{PyDataFrame, PySeries};

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::engine::{panic_message, parse_batch_to_frame, DocumentInput, EngineError, FrameResult};
use crate::stats;

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
    let result = py.detach(|| parse_batch_to_frame(&inputs, threads));
    frame_with_failures(result)
}

/// Parse documents given as polars Series (GIL released): the texts (String;
/// a null is no document), their publication dates (Date, or one for all)
/// and ids (String). The texts are read where they are, with no Python
/// string made of each. Returns what [`parse_many`] returns.
#[pyfunction]
#[pyo3(signature = (texts, published, doc_ids, threads=None))]
fn parse_series(
    py: Python<'_>,
    texts: PySeries,
    published: PySeries,
    doc_ids: PySeries,
    threads: Option<usize>,
) -> PyResult<(PyDataFrame, Vec<(String, String)>)> {
    let result = py.detach(|| {
        crate::column::parse_columns_to_frame(&texts.0, &published.0, &doc_ids.0, threads)
    });
    frame_with_failures(result)
}

/// The frame and `(doc_id, message)` of each failed document, as Python
/// takes them; columns that do not fit are a ValueError, any other engine
/// failure a RuntimeError.
fn frame_with_failures(
    result: Result<FrameResult, EngineError>,
) -> PyResult<(PyDataFrame, Vec<(String, String)>)> {
    match result {
        Ok((frame, failures)) => Ok((
            PyDataFrame(frame),
            failures
                .into_iter()
                .map(|(doc_id, error)| (doc_id, error.to_string()))
                .collect(),
        )),
        Err(error @ EngineError::Columns(_)) => Err(PyValueError::new_err(error.to_string())),
        Err(error) => Err(PyRuntimeError::new_err(error.to_string())),
    }
}

/// The publication date a document states: its header, a date alone on its
/// first line, or a publication line at its start or end, as an ISO string.
#[pyfunction]
fn published_from_text(text: &str) -> Option<String> {
    crate::extract::stated_published(text).map(|date| date.to_string())
}

/// Every match of `words` in `texts`, case ignored: the benchmarks' speed
/// reference where ripgrep is not installed.
#[pyfunction]
fn literal_scan(py: Python<'_>, texts: Vec<String>, words: Vec<String>) -> u64 {
    py.detach(|| crate::text::literal::count_literals(&texts, &words))
}

/// The SPEC schema as an empty frame.
#[pyfunction]
fn empty_frame() -> PyDataFrame {
    PyDataFrame(crate::frame::empty_frame())
}

fn value_error(error: stats::StatsError) -> PyErr {
    PyValueError::new_err(error.to_string())
}

/// Run a statistic: a bad argument becomes ValueError, a panic (a bug)
/// RuntimeError, never an abort of the interpreter.
fn guarded<T>(what: &str, run: impl FnOnce() -> stats::StatsResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(run)) {
        Ok(result) => result.map_err(value_error),
        Err(payload) => Err(PyRuntimeError::new_err(format!(
            "{what}: {}",
            panic_message(payload)
        ))),
    }
}

fn window(start: Option<i32>, end: Option<i32>, date_rule: &str) -> PyResult<stats::DateWindow> {
    let rule = stats::DateRule::parse(date_rule, "date_rule").map_err(value_error)?;
    stats::DateWindow::new(start, end, rule).map_err(value_error)
}

fn mention(name: Option<&str>) -> PyResult<stats::Mention> {
    stats::Mention::parse(name, "mention").map_err(value_error)
}

/// Incidents and tolls per group; dates are days since 1970-01-01.
#[pyfunction]
#[pyo3(signature = (incidents, by, start, end, date_rule, mention=None))]
fn aggregate(
    py: Python<'_>,
    incidents: PyDataFrame,
    by: Vec<String>,
    start: Option<i32>,
    end: Option<i32>,
    date_rule: &str,
    mention: Option<&str>,
) -> PyResult<PyDataFrame> {
    let window = window(start, end, date_rule)?;
    let mention = self::mention(mention)?;
    let frame = py.detach(|| {
        guarded("aggregate", || {
            stats::aggregate(&incidents.0, &by, &window, mention)
        })
    })?;
    Ok(PyDataFrame(frame))
}

type CrosstabParts<'py> = (Bound<'py, PyArray2<i64>>, PySeries, PySeries, Vec<String>);

/// A matrix of sums with its row and column labels.
#[pyfunction]
#[pyo3(signature = (incidents, rows, cols, value, start, end, date_rule, mention=None))]
#[allow(clippy::too_many_arguments)]
fn crosstab<'py>(
    py: Python<'py>,
    incidents: PyDataFrame,
    rows: &str,
    cols: &str,
    value: &str,
    start: Option<i32>,
    end: Option<i32>,
    date_rule: &str,
    mention: Option<&str>,
) -> PyResult<CrosstabParts<'py>> {
    let window = window(start, end, date_rule)?;
    let measure = stats::Measure::parse(value, "value").map_err(value_error)?;
    let mention = self::mention(mention)?;
    let table = py.detach(|| {
        guarded("crosstab", || {
            stats::crosstab(&incidents.0, rows, cols, measure, &window, mention)
        })
    })?;
    Ok((
        table.values.into_pyarray(py),
        PySeries(table.rows.take_materialized_series()),
        PySeries(table.cols.take_materialized_series()),
        table.col_names,
    ))
}

/// Rate ratio of period b over period a per group.
#[pyfunction]
#[pyo3(signature = (incidents, a, b, by, value, date_rule, mention=None))]
#[allow(clippy::too_many_arguments)]
fn compare_periods(
    py: Python<'_>,
    incidents: PyDataFrame,
    a: (i32, i32),
    b: (i32, i32),
    by: Vec<String>,
    value: &str,
    date_rule: &str,
    mention: Option<&str>,
) -> PyResult<PyDataFrame> {
    let a = stats::Period::new(a.0, a.1, "a").map_err(value_error)?;
    let b = stats::Period::new(b.0, b.1, "b").map_err(value_error)?;
    let measure = stats::Measure::parse(value, "value").map_err(value_error)?;
    let rule = stats::DateRule::parse(date_rule, "date_rule").map_err(value_error)?;
    let mention = self::mention(mention)?;
    let frame = py.detach(|| {
        guarded("compare_periods", || {
            stats::compare_periods(&incidents.0, a, b, &by, measure, rule, mention)
        })
    })?;
    Ok(PyDataFrame(frame))
}

/// Poisson trend per group.
#[pyfunction]
#[pyo3(signature = (incidents, every, by, value, start, end, date_rule, mention=None))]
#[allow(clippy::too_many_arguments)]
fn trend(
    py: Python<'_>,
    incidents: PyDataFrame,
    every: &str,
    by: Vec<String>,
    value: &str,
    start: Option<i32>,
    end: Option<i32>,
    date_rule: &str,
    mention: Option<&str>,
) -> PyResult<PyDataFrame> {
    let every = stats::Every::parse(every, "every").map_err(value_error)?;
    let measure = stats::Measure::parse(value, "value").map_err(value_error)?;
    let window = window(start, end, date_rule)?;
    let mention = self::mention(mention)?;
    let frame = py.detach(|| {
        guarded("trend", || {
            stats::trend(&incidents.0, every, &by, measure, &window, mention)
        })
    })?;
    Ok(PyDataFrame(frame))
}

/// Rates per `per` people from the gazetteer's populations.
#[pyfunction]
#[pyo3(signature = (aggregated, per))]
fn rates(aggregated: PyDataFrame, per: f64) -> PyResult<PyDataFrame> {
    guarded("rates", || stats::rates(&aggregated.0, per)).map(PyDataFrame)
}

/// Merge incidents of different documents that describe one event.
#[pyfunction]
#[pyo3(signature = (incidents, window_days, mention=None))]
fn deduplicate(
    py: Python<'_>,
    incidents: PyDataFrame,
    window_days: u32,
    mention: Option<&str>,
) -> PyResult<PyDataFrame> {
    let mention = self::mention(mention)?;
    py.detach(|| {
        guarded("deduplicate", || {
            stats::deduplicate(&incidents.0, window_days, mention)
        })
    })
    .map(PyDataFrame)
}

type EvaluationFrames = (PyDataFrame, PyDataFrame, PyDataFrame, PyDataFrame);

/// Score incidents against a gold frame: summary, fields, aggregates, matches.
#[pyfunction]
#[pyo3(signature = (incidents, gold, docs))]
fn evaluate(
    py: Python<'_>,
    incidents: PyDataFrame,
    gold: PyDataFrame,
    docs: Vec<String>,
) -> PyResult<EvaluationFrames> {
    let scored =
        py.detach(|| guarded("evaluate", || stats::evaluate(&incidents.0, &gold.0, &docs)))?;
    Ok((
        PyDataFrame(scored.summary),
        PyDataFrame(scored.fields),
        PyDataFrame(scored.aggregates),
        PyDataFrame(scored.matches),
    ))
}

/// The place table.
#[pyfunction]
fn gazetteer() -> PyResult<PyDataFrame> {
    stats::gazetteer_frame()
        .map(PyDataFrame)
        .map_err(|e| PyRuntimeError::new_err(format!("building the gazetteer frame: {e}")))
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(parse_series, m)?)?;
    m.add_function(wrap_pyfunction!(empty_frame, m)?)?;
    m.add_function(wrap_pyfunction!(aggregate, m)?)?;
    m.add_function(wrap_pyfunction!(crosstab, m)?)?;
    m.add_function(wrap_pyfunction!(compare_periods, m)?)?;
    m.add_function(wrap_pyfunction!(trend, m)?)?;
    m.add_function(wrap_pyfunction!(rates, m)?)?;
    m.add_function(wrap_pyfunction!(deduplicate, m)?)?;
    m.add_function(wrap_pyfunction!(gazetteer, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(published_from_text, m)?)?;
    m.add_function(wrap_pyfunction!(literal_scan, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
