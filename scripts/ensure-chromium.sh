#!/usr/bin/env bash
# Makes sure Debian's chromium is at /usr/bin/chromium, for the browser tests of the site
# (test/site/browser.test.ts drives it with playwright-core). Installs it with apt-get when it is
# missing, so that `npm test` works on a fresh machine and in CI; never downloads a browser any
# other way (no `playwright install`). Needs root, or sudo without a password.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available; install Debian's chromium package by hand." >&2
  exit 1
fi
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "ensure-chromium: $CHROMIUM is missing; run as root (or with sudo): apt-get update && apt-get install -y chromium" >&2
    exit 1
  fi
  SUDO=(sudo -n)
fi
echo "ensure-chromium: installing chromium with apt-get (about 20 s and 480 MB, once)..." >&2
${SUDO[@]+"${SUDO[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update -qq
${SUDO[@]+"${SUDO[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing." >&2
  exit 1
fi
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium) installed." >&2
