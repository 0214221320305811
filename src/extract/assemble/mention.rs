//! `mention` of each incident (SPEC, four ordered rules): list items and
//! the document's news are reports; events brought in as context, recalled
//! or dated well before the news, are background.

use super::{
    framing_date, resolve_mention, DateExpr, DatePrecision, DateRange, DocumentClues, Draft,
    Mention, NaiveDate,
};
use crate::rules::{rule, LowerText, Lowered, Matching};

/// What decides an incident's `mention`: how and when it is told.
pub(super) struct Told {
    range: Option<DateRange>,
    /// Told as an item of a list.
    list_item: bool,
    /// Compared, sequenced or recalled as context (SPEC mention rule 3).
    context: bool,
    /// Only brought in for another subject ("following the attack on",
    /// "recalled"), so not the news even when the document tells no other
    /// event; a "last week's" or a past perfect may date the news itself.
    only_context: bool,
    /// The summary that frames it ("two more incidents reported on
    /// Saturday") and the days that summary gives.
    frame: Option<usize>,
    frame_range: Option<DateRange>,
    /// Dated within a week of publication: a candidate for the news.
    recent: bool,
    /// Goes after the people of an attack told before ("arrested the
    /// facilitators of the bomber"): a follow-up of that attack.
    pursues: bool,
}

impl Told {
    pub(super) fn of(
        draft: &Draft,
        doc: &DocumentClues,
        text: &str,
        range: Option<DateRange>,
        published: Option<NaiveDate>,
    ) -> Told {
        let anchor = &doc.clues[draft.clues[0]];
        let lower = LowerText::of(&text[anchor.start..anchor.end]);
        let sequenced = doc.dates[draft.clues[0]]
            .iter()
            .any(|d| matches!(d.mention.expr, DateExpr::Anchored { offset, .. } if offset < 0));
        // "The assault came a day after 17 soldiers were martyred in
        // various incidents. On Friday, ...": brought in as context.
        let framed_as_context = draft.context.is_some_and(|s| {
            let frame = &doc.clues[s];
            s + 3 >= draft.clues[0] && recalled(LowerText::of(&text[frame.start..frame.end]).view())
        });
        let only_context =
            anchor.comparison || sequenced || framed_as_context || recalled(lower.view());
        // The earlier deeds of people now killed ("who had been killed"),
        // "last year's attack".
        let context = only_context
            || anchor.earlier_told
            || outside().is_match(rule::DatedEarlier, lower.view());
        let frame = draft.context.filter(|&s| s < draft.clues[0]);
        let frame_range = frame.and_then(|s| {
            doc.dates[s]
                .iter()
                .filter(|d| framing_date(d))
                .find_map(|d| resolve_mention(d, published, None))
        });
        let recent = match (range, published) {
            (Some(r), Some(p)) => {
                r.precision != DatePrecision::Published && r.end <= p && (p - r.end).num_days() <= 7
            }
            _ => false,
        };
        Told {
            range,
            list_item: anchor.list_item,
            context,
            only_context,
            frame,
            frame_range,
            recent,
            pursues: draft.close.iter().any(|&c| doc.clues[c].pursuit),
        }
    }
}

/// The assembler's rules run on text outside any one segment: each looks
/// for its own words first.
pub(super) fn outside() -> Matching<'static> {
    Matching::own()
}

/// An earlier event brought in as context ("recalled", "came days after").
pub(super) fn recalled(lower: Lowered<'_>) -> bool {
    outside().is_match(rule::Recalled, lower)
}

/// The `mention` of every incident of a document (SPEC, its four rules in
/// order). The news is the first incident dated within a week of
/// publication, or the first one told, that is not brought in as context.
pub(super) fn mentions(told: &[Told]) -> Vec<Mention> {
    let news = told
        .iter()
        .position(|t| t.recent && !t.only_context)
        .or_else(|| told.iter().position(|t| !t.only_context))
        .unwrap_or(0);
    // SPEC rule 2: the subject of a follow-up story (arrests for it) is
    // news, and so are the follow-ups: the attack pursued is the last one
    // told before the first pursuit.
    let first_pursuit = told.iter().position(|t| t.pursues);
    let pursued = first_pursuit.and_then(|f| (0..f).rev().find(|&k| !told[k].pursues));
    let follow_up_story = first_pursuit.is_some() && (told[news].pursues || pursued == Some(news));
    told.iter()
        .enumerate()
        .map(|(k, t)| {
            let (n, same_frame) = (
                &told[news],
                t.frame.is_some() && t.frame == told[news].frame,
            );
            let inside = |outer: Option<DateRange>| match (t.range, outer) {
                (Some(r), Some(o)) => r.start >= o.start && r.end <= o.end,
                _ => true,
            };
            // The news, told first or dated as news, and the subject of a
            // follow-up story with its follow-ups.
            if k == news && !t.only_context {
                return Mention::Report;
            }
            if follow_up_story && (t.pursues || Some(k) == pursued) {
                return Mention::Report;
            }
            // Compared, sequenced or recalled as context, even when the
            // document tells no other event ("security was tightened
            // following the attack on ..."), before the list rule.
            if t.context {
                return Mention::Background;
            }
            // An item of a list, or of the roundup that frames the news.
            if t.list_item {
                return Mention::Report;
            }
            if same_frame && inside(n.frame_range) {
                return Mention::Report;
            }
            // 4. Other events: of the news's day or the day before, or undated.
            let dated = t.range.filter(|r| r.precision != DatePrecision::Published);
            match (dated, n.range) {
                (None, _) | (_, None) => Mention::Report,
                (Some(r), Some(n)) => {
                    // The news's day is the last of its range ("since December 14").
                    let day_before = n.end - chrono::Duration::days(1);
                    if r.start >= day_before.min(n.start) && r.end <= n.end {
                        Mention::Report
                    } else {
                        Mention::Background
                    }
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> Option<DateRange> {
        let date = NaiveDate::from_ymd_opt(2025, 3, d).expect("a March day");
        Some(DateRange {
            start: date,
            end: date,
            precision: DatePrecision::Day,
        })
    }

    /// An incident dated `range`, told plainly.
    fn told(range: Option<DateRange>, recent: bool) -> Told {
        Told {
            range,
            list_item: false,
            context: false,
            only_context: false,
            frame: None,
            frame_range: None,
            recent,
            pursues: false,
        }
    }

    use Mention::{Background, Report};

    #[test]
    fn the_news_and_its_day_are_reports_earlier_days_background() {
        // Published March 11: the news of the 10th, an event of the 9th
        // (the day before the news) and one of the 2nd.
        let all = [told(day(10), true), told(day(9), true), told(day(2), false)];
        assert_eq!(mentions(&all), [Report, Report, Background]);
    }

    #[test]
    fn context_is_background_even_alone_and_lists_are_reports() {
        let mut recalled = told(day(2), false);
        recalled.context = true;
        recalled.only_context = true;
        let mut item = told(day(3), false);
        item.list_item = true;
        assert_eq!(
            mentions(&[told(day(10), true), recalled, item]),
            [Report, Background, Report]
        );
        let mut alone = told(day(2), false);
        alone.context = true;
        alone.only_context = true;
        assert_eq!(mentions(&[alone]), [Background]);
    }

    #[test]
    fn a_follow_up_story_reports_the_attack_it_pursues() {
        let attack = told(day(2), false);
        let mut arrests = told(day(10), true);
        arrests.pursues = true;
        assert_eq!(mentions(&[attack, arrests]), [Report, Report]);
    }
}
