//! Date expressions: absolute dates, ranges, months, years, weekdays and the
//! relative words reports use, resolved against the publication date.

use std::sync::OnceLock;

use crate::rules::Captures;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::incident::DatePrecision;
use crate::lexicon::calendar::month_alternation;
use crate::rules::{rule, set, Id, Matching, Original, DATE_RULES};

/// A calendar date that may lack its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: u32,
    pub day: Option<u32>,
}

/// What a date expression says, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateExpr {
    /// A day, a range of days, or a month (day = None); `since` ranges end on
    /// the publication date.
    Calendar {
        start: PartialDate,
        end: Option<PartialDate>,
        since: bool,
    },
    /// A whole year.
    Year(i32),
    /// "in March last year": a month of the year `years_back` before publication.
    MonthOfRelativeYear {
        month: u32,
        years_back: i32,
    },
    /// "the 14th of last month" (months back from publication).
    DayOfRelativeMonth {
        day: u32,
        months_back: u32,
        since: bool,
    },
    /// "on Sunday", "Thursday last week".
    Weekday {
        weekday: Weekday,
        last_week: bool,
    },
    /// Days back from publication: today (0), yesterday (1); `span` extra
    /// days forward ("overnight" = 1 back, span 1).
    DaysBack {
        back: i64,
        span: i64,
        precision: DatePrecision,
    },
    LastWeek,
    EarlierThisWeek,
    EarlierThisMonth,
    LastMonth,
    LastYear,
    ThisYear,
    /// Relative to the previous event: "a week after" (the event told is
    /// `offset` days from the one before).
    Anchored {
        offset: i64,
        precision: DatePrecision,
    },
    /// "the same day", "earlier in the day".
    SameDay,
    /// "the night of 11/12": days of the publication month.
    NightOfDays {
        first: u32,
        second: u32,
    },
}

impl DateExpr {
    /// Whether the expression names a day or two (not a week, month or
    /// longer span): "overnight", "on Monday", "March 3".
    pub fn names_day(&self) -> bool {
        match *self {
            DateExpr::Calendar { start, end, since } => {
                !since
                    && start.day.is_some()
                    && end.is_none_or(|e| e.month == start.month && e.day.is_some())
            }
            DateExpr::Weekday { .. } | DateExpr::NightOfDays { .. } => true,
            DateExpr::DayOfRelativeMonth { since, .. } => !since,
            DateExpr::DaysBack { precision, .. } => precision == DatePrecision::Day,
            _ => false,
        }
    }

    /// Whether the expression spans a month or longer ("in October",
    /// "last year", "since 2021").
    pub fn is_period(&self) -> bool {
        match *self {
            // "November 29 to December 1" is days; "July-September" a period.
            DateExpr::Calendar { start, end, .. } => {
                start.day.is_none() || end.is_some_and(|e| e.day.is_none())
            }
            DateExpr::Year(_)
            | DateExpr::MonthOfRelativeYear { .. }
            | DateExpr::EarlierThisMonth
            | DateExpr::LastMonth
            | DateExpr::LastYear
            | DateExpr::ThisYear => true,
            _ => false,
        }
    }
}

/// A date expression found in a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub expr: DateExpr,
    /// "the ISPR said on Wednesday": the date of a statement, not the event.
    pub statement: bool,
    /// "ended on Wednesday evening", "into the early hours of Wednesday":
    /// the last day of an event told with its first day.
    pub ends: bool,
}

impl DateMention {
    /// The explicit year the expression states, if any.
    pub fn explicit_year(&self) -> Option<i32> {
        match self.expr {
            DateExpr::Calendar { start, end, .. } => start.year.or(end.and_then(|e| e.year)),
            DateExpr::Year(y) => Some(y),
            _ => None,
        }
    }
}

/// A resolved date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: DatePrecision,
}

pub use crate::lexicon::calendar::month_number;

