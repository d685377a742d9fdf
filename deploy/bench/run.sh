#!/usr/bin/env bash
# Cognate's load benchmark: sign-ins, refreshes, GetUser and JWKS per server core against the running local
# stack, plus the JMH microbenchmarks of the hot crypto; writes deploy/bench/RESULTS.md. See deploy/bench/README.md.
#
#   deploy/bench/run.sh [--jfr] [--no-jmh] [--down]
#
# Run it as it is, NOT under `flock /tmp/cognate-build.lock`: it builds what it needs under that lock first (the
# stack through ./cognate up, the JMH jar), then takes the lock itself for the whole measurement so nobody builds
# meanwhile. flock is not re-entrant across processes: a build inside a section that holds the lock would deadlock.
#
# Server side (both services, PostgreSQL and its backends, Kafka, GreenMail) is pinned to core 0 with
# `taskset -a -cp 0`, the load generators to core 1; the previous affinities are restored at the end.
#
#   --jfr     after the measurement, profile the sign-in scenarios and userInfo again with JFR and write the hottest
#             methods per service to deploy/bench/target/profiles/ (a separate pass: JFR perturbs the figures)
#   --no-jmh  skip the JMH microbenchmarks
#   --down    stop the stack at the end even if it was running before (it is stopped anyway when run.sh started it)
#
# Tunables (environment): BENCH_WARMUP (s, default 5), BENCH_DURATION (s, default 20), BENCH_USERS (200),
# BENCH_JIT_WARMUP (s per scenario on both cores before pinning, at least; default 30), BENCH_JIT_WARMUP_REQUESTS
# (requests per scenario in that warm-up, at least, within 300 s; 12000), BENCH_TRIGGER_PAIRS (3),
# BENCH_RESULTS (file to write instead of deploy/bench/RESULTS.md, for experiments),
# BENCH_CONNECTIONS_{JWKS,GETUSER,REFRESH,PASSWORD,SRP} (64, 32, 16, 16, 24), TEMURIN25 (path of a JDK 25 home).
set -euo pipefail

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
RESULTS="${BENCH_RESULTS:-$BENCH_DIR/RESULTS.md}"
WARMUP="${BENCH_WARMUP:-5}"
DURATION="${BENCH_DURATION:-20}"
USERS="${BENCH_USERS:-200}"
TEMURIN25="${TEMURIN25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JMH_ARGS=(-f 1 -wi 2 -i 3 -w 2s -r 2s)

JFR=false
JMH=true
FORCE_DOWN=false
for arg in "$@"; do
  case "$arg" in
    --jfr) JFR=true ;;
    --no-jmh) JMH=false ;;
    --down) FORCE_DOWN=true ;;
    *)
      echo "usage: $0 [--jfr] [--no-jmh] [--down]" >&2
      exit 2
      ;;
  esac
done

require_two_cores
mkdir -p "$TARGET/classes" "$TARGET/profiles"

# --- preparation, outside the build lock -----------------------------------------------------------------

ensure_wrk
compile_generators

JMH_JAR="$BENCH_DIR/jmh/target/benchmarks.jar"
if $JMH && [[ ! -f "$JMH_JAR" || -n "$(find "$BENCH_DIR/jmh/src" "$BENCH_DIR/jmh/pom.xml" -newer "$JMH_JAR" -print -quit)" ]]; then
  say "building the JMH jar"
  (cd "$ROOT" && flock "$LOCK" mvn -o -q -B -f deploy/bench/jmh/pom.xml package) ||
    die "JMH build failed (first time: drop -o once to fetch JMH and ACCP: flock $LOCK mvn -f deploy/bench/jmh/pom.xml package)"
fi

started_stack=false
if ! "$ROOT/cognate" status 2>/dev/null | grep -q 'user-pool-service.*running'; then started_stack=true; fi
say "./cognate up (builds under the lock if a jar is stale)"
# GetCredentialsForIdentity's quota is Cognito's 200 a second for the account: the benchmark raises it, as an account
# raises it with AWS, to measure what one core serves (the quota is still counted, a lease per 5,000 calls). A stack
# that was already running keeps the quota it started with.
COGNATE_RATE_LIMITS="${COGNATE_RATE_LIMITS:-GetCredentialsForIdentity=100000}" "$ROOT/cognate" up >"$TARGET/cognate-up.log" 2>&1 || {
  tail -n 20 "$TARGET/cognate-up.log" >&2
  die "./cognate up failed; see $TARGET/cognate-up.log"
}

# --- measurement, holding the build lock -----------------------------------------------------------------

exec 9>"$LOCK"
if ! flock -n 9; then
  say "waiting for $LOCK (someone is building)"
  flock 9
fi
say "holding $LOCK until the measurement ends"

read_pids

# The trigger scenario's handler: a no-op Node handler behind the project's Invoke API shim, where trigger-gateway
# sends every function locally (port 8830); it counts as server side (pinned with the services).
node "$ROOT/deploy/lambda/invoke-shim.mjs" --port 8830 "bench-noop=$BENCH_DIR/lambda/noop.mjs" \
  >"$TARGET/lambda-shim.log" 2>&1 &
PID[lambda-shim]=$!

