#!/usr/bin/env bash
# Installs Debian's Chromium for the browser test (test/n8n/browser.test.ts), once.
# Never downloads a browser of its own (no `npx playwright install`): playwright-core drives
# /usr/bin/chromium. Needs root (or passwordless sudo) for apt-get.
set -euo pipefail
source "$(dirname "$0")/apt.sh"

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "chromium already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

start=$(date +%s)
apt_install "Debian's chromium" chromium fonts-liberation || exit $?
if [ ! -x "$CHROMIUM" ]; then
  echo "install-browser.sh: apt-get finished but $CHROMIUM is still missing" >&2
  exit 4
fi
echo "chromium installed in $(( $(date +%s) - start ))s: $("$CHROMIUM" --version 2>/dev/null || true)"
