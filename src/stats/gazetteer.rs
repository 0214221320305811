//! The place table as a frame: what the parser knows and the populations
//! that `rates` divides by.

use polars::prelude::*;

use crate::lexicon::lexicon;

const CENSUS: &str = "census 2023";

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

fn source(population: Option<u64>, note: &Option<String>) -> Option<&str> {
    population.map(|_| note.as_deref().unwrap_or(CENSUS))
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
            population_source: source(p.population, &p.population_source),
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
            population_source: source(d.population, &d.population_source),
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
/// `population` with its `population_source`, and the `aliases` the parser
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