declare -A JVM_OPTS
for s in "${SERVICES[@]}"; do
  JVM_OPTS[$s]="$(tr '\0' '\n' <"/proc/${PID[$s]}/environ" | grep '^MALLOC_ARENA_MAX=' | tr '\n' ' ')$(tr '\0' ' ' <"/proc/${PID[$s]}/cmdline" | sed 's/ -Dcognate-stack=[^ ]*//')"
done
SERVICE_JDK="$("$(readlink -f "/proc/${PID[user-pool-service]}/exe")" -version 2>&1 | head -n 1)"

cleanup() {
  restore_affinity
  kill "${PID[lambda-shim]}" 2>/dev/null || true
  [[ -n "${RSS_SAMPLER:-}" ]] && kill "$RSS_SAMPLER" 2>/dev/null || true
}
trap cleanup EXIT

say "setting up a pool, a client and $USERS users"
export_admin_credentials
BENCH_STATE="$TARGET/state.env"
LOADGEN=(java -XX:+UseSerialGC -Xms256m -Xmx256m -cp "$TARGET/classes" LoadGen)
"${LOADGEN[@]}" setup http://127.0.0.1:8800 "$USERS" "$BENCH_STATE"
set -a
# shellcheck disable=SC1090 # written by LoadGen setup
source "$BENCH_STATE"
set +a

# A fresh service JVM spends its first minutes compiling (C2 threads would compete for the one pinned core): run
# every scenario first on both cores, unmeasured, so the measured runs see warmed code. The services' JIT is C2
# alone, which compiles a method after 10,000 calls: a scenario warms for at least JIT_WARMUP seconds and until it
# has made JIT_WARMUP_REQUESTS requests (at most 300 s). A fixed 30 s left the slower scenarios' own code (the
# trigger path: ~4,500 sign-ins on a slow day) interpreted while it was measured.
JIT_WARMUP="${BENCH_JIT_WARMUP:-30}"
JIT_WARMUP_REQUESTS="${BENCH_JIT_WARMUP_REQUESTS:-12000}"
# warm ROUND...: runs ROUND (about 10 s of load, printing how many requests it made) until the warm-up's time and
# request count are both reached (at most 300 s).
warm() {
  local made=0 started=$SECONDS round
  while ((SECONDS - started < JIT_WARMUP || (made < JIT_WARMUP_REQUESTS && SECONDS - started < 300))); do
    round="$("$@")"
    made=$((made + ${round:-0}))
  done
}
# wrk_round URL SCRIPT-OR-EMPTY CONNECTIONS; srp_round: LoadGen's SRP sign-ins, two requests each
wrk_round() {
  local args=(-t1 -c "$3")
  [[ -n "$2" ]] && args+=(-s "$2")
  wrk "${args[@]}" -d 10s "$1" | awk '/requests in/ {print $1}'
}
srp_round() { "${LOADGEN[@]}" srp "$BENCH_STATE" 0 10 16 | sed -n 's/.* requests=\([0-9]*\) .*/\1/p' | awk '{print 2 * $1}'; }
if ((JIT_WARMUP > 0)); then
  say "JIT warm-up: every scenario for at least $JIT_WARMUP s and $JIT_WARMUP_REQUESTS requests on both cores, not measured"
  warm wrk_round "http://127.0.0.1:8801/$POOL_ID/.well-known/jwks.json" "" 32
  for scenario in getuser refresh password; do
    BENCH_SCENARIO=$scenario warm wrk_round http://127.0.0.1:8800/ "$BENCH_DIR/wrk/cognito.lua" 16
  done
  for scenario in clientcreds userinfo loginpage; do
    BENCH_SCENARIO=$scenario warm wrk_round http://127.0.0.1:8801/ "$BENCH_DIR/wrk/oauth.lua" 16
  done
  "${LOADGEN[@]}" codes "$BENCH_STATE" 2000 "$TARGET/codes-warmup.txt" 8
  CODES_FILE="$TARGET/codes-warmup.txt" BENCH_SCENARIO=coderedeem wrk -t1 -c 8 -d 5s -s "$BENCH_DIR/wrk/oauth.lua" \
    http://127.0.0.1:8801/ >/dev/null
  warm srp_round
  # trigger-gateway and the handler's shim compile too (C2 only: cold, they would run interpreted)
  "${LOADGEN[@]}" triggers "$BENCH_STATE" bench-noop
  BENCH_SCENARIO=password warm wrk_round http://127.0.0.1:8800/ "$BENCH_DIR/wrk/cognito.lua" 16
  "${LOADGEN[@]}" triggers "$BENCH_STATE" none
  # identity-pool-service
  "${LOADGEN[@]}" identity "$BENCH_STATE" "$TARGET/identity" >/dev/null
  for scenario in credentials authorize; do
    IDENTITY_BODIES="$TARGET/identity" BENCH_SCENARIO=$scenario warm wrk_round "$IDENTITY_ENDPOINT/" "$BENCH_DIR/wrk/identity.lua" 16
  done
fi

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
# Each service's VmHWM at the end of the JIT warm-up: the compilations' peaks fall mostly there.
declare -A HWM_WARM
for s in "${SERVICES[@]}"; do HWM_WARM[$s]="$(hwm_kb "${PID[$s]}")"; done

