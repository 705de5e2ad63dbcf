#!/usr/bin/env bash
# Starts the Tinq REPL on the bundled seed corpus (extra arguments go to tinq).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
swift build -c release --product tinq >&2
exec .build/release/tinq "$@"
