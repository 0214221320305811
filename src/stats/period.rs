//! Calendar periods over polars `Date` values (days since 1970-01-01):
//! days, Monday-based weeks, months, quarters and years, each possibly
//! several units long (`"7d"`, `"2w"`, `"3mo"`).

use super::error::{quoted, StatsError, StatsResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// A period length: `n` units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Every {
    pub n: u32,
    pub unit: Unit,
}

pub const EVERY_FORMS: &str =
    "a count and a unit: '1d', '7d', '1w', '2w', '1mo', '3mo', '1q' or '1y' (units d, w, mo, q, y)";

impl Every {
    pub const fn one(unit: Unit) -> Self {
        Self { n: 1, unit }
    }

    /// Parse `"1mo"`, `"2w"`, `"7d"`, `"1q"`, `"1y"`.
    pub fn parse(text: &str, argument: &str) -> StatsResult<Self> {
        let bad = || {
            StatsError::new(
                argument,
                format!("got {}; expected {EVERY_FORMS}", quoted(text)),
            )
        };
        let digits = text.chars().take_while(char::is_ascii_digit).count();
        let n: u32 = text[..digits].parse().map_err(|_| bad())?;
        let unit = match &text[digits..] {
            "d" => Unit::Day,
            "w" => Unit::Week,
            "mo" => Unit::Month,
            "q" => Unit::Quarter,
            "y" => Unit::Year,
            _ => return Err(bad()),
        };
        if n == 0 || n > 10_000 {
            return Err(bad());
        }
        Ok(Self { n, unit })
    }

    /// The number of this period counted from the epoch (any fixed origin
    /// works: only differences and `start_of_ordinal` use it).
    pub fn ordinal(&self, day: i32) -> i64 {
        let n = i64::from(self.n);
        let day = i64::from(day);
        match self.unit {
            Unit::Day => day.div_euclid(n),
            // 1970-01-01 is a Thursday: day -3 is a Monday.
            Unit::Week => (day + 3).div_euclid(7 * n),
            Unit::Month => month_index(day).div_euclid(n),
            Unit::Quarter => month_index(day).div_euclid(3 * n),
            Unit::Year => civil_from_days(day).0.div_euclid(n),
        }
    }

    /// The first day of the period with this ordinal.
    pub fn start_of_ordinal(&self, ordinal: i64) -> i32 {
        let n = i64::from(self.n);
        let day = match self.unit {
            Unit::Day => ordinal * n,
            Unit::Week => ordinal * 7 * n - 3,
            Unit::Month => first_of_month(ordinal * n),
            Unit::Quarter => first_of_month(ordinal * 3 * n),
            Unit::Year => days_from_civil(ordinal * n, 1, 1),
        };
        clamp_day(day)
    }

    /// The first day of the period that holds `day`.
    pub fn start_of(&self, day: i32) -> i32 {
        self.start_of_ordinal(self.ordinal(day))
    }

    /// Days in the period with this ordinal.
    pub fn days_in(&self, ordinal: i64) -> i64 {
        i64::from(self.start_of_ordinal(ordinal + 1)) - i64::from(self.start_of_ordinal(ordinal))
    }

    /// Whether the period is named rather than dated: a month, quarter or
    /// year is shown by its label, a day or a week by the date it starts.
    pub fn is_calendar_label(&self) -> bool {
        matches!(self.unit, Unit::Month | Unit::Quarter | Unit::Year)
    }

    /// A short label for a period start: `2025-03-01` for days and weeks,
    /// `2025-03` for months, `2025-Q1` for quarters, `2025` for years.
    pub fn label(&self, start: i32) -> String {
        let (y, m, d) = civil_from_days(i64::from(start));
        match self.unit {
            Unit::Day | Unit::Week => format!("{y:04}-{m:02}-{d:02}"),
            Unit::Month => format!("{y:04}-{m:02}"),
            Unit::Quarter => format!("{y:04}-Q{}", (m - 1) / 3 + 1),
            Unit::Year => format!("{y:04}"),
        }
    }
}

