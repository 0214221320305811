//! Parsing documents, one or many, with failures isolated per document.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use chrono::NaiveDate;
use rayon::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};

use polars::prelude::{DataFrame, PolarsError, PolarsResult};

use crate::extract::parse_document;
use crate::frame::{empty_frame, incidents_to_frame};
use crate::incident::Incident;

/// One document to parse.
pub struct DocumentInput<'a> {
    pub text: &'a str,
    pub published: Option<NaiveDate>,
    pub doc_id: &'a str,
}

/// How the documents of a batch are spread over threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spread {
    /// In parallel, on the rayon pool the caller runs in (`ThreadPool::install`).
    Parallel,
    /// One after the other on the calling thread: the caller is one of many
    /// threads already working side by side (a Polars query in parallel).
    Sequential,
}

/// What can go wrong in the engine. Every failure the Python surface
/// reports is one of these; none ends the process.
#[derive(Debug)]
pub enum EngineError {
    /// The parse of one document panicked (an engine bug): only that
    /// document's rows are lost. Holds the panic's message.
    Panicked(String),
    /// A pool of parser threads could not be started.
    ThreadPool { threads: usize, reason: String },
    /// The incident frame could not be built from the rows.
    Frame(PolarsError),
    /// The columns of documents given do not fit together (their lengths
    /// or types).
    Columns(PolarsError),
}

impl std::fmt::Display for EngineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EngineError::Panicked(message) => write!(f, "internal error: {message}"),
            EngineError::ThreadPool { threads, reason } => {
                write!(f, "cannot start {threads} parser threads: {reason}")
            }
            EngineError::Frame(e) => write!(f, "building the incident frame: {e}"),
            EngineError::Columns(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for EngineError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EngineError::Frame(e) | EngineError::Columns(e) => Some(e),
            _ => None,
        }
    }
}

/// One document's result: its incidents, or why its parse stopped.
pub type DocumentResult = Result<Vec<Incident>, EngineError>;

/// Parse documents in parallel: one result per document, in input order. A
/// document whose parse panics gets `Err(message)` and loses only its own rows.
pub fn parse_each(inputs: &[DocumentInput<'_>]) -> Vec<DocumentResult> {
    parse_each_with(inputs, Spread::Parallel, &|doc: &DocumentInput<'_>| {
        parse_document(doc.text, doc.published, doc.doc_id)
    })
}

