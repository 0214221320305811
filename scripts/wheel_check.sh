#!/usr/bin/env bash
# Build the abi3 wheel, install it into a fresh virtual environment (no
# source tree, no Rust on its path), and run the README's command with it.
#   bash scripts/wheel_check.sh [--release]
# Without --release the wheel uses the fast ci profile (the artifacts of
# `maturin develop --profile ci` are reused); --release is the shipped build.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
profile=(--profile ci)
if [[ "${1:-}" == "--release" ]]; then
    profile=(--release)
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
maturin build "${profile[@]}" --out "$out/wheels" --quiet
wheels=("$out"/wheels/incidentkit-*-cp39-abi3-*.whl)
if [[ ${#wheels[@]} -ne 1 || ! -f "${wheels[0]}" ]]; then
    echo "expected exactly one cp39-abi3 wheel, found: ${wheels[*]}" >&2
    exit 1
fi

python3 -m venv "$out/env"
"$out/env/bin/python" -m pip install --quiet "${wheels[0]}"
# Run from outside the repository so that the installed package is used.
cd "$out"
"$out/env/bin/python" -c "import incidentkit as ik, sys; assert 'site-packages' in ik.__file__, ik.__file__; print('installed', ik.__version__)"
report="$("$out/env/bin/incidentkit" report "$OLDPWD/examples/corpus" --progress never)"
grep -q "^32 files found, 32 read, 0 skipped; 32 documents " <<<"$report" || { echo "unexpected report:" >&2; echo "$report" >&2; exit 1; }
grep -q "by nationality" <<<"$report"
echo "wheel ${wheels[0]##*/}: installed and ran the report"
