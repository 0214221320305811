"""The ``incidents`` namespace of Polars expressions (an expression plugin).

Registered on ``import incidentkit``::

    df.with_columns(pl.col("text").incidents.parse(published="published"))

Type checkers cannot see a namespace registered at run time on ``pl.Expr``;
:func:`col` and :class:`IncidentsExpr` give them one that has it::

    df.with_columns(ik.col("text").incidents.parse(published="published"))
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Union, cast

import polars as pl
from polars.plugins import register_plugin_function

from incidentkit import _args, _core
from incidentkit._args import DateLike

__all__ = ["IncidentsExpr", "IncidentsNamespace", "col"]

# The plugin's functions live in the extension module's shared library.
_LIBRARY = Path(_core.__file__)

#: Publication dates: an expression, a column name, or one date for all rows.
IntoDate = Union[pl.Expr, str, DateLike]
IntoId = Union[pl.Expr, str, None]

if TYPE_CHECKING:

    class IncidentsExpr(pl.Expr):
        """A ``polars.Expr`` whose ``incidents`` namespace type checkers see."""

        incidents: IncidentsNamespace

else:
    #: A ``polars.Expr`` whose ``incidents`` namespace type checkers see (at
    #: run time, every ``polars.Expr`` has it): ``cast(ik.IncidentsExpr, expr)``.
    IncidentsExpr = pl.Expr


def col(name: str) -> IncidentsExpr:
    """``pl.col(name)``, typed so that mypy and pyright see its ``incidents``
    namespace.

    Examples
    --------
    >>> import polars as pl
    >>> import incidentkit as ik
    >>> docs = pl.DataFrame({"text": ["Two soldiers were martyred in Bannu on 3 May 2025."]})
    >>> docs.select(ik.col("text").incidents.parse().list.len()).item()
    1
    """
    if not isinstance(name, str):
        raise TypeError(f"name: expected a column name (str), got {type(name).__name__}")
    return cast(IncidentsExpr, pl.col(name))


def _row_numbers() -> pl.Expr:
    return pl.int_range(pl.len(), dtype=pl.UInt32)


def _row_positions() -> pl.Expr:
    return _row_numbers().cast(pl.String)


def _date_expr(published: IntoDate) -> pl.Expr:
    if isinstance(published, pl.Expr):
        return published
    if isinstance(published, str):
        return pl.col(published)
    try:
        day = _args.date(published, "published")
    except TypeError:
        raise TypeError(
            "published: expected an expression, a column name, one date (datetime.date, "
            f"pandas.Timestamp, numpy.datetime64) or None, got {type(published).__name__}"
        ) from None
    return pl.lit(day, dtype=pl.Date)


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
            all rows (``datetime.date``, ``pandas.Timestamp``,
            ``numpy.datetime64``; None or NaT for none). Where it is null, the
            document's own date is used, as in :func:`incidentkit.parse`.
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
            incidents, null for a null text, and null for a document the
            engine failed on, with a :class:`incidentkit.CorpusWarning` naming
            its row, its id and the reason. ``pl.col("incidents").explode()``
            then ``.struct.unnest()`` gives the rows of
            :func:`incidentkit.parse_many`. The documents are parsed on
            Polars' thread pool: in parallel, or one by one on each thread when
            Polars already runs the expression on many (streaming).

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
            args=[self._expr, _date_expr(published), _id_expr(doc_id), _row_numbers()],
            kwargs={"fail_on": None},
            is_elementwise=True,
        ).alias("incidents")