fn weekday_of(name: &str) -> Option<Weekday> {
    Some(match name.to_ascii_lowercase().get(..3)? {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

fn small_number(word: &str) -> Option<i64> {
    match word.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => Some(1),
        "few" | "a few" => Some(3),
        w if w
            .split_whitespace()
            .collect::<Vec<_>>()
            .ends_with(&["couple", "of"]) =>
        {
            Some(2)
        }
        w => super::words::word_value(w)
            .map(i64::from)
            .or_else(|| w.parse().ok()),
    }
}

type Handler = fn(&Captures<'_>) -> Option<DateExpr>;

struct Pattern {
    rule: Id<Original>,
    handler: Handler,
    /// Where the mention starts when the regex leads with a preposition.
    span_group: usize,
}

fn num(c: &Captures<'_>, i: usize) -> Option<u32> {
    c.get(i)?.as_str().parse().ok()
}

fn valid_day(d: u32) -> bool {
    (1..=31).contains(&d)
}

fn pd(year: Option<i32>, month: u32, day: Option<u32>) -> PartialDate {
    PartialDate { year, month, day }
}

fn calendar(start: PartialDate, end: Option<PartialDate>) -> Option<DateExpr> {
    if start.day.is_some_and(|d| !valid_day(d))
        || end.and_then(|e| e.day).is_some_and(|d| !valid_day(d))
    {
        return None;
    }
    Some(DateExpr::Calendar {
        start,
        end,
        since: false,
    })
}

/// Each date rule of the book ([`RuleId`]s `Date…`) with what it reads,
/// in the order they are tried.
fn patterns() -> &'static [Pattern] {
    static PATTERNS: OnceLock<Vec<Pattern>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let p = |rule: Id<Original>, handler: Handler| Pattern {
            rule,
            handler,
            span_group: 0,
        };
        let lead = |rule: Id<Original>, handler: Handler| Pattern {
            span_group: 1,
            ..p(rule, handler)
        };
        let patterns = vec![
            p(rule::DateMonthDayToMonthDay, |c| {
                let y = num(c, 5).map(|y| y as i32);
                calendar(
                    pd(y, month_number(&c[1])?, num(c, 2)),
                    Some(pd(y, month_number(&c[3])?, num(c, 4))),
                )
            }),
            p(rule::DateDayMonthToDayMonth, |c| {
                let y = num(c, 5).map(|y| y as i32);
                calendar(
                    pd(y, month_number(&c[2])?, num(c, 1)),
                    Some(pd(y, month_number(&c[4])?, num(c, 3))),
                )
            }),
            p(rule::DateDayToDayMonth, |c| {
                let (d1, d2) = (num(c, 1)?, num(c, 2)?);
                if d2 <= d1 {
                    return None;
                }
                let m = month_number(&c[3])?;
                let y = num(c, 4).map(|y| y as i32);
                calendar(pd(y, m, Some(d1)), Some(pd(y, m, Some(d2))))
            }),
            p(rule::DateMonthDayToDay, |c| {
                let (d1, d2) = (num(c, 2)?, num(c, 3)?);
                if d2 <= d1 {
                    return None;
                }
                let m = month_number(&c[1])?;
                let y = num(c, 4).map(|y| y as i32);
                calendar(pd(y, m, Some(d1)), Some(pd(y, m, Some(d2))))
            }),
            p(rule::DateDayOfRelativeMonth, |c| {
                let day = num(c, 1).filter(|d| valid_day(*d))?;
                let months_back = u32::from(c[2].eq_ignore_ascii_case("last"));
                Some(DateExpr::DayOfRelativeMonth {
                    day,
                    months_back,
                    since: false,
                })
            }),
            p(rule::DateMonthDay, |c| {
                calendar(
                    pd(num(c, 3).map(|y| y as i32), month_number(&c[1])?, num(c, 2)),
                    None,
                )
            }),
            p(rule::DateDayMonth, |c| {
                calendar(
                    pd(num(c, 3).map(|y| y as i32), month_number(&c[2])?, num(c, 1)),
                    None,
                )
            }),
            p(rule::DateMonthToMonthYear, |c| {
                let y = num(c, 3).map(|y| y as i32);
                calendar(
                    pd(y, month_number(&c[1])?, None),
                    Some(pd(y, month_number(&c[2])?, None)),
                )
            }),
            p(rule::DateMonthYear, |c| {
                calendar(
                    pd(num(c, 2).map(|y| y as i32), month_number(&c[1])?, None),
                    None,
                )
            }),
            lead(rule::DateInMonth, |c| {
                let m = month_number(&c[1])?;
                match c.get(2).map(|g| g.as_str().to_ascii_lowercase()) {
                    Some(rel) if rel.contains("last") => Some(DateExpr::MonthOfRelativeYear {
                        month: m,
                        years_back: 1,
                    }),
                    Some(_) => Some(DateExpr::MonthOfRelativeYear {
                        month: m,
                        years_back: 0,
                    }),
                    None => calendar(pd(None, m, None), None),
                }
            }),
            lead(rule::DateInYear, |c| {
                Some(DateExpr::Year(num(c, 1)? as i32))
            }),
            p(rule::DateNightOfDays, |c| {
                let (first, second) = (num(c, 1)?, num(c, 2)?);
                (valid_day(first) && second == first + 1)
                    .then_some(DateExpr::NightOfDays { first, second })
            }),
            p(rule::DateWeekday, |c| {
                Some(DateExpr::Weekday {
                    weekday: weekday_of(&c[2])?,
                    last_week: c.get(1).is_some() || c.get(3).is_some(),
                })
            }),
            p(rule::DateToday, |_| {
                Some(DateExpr::DaysBack {
                    back: 0,
                    span: 0,
                    precision: DatePrecision::Day,
                })
            }),
            p(rule::DateYesterday, |_| {
                Some(DateExpr::DaysBack {
                    back: 1,
                    span: 0,
                    precision: DatePrecision::Day,
                })
            }),
            p(rule::DateOvernight, |_| {
                Some(DateExpr::DaysBack {
                    back: 1,
                    span: 1,
                    precision: DatePrecision::Day,
                })
            }),
            p(rule::DateDaysAgo, |c| {
                let n = small_number(&c[1])?;
                Some(DateExpr::DaysBack {
                    back: n,
                    span: 0,
                    precision: DatePrecision::Day,
                })
            }),
            p(rule::DateFewDaysAgo, |_| {
                Some(DateExpr::DaysBack {
                    back: 7,
                    span: 6,
                    precision: DatePrecision::Week,
                })
            }),
            p(rule::DateLastWeek, |_| Some(DateExpr::LastWeek)),
            p(rule::DateThisWeek, |_| Some(DateExpr::EarlierThisWeek)),
            p(rule::DateThisMonth, |_| Some(DateExpr::EarlierThisMonth)),
            p(rule::DateLastMonth, |_| Some(DateExpr::LastMonth)),
            p(rule::DateLastYear, |_| Some(DateExpr::LastYear)),
            p(rule::DateThisYear, |_| Some(DateExpr::ThisYear)),
            p(rule::DateSameDay, |_| Some(DateExpr::SameDay)),
            p(rule::DateNextDay, |c| {
                let back = c
                    .get(1)
                    .map(|m| m.as_str().eq_ignore_ascii_case("previous"))
                    .unwrap_or(false)
                    || c.get(2)
                        .is_some_and(|m| m.as_str().eq_ignore_ascii_case("before"));
                Some(DateExpr::Anchored {
                    offset: if back { -1 } else { 1 },
                    precision: DatePrecision::Day,
                })
            }),
            p(rule::DateHoursDaysAfter, anchored),
        ];
        debug_assert!(patterns
            .iter()
            .map(|p| p.rule)
            .eq(DATE_RULES.iter().copied()));
        patterns
    })
}