say "pinning the server side to core $SERVER_CORE, this script and the load generators to core $GENERATOR_CORE"
pin_server
# The machine's speed, independent of Cognate: its state drifts by up to 2.7x between days (JWKS 25,000 to 68,000/s),
# so RESULTS.md records RSA-2048 signatures a second of one core (the generator's, idle between scenarios).
YARDSTICK="$(taskset -c "$GENERATOR_CORE" openssl speed -seconds 3 rsa2048 2>/dev/null | awk '/^rsa 2048/ {print $6}')"
PINNED_LABEL=""
for c in "${COMPONENTS[@]}"; do PINNED_LABEL+="$c ${PID[$c]}, "; done
PINNED_LABEL+="and $((${#PINNED[@]} - ${#COMPONENTS[@]})) PostgreSQL backends"

# RSS of each service: sampled every 0.5 s during the scenarios (peak, and the scenario then running: each measured
# scenario writes its name to $RSS_DIR/phase), and at the end.
RSS_DIR="$TARGET/rss"
rm -rf "$RSS_DIR" && mkdir -p "$RSS_DIR"
echo setup >"$RSS_DIR/phase"
(
  declare -A peak
  while true; do
    for s in "${SERVICES[@]}"; do
      kb="$(rss_kb "${PID[$s]}")"
      if ((kb > ${peak[$s]:-0})); then
        peak[$s]=$kb
        echo "$kb $(cat "$RSS_DIR/phase" 2>/dev/null || echo unknown)" >"$RSS_DIR/$s.peak"
      fi
    done
    sleep 0.5
  done
) &
RSS_SAMPLER=$!

# CPU counters in USER_HZ ticks, taken at the edges of each measured window: core 0 and core 1 (busy, total), then
# each server component (user-pool-service, token-service, PostgreSQL with its backends, Kafka, GreenMail,
# trigger-gateway and the trigger scenario's handler), so
# RESULTS.md can say where core 0's time went. LoadGen runs the same script itself (BENCH_SNAPSHOT).
SNAPSHOT="$TARGET/snapshot.sh"
{
  echo '#!/usr/bin/env bash'
  echo 'ticks() { local s=0 p t; for p in "$@"; do t=$(awk '"'"'{print $14 + $15}'"'"' "/proc/$p/stat" 2>/dev/null) && s=$((s + t)); done; printf "%d " "$s"; }'
  echo "awk '\$1 == \"cpu$SERVER_CORE\" || \$1 == \"cpu$GENERATOR_CORE\" {b = \$2 + \$3 + \$4 + \$7 + \$8 + \$9; printf \"%d %d \", b, b + \$5 + \$6}' /proc/stat"
  echo "ticks ${PID[user-pool-service]}"
  echo "ticks ${PID[token-service]}"
  echo "ticks ${PID[postgres]} \$(ps -o pid= --ppid ${PID[postgres]})"
  echo "ticks ${PID[kafka]}"
  echo "ticks ${PID[greenmail]}"
  echo "ticks ${PID[trigger-gateway]}"
  echo "ticks ${PID[lambda-shim]}"
  echo "ticks ${PID[identity-pool-service]}"
  echo 'echo'
} >"$SNAPSHOT"
export BENCH_SNAPSHOT="$SNAPSHOT"
snapshot() { bash "$SNAPSHOT"; }
# analyze BEGIN END -> "server busy % <tab> generator busy % <tab> split of core 0"
analyze() {
  awk -v b="$1" -v e="$2" 'BEGIN {
    n = split(b, x, " "); split(e, y, " "); t0 = y[2] - x[2]; t1 = y[4] - x[4]
    printf "%.0f\t%.0f\t", (t0 > 0 ? 100 * (y[1] - x[1]) / t0 : 0), (t1 > 0 ? 100 * (y[3] - x[3]) / t1 : 0)
    split("user-pool-service token-service PostgreSQL Kafka GreenMail trigger-gateway handler identity-pool-service", names, " ")
    for (i = 5; i <= n; i++) printf "%s%s %.0f%%", (i > 5 ? ", " : ""), names[i - 4], (t0 > 0 ? 100 * (y[i] - x[i]) / t0 : 0)
  }'
}

RESULT_ROWS="$TARGET/results.tsv"
: >"$RESULT_ROWS"
COMMANDS=()

# wrk_run NAME URL CONNECTIONS [SCRIPT]: a warm-up run, then the measured one; appends a row to results.tsv.
wrk_run() {
  local name="$1" url="$2" connections="$3" script="${4:-}" args out s0 s1 rps p50 p99 errors requests
  args=(-t1 -c "$connections" --timeout 10s)
  [[ -n "$script" ]] && args+=(-s "$script")
  say "$name: $WARMUP s warm-up, $DURATION s measured, $connections connections"
  echo "$name" >"$RSS_DIR/phase"
  BENCH_PHASE=warmup wrk "${args[@]}" -d "${WARMUP}s" "$url" >/dev/null
  s0="$(snapshot)"
  out="$(BENCH_PHASE=measured wrk "${args[@]}" -d "${DURATION}s" --latency "$url")"
  s1="$(snapshot)"
  printf '%s\n' "$out" >"$TARGET/$name.wrk.txt"
  IFS=$'\t' read -r rps p50 p99 errors requests < <(wrk_summary <<<"$out")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "$errors" "$requests" \
    "$(analyze "$s0" "$s1")" >>"$RESULT_ROWS"
  COMMANDS+=("taskset -c $GENERATOR_CORE wrk ${args[*]} -d ${DURATION}s --latency $url   # $name${script:+, BENCH_SCENARIO=$BENCH_SCENARIO}")
  say "$name: $rps/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
}

