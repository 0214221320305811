//! The dates of an incident: the first event date its clues give, refined
//! by a later, more precise one; relative dates count from the news, a
//! summary, or the incident told before.

use super::{
    resolve, DateExpr, DatePrecision, DateRange, DatedMention, DocumentClues, Draft, NaiveDate,
};

pub(super) fn resolve_mention(
    d: &DatedMention,
    published: Option<NaiveDate>,
    anchor: Option<DateRange>,
) -> Option<DateRange> {
    resolve(d.mention.expr, published, d.context_year, anchor)
}

pub(super) fn clue_event_date(
    c: usize,
    doc: &DocumentClues,
    published: Option<NaiveDate>,
    anchor: Option<DateRange>,
) -> Option<DateRange> {
    doc.dates[c]
        .iter()
        .filter(|d| !d.mention.statement && !d.mention.ends)
        .find_map(|d| resolve_mention(d, published, anchor))
}

/// The clue's own calendar date: "the next day" or "the same day" tell
/// time relative to the event in hand, not a new one.
pub(super) fn clue_framing_date(
    c: usize,
    doc: &DocumentClues,
    published: Option<NaiveDate>,
) -> Option<DateRange> {
    doc.dates[c]
        .iter()
        .filter(|d| !d.mention.statement && !d.mention.ends && framing_date(d))
        .find_map(|d| resolve_mention(d, published, None))
}

pub(super) fn first_event_date(draft: &Draft) -> Option<DateRange> {
    draft.seen.first_date
}

/// A date usable as the frame of later incidents: a calendar date, not one
/// told relative to another event.
pub(super) fn framing_date(d: &DatedMention) -> bool {
    !matches!(
        d.mention.expr,
        DateExpr::Anchored { .. } | DateExpr::SameDay
    )
}

/// The incident's dates: its own event dates, then a framing summary's,
/// then a statement's, then publication. An own date that cannot be
/// resolved ("on March 4" with no year known) leaves the date unknown.
pub(super) fn draft_dates(
    draft: &Draft,
    doc: &DocumentClues,
    published: Option<NaiveDate>,
    anchor: Option<DateRange>,
) -> Option<DateRange> {
    let anchor_clue = draft.clues[0];
    let own_mentions: Vec<&DatedMention> = doc.dates[anchor_clue]
        .iter()
        .filter(|d| !d.mention.statement)
        .collect();
    let mut own: Option<DateRange> = own_mentions
        .iter()
        .filter(|d| !d.mention.ends)
        .find_map(|d| resolve_mention(d, published, anchor));
    // A date that cannot be resolved keeps the incident undated, unless it
    // only lacks the publication date ("earlier this week" in an undated
    // text) and a calendar date of the event is told later.
    if own.is_none() && !own_mentions.is_empty() && published.is_some() {
        return None;
    }
    let later = draft.clues[1..]
        .iter()
        .chain(draft.inherited_from.iter())
        .filter(|&&c| doc.clues[c].eventive())
        .flat_map(|&c| {
            doc.dates[c]
                .iter()
                .filter(|d| !d.mention.statement && !d.mention.ends)
        })
        .filter_map(|d| resolve_mention(d, published, anchor));
    for range in later {
        own = Some(match own {
            None => range,
            Some(first) => refine(first, range),
        });
    }
    // "began on Tuesday afternoon and ended on Wednesday evening", "the
    // firing continued into the early hours of Wednesday": the event runs
    // to that day.
    let last_day = draft
        .clues
        .iter()
        .filter(|&&c| doc.clues[c].eventive() || c == anchor_clue)
        .flat_map(|&c| {
            doc.dates[c]
                .iter()
                .filter(|d| d.mention.ends && !d.mention.statement)
        })
        .filter_map(|d| resolve_mention(d, published, anchor))
        .filter(|r| r.precision == DatePrecision::Day)
        .map(|r| r.end)
        .max();
    if let (Some(range), Some(last)) = (own.as_mut(), last_day) {
        let days = (last - range.end).num_days();
        if range.precision == DatePrecision::Day && (1..=3).contains(&days) {
            range.end = last;
        }
    }
    if own.is_some() {
        return own;
    }
    if let Some(d) = draft.context_date {
        if let Some(r) = resolve_mention(&d, published, anchor) {
            return Some(r);
        }
    }
    let statement = draft.clues.iter().find_map(|&c| {
        doc.dates[c]
            .iter()
            .filter(|d| d.mention.statement)
            .find_map(|d| resolve_mention(d, published, anchor))
    });
    statement.or_else(|| {
        published.map(|p| DateRange {
            start: p,
            end: p,
            precision: DatePrecision::Published,
        })
    })
}

/// A later date refines the first: a day inside a vaguer range ("earlier
/// this week" then "on October 30"), or a night spanning the day told
/// first ("on Thursday" then "the night of March 20-21").
fn refine(first: DateRange, later: DateRange) -> DateRange {
    let inside = later.start >= first.start && later.end <= first.end;
    let spans = later.start <= first.start
        && later.end >= first.end
        && (later.end - later.start).num_days() <= 1;
    let finer = precision_rank(later.precision) < precision_rank(first.precision);
    if (inside && finer) || (spans && later.precision == DatePrecision::Day) {
        later
    } else {
        first
    }
}

fn precision_rank(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 0,
        DatePrecision::Week => 1,
        DatePrecision::Month => 2,
        DatePrecision::Year => 3,
        DatePrecision::Published => 4,
    }
}

pub(super) fn is_anchored(draft: &Draft, doc: &DocumentClues) -> bool {
    draft.clues.iter().any(|&c| {
        doc.dates[c].iter().any(|d| {
            matches!(
                d.mention.expr,
                DateExpr::Anchored { .. } | DateExpr::SameDay
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::super::{clues_of, one_draft};
    use super::*;

    /// (start, end, precision) of all of `text` told as one incident,
    /// published on Wednesday 12 March 2025.
    fn dated(text: &str) -> Option<(NaiveDate, NaiveDate, DatePrecision)> {
        let doc = clues_of(text);
        let published = NaiveDate::from_ymd_opt(2025, 3, 12);
        draft_dates(&one_draft(&doc), &doc, published, None).map(|r| (r.start, r.end, r.precision))
    }

    fn march(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 3, day).expect("a March day")
    }

    #[test]
    fn a_weekday_counts_back_from_publication() {
        assert_eq!(
            dated("Two soldiers were martyred in Bannu on Monday."),
            Some((march(10), march(10), DatePrecision::Day))
        );
    }

    #[test]
    fn a_statement_date_does_not_date_the_event() {
        assert_eq!(
            dated(
                "The ISPR said on Wednesday that troops killed six terrorists in Tank on Monday."
            ),
            Some((march(10), march(10), DatePrecision::Day))
        );
    }

    #[test]
    fn an_event_runs_to_the_day_it_ended() {
        assert_eq!(
            dated("The siege of the police station in Bannu began on Sunday and ended on Monday night."),
            Some((march(9), march(10), DatePrecision::Day))
        );
        assert_eq!(
            dated("Militants attacked a post in Tank on Monday. The gunfight went on into the early hours of Tuesday."),
            Some((march(10), march(11), DatePrecision::Day))
        );
    }

    #[test]
    fn a_later_exact_date_refines_a_vague_one() {
        assert_eq!(
            dated("Militants attacked a post in Tank last week. The attack took place on March 4."),
            Some((march(4), march(4), DatePrecision::Day))
        );
    }
}
