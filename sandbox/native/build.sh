#!/usr/bin/env bash
# Builds the tki_seccomp N-API addon offline against the installed Node headers.
# A missing tool is one clear line, not a gyp stack trace.
set -euo pipefail
cd "$(dirname "$0")"
for tool in cc make python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build:native: '$tool' is missing; install it (Debian: apt-get install -y build-essential python3)" >&2
    exit 1
  fi
done
nodedir="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
if [ ! -f "$nodedir/include/node/node_api.h" ]; then
  echo "build:native: Node headers not found under $nodedir/include/node (install the nodejs headers package)" >&2
  exit 1
fi
# npm tells its scripts where its bundled node-gyp is; outside npm, look next to npm itself.
gyp="${npm_config_node_gyp:-$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js}"
if [ ! -f "$gyp" ]; then
  echo "build:native: node-gyp not found next to npm ($gyp)" >&2
  exit 1
fi
node "$gyp" rebuild --nodedir="$nodedir" --loglevel=warn >/dev/null
test -f build/Release/tki_seccomp.node
# The first process of a root operator's bwrap sandbox (tki_enter_cgroup.c): a plain executable.
cc -std=c11 -Wall -Wextra -Werror -O2 -o build/Release/tki-enter-cgroup tki_enter_cgroup.c
