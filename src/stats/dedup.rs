//! `deduplicate`: one row per real event reported by several documents.
//!
//! Two incidents from different documents are the same event when they
//! happened in the same district (or, without a district, the same named
//! place), their date ranges come within `window_days` of each other, their
//! event types are compatible, and their death and injury tolls are
//! compatible. Ranges, not first days, are compared so that a date's
//! precision is honoured: "March last year" (all of March) and "March 26"
//! can be one event, while two day-precise reports a fortnight apart are not.
//! A cluster only holds incidents that are pairwise the same event
//! (complete linkage), never two incidents of one document, and is built in
//! a fixed order, so the result does not depend on the order of the input
//! rows.

use std::cmp::Ordering;

use chrono::NaiveDate;
use polars::prelude::*;

use super::error::{StatsError, StatsResult};
use super::grouping::Mention;
use super::table::MENTION_COLUMN;
use super::table::{Table, COUNT_COLUMNS};
use crate::frame::{incidents_to_frame, SPEC_COLUMN_NAMES};
use crate::incident::{DatePrecision, EventType, Incident, Nationality, SideCounts};

/// One input row with the counts as the frame gave them.
struct Row {
    incident: Incident,
    /// `COUNT_COLUMNS` in order.
    counts: [Option<u32>; 11],
    /// `report` or `background`, when the frame says.
    mention: Option<String>,
}

const KILLED_TOTAL: usize = 4;
const INJURED_TOTAL: usize = 9;

fn read_rows(table: &Table, has_mention: bool) -> Vec<Row> {
    let text = |name: &str, row: usize| table.str(name).get(row).map(str::to_string);
    let date = |name: &str, row: usize| table.date(name).get(row).map(from_epoch_days);
    let nationalities = table.nationalities();
    (0..table.height())
        .map(|row| {
            let mut counts = [None; 11];
            for (slot, name) in counts.iter_mut().zip(COUNT_COLUMNS) {
                *slot = table.u32(name).get(row);
            }
            let incident = Incident {
                doc_id: text("doc_id", row).unwrap_or_default(),
                incident_id: text("incident_id", row).unwrap_or_default(),
                published: date("published", row),
                date_start: date("date_start", row),
                date_end: date("date_end", row),
                date_precision: table
                    .str("date_precision")
                    .get(row)
                    .and_then(DatePrecision::parse),
                country: text("country", row),
                province: text("province", row),
                district: text("district", row),
                place: text("place", row),
                event_type: table.str("event_type").get(row).and_then(EventType::parse),
                killed: sides(&counts[..4]),
                injured: sides(&counts[5..9]),
                arrested: counts[10],
                approximate: table.bool("approximate").get(row) == Some(true),
                militant_group: text("militant_group", row),
                militant_nationalities: nationalities
                    .row(row)
                    .filter_map(|(name, count)| {
                        Some(Nationality {
                            nationality: name?.to_string(),
                            count,
                        })
                    })
                    .collect(),
                cross_border: table.bool("cross_border").get(row) == Some(true),
                operation: text("operation", row),
                mention: None,
                text: text("text", row).unwrap_or_default(),
                start: table.u32("start").get(row).unwrap_or(0),
                end: table.u32("end").get(row).unwrap_or(0),
            };
            // Kept as written beside the incident: merging reads it as text.
            let mention = has_mention
                .then(|| table.str(MENTION_COLUMN).get(row).map(str::to_string))
                .flatten();
            Row {
                incident,
                counts,
                mention,
            }
        })
        .collect()
}

fn sides(parts: &[Option<u32>]) -> SideCounts {
    SideCounts {
        security: parts[0],
        civilians: parts[1],
        militants: parts[2],
        unknown: parts[3],
    }
}

fn from_epoch_days(days: i32) -> NaiveDate {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid epoch");
    epoch + chrono::Duration::days(i64::from(days))
}

/// Where an incident happened, for matching: its district, else its place.
fn location(incident: &Incident) -> Option<(bool, String)> {
    match (&incident.district, &incident.place) {
        (Some(district), _) => Some((true, district.clone())),
        (None, Some(place)) => Some((false, place.to_lowercase())),
        (None, None) => None,
    }
}

/// Attacks by militants and operations by the security forces are never the
/// same event; `other` or an unknown type matches either.
fn family(event: Option<EventType>) -> Option<bool> {
    match event? {
        EventType::SecurityOperation | EventType::BorderInfiltration => Some(false),
        EventType::Other => None,
        _ => Some(true),
    }
}

