//! Comparing the incident rates of two periods: the rate ratio with an exact
//! confidence interval and p-value, conditional on the total count (the
//! count of period b given the total is binomial).

use polars::prelude::*;
use statrs::function::beta::beta_reg;
use statrs::function::gamma::ln_gamma;

use super::aggregate::sort_by_keys;
use super::error::{StatsError, StatsResult};
use super::grouping::{
    group_rows, key_columns, parse_keys, DateRule, DateWindow, KeySpec, Measure, Mention,
};
use super::table::Table;

/// An inclusive range of days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: i32,
    pub end: i32,
}

impl Period {
    pub fn new(start: i32, end: i32, argument: &str) -> StatsResult<Self> {
        if start > end {
            return Err(StatsError::new(
                argument,
                "the period starts after it ends; give (start, end) with start <= end",
            ));
        }
        Ok(Self { start, end })
    }

    pub fn days(&self) -> f64 {
        f64::from(self.end) - f64::from(self.start) + 1.0
    }

    fn window(&self, rule: DateRule) -> DateWindow {
        DateWindow {
            start: Some(self.start),
            end: Some(self.end),
            rule,
        }
    }
}

/// The rate ratio of b over a and its exact test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateRatio {
    /// `(count_b / days_b) / (count_a / days_a)`; `None` when both are 0,
    /// infinite when only a is 0.
    pub ratio: Option<f64>,
    pub ci_low: f64,
    pub ci_high: f64,
    pub p_value: f64,
}

/// The exact conditional test of two Poisson counts observed over
/// `days_a` and `days_b`: given the total n, count b is Binomial(n, p) with
/// p = days_b / (days_a + days_b) when the rates are equal. The interval is
/// Clopper–Pearson's for p, mapped to the rate ratio; the p-value sums the
/// probabilities of every count no more likely than the one observed.
pub fn rate_ratio_test(
    count_a: u64,
    days_a: f64,
    count_b: u64,
    days_b: f64,
    confidence: f64,
) -> RateRatio {
    let n = count_a + count_b;
    let p0 = days_b / (days_a + days_b);
    let to_ratio = |p: f64| {
        if p >= 1.0 {
            f64::INFINITY
        } else {
            p / (1.0 - p) * days_a / days_b
        }
    };
    let (p_low, p_high) = clopper_pearson(count_b, n, confidence);
    let ratio = match (count_a, count_b) {
        (0, 0) => None,
        (0, _) => Some(f64::INFINITY),
        _ => Some((count_b as f64 / days_b) / (count_a as f64 / days_a)),
    };
    RateRatio {
        ratio,
        ci_low: to_ratio(p_low),
        ci_high: to_ratio(p_high),
        p_value: binomial_two_sided_p(count_b, n, p0),
    }
}

/// The Clopper–Pearson interval for a binomial proportion.
pub fn clopper_pearson(k: u64, n: u64, confidence: f64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let tail = (1.0 - confidence) / 2.0;
    let (k, n) = (k as f64, n as f64);
    let low = if k == 0.0 {
        0.0
    } else {
        beta_quantile(tail, k, n - k + 1.0)
    };
    let high = if k == n {
        1.0
    } else {
        beta_quantile(1.0 - tail, k + 1.0, n - k)
    };
    (low, high)
}

