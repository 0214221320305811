//! In-document merging, once every incident is built: a group shared by
//! the incidents a statement counted together or a pursuit followed, twins
//! told without figures, and sums that only add up incidents told apart.

use super::{near, EventType, Incident};

/// "Two facilitators of the bomber were caught": an operation after the
/// people of an attack told before fights that attack's group.
pub(super) fn pursued_group(out: &mut [(Incident, usize, usize)], pursues: &[bool]) {
    for i in 0..out.len() {
        let operation = out[i].0.event_type == Some(EventType::SecurityOperation);
        if !pursues[i] || !operation || out[i].0.militant_group.is_some() {
            continue;
        }
        let attack = out[..i].iter().rev().find(|o| {
            o.0.event_type != Some(EventType::SecurityOperation) && o.0.militant_group.is_some()
        });
        if let Some(attack) = attack {
            out[i].0.militant_group = attack.0.militant_group.clone();
        }
    }
}

/// "Seven terrorists were killed in two engagements ... the khwarij's
/// location ... In another encounter, three terrorists": the engagements of
/// one statement fight the group it names in any of them, if it names one.
/// Only operations of one day: a group blamed in passing for attacks is no
/// claim for the others.
pub(super) fn share_statement_group(
    out: &mut [(Incident, usize, usize)],
    counted_in: &[Option<usize>],
) {
    let operation = |o: &Incident| o.event_type == Some(EventType::SecurityOperation);
    for (i, statement) in counted_in.iter().enumerate() {
        let Some(statement) = statement else { continue };
        if out[i].0.militant_group.is_some() || !operation(&out[i].0) {
            continue;
        }
        let day = out[i].0.date_start;
        let mut groups = counted_in
            .iter()
            .zip(out.iter())
            .filter(|(s, o)| {
                s.as_ref() == Some(statement) && operation(&o.0) && o.0.date_start == day
            })
            .filter_map(|(_, o)| o.0.militant_group.clone());
        let first = groups.next();
        if groups.all(|g| Some(&g) == first.as_ref()) {
            out[i].0.militant_group = first;
        }
    }
}