/// Tolls are compatible when one is unknown or they are close: reports of
/// one event often differ as the toll rises, rarely by more than double.
fn tolls_compatible(a: Option<u32>, b: Option<u32>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.max(b) <= 2 * a.min(b) + 3,
        _ => true,
    }
}

/// The days an incident covers: `date_start..=date_end`.
fn date_range(incident: &Incident) -> Option<(NaiveDate, NaiveDate)> {
    let start = incident.date_start?;
    Some((start, incident.date_end.unwrap_or(start).max(start)))
}

/// Whether two ranges come within `window_days` of each other: each,
/// widened by the window, overlaps the other.
fn ranges_meet(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate), window_days: u32) -> bool {
    let window = chrono::Duration::days(i64::from(window_days));
    a.0 <= b.1 + window && b.0 <= a.1 + window
}

fn same_event(a: &Row, b: &Row, window_days: u32) -> bool {
    let (x, y) = (&a.incident, &b.incident);
    let close_in_time = match (date_range(x), date_range(y)) {
        (Some(r), Some(q)) => ranges_meet(r, q, window_days),
        _ => false,
    };
    let families = (family(x.event_type), family(y.event_type));
    let types_agree = match families {
        (Some(f), Some(g)) => f == g,
        _ => true,
    };
    x.doc_id != y.doc_id
        && close_in_time
        && types_agree
        && location(x) == location(y)
        && tolls_compatible(a.counts[KILLED_TOTAL], b.counts[KILLED_TOTAL])
        && tolls_compatible(a.counts[INJURED_TOTAL], b.counts[INJURED_TOTAL])
}

/// The order clusters are built in: by place, date, document, incident.
fn build_order(rows: &[Row]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let key = |i: usize| {
        let x = &rows[i].incident;
        (
            location(x),
            x.date_start.is_none(),
            x.date_start,
            &x.doc_id,
            &x.incident_id,
        )
    };
    order.sort_by(|&a, &b| key(a).cmp(&key(b)).then(a.cmp(&b)));
    order
}

fn cluster(rows: &[Row], window_days: u32) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    // Clusters of the current location that a later row may still join.
    let mut open: Vec<usize> = Vec::new();
    let mut current: Option<(bool, String)> = None;
    for i in build_order(rows) {
        let x = &rows[i].incident;
        let here = location(x);
        if here.is_none() || x.date_start.is_none() {
            clusters.push(vec![i]);
            continue;
        }
        if here != current {
            open.clear();
            current = here;
        }
        let start = x.date_start.expect("checked above");
        // Rows come in order of first day: a cluster whose every range ends
        // more than the window before this row starts can take no more rows.
        open.retain(|&c| {
            let last = clusters[c]
                .iter()
                .filter_map(|&m| date_range(&rows[m].incident).map(|(_, end)| end))
                .max();
            last.is_some_and(|last| (start - last).num_days() <= i64::from(window_days))
        });
        let home = open.iter().copied().find(|&c| {
            clusters[c]
                .iter()
                .all(|&m| same_event(&rows[m], &rows[i], window_days))
        });
        match home {
            Some(c) => clusters[c].push(i),
            None => {
                clusters.push(vec![i]);
                open.push(clusters.len() - 1);
            }
        }
    }
    clusters
}

fn precision_rank(precision: Option<DatePrecision>) -> u8 {
    match precision {
        Some(DatePrecision::Day) => 0,
        Some(DatePrecision::Week) => 1,
        Some(DatePrecision::Month) => 2,
        Some(DatePrecision::Year) => 3,
        Some(DatePrecision::Published) => 4,
        None => 5,
    }
}

/// The member whose row the merged row starts from: the most precise date,
/// then the most counts stated, then the earliest publication.
fn representative(rows: &[Row], members: &[usize]) -> usize {
    let rank = |&m: &usize| {
        let row = &rows[m];
        let stated = row.counts.iter().filter(|c| c.is_some()).count();
        (
            precision_rank(row.incident.date_precision),
            std::cmp::Reverse(stated),
            row.incident.published.is_none(),
            row.incident.published,
        )
    };
    *members
        .iter()
        .min_by(|a, b| rank(a).cmp(&rank(b)).then(Ordering::Equal))
        .expect("clusters are not empty")
}

/// A merged event: its row, and per count the range the sources reported.
struct Merged {
    incident: Incident,
    /// `report` when any source brings news of the event, else `background`.
    mention: Option<String>,
    counts: [Option<u32>; 11],
    ranges: [(Option<u32>, Option<u32>); 11],
    sources: Vec<(String, String)>,
}

