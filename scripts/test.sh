#!/usr/bin/env bash
# Every test of incidentkit: the Rust engine (fmt, clippy, cargo test) and the
# Python package (build into the active venv, ruff, mypy, pytest + doctests).
#
# Run it inside an activated virtual environment that has the test tools:
#   pip install maturin pytest hypothesis ruff mypy numpy "polars>=1.28.1,<2.2"
#   bash scripts/test.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -z "${VIRTUAL_ENV:-}" ]]; then
    echo "scripts/test.sh: activate a virtual environment first (maturin develop installs into it)" >&2
    exit 2
fi

step() { printf '\n==> %s\n' "$*"; }

# The engine alone, without the python feature: no pyo3, no Python needed.
step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (engine)"
cargo clippy --profile ci --all-targets -- -D warnings

step "cargo test (engine)"
cargo test --profile ci

# The extension, built with the fast ci profile (no LTO) for the active venv's
# interpreter. Keep using the same venv: another interpreter path re-runs
# pyo3's build script and rebuilds the whole polars stack.
step "maturin develop --profile ci"
maturin develop --profile ci

step "ruff"
ruff check python tests examples/run_example.py
ruff format --check python tests examples/run_example.py

step "mypy"
mypy --strict python/incidentkit

# pytest exits 5 when it collects nothing; set -e turns that into a failure.
step "pytest (tests, package doctests, README)"
python -m pytest

echo
echo "All tests passed."
