# shellcheck shell=bash
# shellcheck disable=SC2034 # the variables set here are read by the scripts that source this file
# Shared by ./cognate and deploy/*.sh: the profile and its ports, the state layout under
# .cognate/<profile>/, and the helpers that start, stop and wait for one process.
# Sourced, never run: it only defines variables and functions.

COGNATE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEPLOY_DIR="$COGNATE_ROOT/deploy"

# Started in this order, stopped in the reverse; a module is skipped until its directory exists.
SERVICES=(token-service user-pool-service identity-pool-service trigger-gateway)

say() { printf '%s\n' "$*"; }
warn() { printf 'cognate: %s\n' "$*" >&2; }
die() {
  warn "$*"
  exit 1
}

# --- profile, ports, state layout ------------------------------------------------------------

# use_profile NAME: sets the state directory and every port of the profile (CONTRACT.md).
use_profile() {
  PROFILE="${1:-local}"
  # The test profile runs a second instance of user-pool-service and of token-service (user-pool-service@2,
  # token-service@2), so tests can show that state shared through PostgreSQL (lockout, rate limits, sessions,
  # authorization codes) holds across replicas. `--replicas N` runs N instances of every service.
  local replicas="${COGNATE_REPLICAS:-${COGNATE_USER_POOL_REPLICAS:-}}"
  case "$PROFILE" in
    local) BASE_PORT=8800 REPLICAS="${replicas:-1}" ;;
    test) BASE_PORT=18800 REPLICAS="${replicas:-2}" ;;
    *) die "unknown profile '$PROFILE' (expected local or test)" ;;
  esac
  STATE_DIR="$COGNATE_ROOT/.cognate/$PROFILE"
  # `up --replicas N` is remembered (state dir's `replicas`) until `up --replicas 1`.
  if [[ -z "$replicas" && -s "$STATE_DIR/replicas" ]]; then
    REPLICAS="$(head -n 1 "$STATE_DIR/replicas")"
    COGNATE_REPLICATE_ALL=true
  fi
  [[ "$REPLICAS" =~ ^[1-9]$ ]] || die "replicas: expected 1 to 9, not '$REPLICAS'"
  LOG_DIR="$STATE_DIR/logs"
  PID_DIR="$STATE_DIR/pids"
  PG_PORT=$((BASE_PORT + 20))
  KAFKA_PORT=$((BASE_PORT + 21))
  KAFKA_CONTROLLER_PORT=$((BASE_PORT + 22))
  SMTP_PORT=$((BASE_PORT + 25))
  IMAP_PORT=$((BASE_PORT + 26))
  MAIL_API_PORT=$((BASE_PORT + 27))
  TRACES_PORT=$((BASE_PORT + 28))
  HAPROXY_STATS_PORT=$((BASE_PORT + 69))
}

# parse_profile_args ARGS...: takes `--profile NAME` / `--profile=NAME` out of ARGS (default
# $COGNATE_PROFILE, else local) and `--replicas N` (N instances of every service), calls use_profile, and leaves the
# other arguments in REST_ARGS.
parse_profile_args() {
  local profile="${COGNATE_PROFILE:-local}"
  REST_ARGS=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --profile)
        [[ $# -ge 2 ]] || die "--profile needs a value (local or test)"
        profile="$2"
        shift 2
        ;;
      --profile=*)
        profile="${1#--profile=}"
        shift
        ;;
      --replicas)
        [[ $# -ge 2 ]] || die "--replicas needs a number (1 to 9)"
        export COGNATE_REPLICAS="$2" COGNATE_REPLICATE_ALL=true
        shift 2
        ;;
      --replicas=*)
        export COGNATE_REPLICAS="${1#--replicas=}" COGNATE_REPLICATE_ALL=true
        shift
        ;;
      *)
        REST_ARGS+=("$1")
        shift
        ;;
    esac
  done
  use_profile "$profile"
}

ensure_state_dirs() {
  mkdir -p "$LOG_DIR" "$PID_DIR"
}

# java_major JAVA: the feature version of that JVM (17, 21, 25, ...), 0 if it does not run.
java_major() {
  local settings version
  settings="$("$1" -XshowSettings:properties -version 2>&1 || true)"
  version="$(sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\)$/\1/p' <<<"$settings")"
  printf '%s' "${version:-0}"
}

# An instance's module: user-pool-service@2 runs the user-pool-service jar; its number: 1 for user-pool-service.
service_module() { printf '%s' "${1%@*}"; }
service_instance() { if [[ "$1" == *@* ]]; then printf '%s' "${1#*@}"; else printf 1; fi; }

# The services that run REPLICAS instances: every one with `--replicas N` (COGNATE_REPLICATE_ALL), else
# user-pool-service and token-service (the test profile's second replicas).
replicated_services() {
  ((REPLICAS >= 2)) || return 0
  if [[ "${COGNATE_REPLICATE_ALL:-}" == true ]]; then
    present_services
  else
    printf '%s\n' user-pool-service token-service
  fi
}

