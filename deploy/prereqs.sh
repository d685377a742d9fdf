#!/usr/bin/env bash
# What ./cognate needs before it can start anything: the Debian packages (JDK 17, Maven,
# PostgreSQL, curl), installed only when their commands are missing, and the build (the Kafka and
# GreenMail jars in deploy/target, each service's quarkus-run.jar), rebuilt only when missing or
# older than its sources. Run alone:
#   deploy/prereqs.sh tools|build [--profile test]

# shellcheck source=deploy/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BUILD_LOCK=/tmp/cognate-build.lock

# as_root COMMAND...: directly when root, else through sudo.
as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "root is needed to run: $*"
  fi
}

# apt_install PACKAGE...: one quiet apt-get run; its output goes to logs/apt.log.
apt_install() {
  local log
  ensure_state_dirs
  log="$(log_file apt)"
  command -v apt-get >/dev/null || die "missing $*, and this is not a Debian-based system: install them by hand"
  say "installing $* (apt-get; log: $log)"
  {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
  } >>"$log" 2>&1 || {
    tail -n 20 "$log" >&2
    die "apt-get install $* failed; see $log"
  }
}

# Debian's postgresql package creates and starts a `main` cluster on port 5432; the stack runs
# its own cluster, so ask postgresql-common not to create that one.
skip_debian_main_cluster() {
  as_root mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" | as_root tee /etc/postgresql-common/createcluster.d/cognate.conf >/dev/null
}

have_postgres() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }

ensure_tools() {
  local packages=()
  command -v javac >/dev/null || packages+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || packages+=(maven)
  command -v curl >/dev/null || packages+=(curl ca-certificates)
  if ! have_postgres; then
    packages+=(postgresql)
    skip_debian_main_cluster
  fi
  # haproxy fronts the services when some run several instances (deploy/haproxy.sh).
  if load_balanced && ! command -v haproxy >/dev/null; then packages+=(haproxy); fi
  if ((${#packages[@]} > 0)); then apt_install "${packages[@]}"; fi
  (($(java_major java) >= 17)) || die "Java 17 or newer is needed; \`java -version\` says $(java_major java)"
}

ensure_node() {
  command -v npm >/dev/null || apt_install nodejs npm
}

# The browser of the hosted-page tests: Debian's Chromium and its chromedriver (Selenium and playwright-core drive
# it; neither downloads a browser).
ensure_browser() {
  command -v chromium >/dev/null && command -v chromedriver >/dev/null || apt_install chromium chromium-driver
}

# The AWS CLI of the CLI compatibility tests (AwsCliTest): whatever `aws` is on the PATH, else Debian's awscli.
ensure_aws_cli() {
  command -v aws >/dev/null || apt_install awscli
}

# module_stale MODULE: its quarkus-run.jar is missing or older than its sources, the contracts,
# the shared libraries or the parent pom.
module_stale() {
  local jar="$COGNATE_ROOT/$1/target/quarkus-app/quarkus-run.jar"
  [[ -f "$jar" ]] || return 0
  [[ -n "$(find "$COGNATE_ROOT/$1/src" "$COGNATE_ROOT/$1/pom.xml" "$COGNATE_ROOT/contracts" \
    "$COGNATE_ROOT/libs" "$COGNATE_ROOT/pom.xml" -newer "$jar" -not -path '*/target/*' -print -quit \
    2>/dev/null)" ]]
}

# The Kafka jars must be those of the version the parent pom names; a changed version rebuilds.
deploy_stale() {
  local kafka_version
  kafka_version="$(sed -n 's|.*<kafka.version>\(.*\)</kafka.version>.*|\1|p' "$COGNATE_ROOT/pom.xml")"
  [[ -f "$DEPLOY_DIR/target/greenmail/greenmail-standalone.jar" ]] || return 0
  [[ ! -f "$DEPLOY_DIR/target/kafka/kafka_2.13-$kafka_version.jar" ]]
}

needs_build() {
  local module modules
  deploy_stale && return 0
  mapfile -t modules < <(present_services)
  for module in "${modules[@]}"; do
    module_stale "$module" && return 0
  done
  return 1
}

# mvn_locked ARGS...: Maven under the machine-wide build lock, never two builds at once.
mvn_locked() {
  (cd "$COGNATE_ROOT" && flock "$BUILD_LOCK" mvn -B -ntp -Dstyle.color=never "$@")
}

ensure_built() {
  local log started
  needs_build || return 0
  ensure_state_dirs
  log="$(log_file build)"
  started="$(now_ms)"
  say "building (mvn -B -DskipTests install; log: $log)"
  mvn_locked -DskipTests install >"$log" 2>&1 || {
    grep -E '^\[ERROR\]' "$log" | head -n 30 >&2 || tail -n 30 "$log" >&2
    die "the build failed; see $log"
  }
  say "built in $(elapsed_since "$started") s"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  parse_profile_args "$@"
  set -- "${REST_ARGS[@]}"
  case "${1:-}" in
    tools) ensure_tools ;;
    build) ensure_built ;;
    *) die "usage: $0 tools|build [--profile local|test]" ;;
  esac
fi
