#!/usr/bin/env bash
# Installs what is missing, builds, and runs the sample host with External Sharing loaded on the
# embedded default (SQLite, mail and SMS to a spool folder shown in the dev mailbox).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/install-deps.sh"
"$here/scripts/build.sh"
cd "$here"
exec "$here/build/sample-host/src/dm-sample-host" --config "$here/config/dev/host.yaml"