# The instances beyond the first that this stack runs: user-pool-service@2, token-service@2, ...
extra_instances() {
  local module k
  while read -r module; do
    [[ -n "$module" ]] || continue
    for ((k = 2; k <= REPLICAS; k++)); do echo "$module@$k"; done
  done < <(replicated_services)
}

# Every instance beyond the first that could be running (for stop and status, whatever REPLICAS now says).
possible_extra_instances() {
  local module k
  for module in "${SERVICES[@]}"; do
    for ((k = 2; k <= 9; k++)); do echo "$module@$k"; done
  done
}

# Port offsets of each service (CONTRACT.md). Instance 1: http B+n, gRPC B+10+n, management (health) B+50+n;
# instance k >= 2: B+100+10n+k, B+200+10n+k, B+300+10n+k; haproxy in front of them all: http B+60+n, gRPC B+70+n.
service_offset() {
  case "$(service_module "$1")" in
    user-pool-service) echo 0 ;;
    token-service) echo 1 ;;
    identity-pool-service) echo 2 ;;
    trigger-gateway) echo 3 ;;
    *) die "unknown service '$1'" ;;
  esac
}
instance_port() {
  local base="$1" first="$2" n k
  n="$(service_offset "$3")"
  k="$(service_instance "$3")"
  if ((k == 1)); then echo $((BASE_PORT + first + n)); else echo $((BASE_PORT + base + 10 * n + k)); fi
}
service_http_port() { instance_port 100 0 "$1"; }
service_grpc_port() { instance_port 200 10 "$1"; }
service_management_port() { instance_port 300 50 "$1"; }
balanced_http_port() { echo $((BASE_PORT + 60 + $(service_offset "$1"))); }
balanced_grpc_port() { echo $((BASE_PORT + 70 + $(service_offset "$1"))); }

# Whether haproxy fronts the services: whenever some service runs more than one instance.
load_balanced() { ((REPLICAS >= 2)); }

# Where clients reach a service: with `--replicas N`, haproxy's port; otherwise the first instance's (the test
# profile's tests address each replica themselves).
public_http_port() {
  if [[ "${COGNATE_REPLICATE_ALL:-}" == true ]] && load_balanced; then balanced_http_port "$1"; else service_http_port "$1"; fi
}
# Where a service reaches another's gRPC: haproxy's port whenever it runs (it balances each call across the instances),
# else the single instance's.
peer_grpc_port() { if load_balanced; then balanced_grpc_port "$1"; else service_grpc_port "$1"; fi; }

# One database per service: a service never reads another's tables.
service_database() {
  case "$(service_module "$1")" in
    user-pool-service) echo cognate_userpool ;;
    token-service) echo cognate_token ;;
    identity-pool-service) echo cognate_identitypool ;;
    trigger-gateway) echo cognate_trigger ;;
    *) die "unknown service '$1'" ;;
  esac
}

# service_keeps_data MODULE: the module has tables (a db/changelog.sql) and so secrets sealed under the KEK;
# trigger-gateway, configured by env alone, has neither: no migration step, no re-wrap.
service_keeps_data() {
  [[ -f "$COGNATE_ROOT/$(service_module "$1")/src/main/resources/db/changelog.sql" ]]
}

# The services whose module exists in this checkout, in start order.
present_services() {
  local module
  for module in "${SERVICES[@]}"; do
    if [[ -d "$COGNATE_ROOT/$module" ]]; then echo "$module"; fi
  done
}

# --- processes -------------------------------------------------------------------------------

pid_file() { printf '%s/%s.pid' "$PID_DIR" "$1"; }
log_file() { printf '%s/%s.log' "$LOG_DIR" "$1"; }

# Every JVM we start carries this system property (haproxy: its configuration file), so a stale pid file can never
# make us signal a process that is not ours (pids are reused after a reboot).
process_marker() {
  if [[ "$1" == haproxy ]]; then
    printf '%s/haproxy.cfg' "$STATE_DIR"
  else
    printf -- '-Dcognate-stack=%s/%s' "$STATE_DIR" "$1"
  fi
}

read_pid() {
  local file
  file="$(pid_file "$1")"
  [[ -s "$file" ]] || return 1
  head -n 1 "$file"
}

# is_running NAME: the process from NAME's pid file is alive and carries NAME's marker.
is_running() {
  local pid
  pid="$(read_pid "$1")" || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "$(process_marker "$1")"
}

# begin_log NAME: keeps the previous run's log as NAME.log.1 and starts an empty one.
begin_log() {
  local log
  log="$(log_file "$1")"
  if [[ -s "$log" ]]; then mv -f "$log" "$log.1"; fi
  : >"$log"
}

# close_inherited_fds: closes every descriptor above 2 of the current (sub)shell. A server we
# start outlives us and must not keep ours open: it would hold ./cognate's profile lock forever.
close_inherited_fds() {
  local fd
  for fd in /proc/"$BASHPID"/fd/*; do
    fd="${fd##*/}"
    if ((fd > 2)); then eval "exec $fd>&-"; fi
  done 2>/dev/null
}

