//! Parsing documents, one or many, with failures isolated per document.

use std::panic::{catch_unwind, AssertUnwindSafe};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::extract::parse_document;
use crate::incident::Incident;

/// One document to parse.
pub struct DocumentInput<'a> {
    pub text: &'a str,
    pub published: Option<NaiveDate>,
    pub doc_id: &'a str,
}

/// Parse documents in parallel: one result per document, in input order. A
/// document whose parse panics gets `Err(message)` and loses only its own rows.
pub fn parse_each(inputs: &[DocumentInput<'_>]) -> Vec<Result<Vec<Incident>, String>> {
    inputs
        .par_iter()
        .map(|doc| {
            catch_unwind(AssertUnwindSafe(|| {
                parse_document(doc.text, doc.published, doc.doc_id)
            }))
            .map_err(panic_message)
        })
        .collect()
}

/// The incidents of a batch, and `(doc_id, message)` for every document that
/// could not be parsed.
pub type BatchResult = (Vec<Incident>, Vec<(String, String)>);

/// Parse documents in parallel. A document whose parse panics loses only its
/// own rows; it is reported as `(doc_id, message)`.
pub fn parse_batch(inputs: &[DocumentInput<'_>]) -> BatchResult {
    let mut incidents = Vec::new();
    let mut failures = Vec::new();
    for (doc, result) in inputs.iter().zip(parse_each(inputs)) {
        match result {
            Ok(rows) => incidents.extend(rows),
            Err(message) => failures.push((doc.doc_id.to_string(), message)),
        }
    }
    (incidents, failures)
}

/// [`parse_batch`] on a pool of `threads` threads; `None` uses rayon's global
/// pool (one thread per core). Fails only when the pool cannot be built.
pub fn parse_batch_with_threads(
    inputs: &[DocumentInput<'_>],
    threads: Option<usize>,
) -> Result<BatchResult, String> {
    match threads {
        None => Ok(parse_batch(inputs)),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build()
                .map_err(|e| format!("cannot start {n} parser threads: {e}"))?;
            Ok(pool.install(|| parse_batch(inputs)))
        }
    }
}

pub(crate) fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        format!("internal error: {s}")
    } else if let Some(s) = payload.downcast_ref::<String>() {
        format!("internal error: {s}")
    } else {
        "internal error".to_string()
    }
}
