#!/usr/bin/env bash
# Build the abi3 wheel for manylinux2014, check its platform tag with
# auditwheel, install it into a fresh virtual environment (no source tree, no
# Rust on its path), and run the README's command with it.
#   bash scripts/wheel_check.sh [--release]
# Without --release the wheel uses the fast ci profile; --release is the
# shipped build. Both link with zig against glibc 2.17's symbols, so the wheel
# installs on any Linux with glibc 2.17 or newer whatever glibc built it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
profile=(--profile ci)
if [[ "${1:-}" == "--release" ]]; then
    profile=(--release)
fi

# The build tools in a venv of their own, kept under target/ for later runs:
# maturin, zig (from PyPI's ziglang) and auditwheel. The wheel is always built
# with this venv's interpreter: another interpreter path would make pyo3
# rebuild the polars stack.
tools="$PWD/target/wheel-tools"
if [[ ! -x "$tools/bin/maturin" || ! -x "$tools/bin/auditwheel" ]] ||
    ! "$tools/bin/python" -c "import ziglang" 2>/dev/null; then
    python3 -m venv "$tools"
    "$tools/bin/python" -m pip install --quiet "maturin>=1.7,<2" "ziglang>=0.17,<0.18" "auditwheel>=6.1,<7"
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# pyproject.toml asks for manylinux2014 (glibc 2.17); maturin audits the
# symbols itself and fails if any is newer. --zig makes them old enough.
# (zig is found as `python3 -m ziglang`, hence the venv first on PATH.)
PATH="$tools/bin:$PATH" VIRTUAL_ENV="$tools" \
    maturin build "${profile[@]}" --zig --out "$out/wheels" --quiet
wheels=("$out"/wheels/incidentkit-*-cp39-abi3-*.whl)
if [[ ${#wheels[@]} -ne 1 || ! -f "${wheels[0]}" ]]; then
    echo "expected exactly one cp39-abi3 wheel, found: ${wheels[*]}" >&2
    exit 1
fi
wheel="${wheels[0]}"

# The tag in the file name: manylinux2014, also spelled manylinux_2_17
# (maturin writes both, in either order).
name="${wheel##*/}"
if [[ ! "$name" =~ -cp39-abi3-.*manylinux2014_ || ! "$name" =~ -cp39-abi3-.*manylinux_2_17_ ]]; then
    echo "wheel $name is not tagged manylinux2014 / manylinux_2_17" >&2
    exit 1
fi
# auditwheel must agree: the symbols and libraries the extension needs fit
# manylinux_2_17 or an older policy (it names the most compatible one).
audit="$("$tools/bin/auditwheel" show "$wheel" | tr '\n' ' ' | tr -s ' ')"
tag="$(sed -n 's/.*consistent with the following platform tag: "\([a-z0-9_]*\)".*/\1/p' <<<"$audit")"
if [[ ! "$tag" =~ ^manylinux_2_([0-9]+)_ ]] || ((BASH_REMATCH[1] > 17)); then
    echo "auditwheel does not find $name consistent with manylinux_2_17:" >&2
    echo "$audit" >&2
    exit 1
fi
echo "auditwheel: consistent with $tag"

python3 -m venv "$out/env"
"$out/env/bin/python" -m pip install --quiet "$wheel"
# Run from outside the repository so that the installed package is used.
cd "$out"
"$out/env/bin/python" -c "import incidentkit as ik, sys; assert 'site-packages' in ik.__file__, ik.__file__; print('installed', ik.__version__)"
report="$("$out/env/bin/incidentkit" report "$OLDPWD/examples/corpus" --progress never)"
grep -q "^32 files found, 32 read, 0 skipped; 32 documents " <<<"$report" || { echo "unexpected report:" >&2; echo "$report" >&2; exit 1; }
grep -q "by nationality" <<<"$report"
echo "wheel $name: installed and ran the report"
