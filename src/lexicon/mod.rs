//! The lexicon: gazetteer, groups, nationalities and casualty nouns, read
//! from data files embedded at build time and matched with automata built
//! once per process.

// Fx hashing: the maps are looked up for every word of every sentence, and
// their keys come from our own data files, not from untrusted input.
use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::sync::OnceLock;

pub mod calendar;
mod vocabulary;
pub use vocabulary::{in_vocabulary, vocabulary, vocabulary_names};

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, Input, Match, MatchKind, StartKind};
use serde::Deserialize;

const GAZETTEER_JSON: &str = include_str!("data/gazetteer.json");
/// Localities beyond those of gazetteer.json: one file per province, one
/// entry a line (union councils, tehsils, towns, neighbourhoods, sectors).
const LOCALITY_FILES: [&str; 7] = [
    include_str!("data/localities/khyber_pakhtunkhwa.json"),
    include_str!("data/localities/balochistan.json"),
    include_str!("data/localities/punjab.json"),
    include_str!("data/localities/sindh.json"),
    include_str!("data/localities/islamabad.json"),
    include_str!("data/localities/gilgit_baltistan.json"),
    include_str!("data/localities/azad_kashmir.json"),
];
/// Afghan districts beyond those of gazetteer.json, one entry a line.
const AFGHAN_DISTRICTS_JSON: &str = include_str!("data/afghan_districts.json");
const TERMS_JSON: &str = include_str!("data/terms.json");

