"""incidentkit: incidents of militant violence in Pakistan and across the
Pakistan-Afghanistan border, parsed from English reports into Polars.

>>> import incidentkit as ik
>>> df = ik.parse("BANNU: Two policemen were martyred in an attack in Domel on Monday.",
...               published="2025-03-05")
>>> df.select("district", "date_start", "killed_security").to_dicts()
[{'district': 'Bannu', 'date_start': datetime.date(2025, 3, 3), 'killed_security': 2}]
"""

from __future__ import annotations

# Importing _plugin registers the `incidents` namespace on Polars expressions;
# plot imports matplotlib only when a chart is drawn (incidentkit[plot]).
from incidentkit import io, plot
from incidentkit._core import __version__
from incidentkit._corpus import parse_corpus
from incidentkit._evaluate import Evaluation, evaluate, read_gold
from incidentkit._parse import SCHEMA, parse, parse_many
from incidentkit._plugin import IncidentsExpr, IncidentsNamespace, col
from incidentkit._stats import (
    Crosstab,
    PopulationWarning,
    aggregate,
    compare_periods,
    crosstab,
    deduplicate,
    gazetteer,
    rates,
    trend,
)
from incidentkit.io import CorpusWarning, read_corpus

__all__ = [
    "SCHEMA",
    "CorpusWarning",
    "Crosstab",
    "Evaluation",
    "IncidentsExpr",
    "IncidentsNamespace",
    "PopulationWarning",
    "__version__",
    "aggregate",
    "col",
    "compare_periods",
    "crosstab",
    "deduplicate",
    "evaluate",
    "gazetteer",
    "io",
    "parse",
    "parse_corpus",
    "parse_many",
    "plot",
    "rates",
    "read_corpus",
    "read_gold",
    "trend",
]


def __dir__() -> list[str]:
    # The public names only: not the modules and names the package imports
    # for itself (annotations, _core, ...).
    return sorted(__all__)
