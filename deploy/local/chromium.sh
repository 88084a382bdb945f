#!/usr/bin/env bash
# Makes sure Debian's headless browser for the dashboard's browser test is present:
#   /usr/bin/chromium and /usr/bin/chromedriver (packages chromium and chromium-driver).
# Installed with apt-get (as root or with sudo) when absent; never a browser downloaded by a test tool.
set -euo pipefail

say() { echo "[chromium] $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  say "ready: $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  say "no /usr/bin/chromium or /usr/bin/chromedriver and no apt-get: install Chromium and its ChromeDriver there" >&2
  exit 1
fi
say "installing chromium and chromium-driver with apt-get"
as_root apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || { say "the install did not provide /usr/bin/chromium and /usr/bin/chromedriver" >&2; exit 1; }
say "ready: $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
