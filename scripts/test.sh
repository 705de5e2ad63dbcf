#!/usr/bin/env bash
# Builds Tinq with its PostgreSQL backend and runs the whole test suite, the PostgreSQL tests
# against a throwaway cluster (scripts/postgres.sh; set TINQ_TEST_POSTGRES to use your own server).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
source scripts/postgres.sh
tinq_postgres_start
trap tinq_postgres_stop EXIT
swift build --traits PostgreSQL
swift build --traits PostgreSQL --build-tests
swift test --skip-build --traits PostgreSQL
