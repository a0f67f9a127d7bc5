#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test through ctest.
# The tests start their own servers (MariaDB, SMTP, SMS sink, the portal, Chromium) on loopback.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/install-deps.sh"
"$here/scripts/build.sh" -DES_WERROR=ON
cd "${ES_BUILD_DIR:-$here/build}"
ctest --output-on-failure --timeout 1200 -j2