# expect_ok NAME CURL-ARGS...: one request before the run, so a scenario never measures fast errors.
expect_ok() {
  local name="$1" body
  shift
  body="$(curl -sS -f "$@")" || die "$name: the probe request failed: $body"
  printf '%s' "$body"
}

cognito() { # ACTION BODY -> curl args
  printf '%s\n' -X POST http://127.0.0.1:8800/ -H "Content-Type: application/x-amz-json-1.1" \
    -H "X-Amz-Target: AWSCognitoIdentityProviderService.$1" --data "$2"
}

JWKS_URL="http://127.0.0.1:8801/$POOL_ID/.well-known/jwks.json"
WRK_SCRIPT="$BENCH_DIR/wrk/cognito.lua"

expect_ok jwks "$JWKS_URL" | grep -q '"keys"' || die "jwks: no keys"
wrk_run jwks "$JWKS_URL" "${BENCH_CONNECTIONS_JWKS:-64}"

mapfile -t probe < <(cognito GetUser "{\"AccessToken\":\"$ACCESS_TOKEN\"}")
expect_ok getuser "${probe[@]}" | grep -q '"Username"' || die "getuser: no Username"
BENCH_SCENARIO=getuser wrk_run getuser http://127.0.0.1:8800/ "${BENCH_CONNECTIONS_GETUSER:-32}" "$WRK_SCRIPT"

mapfile -t probe < <(cognito InitiateAuth "{\"AuthFlow\":\"REFRESH_TOKEN_AUTH\",\"ClientId\":\"$CLIENT_ID\",\"AuthParameters\":{\"REFRESH_TOKEN\":\"$REFRESH_TOKEN\"}}")
expect_ok refresh "${probe[@]}" | grep -q '"AccessToken"' || die "refresh: no AccessToken"
BENCH_SCENARIO=refresh wrk_run refresh http://127.0.0.1:8800/ "${BENCH_CONNECTIONS_REFRESH:-16}" "$WRK_SCRIPT"

mapfile -t probe < <(cognito InitiateAuth "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"$CLIENT_ID\",\"AuthParameters\":{\"USERNAME\":\"${USER_PREFIX}0001\",\"PASSWORD\":\"$PASSWORD\"}}")
expect_ok password "${probe[@]}" | grep -q '"AccessToken"' || die "password: no AccessToken"
BENCH_SCENARIO=password wrk_run password http://127.0.0.1:8800/ "${BENCH_CONNECTIONS_PASSWORD:-16}" "$WRK_SCRIPT"
# The same sign-in with PreAuthentication and PreTokenGeneration V2 (both the no-op handler), alternated with the
# plain one in TRIGGER_PAIRS pairs: the target compares the two means, since this machine's speed drifts by more
# than the target's margin between two measurements minutes apart. No trigger again at the end.
TRIGGER_PAIRS="${BENCH_TRIGGER_PAIRS:-3}"
for ((pair = 1; pair <= TRIGGER_PAIRS; pair++)); do
  "${LOADGEN[@]}" triggers "$BENCH_STATE" bench-noop
  BENCH_SCENARIO=password wrk_run "triggers-$pair" http://127.0.0.1:8800/ "${BENCH_CONNECTIONS_PASSWORD:-16}" "$WRK_SCRIPT"
  "${LOADGEN[@]}" triggers "$BENCH_STATE" none
  BENCH_SCENARIO=password wrk_run "plain-$pair" http://127.0.0.1:8800/ "${BENCH_CONNECTIONS_PASSWORD:-16}" "$WRK_SCRIPT"
done
# The trigger scenario's row: the pairs' means (rate, p50, p99, busy), errors and requests summed.
awk -F'\t' -v OFS='\t' '$1 ~ /^triggers-/ {n++; r += $2; p50 += $3; p99 += $4; e += $5; q += $6; sb += $7; gb += $8}
  END {if (n) print "triggers", int(r / n + 0.5), sprintf("%.2f", p50 / n), sprintf("%.2f", p99 / n), e, q,
    int(sb / n + 0.5), int(gb / n + 0.5), "the pairs below"}' "$RESULT_ROWS" >>"$RESULT_ROWS"

# The OAuth endpoints and hosted pages (token-service), on the bench pool's domain.
OAUTH_SCRIPT="$BENCH_DIR/wrk/oauth.lua"
expect_ok clientcreds -X POST -u "$MACHINE_CLIENT_ID:$MACHINE_SECRET" -d grant_type=client_credentials \
  "$OAUTH_BASE/oauth2/token" | grep -q '"access_token"' || die "clientcreds: no access_token"
BENCH_SCENARIO=clientcreds wrk_run clientcreds http://127.0.0.1:8801/ "${BENCH_CONNECTIONS_OAUTH:-16}" "$OAUTH_SCRIPT"
expect_ok userinfo -H "Authorization: Bearer $OAUTH_ACCESS_TOKEN" "$OAUTH_BASE/oauth2/userInfo" | grep -q '"sub"' ||
  die "userinfo: no sub"