fn merge(rows: &[Row], members: &[usize]) -> Merged {
    let rep = representative(rows, members);
    let mut incident = rows[rep].incident.clone();
    let others = || members.iter().map(|&m| &rows[m].incident);
    fill(&mut incident.country, others().map(|x| &x.country));
    fill(&mut incident.province, others().map(|x| &x.province));
    fill(&mut incident.district, others().map(|x| &x.district));
    fill(&mut incident.place, others().map(|x| &x.place));
    fill(
        &mut incident.militant_group,
        others().map(|x| &x.militant_group),
    );
    fill(&mut incident.operation, others().map(|x| &x.operation));
    if matches!(incident.event_type, None | Some(EventType::Other)) {
        if let Some(specific) = others()
            .filter_map(|x| x.event_type)
            .find(|e| *e != EventType::Other)
        {
            incident.event_type = Some(specific);
        }
    }
    incident.cross_border = others().any(|x| x.cross_border);
    incident.militant_nationalities = union_nationalities(others());
    let mut counts = [None; 11];
    let mut ranges = [(None, None); 11];
    let mut approximate = false;
    for k in 0..11 {
        let reported = || {
            members
                .iter()
                .filter_map(|&m| rows[m].counts[k].map(|v| (v, rows[m].incident.approximate)))
        };
        ranges[k] = (
            reported().map(|(v, _)| v).min(),
            reported().map(|(v, _)| v).max(),
        );
        let exact = reported()
            .filter(|(_, approx)| !approx)
            .map(|(v, _)| v)
            .max();
        counts[k] = exact.or(ranges[k].1);
        approximate |= exact.is_none() && ranges[k].1.is_some();
    }
    if counts.iter().all(Option::is_none) {
        approximate = incident.approximate;
    }
    incident.approximate = approximate;
    incident.killed = sides(&counts[..4]);
    incident.injured = sides(&counts[5..9]);
    incident.arrested = counts[10];
    let sources = members
        .iter()
        .map(|&m| {
            (
                rows[m].incident.doc_id.clone(),
                rows[m].incident.incident_id.clone(),
            )
        })
        .collect();
    let mentions = || members.iter().filter_map(|&m| rows[m].mention.as_deref());
    let mention = if mentions().any(|m| m == "report") {
        Some("report".to_string())
    } else {
        mentions().next().map(str::to_string)
    };
    Merged {
        incident,
        mention,
        counts,
        ranges,
        sources,
    }
}

fn fill<'a>(slot: &mut Option<String>, candidates: impl Iterator<Item = &'a Option<String>>) {
    if slot.is_none() {
        *slot = candidates.flatten().next().cloned();
    }
}

fn union_nationalities<'a>(incidents: impl Iterator<Item = &'a Incident>) -> Vec<Nationality> {
    let mut union: Vec<Nationality> = Vec::new();
    for n in incidents.flat_map(|x| &x.militant_nationalities) {
        match union.iter_mut().find(|u| u.nationality == n.nationality) {
            Some(u) => u.count = u.count.max(n.count),
            None => union.push(n.clone()),
        }
    }
    union
}

