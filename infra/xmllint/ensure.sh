#!/usr/bin/env bash
# For tests and CI: the IATI exports are validated with libxml2's xmllint (Debian package libxml2-utils).
# Installs it with apt-get when missing and allowed (root, or sudo without a password); otherwise fails
# with the command to run. Says what it did.
set -euo pipefail

fail() { echo "xmllint: $*" >&2; exit 1; }

if command -v xmllint >/dev/null; then
  echo "xmllint: $(xmllint --version 2>&1 | head -n 1)"
  exit 0
fi

command -v apt-get >/dev/null ||
  fail "not installed, and apt-get is not available here; install libxml2's xmllint (Debian/Ubuntu: apt-get install -y libxml2-utils)"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  fail "not installed; run: sudo apt-get install -y libxml2-utils"
fi

echo "xmllint: not installed; installing libxml2-utils with apt-get"
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y -q libxml2-utils >/dev/null 2>&1; then
  "${as_root[@]}" apt-get update -q >/dev/null 2>&1 || fail "apt-get update failed; run: apt-get update && apt-get install -y libxml2-utils"
  "${as_root[@]}" apt-get install -y -q libxml2-utils >/dev/null || fail "apt-get install -y libxml2-utils failed"
fi
command -v xmllint >/dev/null || fail "libxml2-utils is installed but xmllint is not on PATH"
echo "xmllint: installed $(xmllint --version 2>&1 | head -n 1)"
