#!/usr/bin/env bash
# Installs what the integration tests need besides the JDK (real clients, no mocks):
#  - Debian's Jupyter packages: jupyter_client and the kernel conformance suite, nbclient and
#    nbformat for the notebook tests, the classic Notebook server for the browser test;
#  - Chromium, driven headlessly by the browser test;
#  - the browser test's npm packages (playwright-core, pinned by its package-lock.json), with npm ci;
#  - JupyterHub for the class-scale test (JupyterHubIT, bench/class): Debian's jupyterhub (its
#    single-user server is the classic Notebook above) and configurable-http-proxy 4.6.3 from npm,
#    pinned in kernel/src/test/hub (it runs on Node.js 10 or later): the node-configurable-http-proxy
#    that Debian's jupyterhub pulls in looks for its modules in /usr/share/nodejs, which a NodeSource
#    Node.js does not search.
# Idempotent: does nothing that is already done. Needs root (or sudo) for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs=(jupyter-client python3-jupyter-kernel-test python3-nbclient jupyter-nbconvert python3-zmq python3-nbformat
      python3-notebook jupyter-notebook jupyterhub chromium fontconfig fonts-dejavu-core)
# binutils' strip: the toolkit layer's shared libraries lose their symbol tables (7.7 MB; the
# install stays under 200 MB, see bench/RESULTS.md "Install size").
command -v strip >/dev/null 2>&1 || pkgs+=(binutils)
command -v npm >/dev/null 2>&1 || pkgs+=(npm)
missing=()
for p in "${pkgs[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then
  echo "Debian packages already installed."
else
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  # Debian's jupyterhub package enables and starts a system-wide hub (port 8000, every interface,
  # PAM sign-in) where systemd runs; the tests start their own on 127.0.0.1 and want none of it.
  if [[ " ${missing[*]} " == *" jupyterhub "* ]] && [ -d /run/systemd/system ]; then
    $sudo systemctl disable --now jupyterhub.service || true
  fi
fi
# playwright-core only drives the system Chromium (executablePath /usr/bin/chromium); it downloads no browser.
for dir in kernel/src/test/browser kernel/src/test/hub; do
  [ -f "$dir/package-lock.json" ] || continue
  if [ -d "$dir/node_modules" ] && [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
    echo "npm packages in $dir already installed."
  else
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
done
