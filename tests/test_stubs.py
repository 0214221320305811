"""The stubs in ``_core.pyi`` match the compiled extension (mypy.stubtest).

stubtest imports ``incidentkit._core`` and compares every function, its
parameters and their defaults with the stub. It runs in a subprocess: it
imports and analyses modules of its own and prints its report.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# What stubtest reports that is not a mismatch of the stub, one reason each.
# stubtest fails on an entry that no longer matches anything, so the list
# cannot outlive its reasons.
ALLOWLIST = {
    # pyo3 gives every #[pymodule] an `__all__` listing its functions; the stub
    # declares the functions themselves.
    "incidentkit._core.__all__": "added by pyo3",
}


def test_core_stub_matches_the_extension(tmp_path: Path) -> None:
    allowlist = tmp_path / "allowlist.txt"
    allowlist.write_text(
        "".join(f"# {reason}\n{entry}\n" for entry, reason in ALLOWLIST.items()),
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy.stubtest",
            "incidentkit._core",
            "--allowlist",
            str(allowlist),
            # The package's own mypy settings (python_version).
            "--mypy-config-file",
            str(ROOT / "pyproject.toml"),
        ],
        cwd=tmp_path,  # whatever stubtest writes stays out of the checkout
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
