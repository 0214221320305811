//! Casualty counts by side and outcome: "13 civilians martyred and 32 others
//! injured", "killing at least 24 people", "neutralised three khwarij, while
//! two were injured", "the martyrdom of Havildar Shahid Iqbal".

use super::numbers::{between_at, count_at, Count};
use super::tokens::{Token, TokenKind};
pub use super::words::Outcome;
use super::words::{class, predicate_phrases, word_classes};
use crate::lexicon::{lexicon, Side};

/// One count read from a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Casualty {
    pub outcome: Outcome,
    pub side: Side,
    pub value: u32,
    pub approximate: bool,
    /// First and one-past-last token of the count phrase.
    pub first: usize,
    pub next: usize,
    /// Tokens of the noun phrase (after the number).
    pub noun_first: usize,
    pub noun_next: usize,
    /// A part of a total ("including two officers"): not added.
    pub part: bool,
    /// "none of the police were harmed": a stated zero.
    pub zero: bool,
    /// "the death toll rose to 54": the latest figure, replacing earlier ones.
    pub update: bool,
    /// "one of the injured later succumbed": wounded told before who died,
    /// to be moved from the injured to the killed.
    pub died_of_wounds: bool,
}

struct Predicate {
    at: usize,
    len: usize,
    outcome: Outcome,
}

/// The predicate classes of a word glued to the next by a lost space or
/// dash ("injuredamong"), if it is one.
fn glued_predicate(word: &str) -> Option<u16> {
    const GLUE: &[&str] = &["among", "and", "including", "while", "in", "on", "at"];
    GLUE.iter().find_map(|glue| {
        let head = word.strip_suffix(glue)?;
        let classes = word_classes(head) & class::PREDICATE;
        (classes != 0).then_some(classes)
    })
}

fn phrase_at(tokens: &[Token<'_>], i: usize) -> Option<(&'static [&'static str], Outcome)> {
    if !tokens.get(i)?.in_class(class::PHRASE_START) {
        return None;
    }
    predicate_phrases()
        .iter()
        .find(|(words, _)| {
            words
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.is(w)))
        })
        .map(|(words, outcome)| (words.as_slice(), *outcome))
}

fn predicates(tokens: &[Token<'_>]) -> Vec<Predicate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((words, outcome)) = phrase_at(tokens, i) {
            out.push(Predicate {
                at: i,
                len: words.len(),
                outcome,
            });
            i += words.len();
            continue;
        }
        let t = &tokens[i];
        let classes = glued_predicate(t.lower).unwrap_or(t.classes);
        let outcome = if classes & class::KILL != 0 {
            Some(Outcome::Killed)
        } else if classes & class::INJURE != 0 {
            Some(Outcome::Injured)
        } else if classes & class::ARREST != 0 {
            Some(Outcome::Arrested)
        } else {
            None
        };
        // "854 killed or wounded", "200 killed and injured": no count of either.
        let either = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|t| t.in_class(class::KILL | class::INJURE))
        };
        if outcome.is_some()
            && (tokens.get(i + 1).is_some_and(|t| t.is_any(&["or", "and"])) && either(i + 2)
                || i >= 2 && tokens[i - 1].is_any(&["or", "and"]) && either(i - 2))
        {
            i += 1;
            continue;
        }
        // "hoping to capture or kill him": a purpose, not an outcome.
        let infinitive = i >= 1 && tokens[i - 1].is("to")
            || i >= 3 && tokens[i - 1].is_any(&["or", "and"]) && tokens[i - 3].is("to");
        if let Some(outcome) = outcome.filter(|_| !infinitive) {
            out.push(Predicate {
                at: i,
                len: 1,
                outcome,
            });
        }
        i += 1;
    }
    out
}

/// Verbs whose object is not a casualty count.
const OBJECT_VERBS: &[&str] = &[
    "rescued",
    "rescuing",
    "freed",
    "freeing",
    "recovered",
    "recovering",
    "released",
    "evacuated",
    "evacuating",
    "saved",
    "held",
    "holding",
    "took",
    "taking",
    "carried",
    "carrying",
    "move",
    "moved",
    "handed",
    "transported",
];

/// `word` without its possessive endings ("army's" -> "army"), as
/// `trim_end_matches("'s").trim_end_matches("’s")` would give it; by
/// `strip_suffix`, which sets up no substring searcher for each word.
fn without_possessive(word: &str) -> &str {
    let mut word = word;
    while let Some(rest) = word.strip_suffix("'s") {
        word = rest;
    }
    while let Some(rest) = word.strip_suffix("’s") {
        word = rest;
    }
    word
}