/// The `q` quantile of Beta(a, b): bisection over the bit patterns of
/// doubles in [0, 1], which ends on adjacent doubles after at most 64 steps
/// however small the quantile.
fn beta_quantile(q: f64, a: f64, b: f64) -> f64 {
    let (mut lo, mut hi) = (0u64, 1.0f64.to_bits());
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if beta_reg(a, b, f64::from_bits(mid)) < q {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    f64::from_bits(hi)
}

fn ln_binomial_pmf(k: u64, n: u64, p: f64) -> f64 {
    let (kf, nf) = (k as f64, n as f64);
    let ln_choose = ln_gamma(nf + 1.0) - ln_gamma(kf + 1.0) - ln_gamma(nf - kf + 1.0);
    let mut value = ln_choose;
    if k > 0 {
        value += kf * p.ln();
    }
    if k < n {
        value += (nf - kf) * (-p).ln_1p();
    }
    value
}

/// P(X <= k) for X ~ Binomial(n, p).
fn binomial_cdf(k: u64, n: u64, p: f64) -> f64 {
    if k >= n {
        1.0
    } else {
        beta_reg((n - k) as f64, k as f64 + 1.0, 1.0 - p)
    }
}

/// P(X >= k) for X ~ Binomial(n, p).
fn binomial_upper(k: u64, n: u64, p: f64) -> f64 {
    if k == 0 {
        1.0
    } else if k > n {
        0.0
    } else {
        beta_reg(k as f64, (n - k + 1) as f64, p)
    }
}

/// The two-sided exact binomial p-value: the probability of every count
/// whose probability is at most that of `k` (with a relative tolerance of
/// 1e-7 so that ties in exact arithmetic stay ties).
pub fn binomial_two_sided_p(k: u64, n: u64, p: f64) -> f64 {
    if n == 0 {
        return 1.0;
    }
    let mean = n as f64 * p;
    if (k as f64 - mean).abs() < f64::EPSILON * mean.max(1.0) {
        return 1.0;
    }
    let threshold = ln_binomial_pmf(k, n, p) + (1e-7f64).ln_1p();
    let unlikely = |j: u64| ln_binomial_pmf(j, n, p) <= threshold;
    let p_value = if (k as f64) < mean {
        // On the far side the pmf falls: find the first count at or below it.
        let (mut lo, mut hi) = (mean.ceil() as u64, n + 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if unlikely(mid) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        binomial_cdf(k, n, p) + binomial_upper(lo, n, p)
    } else {
        // On the far side the pmf rises: find the last count at or below it.
        let (mut lo, mut hi) = (0u64, mean.floor() as u64 + 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if unlikely(mid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let lower = if lo == 0 {
            0.0
        } else {
            binomial_cdf(lo - 1, n, p)
        };
        lower + binomial_upper(k, n, p)
    };
    p_value.min(1.0)
}

/// Counts, rates per day and the rate ratio of b over a, per group of `by`,
/// over the incidents `mention` keeps.
pub fn compare_periods(
    frame: &DataFrame,
    a: Period,
    b: Period,
    by: &[String],
    value: Measure,
    rule: DateRule,
    mention: Mention,
) -> StatsResult<DataFrame> {
    if a.start <= b.end && b.start <= a.end {
        return Err(StatsError::new(
            "b",
            "periods a and b overlap; the test compares disjoint periods",
        ));
    }
    let keys = parse_keys(by, "by")?;
    let specs: Vec<KeySpec> = keys.iter().map(|(_, spec)| *spec).collect();
    mention.check(frame)?;
    let mut needed = key_columns(&specs, &["date_start", "date_end"]);
    needed.extend(value.columns());
    needed.extend(mention.columns());
    let table = Table::new(frame, &needed, "incidents")?;
    let (window_a, window_b) = (a.window(rule), b.window(rule));
    let keeps = mention.keeps(&table);
    let starts = table.date("date_start");
    let ends = table.date("date_end");
    let period_of = |row: u32| {
        let (s, e) = (starts.get(row as usize), ends.get(row as usize));
        (window_a.contains(s, e), window_b.contains(s, e))
    };
    let rows: Vec<u32> = (0..table.height() as u32)
        .filter(|&row| {
            let (in_a, in_b) = period_of(row);
            (in_a || in_b) && keeps(row)
        })
        .collect();
    let grouping = group_rows(&table, rows, &specs, (None, None));
    let groups = grouping.groups();
    let read = value.reader(&table);
    let mut counts = vec![(0u64, 0u64); groups.codes.len()];
    for (&row, &group) in grouping.rows.iter().zip(&groups.of_row) {
        let (in_a, in_b) = period_of(row);
        let amount = read(row);
        let slot = &mut counts[group as usize];
        slot.0 += if in_a { amount } else { 0 };
        slot.1 += if in_b { amount } else { 0 };
    }
    if specs.is_empty() && counts.is_empty() {
        counts.push((0, 0));
    }
    let names: Vec<&str> = keys.iter().map(|(n, _)| n.as_str()).collect();
    let mut columns = grouping.key_columns(&table, &names, &groups.codes)?;
    columns.extend(test_columns(&counts, a.days(), b.days()));
    let frame =
        DataFrame::new(counts.len(), columns).map_err(|e| StatsError::polars("incidents", e))?;
    sort_by_keys(frame, &names)
}

fn test_columns(counts: &[(u64, u64)], days_a: f64, days_b: f64) -> Vec<Column> {
    let tests: Vec<RateRatio> = counts
        .iter()
        .map(|&(x_a, x_b)| rate_ratio_test(x_a, days_a, x_b, days_b, 0.95))
        .collect();
    let f64_column = |name: &str, values: Vec<f64>| Column::new(name.into(), values);
    vec![
        Column::new(
            "count_a".into(),
            counts.iter().map(|c| c.0).collect::<Vec<u64>>(),
        ),
        Column::new(
            "count_b".into(),
            counts.iter().map(|c| c.1).collect::<Vec<u64>>(),
        ),
        f64_column("days_a", vec![days_a; counts.len()]),
        f64_column("days_b", vec![days_b; counts.len()]),
        f64_column(
            "rate_a",
            counts.iter().map(|c| c.0 as f64 / days_a).collect(),
        ),
        f64_column(
            "rate_b",
            counts.iter().map(|c| c.1 as f64 / days_b).collect(),
        ),
        Column::new(
            "rate_ratio".into(),
            tests.iter().map(|t| t.ratio).collect::<Vec<Option<f64>>>(),
        ),
        f64_column("ci_low", tests.iter().map(|t| t.ci_low).collect()),
        f64_column("ci_high", tests.iter().map(|t| t.ci_high).collect()),
        f64_column("p_value", tests.iter().map(|t| t.p_value).collect()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1e-300)
    }

    #[test]
    fn equal_counts_over_equal_days_give_ratio_one_and_p_one() {
        let test = rate_ratio_test(10, 30.0, 10, 30.0, 0.95);
        assert_eq!(test.ratio, Some(1.0));
        assert!(close(test.p_value, 1.0), "{}", test.p_value);
        assert!(test.ci_low < 1.0 && test.ci_high > 1.0);
    }

    #[test]
    fn binomial_p_value_by_hand() {
        // Binomial(4, 0.5): P = 1, 4, 6, 4, 1 over 16. Observing 0: counts
        // no more likely than 1/16 are 0 and 4 -> 2/16.
        assert!(close(binomial_two_sided_p(0, 4, 0.5), 0.125));
        // Observing 1 (4/16): 0, 1, 3, 4 -> 10/16.
        assert!(close(binomial_two_sided_p(1, 4, 0.5), 0.625));
        assert!(close(binomial_two_sided_p(2, 4, 0.5), 1.0));
    }

    #[test]
    fn clopper_pearson_edges_by_hand() {
        // k = 0: the upper bound solves (1 - p)^n = alpha / 2.
        let (low, high) = clopper_pearson(0, 10, 0.95);
        assert_eq!(low, 0.0);
        assert!(close(high, 1.0 - 0.025f64.powf(0.1)));
        // k = n: the lower bound solves p^n = alpha / 2.
        let (low, high) = clopper_pearson(10, 10, 0.95);
        assert!(close(low, 0.025f64.powf(0.1)));
        assert_eq!(high, 1.0);
    }

    #[test]
    fn zero_counts_do_not_divide_by_zero() {
        let both = rate_ratio_test(0, 10.0, 0, 10.0, 0.95);
        assert_eq!(both.ratio, None);
        assert_eq!(
            (both.ci_low, both.ci_high, both.p_value),
            (0.0, f64::INFINITY, 1.0)
        );
        let only_b = rate_ratio_test(0, 10.0, 5, 10.0, 0.95);
        assert_eq!(only_b.ratio, Some(f64::INFINITY));
        assert!(only_b.ci_low > 0.0 && only_b.ci_high.is_infinite());
        // All 5 in b with p0 = 1/2: 2 * (1/2)^5.
        assert!(close(only_b.p_value, 2.0 / 32.0));
        let only_a = rate_ratio_test(5, 10.0, 0, 10.0, 0.95);
        assert_eq!(only_a.ratio, Some(0.0));
        assert_eq!(only_a.ci_low, 0.0);
    }
}
