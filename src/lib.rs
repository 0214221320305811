//! incidentkit: incidents of militant violence parsed from English reports.
//!
//! The engine (everything but `python` and `plugin`) is plain Rust and knows
//! nothing of Python; the binding and the Polars expression plugin are behind
//! the `python` feature.

pub mod column;
pub mod engine;
pub mod extract;
pub mod frame;
pub mod incident;
pub mod lexicon;
pub mod rules;
pub mod stats;
pub mod text;

#[cfg(feature = "python")]
mod plugin;
#[cfg(feature = "python")]
mod python;

/// Allocate through the allocator of the Python `polars` package (jemalloc
/// on Linux, mimalloc elsewhere), as pyo3-polars advises for plugins.
#[cfg(feature = "python")]
#[global_allocator]
static ALLOC: pyo3_polars::PolarsAllocator = pyo3_polars::PolarsAllocator::new();
