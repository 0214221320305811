"""The ``incidents`` namespace of Polars expressions (an expression plugin).

Registered on ``import incidentkit``::

    df.with_columns(pl.col("text").incidents.parse(published="published"))
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Union

import polars as pl
from polars.plugins import register_plugin_function

from incidentkit import _core

__all__ = ["IncidentsNamespace"]

# The plugin's functions live in the extension module's shared library.
_LIBRARY = Path(_core.__file__)

IntoDate = Union[pl.Expr, str, dt.date, None]
IntoId = Union[pl.Expr, str, None]


def _row_positions() -> pl.Expr:
    return pl.int_range(pl.len(), dtype=pl.UInt32).cast(pl.String)


def _date_expr(published: IntoDate) -> pl.Expr:
    if published is None:
        return pl.lit(None, dtype=pl.Date)
    if isinstance(published, pl.Expr):
        return published
    if isinstance(published, str):
        return pl.col(published)
    if isinstance(published, dt.datetime):
        return pl.lit(published.date(), dtype=pl.Date)
    if isinstance(published, dt.date):
        return pl.lit(published, dtype=pl.Date)
    raise TypeError(
        "published: expected an expression, a column name, a datetime.date or None, "
        f"got {type(published).__name__}"
    )


def _id_expr(doc_id: IntoId) -> pl.Expr:
    if doc_id is None:
        return _row_positions()
    if isinstance(doc_id, str):
        doc_id = pl.col(doc_id)
    if not isinstance(doc_id, pl.Expr):
        raise TypeError(
            f"doc_id: expected an expression, a column name or None, got {type(doc_id).__name__}"
        )
    return doc_id.cast(pl.String).fill_null(_row_positions())


@pl.api.register_expr_namespace("incidents")
class IncidentsNamespace:
    """``expr.incidents``: incidents parsed from a column of texts."""

    def __init__(self, expr: pl.Expr) -> None:
        self._expr = expr

    def parse(self, published: IntoDate = None, doc_id: IntoId = None) -> pl.Expr:
        """Parse every text into the list of its incidents.

        Parameters
        ----------
        published
            The publication dates: an expression or a column name (a ``Date``,
            ``Datetime`` or ISO string column), or one ``datetime.date`` for
            all rows. Where it is null, the document's own header date is used,
            as in :func:`incidentkit.parse`.
        doc_id
            The document ids: an expression or a column name. Default (and
            where an id is null): the row's position in the frame, ``"0"``,
            ``"1"``, ... Incident ids are ``"{doc_id}:{n}"``.

        Returns
        -------
        polars.Expr
            A column named ``incidents`` of dtype ``List(Struct)``: per row,
            its incidents, each a struct with the fields of
            :data:`incidentkit.SCHEMA`; an empty list for a text without
            incidents, null for a null text (or a document the engine failed
            on). ``pl.col("incidents").explode()`` then ``.struct.unnest()``
            gives the rows of :func:`incidentkit.parse_many`.

        Examples
        --------
        >>> import datetime as dt
        >>> import polars as pl
        >>> import incidentkit as ik
        >>> docs = pl.DataFrame({
        ...     "id": ["dawn-1", "dawn-2"],
        ...     "published": [dt.date(2025, 3, 5), dt.date(2025, 3, 6)],
        ...     "text": ["BANNU: Two policemen were martyred in Domel on Monday.",
        ...              "The weather in Quetta was mild."],
        ... })
        >>> found = docs.with_columns(
        ...     pl.col("text").incidents.parse(published="published", doc_id="id"))
        >>> found.select("id", pl.col("incidents").list.len().alias("n"))
        shape: (2, 2)
        ┌────────┬─────┐
        │ id     ┆ n   │
        │ ---    ┆ --- │
        │ str    ┆ u32 │
        ╞════════╪═════╡
        │ dawn-1 ┆ 1   │
        │ dawn-2 ┆ 0   │
        └────────┴─────┘
        >>> found.select(pl.col("incidents").explode().drop_nulls()).unnest("incidents").select(
        ...     "incident_id", "date_start", "district", "killed_security")
        shape: (1, 4)
        ┌─────────────┬────────────┬──────────┬─────────────────┐
        │ incident_id ┆ date_start ┆ district ┆ killed_security │
        │ ---         ┆ ---        ┆ ---      ┆ ---             │
        │ str         ┆ date       ┆ str      ┆ u32             │
        ╞═════════════╪════════════╪══════════╪═════════════════╡
        │ dawn-1:0    ┆ 2025-03-03 ┆ Bannu    ┆ 2               │
        └─────────────┴────────────┴──────────┴─────────────────┘
        """
        return register_plugin_function(
            plugin_path=_LIBRARY,
            function_name="parse_incidents",
            args=[self._expr, _date_expr(published), _id_expr(doc_id)],
            is_elementwise=True,
        ).alias("incidents")
