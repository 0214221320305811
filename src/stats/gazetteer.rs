//! The place table as a frame: what the parser knows and the populations
//! that `rates` divides by, each with its source.

use polars::prelude::*;

use crate::lexicon::lexicon;

/// How the source of a population counted by the 2023 census begins: the
/// district's own figure or a sum of the census's figures for its tehsils.
pub const CENSUS_2023: &str = "census 2023";

/// Whether a population with this source is a 2023 census count, rather than
/// an older count or an estimate.
pub fn is_census_2023(source: &str) -> bool {
    source.starts_with(CENSUS_2023)
}

/// One row of the place table.
struct Place<'a> {
    kind: &'static str,
    name: &'a str,
    district: Option<&'a str>,
    province: Option<&'a str>,
    country: &'static str,
    population: Option<u64>,
    population_source: Option<&'a str>,
    aliases: &'a [String],
}

fn places() -> Vec<Place<'static>> {
    let g = &lexicon().gazetteer;
    let mut rows = Vec::new();
    for p in &g.provinces {
        rows.push(Place {
            kind: "province",
            name: &p.name,
            district: None,
            province: Some(&p.name),
            country: "Pakistan",
            population: p.population,
            population_source: p.population_source.as_deref(),
            aliases: &p.aliases,
        });
    }
    for d in &g.districts {
        rows.push(Place {
            kind: "district",
            name: &d.name,
            district: Some(&d.name),
            province: Some(&d.province),
            country: "Pakistan",
            population: d.population,
            population_source: d.population_source.as_deref(),
            aliases: &d.aliases,
        });
    }
    for c in &g.cities {
        rows.push(Place {
            kind: "city",
            name: &c.name,
            district: None,
            province: Some(&c.province),
            country: "Pakistan",
            population: None,
            population_source: None,
            aliases: &c.districts,
        });
    }
    for l in &g.localities {
        rows.push(Place {
            kind: "locality",
            name: &l.name,
            district: Some(&l.district),
            province: lexicon().province_of(&l.district),
            country: "Pakistan",
            population: None,
            population_source: None,
            aliases: &l.aliases,
        });
    }
    for p in &g.afghan_provinces {
        rows.push(Place {
            kind: "afghan_province",
            name: &p.name,
            district: None,
            province: Some(&p.name),
            country: "Afghanistan",
            population: None,
            population_source: None,
            aliases: &p.aliases,
        });
    }
    for d in &g.afghan_districts {
        rows.push(Place {
            kind: "afghan_district",
            name: &d.name,
            district: Some(&d.name),
            province: Some(&d.province),
            country: "Afghanistan",
            population: None,
            population_source: None,
            aliases: &d.aliases,
        });
    }
    rows
}

/// Every place: `kind` (province, district, city, locality, afghan_province,
/// afghan_district), `name`, its `district`, `province` and `country`,
/// `population` with its `population_source` (for provinces and districts:
/// where the figure comes from, or why there is none), and the `aliases` the parser
/// recognises (for a city, the districts it spans).
pub fn gazetteer_frame() -> PolarsResult<DataFrame> {
    let rows = places();
    let strings = |name: &str, get: fn(&Place<'static>) -> Option<&'static str>| {
        Column::new(name.into(), rows.iter().map(get).collect::<Vec<_>>())
    };
    let mut aliases = ListStringChunkedBuilder::new("aliases".into(), rows.len(), rows.len() * 4);
    for row in &rows {
        aliases.append_values_iter(row.aliases.iter().map(String::as_str));
    }
    DataFrame::new(
        rows.len(),
        vec![
            strings("kind", |p| Some(p.kind)),
            strings("name", |p| Some(p.name)),
            strings("district", |p| p.district),
            strings("province", |p| p.province),
            strings("country", |p| Some(p.country)),
            Column::new(
                "population".into(),
                rows.iter().map(|p| p.population).collect::<Vec<_>>(),
            ),
            strings("population_source", |p| p.population_source),
            aliases.finish().into_series().into(),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::DistrictEntry;

    fn districts() -> &'static [DistrictEntry] {
        &lexicon().gazetteer.districts
    }

    #[test]
    fn every_province_and_district_names_its_source() {
        let g = &lexicon().gazetteer;
        let rows = g
            .provinces
            .iter()
            .map(|p| (&p.name, p.population, &p.population_source))
            .chain(
                g.districts
                    .iter()
                    .map(|d| (&d.name, d.population, &d.population_source)),
            );
        for (name, population, source) in rows {
            let source = source
                .as_deref()
                .unwrap_or_else(|| panic!("{name}: no source"));
            match population {
                // A figure is a 2023 count, an older count or an estimate
                // that says how it was made.
                Some(_) => assert!(
                    is_census_2023(source)
                        || source.starts_with("census 2017")
                        || source.starts_with("estimate: "),
                    "{name}: {source}"
                ),
                None => assert!(source.starts_with("none: "), "{name}: {source}"),
            }
        }
    }

    #[test]
    fn no_district_population_is_a_round_guess() {
        let mut seen: Vec<(u64, &str)> = Vec::new();
        for d in districts() {
            let Some(population) = d.population else {
                continue;
            };
            // A count of people is not a multiple of a thousand by chance
            // more than once in a thousand districts; a guess usually is.
            assert_ne!(population % 1000, 0, "{}: {population}", d.name);
            if let Some((_, other)) = seen.iter().find(|(p, _)| *p == population) {
                panic!("{} and {other} share the population {population}", d.name);
            }
            seen.push((population, &d.name));
        }
    }

    #[test]
    fn census_districts_add_up_to_their_provinces() {
        // Kohistan, Chitral and South Waziristan are listed whole and in
        // parts; the parts are the census's districts or tehsils.
        let wholes = ["Kohistan", "Chitral", "South Waziristan"];
        for province in &lexicon().gazetteer.provinces {
            let source = province.population_source.as_deref().unwrap_or_default();
            if !is_census_2023(source) {
                continue;
            }
            let summed: u64 = districts()
                .iter()
                .filter(|d| d.province == province.name && !wholes.contains(&d.name.as_str()))
                .filter(|d| d.population_source.as_deref().is_some_and(is_census_2023))
                .filter_map(|d| d.population)
                .sum();
            assert_eq!(Some(summed), province.population, "{}", province.name);
        }
    }

    #[test]
    fn split_districts_carry_their_tehsils() {
        let find = |name: &str| districts().iter().find(|d| d.name == name).unwrap();
        let sum = |names: &[&str]| -> u64 { names.iter().filter_map(|n| find(n).population).sum() };
        // The 2023 census counted these before the split: the parts add up.
        assert_eq!(
            sum(&["Upper South Waziristan", "Lower South Waziristan"]),
            find("South Waziristan").population.unwrap()
        );
        assert_eq!(
            sum(&["Upper Kohistan", "Lower Kohistan", "Kolai-Palas"]),
            find("Kohistan").population.unwrap()
        );
        for name in [
            "Talagang",
            "Murree",
            "Kot Addu",
            "Taunsa",
            "Wazirabad",
            "Hub",
            "Usta Muhammad",
        ] {
            let source = find(name).population_source.as_deref().unwrap();
            assert!(
                source.starts_with("census 2023 (PBS): "),
                "{name}: {source}"
            );
            assert!(source.contains("tehsil"), "{name}: {source}");
        }
        // Figures the package does not have say so.
        assert!(find("Central Dir")
            .population_source
            .as_deref()
            .unwrap()
            .starts_with("estimate: "));
        assert_eq!(find("Gupis-Yasin").population, None);
    }
}
