//! Incidents -> polars DataFrame with the SPEC schema.

use chrono::NaiveDate;
use polars::chunked_array::builder::get_list_builder;
use polars::prelude::*;

use crate::incident::{DatePrecision, EventType, Incident, Mention, SideCounts};

/// Days from 1970-01-01, polars' physical representation of `Date`.
fn epoch_days(date: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid epoch");
    (date - epoch).num_days() as i32
}

fn enum_dtype(categories: &[&str]) -> DataType {
    let frozen = FrozenCategories::new(categories.iter().copied())
        .expect("enum categories are unique and few");
    DataType::from_frozen_categories(frozen)
}

/// The `Enum` dtype of `date_precision`.
pub fn date_precision_dtype() -> DataType {
    enum_dtype(&DatePrecision::ALL)
}

/// The `Enum` dtype of `mention`.
pub fn mention_dtype() -> DataType {
    enum_dtype(&Mention::ALL)
}

/// The `Enum` dtype of `event_type`.
pub fn event_type_dtype() -> DataType {
    enum_dtype(&EventType::ALL)
}

/// The struct inside `militant_nationalities`.
pub fn nationality_dtype() -> DataType {
    DataType::Struct(vec![
        Field::new("nationality".into(), DataType::String),
        Field::new("count".into(), DataType::UInt32),
    ])
}

const COUNT_COLUMNS: [&str; 8] = [
    "killed_security",
    "killed_civilians",
    "killed_militants",
    "killed_unknown",
    "injured_security",
    "injured_civilians",
    "injured_militants",
    "injured_unknown",
];

/// The names of the SPEC columns, in order.
pub const SPEC_COLUMN_NAMES: [&str; 31] = [
    "doc_id",
    "incident_id",
    "published",
    "date_start",
    "date_end",
    "date_precision",
    "country",
    "province",
    "district",
    "place",
    "event_type",
    "killed_security",
    "killed_civilians",
    "killed_militants",
    "killed_unknown",
    "injured_security",
    "injured_civilians",
    "injured_militants",
    "injured_unknown",
    "arrested",
    "killed_total",
    "injured_total",
    "approximate",
    "militant_group",
    "militant_nationalities",
    "cross_border",
    "operation",
    "mention",
    "text",
    "start",
    "end",
];

/// The SPEC schema, column by column, in order.
pub fn schema() -> Schema {
    let mut fields: Vec<Field> = Vec::with_capacity(32);
    let mut push = |name: &str, dtype: DataType| fields.push(Field::new(name.into(), dtype));
    push("doc_id", DataType::String);
    push("incident_id", DataType::String);
    push("published", DataType::Date);
    push("date_start", DataType::Date);
    push("date_end", DataType::Date);
    push("date_precision", date_precision_dtype());
    push("country", DataType::String);
    push("province", DataType::String);
    push("district", DataType::String);
    push("place", DataType::String);
    push("event_type", event_type_dtype());
    for name in COUNT_COLUMNS {
        push(name, DataType::UInt32);
    }
    push("arrested", DataType::UInt32);
    push("killed_total", DataType::UInt32);
    push("injured_total", DataType::UInt32);
    push("approximate", DataType::Boolean);
    push("militant_group", DataType::String);
    push(
        "militant_nationalities",
        DataType::List(Box::new(nationality_dtype())),
    );
    push("cross_border", DataType::Boolean);
    push("operation", DataType::String);
    push("mention", mention_dtype());
    push("text", DataType::String);
    push("start", DataType::UInt32);
    push("end", DataType::UInt32);
    Schema::from_iter(fields)
}

fn string_column<'a>(
    name: &str,
    incidents: &'a [Incident],
    get: impl Fn(&'a Incident) -> Option<&'a str>,
) -> Column {
    let values: Vec<Option<&str>> = incidents.iter().map(get).collect();
    Column::new(name.into(), values)
}

fn date_column(
    name: &str,
    incidents: &[Incident],
    get: impl Fn(&Incident) -> Option<NaiveDate>,
) -> PolarsResult<Column> {
    let days: Vec<Option<i32>> = incidents.iter().map(|i| get(i).map(epoch_days)).collect();
    Ok(Series::new(name.into(), days).cast(&DataType::Date)?.into())
}

fn u32_column(
    name: &str,
    incidents: &[Incident],
    get: impl Fn(&Incident) -> Option<u32>,
) -> Column {
    let values: Vec<Option<u32>> = incidents.iter().map(get).collect();
    Column::new(name.into(), values)
}

fn enum_column(
    name: &str,
    dtype: &DataType,
    incidents: &[Incident],
    get: impl Fn(&Incident) -> Option<&'static str>,
) -> PolarsResult<Column> {
    let values: Vec<Option<&str>> = incidents.iter().map(get).collect();
    Ok(Series::new(name.into(), values).cast(dtype)?.into())
}

