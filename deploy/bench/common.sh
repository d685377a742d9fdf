# What deploy/bench/run.sh and deploy/bench/scale.sh share; sourced, not run. Both pin the server side (every
# process of the local stack and its descendants) to core SERVER_CORE and the load generators to GENERATOR_CORE.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
LOCK=/tmp/cognate-build.lock
TARGET="$BENCH_DIR/target"
STATE_DIR="$ROOT/.cognate/local"
SERVER_CORE=0
GENERATOR_CORE=1
COMPONENTS=(postgres kafka greenmail token-service user-pool-service trigger-gateway identity-pool-service)
SERVICES=(token-service user-pool-service trigger-gateway identity-pool-service)
declare -A PID AFFINITY
PINNED=()

say() { printf 'bench: %s\n' "$*"; }
die() {
  printf 'bench: %s\n' "$*" >&2
  exit 1
}

require_two_cores() {
  (($(grep -c '^processor' /proc/cpuinfo) >= 2)) ||
    die "needs 2 cores: core $SERVER_CORE for the server side, core $GENERATOR_CORE for the load"
}

ensure_wrk() {
  command -v wrk >/dev/null && return 0
  say "installing wrk (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null ||
    { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; } || die "cannot install wrk"
}

# The Java generators, compiled with javac (no Maven run) into target/classes when a source is newer. The SRP
# client is integration-tests' CognitoSrp (verified against amazon-cognito-identity-js), from its one source file:
# shared, not copied.
compile_generators() {
  local sources=("$ROOT/integration-tests/src/test/java/io/cognate/it/support/CognitoSrp.java" "$BENCH_DIR"/*.java)
  mkdir -p "$TARGET/classes"
  if [[ ! -f "$TARGET/classes/LoadGen.class" ||
    -n "$(find "${sources[@]}" -newer "$TARGET/classes/LoadGen.class" -print -quit)" ]]; then
    javac --release 17 -d "$TARGET/classes" "${sources[@]}"
  fi
}

# The admin credentials of the local stack, for the generators' SigV4.
export_admin_credentials() {
  export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_REGION=us-east-1
  AWS_ACCESS_KEY_ID="$(sed -n 1p "$STATE_DIR/admin-credentials")"
  AWS_SECRET_ACCESS_KEY="$(sed -n 2p "$STATE_DIR/admin-credentials")"
}

pid_of() { head -n 1 "$STATE_DIR/pids/$1.pid"; }

read_pids() {
  local c
  for c in "${COMPONENTS[@]}"; do
    PID[$c]="$(pid_of "$c")"
    kill -0 "${PID[$c]}" 2>/dev/null || die "$c (pid ${PID[$c]}) is not running"
  done
}

# Every process of the server side: the pids in PID and all their descendants (PostgreSQL's backends, forked per
# connection; new ones inherit the postmaster's affinity).
server_pids() {
  local queue=("${PID[@]}") pid child
  while ((${#queue[@]} > 0)); do
    pid="${queue[0]}"
    queue=("${queue[@]:1}")
    echo "$pid"
    for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do queue+=("$child"); done
  done
}

# The server side to SERVER_CORE (remembering each process's affinity), this shell and its children to
# GENERATOR_CORE.
pin_server() {
  local pid
  PINNED=()
  for pid in $(server_pids); do
    AFFINITY[$pid]="$(taskset -pc "$pid" 2>/dev/null | sed 's/.*: //')" || continue
    taskset -a -cp "$SERVER_CORE" "$pid" >/dev/null && PINNED+=("$pid")
  done
  taskset -cp "$GENERATOR_CORE" $$ >/dev/null
}

restore_affinity() {
  local pid
  for pid in "${!AFFINITY[@]}"; do
    taskset -a -cp "${AFFINITY[$pid]}" "$pid" >/dev/null 2>&1 || true
  done
  AFFINITY=()
  taskset -cp "0-$(($(nproc --all) - 1))" $$ >/dev/null 2>&1 || true
}

# wrk_summary < WRK-LATENCY-OUTPUT: "RPS<tab>P50<tab>P99<tab>ERRORS<tab>REQUESTS", latencies in ms, RPS counting
# successful requests only (an error answered fast must not count, e.g. run.sh's spent authorization codes).
wrk_summary() {
  local out requests errors
  out="$(cat)"
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  errors="$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")"
  printf '%s\t%s\t%s\t%s\t%s\n' \
    "$(awk -v all="$requests" -v failed="$errors" '/requests in/ {sub("s,", "", $4); printf "%.0f", (all - failed) / $4}' <<<"$out")" \
    "$(wrk_percentile 50 <<<"$out")" "$(wrk_percentile 99 <<<"$out")" "$errors" "$requests"
}

# wrk's "99%   12.34ms" in milliseconds.
wrk_percentile() {
  awk -v p="$1%" '$1 == p {
    v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
    f = unit == "us" ? 0.001 : unit == "s" ? 1000 : unit == "m" ? 60000 : 1
    printf "%.2f", v * f
  }'
}