/// "came a week after X": X lies `n` units before the event the sentence is
/// anchored to; "a week later, X": X lies after it.
fn anchored(c: &Captures<'_>) -> Option<DateExpr> {
    let unit = c[2].to_ascii_lowercase();
    let n = match c.get(1) {
        Some(m) => small_number(m.as_str())?,
        None if unit.starts_with("hour") => 0,
        None => return None,
    };
    let (days, precision) = if unit.starts_with("hour") {
        (0, DatePrecision::Day)
    } else if unit.starts_with("week") {
        (7 * n, DatePrecision::Week)
    } else {
        (n, DatePrecision::Day)
    };
    let direction = c[3].to_ascii_lowercase();
    // "X came a day after Y" tells Y: the told event is earlier. "a day
    // later/earlier" qualifies the event of its own clause.
    let offset = match direction.as_str() {
        "after" | "earlier" => -days,
        _ => days,
    };
    Some(DateExpr::Anchored { offset, precision })
}

/// All date expressions in `text[start..end]`, leftmost-longest, without overlaps.
pub fn find_dates(rules: Matching<'_>, text: &str, start: usize, end: usize) -> Vec<DateMention> {
    let slice = &text[start..end];
    let mut found: Vec<DateMention> = Vec::new();
    // One pass says which patterns match, unless it was made ahead.
    let matching = match rules.answers().matched() {
        Some(ahead) => *ahead,
        None => rules.set_matches(set::Dates, slice),
    };
    for pattern in patterns().iter().filter(|p| matching.has(p.rule)) {
        for caps in rules.captures_iter(pattern.rule, slice) {
            let Some(whole) = caps.get(pattern.span_group).or_else(|| caps.get(0)) else {
                continue;
            };
            let whole_end = caps.get(0).map_or(whole.end(), |m| m.end());
            let Some(mut expr) = (pattern.handler)(&caps) else {
                continue;
            };
            let prefix = crate::text::tail(slice, 0, whole.start(), 120);
            if rules.is_match(rule::Since, prefix) {
                expr = mark_since(expr);
            }
            // "said Monday's airstrikes killed": the possessive dates the event.
            let possessive = slice[whole_end..].starts_with("'s")
                || slice[..whole_end].ends_with("'s")
                || slice[..whole_end].ends_with("’s");
            // "said that on Monday forces raided": the date opens the reported clause.
            let reported_clause =
                prefix.trim_end().ends_with(" that") || prefix.trim_end().ends_with(" that on");
            let statement =
                rules.is_match(rule::Statement, prefix) && !possessive && !reported_clause;
            // "A week after the killing, militants attacked": the told event
            // follows its anchor; "the attack came a week after X" tells X.
            let relation = caps.get(3).map(|m| m.as_str().to_ascii_lowercase());
            let reversible = matches!(relation.as_deref(), Some("after") | Some("before"));
            if let DateExpr::Anchored { offset, precision } = expr {
                // Only "a week after X, ..." reverses: "Two days later, ..."
                // counts forward wherever it stands.
                if reversible && slice[..whole.start()].trim().is_empty() {
                    expr = DateExpr::Anchored {
                        offset: -offset,
                        precision,
                    };
                }
            }
            let ends = rules.is_match(rule::Ends, prefix);
            found.push(DateMention {
                start: start + whole.start(),
                end: start + whole_end,
                expr,
                statement,
                ends,
            });
        }
    }
    // Longest first, then keep what does not overlap a longer one.
    found.sort_by_key(|m| (std::cmp::Reverse(m.end - m.start), m.start));
    let mut kept: Vec<DateMention> = Vec::with_capacity(found.len());
    for m in found {
        if kept.iter().any(|k| m.start < k.end && k.start < m.end) {
            continue;
        }
        kept.push(m);
    }
    kept.sort_by_key(|m| m.start);
    kept
}