fn nationalities_column(incidents: &[Incident]) -> PolarsResult<Column> {
    let inner = nationality_dtype();
    let total: usize = incidents
        .iter()
        .map(|i| i.militant_nationalities.len())
        .sum();
    let mut builder = get_list_builder(
        &inner,
        total,
        incidents.len(),
        "militant_nationalities".into(),
    );
    // Most incidents name no nationality: they all share one empty row.
    let empty_row = StructChunked::from_series(
        "".into(),
        0,
        [
            Series::new_empty("nationality".into(), &DataType::String),
            Series::new_empty("count".into(), &DataType::UInt32),
        ]
        .iter(),
    )?
    .into_series();
    for incident in incidents {
        if incident.militant_nationalities.is_empty() {
            builder.append_series(&empty_row)?;
            continue;
        }
        let names: Vec<&str> = incident
            .militant_nationalities
            .iter()
            .map(|n| n.nationality.as_str())
            .collect();
        let counts: Vec<Option<u32>> = incident
            .militant_nationalities
            .iter()
            .map(|n| n.count)
            .collect();
        let fields = [
            Series::new("nationality".into(), names),
            Series::new("count".into(), counts),
        ];
        let row = StructChunked::from_series("".into(), fields[0].len(), fields.iter())?;
        builder.append_series(&row.into_series())?;
    }
    Ok(builder.finish().into_series().into())
}

fn side(counts: &SideCounts, index: usize) -> Option<u32> {
    [
        counts.security,
        counts.civilians,
        counts.militants,
        counts.unknown,
    ][index]
}

/// Build the SPEC DataFrame from incidents (an empty frame keeps the schema).
pub fn incidents_to_frame(incidents: &[Incident]) -> PolarsResult<DataFrame> {
    let precision = date_precision_dtype();
    let event = event_type_dtype();
    let mut columns: Vec<Column> = vec![
        string_column("doc_id", incidents, |i| Some(i.doc_id.as_str())),
        string_column("incident_id", incidents, |i| Some(i.incident_id.as_str())),
        date_column("published", incidents, |i| i.published)?,
        date_column("date_start", incidents, |i| i.date_start)?,
        date_column("date_end", incidents, |i| i.date_end)?,
        enum_column("date_precision", &precision, incidents, |i| {
            i.date_precision.map(DatePrecision::as_str)
        })?,
        string_column("country", incidents, |i| i.country.as_deref()),
        string_column("province", incidents, |i| i.province.as_deref()),
        string_column("district", incidents, |i| i.district.as_deref()),
        string_column("place", incidents, |i| i.place.as_deref()),
        enum_column("event_type", &event, incidents, |i| {
            i.event_type.map(EventType::as_str)
        })?,
    ];
    for (k, name) in COUNT_COLUMNS.iter().enumerate() {
        columns.push(if k < 4 {
            u32_column(name, incidents, |i| side(&i.killed, k))
        } else {
            u32_column(name, incidents, |i| side(&i.injured, k - 4))
        });
    }
    columns.push(u32_column("arrested", incidents, |i| i.arrested));
    columns.push(u32_column("killed_total", incidents, |i| i.killed.total()));
    columns.push(u32_column("injured_total", incidents, |i| {
        i.injured.total()
    }));
    let approximate: Vec<bool> = incidents.iter().map(|i| i.approximate).collect();
    columns.push(Column::new("approximate".into(), approximate));
    columns.push(string_column("militant_group", incidents, |i| {
        i.militant_group.as_deref()
    }));
    columns.push(nationalities_column(incidents)?);
    let cross_border: Vec<bool> = incidents.iter().map(|i| i.cross_border).collect();
    columns.push(Column::new("cross_border".into(), cross_border));
    columns.push(string_column("operation", incidents, |i| {
        i.operation.as_deref()
    }));
    columns.push(enum_column("mention", &mention_dtype(), incidents, |i| {
        i.mention.map(Mention::as_str)
    })?);
    columns.push(string_column("text", incidents, |i| Some(i.text.as_str())));
    columns.push(u32_column("start", incidents, |i| Some(i.start)));
    columns.push(u32_column("end", incidents, |i| Some(i.end)));
    DataFrame::new(incidents.len(), columns)
}

/// An empty frame with the full SPEC schema.
pub fn empty_frame() -> DataFrame {
    DataFrame::empty_with_schema(&schema())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incident::Nationality;

    fn sample() -> Incident {
        Incident {
            doc_id: "d".into(),
            incident_id: "d:0".into(),
            date_start: NaiveDate::from_ymd_opt(2025, 3, 4),
            date_end: NaiveDate::from_ymd_opt(2025, 3, 4),
            date_precision: Some(DatePrecision::Day),
            event_type: Some(EventType::Bombing),
            killed: SideCounts {
                security: Some(2),
                civilians: Some(1),
                ..Default::default()
            },
            militant_nationalities: vec![Nationality {
                nationality: "Afghan".into(),
                count: Some(3),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn frame_has_spec_schema() {
        let df = incidents_to_frame(&[sample(), Incident::default()]).unwrap();
        assert_eq!(df.schema().as_ref(), &schema());
        assert_eq!(df.height(), 2);
    }

    #[test]
    fn column_names_follow_the_schema() {
        let names: Vec<String> = schema().iter_names().map(|n| n.to_string()).collect();
        assert_eq!(names, SPEC_COLUMN_NAMES);
    }

    #[test]
    fn empty_frame_has_spec_schema() {
        let df = incidents_to_frame(&[]).unwrap();
        assert_eq!(df.schema().as_ref(), &schema());
        assert_eq!(empty_frame().schema().as_ref(), &schema());
    }

    #[test]
    fn totals_sum_stated_parts() {
        let df = incidents_to_frame(&[sample()]).unwrap();
        let total = df.column("killed_total").unwrap().u32().unwrap().get(0);
        assert_eq!(total, Some(3));
        let injured = df.column("injured_total").unwrap().u32().unwrap().get(0);
        assert_eq!(injured, None);
    }
}
