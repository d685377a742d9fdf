#!/usr/bin/env bash
# GreenMail standalone, the stack's SMTP sink: SMTP on 127.0.0.1:B+25, IMAP on B+26 and its REST
# API on B+27. Authentication is disabled, so any sender and any recipient is accepted and every
# recipient gets a mailbox. Mail lives in memory: a restart empties it. Run alone:
#   deploy/mail.sh start|stop|status [--profile test]
#   deploy/mail.sh show [ADDRESS]     the received mail, oldest first

# shellcheck source=deploy/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GREENMAIL_JAR="$DEPLOY_DIR/target/greenmail/greenmail-standalone.jar"

mail_api() { printf 'http://127.0.0.1:%s' "$MAIL_API_PORT"; }

mail_require_jar() {
  [[ -f "$GREENMAIL_JAR" ]] ||
    die "no $GREENMAIL_JAR; build it with: flock /tmp/cognate-build.lock mvn -B -pl deploy package"
}

mail_ready() {
  port_open "$SMTP_PORT" && http_ok "$(mail_api)/api/service/readiness"
}

greenmail_start() {
  local started
  started="$(now_ms)"
  ensure_state_dirs
  if is_running greenmail; then
    wait_ready greenmail "${COGNATE_START_TIMEOUT:-90}" is_running mail_ready
    say "greenmail already running (smtp 127.0.0.1:$SMTP_PORT)"
    return 0
  fi
  mail_require_jar
  require_port_free greenmail "$SMTP_PORT"
  require_port_free greenmail "$IMAP_PORT"
  require_port_free greenmail "$MAIL_API_PORT"
  begin_log greenmail
  # No -Dgreenmail.verbose: it logs every protocol line.
  start_detached greenmail java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    "$(process_marker greenmail)" \
    -Dgreenmail.hostname=127.0.0.1 \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$IMAP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
    -Dgreenmail.auth.disabled \
    -jar "$GREENMAIL_JAR"
  wait_ready greenmail "${COGNATE_START_TIMEOUT:-90}" is_running mail_ready
  say "greenmail ready: smtp 127.0.0.1:$SMTP_PORT, imap $IMAP_PORT, api $(mail_api) ($(elapsed_since "$started") s)"
}

greenmail_stop() {
  if is_running greenmail; then
    stop_process greenmail 10
    say "greenmail stopped"
  fi
  rm -f "$(pid_file greenmail)"
}

greenmail_status() {
  local ports="127.0.0.1:$SMTP_PORT (imap $IMAP_PORT, api $MAIL_API_PORT)"
  if is_running greenmail; then
    status_line greenmail "$ports" running
  else
    status_line greenmail "$ports" stopped
  fi
}

# mail_show [ADDRESS]: every message GreenMail holds (for ADDRESS only, if given), oldest first.
# Decoding MIME (quoted-printable, base64, multipart) is left to Jakarta Mail, which the
# GreenMail jar already carries.
mail_show() {
  mail_require_jar
  is_running greenmail || die "greenmail is not running (profile $PROFILE); start it with ./cognate up"
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$GREENMAIL_JAR" \
    "$DEPLOY_DIR/tools/MailDump.java" "$(mail_api)" "$@"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  parse_profile_args "$@"
  set -- "${REST_ARGS[@]}"
  case "${1:-}" in
    start) greenmail_start ;;
    stop) greenmail_stop ;;
    status) greenmail_status ;;
    show)
      shift
      mail_show "$@"
      ;;
    *) die "usage: $0 start|stop|status|show [ADDRESS] [--profile local|test]" ;;
  esac
fi