/// [`parse_each`] with the parse of one document given (tests put a failing
/// one in its place) and the spread chosen.
pub fn parse_each_with<F>(
    inputs: &[DocumentInput<'_>],
    spread: Spread,
    parse: &F,
) -> Vec<DocumentResult>
where
    F: Fn(&DocumentInput<'_>) -> Vec<Incident> + Sync,
{
    let one = |doc: &DocumentInput<'_>| {
        catch_unwind(AssertUnwindSafe(|| parse(doc)))
            .map_err(|payload| EngineError::Panicked(panic_text(payload)))
    };
    match spread {
        Spread::Parallel => inputs.par_iter().map(one).collect(),
        Spread::Sequential => inputs.iter().map(one).collect(),
    }
}

/// The incidents of a batch, and `(doc_id, error)` for every document that
/// could not be parsed.
pub type BatchResult = (Vec<Incident>, Vec<(String, EngineError)>);

/// Parse documents in parallel. A document whose parse panics loses only its
/// own rows; it is reported as `(doc_id, error)`.
pub fn parse_batch(inputs: &[DocumentInput<'_>]) -> BatchResult {
    let mut incidents = Vec::new();
    let mut failures = Vec::new();
    for (doc, result) in inputs.iter().zip(parse_each(inputs)) {
        match result {
            Ok(rows) => incidents.extend(rows),
            Err(error) => failures.push((doc.doc_id.to_string(), error)),
        }
    }
    (incidents, failures)
}

/// [`parse_batch`] on a pool of `threads` threads; `None` uses rayon's global
/// pool (one thread per core). Fails only when the pool cannot be built.
pub fn parse_batch_with_threads(
    inputs: &[DocumentInput<'_>],
    threads: Option<usize>,
) -> Result<BatchResult, EngineError> {
    in_pool(threads, || parse_batch(inputs))
}

/// Run `work` on a pool of `threads` threads (`None`: rayon's global pool).
fn in_pool<R: Send>(
    threads: Option<usize>,
    work: impl FnOnce() -> R + Send,
) -> Result<R, EngineError> {
    match threads {
        None => Ok(work()),
        Some(n) => Ok(pool(n.max(1))?.install(work)),
    }
}

/// The incident frame of a batch, and `(doc_id, error)` for every document
/// that could not be parsed.
pub type FrameResult = (DataFrame, Vec<(String, EngineError)>);

/// Frame parts per thread: enough for the threads to share the work evenly.
const PARTS_PER_THREAD: usize = 4;

/// [`parse_batch_with_threads`] straight into the incident frame. The
/// threads build the frame in parts, each from a run of documents, and free
/// their incidents as they go: left to one thread after the parse, building
/// and freeing took 5% of a two-thread batch.
pub fn parse_batch_to_frame(
    inputs: &[DocumentInput<'_>],
    threads: Option<usize>,
) -> Result<FrameResult, EngineError> {
    in_pool(threads, || {
        let mut failures = Vec::new();
        let mut rows = Vec::with_capacity(inputs.len());
        for (doc, result) in inputs.iter().zip(parse_each(inputs)) {
            match result {
                Ok(incidents) => rows.push(incidents),
                Err(error) => failures.push((doc.doc_id.to_string(), error)),
            }
        }
        let parts = split_even(rows, rayon::current_num_threads() * PARTS_PER_THREAD);
        let frames = parts
            .into_par_iter()
            .map(|part| incidents_to_frame(&part))
            .collect::<PolarsResult<Vec<DataFrame>>>()?;
        Ok((join_frames(frames)?, failures))
    })?
    .map_err(EngineError::Frame)
}

/// The incidents of consecutive documents in at most `parts` runs of about
/// the same number of incidents, in document order.
fn split_even(per_document: Vec<Vec<Incident>>, parts: usize) -> Vec<Vec<Incident>> {
    let total: usize = per_document.iter().map(Vec::len).sum();
    let size = total.div_ceil(parts.max(1)).max(1);
    let mut out = vec![Vec::with_capacity(size)];
    for incidents in per_document {
        let current = out.last_mut().expect("one part at least");
        if !current.is_empty() && current.len() + incidents.len() > size {
            out.push(incidents);
        } else {
            current.extend(incidents);
        }
    }
    out
}

/// The parts one after the other, in one chunk per column.
fn join_frames(frames: Vec<DataFrame>) -> PolarsResult<DataFrame> {
    let mut frames = frames.into_iter();
    let mut joined = frames.next().unwrap_or_else(empty_frame);
    for frame in frames {
        joined.vstack_mut_owned(frame)?;
    }
    joined.rechunk_mut_par();
    Ok(joined)
}

/// At most this many sized pools are kept alive at once.
const KEPT_POOLS: usize = 4;

/// The pool of `threads` threads, built on first use and kept: a fresh pool
/// per call would start new threads, whose regex caches start cold (a batch
/// of `parse_corpus` ran 10% slower for it).
fn pool(threads: usize) -> Result<Arc<ThreadPool>, EngineError> {
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
        .map_err(|e| EngineError::ThreadPool {
            threads,
            reason: e.to_string(),
        })?;
    if pools.len() >= KEPT_POOLS {
        // Callers cycling through many sizes: let the old pools end.
        pools.clear();
    }
    let pool = Arc::new(pool);
    pools.insert(threads, Arc::clone(&pool));
    Ok(pool)
}

/// What a panic said, if it said anything.
fn panic_text(payload: Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "no message".to_string()
    }
}

/// A panic as the message Python shows: "internal error: ...".
#[cfg_attr(not(feature = "python"), allow(dead_code))]
pub(crate) fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    EngineError::Panicked(panic_text(payload)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incidents(doc: &str, n: usize) -> Vec<Incident> {
        (0..n)
            .map(|k| Incident {
                doc_id: doc.to_string(),
                incident_id: format!("{doc}:{k}"),
                ..Incident::default()
            })
            .collect()
    }

    fn ids(part: &[Incident]) -> Vec<&str> {
        part.iter().map(|i| i.incident_id.as_str()).collect()
    }

    #[test]
    fn parts_keep_document_order_and_whole_documents() {
        let docs = vec![
            incidents("a", 3),
            incidents("b", 0),
            incidents("c", 1),
            incidents("d", 4),
        ];
        let parts = split_even(docs, 2);
        let got: Vec<Vec<&str>> = parts.iter().map(|p| ids(p)).collect();
        assert_eq!(
            got,
            vec![
                vec!["a:0", "a:1", "a:2", "c:0"],
                vec!["d:0", "d:1", "d:2", "d:3"]
            ]
        );
    }

    #[test]
    fn a_panicking_document_is_an_error_of_its_own() {
        let inputs: Vec<DocumentInput<'_>> = ["fine", "boom", "fine too"]
            .iter()
            .map(|&text| DocumentInput {
                text,
                published: None,
                doc_id: text,
            })
            .collect();
        let parse = |doc: &DocumentInput<'_>| {
            assert!(doc.text != "boom", "engine bug on {}", doc.doc_id);
            Vec::new()
        };
        for spread in [Spread::Parallel, Spread::Sequential] {
            let results = parse_each_with(&inputs, spread, &parse);
            assert!(results[0].is_ok() && results[2].is_ok());
            let Err(error) = &results[1] else {
                panic!("the second document should fail");
            };
            assert!(matches!(error, EngineError::Panicked(m) if m == "engine bug on boom"));
            assert_eq!(error.to_string(), "internal error: engine bug on boom");
        }
        let error = EngineError::ThreadPool {
            threads: 3,
            reason: "no threads".into(),
        };
        assert_eq!(
            error.to_string(),
            "cannot start 3 parser threads: no threads"
        );
    }

    #[test]
    fn no_incidents_make_one_empty_part() {
        let parts = split_even(vec![Vec::new(), Vec::new()], 8);
        assert_eq!(parts.len(), 1);
        assert!(parts[0].is_empty());
        let parts = split_even(Vec::new(), 0);
        assert_eq!(parts.len(), 1);
    }

    #[test]
    fn frame_in_parts_equals_frame_in_one() {
        let texts: Vec<String> = (0..60)
            .map(|k| match k % 3 {
                0 => format!("Gunmen killed {} policemen in Bannu on Monday.", k % 7 + 2),
                1 => "Nothing of note happened in Lahore.".to_string(),
                _ => format!(
                    "Security forces killed {} khwarij in Tank. In another operation in \
                     Tirah, Khyber District, two more khwarij were killed.",
                    k % 5 + 1
                ),
            })
            .collect();
        let ids: Vec<String> = (0..texts.len()).map(|k| k.to_string()).collect();
        let inputs: Vec<DocumentInput<'_>> = texts
            .iter()
            .zip(&ids)
            .map(|(text, id)| DocumentInput {
                text,
                published: NaiveDate::from_ymd_opt(2025, 3, 5),
                doc_id: id,
            })
            .collect();
        let (rows, failures) = parse_batch(&inputs);
        assert!(failures.is_empty());
        assert!(rows.len() > 40, "{} incidents", rows.len());
        let expected = incidents_to_frame(&rows).unwrap();
        for threads in [Some(1), Some(2), None] {
            let (frame, failures) = parse_batch_to_frame(&inputs, threads).unwrap();
            assert!(failures.is_empty());
            assert!(frame.equals_missing(&expected), "{threads:?}");
            assert!(frame.columns().iter().all(|c| c.n_chunks() == 1));
        }
        let (empty, _) = parse_batch_to_frame(&[], Some(2)).unwrap();
        assert_eq!(empty.schema(), expected.schema());
        assert_eq!(empty.height(), 0);
    }
}
