#!/usr/bin/env bash
# Makes .build/venv, a Python virtual environment with openpyxl (from PyPI), when it is missing or
# incomplete, and prints the path of its python. Safe to run from several tests at once: a lock file
# lets one make it while the others wait. The tests read cora's .xlsx workbooks with openpyxl.
#   scripts/python-venv.sh           prints e.g. /path/to/cora/.build/venv/bin/python
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.build/venv"
python="$venv/bin/python"
mkdir -p "$root/.build"
exec 9>"$root/.build/venv.lock"
flock 9
if ! [ -x "$python" ] || ! "$python" -c "import openpyxl" 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  "$python" -m pip install --quiet --disable-pip-version-check openpyxl >&2
fi
echo "$python"
