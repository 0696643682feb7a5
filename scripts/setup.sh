#!/usr/bin/env bash
# Installs the Debian packages cora needs when they are missing (with sudo when not root).
#   scripts/setup.sh                 libcsv-dev, libxml2-dev, zlib1g-dev (to build) and graphviz (to draw SVG and PNG)
#   scripts/setup.sh --test          also cmark-gfm (the tests render the Markdown with it), libxml2-utils
#                                    (xmllint: every SVG must parse as XML) and libreoffice-calc-nogui
#                                    (what a spreadsheet makes of the Excel-ready CSV, in both locales),
#                                    chromium (headless: what a browser runs of an HTML page, and its console),
#                                    firefox-esr (the other engine: the handbook rendered headless, its console)
#                                    and time (GNU time: the peak memory of one run of cora); python3-venv
#                                    when python3 lacks it (openpyxl reads the workbooks cora writes)
set -euo pipefail
packages=(libcsv-dev libxml2-dev zlib1g-dev graphviz)
[ "${1:-}" = "--test" ] && packages+=(cmark-gfm libxml2-utils libreoffice-calc-nogui chromium firefox-esr time)
# The workbook tests read what cora writes with openpyxl, in a venv (scripts/python-venv.sh):
# Debian's python3 needs python3-venv for that; another python3 (pyenv) has it already.
if [ "${1:-}" = "--test" ] && ! python3 -c "import venv, ensurepip" 2>/dev/null; then packages+=(python3-venv); fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "setup: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
