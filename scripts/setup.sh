#!/usr/bin/env bash
# One-shot set-up on a fresh Debian 12 machine: system packages for the sandbox engines,
# then the npm dependencies (whose `prepare` script builds dist/ and the seccomp addon).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
command -v podman >/dev/null 2>&1 || need+=(podman)
command -v runc >/dev/null 2>&1 || need+=(runc)
dpkg -s uidmap >/dev/null 2>&1 || need+=(uidmap)
# Docker: Debian's engine (dockerd, containerd, runc). A docker CLI alone (e.g. /usr/local/bin/docker)
# is not enough: the tests need a daemon on this machine.
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
# The seccomp addon (sandbox/native) is compiled by npm's node-gyp during `npm ci` (prepare → build).
{ command -v cc && command -v make && command -v g++; } >/dev/null 2>&1 || need+=(build-essential)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing system packages: ${need[*]} (run as root, or: sudo apt-get install -y ${need[*]})" >&2
    exit 3
  fi
  echo "setup: installing ${need[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

bash scripts/start-dockerd.sh

npm ci --no-audit --no-fund
