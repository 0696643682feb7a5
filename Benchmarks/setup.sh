#!/usr/bin/env bash
# Installs what the benchmark needs beyond scripts/setup.sh, when missing (with sudo when not root):
# Miller (mlr) for the Miller baseline and GNU time (/usr/bin/time) for the peak RSS.
set -euo pipefail
missing=()
command -v mlr >/dev/null || missing+=(miller)
[ -x /usr/bin/time ] || missing+=(time)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "bench setup: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "bench setup: need root or sudo to install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
