//! Trends: a Poisson regression of the count per period on time, fitted by
//! iteratively reweighted least squares.

use ndarray::{Array1, Array2, Axis};
use polars::prelude::*;
use statrs::function::erf::erfc;

use super::aggregate::sort_by_keys;
use super::error::{StatsError, StatsResult};
use super::grouping::{
    group_rows, key_columns, parse_keys, select_rows, DateWindow, KeySpec, Labels, Measure, Mention,
};
use super::period::Every;
use super::table::Table;

/// The 0.975 quantile of the standard normal distribution.
const Z_975: f64 = 1.959_963_984_540_054;

/// A fitted log-linear trend: count_t ~ Poisson(exp(a + b t)).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrendFit {
    /// The slope b: the log of the rate ratio from one period to the next.
    pub slope: f64,
    /// Its standard error (Fisher information at the fit).
    pub std_error: f64,
    pub p_value: f64,
}

impl TrendFit {
    /// The percent change per period, 100 (e^b - 1).
    pub fn percent_change(&self) -> f64 {
        100.0 * self.slope.exp_m1()
    }

    /// The 95% Wald interval of the percent change.
    pub fn interval(&self) -> (f64, f64) {
        let at = |b: f64| 100.0 * b.exp_m1();
        (
            at(self.slope - Z_975 * self.std_error),
            at(self.slope + Z_975 * self.std_error),
        )
    }
}

/// Fit counts observed at t = 0, 1, …; `None` when the fit does not exist:
/// fewer than two periods, no events, or every event in the first or the
/// last period (the slope would be infinite).
pub fn poisson_trend(counts: &[f64]) -> Option<TrendFit> {
    let n = counts.len();
    let total: f64 = counts.iter().sum();
    if n < 2 || total <= 0.0 || counts[0] == total || counts[n - 1] == total {
        return None;
    }
    // Centred time keeps the two coefficients nearly uncorrelated; the slope
    // is the same as on raw t.
    let mean_t = (n as f64 - 1.0) / 2.0;
    let mut design = Array2::<f64>::ones((n, 2));
    for (t, mut row) in design.axis_iter_mut(Axis(0)).enumerate() {
        row[1] = t as f64 - mean_t;
    }
    let y = Array1::from(counts.to_vec());
    let mean_y = total / n as f64;
    let mut mu = y.mapv(|v| (v + mean_y) / 2.0);
    let mut eta = mu.mapv(f64::ln);
    let mut previous: Option<Array1<f64>> = None;
    for _ in 0..100 {
        let z = &eta + &((&y - &mu) / &mu);
        let weighted = &design * &mu.view().insert_axis(Axis(1));
        let score = weighted.t().dot(&z);
        let beta = solve_2x2(&weighted.t().dot(&design), &score)?;
        eta = design.dot(&beta);
        mu = eta.mapv(f64::exp);
        // Newton steps converge quadratically: stop once the coefficients
        // no longer move (a small change in deviance can hide a slope that
        // still moves in its sixth digit).
        let converged = previous.as_ref().is_some_and(|p| {
            p.iter()
                .zip(&beta)
                .all(|(a, b)| (a - b).abs() <= 1e-13 * (1.0 + b.abs()))
        });
        previous = Some(beta.clone());
        if converged {
            let slope = beta[1];
            // Recompute the information at the final fit for the error.
            let weighted = &design * &mu.view().insert_axis(Axis(1));
            let std_error = inverse_2x2(&weighted.t().dot(&design))?[[1, 1]].sqrt();
            let z = slope / std_error;
            let p_value = erfc(z.abs() / std::f64::consts::SQRT_2);
            let fit = TrendFit {
                slope,
                std_error,
                p_value,
            };
            return (slope.is_finite() && std_error.is_finite()).then_some(fit);
        }
    }
    None
}

fn inverse_2x2(m: &Array2<f64>) -> Option<Array2<f64>> {
    let det = m[[0, 0]] * m[[1, 1]] - m[[0, 1]] * m[[1, 0]];
    if !det.is_finite() || det.abs() < f64::MIN_POSITIVE {
        return None;
    }
    Some(ndarray::arr2(&[[m[[1, 1]], -m[[0, 1]]], [-m[[1, 0]], m[[0, 0]]]]) / det)
}

fn solve_2x2(m: &Array2<f64>, v: &Array1<f64>) -> Option<Array1<f64>> {
    Some(inverse_2x2(m)?.dot(v))
}

