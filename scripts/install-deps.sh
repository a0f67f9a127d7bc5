#!/usr/bin/env bash
# Installs every Debian package the build, the product and the tests need. Idempotent: it asks apt
# only for what is missing, so a second run costs a few dpkg queries.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git ca-certificates
  libpoco-dev libboost-dev libboost-filesystem-dev libboost-system-dev
  libyaml-cpp-dev libmysqlcppconn-dev libargon2-dev libsqlite3-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev libicu-dev
  libpcre2-dev uap-core
  binutils unzip zip curl python3 openssl iproute2 media-types
  clang-format
  mariadb-server mariadb-client galera-4 rsync faketime
  python3-aiosmtpd
  nginx-light wrk
  chromium fonts-noto-color-emoji
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

# Node.js may come from another repository (NodeSource bundles npm); take Debian's only when absent.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: missing packages and not root; run as root or install: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The browser tests drive Debian's chromium with playwright-core (no browser download).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -f "$here/tests/e2e/package.json" ] && [ ! -d "$here/tests/e2e/node_modules/playwright-core" ]; then
  (cd "$here/tests/e2e" && npm install --no-audit --no-fund --loglevel=error)
fi
