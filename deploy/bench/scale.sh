#!/usr/bin/env bash
# Cognate's scale benchmark: one pool grown through the API to a million users, and what its size costs sign-ins
# and ListUsers searches, per server core (as run.sh: the server side on core 0, the generators on core 1). Writes
# deploy/bench/SCALE.md. See deploy/bench/README.md ("Scale").
#
#   deploy/bench/scale.sh [--users N] [--baseline N] [--pairs N] [--fresh]
#
#   --users N     the size measured last (default 1,000,000)
#   --baseline N  the size measured first, in the same pool (default 10,000)
#   --pairs N     then N pairs of sign-in measurements alternating users drawn from the first BASELINE and users drawn
#                 from all USERS, in the same JVMs and minutes (default 5; 0: none): the verdict, since this machine's
#                 speed drifts by more than the targets' margins between two separate measurements
#   --fresh       a new pool; otherwise the pool of the last run (target/scale-state.env) is grown from where its
#                 seeding stopped, so a cut-off run resumes
#
# Run it as it is, NOT under `flock /tmp/cognate-build.lock` (it takes the lock itself after ./cognate up).
# Tunables (environment): BENCH_WARMUP (s, default 5), BENCH_DURATION (s, default 20), BENCH_JIT_WARMUP (s on both
# cores before each pinned measurement, default 20), BENCH_SEED_CONCURRENCY (32), BENCH_CONNECTIONS_PASSWORD (16),
# BENCH_CONNECTIONS_LIST (8), BENCH_SCALE_RESULTS (file to write instead of deploy/bench/SCALE.md).
set -euo pipefail

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
USERS=1000000
BASELINE=10000
PAIRS=5
FRESH=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --users) USERS="${2:?--users needs a number}" && shift ;;
    --baseline) BASELINE="${2:?--baseline needs a number}" && shift ;;
    --pairs) PAIRS="${2:?--pairs needs a number}" && shift ;;
    --fresh) FRESH=true ;;
    *) die "usage: $0 [--users N] [--baseline N] [--pairs N] [--fresh]" ;;
  esac
  shift
done
((BASELINE > 0 && USERS > BASELINE)) || die "--users ($USERS) must be more than --baseline ($BASELINE)"
WARMUP="${BENCH_WARMUP:-5}"
DURATION="${BENCH_DURATION:-20}"
# The services' JIT is C2 alone, which compiles a method after 10,000 calls: 20 s of sign-ins (~7,000) left the first
# measurement of a run half interpreted (168/s, then 356/s in the same JVMs). 90 s per scenario is enough here.
JIT_WARMUP="${BENCH_JIT_WARMUP:-90}"
SEED_CONCURRENCY="${BENCH_SEED_CONCURRENCY:-32}"
SIGN_IN_CONNECTIONS="${BENCH_CONNECTIONS_PASSWORD:-16}"
LIST_CONNECTIONS="${BENCH_CONNECTIONS_LIST:-8}"
RESULTS="${BENCH_SCALE_RESULTS:-$BENCH_DIR/SCALE.md}"
STATE="$TARGET/scale-state.env"
ROWS="$TARGET/scale-rows.tsv"

require_two_cores
ensure_wrk
compile_generators
say "./cognate up (builds under the lock if a jar is stale)"
"$ROOT/cognate" up >"$TARGET/cognate-up.log" 2>&1 || die "./cognate up failed; see $TARGET/cognate-up.log"

exec 9>"$LOCK"
if ! flock -n 9; then
  say "waiting for $LOCK (someone is building)"
  flock 9
fi
say "holding $LOCK until the end"
trap restore_affinity EXIT
export_admin_credentials
SCALE=(java -XX:+UseSerialGC -Xms256m -Xmx256m -cp "$TARGET/classes" ScaleLoad)
sql() { "$ROOT/deploy/postgres.sh" psql -d cognate_userpool -At -c "$1"; }

