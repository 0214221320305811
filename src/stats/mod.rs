//! Statistics over incident frames: aggregates, crosstabs, period
//! comparisons, trends, per-capita rates, deduplication and evaluation
//! against a gold standard.
//!
//! Every function takes a polars `DataFrame` with (at least) the SPEC columns
//! it reads and checks them first, so a wrong frame gives an error that names
//! the argument instead of a panic.

mod aggregate;
mod crosstab;
mod dedup;
mod error;
mod evaluate;
mod exact;
mod gazetteer;
mod grouping;
mod period;
mod rates;
mod table;
mod trend;

pub use aggregate::{aggregate, AGGREGATE_KEYS};
pub use crosstab::{crosstab, Crosstab, CROSSTAB_VALUES};
pub use dedup::deduplicate;
pub use error::{StatsError, StatsResult};
pub use evaluate::{evaluate, Evaluation, EVALUATED_FIELDS};
pub use exact::{compare_periods, rate_ratio_test, Period, RateRatio};
pub use gazetteer::gazetteer_frame;
pub use grouping::{DateRule, DateWindow, Measure, Mention};
pub use period::{Every, Unit};
pub use rates::rates;
pub use trend::{poisson_trend, trend, TrendFit};