#[derive(Debug, Deserialize)]
pub struct ProvinceEntry {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub population: Option<u64>,
    /// Where the population comes from (`census 2023 (PBS)`, a sum of its
    /// tehsils, an older count or an estimate), or why there is none.
    #[serde(default)]
    pub population_source: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct DistrictEntry {
    pub name: String,
    pub province: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub former_names: Vec<String>,
    pub population: Option<u64>,
    /// Where the population comes from (`census 2023 (PBS)`, a sum of its
    /// tehsils, an older count or an estimate), or why there is none.
    #[serde(default)]
    pub population_source: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct CityEntry {
    pub name: String,
    pub province: String,
    #[serde(default)]
    pub districts: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct LocalityEntry {
    pub name: String,
    pub district: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct AfghanProvinceEntry {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct AfghanDistrictEntry {
    pub name: String,
    pub province: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// The place knowledge base as shipped.
#[derive(Debug, Deserialize)]
pub struct Gazetteer {
    pub provinces: Vec<ProvinceEntry>,
    pub districts: Vec<DistrictEntry>,
    #[serde(default)]
    pub cities: Vec<CityEntry>,
    pub localities: Vec<LocalityEntry>,
    pub afghan_provinces: Vec<AfghanProvinceEntry>,
    pub afghan_districts: Vec<AfghanDistrictEntry>,
}

#[derive(Debug, Deserialize)]
struct GroupEntry {
    name: String,
    aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct NationalityEntry {
    name: String,
    demonyms: Vec<String>,
    countries: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Sides {
    security: Vec<String>,
    civilians: Vec<String>,
    militants: Vec<String>,
    unknown: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Terms {
    groups: Vec<GroupEntry>,
    nationalities: Vec<NationalityEntry>,
    sides: Sides,
}

/// Which side a casualty noun belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Security,
    Civilians,
    Militants,
    Unknown,
}

/// What a place name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Province,
    District,
    /// A city spanning several districts (Karachi).
    City,
    Locality,
    AfghanProvince,
    AfghanDistrict,
}

/// One name of a place in the automaton.
#[derive(Debug, Clone)]
pub struct PlaceName {
    pub kind: PlaceKind,
    /// Canonical name (district, province, locality, country).
    pub canonical: String,
    /// District of a locality; province of a district/city; Afghan province
    /// of an Afghan district.
    pub parent: Option<String>,
}

/// All lexicon data with automata.
pub struct Lexicon {
    pub gazetteer: Gazetteer,
    place_names: Vec<PlaceName>,
    places: DFA,
    /// Every place entry sharing a spelling (lowercase), for ambiguous names.
    place_by_name: HashMap<String, Vec<usize>>,
    district_province: HashMap<String, String>,
    group_names: Vec<(String, bool)>,
    group_aliases: Vec<String>,
    groups: DFA,
    nationality_names: Vec<String>,
    nationalities: DFA,
    country_nationality: HashMap<String, String>,
    sides: HashMap<String, Side>,
    pair_starts: FxHashSet<String>,
}

/// A place found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMatch {
    pub start: usize,
    pub end: usize,
    pub index: usize,
}

/// A full DFA, used through its own type: one inlined table lookup per
/// byte. Behind `AhoCorasick` every byte's step was a virtual call, and the
/// default automaton for this many patterns an NFA; together a tenth of all
/// parse time.
fn build(patterns: &[String], kind: MatchKind) -> DFA {
    DFA::builder()
        .ascii_case_insensitive(true)
        .match_kind(kind)
        .build(patterns)
        .expect("lexicon automaton builds")
}

/// A DFA for searches anchored at a given position: far fewer states than
/// an unanchored one, so its table stays in cache.
fn build_anchored(patterns: &[String]) -> DFA {
    DFA::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .build(patterns)
        .expect("lexicon automaton builds")
}

/// Whether a proper noun can start at byte `at`: an uppercase letter
/// that begins a word.
fn capital_word_start(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let b = bytes[at];
    let upper = if b.is_ascii() {
        b.is_ascii_uppercase()
    } else {
        text.is_char_boundary(at) && text[at..].starts_with(char::is_uppercase)
    };
    upper && (at == 0 || !is_word_byte(bytes[at - 1]))
}

/// Longest matches of an anchored `automaton` that start at capitalised
/// words and end at a word boundary, without overlaps. Proper nouns are
/// all the place and demonym lists hold, so the other bytes are skipped
/// instead of run through the automaton.
fn capitalised_matches(automaton: &DFA, haystack: &str) -> Vec<Match> {
    let bytes = haystack.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    // Jump to the next capital (or non-ASCII) byte.
    while let Some(skip) = next_capital_or_non_ascii(&bytes[at..]) {
        at += skip;
        if !capital_word_start(haystack, at) {
            at += 1;
            continue;
        }
        let input = Input::new(haystack)
            .span(at..haystack.len())
            .anchored(Anchored::Yes);
        // Built for anchored leftmost searches: the search cannot fail.
        match automaton.try_find(&input).ok().flatten() {
            Some(m) => {
                if at_word_boundary(haystack, m.start(), m.end()) {
                    out.push(m);
                }
                at = m.end().max(at + 1);
            }
            None => at += 1,
        }
    }
    out
}

/// The first byte of `bytes` that is an ASCII capital or not ASCII. Eight
/// bytes at a time: capitals are a few bytes in a hundred, and a byte-wise
/// scan for them was most of the place and demonym lookup.
fn next_capital_or_non_ascii(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut offset = 0;
    for chunk in bytes.chunks_exact(8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // For ASCII bytes b, b + 0x3F has its high bit set when b >= 'A'
        // and b + 0x25 when b > 'Z'; no sum carries into the next byte.
        let seven_bits = word & !HIGH;
        let from_a = seven_bits.wrapping_add(0x3F * ONES);
        let past_z = seven_bits.wrapping_add(0x25 * ONES);
        if (word | (from_a & !past_z)) & HIGH != 0 {
            break;
        }
        offset += 8;
    }
    bytes[offset..]
        .iter()
        .position(|&b| b.is_ascii_uppercase() || !b.is_ascii())
        .map(|at| offset + at)
}

/// Leftmost-longest matches of `automaton` in `haystack`, without overlaps.
fn matches<'h>(automaton: &'h DFA, haystack: &'h str) -> impl Iterator<Item = Match> + 'h {
    // The automata are built for the unanchored leftmost searches asked of
    // them here, so neither the set-up nor any step of the search can fail.
    automaton
        .try_find_iter(Input::new(haystack))
        .into_iter()
        .flatten()
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// The match stands alone as a word (or words) in `text`.
fn at_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let before_ok = start == 0 || !is_word_byte(bytes[start - 1]);
    let after_ok = end >= bytes.len() || !is_word_byte(bytes[end]);
    before_ok && after_ok
}

impl Gazetteer {
    /// The gazetteer as shipped: gazetteer.json with the locality and
    /// Afghan district files appended.
    fn embedded() -> Self {
        let mut gazetteer: Gazetteer =
            serde_json::from_str(GAZETTEER_JSON).expect("embedded gazetteer is valid JSON");
        for file in LOCALITY_FILES {
            let more: Vec<LocalityEntry> =
                serde_json::from_str(file).expect("embedded locality file is valid JSON");
            gazetteer.localities.extend(more);
        }
        let more: Vec<AfghanDistrictEntry> = serde_json::from_str(AFGHAN_DISTRICTS_JSON)
            .expect("embedded Afghan district file is valid JSON");
        gazetteer.afghan_districts.extend(more);
        gazetteer
    }
}

impl Lexicon {
    fn load() -> Self {
        let gazetteer = Gazetteer::embedded();
        let terms: Terms = serde_json::from_str(TERMS_JSON).expect("embedded terms are valid JSON");
        let mut patterns: Vec<String> = Vec::new();
        let mut place_names: Vec<PlaceName> = Vec::new();
        let mut add = |name: &str, place: PlaceName| {
            if !name.trim().is_empty() {
                patterns.push(name.to_string());
                place_names.push(place);
            }
        };
        for country in ["Pakistan", "Afghanistan"] {
            add(
                country,
                PlaceName {
                    kind: PlaceKind::Country,
                    canonical: country.into(),
                    parent: None,
                },
            );
        }
        for p in &gazetteer.provinces {
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                add(
                    name,
                    PlaceName {
                        kind: PlaceKind::Province,
                        canonical: p.name.clone(),
                        parent: None,
                    },
                );
            }
        }
        for d in &gazetteer.districts {
            for name in std::iter::once(&d.name)
                .chain(&d.aliases)
                .chain(&d.former_names)
            {
                add(
                    name,
                    PlaceName {
                        kind: PlaceKind::District,
                        canonical: d.name.clone(),
                        parent: Some(d.province.clone()),
                    },
                );
            }
        }
        for c in &gazetteer.cities {
            add(
                &c.name,
                PlaceName {
                    kind: PlaceKind::City,
                    canonical: c.name.clone(),
                    parent: Some(c.province.clone()),
                },
            );
        }
        for l in &gazetteer.localities {
            for name in std::iter::once(&l.name).chain(&l.aliases) {
                add(
                    name,
                    PlaceName {
                        kind: PlaceKind::Locality,
                        canonical: l.name.clone(),
                        parent: Some(l.district.clone()),
                    },
                );
            }
        }
        for p in &gazetteer.afghan_provinces {
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                add(
                    name,
                    PlaceName {
                        kind: PlaceKind::AfghanProvince,
                        canonical: p.name.clone(),
                        parent: None,
                    },
                );
            }
        }
        for d in &gazetteer.afghan_districts {
            for name in std::iter::once(&d.name).chain(&d.aliases) {
                add(
                    name,
                    PlaceName {
                        kind: PlaceKind::AfghanDistrict,
                        canonical: d.name.clone(),
                        parent: Some(d.province.clone()),
                    },
                );
            }
        }
        let places = build_anchored(&patterns);
        let mut place_by_name: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, name) in patterns.iter().enumerate() {
            place_by_name
                .entry(name.to_ascii_lowercase())
                .or_default()
                .push(i);
        }
        let district_province = gazetteer
            .districts
            .iter()
            .map(|d| (d.name.clone(), d.province.clone()))
            .chain(
                gazetteer
                    .cities
                    .iter()
                    .map(|c| (c.name.clone(), c.province.clone())),
            )
            .collect();

        let mut group_patterns = Vec::new();
        let mut group_names = Vec::new();
        for g in &terms.groups {
            for alias in &g.aliases {
                group_patterns.push(alias.clone());
                // Acronyms must match in capitals ("TIP", not "tip").
                let acronym =
                    alias.len() <= 5 && alias.chars().all(|c| c.is_ascii_uppercase() || c == '-');
                group_names.push((g.name.clone(), acronym));
            }
        }
        let groups = build(&group_patterns, MatchKind::LeftmostLongest);

        let mut nat_patterns = Vec::new();
        let mut nationality_names = Vec::new();
        let mut country_nationality = HashMap::default();
        for n in &terms.nationalities {
            for d in &n.demonyms {
                nat_patterns.push(d.clone());
                nationality_names.push(n.name.clone());
            }
            for c in &n.countries {
                country_nationality.insert(c.clone(), n.name.clone());
            }
        }
        let nationalities = build_anchored(&nat_patterns);

        let mut sides = HashMap::default();
        for (list, side) in [
            (&terms.sides.unknown, Side::Unknown),
            (&terms.sides.civilians, Side::Civilians),
            (&terms.sides.security, Side::Security),
            (&terms.sides.militants, Side::Militants),
        ] {
            for word in list {
                sides.insert(word.to_ascii_lowercase(), side);
            }
        }
        // The common nouns for militants live in the vocabulary, which the
        // rules read too.
        for name in ["militant_nouns", "militant_noun_singulars"] {
            for word in vocabulary(name).unwrap_or_default() {
                sides.insert(word.to_ascii_lowercase(), Side::Militants);
            }
        }
        let pair_starts = sides
            .keys()
            .filter_map(|k| k.split_once(' ').map(|(a, _)| a.to_string()))
            .collect();
        Lexicon {
            pair_starts,
            gazetteer,
            place_names,
            places,
            place_by_name,
            district_province,
            group_names,
            group_aliases: group_patterns,
            groups,
            nationality_names,
            nationalities,
            country_nationality,
            sides,
        }
    }

    /// Place names in `text[start..end]`, capitalised as proper nouns.
    pub fn find_places(&self, text: &str, start: usize, end: usize) -> Vec<PlaceMatch> {
        let slice = &text[start..end];
        capitalised_matches(&self.places, slice)
            .into_iter()
            .map(|m| PlaceMatch {
                start: start + m.start(),
                end: start + m.end(),
                index: m.pattern().as_usize(),
            })
            .collect()
    }

    pub fn place(&self, index: usize) -> &PlaceName {
        &self.place_names[index]
    }

    /// Every place entry spelled like `name` (case-insensitive).
    pub fn places_named(&self, name: &str) -> &[usize] {
        // Asked of most capitalised words: lowercase short names on the
        // stack rather than in a new string.
        let mut buffer = [0u8; 64];
        let found = match buffer.get_mut(..name.len()) {
            Some(lower) => {
                lower.copy_from_slice(name.as_bytes());
                lower.make_ascii_lowercase();
                // ASCII lowercasing keeps UTF-8 valid.
                std::str::from_utf8(lower)
                    .ok()
                    .and_then(|lower| self.place_by_name.get(lower))
            }
            None => self.place_by_name.get(&name.to_ascii_lowercase()),
        };
        found.map(Vec::as_slice).unwrap_or(&[])
    }

    /// Province of a canonical district (or multi-district city).
    pub fn province_of(&self, district: &str) -> Option<&str> {
        self.district_province.get(district).map(String::as_str)
    }

    /// Groups named in `text[start..end]`: (start, end, canonical name).
    pub fn find_groups<'s>(
        &'s self,
        text: &str,
        start: usize,
        end: usize,
    ) -> Vec<(usize, usize, &'s str)> {
        let found = matches(&self.groups, &text[start..end])
            .map(|m| (start + m.start(), start + m.end(), m.pattern().as_usize()));
        self.named_groups(text, start, end, found)
    }

    /// The spellings of every group name, numbered as
    /// [`Lexicon::groups_among`] takes them.
    pub fn group_aliases(&self) -> impl Iterator<Item = &str> {
        self.group_aliases.iter().map(String::as_str)
    }

    /// [`Lexicon::find_groups`] from every occurrence `(start, end, alias)`
    /// of the aliases inside `text[start..end]`, overlapping ones included
    /// and in any order (as a scan for many words at once finds them): the
    /// leftmost, then longest, then first-listed alias wins, as in the
    /// automaton's own search.
    pub fn groups_among<'s>(
        &'s self,
        text: &str,
        start: usize,
        end: usize,
        mut occurrences: Vec<(usize, usize, usize)>,
    ) -> Vec<(usize, usize, &'s str)> {
        occurrences.sort_unstable_by_key(|&(s, e, alias)| (s, std::cmp::Reverse(e), alias));
        let mut searched_to = start;
        let leftmost_longest = occurrences.into_iter().filter(|&(s, e, _)| {
            let next = s >= searched_to;
            if next {
                searched_to = e;
            }
            next
        });
        self.named_groups(text, start, end, leftmost_longest)
    }

    /// The groups of alias matches that stand alone as words, acronyms
    /// only in capitals.
    fn named_groups<'s>(
        &'s self,
        text: &str,
        start: usize,
        end: usize,
        found: impl Iterator<Item = (usize, usize, usize)>,
    ) -> Vec<(usize, usize, &'s str)> {
        let slice = &text[start..end];
        found
            .filter(|&(s, e, _)| at_word_boundary(slice, s - start, e - start))
            .filter_map(|(s, e, alias)| {
                let (name, acronym) = &self.group_names[alias];
                if *acronym && text[s..e].chars().any(|c| c.is_ascii_lowercase()) {
                    return None;
                }
                Some((s, e, name.as_str()))
            })
            .collect()
    }

