//! The event type of an incident: the cues of its clues weighed in the
//! SPEC order (suicide attack, cross-border attack, infiltration,
//! kidnapping, targeted killing, bombing, militant attack, operation), with
//! who started it and whom it singled out.

use super::{Clues, DocumentClues, Draft, EventType, Outcome, Side, Strength, Tally};

/// A shooting aimed at one person, or at a prominent one, is a targeted killing.
fn targeted(draft: &Draft, doc: &DocumentClues, counts: &Tally) -> bool {
    let shooting = draft.close.iter().any(|&c| doc.clues[c].shooting);
    // "laid siege to the home of a security official": singled out, even
    // when he comes to no harm.
    let home = draft.close.iter().any(|&c| doc.clues[c].home_attack);
    let post = draft.close.iter().any(|&c| doc.clues[c].post_fired_on);
    if !shooting && !home || post {
        return false;
    }
    let victims: u32 = counts
        .iter()
        .filter(|((o, s), _)| *o != Outcome::Arrested && *s != Side::Militants)
        .fold(0, |n: u32, (_, (v, _))| n.saturating_add(*v));
    let prominent = draft
        .close
        .iter()
        .take(2)
        .any(|&c| doc.clues[c].prominent_victim);
    victims == 1 || prominent || home && victims == 0
}

pub(super) fn event_type(
    draft: &Draft,
    doc: &DocumentClues,
    counts: &Tally,
    country: Option<&str>,
) -> EventType {
    let cues: Vec<_> = draft
        .close
        .iter()
        .flat_map(|&c| doc.clues[c].cues.iter())
        .collect();
    // A list's lead-in ("details of the operations are as follows:") tells
    // what its items are.
    let lead_told = draft
        .context
        .is_some_and(|s| doc.clues[draft.clues[0]].list_item && doc.clues[s].operation_told);
    let operation_told = lead_told || draft.close.iter().any(|&c| doc.clues[c].operation_told);
    let kidnapping = cues.iter().any(|c| c.event == EventType::Kidnapping);
    let assault = cues
        .iter()
        .any(|c| c.event == EventType::MilitantAttack && c.strength == Strength::Strong);
    // Arrests alone, made in an operation: the attack named is what the
    // suspects are held for.
    let arrests_only = !counts.is_empty() && counts.keys().all(|(o, _)| *o == Outcome::Arrested);
    if arrests_only && cues.iter().any(|c| c.event == EventType::SecurityOperation) {
        return EventType::SecurityOperation;
    }
    let mut best: Option<EventType> = None;
    for cue in &cues {
        if cue.strength == Strength::Weak && (operation_told || kidnapping) {
            continue;
        }
        // Grenades thrown in an armed assault are its weapons.
        if cue.strength == Strength::Weak && cue.event == EventType::Bombing && assault {
            continue;
        }
        let mut event = cue.event;
        // A strike inside Afghanistan is a strike across the border.
        if event == EventType::SecurityOperation && country == Some("Afghanistan") {
            event = EventType::CrossBorderAttack;
        }
        best = Some(best.map_or(event, |b| b.min(event)));
    }
    if best.is_none_or(|b| b >= EventType::MilitantAttack) && targeted(draft, doc, counts) {
        return EventType::TargetedKilling;
    }
    if let Some(b) = best {
        // An exchange of fire while forces conduct an operation is theirs.
        if b == EventType::MilitantAttack
            && operation_told
            && !attack_started_by_militants(draft, doc)
        {
            return EventType::SecurityOperation;
        }
        return b;
    }
    if let Some(lead) = draft.context {
        if let Some(e) = doc.clues[lead].cues.iter().map(|c| c.event).min() {
            return e;
        }
    }
    let militants = counts
        .iter()
        .any(|((o, s), (v, _))| *o == Outcome::Killed && *s == Side::Militants && *v > 0);
    let others = counts
        .iter()
        .any(|((_, s), (v, _))| matches!(s, Side::Security | Side::Civilians) && *v > 0);
    if militants && !others {
        EventType::SecurityOperation
    } else if others {
        EventType::MilitantAttack
    } else {
        EventType::Other
    }
}

fn attack_started_by_militants(draft: &Draft, doc: &DocumentClues) -> bool {
    // Militants fired first only if the text tells their attack before the
    // forces' operation: "militants opened fire on the troops" during a
    // search operation told before it is still the operation.
    let first =
        |pred: &dyn Fn(&Clues) -> bool| draft.close.iter().position(|&c| pred(&doc.clues[c]));
    let attack = first(&|clue: &Clues| {
        clue.cues
            .iter()
            .any(|cue| cue.event == EventType::MilitantAttack && cue.strength == Strength::Strong)
            && !clue.operation_told
    });
    let operation = first(&|clue: &Clues| clue.operation_told);
    match (attack, operation) {
        (Some(a), Some(o)) => a < o,
        (Some(_), None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{clues_of, one_draft};
    use super::*;

    fn typed(text: &str) -> EventType {
        let doc = clues_of(text);
        let draft = one_draft(&doc);
        let (counts, _) = super::super::merge_counts(&draft, &doc);
        event_type(&draft, &doc, &counts, Some("Pakistan"))
    }

    #[test]
    fn who_was_singled_out() {
        assert_eq!(
            typed("Gunmen shot dead a tribal elder outside his home in Bannu."),
            EventType::TargetedKilling
        );
        // Fire on a post or a convoy is an assault, even with one death.
        assert_eq!(
            typed("Militants opened fire on a police checkpoint in Tank, killing a constable."),
            EventType::MilitantAttack
        );
    }

    #[test]
    fn how_the_explosion_came() {
        assert_eq!(
            typed("A suicide bomber blew himself up near a police van in Quetta, killing three policemen."),
            EventType::SuicideAttack
        );
        assert_eq!(
            typed("A roadside bomb went off near a school in Kech, killing two children."),
            EventType::Bombing
        );
    }

    #[test]
    fn who_started_it() {
        assert_eq!(
            typed("Security forces conducted an intelligence-based operation in Tank and killed four terrorists."),
            EventType::SecurityOperation
        );
        assert_eq!(
            typed("Terrorists attacked a check post in Lakki Marwat; two soldiers were martyred."),
            EventType::MilitantAttack
        );
    }
}
