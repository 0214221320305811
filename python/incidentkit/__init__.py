"""incidentkit: incidents of militant violence in Pakistan and across the
Pakistan-Afghanistan border, parsed from English reports into Polars.

>>> import incidentkit as ik
>>> df = ik.parse("BANNU: Two policemen were martyred in an attack in Domel on Monday.",
...               published="2025-03-05")
>>> df.select("district", "date_start", "killed_security").to_dicts()
[{'district': 'Bannu', 'date_start': datetime.date(2025, 3, 3), 'killed_security': 2}]
"""

from __future__ import annotations

from incidentkit._parse import SCHEMA, parse, parse_many
from incidentkit._stats import (
    Crosstab,
    aggregate,
    compare_periods,
    crosstab,
    deduplicate,
    gazetteer,
    rates,
    trend,
)

__all__ = [
    "SCHEMA",
    "Crosstab",
    "__version__",
    "aggregate",
    "compare_periods",
    "crosstab",
    "deduplicate",
    "gazetteer",
    "parse",
    "parse_many",
    "rates",
    "trend",
]

from incidentkit._core import __version__

# Corpora (io.py, _corpus.py), and the `incidents` expression namespace that
# importing _plugin registers on polars.
__all__ += ["CorpusWarning", "parse_corpus", "read_corpus"]
from incidentkit import _plugin  # noqa: E402, F401
from incidentkit._corpus import parse_corpus  # noqa: E402
from incidentkit.io import CorpusWarning, read_corpus  # noqa: E402
