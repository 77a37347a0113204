#!/usr/bin/env bash
# Starts the Docker daemon in the background when none answers (there is no systemd here), and waits
# for it with a bounded wait. Fast and silent when a daemon already answers; safe to run again.
#   TKI_DOCKERD_WAIT  seconds to wait for the daemon (default 60)
#   TKI_DOCKERD_LOG   where dockerd writes (default /var/log/dockerd.log)
set -euo pipefail

wait_s="${TKI_DOCKERD_WAIT:-60}"
log="${TKI_DOCKERD_LOG:-/var/log/dockerd.log}"
# Any docker CLI can ask; the first on PATH is enough to see whether a daemon answers.
cli="$(command -v docker || true)"

answers() { [ -n "$cli" ] && "$cli" version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if answers; then exit 0; fi
if ! command -v dockerd >/dev/null 2>&1; then
  echo "setup: dockerd is not installed (apt-get install -y docker.io)" >&2
  exit 3
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "setup: no Docker daemon answers and only root can start one: sudo bash scripts/start-dockerd.sh" >&2
  exit 3
fi
# A daemon that died leaves its pid file behind; dockerd refuses to start over a live one only.
if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then rm -f /var/run/docker.pid; fi
if [ -f /var/run/docker.pid ]; then
  echo "setup: dockerd (pid $(cat /var/run/docker.pid)) is running but does not answer yet; waiting" >&2
else
  echo "setup: starting dockerd in the background (log: $log)" >&2
  # setsid + nohup: the daemon outlives this script and the CI step that ran it.
  setsid nohup dockerd >"$log" 2>&1 </dev/null &
fi
for _ in $(seq 1 $((wait_s * 2))); do
  if [ -S /var/run/docker.sock ] && answers; then exit 0; fi
  sleep 0.5
done
echo "setup: the Docker daemon did not answer within ${wait_s}s; its last log lines ($log):" >&2
tail -n 5 "$log" >&2 || true
exit 3
