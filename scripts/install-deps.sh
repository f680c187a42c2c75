#!/usr/bin/env bash
# Installs Debian's Jupyter packages used by the integration tests (real clients, no mocks).
# Idempotent: does nothing when they are already there. Needs root (or sudo) for apt-get.
set -euo pipefail
pkgs=(jupyter-client python3-jupyter-kernel-test python3-nbclient jupyter-nbconvert python3-zmq python3-nbformat)
missing=()
for p in "${pkgs[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then echo "Jupyter packages already installed."; exit 0; fi
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