/// Merge incidents from different documents that describe the same event.
/// The result has the SPEC columns (the counts are the best estimate: the
/// largest exact count reported, else the largest approximate one; with a
/// `mention` column, `report` when any source reports the event),
/// `n_sources`, `sources` (doc_id and incident_id of every merged row) and,
/// for every count column, `{column}_min` and `{column}_max`. `mention`
/// keeps every incident, or only one kind, before merging.
pub fn deduplicate(
    frame: &DataFrame,
    window_days: u32,
    mention: Mention,
) -> StatsResult<DataFrame> {
    mention.check(frame)?;
    let has_mention = frame.column(MENTION_COLUMN).is_ok();
    // `mention` is read when present: frames of older versions lack it.
    let names: Vec<&'static str> = SPEC_COLUMN_NAMES
        .into_iter()
        .filter(|&name| has_mention || name != MENTION_COLUMN)
        .collect();
    let table = Table::new(frame, &names, "incidents")?;
    let rows: Vec<Row> = read_rows(&table, has_mention)
        .into_iter()
        .filter(|row| {
            mention
                .value()
                .is_none_or(|kept| row.mention.as_deref() == Some(kept))
        })
        .collect();
    let mut merged: Vec<Merged> = cluster(&rows, window_days)
        .iter()
        .map(|c| merge(&rows, c))
        .collect();
    merged.sort_by(|a, b| {
        let key = |m: &Merged| {
            let x = &m.incident;
            (
                x.date_start.is_none(),
                x.date_start,
                x.doc_id.clone(),
                x.incident_id.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    let mention_dtype = frame.column(MENTION_COLUMN).ok().map(|c| c.dtype().clone());
    to_frame(&merged, mention_dtype.as_ref()).map_err(|e| StatsError::polars("incidents", e))
}

fn to_frame(merged: &[Merged], mention_dtype: Option<&DataType>) -> PolarsResult<DataFrame> {
    let incidents: Vec<Incident> = merged.iter().map(|m| m.incident.clone()).collect();
    let mut frame = incidents_to_frame(&incidents)?;
    if mention_dtype.is_none() {
        // The caller's frame has no mention: neither has the merged one.
        frame = frame.drop(MENTION_COLUMN)?;
    }
    if let Some(dtype) = mention_dtype {
        // The merged mention, in the caller's dtype, after `operation` as
        // in the SPEC (replacing the column when the frame already has one).
        let values: Vec<Option<&str>> = merged.iter().map(|m| m.mention.as_deref()).collect();
        let column = Column::new(MENTION_COLUMN.into(), values).cast(dtype)?;
        if frame.column(MENTION_COLUMN).is_ok() {
            frame.with_column(column)?;
        } else {
            let at = frame
                .get_column_index("operation")
                .map_or(frame.width(), |i| i + 1);
            frame.insert_column(at, column)?;
        }
    }
    // Totals are merged on their own: the largest exact total reported may
    // exceed the sum of the merged parts.
    for (k, name) in [
        (KILLED_TOTAL, "killed_total"),
        (INJURED_TOTAL, "injured_total"),
    ] {
        let values: Vec<Option<u32>> = merged.iter().map(|m| m.counts[k]).collect();
        frame.with_column(Column::new(name.into(), values))?;
    }
    let n_sources: Vec<u32> = merged.iter().map(|m| m.sources.len() as u32).collect();
    frame.with_column(Column::new("n_sources".into(), n_sources))?;
    frame.with_column(sources_column(merged)?)?;
    for (k, name) in COUNT_COLUMNS.iter().enumerate() {
        let low: Vec<Option<u32>> = merged.iter().map(|m| m.ranges[k].0).collect();
        let high: Vec<Option<u32>> = merged.iter().map(|m| m.ranges[k].1).collect();
        frame.with_column(Column::new(format!("{name}_min").into(), low))?;
        frame.with_column(Column::new(format!("{name}_max").into(), high))?;
    }
    Ok(frame)
}

fn sources_column(merged: &[Merged]) -> PolarsResult<Column> {
    let inner = DataType::Struct(vec![
        Field::new("doc_id".into(), DataType::String),
        Field::new("incident_id".into(), DataType::String),
    ]);
    let total = merged.iter().map(|m| m.sources.len()).sum();
    let mut builder = polars::chunked_array::builder::get_list_builder(
        &inner,
        total,
        merged.len(),
        "sources".into(),
    );
    for m in merged {
        let docs: Vec<&str> = m.sources.iter().map(|s| s.0.as_str()).collect();
        let ids: Vec<&str> = m.sources.iter().map(|s| s.1.as_str()).collect();
        let fields = [
            Series::new("doc_id".into(), docs),
            Series::new("incident_id".into(), ids),
        ];
        let row = StructChunked::from_series("".into(), fields[0].len(), fields.iter())?;
        builder.append_series(&row.into_series())?;
    }
    Ok(builder.finish().into_series().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, m, d).expect("a valid day")
    }

    #[test]
    fn ranges_meet_within_the_window() {
        let march = (day(3, 1), day(3, 31));
        // "March last year" and "March 26": the day lies inside the month.
        assert!(ranges_meet(march, (day(3, 26), day(3, 26)), 0));
        // Days two apart meet with a window of two, not of one.
        let (a, b) = ((day(3, 5), day(3, 5)), (day(3, 7), day(3, 7)));
        assert!(ranges_meet(a, b, 2) && ranges_meet(b, a, 2));
        assert!(!ranges_meet(a, b, 1));
        // Ranges that end before the other starts meet only across the gap.
        assert!(!ranges_meet(march, (day(4, 3), day(4, 9)), 2));
        assert!(ranges_meet(march, (day(4, 2), day(4, 9)), 2));
    }
}
