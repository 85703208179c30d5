#!/bin/sh
# Install Debian's chromium for tests/test_browser.py (Playwright drives it via
# executable_path; no browser is ever downloaded). Idempotent: does nothing when
# /usr/bin/chromium is already there. Needs root (or sudo) and apt.
set -eu

if [ -x /usr/bin/chromium ]; then
    echo "chromium: already installed ($(/usr/bin/chromium --version 2>/dev/null || echo unknown version))"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "chromium: /usr/bin/chromium is missing and apt-get is not available; install Chromium by hand" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "chromium: run as root (or install sudo) to apt-get install chromium" >&2
        exit 1
    fi
fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
/usr/bin/chromium --version
