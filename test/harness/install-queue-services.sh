#!/usr/bin/env bash
# Installs Debian's redis-server and PostgreSQL for the queue-mode tests, once. They are started by
# the tests themselves on loopback (test/harness/queue.ts); Debian's own services are never started.
# Needs root (or passwordless sudo) for apt-get.
set -euo pipefail
source "$(dirname "$0")/apt.sh"

have_postgres() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
if command -v redis-server >/dev/null 2>&1 && have_postgres; then
  echo "redis-server and PostgreSQL already installed"
  exit 0
fi

start=$(date +%s)
apt_install "redis-server and PostgreSQL" redis-server postgresql || exit $?
if ! command -v redis-server >/dev/null 2>&1 || ! have_postgres; then
  echo "install-queue-services.sh: apt-get finished but redis-server or PostgreSQL is still missing" >&2
  exit 4
fi
echo "redis-server and PostgreSQL installed in $(( $(date +%s) - start ))s"