fn clamp_day(day: i64) -> i32 {
    day.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32
}

/// Months since year 0 (January of year 0 is 0).
fn month_index(day: i64) -> i64 {
    let (y, m, _) = civil_from_days(day);
    y * 12 + i64::from(m) - 1
}

fn first_of_month(month_index: i64) -> i64 {
    days_from_civil(
        month_index.div_euclid(12),
        month_index.rem_euclid(12) as u32 + 1,
        1,
    )
}

// Proleptic Gregorian conversions in 400-year eras (146,097 days each),
// with years starting in March so that the leap day ends the year.

/// (year, month 1-12, day 1-31) of a day count since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let march_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * march_month + 2) / 5 + 1) as u32;
    let month = if march_month < 10 {
        march_month + 3
    } else {
        march_month - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Day count since 1970-01-01 of a civil date.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let march_month = i64::from(if month > 2 { month - 3 } else { month + 9 });
    let day_of_year = (153 * march_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate};

    fn days(y: i32, m: u32, d: u32) -> i32 {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        (NaiveDate::from_ymd_opt(y, m, d).unwrap() - epoch).num_days() as i32
    }

    #[test]
    fn civil_round_trip_agrees_with_chrono() {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        for day in (-800_000..800_000).step_by(37) {
            let date = epoch + chrono::Duration::days(day);
            let expected = (i64::from(date.year()), date.month(), date.day());
            assert_eq!(civil_from_days(day), expected, "day {day}");
            assert_eq!(days_from_civil(expected.0, expected.1, expected.2), day);
        }
    }

    #[test]
    fn parses_period_lengths() {
        assert_eq!(Every::parse("1mo", "every"), Ok(Every::one(Unit::Month)));
        assert_eq!(
            Every::parse("7d", "every"),
            Ok(Every {
                n: 7,
                unit: Unit::Day
            })
        );
        for bad in ["", "mo", "0d", "1m", "1 mo", "-1d", "1.5w", "1month"] {
            let error = Every::parse(bad, "every").unwrap_err();
            assert_eq!(error.argument, "every");
            assert!(error.message.contains("'1mo'"), "{bad}: {error}");
        }
    }

    #[test]
    fn period_starts() {
        let every = |n, unit| Every { n, unit };
        let d = days(2025, 3, 5); // a Wednesday
        assert_eq!(every(1, Unit::Week).start_of(d), days(2025, 3, 3));
        assert_eq!(every(1, Unit::Month).start_of(d), days(2025, 3, 1));
        assert_eq!(every(1, Unit::Quarter).start_of(d), days(2025, 1, 1));
        assert_eq!(every(1, Unit::Year).start_of(d), days(2025, 1, 1));
        assert_eq!(every(2, Unit::Month).start_of(d), days(2025, 3, 1));
        assert_eq!(
            every(2, Unit::Month).start_of(days(2025, 4, 30)),
            days(2025, 3, 1)
        );
        assert_eq!(every(1, Unit::Day).start_of(d), d);
        assert_eq!(
            every(1, Unit::Week).start_of(days(2025, 3, 9)),
            days(2025, 3, 3)
        );
        assert_eq!(
            every(1, Unit::Week).start_of(days(2025, 3, 10)),
            days(2025, 3, 10)
        );
    }

    #[test]
    fn days_in_periods_and_labels() {
        let month = Every::one(Unit::Month);
        assert_eq!(month.days_in(month.ordinal(days(2024, 2, 10))), 29);
        assert_eq!(month.days_in(month.ordinal(days(2025, 2, 10))), 28);
        assert_eq!(month.label(days(2025, 2, 1)), "2025-02");
        assert_eq!(Every::one(Unit::Quarter).label(days(2025, 7, 1)), "2025-Q3");
        assert_eq!(Every::one(Unit::Year).label(days(2025, 1, 1)), "2025");
        assert_eq!(Every::one(Unit::Week).label(days(2025, 3, 3)), "2025-03-03");
    }
}
