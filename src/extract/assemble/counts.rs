//! Counts of an incident from the clues it was told in: parts of one side
//! add up within a clue; across clues the first figure stands unless a
//! later exact one replaces a bound, a toll update replaces it, or the
//! wounded who die move to the killed.

use super::{Casualty, Clues, DocumentClues, Draft, Outcome, Side};

/// Counts by outcome and side, each with its approximate flag.
// Fx: a tally has a dozen small keys, hashed for every clue of a draft.
pub(super) type Tally = rustc_hash::FxHashMap<(Outcome, Side), (u32, bool)>;

/// Counts of a draft: within a clue, parts of one side add up; across
/// clues, the first stated wins unless a later exact figure replaces an
/// approximate one, or "also" adds arrests.
pub(super) fn merge_counts(draft: &Draft, doc: &DocumentClues) -> (Tally, bool) {
    let mut merged = Tally::default();
    for &c in &draft.clues {
        add_to_tally(&mut merged, &doc.clues[c]);
    }
    let approximate = merged.values().any(|(v, a)| *a && *v > 0);
    (merged, approximate)
}

/// One step of [`merge_counts`]: the counts of the next clue of a draft.
pub(super) fn add_to_tally(merged: &mut Tally, clue: &Clues) {
    let mut local = Tally::default();
    // "The toll rose to 21 after four more miners died": the update is
    // the figure; the increment told with it is inside it.
    let updated: Vec<Outcome> = clue
        .counts()
        .filter(|k| k.update)
        .map(|k| k.outcome)
        .collect();
    // "24 died on the spot while two later succumbed to their injuries":
    // beside other deaths the wounded who died are a part of the toll told.
    let other_deaths = clue
        .counts()
        .any(|k| k.outcome == Outcome::Killed && !k.died_of_wounds && !k.zero);
    for cas in clue.counts() {
        if updated.contains(&cas.outcome) && !cas.update {
            continue;
        }
        if cas.died_of_wounds && (other_deaths || moved_to_killed(merged, cas)) {
            continue;
        }
        let entry = local.entry((cas.outcome, cas.side)).or_insert((0, false));
        entry.0 = entry.0.saturating_add(cas.value);
        entry.1 |= cas.approximate;
    }
    // A toll update is the latest figure: it replaces what was told.
    for cas in clue.counts().filter(|k| k.update) {
        let key = (cas.outcome, cas.side);
        let sides: u32 = merged
            .iter()
            .filter(|((o, s), _)| *o == cas.outcome && *s != Side::Unknown && *s != cas.side)
            .map(|(_, v)| v.0)
            .sum();
        if cas.side == Side::Unknown && sides > 0 {
            // Sides told before: the rest of the new toll is of unknown side.
            local.insert(key, (cas.value.saturating_sub(sides), cas.approximate));
            if cas.value <= sides {
                local.remove(&key);
            }
        }
        if let Some(v) = local.remove(&key) {
            merged.insert(key, v);
        }
    }
    if clue.plus_bomber {
        if let Some(entry) = local.get_mut(&(Outcome::Killed, Side::Militants)) {
            entry.0 = entry.0.saturating_add(1);
        }
    }
    split_unknown_total(clue, &mut local);
    restate_across_sides(merged, &mut local);
    for (key, value) in local {
        match merged.get_mut(&key) {
            None => {
                merged.insert(key, value);
            }
            Some(existing) => {
                // "an Afghan national was killed ... the operation in
                // which forces killed three terrorists": the one militant
                // told first is one of the later figure.
                let one_of_them = key.1 == Side::Militants
                    && *existing == (1, false)
                    && value.0 > 1
                    && !clue.also;
                if existing.1 && !value.1 && value.0 > 0 || one_of_them {
                    *existing = value;
                } else if key.0 == Outcome::Arrested && clue.also && value.0 != existing.0 {
                    existing.0 = existing.0.saturating_add(value.0);
                }
            }
        }
    }
}

/// The wounded told before who died ("one of the injured soldiers later
/// succumbed"): SPEC counts them once, as killed, and leaves that side's
/// injured null. False when no one of their side was told wounded or killed
/// before: then they are a plain count of the dead.
fn moved_to_killed(merged: &mut Tally, cas: &Casualty) -> bool {
    let injured_sides: Vec<Side> = merged
        .iter()
        .filter(|((o, _), (v, _))| *o == Outcome::Injured && *v > 0)
        .map(|((_, s), _)| *s)
        .collect();
    let side = match (cas.side, injured_sides.as_slice()) {
        (Side::Unknown, [only]) => *only,
        (side, _) => side,
    };
    let wounded = merged.remove(&(Outcome::Injured, side)).is_some();
    let killed = merged.get_mut(&(Outcome::Killed, side));
    match killed {
        Some(entry) => entry.0 = entry.0.saturating_add(cas.value),
        None if wounded => {
            merged.insert((Outcome::Killed, side), (cas.value, false));
        }
        None => return false,
    }
    true
}

