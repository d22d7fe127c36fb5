#!/usr/bin/env bash
# Installs Debian's redis-server and PostgreSQL for the queue-mode tests (npm run test:queue), once.
# They are started by the tests themselves on loopback (test/harness/queue.ts); Debian's own
# services are never started. Needs root (or passwordless sudo) for apt-get.
set -euo pipefail

have_postgres() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
if command -v redis-server >/dev/null 2>&1 && have_postgres; then
  echo "redis-server and PostgreSQL already installed"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  echo "install-queue-services.sh: redis-server or PostgreSQL is missing and installing them needs root;" >&2
  echo "  run as root, or: sudo apt-get update && sudo apt-get install -y redis-server postgresql" >&2
  exit 2
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-queue-services.sh: no apt-get to install Debian's redis-server and postgresql" >&2
  exit 3
fi

start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
echo "installing Debian's redis-server and postgresql (apt-get update; apt-get install)"
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends redis-server postgresql
if ! command -v redis-server >/dev/null 2>&1 || ! have_postgres; then
  echo "install-queue-services.sh: apt-get finished but redis-server or PostgreSQL is still missing" >&2
  exit 4
fi
echo "redis-server and PostgreSQL installed in $(( $(date +%s) - start ))s"
