#!/usr/bin/env bash
# Every test of incidentkit: the Rust engine (fmt, clippy, cargo test) and the
# Python package (build into the active venv, ruff, mypy, pytest + doctests).
#
# Run it from anywhere: it uses the active virtual environment, or makes
# .venv, and installs the test tools it lacks.
#   bash scripts/test.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Use the active virtual environment; on a fresh machine, make one (.venv)
# with the test tools. maturin develop installs the package into it.
if [[ -z "${VIRTUAL_ENV:-}" ]]; then
    if [[ ! -x .venv/bin/python ]]; then
        python3 -m venv .venv
    fi
    # shellcheck disable=SC1091
    source .venv/bin/activate
fi
if ! python -c "import maturin, pytest, hypothesis, mypy, scipy, statsmodels, matplotlib, nbclient, nbformat, ipykernel, dask.dataframe, distributed, pandas, pyarrow, basedpyright" 2>/dev/null || ! command -v ruff >/dev/null; then
    python -m pip install --quiet "maturin>=1.7,<2" "pytest>=8,<10" "hypothesis>=6.100,<7" \
        "ruff>=0.17,<0.18" "mypy>=2,<3" "numpy>=1.24,<3" "polars>=1.28.1,<2.2" \
        "scipy>=1.11,<2" "statsmodels>=0.14,<0.16" \
        "matplotlib>=3.8,<4" "nbclient>=0.10,<0.12" "nbformat>=5.10,<6" "ipykernel>=6.29,<8" \
        "dask[dataframe]>=2025.1.0,<2027" "distributed>=2025.1.0,<2027" \
        "pandas>=2.1,<4" "pyarrow>=14,<30" "basedpyright>=1.29,<2"
fi

step() { printf '\n==> %s\n' "$*"; }

# The engine alone, without the python feature: no pyo3, no Python needed.
step "cargo fmt --check"
cargo fmt --all -- --check

# One clippy run covers everything: the engine, and the PyO3 layer and the
# expression plugin behind the python feature.
step "cargo clippy"
cargo clippy --profile ci --all-targets --features python -- -D warnings

step "cargo test (engine)"
cargo test --profile ci

# The extension, built with the fast ci profile (no LTO) for the active venv's
# interpreter. Keep using the same venv: another interpreter path re-runs
# pyo3's build script and rebuilds the whole polars stack.
step "maturin develop --profile ci"
maturin develop --profile ci

# The wheel as users get it: one abi3 wheel, installed into a fresh venv.
step "wheel: build, install into a fresh venv, run the report"
bash scripts/wheel_check.sh

step "ruff"
ruff check python tests benches examples/run_example.py notebooks
ruff format --check python tests benches examples/run_example.py notebooks

step "mypy"
mypy --strict python/incidentkit

# pytest exits 5 when it collects nothing; set -e turns that into a failure.
step "pytest (tests, package doctests, README)"
python -m pytest

echo
echo "All tests passed."