BENCH_SCENARIO=userinfo wrk_run userinfo http://127.0.0.1:8801/ "${BENCH_CONNECTIONS_USERINFO:-32}" "$OAUTH_SCRIPT"
# (grep reads the whole page: -q would quit early and, under pipefail, fail the pipe)
expect_ok loginpage "$OAUTH_BASE/login?$AUTHORIZE_QUERY" | grep 'name="password"' >/dev/null ||
  die "loginpage: no form"
BENCH_SCENARIO=loginpage wrk_run loginpage http://127.0.0.1:8801/ "${BENCH_CONNECTIONS_OAUTH:-16}" "$OAUTH_SCRIPT"
# Codes are single-use: enough for a shorter warm-up and measured run (2 s + 10 s) at up to BENCH_CODES_PER_SECOND,
# issued just before (they live 5 minutes) by the session cookie's single sign-on, on the pinned server core (not
# measured). A run that spends them all shows as errors, and its rate (successful requests only) is then a lower bound.
CODES_PER_SECOND="${BENCH_CODES_PER_SECOND:-3000}"
CODE_WARMUP=2 CODE_DURATION="${BENCH_CODE_DURATION:-10}"
say "coderedeem: issuing $(((CODE_WARMUP + CODE_DURATION) * CODES_PER_SECOND)) authorization codes first (not measured)"
started_codes="$(date +%s)"
"${LOADGEN[@]}" codes "$BENCH_STATE" "$((CODE_WARMUP * CODES_PER_SECOND))" "$TARGET/codes.txt-warmup" 8
"${LOADGEN[@]}" codes "$BENCH_STATE" "$((CODE_DURATION * CODES_PER_SECOND))" "$TARGET/codes.txt-measured" 8
say "coderedeem: codes issued in $(($(date +%s) - started_codes)) s"
export CODES_FILE="$TARGET/codes.txt"
WARMUP=$CODE_WARMUP DURATION=$CODE_DURATION BENCH_SCENARIO=coderedeem \
  wrk_run coderedeem http://127.0.0.1:8801/ "${BENCH_CONNECTIONS_OAUTH:-16}" "$OAUTH_SCRIPT"

# Identity pools (identity-pool-service): GetCredentialsForIdentity for one signed-in user's identity (the enhanced
# flow), and the authorize API deciding on a request signed with the credentials it vended. The bodies are made just
# before (not measured): a signature is good for 15 minutes.
"${LOADGEN[@]}" identity "$BENCH_STATE" "$TARGET/identity" | sed 's/^/bench: /'
export IDENTITY_BODIES="$TARGET/identity"
IDENTITY_SCRIPT="$BENCH_DIR/wrk/identity.lua"
expect_ok credentials -X POST "$IDENTITY_ENDPOINT/" -H "Content-Type: application/x-amz-json-1.1" \
  -H "X-Amz-Target: AWSCognitoIdentityService.GetCredentialsForIdentity" --data @"$TARGET/identity/credentials.json" |
  grep -q '"SessionToken"' || die "credentials: no SessionToken"
BENCH_SCENARIO=credentials wrk_run credentials "$IDENTITY_ENDPOINT/" "${BENCH_CONNECTIONS_IDENTITY:-16}" "$IDENTITY_SCRIPT"
expect_ok authorize -X POST "$IDENTITY_ENDPOINT/authorize" -H "Content-Type: application/json" \
  --data @"$TARGET/identity/authorize.json" | grep -q '"decision":"Allow"' || die "authorize: not allowed"
BENCH_SCENARIO=authorize wrk_run authorize "$IDENTITY_ENDPOINT/" "${BENCH_CONNECTIONS_AUTHORIZE:-32}" "$IDENTITY_SCRIPT"

# srp_run: the Java generator (client-side SRP math per sign-in); warm-up inside.
srp_run() {
  local connections="${BENCH_CONNECTIONS_SRP:-24}" out line
  say "srp: $WARMUP s warm-up, $DURATION s measured, $connections threads"
  echo srp >"$RSS_DIR/phase"
  out="$("${LOADGEN[@]}" srp "$BENCH_STATE" "$WARMUP" "$DURATION" "$connections")"
  printf '%s\n' "$out" >"$TARGET/srp.txt"
  line="$(grep '^RESULT' <<<"$out")"
  kv() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' srp "$(kv rps | cut -d. -f1)" "$(kv p50_ms)" "$(kv p99_ms)" \
    "$(kv errors)" "$(kv requests)" \
    "$(analyze "$(sed -n 's/^SNAPSHOT_BEGIN //p' <<<"$out")" "$(sed -n 's/^SNAPSHOT_END //p' <<<"$out")")" >>"$RESULT_ROWS"
  COMMANDS+=("taskset -c $GENERATOR_CORE ${LOADGEN[*]} srp $BENCH_STATE $WARMUP $DURATION $connections   # srp")
  say "srp: $line"
}
srp_run

# Unknown user vs wrong password (PreventUserExistenceErrors): latency distributions of both kinds of failed sign-in,
# one request at a time, and whether a Kolmogorov-Smirnov test tells them apart.
TIMING_SAMPLES="${BENCH_TIMING_SAMPLES:-1000}"
say "timing: $TIMING_SAMPLES failed sign-ins of each kind per flow, one at a time"
echo timing >"$RSS_DIR/phase"
"${LOADGEN[@]}" timing "$BENCH_STATE" "$TIMING_SAMPLES" | tee "$TARGET/timing.txt" | sed 's/^/bench: /'
COMMANDS+=("taskset -c $GENERATOR_CORE ${LOADGEN[*]} timing $BENCH_STATE $TIMING_SAMPLES   # unknown user vs wrong password")

