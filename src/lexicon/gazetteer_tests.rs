//! Data quality of the shipped gazetteer: every name must lead to a real
//! parent, and no name may be a word that reports use for something else.

use std::collections::{HashMap, HashSet};

use super::{lexicon, PlaceKind};

const STOPLIST_JSON: &str = include_str!("data/place_stoplist.json");

/// Every word of the stop list, lowercase, with the list it is in.
fn stop_words() -> HashMap<String, String> {
    let lists: HashMap<String, serde_json::Value> =
        serde_json::from_str(STOPLIST_JSON).expect("stop list is valid JSON");
    let mut words = HashMap::new();
    for (list, value) in lists {
        if list.starts_with('_') {
            continue;
        }
        for word in value.as_array().expect("a stop list is an array of words") {
            let word = word.as_str().expect("a stop word is a string");
            words.insert(word.to_lowercase(), list.clone());
        }
    }
    words
}

/// Every name of a province or district, lowercase.
fn admin_names() -> HashSet<String> {
    let g = &lexicon().gazetteer;
    let provinces = g
        .provinces
        .iter()
        .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases));
    let districts = g.districts.iter().flat_map(|d| {
        std::iter::once(&d.name)
            .chain(&d.aliases)
            .chain(&d.former_names)
    });
    provinces
        .chain(districts)
        .map(|n| n.to_lowercase())
        .collect()
}

#[test]
fn every_locality_lies_in_a_known_district() {
    let g = &lexicon().gazetteer;
    let districts: HashSet<&str> = g.districts.iter().map(|d| d.name.as_str()).collect();
    let bad: Vec<_> = g
        .localities
        .iter()
        .filter(|l| !districts.contains(l.district.as_str()))
        .map(|l| format!("{} ({})", l.name, l.district))
        .collect();
    assert!(bad.is_empty(), "localities of unknown districts: {bad:?}");
}

#[test]
fn every_afghan_district_lies_in_a_known_province() {
    let g = &lexicon().gazetteer;
    let provinces: HashSet<&str> = g.afghan_provinces.iter().map(|p| p.name.as_str()).collect();
    let bad: Vec<_> = g
        .afghan_districts
        .iter()
        .filter(|d| !provinces.contains(d.province.as_str()))
        .map(|d| format!("{} ({})", d.name, d.province))
        .collect();
    assert!(
        bad.is_empty(),
        "Afghan districts of unknown provinces: {bad:?}"
    );
}

#[test]
fn no_locality_is_named_like_a_district_or_province() {
    let admin = admin_names();
    let bad: Vec<_> = lexicon()
        .gazetteer
        .localities
        .iter()
        .flat_map(|l| std::iter::once(&l.name).chain(&l.aliases))
        .filter(|n| admin.contains(&n.to_lowercase()))
        .collect();
    assert!(bad.is_empty(), "localities named like a district: {bad:?}");
}

#[test]
fn no_place_name_is_a_stop_word() {
    let stop = stop_words();
    let g = &lexicon().gazetteer;
    let localities = g
        .localities
        .iter()
        .flat_map(|l| std::iter::once(&l.name).chain(&l.aliases));
    let afghan = g
        .afghan_districts
        .iter()
        .flat_map(|d| std::iter::once(&d.name).chain(&d.aliases));
    let bad: Vec<_> = localities
        .chain(afghan)
        .filter_map(|n| {
            stop.get(&n.to_lowercase())
                .map(|list| format!("{n} ({list})"))
        })
        .collect();
    assert!(bad.is_empty(), "place names in the stop list: {bad:?}");
}

#[test]
fn stop_list_holds_the_words_it_is_for() {
    let stop = stop_words();
    for word in [
        "khan", "ali", "hussain", "akbar", "sadar", "saddar", "bazaar", "cantt", "city", "colony",
        "mohalla", "chowk", "market",
    ] {
        assert!(
            stop.contains_key(word),
            "{word} is missing from the stop list"
        );
    }
}

#[test]
fn one_entry_per_locality_and_district() {
    let mut seen = HashSet::new();
    let dups: Vec<_> = lexicon()
        .gazetteer
        .localities
        .iter()
        .filter(|l| !seen.insert((l.name.to_lowercase(), l.district.as_str())))
        .map(|l| format!("{} ({})", l.name, l.district))
        .collect();
    assert!(dups.is_empty(), "localities listed twice: {dups:?}");
}

#[test]
fn the_gazetteer_is_as_broad_as_the_reporting() {
    let g = &lexicon().gazetteer;
    assert!(
        g.localities.len() >= 4000,
        "{} Pakistani localities",
        g.localities.len()
    );
    assert!(
        g.afghan_districts.len() >= 380,
        "{} Afghan districts",
        g.afghan_districts.len()
    );
    let provinces: HashSet<&str> = g.districts.iter().map(|d| d.province.as_str()).collect();
    let with_localities: HashSet<&str> = g
        .localities
        .iter()
        .filter_map(|l| lexicon().province_of(&l.district))
        .collect();
    assert_eq!(provinces, with_localities, "a province without localities");
}

/// The district (or Afghan province) a name resolves to on its own.
fn resolves_to(name: &str) -> Option<(PlaceKind, String)> {
    let lex = lexicon();
    let found = lex.find_places(name, 0, name.len());
    let m = found.first()?;
    if (m.start, m.end) != (0, name.len()) {
        return None;
    }
    let p = lex.place(m.index);
    Some((
        p.kind,
        p.parent.clone().unwrap_or_else(|| p.canonical.clone()),
    ))
}

#[test]
fn new_places_resolve() {
    let cases = [
        ("I-10/4", "Islamabad"),
        ("G-11/2", "Islamabad"),
        ("G-13", "Islamabad"),
        ("Baka Khel", "Bannu"),
        ("Bakka Khel", "Bannu"),
        ("Mirali", "North Waziristan"),
        ("Peshtakhara", "Peshawar"),
        ("Killa Kasi", "Quetta"),
        ("Qila Kasi", "Quetta"),
        ("Dalbandin", "Chagai"),
        ("Sararogha", "South Waziristan"),
        ("Upper Kurram", "Kurram"),
        ("Jandola", "Tank"),
    ];
    for (name, district) in cases {
        assert_eq!(
            resolves_to(name),
            Some((PlaceKind::Locality, district.to_string())),
            "{name}"
        );
    }
    for (name, province) in [
        ("Shindand", "Herat"),
        ("Nawzad district", "Helmand"),
        ("Nad-e-Ali", "Helmand"),
        ("Shkin", "Paktika"),
        ("Spin Boldak", "Kandahar"),
    ] {
        assert_eq!(
            resolves_to(name),
            Some((PlaceKind::AfghanDistrict, province.to_string())),
            "{name}"
        );
    }
}
