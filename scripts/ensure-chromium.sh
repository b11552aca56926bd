#!/usr/bin/env bash
# Makes sure Debian's chromium is at /usr/bin/chromium, installing it when it is not: the browser
# tests (test/browser) drive it with playwright-core, which downloads no browser of its own. Used
# by .ci/run and by `npm test` (its pretest script).
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ -x /usr/bin/chromium ]; then
  echo "chromium is installed"
  exit 0
fi

echo "installing chromium from Debian's packages"
as_root apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