RSS_END=()
for s in "${SERVICES[@]}"; do
  RSS_END+=("$s $(cat "$RSS_DIR/$s.peak" 2>/dev/null || echo 0 none) $(rss_kb "${PID[$s]}") $(hwm_kb "${PID[$s]}") ${HWM_WARM[$s]:-0}")
done
kill "$RSS_SAMPLER" 2>/dev/null || true
RSS_SAMPLER=""

# --- optional: where the time goes (JFR), a separate pass --------------------------------------------------

# jfr_top FILE: the 25 hottest leaf frames (self time) and the 40 most frequent frames anywhere on the stack.
jfr_top() (
  set +o pipefail # head closes its pipe early
  jfr print --events jdk.ExecutionSample --stack-depth 64 "$1" >"$1.txt"
  echo "== leaf frames (self) =="
  awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print}' "$1.txt" |
    sort | uniq -c | sort -rn | head -n 25
  echo "== self time by layer (each sample charged to the first framework frame from the leaf up) =="
  awk -f "$BENCH_DIR/jfr/layers.awk" "$1.txt" | sort -rn
  echo "== frames anywhere on the stack (inclusive) =="
  grep 'line:' "$1.txt" | sed -E 's/^[ \t]+//; s/[ \t]+line:.*//' |
    sort | uniq -c | sort -rn | head -n 40
)

# JFR.stop can return before the dump is complete on disk: wait (at most 60 s) until `jfr summary` reads it.
wait_for_file() {
  local i
  for ((i = 0; i < 120; i++)); do
    jfr summary "$1" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
}

if $JFR; then
  for scenario in password srp getuser refresh userinfo; do
    say "profiling $scenario with JFR ($DURATION s)"
    for s in "${SERVICES[@]}"; do
      jcmd "${PID[$s]}" JFR.start name=bench settings=profile filename="$TARGET/profiles/$scenario-$s.jfr" >/dev/null
    done
    case "$scenario" in
      srp) "${LOADGEN[@]}" srp "$BENCH_STATE" 1 "$DURATION" "${BENCH_CONNECTIONS_SRP:-24}" >/dev/null ;;
      userinfo) BENCH_SCENARIO=$scenario wrk -t1 -c 32 -d "${DURATION}s" -s "$OAUTH_SCRIPT" http://127.0.0.1:8801/ >/dev/null ;;
      *) BENCH_SCENARIO=$scenario wrk -t1 -c 16 -d "${DURATION}s" -s "$WRK_SCRIPT" http://127.0.0.1:8800/ >/dev/null ;;
    esac
    for s in "${SERVICES[@]}"; do
      jcmd "${PID[$s]}" JFR.stop name=bench >/dev/null
      wait_for_file "$TARGET/profiles/$scenario-$s.jfr"
      jfr_top "$TARGET/profiles/$scenario-$s.jfr" >"$TARGET/profiles/$scenario-$s.top.txt" ||
        say "no JFR samples for $s in $scenario"
    done
  done
fi

restore_affinity

if $started_stack || $FORCE_DOWN; then
  say "./cognate down"
  "$ROOT/cognate" down >/dev/null
  STACK_NOTE="stopped at the end ($($started_stack && echo "run.sh started it" || echo "--down"))"
else
  STACK_NOTE="left running as found"
fi

# --- JMH ---------------------------------------------------------------------------------------------------

JMH_ROWS=()
if $JMH; then
  JDKS=("17:java")
  [[ -x "$TEMURIN25/bin/java" ]] && JDKS+=("25:$TEMURIN25/bin/java")
  for jdk in "${JDKS[@]}"; do
    version="${jdk%%:*}" java_bin="${jdk#*:}"
    say "JMH on JDK $version (core $GENERATOR_CORE)"
    taskset -c "$GENERATOR_CORE" "$java_bin" -jar "$JMH_JAR" "${JMH_ARGS[@]}" -rf csv \
      -rff "$TARGET/jmh-jdk$version.csv" >"$TARGET/jmh-jdk$version.txt" 2>&1 ||
      die "JMH on JDK $version failed; see $TARGET/jmh-jdk$version.txt"
    JMH_ROWS+=("$version")
  done
fi

flock -u 9
exec 9>&-
say "released $LOCK"

# --- RESULTS.md --------------------------------------------------------------------------------------------

