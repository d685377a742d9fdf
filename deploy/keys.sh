#!/usr/bin/env bash
# Rotating the key-encryption key (KEK) of a profile's stack, as an operator does on Kubernetes:
#   1. a new KEK becomes current; the old one stays as a previous KEK (state dir: kek, previous-keks), so values it
#      sealed still open; the services restart with both;
#   2. each service runs once with COGNATE_COMMAND=rewrap-keys, which re-seals every stored secret under the new KEK
#      (idempotent; a Kubernetes Job in production);
#   3. later, `retire-keks` re-wraps once more, drops the previous KEKs and restarts. Refresh tokens sealed under a
#      retired KEK stop working then (they live with the clients and cannot be re-wrapped): retire once they expired.
# ./cognate rotate-kek | retire-keks are the way in; deploy/keys.sh rotate|retire [--profile test] runs alone too.

# shellcheck source=deploy/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# services_rewrap: runs each present service once in rewrap-keys mode, all at once, against the running stack's
# database; prints what each re-wrapped and fails if a value opened under no key of the ring.
services_rewrap() {
  local module pids=() names=() envs=() i failed=""
  load_secrets
  mapfile -t modules < <(present_services)
  for module in "${modules[@]}"; do
    service_keeps_data "$module" || continue
    mapfile -t envs < <(service_env "$module")
    begin_log "$module-rewrap"
    env "${envs[@]}" QUARKUS_HTTP_PORT=0 QUARKUS_GRPC_SERVER_PORT=0 QUARKUS_MANAGEMENT_PORT=0 QUARKUS_SCHEDULER_ENABLED=false \
      COGNATE_COMMAND=rewrap-keys java -Xmx128m -XX:+UseSerialGC -jar "$(service_jar "$module")" \
      >>"$(log_file "$module-rewrap")" 2>&1 </dev/null &
    pids+=("$!")
    names+=("$module")
  done
  for i in "${!pids[@]}"; do
    wait "${pids[i]}" || failed+=" ${names[i]}"
    say "${names[i]}: $(grep -o 're-wrapped .*' "$(log_file "${names[i]}-rewrap")" | tail -n 1)"
  done
  [[ -z "$failed" ]] || die "re-wrap failed for$failed; see $(log_file "${failed##* }-rewrap")"
}

# signing_keys_rotate: token-service retires every pool's signing key (rotate-signing-keys); each pool's next token
# creates the new one, and the JWKS serves both for 25 hours. No restart: the replicas see it within their key cache.
signing_keys_rotate() {
  local envs=()
  load_secrets
  mapfile -t envs < <(service_env token-service)
  begin_log token-service-rotate
  env "${envs[@]}" QUARKUS_HTTP_PORT=0 QUARKUS_GRPC_SERVER_PORT=0 QUARKUS_MANAGEMENT_PORT=0 COGNATE_COMMAND=rotate-signing-keys \
    java -Xmx128m -XX:+UseSerialGC -jar "$(service_jar token-service)" >>"$(log_file token-service-rotate)" 2>&1 \
    </dev/null || die "the signing-key rotation failed; see $(log_file token-service-rotate)"
  say "token-service: $(grep -o 'retired .*' "$(log_file token-service-rotate)" | tail -n 1)"
}

kek_rotate() {
  local kek="$STATE_DIR/kek" previous="$STATE_DIR/previous-keks"
  load_secrets
  (
    umask 077
    { printf '%s\n' "$KEK"; [[ -s "$previous" ]] && cat "$previous"; } >"$previous.new"
    mv -f "$previous.new" "$previous"
    head -c 32 /dev/urandom | base64 -w 0 >"$kek.new"
    echo >>"$kek.new"
    mv -f "$kek.new" "$kek"
  )
  say "a new KEK is current; the previous one still opens what it sealed"
  services_restart
  services_rewrap
  say "every stored secret is sealed under the new KEK. Refresh tokens issued before still use the previous one:"
  say "once they have expired, drop it with ./cognate retire-keks$([[ "$PROFILE" == local ]] || echo " --profile $PROFILE")"
}

keks_retire() {
  load_secrets
  if [[ -z "$PREVIOUS_KEKS" ]]; then
    say "no previous KEK to retire"
    return 0
  fi
  services_rewrap
  rm -f "$STATE_DIR/previous-keks"
  say "previous KEKs retired"
  services_restart
}

# services_restart: the services again, with the keys now in the state dir (the schema is as it was).
services_restart() {
  local module
  for module in $(present_services) $(possible_extra_instances); do MIGRATED+="$module "; done
  services_stop
  services_start
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  # shellcheck source=deploy/services.sh
  source "$DEPLOY_DIR/services.sh"
  parse_profile_args "$@"
  set -- "${REST_ARGS[@]}"
  case "${1:-}" in
    rotate) kek_rotate ;;
    retire) keks_retire ;;
    rotate-signing-keys) signing_keys_rotate ;;
    *) die "usage: $0 rotate|retire|rotate-signing-keys [--profile local|test]" ;;
  esac
fi
