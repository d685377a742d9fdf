#!/usr/bin/env bash
# The Cognate services, each `java -jar <module>/target/quarkus-app/quarkus-run.jar` configured
# through the env vars of .build/CONTRACT.md; logs in .cognate/<profile>/logs/<module>.log.
# Started in the order token-service, user-pool-service, identity-pool-service, trigger-gateway
# (a module whose directory does not exist yet is skipped), each once /q/health/ready answers.
# Needs PostgreSQL, Kafka and GreenMail of the same profile. Run alone:
#   deploy/services.sh start|stop|status [MODULE] [--profile test]

# shellcheck source=deploy/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=deploy/haproxy.sh
source "$DEPLOY_DIR/haproxy.sh"

# A small, fixed footprint per service (target: <= 250 MB RSS, deploy/bench/RESULTS.md): the serial collector
# suits a heap this size on a core or two (the live set is under 30 MB after load); C2 alone, without tiered C1 code, needs
# less than half the code cache (16 vs 36 MB measured under load) for the same throughput once warm; metaspace and
# the code cache are capped; one glibc malloc arena and (where the JDK has it, 17.0.9 on) periodic trimming of the
# native heap return what the compiler and Netty freed. C2 does not inline BigInteger's recursive Burnikel-Ziegler
# division into itself: SRP's 3,072-bit arithmetic made that one compilation take 42 MB of compiler arena, a transient
# RSS peak of 35 MB, for no measurable speed (deploy/bench/ANALYSIS.md, "Seventh session").
SERVICE_HEAP="${COGNATE_SERVICE_HEAP:--Xms32m -Xmx40m -XX:+UseSerialGC -XX:-TieredCompilation -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+ExitOnOutOfMemoryError -XX:CompileCommand=quiet -XX:CompileCommand=dontinline,java.math.MutableBigInteger::divide3n2n}"
TRIM_NATIVE_HEAP="-XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000"

