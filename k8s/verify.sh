#!/usr/bin/env bash
# Checks k8s/ offline: renders the dev and prod overlays with kubectl kustomize (twice: the same bytes), reads every
# object into its schema with unknown fields refused (fabric8's Kubernetes model, Strimzi's api, CloudNativePG by
# hand), and checks the production rules (k8s/verify/src/test/java/io/cognate/k8s). ./cognate test runs the same
# check as part of its build; this runs it alone. Needs kubectl (kustomize inside) and Maven.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v kubectl >/dev/null || { echo "k8s/verify.sh: kubectl is needed (kubectl kustomize)" >&2; exit 1; }
cd "$root"
exec mvn -B -q -pl k8s/verify test "$@"