fn mark_since(expr: DateExpr) -> DateExpr {
    match expr {
        DateExpr::Calendar {
            start, end: None, ..
        } => DateExpr::Calendar {
            start,
            end: None,
            since: true,
        },
        DateExpr::DayOfRelativeMonth {
            day, months_back, ..
        } => DateExpr::DayOfRelativeMonth {
            day,
            months_back,
            since: true,
        },
        other => other,
    }
}

/// A full date standing alone ("Wednesday, November 12, 2025", "12 November 2025").
pub fn parse_standalone_date(line: &str) -> Option<NaiveDate> {
    let rules = Matching::own();
    let mentions = find_dates(rules, line, 0, line.len());
    let full = mentions.iter().find_map(|m| match m.expr {
        DateExpr::Calendar {
            start:
                PartialDate {
                    year: Some(y),
                    month,
                    day: Some(d),
                },
            end: None,
            ..
        } => NaiveDate::from_ymd_opt(y, month, d),
        _ => None,
    })?;
    // The line must be (almost) only the date: a weekday, commas, the date.
    let rest: String = line
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    let allowed = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "updated",
        "published",
        "st",
        "nd",
        "rd",
        "th",
    ];
    let mut leftover = rest;
    for month in month_alternation(true).to_ascii_lowercase().split('|') {
        leftover = leftover.replacen(month, "", 1);
    }
    for word in allowed {
        leftover = leftover.replacen(word, "", 1);
    }
    leftover.is_empty().then_some(full)
}

