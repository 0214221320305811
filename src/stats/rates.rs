//! `rates`: tolls and incidents per head of population, from the census
//! populations in the gazetteer.

use polars::prelude::*;

use super::error::{StatsError, StatsResult};
use super::gazetteer::is_census_2023;
use crate::lexicon::lexicon;

/// The metrics that get a rate when the aggregated frame has them.
const RATE_METRICS: [&str; 9] = [
    "incidents",
    "killed_total",
    "killed_security",
    "killed_civilians",
    "killed_militants",
    "killed_unknown",
    "injured_total",
    "arrested",
    "militants",
];

/// The level a frame is keyed at, finest first.
const LEVELS: [&str; 3] = ["district", "province", "country"];

/// Where Pakistan's population comes from: the 2023 census counted the four
/// provinces and Islamabad, not Gilgit-Baltistan or Azad Jammu and Kashmir.
const PAKISTAN_SOURCE: &str =
    "census 2023 (PBS): the four provinces and Islamabad Capital Territory";

/// The population of a place at `level`, by canonical name, with its source.
pub fn population(level: &str, name: &str) -> Option<(u64, &'static str)> {
    let gazetteer = &lexicon().gazetteer;
    let (population, source) = match level {
        "district" => {
            let d = gazetteer.districts.iter().find(|d| d.name == name)?;
            (d.population, d.population_source.as_deref())
        }
        "province" => {
            let p = gazetteer.provinces.iter().find(|p| p.name == name)?;
            (p.population, p.population_source.as_deref())
        }
        "country" if name == "Pakistan" => {
            let counted = gazetteer
                .provinces
                .iter()
                .filter(|p| p.population_source.as_deref().is_some_and(is_census_2023))
                .filter_map(|p| p.population)
                .sum();
            (Some(counted), Some(PAKISTAN_SOURCE))
        }
        _ => return None,
    };
    Some((population?, source.unwrap_or_default()))
}

/// `incidents` and tolls per `per` people: adds `population`, its
/// `population_source` and a column `{metric}_per_{per}` (e.g.
/// `killed_total_per_100k`) for every metric present. The place is the
/// frame's `district` column, else `province`, else `country`; places
/// without a population get null rates.
pub fn rates(aggregated: &DataFrame, per: f64) -> StatsResult<DataFrame> {
    if !(per.is_finite() && per > 0.0) {
        return Err(StatsError::new(
            "per",
            format!("got {per}; expected a positive number such as 100000"),
        ));
    }
    let level = LEVELS
        .iter()
        .copied()
        .find(|name| aggregated.column(name).is_ok())
        .ok_or_else(|| {
            StatsError::new(
                "aggregated",
                "needs a district, province or country column: aggregate by one of them first",
            )
        })?;
    let places = aggregated
        .column(level)
        .and_then(|c| c.cast(&DataType::String))
        .map_err(|e| StatsError::polars("aggregated", e))?;
    let places = places
        .str()
        .map_err(|e| StatsError::polars("aggregated", e))?;
    let found: Vec<Option<(u64, &str)>> = places
        .iter()
        .map(|name| name.and_then(|name| population(level, name)))
        .collect();
    let populations: Vec<Option<u64>> = found.iter().map(|f| f.map(|(p, _)| p)).collect();
    let sources: Vec<Option<&str>> = found.iter().map(|f| f.map(|(_, s)| s)).collect();
    let mut frame = aggregated.clone();
    let mut add = |column: Column| {
        frame
            .with_column(column)
            .map(|_| ())
            .map_err(|e| StatsError::polars("aggregated", e))
    };
    add(Column::new("population".into(), populations.clone()))?;
    add(Column::new("population_source".into(), sources))?;
    let suffix = per_label(per);
    for metric in RATE_METRICS {
        let Ok(column) = aggregated.column(metric) else {
            continue;
        };
        let values = column.cast(&DataType::Float64).map_err(|_| {
            StatsError::new("aggregated", format!("column {metric} is not numeric"))
        })?;
        let values = values
            .f64()
            .map_err(|e| StatsError::polars("aggregated", e))?;
        let rate: Vec<Option<f64>> = values
            .iter()
            .zip(&populations)
            .map(|(v, p)| match (v, p) {
                (Some(v), Some(p)) if *p > 0 => Some(v / *p as f64 * per),
                _ => None,
            })
            .collect();
        add(Column::new(format!("{metric}_per_{suffix}").into(), rate))?;
    }
    Ok(frame)
}

/// `100k` for 100,000, `1m` for a million, else the number.
fn per_label(per: f64) -> String {
    let whole = per.fract() == 0.0 && per < 1e15;
    match per {
        p if whole && p >= 1e6 && (p / 1e6).fract() == 0.0 => format!("{}m", p / 1e6),
        p if whole && p >= 1e3 && (p / 1e3).fract() == 0.0 => format!("{}k", p / 1e3),
        p if whole => format!("{p}"),
        p => format!("{p}").replace('.', "_"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_labels() {
        assert_eq!(per_label(100_000.0), "100k");
        assert_eq!(per_label(1_000_000.0), "1m");
        assert_eq!(per_label(1000.0), "1k");
        assert_eq!(per_label(250.0), "250");
        assert_eq!(per_label(2.5), "2_5");
    }

    #[test]
    fn census_populations() {
        let figure = |level, name| population(level, name).map(|(p, _)| p);
        assert_eq!(figure("district", "Bannu"), Some(1_357_890));
        assert_eq!(figure("district", "Barkhan"), Some(210_249));
        assert_eq!(figure("province", "Balochistan"), Some(14_894_402));
        assert_eq!(figure("country", "Pakistan"), Some(241_499_431));
        assert_eq!(figure("district", "Nowhere"), None);
        // Not counted by the 2023 census: the source says what it is instead.
        let (_, source) = population("province", "Azad Jammu and Kashmir").unwrap();
        assert!(!is_census_2023(source), "{source}");
        assert_eq!(population("district", "Gupis-Yasin"), None);
    }
}