# start_detached NAME COMMAND...: runs COMMAND in its own session with stdin closed, output
# appended to logs/NAME.log, and its pid in pids/NAME.pid (written by the child itself, so it
# is right even when setsid has to fork).
start_detached() {
  local name="$1" pidf i
  shift
  pidf="$(pid_file "$name")"
  rm -f "$pidf"
  (
    close_inherited_fds
    # shellcheck disable=SC2016 # expanded by the child shell
    exec setsid bash -c 'echo "$$" >"$0"; exec "$@"' "$pidf" "$@" </dev/null >>"$(log_file "$name")" 2>&1
  ) &
  for ((i = 0; i < 50; i++)); do
    [[ -s "$pidf" ]] && return 0
    sleep 0.1
  done
  die "$name did not start; see $(log_file "$name")"
}

# stop_process NAME [SECONDS]: SIGTERM, then SIGKILL after SECONDS (default 20).
stop_process() {
  local name="$1" timeout="${2:-20}" pid i
  if ! is_running "$name"; then
    rm -f "$(pid_file "$name")"
    return 0
  fi
  pid="$(read_pid "$name")"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name did not stop within ${timeout}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    # gone, and its ports with it, before anyone starts it again
    for ((i = 0; i < 100; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  rm -f "$(pid_file "$name")"
}

# --- readiness -------------------------------------------------------------------------------

port_open() {
  # shellcheck disable=SC2016 # expanded by the child shell
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"' "$1" 2>/dev/null
}

http_ok() {
  curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null
}

# require_port_free NAME PORT: refuses to start over a port something else already holds.
require_port_free() {
  if port_open "$2"; then
    die "port $2 (for $1) is already in use by a process that is not this stack's $1; stop it or use another profile"
  fi
}

now_ms() { date +%s%3N; }

# elapsed_since MS: seconds since MS, one decimal.
elapsed_since() {
  local ms=$(($(now_ms) - $1))
  printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100))
}

# wait_ready NAME TIMEOUT ALIVE CHECK...: polls CHECK until it succeeds, failing fast when
# `ALIVE NAME` says the process has gone, and on failure shows where to look.
wait_ready() {
  local name="$1" timeout="$2" alive="$3" deadline
  shift 3
  deadline=$(($(date +%s) + timeout))
  until "$@"; do
    if ! "$alive" "$name"; then
      startup_failed "$name" "exited during startup"
    fi
    if (($(date +%s) >= deadline)); then
      startup_failed "$name" "was not ready after ${timeout}s"
    fi
    sleep 0.5
  done
}

startup_failed() {
  local log
  log="$(log_file "$1")"
  warn "$1 $2. Last lines of $log:"
  tail -n 25 "$log" >&2 2>/dev/null || true
  die "$1 $2; full log: $log"
}

# status_line NAME PORT STATE
status_line() {
  printf '  %-22s %-8s %s\n' "$1" "$3" "$2"
}

# --- secrets ---------------------------------------------------------------------------------

# random_chars SET N: N random characters from the tr(1) character set SET.
random_chars() {
  local out=""
  while ((${#out} < $2)); do
    out+="$(head -c 512 /dev/urandom | LC_ALL=C tr -dc "$1")"
  done
  printf '%s' "${out:0:$2}"
}

# Generated on the first start of a profile and kept across down/up: the admin access key pair
# that signs admin actions, and the key-encryption key that protects signing keys and verifiers.
ensure_secrets() {
  local creds="$STATE_DIR/admin-credentials" kek="$STATE_DIR/kek"
  mkdir -p "$STATE_DIR"
  if [[ ! -s "$creds" ]]; then
    (
      umask 077
      printf '%s\n%s\n' "AKIA$(random_chars 'A-Z0-9' 16)" "$(random_chars 'A-Za-z0-9/+' 40)" >"$creds"
    )
  fi
  if [[ ! -s "$kek" ]]; then
    (
      umask 077
      head -c 32 /dev/urandom | base64 -w 0 >"$kek"
      echo >>"$kek"
    )
  fi
  load_secrets
}

# load_secrets: ADMIN_ACCESS_KEY_ID, ADMIN_SECRET_ACCESS_KEY, KEK and PREVIOUS_KEKS (the keys a rotation replaced,
# comma-separated; they still open what they sealed until it is re-wrapped: deploy/keys.sh) from the state dir.
load_secrets() {
  local creds="$STATE_DIR/admin-credentials"
  [[ -s "$creds" && -s "$STATE_DIR/kek" ]] ||
    die "profile $PROFILE has no credentials yet; run ./cognate up$([[ "$PROFILE" == local ]] || echo " --profile $PROFILE") first"
  ADMIN_ACCESS_KEY_ID="$(sed -n 1p "$creds")"
  ADMIN_SECRET_ACCESS_KEY="$(sed -n 2p "$creds")"
  KEK="$(head -n 1 "$STATE_DIR/kek")"
  PREVIOUS_KEKS=""
  if [[ -s "$STATE_DIR/previous-keks" ]]; then PREVIOUS_KEKS="$(paste -sd, "$STATE_DIR/previous-keks")"; fi
}