# service_java: the JVM the services run on: COGNATE_SERVICE_JAVA if set, else the newest JDK (17 or later) under
# /usr/lib/jvm, else `java`. Newer JDKs take less memory for the same code (JDK 25: about 20 MB less metaspace
# and symbols, and compact object headers); the services are Java 17 bytecode and run on any of them.
service_java() {
  if [[ -n "${COGNATE_SERVICE_JAVA:-}" ]]; then
    printf '%s' "$COGNATE_SERVICE_JAVA"
    return
  fi
  local candidate best="" best_major=0 major
  for candidate in /usr/lib/jvm/*/bin/java; do
    [[ -x "$candidate" ]] || continue
    major="$(java_major "$candidate")"
    if ((major >= 17 && major > best_major)); then
      best="$candidate"
      best_major="$major"
    fi
  done
  printf '%s' "${best:-java}"
}

service_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar' "$COGNATE_ROOT" "$(service_module "$1")"; }

service_ready_url() { printf 'http://127.0.0.1:%s/q/health/ready' "$(service_management_port "$1")"; }

service_ready() { http_ok "$(service_ready_url "$1")"; }

# service_env MODULE: the KEY=VALUE lines the module runs with. Like the rest of the stack the
# services listen on 127.0.0.1 only: a developer's admin API is not for the network.
service_env() {
  local module="$1" db
  db="$(service_database "$module")"
  printf '%s\n' \
    "QUARKUS_HTTP_HOST=127.0.0.1" \
    "QUARKUS_HTTP_PORT=$(service_http_port "$module")" \
    "QUARKUS_GRPC_SERVER_HOST=127.0.0.1" \
    "QUARKUS_GRPC_SERVER_PORT=$(service_grpc_port "$module")" \
    "QUARKUS_MANAGEMENT_HOST=127.0.0.1" \
    "QUARKUS_MANAGEMENT_PORT=$(service_management_port "$module")" \
    "QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:$PG_PORT/$db" \
    "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$db" \
    "QUARKUS_DATASOURCE_USERNAME=cognate" \
    "QUARKUS_DATASOURCE_PASSWORD=cognate" \
    "COGNATE_KEK=$KEK" \
    "COGNATE_PREVIOUS_KEKS=$PREVIOUS_KEKS" \
    "COGNATE_REGION=us-east-1"
  # Traces to the stack's trace sink (deploy/traces.sh): in the test profile, or where COGNATE_TRACES=on. Off in the
  # local one by default, which the benchmark measures: tracing a tenth of the requests cost GetUser and sign-ins 40-60 %
  # of their rate on one core (deploy/bench/ANALYSIS.md, "Fifth session").
  local traces=off
  if [[ "$PROFILE" == test ]]; then traces=on; fi
  if [[ "${COGNATE_TRACES:-$traces}" == on ]]; then
    printf '%s\n' "QUARKUS_OTEL_SDK_DISABLED=false" \
      "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://127.0.0.1:$TRACES_PORT"
    # The tests trace only the requests they send a sampled traceparent with: the suite's other requests, a tenth of
    # them sampled, would fill the sink.
    if [[ "$PROFILE" == test ]]; then echo "QUARKUS_OTEL_TRACES_SAMPLER_ARG=0"; fi
  fi
  # Behind haproxy an instance told to stop first reports itself not ready for 2 s, long enough for haproxy's checks
  # (every 500 ms, 2 failures) to stop sending it requests, then finishes those in flight (deploy/haproxy.sh).
  if load_balanced; then echo "QUARKUS_SHUTDOWN_DELAY=2s"; fi
  case "$(service_module "$module")" in
    token-service)
      printf '%s\n' \
        "COGNATE_ISSUER_BASE_URL=http://localhost:$(public_http_port token-service)" \
        "QUARKUS_GRPC_CLIENTS_USERPOOL_HOST=127.0.0.1" \
        "QUARKUS_GRPC_CLIENTS_USERPOOL_PORT=$(peer_grpc_port user-pool-service)"
      # The tests watch expired refresh-token families and codes go (HousekeepingTest, CodeFlowTest), rotate
      # signing keys, and change clients and domains between one request and the next: short intervals, no cached
      # copy of a client. Otherwise 10 minutes, 60 s, 5 minutes and 5 s.
      if [[ "$PROFILE" == test ]]; then
        printf '%s\n' "COGNATE_HOUSEKEEPING_INTERVAL=PT2S" "COGNATE_HOSTED_UI_CONFIG_CACHE_TTL=PT0S" \
          "COGNATE_KEY_CACHE_TTL=PT1S" "COGNATE_HOSTED_UI_CODE_TTL=PT10S" \
          "COGNATE_HOSTED_UI_DOMAIN_SUFFIX=auth.localhost"
      fi
      ;;
    user-pool-service)
      printf '%s\n' \
        "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT" \
        "QUARKUS_MAILER_HOST=127.0.0.1" \
        "QUARKUS_MAILER_PORT=$SMTP_PORT" \
        "QUARKUS_MAILER_FROM=no-reply@cognate.local" \
        "COGNATE_PUBLIC_BASE_URL=http://localhost:$(public_http_port "$module")" \
        "COGNATE_ADMIN_ACCESS_KEY_ID=$ADMIN_ACCESS_KEY_ID" \
        "COGNATE_ADMIN_SECRET_ACCESS_KEY=$ADMIN_SECRET_ACCESS_KEY" \
        "QUARKUS_GRPC_CLIENTS_TOKEN_HOST=127.0.0.1" \
        "QUARKUS_GRPC_CLIENTS_TOKEN_PORT=$(peer_grpc_port token-service)" \
        "QUARKUS_GRPC_CLIENTS_TRIGGERS_HOST=127.0.0.1" \
        "QUARKUS_GRPC_CLIENTS_TRIGGERS_PORT=$(peer_grpc_port trigger-gateway)"
      # The federation tests stand in for Google with a local OpenID provider on B+40 (FederationTest), and for
      # Facebook, Login with Amazon and Sign in with Apple with idp-social.mjs on B+41 (SocialFederationTest).
      if [[ "$PROFILE" == test ]]; then
        echo "COGNATE_GOOGLE_ISSUER=http://127.0.0.1:$((BASE_PORT + 40))"
        echo "COGNATE_FACEBOOK_URL=http://127.0.0.1:$((BASE_PORT + 41))/facebook"
        echo "COGNATE_AMAZON_URL=http://127.0.0.1:$((BASE_PORT + 41))/amazon"
        echo "COGNATE_APPLE_ISSUER=http://127.0.0.1:$((BASE_PORT + 41))/apple"
      fi
      ;;
    trigger-gateway)
      # Handlers answer the Lambda Invoke API; locally, deploy/lambda's shims host them (deploy/lambda/README.md).
      # The test profile's: the Node shim of the trigger tests on B+30 (any function by name), the Python shim on
      # B+31 (py-* functions).
      local template="http://127.0.0.1:$((BASE_PORT + 30))/2015-03-31/functions/{function}/invocations"
      echo "COGNATE_TRIGGERS_URL_TEMPLATE=${COGNATE_TRIGGERS_URL_TEMPLATE:-$template}"
      echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT"
      if [[ "$PROFILE" == test ]]; then
        # py-handler and java-handler on the Python and Java shims; unreachable on a port nothing listens on (a
        # handler host that is down); kafka-sms-sender left to the tests' own Kafka consumer.
        local invoke=/2015-03-31/functions/function/invocations
        # Functions mapped to aws go to the tests' stand-in for AWS Lambda on B+33, which checks their signature by
        # the stack's admin credentials.
        echo "COGNATE_TRIGGERS_AWS_ENDPOINT=http://127.0.0.1:$((BASE_PORT + 33))"
        echo "COGNATE_TRIGGERS_AWS_ACCESS_KEY_ID=$ADMIN_ACCESS_KEY_ID"
        echo "COGNATE_TRIGGERS_AWS_SECRET_ACCESS_KEY=$ADMIN_SECRET_ACCESS_KEY"
        echo "COGNATE_TRIGGERS_FUNCTIONS=py-handler=http://127.0.0.1:$((BASE_PORT + 31))$invoke,java-handler=http://127.0.0.1:$((BASE_PORT + 32))$invoke,unreachable=http://127.0.0.1:$((BASE_PORT + 39))$invoke,kafka-sms-sender=kafka"
      elif [[ -n "${COGNATE_TRIGGERS_FUNCTIONS:-}" ]]; then
        echo "COGNATE_TRIGGERS_FUNCTIONS=$COGNATE_TRIGGERS_FUNCTIONS"
      fi
      ;;
    identity-pool-service)
      # Logins from Cognate's user pools verify by token-service's JWKS (and, with ServerSideTokenCheck, its Introspect);
      # the OpenID tokens' issuer is this service.
      printf '%s\n' \
        "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT" \
        "COGNATE_ADMIN_ACCESS_KEY_ID=$ADMIN_ACCESS_KEY_ID" \
        "COGNATE_ADMIN_SECRET_ACCESS_KEY=$ADMIN_SECRET_ACCESS_KEY" \
        "COGNATE_USER_POOLS_ISSUER_BASE_URL=http://localhost:$(public_http_port token-service)" \
        "QUARKUS_GRPC_CLIENTS_TOKEN_HOST=127.0.0.1" \
        "QUARKUS_GRPC_CLIENTS_TOKEN_PORT=$(peer_grpc_port token-service)" \
        "COGNATE_OPEN_ID_ISSUER=http://localhost:$(public_http_port "$module")"
      # The tests change pools and roles between one request and the next: no cached copy. Otherwise 5 s.
      if [[ "$PROFILE" == test ]]; then
        echo "COGNATE_CONFIG_CACHE_TTL=PT0S"
        # Google's and Apple's issuers, Facebook's and Amazon's APIs, as user-pool-service's: the federation tests'
        # stand-ins on B+40 and B+41.
        echo "COGNATE_GOOGLE_ISSUER=http://127.0.0.1:$((BASE_PORT + 40))"
        echo "COGNATE_APPLE_ISSUER=http://127.0.0.1:$((BASE_PORT + 41))/apple"
        echo "COGNATE_FACEBOOK_URL=http://127.0.0.1:$((BASE_PORT + 41))/facebook"
        echo "COGNATE_AMAZON_URL=http://127.0.0.1:$((BASE_PORT + 41))/amazon"
      fi
      # The tests run at Cognito's quotas except where a burst of test calls could pass them; IdentityPoolQuotasTest
      # checks ListTagsForResource's (10 a second). Otherwise Cognito's, or COGNATE_RATE_LIMITS as set.
      if [[ "$PROFILE" == test ]]; then
        echo "COGNATE_RATE_LIMITS=GetId=1000,GetOpenIdToken=1000,GetCredentialsForIdentity=1000,GetOpenIdTokenForDeveloperIdentity=1000,ListIdentities=1000,DeleteIdentities=1000"
      elif [[ -n "${COGNATE_RATE_LIMITS:-}" ]]; then
        echo "COGNATE_RATE_LIMITS=$COGNATE_RATE_LIMITS"
      fi
      ;;
  esac
}

# Modules whose migrations this run has applied.
MIGRATED=" "

# services_migrate MODULE...: applies each module's schema migrations (Liquibase, db/changelog.sql) in
# Quarkus's init-and-exit mode, the job a Kubernetes init task runs, all at once; the services then start
# with migrate-at-start off, so Liquibase never loads into a serving JVM (about 12 MB of metaspace). Each
# run takes about 7 s, most of it Quarkus's fixed wait before exiting. Output: <module>-migrate.log.
services_migrate() {
  local module started pids=() names=() envs=() i failed=""
  started="$(now_ms)"
  for module in "$@"; do
    if [[ "$MIGRATED" == *" $module "* ]] || { is_running "$module" && ! service_outdated "$module"; }; then continue; fi
    if ! service_keeps_data "$module"; then
      MIGRATED+="$module "
      continue
    fi
    mapfile -t envs < <(service_env "$module")
    begin_log "$module-migrate"
    env "${envs[@]}" QUARKUS_HTTP_PORT=0 QUARKUS_GRPC_SERVER_PORT=0 QUARKUS_MANAGEMENT_PORT=0 QUARKUS_INIT_AND_EXIT=true \
      QUARKUS_LIQUIBASE_MIGRATE_AT_START=true java -Xmx128m -XX:+UseSerialGC -jar "$(service_jar "$module")" \
      >>"$(log_file "$module-migrate")" 2>&1 </dev/null &
    pids+=("$!")
    names+=("$module")
  done
  for i in "${!pids[@]}"; do
    wait "${pids[i]}" || failed+=" ${names[i]}"
    MIGRATED+="${names[i]} "
  done
  [[ -z "$failed" ]] || die "schema migration failed for$failed; see $(log_file "${failed##* }-migrate")"
  ((${#names[@]} == 0)) || say "schema migrations applied: ${names[*]} ($(elapsed_since "$started") s)"
}

# A running service whose jar was rebuilt after it started is restarted by `up`.
service_outdated() {
  [[ "$(service_jar "$1")" -nt "$(pid_file "$1")" ]]
}

service_start() {
  local module="$1" jar started envs=()
  jar="$(service_jar "$module")"
  started="$(now_ms)"
  if is_running "$module"; then
    if ! service_outdated "$module"; then
      wait_ready "$module" "${COGNATE_START_TIMEOUT:-120}" is_running service_ready "$module"
      say "$module already running on http://localhost:$(service_http_port "$module")"
      return 0
    fi
    say "restarting $module: its jar was rebuilt"
    stop_process "$module" 20
  fi
  [[ -f "$jar" ]] || die "no $jar; build it with: flock /tmp/cognate-build.lock mvn -B -DskipTests install"
  [[ "$MIGRATED" == *" $(service_module "$module") "* ]] || services_migrate "$(service_module "$module")"
  require_port_free "$module" "$(service_http_port "$module")"
  require_port_free "$module" "$(service_grpc_port "$module")"
  require_port_free "$module" "$(service_management_port "$module")"
  mapfile -t envs < <(service_env "$module")
  begin_log "$module"
  local trim="" java extra=""
  java="$(service_java)"
  # shellcheck disable=SC2086 # TRIM_NATIVE_HEAP holds JVM options
  "$java" $TRIM_NATIVE_HEAP -version >/dev/null 2>&1 && trim="$TRIM_NATIVE_HEAP"
  # Compact object headers (a product option from JDK 25 on) shrink every object by 4 bytes; ACCP loads a native
  # library, which JDK 22 on wants declared.
  (($(java_major "$java") >= 25)) && extra="-XX:+UseCompactObjectHeaders --enable-native-access=ALL-UNNAMED"
  # shellcheck disable=SC2086 # SERVICE_HEAP, trim and extra hold JVM options
  start_detached "$module" env "${envs[@]}" MALLOC_ARENA_MAX=1 "$java" $SERVICE_HEAP $trim $extra \
    "$(process_marker "$module")" -jar "$jar"
  wait_ready "$module" "${COGNATE_START_TIMEOUT:-120}" is_running service_ready "$module"
  say "$module ready on http://localhost:$(service_http_port "$module") ($(elapsed_since "$started") s)"
}

service_stop() {
  if is_running "$1"; then
    stop_process "$1" 20
    say "$1 stopped"
  fi
  rm -f "$(pid_file "$1")"
}

service_status() {
  local module="$1" ports state=stopped
  ports="http://localhost:$(service_http_port "$module") (grpc $(service_grpc_port "$module"))"
  if is_running "$module"; then
    state="running"
    service_ready "$module" || state="starting"
  fi
  status_line "$module" "$ports" "$state"
}

services_start() {
  local module modules
  load_secrets
  mapfile -t modules < <(present_services)
  services_migrate "${modules[@]}"
  # haproxy first: the services' gRPC clients go through it when it fronts them.
  if load_balanced; then haproxy_start; else haproxy_stop; fi
  for module in "${modules[@]}"; do service_start "$module"; done
  local wanted
  wanted=" $(extra_instances | tr '\n' ' ') "
  while read -r module; do
    if [[ "$wanted" == *" $module "* ]]; then
      service_start "$module"
    elif is_running "$module"; then
      service_stop "$module"
    fi
  done < <(possible_extra_instances)
}

services_stop() {
  local i module
  while read -r module; do service_stop "$module"; done < <(possible_extra_instances)
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do service_stop "${SERVICES[i]}"; done
  haproxy_stop
}

services_status() {
  local module modules
  mapfile -t modules < <(present_services)
  for module in "${modules[@]}"; do service_status "$module"; done
  while read -r module; do
    if is_running "$module"; then service_status "$module"; fi
  done < <(possible_extra_instances)
  haproxy_status
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  parse_profile_args "$@"
  set -- "${REST_ARGS[@]}"
  ensure_state_dirs
  case "${1:-}:${2:-}" in
    start:) services_start ;;
    stop:) services_stop ;;
    status:) services_status ;;
    start:*)
      load_secrets
      service_start "$2"
      ;;
    stop:*) service_stop "$2" ;;
    status:*) service_status "$2" ;;
    *) die "usage: $0 start|stop|status [MODULE] [--profile local|test]" ;;
  esac
fi
