//! The one error type of the statistics: which argument was wrong and why.

use std::fmt;

/// A bad argument: its name and a message that says what is accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsError {
    pub argument: String,
    pub message: String,
}

pub type StatsResult<T> = Result<T, StatsError>;

impl StatsError {
    pub fn new(argument: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            argument: argument.into(),
            message: message.into(),
        }
    }

    /// An internal polars failure, blamed on the frame it came from.
    pub fn polars(argument: &str, error: polars::prelude::PolarsError) -> Self {
        Self::new(argument, format!("polars could not process it: {error}"))
    }
}

impl fmt::Display for StatsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.argument, self.message)
    }
}

impl std::error::Error for StatsError {}

/// `"a, b or c"` for messages that list accepted values.
pub fn one_of(values: &[&str]) -> String {
    match values {
        [] => String::new(),
        [only] => quoted(only),
        [rest @ .., last] => {
            let head: Vec<String> = rest.iter().map(|v| quoted(v)).collect();
            format!("{} or {}", head.join(", "), quoted(last))
        }
    }
}

/// A value as Python would print it in a message: `'value'`.
pub fn quoted(value: &str) -> String {
    format!("'{value}'")
}
