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

/// Parse documents in parallel. A document whose parse panics loses only its
/// own rows; it is reported as `(doc_id, message)`.
pub fn parse_batch(inputs: &[DocumentInput<'_>]) -> (Vec<Incident>, Vec<(String, String)>) {
    let results: Vec<Result<Vec<Incident>, String>> = inputs
        .par_iter()
        .map(|doc| {
            catch_unwind(AssertUnwindSafe(|| {
                parse_document(doc.text, doc.published, doc.doc_id)
            }))
            .map_err(panic_message)
        })
        .collect();
    let mut incidents = Vec::new();
    let mut failures = Vec::new();
    for (doc, result) in inputs.iter().zip(results) {
        match result {
            Ok(rows) => incidents.extend(rows),
            Err(message) => failures.push((doc.doc_id.to_string(), message)),
        }
    }
    (incidents, failures)
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
