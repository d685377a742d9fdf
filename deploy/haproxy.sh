#!/usr/bin/env bash
# haproxy in front of the services when some run more than one instance (the test profile's second replicas,
# `./cognate up --replicas N`): for each service an HTTP frontend on B+60+n and a gRPC one (HTTP/2, each call
# balanced on its own) on B+70+n, round robin over the instances that report ready on their management port;
# statistics on B+69. Configuration written to .cognate/<profile>/haproxy.cfg; log in logs/haproxy.log.
#
# Draining, not replaying: an instance told to stop reports not ready for QUARKUS_SHUTDOWN_DELAY (2 s) while it still
# serves; haproxy's checks (every 500 ms, down after 2 failures) take it out of rotation, then it finishes what is in
# flight and exits. haproxy retries only a connection that could not be opened (`retry-on conn-failure`), never a
# request an instance may have received. When no instance is ready (PostgreSQL is down: readiness follows the
# database) haproxy fails open to all of them (the unchecked `-open` backup servers), so clients get the services'
# own Cognito-shaped errors rather than haproxy's 503 page. Run alone: deploy/haproxy.sh start|stop|status [--profile test]

# shellcheck source=deploy/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

haproxy_config_file() { process_marker haproxy; }

# The instances of a service this stack runs: the first, then its extra ones.
service_instances() {
  echo "$1"
  extra_instances | grep -x -- "$1@[0-9]" || true
}

# write_backend NAME PORT_OF SERVER_OPTIONS CHECK_OPTIONS MODULE: a backend over the module's instances (PORT_OF
# gives an instance's port), each checked on its management port, and each again as an unchecked backup (fail open).
write_backend() {
  local name="$1" port_of="$2" server="$3" check="$4" module="$5" instance k
  printf '\nbackend %s\n    balance roundrobin\n    option httpchk GET /q/health/ready\n    option allbackups\n' "$name"
  while read -r instance; do
    k="$(service_instance "$instance")"
    printf '    server i%s 127.0.0.1:%s %scheck port %s%s\n' "$k" "$("$port_of" "$instance")" "$server" \
      "$(service_management_port "$instance")" "$check"
    printf '    server i%s-open 127.0.0.1:%s %sbackup\n' "$k" "$("$port_of" "$instance")" "$server"
  done < <(service_instances "$module")
}

write_haproxy_config() {
  local module instance name
  {
    cat <<CFG
# Written by deploy/haproxy.sh for the $PROFILE stack; rewritten on each start.
global
    maxconn 4000
    log stdout format short local0 notice
    # Room for the services' own request-header limit (Quarkus: 20 KB, answered 431): with the default 16 KB buffer
    # haproxy refused larger headers itself (400) and closed, and a client still sending its body lost that answer
    # to the reset.
    tune.bufsize 32768

defaults
    mode http
    log global
    option dontlognull
    timeout connect 1s
    timeout client 65s
    timeout server 65s
    timeout http-request 10s
    timeout http-keep-alive 60s
    retries 3
    retry-on conn-failure
    option redispatch 1
    default-server inter 500ms fastinter 250ms downinter 500ms fall 2 rise 2

listen stats
    bind 127.0.0.1:$HAPROXY_STATS_PORT
    stats enable
    stats uri /
CFG
    while read -r module; do
      name="${module%-service}"
      printf '\nfrontend %s\n    bind 127.0.0.1:%s\n    option forwardfor\n    default_backend %s\n' \
        "$name" "$(balanced_http_port "$module")" "$name"
      write_backend "$name" service_http_port "" "" "$module"
      printf '\nfrontend %s-grpc\n    bind 127.0.0.1:%s proto h2\n    default_backend %s-grpc\n' \
        "$name" "$(balanced_grpc_port "$module")" "$name"
      write_backend "$name-grpc" service_grpc_port "proto h2 " " check-proto h1" "$module"
    done < <(present_services)
  } >"$(haproxy_config_file)"
}

haproxy_ready() { http_ok "http://127.0.0.1:$HAPROXY_STATS_PORT/"; }

haproxy_start() {
  command -v haproxy >/dev/null || die "haproxy is not installed (./cognate up installs it: apt-get install haproxy)"
  write_haproxy_config
  haproxy -c -q -f "$(haproxy_config_file)" || die "haproxy refused $(haproxy_config_file)"
  if is_running haproxy; then
    # A new configuration (other instances) takes effect by a reload: haproxy -sf hands over to a new process.
    stop_process haproxy 5
  fi
  require_port_free haproxy "$HAPROXY_STATS_PORT"
  begin_log haproxy
  start_detached haproxy haproxy -db -f "$(haproxy_config_file)"
  wait_ready haproxy 20 is_running haproxy_ready
  say "haproxy ready (http B+60.., gRPC B+70..; stats http://127.0.0.1:$HAPROXY_STATS_PORT/)"
}

haproxy_stop() {
  if is_running haproxy; then
    stop_process haproxy 5
    say "haproxy stopped"
  fi
  rm -f "$(pid_file haproxy)"
}

haproxy_status() {
  if is_running haproxy; then
    status_line haproxy "stats http://127.0.0.1:$HAPROXY_STATS_PORT/" running
  elif load_balanced; then
    status_line haproxy "" stopped
  fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  parse_profile_args "$@"
  set -- "${REST_ARGS[@]}"
  ensure_state_dirs
  case "${1:-}" in
    start) haproxy_start ;;
    stop) haproxy_stop ;;
    status) haproxy_status ;;
    *) die "usage: $0 start|stop|status [--profile local|test]" ;;
  esac
fi
