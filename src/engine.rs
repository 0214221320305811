//! Parsing documents, one or many, with failures isolated per document.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use chrono::NaiveDate;
use rayon::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};

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
        Some(n) => Ok(pool(n.max(1))?.install(|| parse_batch(inputs))),
    }
}

/// At most this many sized pools are kept alive at once.
const KEPT_POOLS: usize = 4;

/// The pool of `threads` threads, built on first use and kept: a fresh pool
/// per call would start new threads, whose regex caches start cold (a batch
/// of `parse_corpus` ran 10% slower for it).
fn pool(threads: usize) -> Result<Arc<ThreadPool>, String> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<ThreadPool>>>> = OnceLock::new();
    let mut pools = POOLS
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some(pool) = pools.get(&threads) {
        return Ok(Arc::clone(pool));
    }
    let pool = ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| format!("cannot start {threads} parser threads: {e}"))?;
    if pools.len() >= KEPT_POOLS {
        // Callers cycling through many sizes: let the old pools end.
        pools.clear();
    }
    let pool = Arc::new(pool);
    pools.insert(threads, Arc::clone(&pool));
    Ok(pool)
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