if $FRESH || [[ ! -s "$STATE" ]] ||
  [[ "$(sql "select count(*) from user_pool where id = '$(sed -n 's/^POOL_ID=//p' "$STATE")'")" != 1 ]]; then
  "${SCALE[@]}" setup http://127.0.0.1:8800 "$STATE" | sed 's/^/bench: /'
  : >"$ROWS"
fi
set -a
# shellcheck disable=SC1090 # written by ScaleLoad setup
source "$STATE"
set +a
[[ -f "$ROWS" ]] || : >"$ROWS"

# seed_to N: grows the pool to N users (ScaleLoad seed, both cores, not pinned); a row "seed N SECONDS RATE FROM".
seed_to() {
  local line
  say "seeding the pool to $1 users ($SEED_CONCURRENCY concurrent SignUp + AdminConfirmSignUp)"
  "${SCALE[@]}" seed "$STATE" "$1" "$SEED_CONCURRENCY" | tee "$TARGET/scale-seed.log" | sed -u 's/^/bench: /'
  line="$(grep '^RESULT' "$TARGET/scale-seed.log")"
  kv() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  # A resumed run's rate covers only the users it added; the first rate recorded for a size stands.
  if (($(kv seeded) > $(kv from))); then
    printf 'seed\t%s\t%s\t%s\t%s\n' "$1" "$(kv seconds)" "$(kv per_second)" "$(kv from)" >>"$ROWS"
  fi
}

# list_summary N FILTER: ListUsers by FILTER over users drawn from the first N (ScaleLoad list, WARMUP then DURATION
# s, LIST_CONNECTIONS threads) as wrk_summary gives a wrk run: "RPS P50 P99 ERRORS REQUESTS", tab-separated.
list_summary() {
  local line
  line="$("${SCALE[@]}" list "$STATE" "$1" "$2" "$WARMUP" "$DURATION" "$LIST_CONNECTIONS" | grep '^RESULT')"
  kv() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  printf '%.0f\t%s\t%s\t%s\t%s\n' "$(kv rps)" "$(kv p50_ms)" "$(kv p99_ms)" "$(kv errors)" "$(kv requests)"
}

# measure N: at N users (drawn at random from the first N), pinned: USER_PASSWORD_AUTH (wrk), ListUsers by email and
# by family name (ScaleLoad list); rows "measure N SCENARIO RPS P50 P99 ERRORS REQUESTS"; then the database's size.
measure() {
  local n="$1" out filter
  # A pool that has just had hundreds of thousands of users added would otherwise be vacuumed and checkpointed by
  # PostgreSQL's background workers during the pinned minutes, on the server core: settle it first, as a pool is
  # in service.
  say "$n users: VACUUM ANALYZE pool_user, CHECKPOINT"
  sql "vacuum analyze pool_user" >/dev/null
  sql "checkpoint" >/dev/null
  say "$n users: JIT warm-up, $JIT_WARMUP s per scenario on both cores"
  USERS=$n BENCH_SCENARIO=random wrk -t1 -c "$SIGN_IN_CONNECTIONS" -d "${JIT_WARMUP}s" -s "$BENCH_DIR/wrk/cognito.lua" \
    http://127.0.0.1:8800/ >/dev/null
  for filter in email family_name; do "${SCALE[@]}" list "$STATE" "$n" "$filter" "$JIT_WARMUP" 1 4 >/dev/null; done
  read_pids
  pin_server
  say "$n users: USER_PASSWORD_AUTH, $WARMUP s warm-up, $DURATION s measured, $SIGN_IN_CONNECTIONS connections"
  USERS=$n BENCH_SCENARIO=random wrk -t1 -c "$SIGN_IN_CONNECTIONS" -d "${WARMUP}s" -s "$BENCH_DIR/wrk/cognito.lua" \
    http://127.0.0.1:8800/ >/dev/null
  out="$(USERS=$n BENCH_SCENARIO=random wrk -t1 -c "$SIGN_IN_CONNECTIONS" -d "${DURATION}s" --latency \
    -s "$BENCH_DIR/wrk/cognito.lua" http://127.0.0.1:8800/)"
  printf 'measure\t%s\tsignin\t%s\n' "$n" "$(wrk_summary <<<"$out")" | tee -a "$ROWS" | sed 's/^/bench: /'
  for filter in email family_name; do
    say "$n users: ListUsers by $filter, $WARMUP s warm-up, $DURATION s measured, $LIST_CONNECTIONS threads"
    printf 'measure\t%s\tlist-%s\t%s\n' "$n" "$filter" "$(list_summary "$n" "$filter")" | tee -a "$ROWS" |
      sed 's/^/bench: /'
  done
  restore_affinity
  printf 'size\t%s\t%s\n' "$n" "$(sql "select pg_database_size(current_database()), pg_relation_size('pool_user'),
    pg_indexes_size('pool_user'), (select count(*) from pool_user where pool_id = '$POOL_ID')" | tr '|' '\t')" >>"$ROWS"
}

# alternate: PAIRS pairs of pinned measurements, users drawn from the first BASELINE then from all USERS of the pool,
# in the same JVMs (warmed by measure) and minutes: USER_PASSWORD_AUTH, rows "pair K N RPS P50 P99 ERRORS REQUESTS",
# then ListUsers by email, rows "pairlist K N ..." (by family name draws no user, so size is all it could vary).
alternate() {
  local k n out
  sed -i '/^pair\t/d; /^pairlist\t/d' "$ROWS"
  read_pids
  pin_server
  for ((k = 1; k <= PAIRS; k++)); do
    for n in "$BASELINE" "$USERS"; do
      say "pair $k of $PAIRS: USER_PASSWORD_AUTH over $n users, $WARMUP s warm-up, $DURATION s measured"
      USERS=$n BENCH_SCENARIO=random wrk -t1 -c "$SIGN_IN_CONNECTIONS" -d "${WARMUP}s" -s "$BENCH_DIR/wrk/cognito.lua" \
        http://127.0.0.1:8800/ >/dev/null
      out="$(USERS=$n BENCH_SCENARIO=random wrk -t1 -c "$SIGN_IN_CONNECTIONS" -d "${DURATION}s" --latency \
        -s "$BENCH_DIR/wrk/cognito.lua" http://127.0.0.1:8800/)"
      printf 'pair\t%s\t%s\t%s\n' "$k" "$n" "$(wrk_summary <<<"$out")" | tee -a "$ROWS" | sed 's/^/bench: /'
      say "pair $k of $PAIRS: ListUsers by email over $n users, $WARMUP s warm-up, $DURATION s measured"
      printf 'pairlist\t%s\t%s\t%s\n' "$k" "$n" "$(list_summary "$n" email)" | tee -a "$ROWS" | sed 's/^/bench: /'
    done
  done
  restore_affinity
}

# row KIND N [SCENARIO]: the last row of that kind for that size.
row() { awk -F'\t' -v k="$1" -v n="$2" -v s="${3:-}" '$1 == k && $2 == n && (s == "" || $3 == s)' "$ROWS" | tail -n 1; }

seed_to "$BASELINE"
# A resumed run keeps its baseline: the pool may hold more users by now.
[[ -n "$(row size "$BASELINE")" ]] || measure "$BASELINE"
seed_to "$USERS"
measure "$USERS"
((PAIRS == 0)) || alternate

# --- SCALE.md ----------------------------------------------------------------------------------------------------

# alternated KIND LABEL RATE-TARGET P99-TARGET: the table of one kind of pair rows (a rate target of 0: none).
alternated() {
  echo
  echo "$2:"
  echo
  echo "| pair | first $BASELINE: req/s, p50, p99 ms | all $USERS: req/s, p50, p99 ms | rate | p99 |"
  echo "| ---: | --- | --- | ---: | ---: |"
  awk -F'\t' -v kind="$1" -v small="$BASELINE" -v rate_target="$3" -v tail_target="$4" '$1 == kind {
    if ($3 == small) { r[$2] = $4; p50[$2] = $5; p99[$2] = $6 }
    else { printf "| %d | %d, %.2f, %.2f | %d, %.2f, %.2f | %.0f %% | %.2f× |\n", $2, r[$2], p50[$2], p99[$2], $4, $5,
      $6, (r[$2] > 0 ? 100 * $4 / r[$2] : 0), (p99[$2] > 0 ? $6 / p99[$2] : 0)
      sr += r[$2]; sl += $4; ps += p99[$2]; pl += $6; pairs++ }
  } END {
    rate = sr > 0 ? sl / sr : 0; tail = ps > 0 ? pl / ps : 99
    printf "| all | %.0f/s on average | %.0f/s on average | **%.0f %%**", (pairs ? sr / pairs : 0), (pairs ? sl / pairs : 0), 100 * rate
    if (rate_target > 0) printf " (target ≥ %.0f %%: %s)", 100 * rate_target, (rate >= rate_target ? "met" : "not met")
    printf " | **%.2f×** (target ≤ %.1f×: %s) |\n", tail, tail_target, (tail <= tail_target ? "met" : "not met")
  }' "$ROWS"
}

col() { cut -f "$1"; }
mb() { awk -v b="$1" 'BEGIN {printf "%.0f MB", b / 1048576}'; }
{
  echo "# Cognate scale benchmark — results"
  echo
  echo "Written by \`deploy/bench/scale.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD);"
  echo "how to read it: [README.md](README.md#scale). $(nproc --all) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB;"
  echo "measured with the server side (every service, PostgreSQL and its backends, Kafka, GreenMail) on core $SERVER_CORE"
  echo "and the generators on core $GENERATOR_CORE, $WARMUP s warm-up then $DURATION s per scenario, after a $JIT_WARMUP s"
  echo "unpinned warm-up. One pool ($POOL_ID), measured at $BASELINE users and again at $USERS; users drawn at"
  echo "random from the whole set each time."
  echo
  echo "| scenario | at $BASELINE users: req/s, p50, p99 ms | at $USERS users: req/s, p50, p99 ms | target | met? |"
  echo "| --- | --- | --- | --- | --- |"
  for scenario in signin list-email list-family_name; do
    small="$(row measure "$BASELINE" "$scenario")"
    large="$(row measure "$USERS" "$scenario")"
    case "$scenario" in
      signin) label="USER_PASSWORD_AUTH sign-in (wrk, $SIGN_IN_CONNECTIONS connections)" ;;
      list-email) label="ListUsers \`email = \"<a user's>\"\` (one match; $LIST_CONNECTIONS threads)" ;;
      *) label="ListUsers \`family_name = \"<one of 20>\"\` (first page of 60; $LIST_CONNECTIONS threads)" ;;
    esac
    awk -F'\t' -v label="$label" -v s="$scenario" -v small="$small" -v large="$large" 'BEGIN {
      split(small, a, "\t"); split(large, b, "\t")
      rate = a[4] > 0 ? b[4] / a[4] : 0; tail = a[6] > 0 ? b[6] / a[6] : 99
      if (s == "signin") {
        target = "req/s ≥ 90 %, p99 ≤ 1.5×"; met = rate >= 0.9 && tail <= 1.5
      } else {
        target = "p99 ≤ 2×"; met = tail <= 2
      }
      printf "| %s | %d, %.2f, %.2f (errors %d) | %d, %.2f, %.2f (errors %d) | %s | %s (%.0f %% of the rate, p99 %.2f×) |\n",
        label, a[4], a[5], a[6], a[7], b[4], b[5], b[6], b[7], target, met ? "yes" : "**no**", 100 * rate, tail
    }'
  done
  if ((PAIRS > 0)); then
    echo
    echo "Alternated, the verdict: $PAIRS pairs of measurements in the same JVMs and minutes, users drawn at random from"
    echo "the first $BASELINE of the pool, then from all $USERS ($WARMUP s warm-up, $DURATION s each): the machine's"
    echo "drift between two separate runs is larger than the targets' margins."
    alternated pair "USER_PASSWORD_AUTH sign-in ($SIGN_IN_CONNECTIONS connections)" 0.9 1.5
    alternated pairlist "ListUsers by email, one match ($LIST_CONNECTIONS threads)" 0 2
  fi
  echo
  echo "Seeding, through the API (SignUp then AdminConfirmSignUp per user, $SEED_CONCURRENCY at a time, both cores,"
  echo "unpinned): what each size's run added, in how long."
  echo
  echo "| pool grown to | from | seconds | users a second |"
  echo "| ---: | ---: | ---: | ---: |"
  awk -F'\t' '$1 == "seed" {printf "| %d | %d | %.0f | %.0f |\n", $2, $5, $3, $4}' "$ROWS"
  echo
  echo "Database (cognate_userpool) after each size's measurement:"
  echo
  echo "| users in the pool | database | pool_user table | its indexes |"
  echo "| ---: | ---: | ---: | ---: |"
  for n in "$BASELINE" "$USERS"; do
    line="$(row size "$n")"
    [[ -n "$line" ]] || continue
    echo "| $(col 6 <<<"$line") | $(mb "$(col 3 <<<"$line")") | $(mb "$(col 4 <<<"$line")") | $(mb "$(col 5 <<<"$line")") |"
  done
} >"$RESULTS"
say "wrote $RESULTS"
cat "$RESULTS"