fn add_months(date: NaiveDate, months_back: u32) -> Option<NaiveDate> {
    date.checked_sub_months(chrono::Months::new(months_back))
}

fn month_range(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    Some((first, next - Duration::days(1)))
}

fn year_range(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

/// The year for a date without one: the paragraph's last explicit year, else
/// the year that puts it on or before publication.
fn infer_year(
    month: u32,
    day: Option<u32>,
    context_year: Option<i32>,
    published: Option<NaiveDate>,
) -> Option<i32> {
    if let Some(y) = context_year {
        return Some(y);
    }
    let pub_date = published?;
    let same_year = (month, day.unwrap_or(1)) <= (pub_date.month(), pub_date.day());
    Some(if same_year {
        pub_date.year()
    } else {
        pub_date.year() - 1
    })
}

fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

fn day_range(start: NaiveDate, end: NaiveDate, precision: DatePrecision) -> Option<DateRange> {
    (start <= end).then_some(DateRange {
        start,
        end,
        precision,
    })
}

/// Resolve an expression. `anchor` is the date of the event told before,
/// for "the same day" and "a week after".
pub fn resolve(
    expr: DateExpr,
    published: Option<NaiveDate>,
    context_year: Option<i32>,
    anchor: Option<DateRange>,
) -> Option<DateRange> {
    use DatePrecision::*;
    match expr {
        DateExpr::Calendar { start, end, since } => {
            resolve_calendar(start, end, since, published, context_year)
        }
        DateExpr::Year(y) => year_range(y).map(|(s, e)| DateRange {
            start: s,
            end: e,
            precision: Year,
        }),
        DateExpr::MonthOfRelativeYear { month, years_back } => {
            let (s, e) = month_range(published?.year() - years_back, month)?;
            day_range(s, e, Month)
        }
        DateExpr::DayOfRelativeMonth {
            day,
            months_back,
            since,
        } => {
            let p = published?;
            let month = add_months(p.with_day(1)?, months_back)?;
            let start = NaiveDate::from_ymd_opt(month.year(), month.month(), day)?;
            let end = if since { p } else { start };
            day_range(start, end, Day)
        }
        DateExpr::Weekday { weekday, last_week } => {
            let p = published?;
            let date = if last_week {
                monday_of(p) - Duration::days(7)
                    + Duration::days(i64::from(weekday.num_days_from_monday()))
            } else {
                let back =
                    (7 + p.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
                p - Duration::days(i64::from(back))
            };
            day_range(date, date, Day)
        }
        DateExpr::DaysBack {
            back,
            span,
            precision,
        } => {
            let p = published?;
            let start = p - Duration::days(back);
            day_range(start, start + Duration::days(span), precision)
        }
        DateExpr::LastWeek => {
            let monday = monday_of(published?) - Duration::days(7);
            day_range(monday, monday + Duration::days(6), Week)
        }
        DateExpr::EarlierThisWeek => {
            let p = published?;
            let monday = monday_of(p);
            day_range(monday, (p - Duration::days(1)).max(monday), Week)
        }
        DateExpr::EarlierThisMonth => {
            let p = published?;
            let first = p.with_day(1)?;
            day_range(first, (p - Duration::days(1)).max(first), Month)
        }
        DateExpr::LastMonth => {
            let month = add_months(published?.with_day(1)?, 1)?;
            let (s, e) = month_range(month.year(), month.month())?;
            day_range(s, e, Month)
        }
        DateExpr::LastYear => {
            let (s, e) = year_range(published?.year() - 1)?;
            day_range(s, e, Year)
        }
        // "this year", "earlier this year": 1 January to the day before publication.
        DateExpr::ThisYear => {
            let p = published?;
            let (s, _) = year_range(p.year())?;
            day_range(s, (p - Duration::days(1)).max(s), Year)
        }
        DateExpr::Anchored { offset, precision } => {
            let a = anchor?;
            let start = a.start + Duration::days(offset);
            day_range(
                start,
                start,
                if a.precision == Day {
                    precision
                } else {
                    a.precision
                },
            )
        }
        DateExpr::SameDay => anchor,
        DateExpr::NightOfDays { first, second } => {
            let p = published?;
            let start = NaiveDate::from_ymd_opt(p.year(), p.month(), first)?;
            let end = NaiveDate::from_ymd_opt(p.year(), p.month(), second)?;
            day_range(start, end, Day)
        }
    }
}

fn resolve_calendar(
    start: PartialDate,
    end: Option<PartialDate>,
    since: bool,
    published: Option<NaiveDate>,
    context_year: Option<i32>,
) -> Option<DateRange> {
    let explicit = start.year.or(end.and_then(|e| e.year));
    let year = match explicit {
        Some(y) => y,
        None => infer_year(start.month, start.day, context_year, published)?,
    };
    let first = match start.day {
        Some(d) => NaiveDate::from_ymd_opt(year, start.month, d)?,
        None => month_range(year, start.month)?.0,
    };
    let precision = if start.day.is_some() {
        DatePrecision::Day
    } else {
        DatePrecision::Month
    };
    let last = match end {
        Some(e) => {
            let mut y = year;
            if (e.month, e.day.unwrap_or(1)) < (start.month, start.day.unwrap_or(1)) {
                y += 1;
            }
            match e.day {
                Some(d) => NaiveDate::from_ymd_opt(y, e.month, d)?,
                None => month_range(y, e.month)?.1,
            }
        }
        None if since => published?.max(first),
        None if start.day.is_none() => month_range(year, start.month)?.1,
        None => first,
    };
    day_range(first, last, precision)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// (text, published, expected start, end, precision)
    fn check(text: &str, published: NaiveDate) -> Option<(NaiveDate, NaiveDate, DatePrecision)> {
        let mentions = find_dates(Matching::plain(), text, 0, text.len());
        let m = mentions.first()?;
        resolve(m.expr, Some(published), None, None).map(|r| (r.start, r.end, r.precision))
    }

    #[test]
    fn table() {
        use DatePrecision::*;
        let pub_ = d(2025, 10, 12); // a Sunday
        #[allow(clippy::type_complexity)]
        let cases: &[(&str, Option<(NaiveDate, NaiveDate, DatePrecision)>)] = &[
            (
                "North Waziristan (25–28 April 2025): 71 killed",
                Some((d(2025, 4, 25), d(2025, 4, 28), Day)),
            ),
            (
                "on the night of April 10-11",
                Some((d(2025, 4, 10), d(2025, 4, 11), Day)),
            ),
            (
                "on night August 18/19, 2024",
                Some((d(2024, 8, 18), d(2024, 8, 19), Day)),
            ),
            (
                "between January 13 and 14",
                Some((d(2025, 1, 13), d(2025, 1, 14), Day)),
            ),
            (
                "from November 29 to December 1",
                Some((d(2024, 11, 29), d(2024, 12, 1), Day)),
            ),
            (
                "since the 14th of last month",
                Some((d(2025, 9, 14), pub_, Day)),
            ),
            ("since December 14", Some((d(2024, 12, 14), pub_, Day))),
            (
                "the December 16, 2014, Peshawar school massacre",
                Some((d(2014, 12, 16), d(2014, 12, 16), Day)),
            ),
            (
                "on Nov. 4, 2023",
                Some((d(2023, 11, 4), d(2023, 11, 4), Day)),
            ),
            (
                "on September 9th",
                Some((d(2025, 9, 9), d(2025, 9, 9), Day)),
            ),
            (
                "on 7 September 2025",
                Some((d(2025, 9, 7), d(2025, 9, 7), Day)),
            ),
            ("in July 2019", Some((d(2019, 7, 1), d(2019, 7, 31), Month))),
            (
                "in April, when",
                Some((d(2025, 4, 1), d(2025, 4, 30), Month)),
            ),
            (
                "in March last year",
                Some((d(2024, 3, 1), d(2024, 3, 31), Month)),
            ),
            (
                "In 2021, a blast",
                Some((d(2021, 1, 1), d(2021, 12, 31), Year)),
            ),
            ("on Sunday", Some((pub_, pub_, Day))),
            (
                "on Tuesday evening",
                Some((d(2025, 10, 7), d(2025, 10, 7), Day)),
            ),
            (
                "Thursday last week",
                Some((d(2025, 10, 2), d(2025, 10, 2), Day)),
            ),
            ("yesterday", Some((d(2025, 10, 11), d(2025, 10, 11), Day))),
            ("last night", Some((d(2025, 10, 11), d(2025, 10, 11), Day))),
            ("an overnight raid", Some((d(2025, 10, 11), pub_, Day))),
            ("last week", Some((d(2025, 9, 29), d(2025, 10, 5), Week))),
            (
                "earlier this week",
                Some((d(2025, 10, 6), d(2025, 10, 11), Week)),
            ),
            (
                "earlier this month",
                Some((d(2025, 10, 1), d(2025, 10, 11), Month)),
            ),
            ("last month", Some((d(2025, 9, 1), d(2025, 9, 30), Month))),
            ("last year", Some((d(2024, 1, 1), d(2024, 12, 31), Year))),
            (
                "three days ago",
                Some((d(2025, 10, 9), d(2025, 10, 9), Day)),
            ),
            (
                "within the last 24 hours",
                Some((d(2025, 10, 11), pub_, Day)),
            ),
            (
                "the intervening night of 7 and 8 October",
                Some((d(2025, 10, 7), d(2025, 10, 8), Day)),
            ),
            (
                "On night 4/5 October",
                Some((d(2025, 10, 4), d(2025, 10, 5), Day)),
            ),
            ("a 36-year-old soldier", None),
            ("at 8:25am", None),
        ];
        for (text, want) in cases {
            assert_eq!(check(text, pub_), *want, "{text}");
        }
    }

    #[test]
    fn statement_dates_are_marked() {
        let text = "The ISPR said on Wednesday that troops killed six.";
        let m = find_dates(Matching::plain(), text, 0, text.len());
        assert!(m[0].statement);
        let text = "Troops killed six on Wednesday.";
        assert!(!find_dates(Matching::plain(), text, 0, text.len())[0].statement);
        // A claim dates itself, whatever it claims.
        let text = "The group claimed responsibility for the killing of the miners on Monday.";
        assert!(find_dates(Matching::plain(), text, 0, text.len())[0].statement);
    }

    #[test]
    fn yearless_dates_take_context_year() {
        let text = "On April 20, gunmen";
        let m = find_dates(Matching::plain(), text, 0, text.len())[0];
        let r = resolve(m.expr, Some(d(2021, 12, 12)), Some(2016), None).unwrap();
        assert_eq!(r.start, d(2016, 4, 20));
    }

    #[test]
    fn no_publication_date_no_relative_resolution() {
        let text = "on Monday";
        let m = find_dates(Matching::plain(), text, 0, text.len())[0];
        assert_eq!(resolve(m.expr, None, None, None), None);
    }

    #[test]
    fn anchored_days() {
        let text = "The attack came a week after a bomb blast";
        let m = find_dates(Matching::plain(), text, 0, text.len())[0];
        let anchor = DateRange {
            start: d(2024, 11, 9),
            end: d(2024, 11, 9),
            precision: DatePrecision::Day,
        };
        let r = resolve(m.expr, None, None, Some(anchor)).unwrap();
        assert_eq!(
            (r.start, r.precision),
            (d(2024, 11, 2), DatePrecision::Week)
        );
    }

    #[test]
    fn standalone_dates() {
        assert_eq!(
            parse_standalone_date("Wednesday, November 12, 2025"),
            Some(d(2025, 11, 12))
        );
        assert_eq!(
            parse_standalone_date("12 November 2025"),
            Some(d(2025, 11, 12))
        );
        assert_eq!(
            parse_standalone_date("Troops killed six on November 12, 2025"),
            None
        );
    }
}
