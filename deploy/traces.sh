#!/usr/bin/env bash
# The stack's trace sink (deploy/tools/TraceSink.java): an OTLP/HTTP receiver on 127.0.0.1:B+28 that the services
# export their OpenTelemetry spans to, keeping the last 50,000 in memory. Run alone:
#   deploy/traces.sh start|stop|status [--profile test]
#   deploy/traces.sh show TRACE_ID     the spans of one trace, as JSON
# In a cluster the services export to an OpenTelemetry Collector instead (k8s/README.md).

# shellcheck source=deploy/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

traces_url() { printf 'http://127.0.0.1:%s' "$TRACES_PORT"; }

traces_ready() { http_ok "$(traces_url)/ready"; }

traces_start() {
  local started
  started="$(now_ms)"
  ensure_state_dirs
  if is_running traces; then
    wait_ready traces "${COGNATE_START_TIMEOUT:-60}" is_running traces_ready
    say "trace sink already running ($(traces_url))"
    return 0
  fi
  require_port_free traces "$TRACES_PORT"
  begin_log traces
  start_detached traces java -Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "$(process_marker traces)" \
    "$DEPLOY_DIR/tools/TraceSink.java" "$TRACES_PORT"
  wait_ready traces "${COGNATE_START_TIMEOUT:-60}" is_running traces_ready
  say "trace sink ready: OTLP/HTTP $(traces_url)/v1/traces ($(elapsed_since "$started") s)"
}

traces_stop() {
  if is_running traces; then
    stop_process traces 10
    say "trace sink stopped"
  fi
  rm -f "$(pid_file traces)"
}

traces_status() {
  if is_running traces; then
    status_line traces "$(traces_url)" running
  else
    status_line traces "$(traces_url)" stopped
  fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  parse_profile_args "$@"
  set -- "${REST_ARGS[@]}"
  case "${1:-}" in
    start) traces_start ;;
    stop) traces_stop ;;
    status) traces_status ;;
    show)
      [[ $# -eq 2 ]] || die "usage: $0 show TRACE_ID"
      curl -fsS "$(traces_url)/api/spans?traceId=$2"
      echo
      ;;
    *) die "usage: $0 start|stop|status|show TRACE_ID [--profile local|test]" ;;
  esac
fi