/// The trend of `value` per period of `every`, per group of `by`. Periods run
/// from the window's start (or the first incident) to its end (or the last);
/// periods without incidents count as zeros. Undated incidents are left out;
/// `mention` keeps every incident, or only one kind.
pub fn trend(
    frame: &DataFrame,
    every: Every,
    by: &[String],
    value: Measure,
    window: &DateWindow,
    mention: Mention,
) -> StatsResult<DataFrame> {
    let keys = parse_keys(by, "by")?;
    if keys.iter().any(|(_, k)| matches!(k, KeySpec::Time(_))) {
        return Err(StatsError::new(
            "by",
            "time keys (day, week, month, quarter, year) cannot group a trend; use every=",
        ));
    }
    let mut specs: Vec<KeySpec> = keys.iter().map(|(_, spec)| *spec).collect();
    specs.push(KeySpec::Time(every));
    mention.check(frame)?;
    let mut needed = key_columns(&specs, &["date_start", "date_end"]);
    needed.extend(value.columns());
    needed.extend(mention.columns());
    let table = Table::new(frame, &needed, "incidents")?;
    let rows = select_rows(&table, window, mention);
    let grouping = group_rows(&table, rows, &specs, (window.start, window.end));
    let (time_labels, _) = grouping.keys.last().expect("the time key");
    let Labels::Periods {
        count: periods,
        first,
        ..
    } = *time_labels
    else {
        unreachable!("the last key is the time key")
    };
    let groups = grouping.groups();
    let by_count = keys.len();
    // One series per combination of the `by` codes.
    let mut series_of: PlHashMap<&[u32], usize> = PlHashMap::new();
    let mut series_keys: Vec<&[u32]> = Vec::new();
    let mut series: Vec<Vec<f64>> = Vec::new();
    let mut group_series = Vec::with_capacity(groups.codes.len());
    for tuple in &groups.codes {
        let by_part = &tuple[..by_count];
        let index = *series_of.entry(by_part).or_insert_with(|| {
            series_keys.push(by_part);
            series.push(vec![0.0; periods]);
            series.len() - 1
        });
        group_series.push(index);
    }
    let read = value.reader(&table);
    for (&row, &group) in grouping.rows.iter().zip(&groups.of_row) {
        let period = groups.codes[group as usize][by_count] as usize;
        if period < periods {
            series[group_series[group as usize]][period] += read(row) as f64;
        }
    }
    if by_count == 0 && series.is_empty() {
        series.push(vec![0.0; periods]);
    }
    let names: Vec<&str> = keys.iter().map(|(n, _)| n.as_str()).collect();
    let mut columns = grouping.key_columns(&table, &names, &series_keys)?;
    let (first_day, last_day) = if periods == 0 {
        (None, None)
    } else {
        (
            Some(every.start_of_ordinal(first)),
            Some(every.start_of_ordinal(first + periods as i64 - 1)),
        )
    };
    columns.extend(fit_columns(&series, first_day, last_day)?);
    let frame =
        DataFrame::new(series.len(), columns).map_err(|e| StatsError::polars("incidents", e))?;
    sort_by_keys(frame, &names)
}

fn fit_columns(
    series: &[Vec<f64>],
    first: Option<i32>,
    last: Option<i32>,
) -> StatsResult<Vec<Column>> {
    let fits: Vec<Option<TrendFit>> = series.iter().map(|counts| poisson_trend(counts)).collect();
    let pick = |f: fn(&TrendFit) -> f64| -> Vec<Option<f64>> {
        fits.iter().map(|fit| fit.as_ref().map(f)).collect()
    };
    let date = |name: &str, day: Option<i32>| -> StatsResult<Column> {
        Ok(Series::new(name.into(), vec![day; series.len()])
            .cast(&DataType::Date)
            .map_err(|e| StatsError::polars("incidents", e))?
            .into())
    };
    Ok(vec![
        date("first_period", first)?,
        date("last_period", last)?,
        Column::new(
            "periods".into(),
            series.iter().map(|s| s.len() as u32).collect::<Vec<u32>>(),
        ),
        Column::new(
            "total".into(),
            series
                .iter()
                .map(|s| s.iter().sum::<f64>() as u64)
                .collect::<Vec<u64>>(),
        ),
        Column::new("percent_change".into(), pick(TrendFit::percent_change)),
        Column::new("ci_low".into(), pick(|f| f.interval().0)),
        Column::new("ci_high".into(), pick(|f| f.interval().1)),
        Column::new("p_value".into(), pick(|f| f.p_value)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubling_counts_give_one_hundred_percent() {
        let fit = poisson_trend(&[1.0, 2.0, 4.0, 8.0, 16.0]).unwrap();
        assert!((fit.percent_change() - 100.0).abs() < 1e-8, "{fit:?}");
        let (low, high) = fit.interval();
        assert!(low < 100.0 && high > 100.0);
    }

    #[test]
    fn flat_counts_give_no_change() {
        let fit = poisson_trend(&[5.0, 5.0, 5.0, 5.0]).unwrap();
        assert!(fit.percent_change().abs() < 1e-9);
        assert!((fit.p_value - 1.0).abs() < 1e-9);
    }

    #[test]
    fn two_periods_by_hand() {
        // Two periods fit exactly: slope = ln(y1 / y0), variance 1/y0 + 1/y1.
        let fit = poisson_trend(&[4.0, 9.0]).unwrap();
        assert!((fit.slope - (9.0f64 / 4.0).ln()).abs() < 1e-10);
        assert!((fit.std_error - (1.0 / 4.0 + 1.0 / 9.0f64).sqrt()).abs() < 1e-10);
    }

    #[test]
    fn fits_that_do_not_exist() {
        assert!(poisson_trend(&[]).is_none());
        assert!(poisson_trend(&[3.0]).is_none());
        assert!(poisson_trend(&[0.0, 0.0, 0.0]).is_none());
        assert!(poisson_trend(&[0.0, 0.0, 7.0]).is_none());
        assert!(poisson_trend(&[7.0, 0.0, 0.0]).is_none());
        assert!(poisson_trend(&[0.0, 7.0, 0.0]).is_some());
    }
}