/// One figure told again with other nouns across the clues of an incident:
/// "at least five passers-by were killed ... Five people died on the spot"
/// is the same five (the exact wording clears the bound), and "26 people
/// were killed ... 24 passengers died on the spot, while two later
/// succumbed" tells the 26 by side.
fn restate_across_sides(merged: &mut Tally, local: &mut Tally) {
    for outcome in [Outcome::Killed, Outcome::Injured] {
        // The sum over the known sides and whether any is approximate.
        let sides = |t: &Tally| -> Option<(u32, bool)> {
            t.iter()
                .filter(|((o, s), _)| *o == outcome && *s != Side::Unknown)
                .map(|(_, v)| *v)
                .reduce(|a, b| (a.0.saturating_add(b.0), a.1 || b.1))
        };
        let unknown = (outcome, Side::Unknown);
        match (
            sides(merged),
            merged.get(&unknown).copied(),
            local.get(&unknown).copied(),
            sides(local),
        ) {
            // Sides told, then the same total without a side.
            (Some((told, _)), _, Some((again, exact_again)), None)
                if told == again && again > 0 =>
            {
                local.remove(&unknown);
                if !exact_again {
                    for ((o, s), v) in merged.iter_mut() {
                        if *o == outcome && *s != Side::Unknown {
                            v.1 = false;
                        }
                    }
                }
            }
            // A total without a side, then its parts by side.
            (None, Some((total, _)), None, Some((parts, _))) if parts == total && total > 0 => {
                merged.remove(&unknown);
            }
            // A total without a side, then some of its people by side ("among
            // the injured was a shopkeeper"): parts of the total, not more.
            (None, Some((total, _)), None, Some((parts, _)))
                if parts < total && outcome == Outcome::Injured =>
            {
                local.retain(|(o, s), _| *o != outcome || *s == Side::Unknown);
            }
            _ => {}
        }
    }
}

/// "eight people, including five soldiers and three civilians": parts that
/// add up to the total replace it.
fn split_unknown_total(clue: &Clues, local: &mut Tally) {
    for outcome in [Outcome::Killed, Outcome::Injured] {
        let Some(&(total, approx)) = local.get(&(outcome, Side::Unknown)) else {
            continue;
        };
        let parts: Vec<_> = clue
            .casualties
            .iter()
            .filter(|c| c.part && c.outcome == outcome && c.side != Side::Unknown)
            .collect();
        let sum = parts.iter().fold(0, |n: u32, c| n.saturating_add(c.value));
        if parts.len() >= 2 && sum == total {
            local.remove(&(outcome, Side::Unknown));
            for p in parts {
                let e = local.entry((outcome, p.side)).or_insert((0, approx));
                e.0 = e.0.saturating_add(p.value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::clues_of;
    use super::*;

    /// The tally of every clue of `text`, in order, as one incident's.
    fn tally(text: &str) -> Vec<(Outcome, Side, u32, bool)> {
        let doc = clues_of(text);
        let mut merged = Tally::default();
        for clue in &doc.clues {
            add_to_tally(&mut merged, clue);
        }
        let mut out: Vec<_> = merged
            .into_iter()
            .map(|((o, s), (v, a))| (o, s, v, a))
            .collect();
        out.sort_by_key(|&(o, s, _, _)| (o as u8, s as u8));
        out
    }

    use Outcome::{Arrested, Injured, Killed};
    use Side::{Civilians, Militants, Security, Unknown};

    #[test]
    fn the_first_figure_stands() {
        assert_eq!(
            tally(
                "Three soldiers were martyred in Bannu. Two soldiers were killed, a source said."
            ),
            [(Killed, Security, 3, false)]
        );
    }

    #[test]
    fn an_exact_figure_replaces_a_bound() {
        assert_eq!(
            tally("At least six labourers were killed in Kech. Six labourers died on the spot."),
            [(Killed, Civilians, 6, false)]
        );
    }

    #[test]
    fn a_toll_update_leaves_the_rest_to_the_unknown_side() {
        assert_eq!(
            tally("Two soldiers were martyred in Bannu. The death toll rose to five."),
            [(Killed, Security, 2, false), (Killed, Unknown, 3, false)]
        );
    }

    #[test]
    fn the_wounded_who_die_move_to_the_killed() {
        assert_eq!(
            tally("A soldier was martyred and four others were injured in Kurram. One of the injured soldiers later died."),
            [(Killed, Security, 2, false)]
        );
        // Told beside other deaths, they are a part of the toll.
        assert_eq!(
            tally("Fourteen worshippers were killed and 30 injured. Twelve died on the spot while two others succumbed to their wounds."),
            [(Killed, Civilians, 14, false), (Injured, Civilians, 30, false)]
        );
    }

    #[test]
    fn arrests_told_with_also_add_up() {
        assert_eq!(
            tally("Police arrested three suspects in Quetta. Police also arrested two suspects."),
            [(Arrested, Militants, 5, false)]
        );
    }
}
