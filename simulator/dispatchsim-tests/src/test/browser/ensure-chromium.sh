#!/usr/bin/env bash
# The timeline UI's browser tests drive Debian's chromium through chromium-driver (Selenium, no Selenium
# Manager download). Installs both where they are missing - as root, with apt-get - and otherwise fails,
# saying what is missing. `mvn -DskipBrowser` skips the browser tests and this check.
set -euo pipefail

CHROMIUM=${DISPATCHSIM_CHROMIUM:-/usr/bin/chromium}
DRIVER=${DISPATCHSIM_CHROMEDRIVER:-/usr/bin/chromedriver}

missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
[ -x "$DRIVER" ] || missing+=(chromium-driver)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "browser tests: missing ${missing[*]} ($CHROMIUM, $DRIVER)." >&2
    echo "  Install Debian's packages: apt-get install chromium chromium-driver (needs root)," >&2
    echo "  or skip the browser tests with: mvn -DskipBrowser ..." >&2
    exit 1
  fi
  echo "browser tests: installing ${missing[*]} from Debian's packages (about a minute)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# sed reads everything: no broken pipe under pipefail
echo "browser tests: $("$CHROMIUM" --version 2>/dev/null | sed -n 1p); $("$DRIVER" --version 2>/dev/null | sed -n 1p | cut -d' ' -f1-2)"
