"""``python -m incidentkit``: the command line (see :mod:`incidentkit.cli`)."""

import sys

from incidentkit.cli import main

sys.exit(main())
