#!/usr/bin/env bash
# The whole local stack of one profile: PostgreSQL, Kafka, GreenMail, the trace sink, then the services; stopped
# in the reverse order. Also writes stack.env, the endpoints that `./cognate env` and the
# integration tests read. ./cognate is the usual way in; this runs alone too:
#   deploy/stack.sh up|down|status [--profile test]

# shellcheck source=deploy/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=deploy/postgres.sh
source "$DEPLOY_DIR/postgres.sh"
# shellcheck source=deploy/kafka.sh
source "$DEPLOY_DIR/kafka.sh"
# shellcheck source=deploy/mail.sh
source "$DEPLOY_DIR/mail.sh"
# shellcheck source=deploy/traces.sh
source "$DEPLOY_DIR/traces.sh"
# shellcheck source=deploy/services.sh
source "$DEPLOY_DIR/services.sh"
# shellcheck source=deploy/keys.sh
source "$DEPLOY_DIR/keys.sh"

stack_env_file() { printf '%s/stack.env' "$STATE_DIR"; }

write_stack_env() {
  (
    umask 077
    cat >"$(stack_env_file)" <<ENV
COGNATE_USER_POOL_ENDPOINT=http://localhost:$(public_http_port user-pool-service)
COGNATE_ISSUER_BASE_URL=http://localhost:$(public_http_port token-service)
COGNATE_IDENTITY_POOL_ENDPOINT=http://localhost:$(public_http_port identity-pool-service)
COGNATE_ADMIN_ACCESS_KEY_ID=$ADMIN_ACCESS_KEY_ID
COGNATE_ADMIN_SECRET_ACCESS_KEY=$ADMIN_SECRET_ACCESS_KEY
COGNATE_REGION=us-east-1
COGNATE_KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT
COGNATE_SMTP_PORT=$SMTP_PORT
COGNATE_IMAP_PORT=$IMAP_PORT
COGNATE_MAIL_API=http://127.0.0.1:$MAIL_API_PORT
COGNATE_TRACES_API=http://127.0.0.1:$TRACES_PORT
COGNATE_PG_PORT=$PG_PORT
COGNATE_LAMBDA_SHIM_PORT=$((BASE_PORT + 30))
COGNATE_LAMBDA_PY_SHIM_PORT=$((BASE_PORT + 31))
COGNATE_LAMBDA_JAVA_SHIM_PORT=$((BASE_PORT + 32))
COGNATE_AWS_LAMBDA_PORT=$((BASE_PORT + 33))
COGNATE_GOOGLE_IDP_PORT=$((BASE_PORT + 40))
COGNATE_SOCIAL_IDP_PORT=$((BASE_PORT + 41))
COGNATE_TRIGGER_GATEWAY_URL=http://127.0.0.1:$(public_http_port trigger-gateway)
COGNATE_USER_POOL_MANAGEMENT_URL=http://127.0.0.1:$(service_management_port user-pool-service)
COGNATE_TOKEN_MANAGEMENT_URL=http://127.0.0.1:$(service_management_port token-service)
COGNATE_IDENTITY_POOL_MANAGEMENT_URL=http://127.0.0.1:$(service_management_port identity-pool-service)
COGNATE_TRIGGER_GATEWAY_MANAGEMENT_URL=http://127.0.0.1:$(service_management_port trigger-gateway)
COGNATE_REPLICAS=$REPLICAS
ENV
    local module
    while read -r module; do
      [[ "$module" == user-pool-service@2 ]] && echo "COGNATE_USER_POOL_ENDPOINT_2=http://localhost:$(service_http_port "$module")"
      [[ "$module" == token-service@2 ]] && echo "COGNATE_TOKEN_ENDPOINT_2=http://localhost:$(service_http_port "$module")"
    done < <(extra_instances) >>"$(stack_env_file)"
    # Every instance's management endpoint (metrics, health), for the reliability report's evidence.
    local urls=()
    for module in $(present_services) $(extra_instances); do
      urls+=("$module=http://127.0.0.1:$(service_management_port "$module")")
    done
    (IFS=,; echo "COGNATE_MANAGEMENT_URLS=${urls[*]}") >>"$(stack_env_file)"
    if load_balanced; then
      for module in $(present_services); do
        echo "COGNATE_BALANCED_$(tr 'a-z-' 'A-Z_' <<<"${module%-service}")=http://localhost:$(balanced_http_port "$module")"
      done >>"$(stack_env_file)"
    fi
  )
}

stack_up() {
  ensure_state_dirs
  ensure_secrets
  write_stack_env
  postgres_start
  kafka_start
  greenmail_start
  traces_start
  services_start
}

stack_down() {
  services_stop
  kafka_stop
  greenmail_stop
  traces_stop
  postgres_stop
}

stack_status() {
  say "profile $PROFILE (state $STATE_DIR)"
  postgres_status
  kafka_status
  greenmail_status
  traces_status
  services_status
}

stack_summary() {
  local hint=""
  [[ "$PROFILE" == local ]] || hint=" --profile $PROFILE"
  cat <<SUMMARY

Cognate is up (profile $PROFILE, state in ${STATE_DIR#"$COGNATE_ROOT"/}).
  Cognito user pools API   http://localhost:$(public_http_port user-pool-service)
  tokens, OIDC issuers     http://localhost:$(public_http_port token-service)/<userPoolId>
  identity pools, STS, IAM http://localhost:$(public_http_port identity-pool-service)  (authorize: POST /authorize)
  PostgreSQL               127.0.0.1:$PG_PORT  (role cognate / cognate)
  Kafka                    127.0.0.1:$KAFKA_PORT
  mail sink                smtp 127.0.0.1:$SMTP_PORT, imap 127.0.0.1:$IMAP_PORT, api http://127.0.0.1:$MAIL_API_PORT
  traces (OTLP/HTTP sink)  http://127.0.0.1:$TRACES_PORT/v1/traces  (deploy/traces.sh show TRACE_ID)
  Lambda triggers          handlers on the Invoke API at http://127.0.0.1:$((BASE_PORT + 30)) (deploy/lambda/README.md)
$(load_balanced && echo "  haproxy (every service)  http://localhost:$(balanced_http_port user-pool-service)..$(balanced_http_port trigger-gateway), gRPC $(balanced_grpc_port user-pool-service)..$(balanced_grpc_port trigger-gateway), stats http://127.0.0.1:$HAPROXY_STATS_PORT/")
Admin credentials (SigV4 for admin actions):
  AWS_ACCESS_KEY_ID=$ADMIN_ACCESS_KEY_ID
  AWS_SECRET_ACCESS_KEY=$ADMIN_SECRET_ACCESS_KEY
Point the AWS CLI and SDKs at it:  eval "\$(./cognate env$hint)"
Logs: ./cognate logs SERVICE$hint   Mail: ./cognate mail$hint   Stop: ./cognate down$hint
SUMMARY
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  parse_profile_args "$@"
  set -- "${REST_ARGS[@]}"
  case "${1:-}" in
    up)
      stack_up
      stack_summary
      ;;
    down) stack_down ;;
    status) stack_status ;;
    *) die "usage: $0 up|down|status [--profile local|test]" ;;
  esac
fi
