#!/usr/bin/env bash
# PostgreSQL for the local stack, from Debian's packages (/usr/lib/postgresql/<major>/bin).
# Data in .cognate/<profile>/pg, listening on 127.0.0.1:B+20 only, unix socket in the state dir.
# Creates role cognate/cognate and one database per service. Run alone:
#   deploy/postgres.sh start|stop|status|psql [--profile test]
# When run as root the server runs as the `postgres` user, as Debian's own clusters do.

# shellcheck source=deploy/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pg_bin_dir() {
  local dir best=""
  for dir in /usr/lib/postgresql/*/bin; do
    if [[ -x "$dir/initdb" ]]; then best="$dir"; fi
  done
  [[ -n "$best" ]] || return 1
  printf '%s\n' "$best"
}

pg_data_dir() { printf '%s/pg' "$STATE_DIR"; }

# The socket path must stay under the kernel's 107-byte limit; a deep checkout falls back to /tmp.
pg_socket_dir() {
  local dir="$STATE_DIR/run"
  if ((${#dir} > 90)); then
    dir="/tmp/cognate-pg-$(printf '%s' "$STATE_DIR" | cksum | cut -d ' ' -f 1)"
  fi
  printf '%s' "$dir"
}

# as_pg COMMAND...: runs COMMAND as the database owner (postgres when we are root), from /
# because pg_ctl and initdb fail in a working directory they cannot read, and without our open
# descriptors, which the server started by pg_ctl would otherwise keep.
as_pg() {
  (
    cd /
    close_inherited_fds
    if [[ $EUID -eq 0 ]]; then
      exec runuser -u postgres -- "$@"
    else
      exec "$@"
    fi
  )
}

pg() {
  local bin
  bin="$(pg_bin_dir)" || die "PostgreSQL is not installed (expected /usr/lib/postgresql/<major>/bin); run ./cognate up"
  local tool="$1"
  shift
  as_pg "$bin/$tool" "$@"
}

# The postgres user must be able to walk down to the data directory: open up (o+x, no listing)
# any ancestor it cannot traverse, e.g. /root when the checkout lives there.
pg_make_path_traversable() {
  local dir="$STATE_DIR"
  while [[ "$dir" != "/" ]]; do
    if ! runuser -u postgres -- test -x "$dir"; then
      say "making $dir traversable (o+x) for the postgres user"
      chmod o+x "$dir"
    fi
    dir="$(dirname "$dir")"
  done
}

pg_prepare_dirs() {
  local data socket log
  data="$(pg_data_dir)"
  socket="$(pg_socket_dir)"
  log="$(log_file postgres)"
  ensure_state_dirs
  mkdir -p "$data" "$socket"
  touch "$log"
  chmod 700 "$data"
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "no postgres user: install Debian's postgresql package (./cognate up does)"
    chown postgres:postgres "$data" "$socket" "$log"
    pg_make_path_traversable
  fi
}

pg_initdb() {
  local data
  data="$(pg_data_dir)"
  if [[ -f "$data/PG_VERSION" ]]; then
    pg_check_version "$data"
    return 0
  fi
  say "initialising PostgreSQL in $data"
  pg initdb -D "$data" -U postgres -E UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 >>"$(log_file postgres)" 2>&1 ||
    startup_failed postgres "initdb failed"
  echo "include_if_exists = 'cognate.conf'" >>"$data/postgresql.conf"
}

pg_check_version() {
  local have want
  have="$(cat "$1/PG_VERSION")"
  want="$(basename "$(dirname "$(pg_bin_dir)")")"
  [[ "$have" == "$want" ]] ||
    die "$1 holds a PostgreSQL $have cluster but PostgreSQL $want is installed; remove $1 (data is lost) or install postgresql-$have"
}

pg_write_conf() {
  local conf
  conf="$(pg_data_dir)/cognate.conf"
  sed -e "s|@PORT@|$PG_PORT|" -e "s|@SOCKET_DIR@|$(pg_socket_dir)|" \
    "$DEPLOY_DIR/config/postgresql.conf" >"$conf"
  if [[ "$PROFILE" == "test" ]]; then
    # The test stack is thrown away after each run: durability only costs time there.
    printf '%s\n' "fsync = off" "synchronous_commit = off" "full_page_writes = off" >>"$conf"
  fi
  if [[ $EUID -eq 0 ]]; then chown postgres:postgres "$conf"; fi
}

# postgres_durable: fsync, synchronous commits and full-page writes on (as in production and the local profile), on
# the running server, for good: the reliability battery crashes it and counts acknowledged writes.
postgres_durable() {
  pg_psql -d postgres -c "ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET synchronous_commit = on" \
    -c "ALTER SYSTEM SET full_page_writes = on" -c "SELECT pg_reload_conf()" >/dev/null
}

pg_running() {
  [[ -f "$(pg_data_dir)/PG_VERSION" ]] || return 1
  pg pg_ctl -D "$(pg_data_dir)" status >/dev/null 2>&1
}

pg_alive() { pg_running; }

pg_ready() {
  pg pg_isready -q -h 127.0.0.1 -p "$PG_PORT" -t 2
}

pg_psql() {
  pg psql -X -q -v ON_ERROR_STOP=1 -h "$(pg_socket_dir)" -p "$PG_PORT" -U postgres "$@"
}

# Role and databases; each statement runs only when its object is missing.
pg_create_databases() {
  local dbs=() module modules list
  mapfile -t modules < <(present_services)
  for module in "${modules[@]}"; do dbs+=("'$(service_database "$module")'"); done
  list="$(
    IFS=,
    echo "${dbs[*]}"
  )"
  pg_psql -d postgres >>"$(log_file postgres)" 2>&1 <<SQL || startup_failed postgres "could not create the cognate role and databases"
SELECT 'CREATE ROLE cognate LOGIN PASSWORD ''cognate'''
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cognate') \gexec
SELECT format('CREATE DATABASE %I OWNER cognate', name)
  FROM unnest(ARRAY[$list]::text[]) AS name
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = name) \gexec
SQL
}

postgres_start() {
  local started
  started="$(now_ms)"
  pg_prepare_dirs
  pg_initdb
  if pg_running; then
    pg_create_databases
    say "postgres already running on 127.0.0.1:$PG_PORT"
    return 0
  fi
  require_port_free postgres "$PG_PORT"
  pg_write_conf
  pg pg_ctl -D "$(pg_data_dir)" -l "$(log_file postgres)" -w -t 60 -s start ||
    startup_failed postgres "did not start"
  wait_ready postgres 60 pg_alive pg_ready
  head -n 1 "$(pg_data_dir)/postmaster.pid" >"$(pid_file postgres)"
  pg_create_databases
  say "postgres ready on 127.0.0.1:$PG_PORT ($(elapsed_since "$started") s)"
}

postgres_stop() {
  if pg_running; then
    pg pg_ctl -D "$(pg_data_dir)" -m fast -w -t 60 -s stop || warn "postgres did not stop cleanly"
    say "postgres stopped"
  fi
  rm -f "$(pid_file postgres)"
}

postgres_status() {
  if pg_running; then
    status_line postgres "127.0.0.1:$PG_PORT" running
  else
    status_line postgres "127.0.0.1:$PG_PORT" stopped
  fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  parse_profile_args "$@"
  set -- "${REST_ARGS[@]}"
  case "${1:-}" in
    start) postgres_start ;;
    stop) postgres_stop ;;
    status) postgres_status ;;
    psql)
      shift
      pg_psql "$@"
      ;;
    *) die "usage: $0 start|stop|status|psql [--profile local|test]" ;;
  esac
fi