    /// Demonyms in `text[start..end]`: (start, end, canonical nationality).
    pub fn find_demonyms<'s>(
        &'s self,
        text: &str,
        start: usize,
        end: usize,
    ) -> Vec<(usize, usize, &'s str)> {
        let slice = &text[start..end];
        capitalised_matches(&self.nationalities, slice)
            .into_iter()
            .map(|m| {
                (
                    start + m.start(),
                    start + m.end(),
                    self.nationality_names[m.pattern().as_usize()].as_str(),
                )
            })
            .collect()
    }

    /// Nationality of people from a country ("Afghanistan" -> "Afghan").
    pub fn nationality_of_country(&self, country: &str) -> Option<&str> {
        self.country_nationality.get(country).map(String::as_str)
    }

    /// Whether some two-word casualty noun starts with `word`.
    pub fn starts_pair(&self, word: &str) -> bool {
        self.pair_starts.contains(word)
    }

    /// Side of a casualty noun (lowercase, one or two words).
    pub fn side_of(&self, noun: &str) -> Option<Side> {
        self.sides.get(noun).copied()
    }
}

/// The lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::load)
}

#[cfg(test)]
mod gazetteer_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capital_scan_finds_what_a_bytewise_scan_finds() {
        let naive = |b: &[u8]| {
            b.iter()
                .position(|&c| c.is_ascii_uppercase() || !c.is_ascii())
        };
        let texts = [
            "",
            "a",
            "Z",
            "@[`{",
            "all lower case words here, none at all",
            "sixteen bytes ok then a Capital",
            "curly \u{2019}quote",
            "zzzzzzzz@[`{zzzzZ",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for start in 0..=bytes.len() {
                assert_eq!(
                    next_capital_or_non_ascii(&bytes[start..]),
                    naive(&bytes[start..]),
                    "{text:?} from {start}"
                );
            }
        }
        for byte in 0..=255u8 {
            let mut bytes = [b'x'; 19];
            bytes[11] = byte;
            assert_eq!(
                next_capital_or_non_ascii(&bytes),
                naive(&bytes),
                "byte {byte}"
            );
        }
    }

    fn districts(text: &str) -> Vec<String> {
        let lex = lexicon();
        lex.find_places(text, 0, text.len())
            .into_iter()
            .map(|m| {
                let p = lex.place(m.index);
                match p.kind {
                    PlaceKind::Locality => p.parent.clone().unwrap_or_default(),
                    _ => p.canonical.clone(),
                }
            })
            .collect()
    }

    #[test]
    fn district_spellings() {
        let cases = [
            ("in D.I. Khan", "Dera Ismail Khan"),
            ("in DI Khan", "Dera Ismail Khan"),
            ("N Waziristan", "North Waziristan"),
            ("Bajur district", "Bajaur"),
            ("Naushki", "Nushki"),
            ("Bolan", "Kachhi"),
            ("Mir Ali", "North Waziristan"),
            ("Datta Khel", "North Waziristan"),
            ("Tirah", "Khyber"),
            ("Timergara", "Lower Dir"),
            ("Wana", "South Waziristan"),
        ];
        for (text, want) in cases {
            assert_eq!(districts(text), vec![want.to_string()], "{text}");
        }
    }

    #[test]
    fn lowercase_words_are_not_places() {
        assert!(districts("six tanks were destroyed").is_empty());
    }

    #[test]
    fn longest_name_wins() {
        assert_eq!(
            districts("in Khyber Pakhtunkhwa"),
            vec!["Khyber Pakhtunkhwa".to_string()]
        );
    }

    #[test]
    fn groups_and_acronyms() {
        let lex = lexicon();
        let text = "Fitna al-Khawarij and the BLA; a tip";
        let found: Vec<&str> = lex
            .find_groups(text, 0, text.len())
            .into_iter()
            .map(|g| g.2)
            .collect();
        assert_eq!(found, vec!["TTP", "BLA"]);
    }
}
