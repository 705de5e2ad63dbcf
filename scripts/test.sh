#!/usr/bin/env bash
# Builds Tinq and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
swift build
swift build --build-tests
swift test --skip-build