fn side_of_words(tokens: &[Token<'_>], first: usize, next: usize) -> Option<Side> {
    let lex = lexicon();
    let mut best: Option<Side> = None;
    let rank = |s: Side| match s {
        Side::Militants => 4,
        Side::Security => 3,
        Side::Civilians => 2,
        Side::Unknown => 1,
    };
    for k in first..next {
        let word = without_possessive(tokens[k].lower);
        let mut found = lex.side_of(word);
        if let Some(n) = tokens
            .get(k + 1)
            .filter(|_| k + 1 < next && lex.starts_pair(word))
        {
            let pair = format!("{word} {}", n.lower);
            if let Some(s) = lex.side_of(&pair) {
                found = Some(s);
            }
        }
        if matches!(word, "armed" | "unidentified" | "masked" | "unknown") && k + 1 < next {
            found = Some(Side::Militants);
        }
        if let Some(s) = found {
            if best.is_none_or(|b| rank(s) > rank(b)) {
                best = Some(s);
            }
        }
    }
    // "a retired army subedar", "a former policeman": civilians now.
    let retired = (first..next).any(|k| tokens[k].is_any(&["retired", "former", "ex"]));
    if retired && best == Some(Side::Security) {
        return Some(Side::Civilians);
    }
    best
}

/// The noun phrase after a number: tokens up to a stop word, at most five;
/// once a people-noun is read, the phrase ends with the first other word
/// ("15 militants | attacked a post").
fn noun_phrase(tokens: &[Token<'_>], start: usize) -> usize {
    let lex = lexicon();
    let mut k = start;
    let mut head_seen = false;
    let mut limit = start + 5;
    while k < tokens.len() && k < limit {
        let t = &tokens[k];
        // "a 24-year-old Pakistan Army captain": the age is an adjective.
        if !head_seen && is_age(tokens, k) {
            let word = |d: usize| tokens.get(k + d).map_or("", |t| t.lower);
            let skip = if word(1) == "-" && word(3) == "-" {
                5
            } else {
                3
            };
            k += skip;
            limit += skip;
            continue;
        }
        // "three Federal Constabulary (FC) men": the acronym is an aside.
        let acronym_aside = t.raw == "("
            && tokens.get(k + 1).is_some_and(is_acronym)
            && tokens.get(k + 2).is_some_and(|c| c.raw == ")");
        if acronym_aside {
            k += 3;
            limit += 3;
            continue;
        }
        // 'three "wanted terrorists"': quotation marks inside a noun phrase.
        if matches!(t.raw, "\"" | "“" | "”" | "'" | "‘" | "’") {
            k += 1;
            continue;
        }
        let stop = t.kind == TokenKind::Punct
            || t.in_class(class::NP_STOP | class::PREDICATE | class::ACTION)
            || phrase_at(tokens, k).is_some();
        if stop {
            break;
        }
        let word = without_possessive(t.lower);
        // "Frontier Corps personnel": a two-word noun is read whole.
        let pair = tokens
            .get(k + 1)
            .filter(|_| lex.starts_pair(word))
            .is_some_and(|n| lex.side_of(&format!("{word} {}", n.lower)).is_some());
        let side_word = lex.side_of(word).is_some() || pair;
        if head_seen && !side_word {
            break;
        }
        head_seen |= side_word;
        k += if pair { 2 } else { 1 };
    }
    k
}

/// A count phrase at token `i` whose people can be casualties.
struct CountPhrase {
    count: Count,
    /// "their driver", "the opposition leader": counts only right after an
    /// active predicate or in coordination.
    noun_first: usize,
    noun_next: usize,
    side: Option<Side>,
    /// "of them", "others": side comes from context.
    anaphoric: bool,
}

impl CountPhrase {
    fn definite(&self, tokens: &[Token<'_>]) -> bool {
        let t = &tokens[self.count.first];
        t.is_any(&["the", "their", "his", "her", "its"])
            || t.lower.ends_with("'s")
            || t.lower.ends_with("’s")
    }

    fn bare(&self) -> bool {
        self.side.is_none() && !self.anaphoric
    }
}

fn count_phrase_at(tokens: &[Token<'_>], i: usize) -> Option<CountPhrase> {
    let t = tokens.get(i)?;
    // Indefinite singulars: "a soldier", "another police constable".
    if t.is_any(&["a", "an", "another", "one"]) && !tokens.get(i + 1).is_some_and(|n| n.is("dozen"))
    {
        let noun_next = noun_phrase(tokens, i + 1);
        let appositive = tokens.get(i + 1).is_some_and(|n| {
            n.is_any(&[
                "resident",
                "residents",
                "native",
                "son",
                "member",
                "relative",
                "brother",
                "father",
                "cousin",
            ])
        }) && tokens.get(i + 2).is_some_and(|n| n.is("of"));
        if appositive {
            return None;
        }
        let side = side_of_words(tokens, i + 1, noun_next)
            .map(|s| described_militant(tokens, noun_next, s));
        if side.is_none() && t.is("another") {
            // "another was injured", "wounding another", and with the verb
            // left out, "one was martyred and another wounded": one more of
            // the same side.
            let follows = tokens.get(i + 1);
            let alone = follows.is_none_or(|f| {
                f.kind == TokenKind::Punct
                    || f.is_any(&["was", "had", "is", "and", "were"])
                    || f.is_any(&["in", "near", "during", "when", "while"])
                    || f.is_any(&["wounded", "injured", "hurt", "killed", "martyred"])
                        && tokens.get(i + 2).is_none_or(|n| {
                            n.kind == TokenKind::Punct
                                || n.is_any(&["in", "near", "during", "when", "while", "and"])
                        })
            });
            if alone {
                return Some(CountPhrase {
                    count: Count {
                        value: 1,
                        approximate: false,
                        first: i,
                        next: i + 1,
                    },
                    noun_first: i + 1,
                    noun_next: i + 1,
                    side: None,
                    anaphoric: true,
                });
            }
            return None;
        }
        let Some(side) = side else {
            return if t.is("one") {
                numeric_phrase(tokens, i)
            } else {
                None
            };
        };
        if side == Side::Unknown && !t.is("one") {
            return None;
        }
        let approximate = false;
        let value = 1;
        return Some(CountPhrase {
            count: Count {
                value,
                approximate,
                first: i,
                next: i + 1,
            },
            noun_first: i + 1,
            noun_next,
            side: Some(side),
            anaphoric: t.is("another") && noun_next == i + 1,
        });
    }
    numeric_phrase(tokens, i).or_else(|| possessive_singular(tokens, i))
}

/// "an Afghan national involved in terrorism", "two men wanted in attacks":
/// whatever the noun, the people described are militants.
fn described_militant(tokens: &[Token<'_>], noun_next: usize, side: Side) -> Side {
    if side != Side::Civilians && side != Side::Unknown {
        return side;
    }
    let mut k = noun_next;
    while tokens.get(k).is_some_and(|t| {
        t.is_any(&["who", "was", "were", "had", "been", "allegedly"])
            || t.kind == TokenKind::Punct && t.raw != "," && t.raw != "."
    }) {
        k += 1;
    }
    let word = |d: usize| tokens.get(k + d).map_or("", |t| t.lower);
    let involved = word(0) == "involved" && word(1) == "in"
        || word(0) == "wanted" && matches!(word(1), "in" | "for");
    let terror = (1..4).any(|d| {
        let w = word(d);
        w.starts_with("terror")
            || w.starts_with("militan")
            || w.starts_with("subversive")
            || w == "attacks"
    });
    if involved && terror {
        Side::Militants
    } else {
        side
    }
}

/// "and their Pakistani driver", "Kurram's deputy commissioner": one person
/// named by a possessive or definite singular noun.
fn possessive_singular(tokens: &[Token<'_>], i: usize) -> Option<CountPhrase> {
    let t = tokens.get(i)?;
    let possessive = t.is_any(&["their", "his", "her", "its"])
        || t.lower.ends_with("'s")
        || t.lower.ends_with("’s");
    if !(possessive || t.is("the")) {
        return None;
    }
    // "three personnel of the Federal Constabulary": a force qualifying the
    // noun before it, no person of its own.
    if t.is("the") && i > 0 && tokens[i - 1].is("of") {
        let next = tokens.get(i + 1);
        if next.is_some_and(|n| n.is_capitalized()) {
            return None;
        }
    }
    let noun_next = noun_phrase(tokens, i + 1);
    let head = tokens.get(noun_next.checked_sub(1)?)?;
    if noun_next <= i + 1 || head.lower.ends_with('s') && !head.lower.ends_with("ss") {
        return None;
    }
    // "the Malazi National Alliance": a capitalised name runs on; an
    // organisation, not a person.
    let name_runs_on = head.is_capitalized()
        && tokens
            .get(noun_next)
            .is_some_and(|n| n.kind == TokenKind::Word && n.is_capitalized());
    if name_runs_on {
        return None;
    }
    let side = side_of_words(tokens, i + 1, noun_next)?;
    if side == Side::Unknown {
        return None;
    }
    Some(CountPhrase {
        count: Count {
            value: 1,
            approximate: false,
            first: i,
            next: i + 1,
        },
        noun_first: i + 1,
        noun_next,
        side: Some(side),
        anaphoric: false,
    })
}

/// "36-year-old", "Shahid Iqbal, 39,", "Junaid Tariq (39)": an age, not a count.
fn is_age(tokens: &[Token<'_>], i: usize) -> bool {
    let next = |k: usize| tokens.get(i + k).map(|t| t.lower).unwrap_or("");
    let year_old = next(1) == "-" && next(2).starts_with("year")
        || next(1).starts_with("year") && next(2).contains("old");
    let after_name = i >= 2
        && matches!(tokens[i - 1].raw, "," | "(")
        && tokens[i - 2].kind == TokenKind::Word
        && tokens[i - 2].is_capitalized()
        && matches!(next(1), "," | ")" | "");
    // "aged 29", "age: 24"
    let aged = i >= 1 && tokens[i - 1].is_any(&["aged", "age", "ages"])
        || i >= 2 && tokens[i - 1].raw == ":" && tokens[i - 2].is("age");
    tokens[i].kind == TokenKind::Number && (year_old || after_name || aged)
}

/// "Sector I-10/4", "G-9": the numbers of a sector's name are no count.
fn in_sector_name(tokens: &[Token<'_>], i: usize) -> bool {
    let letter_dash = |k: usize| {
        k >= 1
            && tokens[k].raw == "-"
            && tokens[k - 1].raw.len() == 1
            && tokens[k - 1].raw.chars().all(|c| c.is_ascii_uppercase())
    };
    i >= 2
        && tokens[i].kind == TokenKind::Number
        && (letter_dash(i - 1) || tokens[i - 1].raw == "/" && i >= 4 && letter_dash(i - 3))
}

fn numeric_phrase(tokens: &[Token<'_>], i: usize) -> Option<CountPhrase> {
    // "aged between 20 and 50": ages, not a count.
    let aged_range = i > 0 && tokens[i].is("between") && tokens[i - 1].is_any(&["aged", "ages"]);
    if is_age(tokens, i) || aged_range || in_sector_name(tokens, i) {
        return None;
    }
    let count = count_at(tokens, i).or_else(|| between_at(tokens, i))?;
    let mut noun_first = count.next;
    // "dozens of terrorists", "two of the attackers", "six of them"
    if tokens.get(noun_first).is_some_and(|n| n.is("of")) {
        noun_first += 1;
        if tokens
            .get(noun_first)
            .is_some_and(|n| n.is_any(&["the", "their", "its", "these", "those"]))
        {
            noun_first += 1;
        }
        if tokens
            .get(noun_first)
            .is_some_and(|n| n.is_any(&["them", "whom", "those"]))
        {
            return Some(CountPhrase {
                count,
                noun_first,
                noun_next: noun_first + 1,
                side: None,
                anaphoric: true,
            });
        }
    }
    let noun_next = noun_phrase(tokens, noun_first);
    // "Major A and Captain B, both residents of Rawalpindi,": an aside on
    // the people before it, not a count of its own.
    let aside = i > 0
        && tokens[i - 1].raw == ","
        && tokens[i].is_any(&["both", "all"])
        && tokens.get(noun_next).is_some_and(|n| n.is("of"));
    if aside {
        return None;
    }
    if let Some(side) = side_of_words(tokens, noun_first, noun_next) {
        let side = described_militant(tokens, noun_next, side);
        let others =
            (noun_first..noun_next).any(|k| tokens[k].is_any(&["others", "more", "other"]));
        let anaphoric = others
            && !(noun_first..noun_next).any(|k| {
                let w = tokens[k].lower;
                !matches!(w, "others" | "more" | "other") && lexicon().side_of(w).is_some()
            });
        return Some(CountPhrase {
            count,
            noun_first,
            noun_next,
            side: (!anaphoric).then_some(side),
            anaphoric,
        });
    }
    // A bare number: "two were injured", "3 killed", "four more".
    let follower = tokens.get(count.next);
    let bare =
        follower.is_none_or(|f| f.in_class(class::BARE_FOLLOWER) || f.kind == TokenKind::Punct);
    if bare && !tokens.get(count.next).is_some_and(|f| f.is("of")) {
        let anaphoric = follower.is_some_and(|f| f.is_any(&["others", "more", "other"]));
        let next = if anaphoric {
            count.next + 1
        } else {
            count.next
        };
        return Some(CountPhrase {
            count,
            noun_first: count.next,
            noun_next: next,
            side: None,
            anaphoric,
        });
    }
    None
}

/// Capitalised name tokens starting at `i` (a person's name after a title).
fn name_len(tokens: &[Token<'_>], i: usize) -> usize {
    let mut k = i;
    while k < tokens.len()
        && tokens[k].kind == TokenKind::Word
        && tokens[k].is_capitalized()
        && k < i + 4
    {
        if lexicon().side_of(tokens[k].lower).is_some() {
            break;
        }
        k += 1;
    }
    k - i
}

/// "Havildar Shahid Iqbal", "militant Chakar Liaquat", "Constable Muhammad
/// Tariq": a title followed by a name counts one person of the title's side.
fn titled_person_at(tokens: &[Token<'_>], i: usize) -> Option<CountPhrase> {
    let mut k = i;
    let mut side = None;
    while k < tokens.len() && k < i + 3 {
        // Ranks of two words first: "Lance Naik", "Naib Subedar".
        let pair = tokens
            .get(k + 1)
            .filter(|_| lexicon().starts_pair(tokens[k].lower))
            .and_then(|next| lexicon().side_of(&format!("{} {}", tokens[k].lower, next.lower)));
        if let Some(s) = pair.filter(|&s| s != Side::Unknown) {
            side = Some(s);
            k += 2;
            continue;
        }
        match lexicon().side_of(tokens[k].lower) {
            Some(s) if s != Side::Unknown => {
                side = Some(s);
                k += 1;
            }
            _ => break,
        }
    }
    let side = side?;
    // "kharji ring leader Shireen", "TTP commander X": a militant's title.
    let militant_before = (i.saturating_sub(2)..i)
        .any(|b| lexicon().side_of(without_possessive(tokens[b].lower)) == Some(Side::Militants));
    let side = match side {
        Side::Civilians if militant_before => Side::Militants,
        side => side,
    };
    let names = name_len(tokens, k);
    if names == 0 || (i > 0 && tokens[i - 1].is_any(&["the", "a", "an", "their", "his"])) {
        return None;
    }
    // "Malik Subedar Khan", "Zakir Naik": a rank word inside a civilian's
    // name (a name word before it) is no rank.
    let inside_name = i > 1 && {
        let before = &tokens[i - 1];
        before.kind == TokenKind::Word
            && before.is_capitalized()
            && !is_acronym(before)
            && !matches!(tokens[i - 2].raw, "." | "\n" | ":" | "(")
            && lexicon().side_of(before.lower).is_none()
            && !(lexicon().starts_pair(before.lower)
                && lexicon()
                    .side_of(&format!("{} {}", before.lower, tokens[i].lower))
                    .is_some())
            && lexicon().places_named(before.raw).is_empty()
    };
    if inside_name {
        return None;
    }
    // "CTD Punjab", "FC Balochistan": a force and its region, not a person.
    if !lexicon().places_named(tokens[k].raw).is_empty() {
        return None;
    }
    let count = Count {
        value: 1,
        approximate: false,
        first: i,
        next: k + names,
    };
    Some(CountPhrase {
        count,
        noun_first: i,
        noun_next: k,
        side: Some(side),
        anaphoric: false,
    })
}

/// "Two soldiers, Sepoy A and Sepoy B, embraced shahadat": the named men
/// are the two soldiers, not two more.
fn appositive_name(phrases: &[CountPhrase], k: usize, tokens: &[Token<'_>]) -> bool {
    let titled = |p: &CountPhrase| p.count.value == 1 && p.count.next > p.noun_next;
    if !titled(&phrases[k]) {
        return false;
    }
    let mut j = k;
    while j > 0 {
        let prev = &phrases[j - 1];
        let mut gap = &tokens[prev.noun_next.max(prev.count.next)..phrases[j].count.first];
        // "Two personnel of the Frontier Corps, Sepoy A and Naik B": the
        // total's unit comes before the names.
        if !titled(prev) && gap.first().is_some_and(|t| t.is("of")) {
            let unit = gap[1..]
                .iter()
                .take_while(|t| t.is("the") || t.is_capitalized())
                .count();
            gap = &gap[1 + unit..];
        }
        if gap.is_empty() || !gap.iter().all(|t| t.raw == "," || t.is("and")) {
            return false;
        }
        if !titled(prev) {
            return prev.count.value >= 2 && gap.iter().any(|t| t.raw == ",");
        }
        j -= 1;
    }
    false
}

/// Whether the phrase at `j` follows "and", a comma or a semicolon, past an
/// age and title words ("; 35-year-old Lance Naik ...").
fn listed_after_separator(tokens: &[Token<'_>], j: usize) -> bool {
    let mut k = j;
    while k > 0 {
        let t = &tokens[k - 1];
        if t.is_any(&["and", ",", ";", "-", "–", "—"]) {
            return true;
        }
        let filler = t.kind == TokenKind::Number
            || t.raw == "-"
            || t.lower.starts_with("year")
            || t.is("old")
            || t.is_capitalized();
        // "; 35-year-old Lance Naik X": an age between the mark and the name.
        if !filler || j - k > 6 {
            return false;
        }
        k -= 1;
    }
    false
}

/// "TTP", "BLA": an organisation's acronym before a title ("the death of
/// TTP commander Umar").
fn is_acronym(token: &Token<'_>) -> bool {
    token.raw.len() >= 2 && token.raw.chars().all(|c| c.is_ascii_uppercase())
}

/// Where "including ..." / "among them" parts run: [start, end) token ranges.
fn part_ranges(tokens: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let starts = t.is("including")
            || (t.is("among")
                && tokens
                    .get(i + 1)
                    .is_some_and(|n| n.is_any(&["them", "whom", "the"])))
            || (t.is("of") && tokens.get(i + 1).is_some_and(|n| n.is("whom")));
        if starts {
            // A bracketed acronym inside the part ("Jamiat Ulema-e-Islam
            // (JUI-S) leader X") does not end it.
            let comma_after = |from: usize| {
                let mut depth = 0i32;
                for (k, t) in tokens.iter().enumerate().skip(from) {
                    match t.raw {
                        "(" => depth += 1,
                        ")" if depth > 0 => depth -= 1,
                        _ if depth > 0 => {}
                        _ if t.raw == "," || t.is_clause_break() => return k,
                        _ => {}
                    }
                }
                tokens.len()
            };
            let mut end = comma_after(i + 1);
            // "including Shahid Khan, a local leader, were", "including a
            // high-value target, kharji ring leader Shireen, were": an aside
            // on the part, with no verb of its own, belongs to it.
            if end > i + 1 && tokens.get(end).is_some_and(|t| t.raw == ",") {
                let aside_end = comma_after(end + 1);
                let aside = &tokens[(end + 1).min(aside_end)..aside_end];
                let aside_opens = tokens.get(end + 1).is_some_and(|t| {
                    t.is_any(&["a", "an", "the"])
                        || t.lower.chars().next().is_some_and(|c| c.is_lowercase())
                });
                let verbless = !aside.is_empty()
                    && aside.iter().all(|t| {
                        !t.in_class(class::PREDICATE | class::ACTION)
                            && !t.is_any(&["were", "was", "had", "have", "has", "are", "is"])
                    });
                if aside_opens && verbless && tokens.get(aside_end).is_some_and(|t| t.raw == ",") {
                    end = aside_end;
                }
            }
            ranges.push((i, end));
        }
        // "four suicide bombers among them", "the DSP was among those found
        // dead": the part precedes its marker.
        let among_them = t.is("among") && tokens.get(i + 1).is_some_and(|n| n.is("them"));
        let among_the_dead = t.is("among")
            && i > 0
            && tokens[i - 1].is_any(&["was", "were"])
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.is_any(&["those", "the"]));
        if among_them || among_the_dead {
            // "- two FC personnel among them -": a spaced dash opens the aside.
            // A subject ("the DSP, who was on duty, was among") runs to the
            // clause start.
            let start = tokens[..i]
                .iter()
                .rposition(|t| (among_them && matches!(t.raw, "," | "-")) || t.is_clause_break())
                .map(|p| p + 1)
                .unwrap_or(0);
            ranges.push((start, i + 2));
        }
    }
    ranges
}

fn in_ranges(ranges: &[(usize, usize)], i: usize) -> bool {
    ranges.iter().any(|(s, e)| (*s..*e).contains(&i))
}

/// The side of the last people-noun before token `i` in the segment.
fn nearest_side_before(tokens: &[Token<'_>], i: usize) -> Option<Side> {
    (0..i).rev().find_map(|k| {
        let s = lexicon().side_of(tokens[k].lower)?;
        (s != Side::Unknown).then_some(s)
    })
}

/// "three Pakistani nationals - two FC personnel among them -": a total
/// whose parts name another side and do not add up to it mixes sides, so
/// its side is unknown (as "N others, including a Rangers official").
fn mixed_totals(out: &mut [Casualty]) {
    for k in 0..out.len() {
        if out[k].part || matches!(out[k].side, Side::Unknown) {
            continue;
        }
        let parts: Vec<&Casualty> = out[k + 1..]
            .iter()
            .take_while(|c| c.part && c.outcome == out[k].outcome)
            .collect();
        let other_side = parts
            .iter()
            .any(|p| p.side != out[k].side && p.side != Side::Unknown);
        let sum = parts.iter().fold(0, |n: u32, p| n.saturating_add(p.value));
        if other_side && sum != out[k].value {
            out[k].side = Side::Unknown;
        }
    }
}

/// "The ambush claimed eleven lives", "took 20 lives": a toll without a
/// side; "N bodies were shifted to hospital" likewise.
fn lives_claimed(tokens: &[Token<'_>], out: &mut Vec<Casualty>) {
    for i in 0..tokens.len() {
        let claimed = tokens[i].is_any(&[
            "claimed", "claiming", "claims", "took", "taking", "cost", "costing",
        ]);
        let count = if claimed {
            count_at(tokens, i + 1).filter(|c| tokens.get(c.next).is_some_and(|t| t.is("lives")))
        } else {
            // "Eight bodies were shifted", "the bodies of nine ... were brought".
            count_at(tokens, i)
                .filter(|c| c.first == i && (i == 0 || !tokens[i - 1].in_class(class::PREDICATE)))
                .filter(|c| {
                    let after = |k: usize| tokens.get(c.next + k);
                    after(0).is_some_and(|t| t.is("bodies"))
                        && after(1).is_some_and(|t| t.is_any(&["were", "have", "had"]))
                        && (1..4).any(|k| {
                            after(k).is_some_and(|t| {
                                t.is_any(&[
                                    "shifted",
                                    "brought",
                                    "moved",
                                    "taken",
                                    "recovered",
                                    "found",
                                    "pulled",
                                    "retrieved",
                                ])
                            })
                        })
                })
        };
        let Some(count) = count else { continue };
        if out
            .iter()
            .any(|c| c.first <= count.first && count.first < c.next)
        {
            continue;
        }
        out.push(Casualty {
            outcome: Outcome::Killed,
            side: Side::Unknown,
            value: count.value,
            approximate: count.approximate,
            first: count.first,
            next: count.next,
            noun_first: count.next,
            noun_next: count.next + 1,
            part: false,
            zero: false,
            update: false,
            died_of_wounds: false,
        });
    }
}

/// "confirmed eight deaths and 26 injuries", "caused 12 deaths": tolls told
/// as nouns, of unknown side. After "later", "revised" or "updated" they
/// are the latest figure ("initial reports said ten ... but officials later
/// confirmed eight deaths").
fn noun_tolls(tokens: &[Token<'_>], out: &mut Vec<Casualty>) {
    for i in 0..tokens.len() {
        let Some(count) = count_at(tokens, i).filter(|c| c.first == i) else {
            continue;
        };
        let outcome = match tokens.get(count.next) {
            Some(t) if t.is_any(&["deaths", "fatalities"]) => Outcome::Killed,
            Some(t) if t.is("injuries") => Outcome::Injured,
            _ => continue,
        };
        if out.iter().any(|c| c.first <= i && i < c.next) {
            continue;
        }
        let update = tokens[i.saturating_sub(4)..i]
            .iter()
            .any(|t| t.is_any(&["later", "revised", "updated", "corrected"]));
        out.push(Casualty {
            outcome,
            side: Side::Unknown,
            value: count.value,
            approximate: count.approximate,
            first: count.first,
            next: count.next + 1,
            noun_first: count.next,
            noun_next: count.next + 1,
            part: false,
            zero: false,
            update,
            died_of_wounds: false,
        });
    }
}

/// "One of the injured soldiers later succumbed to his wounds", "two of the
/// wounded died in hospital", "an injured constable succumbed": people told
/// as wounded who died. Their count is moved to the killed when the
/// incident is put together.
fn died_of_wounds(tokens: &[Token<'_>], out: &mut Vec<Casualty>) {
    const WOUNDED: &[&str] = &["injured", "wounded"];
    const DIED: &[&str] = &["succumbed", "died", "expired"];
    const WOUNDS: &[&str] = &["injuries", "wounds", "injury", "wound"];
    let mut i = 0;
    while i < tokens.len() {
        let (value, after) = match count_at(tokens, i) {
            Some(c) if !c.approximate => (c.value, c.next),
            _ if tokens[i].is_any(&["an", "a", "another"]) => (1, i + 1),
            _ => {
                i += 1;
                continue;
            }
        };
        // "of the injured", "of them", or an adjective: "an injured soldier".
        let mut k = after;
        let mut wounded = false;
        if tokens.get(k).is_some_and(|t| t.is("of")) {
            k += 1;
            if tokens.get(k).is_some_and(|t| t.is_any(&["the", "those"])) {
                k += 1;
            }
            if tokens.get(k).is_some_and(|t| t.is("them")) {
                k += 1;
            } else if tokens.get(k).is_some_and(|t| t.is_any(WOUNDED)) {
                wounded = true;
                k += 1;
            } else {
                i += 1;
                continue;
            }
        } else if tokens.get(k).is_some_and(|t| t.is_any(WOUNDED)) {
            wounded = true;
            k += 1;
        } else {
            i += 1;
            continue;
        }
        // The noun, if any, and "later", "also": then the verb.
        let noun_first = k;
        while k < tokens.len()
            && k < noun_first + 4
            && tokens[k].kind != TokenKind::Punct
            && !tokens[k].is_any(DIED)
            && !tokens[k].in_class(class::PREDICATE)
        {
            k += 1;
        }
        let noun_next = k;
        while tokens
            .get(k)
            .is_some_and(|t| t.is_any(&["later", "also", "subsequently", "too", "then", "had"]))
        {
            k += 1;
        }
        if !tokens.get(k).is_some_and(|t| t.is_any(DIED)) {
            i += 1;
            continue;
        }
        // "of them ... succumbed to their injuries": the wounds say it.
        let of_wounds = tokens[k + 1..(k + 5).min(tokens.len())]
            .iter()
            .take_while(|t| t.kind != TokenKind::Punct)
            .any(|t| t.is_any(WOUNDS));
        if !wounded && !of_wounds {
            i += 1;
            continue;
        }
        let side = side_of_words(tokens, noun_first, noun_next).unwrap_or(Side::Unknown);
        out.push(Casualty {
            outcome: Outcome::Killed,
            side,
            value,
            approximate: false,
            first: i,
            next: k + 1,
            noun_first,
            noun_next,
            part: false,
            zero: false,
            update: false,
            died_of_wounds: true,
        });
        i = k + 1;
    }
}

/// "The number of people killed ... climbed to 83", "death toll rose to 54".
fn toll_updates(tokens: &[Token<'_>], out: &mut Vec<Casualty>) {
    lives_claimed(tokens, out);
    died_of_wounds(tokens, out);
    noun_tolls(tokens, out);
    for i in 0..tokens.len() {
        // "the death toll", "the number of people killed", "the injured count".
        let counted_word = i > 0 && tokens[i - 1].in_class(class::INJURE | class::KILL);
        let is_toll = tokens[i].is("toll")
            || (tokens[i].is("number") && tokens.get(i + 1).is_some_and(|t| t.is("of")))
            || tokens[i].is("count") && counted_word;
        if !is_toll {
            continue;
        }
        // "earlier reports had put the toll at 20": a superseded figure.
        let superseded = tokens[i.saturating_sub(6)..i]
            .iter()
            .any(|t| t.is_any(&["earlier", "initial", "initially", "previous", "preliminary"]));
        if superseded {
            continue;
        }
        let window_end = (i + 25).min(tokens.len());
        let injured_before = i > 0 && tokens[i - 1].in_class(class::INJURE);
        let death_before =
            i > 0 && tokens[i - 1].is_any(&["death", "casualty", "fatality", "body"]);
        let outcome = if injured_before
            || !death_before
                && (i..window_end)
                    .take_while(|&k| !tokens[k].in_class(class::TOLL))
                    .any(|k| tokens[k].in_class(class::INJURE))
        {
            Outcome::Injured
        } else {
            Outcome::Killed
        };
        // "the toll rose to 54", "toll topping 67", "the injured count at over 190".
        let stated_at = tokens
            .get(i + 1)
            .is_some_and(|t| t.is_any(&["at", "of", "is", "was"]))
            .then_some(i);
        let after = |v: usize| {
            let at = if tokens
                .get(v + 1)
                .is_some_and(|t| t.is_any(&["to", "at", "of", "is", "was"]))
            {
                v + 2
            } else {
                v + 1
            };
            count_at(tokens, at)
        };
        let verbs = (i..window_end).filter(|&k| tokens[k].in_class(class::TOLL));
        let Some((v, count)) = stated_at
            .into_iter()
            .chain(verbs)
            .find_map(|v| after(v).map(|c| (v, c)))
        else {
            continue;
        };
        let noun_end = (i..v)
            .find(|&k| tokens[k].in_class(class::KILL | class::INJURE))
            .unwrap_or(v);
        let side = side_of_words(tokens, i + 1, noun_end).unwrap_or(Side::Unknown);
        out.push(Casualty {
            outcome,
            side,
            value: count.value,
            approximate: count.approximate,
            first: count.first,
            next: count.next,
            noun_first: i,
            noun_next: v,
            part: false,
            zero: false,
            update: true,
            died_of_wounds: false,
        });
    }
}

/// "none of the police personnel were harmed", "the team escaped unhurt",
/// "the policemen remained safe", "no casualties".
fn stated_zeros(tokens: &[Token<'_>], out: &mut Vec<Casualty>) {
    let zero = |outcome, side, at| Casualty {
        outcome,
        side,
        value: 0,
        approximate: false,
        first: at,
        next: at + 1,
        noun_first: at,
        noun_next: at + 1,
        part: false,
        zero: true,
        update: false,
        died_of_wounds: false,
    };
    for i in 0..tokens.len() {
        let t = &tokens[i];
        if t.is("no")
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.is_any(&["casualties", "casualty"]))
        {
            out.push(zero(Outcome::Killed, Side::Unknown, i));
            out.push(zero(Outcome::Injured, Side::Unknown, i));
            continue;
        }
        if t.is("no")
            && tokens.get(i + 1).is_some_and(|n| n.is("loss"))
            && tokens.get(i + 2).is_some_and(|n| n.is("of"))
            && tokens.get(i + 3).is_some_and(|n| n.is("life"))
        {
            out.push(zero(Outcome::Killed, Side::Unknown, i));
            continue;
        }
        let unhurt = t.is_any(&["unhurt", "unharmed", "unscathed"])
            || (t.is_any(&["harmed", "hurt"])
                && i > 0
                && (0..i).rev().take(8).any(|k| tokens[k].is("none")));
        // "the policemen remained safe", "keeping the soldier safe"
        let kept_safe = || (i.saturating_sub(4)..i).any(|k| tokens[k].is_any(&["keeping", "kept"]));
        let safe = t.is("safe")
            && i > 0
            && (tokens[i - 1].is_any(&["remained", "were", "was", "stayed"]) || kept_safe());
        if !(unhurt || safe) {
            continue;
        }
        let clause_start = tokens[..i]
            .iter()
            .rposition(|t| t.is_clause_break() || t.raw == ",")
            .map(|p| p + 1)
            .unwrap_or(0);
        let side = side_of_words(tokens, clause_start, i)
            .filter(|s| *s != Side::Unknown)
            .or_else(|| {
                let pronoun = (clause_start..i).any(|k| tokens[k].is_any(&["he", "she", "they"]));
                pronoun
                    .then(|| nearest_side_before(tokens, clause_start))
                    .flatten()
            })
            .unwrap_or(Side::Civilians);
        out.push(zero(Outcome::Killed, side, i));
        if unhurt {
            out.push(zero(Outcome::Injured, side, i));
        }
    }
}

/// A named victim: "Aslam Buledi was injured", "Shakeel Ahmed was killed".
fn named_victims(
    tokens: &[Token<'_>],
    used: &[bool],
    preds: &[Predicate],
    out: &mut Vec<Casualty>,
) {
    for p in preds {
        if p.at < 3 || !tokens[p.at - 1].is_any(&["was", "is"]) {
            continue;
        }
        let end = p.at - 1;
        let mut start = end;
        while start > 0
            && tokens[start - 1].kind == TokenKind::Word
            && tokens[start - 1].is_capitalized()
            && end - start < 4
        {
            start -= 1;
        }
        if end - start < 2
            || (start..end).any(|k| used[k])
            || lexicon().side_of(tokens[start].lower).is_some()
        {
            continue;
        }
        // Not a place or an organisation: those are capitalised too.
        if (start..end).any(|k| tokens[k].raw.chars().all(|c| c.is_ascii_uppercase())) {
            continue;
        }
        // "A soldier of the Balochistan Frontier Corps was martyred": a name
        // after "of the" belongs to the noun before it; a force is no person.
        let of_before = start > 0 && tokens[start - 1].is_any(&["of", "the"]);
        let force = (start..end).any(|k| {
            tokens[k].is_any(&[
                "corps", "force", "forces", "police", "levies", "rangers", "army",
            ]) || !lexicon().places_named(tokens[k].raw).is_empty()
        });
        if of_before || force {
            continue;
        }
        let side = (start.saturating_sub(6)..start)
            .rev()
            .find_map(|k| {
                lexicon()
                    .side_of(tokens[k].lower)
                    .filter(|s| *s != Side::Unknown)
            })
            .unwrap_or(Side::Civilians);
        out.push(Casualty {
            outcome: p.outcome,
            side,
            value: 1,
            approximate: false,
            first: start,
            next: end,
            noun_first: start,
            noun_next: end,
            part: false,
            zero: false,
            update: false,
            died_of_wounds: false,
        });
    }
}

/// "A tribal elder was killed along with his two sons": the people killed
/// together with the subject share the outcome of the predicate before them.
fn companions(
    tokens: &[Token<'_>],
    preds: &[Predicate],
    phrases: &[CountPhrase],
    bound: &mut [Option<Outcome>],
) {
    for (k, ph) in phrases.iter().enumerate() {
        if bound[k].is_some() || ph.side.is_none() {
            continue;
        }
        let mut b = ph.count.first;
        if b > 0 && tokens[b - 1].is_any(&["his", "her", "their"]) {
            b -= 1;
        }
        if b < 3 || !tokens[b - 1].is("with") || !tokens[b - 2].is_any(&["along", "together"]) {
            continue;
        }
        let clause_start = (0..b - 2)
            .rev()
            .take(16)
            .find(|&j| matches!(tokens[j].raw, "." | ";" | ":" | "!" | "?"))
            .map_or(b.saturating_sub(18), |j| j + 1);
        bound[k] = preds
            .iter()
            .rfind(|p| p.at >= clause_start && p.at + p.len <= b - 2)
            .map(|p| p.outcome);
    }
}

/// All casualty counts of one segment. Numbers inside `dates` (byte
/// ranges: "December 21, sixteen soldiers") are not counts.
pub fn find_casualties(tokens: &[Token<'_>], dates: &[(usize, usize)]) -> Vec<Casualty> {
    let mut tolls = Vec::new();
    toll_updates(tokens, &mut tolls);
    let preds = predicates(tokens);
    if preds.is_empty() {
        // Only a predicate binds a count: skip the count phrases (most
        // sentences of a report have none).
        stated_zeros(tokens, &mut tolls);
        return tolls;
    }
    let parts = part_ranges(tokens);
    let mut phrases: Vec<CountPhrase> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let in_date = dates
            .iter()
            .any(|(s, e)| *s <= tokens[i].start && tokens[i].end <= *e);
        if in_date || tolls.iter().any(|t| (t.first..t.next).contains(&i)) {
            i += 1;
            continue;
        }
        let found = count_phrase_at(tokens, i).or_else(|| titled_person_at(tokens, i));
        match found {
            Some(p) => {
                i = p.noun_next.max(p.count.next).max(i + 1);
                phrases.push(p);
            }
            None => i += 1,
        }
    }
    let is_pred_at = |k: usize| preds.iter().any(|p| p.at == k);
    let mut bound: Vec<Option<Outcome>> = vec![None; phrases.len()];
    let mut pred_used = vec![false; preds.len()];
    // Active: a predicate right before a count binds it and its coordinated
    // followers ("the martyrdom of 13 civilians and five security personnel").
    for (pi, p) in preds.iter().enumerate() {
        let after = p.at + p.len;
        let Some(first) = phrases.iter().position(|ph| {
            ph.count.first == after
                || (ph.count.first == after + 1
                    && (tokens[after].is_any(&["all", "another"]) || is_acronym(&tokens[after])))
        }) else {
            continue;
        };
        if tokens[p.at].is_any(&["dead", "hurt"]) {
            continue;
        }
        pred_used[pi] = true;
        bound[first] = Some(p.outcome);
        let mut last = first;
        while let Some(next) = phrases.get(last + 1) {
            let gap =
                &tokens[phrases[last].noun_next.max(phrases[last].count.next)..next.count.first];
            // "killing a woman and her two sons": a possessive joins too.
            let coordinated = !gap.is_empty()
                && gap.iter().any(|t| t.is("and") || t.raw == ",")
                && gap
                    .iter()
                    .all(|t| t.is_any(&["and", ",", "her", "his", "their"]) || t.raw == ",");
            let own_predicate = (next.noun_next..(next.noun_next + 3).min(tokens.len()))
                .any(is_pred_at)
                || tokens
                    .get(next.noun_next)
                    .is_some_and(|t| t.is_any(&["were", "was", "had"]));
            if !coordinated
                || own_predicate
                || bound[last + 1].is_some()
                || next.bare()
                || next.anaphoric
                    && next.noun_first < tokens.len()
                    && tokens[next.noun_first].is_any(&["them", "whom"])
            {
                break;
            }
            bound[last + 1] = Some(p.outcome);
            last += 1;
        }
    }
    // Passive: a count binds the next free predicate in its clause.
    for (k, ph) in phrases.iter().enumerate() {
        if bound[k].is_some() {
            continue;
        }
        let leaving =
            ph.count.first > 0 && tokens[ph.count.first - 1].is_any(&["leaving", "left", "leave"]);
        let coordinated_possessive = ph.count.first > 0
            && tokens[ph.count.first - 1].is("and")
            && !tokens[ph.count.first].is("the");
        // "The train's driver, a police officer and a soldier were killed":
        // a definite person listed with new ones is new too.
        let listed_with_new = phrases.get(k + 1).is_some_and(|next| {
            let gap = &tokens[ph.noun_next.max(ph.count.next)..next.count.first];
            gap.len() == 1 && (gap[0].raw == "," || gap[0].is("and")) && !next.definite(tokens)
        });
        if ph.definite(tokens) && !leaving && !coordinated_possessive && !listed_with_new {
            continue;
        }
        // "rescued 155 hostages", "shifted 30 injured to hospital": the
        // object of another verb is no casualty of a later one.
        if ph.count.first > 0 && tokens[ph.count.first - 1].is_any(OBJECT_VERBS) {
            continue;
        }
        // "the funeral prayers of two martyred soldiers were offered": the
        // dead of a funeral were counted where they fell.
        let funeral = (ph.count.first.saturating_sub(3)..ph.count.first)
            .any(|k| tokens[k].lower.starts_with("funeral"));
        if funeral {
            continue;
        }
        let from = ph.noun_next.max(ph.count.next);
        let mut j = from;
        // A named person's clauses run long ("Captain X, aged 25, who
        // hailed from ..., fought bravely ..., embraced shahadat").
        let named = ph.noun_first == ph.count.first && ph.count.next > ph.noun_next;
        let reach = if named { 40 } else { 24 };
        let mut limit = (from + reach).min(tokens.len());
        let mut depth = 0i32;
        while j < limit {
            let t = &tokens[j];
            match t.raw {
                "(" | "[" => depth += 1,
                ")" | "]" => depth -= 1,
                _ => {}
            }
            // A part told in between ("among them <a long name and title>,")
            // does not use up the reach.
            if in_ranges(&parts, j) {
                limit = (limit + 1).min(tokens.len());
            }
            if depth > 0 {
                // "(age: 24 years, resident of District Swabi)" is an aside.
                j += 1;
                continue;
            }
            if matches!(t.raw, ";" | "." | ":" | "!" | "?") {
                // A list of people ("Naik A; Sepoy B; and Sepoy C ... embraced
                // martyrdom") continues past semicolons.
                let continues = t.raw == ";"
                    && phrases
                        .iter()
                        .any(|o| o.count.first > j && o.count.first <= j + 8);
                if !continues {
                    break;
                }
                // Each item of the list brings its own clauses.
                limit = (j + reach).min(tokens.len());
            }
            // The subject of another verb ("15 militants attacked a post")
            // is not the object of a later casualty.
            if t.in_class(class::ACTION) {
                break;
            }
            if let Some(pi) = preds.iter().position(|p| p.at == j) {
                // "Five members of the TTP, three of whom were killed": the
                // predicate of a part is not the total's.
                let in_later_part = parts
                    .iter()
                    .any(|&(s, e)| s >= from && s < j && j < e && tokens[s].is("of"));
                if in_later_part {
                    break;
                }
                if !pred_used[pi] {
                    bound[k] = Some(preds[pi].outcome);
                }
                break;
            }
            // Another count in between that is not coordinated with this one.
            if phrases.iter().any(|o| o.count.first == j)
                && !in_ranges(&parts, j)
                && !listed_after_separator(tokens, j)
            {
                break;
            }
            j += 1;
        }
    }
    companions(tokens, &preds, &phrases, &mut bound);
    let mut out = Vec::new();
    let mut used = vec![false; tokens.len()];
    let mut previous_side: Option<Side> = None;
    // The sides of the last noun phrase of several counts joined by "and"
    // or commas, and where it ends.
    let mut joined_sides: Vec<Side> = Vec::new();
    let mut joined_end: Option<usize> = None;
    for (k, ph) in phrases.iter().enumerate() {
        let Some(outcome) = bound[k] else { continue };
        let of_them = ph.anaphoric
            && tokens
                .get(ph.noun_first)
                .is_some_and(|t| t.is_any(&["them", "whom"]));
        let after_count = k > 0 && ph.count.first > 0 && tokens[ph.count.first - 1].raw == ",";
        let part = in_ranges(&parts, ph.count.first)
            || (of_them && after_count)
            || appositive_name(&phrases, k, tokens);
        let side = match ph.side {
            Some(s) => s,
            None if ph.anaphoric
                && tokens
                    .get(ph.noun_first)
                    .is_some_and(|t| t.is_any(&["them", "whom", "those"])) =>
            {
                previous_side
                    .or_else(|| nearest_side_before(tokens, ph.count.first))
                    .unwrap_or(Side::Unknown)
            }
            // "A constable and three shopkeepers were killed and four others
            // injured": others after a noun phrase joining sides are of
            // unknown side.
            None if joined_sides.len() > 1 => Side::Unknown,
            None => previous_side.unwrap_or(Side::Unknown),
        };
        if let (Some(s), false) = (ph.side, part) {
            let joined = joined_end.is_some_and(|end| {
                end < ph.count.first
                    && tokens[end..ph.count.first]
                        .iter()
                        .all(|t| t.is("and") || t.raw == ",")
            });
            if !joined {
                joined_sides.clear();
            }
            if !joined_sides.contains(&s) {
                joined_sides.push(s);
            }
            joined_end = Some(ph.noun_next.max(ph.count.next));
        }
        // "eight others, including a Rangers official": the others are mixed.
        let mixed_others = ph.anaphoric
            && parts.iter().any(|(s, _)| {
                *s == ph.noun_next.max(ph.count.next) || *s == ph.noun_next.max(ph.count.next) + 1
            });
        let side = if mixed_others { Side::Unknown } else { side };
        if !part {
            previous_side = Some(side);
        }
        for u in used
            .iter_mut()
            .take(ph.noun_next.max(ph.count.next))
            .skip(ph.count.first)
        {
            *u = true;
        }
        out.push(Casualty {
            outcome,
            side,
            value: ph.count.value,
            approximate: ph.count.approximate,
            first: ph.count.first,
            next: ph.count.next,
            noun_first: ph.noun_first,
            noun_next: ph.noun_next,
            part,
            zero: false,
            update: false,
            died_of_wounds: false,
        });
    }
    mixed_totals(&mut out);
    named_victims(tokens, &used, &preds, &mut out);
    out.extend(tolls);
    stated_zeros(tokens, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;
    use crate::rules::LowerText;

    #[test]
    fn possessives_come_off() {
        for word in [
            "army's",
            "army’s",
            "army's's",
            "army’s's",
            "army",
            "'s",
            "s",
        ] {
            let trimmed = word.trim_end_matches("'s").trim_end_matches("’s");
            assert_eq!(without_possessive(word), trimmed, "{word}");
        }
        assert_eq!(without_possessive("army’s"), "army");
    }

    /// Every casualty read from `text`, parts included.
    fn casualties_of(text: &str) -> Vec<Casualty> {
        let lower: &'static LowerText = Box::leak(Box::new(LowerText::of(text)));
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        let tokens = tokenize(text, lower.view(), 0, text.len());
        find_casualties(&tokens, &[])
    }

    fn read(text: &str) -> Vec<(Outcome, Side, u32, bool)> {
        casualties_of(text)
            .into_iter()
            .filter(|c| !c.part)
            .map(|c| (c.outcome, c.side, c.value, c.approximate))
            .collect()
    }

    use Outcome::*;
    use Side::*;

    #[test]
    fn table() {
        #[allow(clippy::type_complexity)]
        let cases: &[(&str, &[(Outcome, Side, u32, bool)])] = &[
            (
                "13 civilians were martyred and 32 others injured",
                &[
                    (Killed, Civilians, 13, false),
                    (Injured, Civilians, 32, false),
                ],
            ),
            (
                "killing at least 24 people and injuring 53",
                &[(Killed, Unknown, 24, true), (Injured, Unknown, 53, false)],
            ),
            (
                "security forces neutralised three khwarij, while two were injured",
                &[
                    (Killed, Militants, 3, false),
                    (Injured, Militants, 2, false),
                ],
            ),
            (
                "the martyrdom of 13 civilians and five security personnel",
                &[(Killed, Civilians, 13, false), (Killed, Security, 5, false)],
            ),
            (
                "Sixteen terrorists, including several suicide attackers, were killed",
                &[(Killed, Militants, 16, false)],
            ),
            (
                "8 soldiers, including two officers, martyred",
                &[(Killed, Security, 8, false)],
            ),
            (
                "At least six were martyred, including three FC personnel",
                &[(Killed, Unknown, 6, true)],
            ),
            (
                "2 killed, 3 injured",
                &[(Killed, Unknown, 2, false), (Injured, Unknown, 3, false)],
            ),
            (
                "one soldier was martyred and four others were injured",
                &[(Killed, Security, 1, false), (Injured, Security, 4, false)],
            ),
            (
                "a policeman was killed and six others injured",
                &[(Killed, Security, 1, false), (Injured, Security, 6, false)],
            ),
            (
                "the IED led to the martyrdom of Havildar Shahid Iqbal",
                &[(Killed, Security, 1, false)],
            ),
            (
                "killing militant Chakar Liaquat and injuring two others",
                &[
                    (Killed, Militants, 1, false),
                    (Injured, Militants, 2, false),
                ],
            ),
            (
                "the troops engaged the khwarij location and six of them were killed",
                &[(Killed, Militants, 6, false)],
            ),
            (
                "21 passengers and 4 FC personnel lost their lives",
                &[(Killed, Civilians, 21, false), (Killed, Security, 4, false)],
            ),
            (
                "security forces caught two facilitators",
                &[(Arrested, Militants, 2, false)],
            ),
            (
                "Two Afghan nationals were also taken into custody",
                &[(Arrested, Civilians, 2, false)],
            ),
            (
                "The number of people killed in the bombing climbed to 83 on Tuesday",
                &[(Killed, Unknown, 83, false)],
            ),
            (
                "15 to 20 Afghan Taliban were killed",
                &[(Killed, Militants, 15, true)],
            ),
            (
                "dozens of terrorists were eliminated",
                &[(Killed, Militants, 24, true)],
            ),
            (
                "None of the police personnel were harmed",
                &[(Killed, Security, 0, false), (Injured, Security, 0, false)],
            ),
            (
                "no casualties were reported",
                &[(Killed, Unknown, 0, false), (Injured, Unknown, 0, false)],
            ),
            ("eight posts, including six tanks, were destroyed", &[]),
            (
                "killed at least 11 terrorists in three separate operations",
                &[(Killed, Militants, 11, true)],
            ),
            (
                "a Pakistan Army major and two soldiers were martyred",
                &[(Killed, Security, 1, false), (Killed, Security, 2, false)],
            ),
            (
                "a shopkeeper was shot dead along with his two sons",
                &[(Killed, Civilians, 1, false), (Killed, Civilians, 2, false)],
            ),
            (
                "the bus driver, a constable and a soldier were killed",
                &[
                    (Killed, Civilians, 1, false),
                    (Killed, Security, 1, false),
                    (Killed, Security, 1, false),
                ],
            ),
            (
                "Captain Ali and Major Khan, both residents of Lahore, were martyred",
                &[(Killed, Security, 1, false), (Killed, Security, 1, false)],
            ),
            (
                "a trader, Haji Naik Muhammad, was wounded",
                &[(Injured, Civilians, 1, false)],
            ),
            (
                "six people, including Ali Khan, chairman of the Awami National Party, were killed",
                &[(Killed, Unknown, 6, false)],
            ),
            (
                "six people, including Ali Khan, a local leader, were killed",
                &[(Killed, Unknown, 6, false)],
            ),
            (
                // The two are a part of the five; the five were not killed.
                "five members of the gang, two of whom were killed in the clash, fled",
                &[],
            ),
            ("the DSP, who was on duty, was among those found dead", &[]),
            (
                "gunmen surrounded a house, hoping to capture or kill the soldier",
                &[],
            ),
            (
                "a 24-year-old army captain and five soldiers were martyred",
                &[(Killed, Security, 1, false), (Killed, Security, 5, false)],
            ),
            (
                "three Federal Constabulary (FC) men were martyred",
                &[(Killed, Security, 3, false)],
            ),
            (
                "four personnel of the Frontier Corps were martyred",
                &[(Killed, Security, 4, false)],
            ),
            (
                "at least five people, among them Awami National Party (ANP) provincial leader Haji Abdul Ghani Khan Marwat, were killed",
                &[(Killed, Unknown, 5, true)],
            ),
            (
                "nine khwarij including a high-value target, kharji ring leader Zaman, were sent to hell",
                &[(Killed, Militants, 9, false)],
            ),
            (
                "ten people, including two children, were killed, officials said",
                &[(Killed, Unknown, 10, false)],
            ),
            (
                "an Afghan national involved in terrorism inside Pakistan was killed",
                &[(Killed, Militants, 1, false)],
            ),
            (
                "two persons who were wanted in attacks on police were killed",
                &[(Killed, Militants, 2, false)],
            ),
            (
                "villagers drove the attackers away, keeping the soldier safe",
                &[(Killed, Security, 0, false)],
            ),
            // "Others" after counts of several sides are of unknown side.
            (
                "two policemen and a passer-by were killed and six others wounded",
                &[
                    (Killed, Security, 2, false),
                    (Killed, Civilians, 1, false),
                    (Injured, Unknown, 6, false),
                ],
            ),
            // A sector's name is no count; a bomber who blew up his car is
            // counted where the text counts him.
            (
                "a constable was martyred when a bomber blew up his car in Sector G-9/2; two attackers, including the bomber, were also killed",
                &[(Killed, Security, 1, false), (Killed, Militants, 2, false)],
            ),
            // Names in apposition after the total's unit are its parts.
            (
                "Three soldiers of the Frontier Corps, Sepoy Ali Khan, Naik Sher Zaman and Lance Naik Gul, were martyred",
                &[(Killed, Security, 3, false)],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(read(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn tolls_told_as_nouns() {
        assert_eq!(
            read("The bombing caused 12 deaths and 30 injuries."),
            [(Killed, Unknown, 12, false), (Injured, Unknown, 30, false)]
        );
        let later =
            |text: &str| -> Vec<bool> { casualties_of(text).iter().map(|c| c.update).collect() };
        assert_eq!(later("Officials later confirmed eight deaths."), [true]);
        assert_eq!(later("Officials confirmed eight deaths."), [false]);
    }

    #[test]
    fn wounded_who_died() {
        let died = |text: &str| -> Vec<(Side, u32)> {
            casualties_of(text)
                .into_iter()
                .filter(|c| c.died_of_wounds)
                .map(|c| (c.side, c.value))
                .collect()
        };
        assert_eq!(
            died("One of the injured policemen later died in hospital."),
            [(Security, 1)]
        );
        assert_eq!(
            died("Two of the wounded succumbed on Sunday."),
            [(Unknown, 2)]
        );
        assert_eq!(
            died("An injured labourer succumbed to his wounds."),
            [(Civilians, 1)]
        );
        assert_eq!(
            died("Three of them later died of their injuries."),
            [(Unknown, 3)]
        );
        // Without wounds told, "of them ... died" is a plain toll.
        assert!(died("Three of them died on the spot.").is_empty());
        assert!(died("Two soldiers were injured.").is_empty());
    }
}