target_of() {
  case "$1" in
    jwks) echo 20000 ;; getuser) echo 2000 ;; refresh) echo 400 ;; password) echo 150 ;; srp) echo 100 ;;
    clientcreds) echo 1200 ;; coderedeem) echo 500 ;; userinfo) echo 4000 ;; loginpage) echo 2000 ;;
    credentials) echo 1000 ;; authorize) echo 10000 ;;
    # 60 % of the same sign-in without triggers: the mean of the plain runs alternated with the trigger runs
    triggers) awk -F'\t' '$1 ~ /^plain-/ {n++; r += $2} END {printf "%.0f", n ? 0.6 * r / n : 0}' "$RESULT_ROWS" ;;
  esac
}
label_of() {
  case "$1" in
    jwks) echo "JWKS GET" ;; getuser) echo "GetUser" ;; refresh) echo "REFRESH_TOKEN_AUTH" ;;
    password) echo "USER_PASSWORD_AUTH sign-in" ;; srp) echo "USER_SRP_AUTH sign-in (2 requests)" ;;
    clientcreds) echo "client_credentials token" ;; coderedeem) echo "authorization code redemption" ;;
    userinfo) echo "userInfo GET" ;; loginpage) echo "hosted sign-in page GET" ;;
    credentials) echo "GetCredentialsForIdentity (enhanced flow, cached identity)" ;;
    authorize) echo "authorize API decision (SigV4 + session token + role policy)" ;;
    triggers) echo "USER_PASSWORD_AUTH with PreAuthentication + PreTokenGeneration V2 (no-op handler; mean of the pairs)" ;;
    triggers-*) echo "the same with the two triggers, pair ${1#triggers-}" ;;
    plain-*) echo "USER_PASSWORD_AUTH without triggers, pair ${1#plain-}" ;;
  esac
}

commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
dirty="$(git -C "$ROOT" status --porcelain --untracked-files=no -- . ':!deploy/bench' 2>/dev/null | awk '{print $2}' | tr '\n' ' ')"
{
  echo "# Cognate load benchmark — results"
  echo
  echo "Written by \`deploy/bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). How to read it: [README.md](README.md)."
  echo
  echo "- Machine: $(nproc --all) cores (nproc before pinning), $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/^Mem:/ {print $2}') GiB, Linux $(uname -r)"
  echo "- Machine speed, for comparing runs: ${YARDSTICK:-unknown} RSA-2048 signatures/s on core $GENERATOR_CORE (\`openssl speed -seconds 3 rsa2048\`)"
  echo "- JDK of the services: $SERVICE_JDK; of the load generator: $(java -version 2>&1 | head -n 1)"
  echo "- Commit: $commit${dirty:+ with uncommitted changes in: $dirty}"
  for s in "${SERVICES[@]}"; do
    echo "- $s: \`${JVM_OPTS[$s]}\`"
  done
  echo "- Server side on ONE core: every thread of both services, PostgreSQL (postmaster and backends), Kafka and"
  echo "  GreenMail pinned to core $SERVER_CORE (\`taskset -a -cp $SERVER_CORE\`, after start); the load generator on core"
  echo "  $GENERATOR_CORE (\`taskset -c $GENERATOR_CORE\`). So req/s below is per server core. Pinned: ${#PINNED[@]} processes."
  echo "- JIT warm-up first: every scenario for at least $JIT_WARMUP s and $JIT_WARMUP_REQUESTS requests (at most 300 s) on both"
  echo "  cores, unmeasured (the services' JIT is C2 alone, which compiles a method after 10,000 calls)."
  echo "- Each scenario: $WARMUP s warm-up (discarded), then $DURATION s measured; $USERS users; p50/p99 from every"
  echo "  request's latency (wrk --latency; LoadGen's own per-sign-in timings for SRP)."
  echo
  echo "| scenario | req/s per server core | p50 ms | p99 ms | target | met? | server core busy | generator core busy | errors |"
  echo "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |"
  while IFS=$'\t' read -r name rps p50 p99 errors requests sbusy gbusy split; do
    [[ "$name" == triggers-* || "$name" == plain-* ]] && continue
    target="$(target_of "$name")"
    if ((rps >= target)); then met="yes (${rps}/${target} = $(awk -v r="$rps" -v t="$target" 'BEGIN {printf "%.1f", r / t}')×)"; else met="**no** ($(awk -v r="$rps" -v t="$target" 'BEGIN {printf "%.0f", 100 * r / t}')% of target)"; fi
    ((gbusy >= 90)) && met="$met — generator saturated: lower bound"
    echo "| $(label_of "$name") | $rps | $p50 | $p99 | ≥ $target | $met | $sbusy% | $gbusy% | $errors of $requests |"
  done <"$RESULT_ROWS"
  echo
  echo "The trigger scenario alternated with the plain sign-in, $TRIGGER_PAIRS pairs in the same JVMs (target: the"
  echo "triggers' mean rate ≥ 60 % of the plain runs' mean):"
  echo
  echo "| pair | without triggers: req/s, p50, p99 ms | with both triggers: req/s, p50, p99 ms | ratio |"
  echo "| ---: | --- | --- | ---: |"
  awk -F'\t' '$1 ~ /^plain-/ {i = substr($1, 7); pr[i] = $2; p5[i] = $3; p9[i] = $4}
    $1 ~ /^triggers-/ {i = substr($1, 10); tr[i] = $2; t5[i] = $3; t9[i] = $4; n++}
    END {for (i = 1; i <= n; i++) {printf "| %d | %s, %s, %s | %s, %s, %s | %.0f %% |\n", i, pr[i], p5[i], p9[i], tr[i], t5[i], t9[i], (pr[i] > 0 ? 100 * tr[i] / pr[i] : 0)
      sp += pr[i]; st += tr[i]; d5 += t5[i] - p5[i]; d9 += t9[i] - p9[i]}
      if (n) printf "| mean | %.0f | %.0f | **%.0f %%** |\n\nThe two triggers add %.2f ms at p50 and %.2f ms at p99 (means of the pairs) to a USER_PASSWORD_AUTH sign-in\n(trigger-gateway, the Node shim and its no-op handler on the server core).\n", sp / n, st / n, (sp > 0 ? 100 * st / sp : 0), d5 / n, d9 / n}' "$RESULT_ROWS"
  echo
  echo "Where core $SERVER_CORE's time went in each measured window (CPU time of each process ÷ the core's time;"
  echo "the rest is the kernel's softirq work and idle), and the same as core time per operation (busy ÷ rate):"
  echo
  echo "| scenario | split of the server core | core ms per operation |"
  echo "| --- | --- | ---: |"
  while IFS=$'\t' read -r name rps p50 p99 errors requests sbusy gbusy split; do
    [[ "$name" == triggers ]] && continue
    echo "| $(label_of "$name") | $split | $(awk -v b="$sbusy" -v r="$rps" 'BEGIN {printf "%.3f", (r > 0 ? 10 * b / r : 0)}') |"
  done <"$RESULT_ROWS"
  echo
  echo "Unknown user vs wrong password (PreventUserExistenceErrors ENABLED): $TIMING_SAMPLES failed sign-ins of each"
  echo "kind per flow, interleaved at random, one at a time; USER_SRP_AUTH times both server calls. The real users"
  echo "are reset together (a successful sign-in) before their fifth failure, then 100 ms and one untimed attempt"
  echo "pass, so the reset's after-effects fall on both kinds alike (\`BENCH_TIMING_DUMP=prefix\` writes each"
  echo "attempt in order). Two-sample Kolmogorov-Smirnov test: the timings can be told apart at the 5 % level only"
  echo "if D exceeds the critical D (equivalently p < 0.05)."
  echo
  echo "| flow | wrong password p50 / p90 ms | unknown user p50 / p90 ms | KS D | critical D (5 %) | p | told apart? |"
  echo "| --- | --- | --- | ---: | ---: | ---: | --- |"
  while read -r line; do
    tkv() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
    echo "| $(tkv flow) | $(tkv known_p50_ms) / $(tkv known_p90_ms) | $(tkv unknown_p50_ms) / $(tkv unknown_p90_ms) |" \
      "$(tkv ks_d) | $(tkv ks_d_critical_5pct) | $(tkv ks_p) |" \
      "$(awk -v p="$(tkv ks_p)" 'BEGIN {print (p < 0.05 ? "**yes**" : "no")}') |"
  done < <(grep '^TIMING' "$TARGET/timing.txt")
  echo
  echo "RSS of each service (/proc/PID/status; target ≤ 250 MB each; JVM options in the header):"
  echo
  echo "| service | VmHWM after the JIT warm-up | peak during the measured run (sampled 2/s), in | after the run | VmHWM (peak since start) | ≤ 250 MB? |"
  echo "| --- | ---: | --- | ---: | ---: | --- |"
  for row in "${RSS_END[@]}"; do
    read -r s peak phase end hwm warm <<<"$row"
    worst=$((peak > end ? peak : end))
    worst=$((hwm > worst ? hwm : worst))
    ok=$( ((worst <= 250 * 1024)) && echo yes || echo "**no**")
    printf '| %s | %d MB | %d MB, %s | %d MB | %d MB | %s |\n' "$s" $((warm / 1024)) $((peak / 1024)) "$phase" \
      $((end / 1024)) $((hwm / 1024)) "$ok"
  done
  echo
  echo "Stack: $STACK_NOTE. Exact commands (from \`deploy/bench/run.sh\`, with the ids of \`deploy/bench/target/state.env\`"
  echo "exported for the Lua script):"
  echo
  echo '```'
  echo "flock $LOCK (held by run.sh for the measurement)"
  echo "for pid in ${PINNED[*]}; do taskset -a -cp $SERVER_CORE \$pid; done"
  echo "#   = $PINNED_LABEL"
  printf '%s\n' "${COMMANDS[@]}"
  echo '```'
  if ((${#JMH_ROWS[@]} > 0)); then
    echo
    echo "## JMH: the hot code (\`deploy/bench/jmh\`)"
    echo
    echo "\`taskset -c $GENERATOR_CORE java -jar deploy/bench/jmh/target/benchmarks.jar ${JMH_ARGS[*]}\`, stack idle or down,"
    echo "lower is better."
    echo
    header="| benchmark |"
    sep="| --- |"
    for v in "${JMH_ROWS[@]}"; do
      header="$header JDK $v µs/op |"
      sep="$sep ---: |"
    done
    echo "$header"
    echo "$sep"
    # csv: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: provider"
    benches="$(tail -n +2 "$TARGET/jmh-jdk${JMH_ROWS[0]}.csv" | awk -F',' '{gsub(/[\r"]/, ""); print $1 (NF >= 8 && $8 != "" ? " [" $8 "]" : "")}')"
    while read -r bench; do
      line="| ${bench#io.cognate.bench.} |"
      for v in "${JMH_ROWS[@]}"; do
        score="$(awk -F',' -v b="$bench" '{gsub(/[\r"]/, ""); k = $1 (NF >= 8 && $8 != "" ? " [" $8 "]" : "")} k == b {printf "%.1f ± %.1f", $5, $6}' "$TARGET/jmh-jdk$v.csv")"
        line="$line ${score:-n/a} |"
      done
      echo "$line"
    done <<<"$benches"
  fi
} >"$RESULTS"
say "wrote $RESULTS"
