#!/usr/bin/env bash
# Installs Debian's Chromium for the browser test (test/n8n/browser.test.ts), once.
# Never downloads a browser of its own (no `npx playwright install`): playwright-core drives
# /usr/bin/chromium. Needs root (or passwordless sudo) for apt-get.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "chromium already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  echo "install-browser.sh: $CHROMIUM is missing and installing Debian's chromium needs root;" >&2
  echo "  run as root, or install it yourself: sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 2
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser.sh: $CHROMIUM is missing and there is no apt-get to install Debian's chromium" >&2
  exit 3
fi

start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
echo "installing Debian's chromium (apt-get update; apt-get install chromium)"
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends chromium fonts-liberation
if [ ! -x "$CHROMIUM" ]; then
  echo "install-browser.sh: apt-get finished but $CHROMIUM is still missing" >&2
  exit 4
fi
echo "chromium installed in $(( $(date +%s) - start ))s: $("$CHROMIUM" --version 2>/dev/null || true)"