/// An incident with no figures at the same district and (within a day) the
/// same date as one with figures is the same event told twice, unless the
/// day differs and so does the locality.
pub(super) fn merge_countless_twins(
    out: &mut Vec<(Incident, usize, usize)>,
    sums: &mut Vec<Option<Sum>>,
    told_apart: &[bool],
) {
    let countless =
        |i: &Incident| i.killed.is_empty() && i.injured.is_empty() && i.arrested.is_none();
    let mut drop = vec![false; out.len()];
    for i in 0..out.len() {
        if !countless(&out[i].0) || out[i].0.district.is_none() || told_apart[i] {
            continue;
        }
        let twin = near(i, out.len()).find(|&j| {
            let compatible = out[i].0.event_type == out[j].0.event_type
                || matches!(
                    out[i].0.event_type,
                    Some(EventType::MilitantAttack) | Some(EventType::Other)
                );
            // "a convoy was attacked near Bagan ... The following day,
            // gunmen killed two drivers in Mandori": other localities on
            // other days are other events.
            let other_locality = matches!(
                (&out[i].0.place, &out[j].0.place),
                (Some(a), Some(b)) if a != b
            );
            let gap = days_apart(&out[i].0, &out[j].0);
            j != i
                && !drop[j]
                && compatible
                && !countless(&out[j].0)
                && out[j].0.district == out[i].0.district
                && gap.is_some_and(|d| d == 0 || d == 1 && !other_locality)
        });
        if let Some(j) = twin {
            drop[i] = true;
            if out[j].0.militant_group.is_none() {
                out[j].0.militant_group = out[i].0.militant_group.clone();
            }
            out[j].0.cross_border |= out[i].0.cross_border;
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
    let mut k = 0;
    sums.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

fn days_apart(a: &Incident, b: &Incident) -> Option<i64> {
    let (a0, a1, b0, b1) = (a.date_start?, a.date_end?, b.date_start?, b.date_end?);
    Some(if a1 < b0 {
        (b0 - a1).num_days()
    } else if b1 < a0 {
        (a0 - b1).num_days()
    } else {
        0
    })
}

/// An incident that counts several events together: how many, and the
/// districts and provinces it names.
pub(super) struct Sum {
    pub(super) events: u32,
    pub(super) areas: Vec<String>,
    /// The districts among the areas.
    pub(super) districts: Vec<String>,
}

pub(super) fn absorb_sums(out: &mut Vec<(Incident, usize, usize)>, sums: &[Option<Sum>]) {
    let mut drop = vec![false; out.len()];
    for i in 0..out.len() {
        let total = match out[i].0.killed.total() {
            Some(t) if t > 0 => t,
            _ => continue,
        };
        // A count of several events in one district adds up that district's parts.
        let within = out[i].0.district.clone();
        if within.is_some() && sums[i].is_none() {
            continue;
        }
        let overlaps = |j: usize| match (days_apart(&out[i].0, &out[j].0), &sums[i]) {
            (Some(gap), Some(_)) => gap == 0,
            _ => out[j].0.date_start == out[i].0.date_start,
        };
        // "five killed in two engagements in Khyber and South Waziristan":
        // its parts lie in the areas it names.
        let in_areas = |j: usize| match &sums[i] {
            Some(sum) if !sum.districts.is_empty() => out[j]
                .0
                .district
                .as_ref()
                .is_some_and(|d| sum.districts.contains(d)),
            _ => true,
        };
        let parts: Vec<usize> = near(i, out.len())
            .filter(|&j| {
                // "twelve in five operations ... four in two of them": a
                // count of events is a part of a count of as many or more
                // (the number of events is not always read).
                let smaller = match (&sums[i], &sums[j]) {
                    (Some(whole), Some(part)) => part.events <= whole.events,
                    _ => true,
                };
                j != i
                    && !drop[j]
                    && smaller
                    && overlaps(j)
                    && in_areas(j)
                    && (out[j].0.district.is_some()
                        || (sums[i].is_some() || sums[j].is_some()) && out[j].0.province.is_some())
                    && (within.is_none() || out[j].0.district == within)
                    && out[j].0.country == out[i].0.country
            })
            .collect();
        let sum = parts
            .iter()
            .filter_map(|&j| out[j].0.killed.total())
            .fold(0, u32::saturating_add);
        // "Two separate attacks", each told next: the parts are the incidents.
        let inside = |j: usize, sum: &Sum| {
            let named = |v: &Option<String>| v.as_ref().is_some_and(|v| sum.areas.contains(v));
            named(&out[j].0.district) || named(&out[j].0.province)
        };
        let each_told = sums[i].as_ref().is_some_and(|sum| {
            let n = sum.events as usize;
            let next: Vec<usize> = (i + 1..out.len()).take(n).collect();
            next.len() == n
                && next.iter().all(|&j| sums[j].is_none() && inside(j, sum))
                && next
                    .iter()
                    .filter_map(|&j| out[j].0.killed.total())
                    .fold(0, u32::saturating_add)
                    <= total
        });
        if (parts.len() >= 2 || sums[i].is_some() && !parts.is_empty()) && sum == total || each_told
        {
            drop[i] = true;
            let (group, cross) = (out[i].0.militant_group.clone(), out[i].0.cross_border);
            for &j in &parts {
                if out[j].0.militant_group.is_none() {
                    out[j].0.militant_group = group.clone();
                }
                out[j].0.cross_border |= cross;
            }
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// An incident in `district` on March `day`, with `killed` of unknown side.
    fn incident(district: &str, place: Option<&str>, day: u32, killed: Option<u32>) -> Incident {
        let date = NaiveDate::from_ymd_opt(2025, 3, day);
        let mut incident = Incident {
            district: Some(district.to_string()),
            place: place.map(str::to_string),
            date_start: date,
            date_end: date,
            event_type: Some(EventType::MilitantAttack),
            ..Default::default()
        };
        incident.killed.unknown = killed;
        incident
    }

    fn rows(incidents: Vec<Incident>) -> Vec<(Incident, usize, usize)> {
        incidents.into_iter().map(|i| (i, 0, 0)).collect()
    }

    #[test]
    fn a_countless_twin_joins_the_incident_with_figures() {
        let mut named = incident("Bannu", None, 10, None);
        named.militant_group = Some("TTP".into());
        let mut out = rows(vec![named, incident("Bannu", None, 10, Some(3))]);
        let mut sums = vec![None, None];
        merge_countless_twins(&mut out, &mut sums, &[false, false]);
        assert_eq!(out.len(), 1);
        assert_eq!(sums.len(), 1);
        assert_eq!(out[0].0.militant_group.as_deref(), Some("TTP"));
    }

    #[test]
    fn no_twin_a_day_apart_elsewhere_or_when_told_apart() {
        let apart = || {
            rows(vec![
                incident("Kurram", Some("Bagan"), 4, None),
                incident("Kurram", Some("Mandori"), 5, Some(2)),
            ])
        };
        let mut out = apart();
        merge_countless_twins(&mut out, &mut vec![None, None], &[false, false]);
        assert_eq!(out.len(), 2);
        let mut out = rows(vec![
            incident("Tank", None, 4, None),
            incident("Tank", None, 5, Some(1)),
        ]);
        merge_countless_twins(&mut out, &mut vec![None, None], &[true, false]);
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn a_sum_of_incidents_told_apart_is_no_incident() {
        let mut out = rows(vec![
            incident("Bannu", None, 10, Some(5)),
            incident("Bannu", Some("Jani Khel"), 10, Some(2)),
            incident("Bannu", Some("Domel"), 10, Some(3)),
        ]);
        out[0].0.militant_group = Some("HGB".into());
        let sums = vec![
            Some(Sum {
                events: 2,
                areas: vec!["Bannu".into()],
                districts: vec!["Bannu".into()],
            }),
            None,
            None,
        ];
        absorb_sums(&mut out, &sums);
        let left: Vec<_> = out.iter().map(|(i, _, _)| i.place.as_deref()).collect();
        assert_eq!(left, [Some("Jani Khel"), Some("Domel")]);
        assert!(out
            .iter()
            .all(|(i, _, _)| i.militant_group.as_deref() == Some("HGB")));
    }
}
