#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `source scripts/postgres.sh` installs Debian's
# postgresql when it is missing, creates a cluster in a temporary folder (initdb, as the
# unprivileged `postgres` user when run as root), starts it listening on a Unix socket in that
# folder only (no TCP port), and exports TINQ_TEST_POSTGRES with its URL. `tinq_postgres_stop`
# stops it and removes the folder; scripts/test.sh calls it on exit.
#
# Against your own server instead: export TINQ_TEST_POSTGRES=postgres://USER[:PASSWORD]@HOST[:PORT]/DB
# before scripts/test.sh (the tests create and drop databases named tinq_test_*, so the user
# needs CREATEDB).

tinq_postgres_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

tinq_postgres_start() {
  if [ -n "${TINQ_TEST_POSTGRES:-}" ]; then
    echo "tinq: PostgreSQL tests use TINQ_TEST_POSTGRES=$TINQ_TEST_POSTGRES" >&2
    return 0
  fi
  local bin
  if ! bin=$(tinq_postgres_bin); then
    echo "tinq: installing postgresql (needed for the PostgreSQL backend's tests)..." >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
    bin=$(tinq_postgres_bin) || { echo "tinq: postgresql did not install" >&2; return 1; }
  fi
  TINQ_PG_DIR=$(mktemp -d /tmp/tinq-pg.XXXXXX)
  export TINQ_PG_DIR
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the postgres user.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$TINQ_PG_DIR"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$TINQ_PG_DIR/data" -U tinq --auth=trust -E UTF8 --locale=C.UTF-8 >"$TINQ_PG_DIR/initdb.log" 2>&1 \
    || { cat "$TINQ_PG_DIR/initdb.log" >&2; return 1; }
  # One password-checked role, for the test of bad credentials.
  {
    echo "local all tinq_password scram-sha-256"
    echo "local all all trust"
  } >"$TINQ_PG_DIR/data/pg_hba.conf"
  "${as[@]}" "$bin/pg_ctl" -D "$TINQ_PG_DIR/data" -l "$TINQ_PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$TINQ_PG_DIR' -c fsync=off -c full_page_writes=off" start >/dev/null \
    || { cat "$TINQ_PG_DIR/server.log" >&2; return 1; }
  "$bin/psql" -h "$TINQ_PG_DIR" -U tinq -d postgres -q -c "CREATE ROLE tinq_password LOGIN PASSWORD 'right'" >/dev/null
  export TINQ_PG_BIN="$bin"
  export TINQ_TEST_POSTGRES="postgres://tinq@/postgres?host=$TINQ_PG_DIR"
  echo "tinq: a throwaway PostgreSQL cluster runs in $TINQ_PG_DIR" >&2
}

tinq_postgres_stop() {
  [ -n "${TINQ_PG_DIR:-}" ] && [ -d "$TINQ_PG_DIR/data" ] || return 0
  local as=()
  [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$TINQ_PG_BIN/pg_ctl" -D "$TINQ_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$TINQ_PG_DIR"
  unset TINQ_PG_DIR
}
