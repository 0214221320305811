//! The Polars expression plugin: `pl.col("text").incidents.parse(...)`.
//! Thin wrappers only; the work is in `column.rs`.

use polars::prelude::*;
use pyo3_polars::derive::polars_expr;

use crate::column::{incidents_dtype, parse_column};

fn incidents_field(input_fields: &[Field]) -> PolarsResult<Field> {
    let name = input_fields
        .first()
        .map_or_else(|| "incidents".into(), |f| f.name().clone());
    Ok(Field::new(name, incidents_dtype()))
}

/// Inputs: the texts, their publication dates and their document ids.
#[polars_expr(output_type_func=incidents_field)]
fn parse_incidents(inputs: &[Series]) -> PolarsResult<Series> {
    let [texts, published, doc_ids] = inputs else {
        polars_bail!(ComputeError: "incidents.parse: expected 3 inputs, got {}", inputs.len());
    };
    parse_column(texts, published, doc_ids)
}
