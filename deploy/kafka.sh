#!/usr/bin/env bash
# Apache Kafka 4.1 for the local stack: one KRaft node (broker + controller, node id 1) run from
# the jars that `mvn package` copies into deploy/target/kafka. Broker on 127.0.0.1:B+21,
# controller on 127.0.0.1:B+22, data in .cognate/<profile>/kafka. Run alone:
#   deploy/kafka.sh start|stop|status [--profile test]
#   deploy/kafka.sh tool CLASS ARGS...   e.g. tool org.apache.kafka.tools.TopicCommand --list

# shellcheck source=deploy/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KAFKA_LIB="$DEPLOY_DIR/target/kafka"
KAFKA_HEAP="${COGNATE_KAFKA_HEAP:--Xms128m -Xmx256m}"

kafka_dir() { printf '%s/kafka' "$STATE_DIR"; }
kafka_config() { printf '%s/server.properties' "$(kafka_dir)"; }

kafka_require_jars() {
  compgen -G "$KAFKA_LIB/kafka_2.13-*.jar" >/dev/null ||
    die "no Kafka jars in $KAFKA_LIB; build them with: flock /tmp/cognate-build.lock mvn -B -pl deploy package"
}

# kafka_java ARGS...: a JVM on the Kafka classpath that logs warnings only (for the tools).
kafka_java() {
  java -Dlog4j2.configurationFile="$DEPLOY_DIR/config/kafka-tools-log4j2.properties" \
    -cp "$KAFKA_LIB/*" "$@"
}

kafka_write_config() {
  mkdir -p "$(kafka_dir)/data"
  sed -e "s|@BROKER_PORT@|$KAFKA_PORT|g" -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    -e "s|@DATA_DIR@|$(kafka_dir)/data|g" \
    "$DEPLOY_DIR/config/kafka.properties" >"$(kafka_config)"
}

# A Kafka cluster id is a UUID in URL-safe base64 without padding; it must not start with '-'.
kafka_cluster_id() {
  local id="-"
  while [[ "$id" == -* ]]; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | cut -c 1-22)"
  done
  printf '%s' "$id"
}

# Storage is formatted once; the cluster id then lives in data/meta.properties.
kafka_format() {
  [[ -f "$(kafka_dir)/data/meta.properties" ]] && return 0
  kafka_java kafka.tools.StorageTool format --ignore-formatted \
    --cluster-id "$(kafka_cluster_id)" --config "$(kafka_config)" >>"$(log_file kafka)" 2>&1 ||
    startup_failed kafka "could not format its storage"
}

kafka_ready() {
  port_open "$KAFKA_PORT" && grep -q 'Kafka Server started' "$(log_file kafka)"
}

kafka_start() {
  local started
  started="$(now_ms)"
  ensure_state_dirs
  if is_running kafka; then
    wait_ready kafka "${COGNATE_START_TIMEOUT:-90}" is_running kafka_ready
    say "kafka already running on 127.0.0.1:$KAFKA_PORT"
    return 0
  fi
  kafka_require_jars
  require_port_free kafka "$KAFKA_PORT"
  require_port_free kafka-controller "$KAFKA_CONTROLLER_PORT"
  begin_log kafka
  kafka_write_config
  kafka_format
  # shellcheck disable=SC2086 # KAFKA_HEAP holds several JVM options
  start_detached kafka java $KAFKA_HEAP -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -Djava.awt.headless=true "$(process_marker kafka)" \
    -Dlog4j2.configurationFile="$DEPLOY_DIR/config/kafka-log4j2.properties" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$(kafka_config)"
  wait_ready kafka "${COGNATE_START_TIMEOUT:-90}" is_running kafka_ready
  say "kafka ready on 127.0.0.1:$KAFKA_PORT ($(elapsed_since "$started") s)"
}

kafka_stop() {
  if is_running kafka; then
    stop_process kafka 30
    say "kafka stopped"
  fi
  rm -f "$(pid_file kafka)"
}

kafka_status() {
  if is_running kafka; then
    status_line kafka "127.0.0.1:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT)" running
  else
    status_line kafka "127.0.0.1:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT)" stopped
  fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  parse_profile_args "$@"
  set -- "${REST_ARGS[@]}"
  case "${1:-}" in
    start) kafka_start ;;
    stop) kafka_stop ;;
    status) kafka_status ;;
    tool)
      shift
      kafka_require_jars
      kafka_java "$@"
      ;;
    *) die "usage: $0 start|stop|status|tool CLASS ARGS... [--profile local|test]" ;;
  esac
fi
